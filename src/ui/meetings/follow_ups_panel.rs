//! 落实: what the meeting decided to do, who does it, by when, and whether
//! it is done.

use std::rc::Rc;

use leptos::prelude::*;

use crate::browser::clock;
use crate::domain::meeting::{FollowUp, PersonRef};
use crate::domain::rules::recording::{add_item, edit_item, remove_item};
use crate::ui::draft_text::DraftInput;
use crate::ui::handles::MeetingHandle;
use crate::ui::person_picker::PersonPicker;
use crate::ui::widgets::{DateInput, SwitchRow};

#[component]
pub fn FollowUpsPanel(meeting: MeetingHandle) -> impl IntoView {
    let items = meeting.part(|m| m.follow_ups.clone());
    let add = move |_| {
        let item = FollowUp {
            id: clock::new_id("f"),
            task: String::new(),
            owner: PersonRef::default(),
            due: None,
            done_on: None,
        };
        meeting.edit(move |m| add_item(&mut m.follow_ups, item.clone()));
    };
    view! {
        <Show when=move || items.with(|i| i.is_empty())>
            <p class="empty">"还没有需要落实的事项。"</p>
        </Show>
        <For each=move || items.get() key=|f| f.id.clone() let:item>
            <FollowUpCard meeting=meeting id=item.id.clone() />
        </For>
        <button class="button" on:click=add>
            "＋ 添加落实事项"
        </button>
    }
}

#[component]
fn FollowUpCard(meeting: MeetingHandle, id: String) -> impl IntoView {
    let fid = id.clone();
    let current = meeting.part(move |m| m.follow_ups.iter().find(|f| f.id == fid).cloned());
    let edit = {
        let id = id.clone();
        move |change: Rc<dyn Fn(&mut FollowUp)>| {
            let id = id.clone();
            meeting.edit(move |m| edit_item(&mut m.follow_ups, &id, |f| change(f)));
        }
    };
    let read = move |f: fn(&FollowUp) -> String| {
        Signal::derive(move || current.with(|x| x.as_ref().map(f).unwrap_or_default()))
    };
    let owner = Signal::derive(move || {
        current.with(|f| f.as_ref().map(|f| f.owner.clone()).unwrap_or_default())
    });
    let (task_edit, owner_edit, due_edit, done_edit) =
        (edit.clone(), edit.clone(), edit.clone(), edit);
    view! {
        <section class="card form follow-up">
            <DraftInput
                label="事项"
                name="task"
                value=read(|f| f.task.clone())
                on_save={move |t: String| {
                    let t = t.trim().to_string();
                    task_edit(Rc::new(move |f| f.task = t.clone()));
                }}
            />
            <PersonPicker
                label="责任人"
                name="owner"
                value=owner
                on_change={move |p: PersonRef| owner_edit(Rc::new(move |f| f.owner = p.clone()))}
            />
            <DateInput
                label="时限"
                name="due"
                value=Signal::derive(move || current.with(|f| f.as_ref().and_then(|f| f.due)))
                on_change=move |due| due_edit(Rc::new(move |f| f.due = due))
            />
            <SwitchRow
                name="done"
                label=move || match current.with(|f| f.as_ref().and_then(|f| f.done_on)) {
                    Some(d) => format!("已完成（{d}）"),
                    None => "未完成".to_string(),
                }
                checked=Signal::derive(move || {
                    current.with(|f| f.as_ref().is_some_and(|f| f.done_on.is_some()))
                })
                on_change=move |done: bool| {
                    let done = done.then(clock::today);
                    done_edit(Rc::new(move |f| f.done_on = done));
                }
            />
            <button
                class="link-button small"
                on:click=move |_| {
                    if crate::browser::dialog::confirm("删除这项落实事项？") {
                        let id = id.clone();
                        meeting.edit(move |m| remove_item(&mut m.follow_ups, &id));
                    }
                }
            >
                "删除这项"
            </button>
        </section>
    }
}
