//! 落实: what the meeting decided to do, who does it, by when, and whether
//! it is done.

use leptos::prelude::*;

use super::meeting_part;

use super::person_picker::PersonPicker;
use crate::browser::clock;
use crate::domain::meeting::{FollowUp, PersonRef};
use crate::ui::draft_text::DraftInput;
use crate::ui::state::use_app;

#[component]
pub fn FollowUpsPanel(id: String) -> impl IntoView {
    let state = use_app();
    let items = meeting_part(state, &id, |m| m.follow_ups.clone());
    let add_id = id.clone();
    let add = move |_| {
        let item = FollowUp {
            id: clock::new_id("f"),
            task: String::new(),
            owner: PersonRef::default(),
            due: None,
            done_on: None,
        };
        state.edit_meeting(&add_id, |m| m.follow_ups.push(item));
    };
    view! {
        <Show when=move || items.with(|i| i.is_empty())>
            <p class="empty">"还没有需要落实的事项。"</p>
        </Show>
        <For each=move || items.get() key=|f| f.id.clone() let:item>
            <FollowUpCard meeting_id=id.clone() item=item items=items/>
        </For>
        <button class="button" on:click=add>"＋ 添加落实事项"</button>
    }
}

#[component]
fn FollowUpCard(meeting_id: String, item: FollowUp, items: Memo<Vec<FollowUp>>) -> impl IntoView {
    let state = use_app();
    let fid = item.id.clone();
    let current = move || items.with(|list| list.iter().find(|f| f.id == fid).cloned());
    let edit = {
        let meeting_id = meeting_id.clone();
        let fid = item.id.clone();
        move |f: Box<dyn FnOnce(&mut FollowUp)>| {
            let fid = fid.clone();
            state.edit_meeting(&meeting_id, move |m| {
                if let Some(x) = m.follow_ups.iter_mut().find(|x| x.id == fid) {
                    f(x);
                }
            });
        }
    };
    let task_edit = edit.clone();
    let owner_edit = edit.clone();
    let due_edit = edit.clone();
    let done_edit = edit.clone();
    let owner_current = current.clone();
    let due_current = current.clone();
    let done_current = current.clone();
    let remove_id = item.id.clone();
    let task_current = current.clone();
    view! {
        <section class="card form follow-up">
            <DraftInput label="事项" name="task" value=Signal::derive(move || task_current().map(|f| f.task).unwrap_or_default())
                on_save=move |t: String| task_edit(Box::new(move |f| f.task = t.trim().to_string()))/>
            <PersonPicker label="责任人" name="owner"
                value=Signal::derive(move || owner_current().map(|f| f.owner).unwrap_or_default())
                on_change=move |p| owner_edit(Box::new(move |f| f.owner = p))/>
            <label class="field">
                <span>"时限"</span>
                <input type="date" name="due" prop:value=move || due_current().and_then(|f| f.due).map(|d| d.to_string()).unwrap_or_default()
                    on:change=move |ev| {
                        let d = event_target_value(&ev).parse().ok();
                        due_edit(Box::new(move |f| f.due = d));
                    }/>
            </label>
            <label class="switch-row">
                <input type="checkbox" name="done" prop:checked=move || done_current().is_some_and(|f| f.done_on.is_some())
                    on:change=move |ev| {
                        let done = event_target_checked(&ev).then(clock::today);
                        done_edit(Box::new(move |f| f.done_on = done));
                    }/>
                <span>{move || match current().and_then(|f| f.done_on) {
                    Some(d) => format!("已完成（{d}）"),
                    None => "未完成".to_string(),
                }}</span>
            </label>
            <button class="link-button small" on:click=move |_| {
                if crate::browser::dialog::confirm("删除这项落实事项？") {
                    let rid = remove_id.clone();
                    state.edit_meeting(&meeting_id, |m| m.follow_ups.retain(|f| f.id != rid));
                }
            }>"删除这项"</button>
        </section>
    }
}
