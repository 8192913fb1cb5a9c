//! 选举 at a meeting: each ballot on a card, and a button per office the
//! body elects (the 党员大会 its 委员; the 支委会 its 书记 and 副书记).

use leptos::prelude::*;

use super::election_card::ElectionCard;
use crate::browser::clock;
use crate::domain::meeting::{Election, Office};
use crate::domain::rules::recording::add_item;
use crate::domain::rules::vote::Body;
use crate::ui::handles::MeetingHandle;

#[component]
pub fn ElectionsSection(meeting: MeetingHandle) -> impl IntoView {
    let state = meeting.state;
    let ballots = meeting.part(|m| m.elections.iter().map(|e| e.id.clone()).collect::<Vec<_>>());
    let offices = move || {
        let body = meeting.with(Body::of).flatten();
        let has_committee = state.doc.with(|d| d.branch.has_committee(&d.members));
        body.map(|b| Office::elected_by(b, has_committee))
            .unwrap_or_default()
    };
    let add = move |office: Office| {
        let ballot = Election {
            id: clock::new_id("e"),
            office,
            seats: (office != Office::CommitteeMember).then_some(1),
            ..Election::default()
        };
        meeting.edit(move |m| add_item(&mut m.elections, ballot.clone()));
    };
    view! {
        <section class="elections">
            <h3 class="section-title">"选举"</h3>
            <Show when=move || ballots.with(Vec::is_empty)>
                <p class="muted small">
                    "换届或补选委员在支部党员大会上进行；书记、副书记由支委会选举产生。"
                </p>
            </Show>
            <For each=move || ballots.get() key=|id| id.clone() let:id>
                <ElectionCard meeting=meeting id=id />
            </For>
            <div class="row wrap">
                {move || {
                    offices()
                        .into_iter()
                        .map(|office| {
                            view! {
                                <button class="button" type="button" on:click=move |_| add(office)>
                                    {format!("＋ 选举{}", office.label())}
                                </button>
                            }
                        })
                        .collect_view()
                }}
            </div>
        </section>
    }
}
