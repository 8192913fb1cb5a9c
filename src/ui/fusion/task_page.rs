//! One key task: what, whose, how, by when, how it is going, and 销号 with
//! evidence. Saved as it is typed.

use crate::domain::job::Area;
use crate::ui::job::{ReadOnly, WhereEditable};
use leptos::prelude::*;

use crate::browser::clock;
use crate::domain::fusion::tasks::{Milestone, ProgressNote};
use crate::domain::fusion::{TaskCategory, TaskKind, TaskOwner, TaskSource, TaskStatus};
use crate::domain::record_sheet::when;
use crate::domain::roster::active_names;
use crate::domain::time::format_chinese_date;
use crate::ui::draft_text::{DraftInput, DraftTextArea};
use crate::ui::handles::TaskHandle;
use crate::ui::widgets::{
    delete_after_asking, DateBox, DateInput, PageHeader, RecordPage, Segmented, SelectField,
};

#[component]
pub fn TaskPage() -> impl IntoView {
    view! {
        <RecordPage
            title="重点任务"
            back="/fusion"
            missing="找不到这项任务，可能已被删除。"
            editor=|task: TaskHandle| view! { <TaskForm task=task /> }
        />
    }
}

#[component]
fn TaskForm(task: TaskHandle) -> impl IntoView {
    let state = task.state;
    let deployed = Memo::new(move |_| {
        let meeting = task.with(|t| t.deployed_in.clone()).flatten()?;
        state
            .doc
            .with(|d| d.meeting(&meeting).map(|m| format!("由{}部署", when(m))))
    });
    let delete = delete_after_asking(
        "删除这项任务及其进展记录？",
        "/fusion",
        move || state.delete_task(&task.id()),
    );
    view! {
        <PageHeader title="重点任务" back="/fusion" />
        <ReadOnly area=Area::FusionTasks>
            <section class="card form">
                <DraftInput
                    label="任务名称"
                    name="task-title"
                    placeholder="如：“党建+客户服务”流程优化"
                    value=task.text(|t| t.title.clone())
                    on_save=task.saver(|t, v| t.title = v.trim().to_string())
                />
                {move || deployed.get().map(|d| view! { <p class="muted small">{d}</p> })}
                <Segmented
                    name="task-kind"
                    label="清单"
                    options=TaskKind::ALL.map(|k| (k, k.label())).to_vec()
                    value=task.part(|t| t.kind)
                    on_change=Callback::new(move |k| task.edit(move |t| t.kind = k))
                />
                <Segmented
                    name="task-category"
                    label="类别"
                    options=TaskCategory::ALL.map(|k| (k, k.label())).to_vec()
                    value=task.part(|t| t.category)
                    on_change=Callback::new(move |k| task.edit(move |t| t.category = k))
                />
                <SourceField task=task />
                <OwnerField task=task />
                <DraftTextArea
                    label="具体举措"
                    name="task-measures"
                    value=task.text(|t| t.measures.clone())
                    on_save=task.saver(|t, v| t.measures = v)
                />
            </section>
            <Milestones task=task />
            <Progress task=task />
            <section class="card form">
                <h2 class="card-title">"状态"</h2>
                <Segmented
                    name="task-status"
                    label="状态"
                    options=TaskStatus::ALL.map(|k| (k, k.label())).to_vec()
                    value=task.part(|t| t.status)
                    on_change=Callback::new(move |s: TaskStatus| {
                        let today = clock::today();
                        task.edit(move |t| {
                            if s == TaskStatus::Closed {
                                if t.closed_on.is_none() {
                                    t.close(today);
                                }
                            } else {
                                t.status = s;
                                t.closed_on = None;
                            }
                        })
                    })
                />
                <Show when=move || task.part(|t| t.status == TaskStatus::Closed).get()>
                    <DateInput
                        label="销号日期"
                        name="task-closed-on"
                        value=task.part(|t| t.closed_on)
                        on_change=move |d| task.edit(move |t| t.closed_on = d)
                    />
                    <DraftTextArea
                        label="佐证材料"
                        name="task-evidence"
                        rows=2
                        placeholder="如：方案和总结已留存纸质材料"
                        value=task.text(|t| t.evidence.clone())
                        on_save=task.saver(|t, v| t.evidence = v)
                    />
                </Show>
            </section>
            // Its one button is the committee's: no empty card elsewhere.
            <WhereEditable>
                <section class="card actions">
                    <button class="button danger" on:click=delete.clone()>
                        "删除这项任务"
                    </button>
                </section>
            </WhereEditable>
        </ReadOnly>
    }
}

