//! 任务: the key tasks a 支委会 (or a 组织生活会's 查摆) deploys, the ones
//! the meeting checks (一起部署、一起检查), and at a 党小组会 the month's
//! key-work review.

use chrono::Datelike;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::browser::clock;
use crate::domain::fusion::group_work::{months_reviewable_at, status};
use crate::domain::fusion::{GroupMonth, GroupMonthStatus, KeyTask, TaskKind, TaskSource};
use crate::domain::meeting::MeetingKind;
use crate::ui::draft_text::DraftTextArea;
use crate::ui::fusion::{owner_name, GroupReviewCard};
use crate::ui::handles::{MeetingHandle, TaskHandle};
use crate::ui::link::A;

/// Whether a meeting of this kind deploys or checks key tasks.
pub fn has_tasks(kind: &MeetingKind, also: &[MeetingKind]) -> bool {
    std::iter::once(kind).chain(also).any(|k| {
        matches!(
            k,
            MeetingKind::CommitteeMeeting
                | MeetingKind::GroupMeeting
                | MeetingKind::OrganizationalLife
        )
    })
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Row {
    id: String,
    title: String,
    owner: String,
    checked: bool,
}

#[component]
pub fn TasksPanel(meeting: MeetingHandle) -> impl IntoView {
    let state = meeting.state;
    let navigate = use_navigate();
    let from_life = meeting.part(|m| m.kind == MeetingKind::OrganizationalLife);
    let deploys = meeting.part(|m| {
        m.counts_as(&MeetingKind::CommitteeMeeting) || m.counts_as(&MeetingKind::OrganizationalLife)
    });
    let day = meeting.part(|m| m.date.or(m.planned_date));
    let year = Memo::new(move |_| {
        day.get()
            .map_or_else(|| clock::today().year(), |d| d.year())
    });
    let deployed = Memo::new(move |_| {
        let id = meeting.id();
        state.doc.with(|d| {
            d.tasks
                .iter()
                .filter(|t| t.deployed_in.as_deref() == Some(id.as_str()))
                .map(|t| Row {
                    id: t.id.clone(),
                    title: t.title.clone(),
                    owner: owner_name(d, &t.owner),
                    checked: false,
                })
                .collect::<Vec<_>>()
        })
    });
    let checkable = Memo::new(move |_| {
        let id = meeting.id();
        let year = year.get();
        state.doc.with(|d| {
            d.tasks
                .iter()
                .filter(|t| t.deployed_in.as_deref() != Some(id.as_str()))
                .filter(|t| t.checked_in(&id) || (t.status.is_open() && t.year <= year))
                .map(|t| Row {
                    id: t.id.clone(),
                    title: t.title.clone(),
                    owner: owner_name(d, &t.owner),
                    checked: t.checked_in(&id),
                })
                .collect::<Vec<_>>()
        })
    });
    let deploy = move |_| {
        let id = clock::new_id("kt");
        let from_life = from_life.get_untracked();
        state.add_task(KeyTask {
            id: id.clone(),
            year: year.get_untracked(),
            kind: if from_life {
                TaskKind::Problem
            } else {
                TaskKind::Duty
            },
            source: if from_life {
                TaskSource::OrganizationalLife
            } else {
                TaskSource::Committee
            },
            deployed_in: Some(meeting.id()),
            ..KeyTask::default()
        });
        navigate(&format!("/fusion/tasks/{id}"), Default::default());
    };
    // The months this 党小组会 may review, where the branch keeps 党小组
    // 每月重点工作: its own, and the month before at the group's first
    // meeting of the month when that one is set and still open (or was
    // reviewed here).
    let group_reviews = Memo::new(move |_| {
        let id = meeting.id();
        state.doc.with(|d| {
            if !d.branch.rules.group_monthly_work {
                return Vec::new();
            }
            let Some(m) = d.meeting(&id) else {
                return Vec::new();
            };
            let Some(group) = m.group_id.clone() else {
                return Vec::new();
            };
            months_reviewable_at(m, &d.meetings)
                .into_iter()
                .enumerate()
                .filter(|(i, (y, mo))| {
                    *i == 0 || {
                        let month = d.group_month(&GroupMonth::id_for(&group, *y, *mo));
                        let open = status(month, &d.meetings) == GroupMonthStatus::Set;
                        let here =
                            month.and_then(|g| g.review.meeting_id.as_deref()) == Some(id.as_str());
                        open || here
                    }
                })
                .map(|(_, (y, mo))| (group.clone(), y, mo))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || deploys.get()>
            <section class="card" data-testid="deployed-tasks">
                <h2 class="card-title row-between">
                    <span>"本次会议部署的任务"</span>
                    <button class="button small primary" on:click=deploy.clone()>
                        "＋ 部署一项任务"
                    </button>
                </h2>
                <Show when=move || deployed.with(Vec::is_empty)>
                    <p class="empty">"还没有部署任务。"</p>
                </Show>
                <ul class="plain-list">
                    <For each=move || deployed.get() key=|r| r.clone() let:row>
                        <li>
                            <A href=format!(
                                "/fusion/tasks/{}",
                                row.id,
                            )>
                                {if row.title.is_empty() {
                                    "（未填任务名称）".to_string()
                                } else {
                                    row.title.clone()
                                }}
                            </A>
                            " "
                            <span class="muted small">{row.owner.clone()}</span>
                        </li>
                    </For>
                </ul>
            </section>
        </Show>
        <section class="card" data-testid="checked-tasks">
            <h2 class="card-title">"本次会议检查的任务"</h2>
            <Show when=move || checkable.with(Vec::is_empty)>
                <p class="empty">
                    "清单中没有未销号的任务。"
                    <A href="/fusion">"查看重点任务清单"</A>
                </p>
            </Show>
            <For each=move || checkable.get() key=|r| r.clone() let:row>
                <CheckedTask meeting=meeting row=row />
            </For>
        </section>
        <For each=move || group_reviews.get() key=|r| r.clone() let:review>
            {
                let (group, y, m) = review;
                let href = format!("/fusion/groups/{group}/{y}/{m}");
                view! {
                    <GroupReviewCard group_id=group year=y month=m meeting_id=meeting.id() />
                    <p class="muted small">
                        <A href=href>{format!("{m}月重点工作 ›")}</A>
                    </p>
                }
            }
        </For>
    }
}

/// One open task: ticking it records that this meeting checked it, with
/// a line of progress.
#[component]
fn CheckedTask(meeting: MeetingHandle, row: Row) -> impl IntoView {
    let task = TaskHandle::new(meeting.state, row.id.clone());
    let note = Memo::new(move |_| {
        let meeting_id = meeting.id();
        task.with(|t| t.progress_at(&meeting_id).map(|p| p.text.clone()))
            .flatten()
            .unwrap_or_default()
    });
    let day = meeting.part(|m| m.date.or(m.planned_date));
    let toggle = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        let (meeting_id, note_id) = (meeting.id(), clock::new_id("pn"));
        let date = day.get_untracked().or(Some(clock::today()));
        task.edit(move |t| t.check_at(&meeting_id, on, &note_id, date));
    };
    let save = Callback::new(move |v: String| {
        let meeting_id = meeting.id();
        task.edit(move |t| t.write_progress_at(&meeting_id, &v));
    });
    let title = if row.title.is_empty() {
        "（未填任务名称）".to_string()
    } else {
        row.title.clone()
    };
    view! {
        <div class="checked-task">
            <label class="check">
                <input type="checkbox" prop:checked=row.checked on:change=toggle />
                <span>{title} " " <span class="muted small">{row.owner.clone()}</span></span>
            </label>
            <Show when=move || row.checked>
                <DraftTextArea
                    label="进展"
                    name="checked-task-progress"
                    rows=2
                    value=note
                    on_save=save
                />
            </Show>
        </div>
    }
}
