//! 表决: motions with 赞成 / 反对 / 弃权 counts and the result by the 条例
//! rule (in favour must exceed half of the voting members due).

use std::rc::Rc;

use leptos::prelude::*;

use crate::browser::clock;
use crate::domain::meeting::Vote;
use crate::domain::rules::recording::{add_item, edit_item, remove_item};
use crate::domain::rules::vote::{evaluate_vote, VoteResult};
use crate::ui::draft_text::DraftInput;
use crate::ui::handles::MeetingHandle;

#[component]
pub fn VotesPanel(meeting: MeetingHandle) -> impl IntoView {
    let votes = meeting.part(|m| m.votes.iter().map(|v| v.id.clone()).collect::<Vec<_>>());
    let add = move |_| {
        let vote = Vote {
            id: clock::new_id("v"),
            motion: String::new(),
            in_favour: 0,
            against: 0,
            abstain: 0,
        };
        meeting.edit(move |m| add_item(&mut m.votes, vote.clone()));
    };
    view! {
        <Show when=move || votes.with(|v| v.is_empty())>
            <p class="empty">"本次会议还没有表决事项。"</p>
        </Show>
        <For each=move || votes.get() key=|id| id.clone() let:vote_id>
            <VoteCard meeting=meeting vote_id=vote_id />
        </For>
        <button class="button" on:click=add>
            "＋ 添加表决事项"
        </button>
    }
}

#[component]
fn VoteCard(meeting: MeetingHandle, vote_id: String) -> impl IntoView {
    let state = meeting.state;
    let outcome = {
        let vote_id = vote_id.clone();
        Memo::new(move |_| {
            state.doc.with(|d| {
                meeting
                    .with(|m| {
                        let v = m.votes.iter().find(|v| v.id == vote_id)?;
                        let outcome = evaluate_vote(m, v, &d.members);
                        Some((
                            v.clone(),
                            outcome.sentence(v),
                            outcome.warning.clone(),
                            outcome.result,
                        ))
                    })
                    .flatten()
            })
        })
    };
    let edit = {
        let vote_id = vote_id.clone();
        move |change: Rc<dyn Fn(&mut Vote)>| {
            let id = vote_id.clone();
            meeting.edit(move |m| edit_item(&mut m.votes, &id, |v| change(v)));
        }
    };
    let counter = {
        let edit = edit.clone();
        move |label: &'static str,
              name: &'static str,
              get: fn(&Vote) -> u32,
              set: fn(&mut Vote, u32)| {
            let value =
                move || outcome.with(|o| o.as_ref().map(|(v, ..)| get(v)).unwrap_or_default());
            // Each button sets the count the member sees plus or minus one,
            // so an edit applied again never counts twice.
            let (minus, plus, typed) = (edit.clone(), edit.clone(), edit.clone());
            view! {
                <div class="counter">
                    <span class="counter-label">{label}</span>
                    <button
                        class="step"
                        aria-label=format!("{label}减一")
                        on:click=move |_| {
                            let n = value().saturating_sub(1);
                            minus(Rc::new(move |v| set(v, n)));
                        }
                    >
                        "−"
                    </button>
                    <input
                        type="number"
                        name=name
                        min="0"
                        inputmode="numeric"
                        aria-label=format!("{label}票数")
                        prop:value=move || value().to_string()
                        on:change=move |ev| {
                            let n = event_target_value(&ev).parse::<u32>().unwrap_or(0);
                            typed(Rc::new(move |v| set(v, n)));
                        }
                    />
                    <button
                        class="step"
                        aria-label=format!("{label}加一")
                        on:click=move |_| {
                            let n = value().saturating_add(1);
                            plus(Rc::new(move |v| set(v, n)));
                        }
                    >
                        "＋"
                    </button>
                </div>
            }
        }
    };
    let motion = Signal::derive(move || {
        outcome.with(|o| {
            o.as_ref()
                .map(|(v, ..)| v.motion.clone())
                .unwrap_or_default()
        })
    });
    let motion_edit = edit.clone();
    view! {
        <section class="card form vote">
            <DraftInput
                label="表决事项"
                name="motion"
                placeholder="如：关于接收某某同志为预备党员的决议"
                value=motion
                on_save={move |t: String| {
                    let t = t.trim().to_string();
                    motion_edit(Rc::new(move |v| v.motion = t.clone()));
                }}
            />
            {counter("赞成", "in-favour", |v| v.in_favour, |v, n| v.in_favour = n)}
            {counter("反对", "against", |v| v.against, |v, n| v.against = n)}
            {counter("弃权", "abstain", |v| v.abstain, |v, n| v.abstain = n)}
            {move || {
                outcome
                    .get()
                    .map(|(_, sentence, warning, result)| {
                        view! {
                            <p class="vote-result" class:ok=result == VoteResult::Passed>
                                {sentence}
                            </p>
                            {warning.map(|w| view! { <p class="error small">{w}</p> })}
                        }
                    })
            }}
            <button
                class="link-button small"
                on:click=move |_| {
                    if crate::browser::dialog::confirm("删除这项表决及其票数？") {
                        let id = vote_id.clone();
                        meeting.edit(move |m| remove_item(&mut m.votes, &id));
                    }
                }
            >
                "删除这项表决"
            </button>
        </section>
    }
}