#[component]
fn SourceField(task: TaskHandle) -> impl IntoView {
    let source = task.part(|t| t.source);
    view! {
        <SelectField
            label="来源"
            name="task-source"
            on_change=move |picked: String| {
                let i: usize = picked.parse().unwrap_or(0);
                if let Some(s) = TaskSource::ALL.get(i).copied() {
                    task.edit(move |t| t.source = s);
                }
            }
        >
            {TaskSource::ALL
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let s = *s;
                    view! {
                        <option value=i.to_string() selected=move || source.get() == s>
                            {s.label()}
                        </option>
                    }
                })
                .collect_view()}
        </SelectField>
    }
}

/// 责任主体: the branch, a 党小组 or a member, in one list.
#[component]
fn OwnerField(task: TaskHandle) -> impl IntoView {
    let state = task.state;
    let owner = task.part(|t| match &t.owner {
        TaskOwner::Branch => String::new(),
        TaskOwner::Group(id) => format!("g:{id}"),
        TaskOwner::Member(id) => format!("m:{id}"),
    });
    let choices = move || {
        state.doc.with(|d| {
            let mut out = vec![(String::new(), "支部".to_string())];
            out.extend(
                d.branch
                    .groups
                    .iter()
                    .map(|g| (format!("g:{}", g.id), g.name.clone())),
            );
            out.extend(
                active_names(&d.branch, &d.members)
                    .into_iter()
                    .map(|(id, name)| (format!("m:{id}"), name)),
            );
            out
        })
    };
    view! {
        <SelectField
            label="责任主体"
            name="task-owner"
            on_change=move |v: String| {
                let owner = match v.split_once(':') {
                    Some(("g", id)) => TaskOwner::Group(id.to_string()),
                    Some(("m", id)) => TaskOwner::Member(id.to_string()),
                    _ => TaskOwner::Branch,
                };
                task.edit(move |t| t.owner = owner.clone());
            }
        >
            <For each=choices key=|c| c.clone() let:c>
                {
                    let value = c.0.clone();
                    view! {
                        <option value=c.0.clone() selected=move || owner.get() == value>
                            {c.1.clone()}
                        </option>
                    }
                }
            </For>
        </SelectField>
    }
}

