//! 清单: the meeting's checklist by 会前 / 会中 / 会后. Items can be added or
//! removed for this meeting alone; the template stays as it is. One field
//! under the three lists adds to any of them: a field under each pushed the
//! first 会中 row under the meeting's bar on a phone's first view.

use chrono::Datelike;
use leptos::prelude::*;

use crate::browser::clock;
use crate::domain::job::Area;
use crate::domain::meeting::{ChecklistItem, Phase};
use crate::domain::rules::checklist::progress;
use crate::domain::rules::recording::{add_item, edit_item, remove_item};
use crate::ui::handles::MeetingHandle;
use crate::ui::job::use_may_edit;
use crate::ui::link::A;
use crate::ui::widgets::{CheckRow, InlineAdd, Segmented};

#[component]
pub fn ChecklistPanel(meeting: MeetingHandle) -> impl IntoView {
    let editable = use_may_edit(Area::Meetings);
    view! {
        {Phase::ALL.map(|phase| view! { <PhaseList meeting=meeting phase=phase /> })}
        <Show when=move || editable.get()>
            <AddItem meeting=meeting />
        </Show>
    }
}

/// An item for this meeting alone, in the list chosen (会中 first: the
/// meeting's own business is what a recorder adds most).
#[component]
fn AddItem(meeting: MeetingHandle) -> impl IntoView {
    let phase = RwSignal::new(Phase::During);
    let add = move |text: String| {
        let item = ChecklistItem {
            id: clock::new_id("c"),
            phase: phase.get_untracked(),
            text,
            done: false,
        };
        meeting.edit(move |m| add_item(&mut m.checklist, item.clone()));
    };
    view! {
        <section class="card form checklist-add">
            <Segmented
                name="new-item-phase"
                label="添加到"
                options=Phase::ALL.map(|p| (p, p.label())).to_vec()
                value=phase
                on_change=Callback::new(move |p| phase.set(p))
            />
            <InlineAdd name="new-item" placeholder="添加本次会议的事项" on_add=add />
        </section>
    }
}

#[component]
fn PhaseList(meeting: MeetingHandle, phase: Phase) -> impl IntoView {
    let items = meeting.part(move |m| {
        m.checklist
            .iter()
            .filter(|c| c.phase == phase)
            .cloned()
            .collect::<Vec<_>>()
    });
    // "交纳党费" opens the ledger of the meeting's month (本月党费).
    let dues_month = meeting.part(move |m| {
        let day = m.date.or(m.planned_date).unwrap_or_else(clock::today);
        (day.year(), day.month())
    });
    let counts = move || {
        let (done, total) = items.with(|list| progress(list, phase));
        format!("{done}/{total}")
    };
    view! {
        <section class="card checklist">
            <h3 class="card-title row-between">
                {phase.label()}<span class="muted small">{counts}</span>
            </h3>
            <ul class="check-list">
                <For
                    each=move || items.get()
                    key=|c| (c.id.clone(), c.done, c.text.clone())
                    let:item
                >
                    {
                        let dues = item.text.contains("党费");
                        let toggle_id = item.id.clone();
                        let remove_id = item.id.clone();
                        view! {
                            <CheckRow
                                text=item.text.clone()
                                checked=item.done
                                on_toggle=Callback::new(move |done: bool| {
                                    let id = toggle_id.clone();
                                    meeting
                                        .edit(move |m| edit_item(
                                            &mut m.checklist,
                                            &id,
                                            |c| c.done = done,
                                        ));
                                })
                                remove=(
                                    "从本次会议移除",
                                    Callback::new(move |()| {
                                        let id = remove_id.clone();
                                        meeting.edit(move |m| remove_item(&mut m.checklist, &id));
                                    }),
                                )
                            />
                            <Show when=move || dues>
                                <li class="check-link">
                                    <A
                                        href=move || {
                                            let (year, month) = dues_month.get();
                                            format!("/mine/dues/{year}/{month}")
                                        }
                                        attr:class="button small"
                                    >
                                        "本月党费 ›"
                                    </A>
                                </li>
                            </Show>
                        }
                    }
                </For>
            </ul>
        </section>
    }
}
