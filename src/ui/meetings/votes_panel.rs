//! 表决: motions with 赞成 / 反对 / 弃权 counts and the result by the 条例
//! rule (in favour must exceed half of the voting members due).

use leptos::prelude::*;

use super::meeting_part;

use crate::browser::clock;
use crate::domain::meeting::Vote;
use crate::domain::rules::vote::evaluate_vote;
use crate::ui::draft_text::DraftInput;
use crate::ui::state::use_app;

#[component]
pub fn VotesPanel(id: String) -> impl IntoView {
    let state = use_app();
    let votes = meeting_part(state, &id, |m| m.votes.clone());
    let add_id = id.clone();
    let add = move |_| {
        let vote = Vote {
            id: clock::new_id("v"),
            motion: String::new(),
            in_favour: 0,
            against: 0,
            abstain: 0,
        };
        state.edit_meeting(&add_id, |m| m.votes.push(vote));
    };
    view! {
        <Show when=move || votes.with(|v| v.is_empty())>
            <p class="empty">"本次会议还没有表决事项。"</p>
        </Show>
        <For each=move || votes.get() key=|v| v.id.clone() let:vote>
            <VoteCard meeting_id=id.clone() vote_id=vote.id.clone() motion=vote.motion.clone()/>
        </For>
        <button class="button" on:click=add>"＋ 添加表决事项"</button>
    }
}

#[component]
fn VoteCard(meeting_id: String, vote_id: String, motion: String) -> impl IntoView {
    let state = use_app();
    let outcome = {
        let meeting_id = meeting_id.clone();
        let vote_id = vote_id.clone();
        Memo::new(move |_| {
            state.doc.with(|d| {
                let m = d.meeting(&meeting_id)?;
                let v = m.votes.iter().find(|v| v.id == vote_id)?;
                let outcome = evaluate_vote(m, v, &d.members);
                Some((
                    v.clone(),
                    outcome.sentence(v),
                    outcome.warning.clone(),
                    outcome.result,
                ))
            })
        })
    };
    let edit = {
        let meeting_id = meeting_id.clone();
        let vote_id = vote_id.clone();
        move |f: Box<dyn FnOnce(&mut Vote)>| {
            let vote_id = vote_id.clone();
            state.edit_meeting(&meeting_id, move |m| {
                if let Some(v) = m.votes.iter_mut().find(|v| v.id == vote_id) {
                    f(v);
                }
            });
        }
    };
    let counter = {
        let edit = edit.clone();
        move |label: &'static str,
              name: &'static str,
              get: fn(&Vote) -> u32,
              set: fn(&mut Vote, u32)| {
            let minus = edit.clone();
            let plus = edit.clone();
            let typed = edit.clone();
            let value =
                move || outcome.with(|o| o.as_ref().map(|(v, ..)| get(v)).unwrap_or_default());
            view! {
                <div class="counter">
                    <span class="counter-label">{label}</span>
                    <button class="step" aria-label=format!("{label}减一") on:click=move |_| minus(Box::new(move |v| set(v, get(v).saturating_sub(1))))>"−"</button>
                    <input type="number" name=name min="0" inputmode="numeric" aria-label=format!("{label}票数") prop:value=move || value().to_string()
                        on:change=move |ev| {
                            let n = event_target_value(&ev).parse::<u32>().unwrap_or(0);
                            typed(Box::new(move |v| set(v, n)));
                        }/>
                    <button class="step" aria-label=format!("{label}加一") on:click=move |_| plus(Box::new(move |v| set(v, get(v).saturating_add(1))))>"＋"</button>
                </div>
            }
        }
    };
    let motion_edit = edit.clone();
    let remove_meeting = meeting_id.clone();
    let remove_vote = vote_id.clone();
    view! {
        <section class="card form vote">
            <DraftInput label="表决事项" name="motion" placeholder="如：关于接收某某同志为预备党员的决议"
                value=Signal::derive(move || outcome.with(|o| o.as_ref().map(|(v, ..)| v.motion.clone()).unwrap_or_else(|| motion.clone())))
                on_save=move |t: String| motion_edit(Box::new(move |v| v.motion = t.trim().to_string()))/>
            {counter("赞成", "in-favour", |v| v.in_favour, |v, n| v.in_favour = n)}
            {counter("反对", "against", |v| v.against, |v, n| v.against = n)}
            {counter("弃权", "abstain", |v| v.abstain, |v, n| v.abstain = n)}
            {move || outcome.get().map(|(_, sentence, warning, result)| view! {
                <p class="vote-result" class:ok=result == crate::domain::rules::vote::VoteResult::Passed>{sentence}</p>
                {warning.map(|w| view! { <p class="error small">{w}</p> })}
            })}
            <button class="link-button small" on:click=move |_| {
                if crate::browser::dialog::confirm("删除这项表决及其票数？") {
                    let vid = remove_vote.clone();
                    state.edit_meeting(&remove_meeting, |m| m.votes.retain(|v| v.id != vid));
                }
            }>"删除这项表决"</button>
        </section>
    }
}