#[component]
fn Milestones(task: TaskHandle) -> impl IntoView {
    let items = task.part(|t| t.milestones.clone());
    let add = move |_| {
        let id = clock::new_id("ms");
        task.edit(move |t| {
            if !t.milestones.iter().any(|m| m.id == id) {
                t.milestones.push(Milestone {
                    id: id.clone(),
                    ..Milestone::default()
                });
            }
        });
    };
    view! {
        <section class="card form">
            <h2 class="card-title row-between">
                <span>"时序节点"</span>
                <button class="button small" on:click=add>
                    "＋ 节点"
                </button>
            </h2>
            <For each=move || items.get() key=|m| m.id.clone() let:m>
                {
                    let id = m.id.clone();
                    let part = move |f: fn(&Milestone) -> String| {
                        let id = id.clone();
                        task.part(move |t| {
                            t.milestones.iter().find(|x| x.id == id).map(f).unwrap_or_default()
                        })
                    };
                    let date = {
                        let id = m.id.clone();
                        task.part(move |t| {
                            t.milestones.iter().find(|x| x.id == id).and_then(|m| m.date)
                        })
                    };
                    let (id_date, id_what, id_remove) = (m.id.clone(), m.id.clone(), m.id.clone());
                    view! {
                        <div class="inline-fields">
                            <DateBox
                                name="milestone-date"
                                aria_label="节点日期"
                                value=date
                                on_change=move |d| {
                                    let id = id_date.clone();
                                    task.edit(move |t| {
                                        if let Some(m) = t
                                            .milestones
                                            .iter_mut()
                                            .find(|m| m.id == id)
                                        {
                                            m.date = d;
                                        }
                                    });
                                }
                            />
                            <DraftInput
                                label="节点要求"
                                name="milestone-what"
                                value=part(|m| m.what.clone())
                                on_save=Callback::new(move |v: String| {
                                    let id = id_what.clone();
                                    task.edit(move |t| {
                                        if let Some(m) = t
                                            .milestones
                                            .iter_mut()
                                            .find(|m| m.id == id)
                                        {
                                            m.what = v.trim().to_string();
                                        }
                                    })
                                })
                            />
                            <button
                                class="button small"
                                aria-label="删除节点"
                                on:click=move |_| {
                                    let id = id_remove.clone();
                                    task.edit(move |t| t.milestones.retain(|m| m.id != id));
                                }
                            >
                                "删除"
                            </button>
                        </div>
                    }
                }
            </For>
        </section>
    }
}

#[component]
fn Progress(task: TaskHandle) -> impl IntoView {
    let state = task.state;
    let notes = Memo::new(move |_| {
        let mut notes = task.with(|t| t.progress.clone()).unwrap_or_default();
        notes.sort_by_key(|n| std::cmp::Reverse(n.date));
        state.doc.with(|d| {
            notes
                .into_iter()
                .map(|n| {
                    let at = n
                        .meeting_id
                        .as_deref()
                        .and_then(|id| d.meeting(id))
                        .map(|m| format!("（{}检查）", m.kind.label()))
                        .unwrap_or_default();
                    (n, at)
                })
                .collect::<Vec<_>>()
        })
    });
    let add = move |_| {
        let id = clock::new_id("pn");
        let today = clock::today();
        task.edit(move |t| {
            if !t.progress.iter().any(|p| p.id == id) {
                t.progress.push(ProgressNote {
                    id: id.clone(),
                    date: Some(today),
                    ..ProgressNote::default()
                });
            }
            if t.status == TaskStatus::NotStarted {
                t.status = TaskStatus::InProgress;
            }
        });
    };
    view! {
        <section class="card form">
            <h2 class="card-title row-between">
                <span>"进展"</span>
                <button class="button small" on:click=add>
                    "＋ 记进展"
                </button>
            </h2>
            <For each=move || notes.get() key=|(n, at)| (n.id.clone(), at.clone()) let:entry>
                {
                    let (note, at) = entry;
                    let id = note.id.clone();
                    let label = format!(
                        "{}{at}",
                        note.date.map(format_chinese_date).unwrap_or_else(|| "日期未填".into()),
                    );
                    let value = {
                        let id = id.clone();
                        task.part(move |t| {
                            t.progress
                                .iter()
                                .find(|p| p.id == id)
                                .map(|p| p.text.clone())
                                .unwrap_or_default()
                        })
                    };
                    view! {
                        <DraftTextArea
                            label=label
                            name="progress-text"
                            rows=2
                            value=value
                            on_save=Callback::new(move |v: String| {
                                let id = id.clone();
                                task.edit(move |t| {
                                    if let Some(p) = t.progress.iter_mut().find(|p| p.id == id) {
                                        p.text = v.clone();
                                    }
                                })
                            })
                        />
                    }
                }
            </For>
        </section>
    }
}
