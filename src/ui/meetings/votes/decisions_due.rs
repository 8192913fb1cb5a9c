//! 发展党员 due for this meeting's decision: the people whose path waits
//! for what this 支委会 or 支部大会 decides on its day, each put to the vote
//! in one tap with the motion worded from the path; at the 转正 discussion
//! an extension or a cancellation instead. Only the phone that keeps the
//! paths (the secretary's) shows it.

use leptos::prelude::*;

use crate::browser::clock;
use crate::domain::development::meetings::{offers, vote_on, Decision, Offer};
use crate::domain::rules::recording::add_item;
use crate::ui::development::ExtendOrCancel;
use crate::ui::handles::MeetingHandle;
use crate::ui::link::A;

#[component]
pub fn DecisionsDue(meeting: MeetingHandle) -> impl IntoView {
    let state = meeting.state;
    let offered = Memo::new(move |_| {
        state
            .doc
            .with(|d| meeting.with(|m| offers(d, m)))
            .unwrap_or_default()
    });
    view! {
        <Show when=move || !offered.with(Vec::is_empty)>
            <section class="card decisions-due" data-testid="decisions-due">
                <h3 class="card-title">"发展党员：待本次会议决定"</h3>
                <p class="muted small">
                    "按发展党员全程纪实，以下同志已到本次会议讨论决定的环节。"
                </p>
                <ul class="decision-offers">
                    <For
                        each=move || offered.get()
                        key=|o| (o.applicant_id.clone(), o.decision.label())
                        let:offer
                    >
                        <DecisionOffer meeting=meeting offer=offer />
                    </For>
                </ul>
            </section>
        </Show>
    }
}

/// One person and the decision due, with the tap that puts it to the vote.
#[component]
fn DecisionOffer(meeting: MeetingHandle, offer: Offer) -> impl IntoView {
    let state = meeting.state;
    let Offer {
        applicant_id,
        name,
        decision,
    } = offer;
    let path = format!("/mine/development/{applicant_id}");
    let put = Callback::new(move |decision: Decision| {
        let Some(vote) = state.doc.with_untracked(|d| {
            d.applicant(&applicant_id)
                .map(|a| vote_on(a, decision, clock::new_id("v")))
        }) else {
            return;
        };
        meeting.edit(move |m| add_item(&mut m.votes, vote.clone()));
    });
    view! {
        <li class="decision-offer">
            <div class="decision-offer-row">
                <span class="decision-offer-what">
                    <A href=path>{name}</A>
                    <span class="muted">{decision.label()}</span>
                </span>
                <button
                    class="button small primary"
                    type="button"
                    on:click=move |_| put.run(decision)
                >
                    "列入表决"
                </button>
            </div>
            {(decision == Decision::Confirm).then(|| view! { <OtherDecisions on_put=put /> })}
        </li>
    }
}

/// At the 转正 discussion the 支部大会 may instead extend the 预备期, by
/// six months to a year, or cancel it (细则第三十二条).
#[component]
fn OtherDecisions(on_put: Callback<Decision>) -> impl IntoView {
    view! {
        <details class="other-decisions">
            <summary class="small">
                "不能按期转正时：延长预备期或取消资格"
            </summary>
            <ExtendOrCancel
                name="extend-months"
                extend="列入表决：延长预备期"
                cancel="列入表决：取消预备党员资格"
                on_decide=on_put
            />
        </details>
    }
}
