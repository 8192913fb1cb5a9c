//! 清单: the meeting's checklist by 会前 / 会中 / 会后. Items can be added or
//! removed for this meeting alone; the template stays as it is.

use leptos::prelude::*;

use crate::browser::clock;
use crate::domain::meeting::{ChecklistItem, Phase};
use crate::domain::rules::checklist::progress;
use crate::ui::state::use_app;
use crate::ui::widgets::InlineAdd;

#[component]
pub fn ChecklistPanel(id: String) -> impl IntoView {
    Phase::ALL
        .map(|phase| view! { <PhaseList id=id.clone() phase=phase/> })
        .collect_view()
}

#[component]
fn PhaseList(id: String, phase: Phase) -> impl IntoView {
    let state = use_app();
    let items = {
        let id = id.clone();
        Memo::new(move |_| {
            state.doc.with(|d| {
                d.meeting(&id)
                    .map(|m| {
                        m.checklist
                            .iter()
                            .filter(|c| c.phase == phase)
                            .cloned()
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
        })
    };
    let counts = move || {
        let list = items.get();
        let (done, total) = progress(&list, phase);
        format!("{done}/{total}")
    };
    let add_id = id.clone();
    let add = move |text: String| {
        let item = ChecklistItem {
            id: clock::new_id("c"),
            phase,
            text,
            done: false,
        };
        state.edit_meeting(&add_id, |m| m.checklist.push(item));
    };
    view! {
        <section class="card checklist">
            <h3 class="card-title row-between">{phase.label()}<span class="muted small">{counts}</span></h3>
            <ul class="check-list">
                <For each=move || items.get() key=|c| (c.id.clone(), c.done, c.text.clone()) let:item>
                    <CheckRow meeting_id=id.clone() item=item/>
                </For>
            </ul>
            <InlineAdd name=format!("new-{}", phase.label()) placeholder="添加本次会议的事项" on_add=add/>
        </section>
    }
}

#[component]
fn CheckRow(meeting_id: String, item: ChecklistItem) -> impl IntoView {
    let state = use_app();
    let toggle_meeting = meeting_id.clone();
    let toggle_item = item.id.clone();
    let remove_item = item.id.clone();
    view! {
        <li class="check-row">
            <label class="check">
                <input type="checkbox" prop:checked=item.done on:change=move |ev| {
                    let done = event_target_checked(&ev);
                    let item_id = toggle_item.clone();
                    state.edit_meeting(&toggle_meeting, |m| {
                        if let Some(c) = m.checklist.iter_mut().find(|c| c.id == item_id) { c.done = done; }
                    });
                }/>
                <span>{item.text.clone()}</span>
            </label>
            <button class="icon-button" aria-label="从本次会议移除" on:click=move |_| {
                let item_id = remove_item.clone();
                state.edit_meeting(&meeting_id, |m| m.checklist.retain(|c| c.id != item_id));
            }>"×"</button>
        </li>
    }
}
