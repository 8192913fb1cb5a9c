//! 党建与业务融合: this year's key-task list, the 党小组s' monthly key work,
//! commitments and study, each a tap from its record and its printout.

use chrono::{Datelike, Months};
use leptos::prelude::*;

use crate::domain::job::Area;
use crate::ui::job::ReadOnly;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::{owner_name, GroupWorkLines};
use crate::browser::clock;
use crate::domain::branch::MINUTES_PER_STUDY_HOUR_CHOICES;
use crate::domain::fusion::study::{
    hours_sentence, monthly_talk_rotation, study_time, ARTICLE_20, COUNTED,
};
use crate::domain::fusion::{KeyTask, StudyForm, StudySession, TaskKind};
use crate::domain::rules::attendance::was_active_on;
use crate::domain::time::format_chinese_date;
use crate::ui::link::A;
use crate::ui::paging::list_address;
use crate::ui::state::use_app;
use crate::ui::widgets::{PageHeader, PrintButton, SelectField};

/// The way in from the meetings page.
#[component]
pub fn FusionLinkCard() -> impl IntoView {
    view! {
        <A href="/fusion" attr:class="card link-card">
            <span>"党建与业务融合"</span>
            <span class="muted small">"重点任务 · 党小组 · 承诺 · 学习 ›"</span>
        </A>
    }
}

#[component]
pub fn FusionPage() -> impl IntoView {
    let year = clock::today().year();
    view! {
        <PageHeader title="党建与业务融合" back=list_address("/meetings") />
        <TaskListCard year=year />
        <GroupsCard />
        <CommitmentsCard year=year />
        <StudyCard year=year />
        <p class="hint">
            "这里的记录只用于本支部开展工作，不做积分和排名。"
        </p>
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct TaskRow {
    id: String,
    kind: TaskKind,
    title: String,
    tag: &'static str,
    owner: String,
    status: &'static str,
    open: bool,
}

fn task_row(doc: &crate::domain::Document, t: &KeyTask) -> TaskRow {
    TaskRow {
        id: t.id.clone(),
        kind: t.kind,
        title: if t.title.trim().is_empty() {
            "（未填任务名称）".into()
        } else {
            t.title.clone()
        },
        tag: t.category.label(),
        owner: owner_name(doc, &t.owner),
        status: t.status.label(),
        open: t.status.is_open(),
    }
}

#[component]
fn TaskListCard(year: i32) -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let rows = Memo::new(move |_| {
        state.doc.with(|d| {
            d.tasks
                .iter()
                .filter(|t| t.year == year || (t.year < year && t.status.is_open()))
                .map(|t| task_row(d, t))
                .collect::<Vec<_>>()
        })
    });
    let add = move |_| {
        let id = clock::new_id("kt");
        state.add_task(KeyTask {
            id: id.clone(),
            year,
            ..KeyTask::default()
        });
        navigate(&format!("/fusion/tasks/{id}"), Default::default());
    };
    let month = clock::today().month();
    view! {
        <section class="card" data-testid="task-list">
            <h2 class="card-title row-between">
                <span>{format!("{year}年重点任务清单")}</span>
                <ReadOnly area=Area::FusionTasks quiet=true>
                    <button class="button small primary" on:click=add>
                        "＋ 新增任务"
                    </button>
                </ReadOnly>
            </h2>
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="empty">
                    "还没有重点任务。可在支委会记录的“清单”一栏部署，也可以在这里直接新增。"
                </p>
            </Show>
            {TaskKind::ALL
                .map(|kind| {
                    let of_kind = move || {
                        rows.get().into_iter().filter(|r| r.kind == kind).collect::<Vec<_>>()
                    };
                    view! {
                        <Show when=move || !of_kind().is_empty()>
                            <h3 class="list-heading">{kind.label()}</h3>
                            <ul class="meeting-list">
                                <For each=of_kind key=|r| r.clone() let:row>
                                    <li>
                                        <A
                                            href=format!("/fusion/tasks/{}", row.id)
                                            attr:class="meeting-row"
                                        >
                                            <span class="meeting-kind">
                                                {format!("{} · {}", row.tag, row.owner)}
                                            </span>
                                            <span class="meeting-theme">{row.title.clone()}</span>
                                            <span class="muted small" class:done=!row.open>
                                                {row.status}
                                            </span>
                                        </A>
                                    </li>
                                </For>
                            </ul>
                        </Show>
                    }
                })}
            <div class="row">
                <PrintButton
                    href=format!("/print/fusion/tasks/{year}")
                    label="打印年度重点工作清单"
                />
                <PrintButton
                    href=format!("/print/fusion/progress/{year}-{month:02}")
                    label="打印本月推进台账"
                />
            </div>
        </section>
    }
}

#[component]
fn GroupsCard() -> impl IntoView {
    let state = use_app();
    let today = clock::today();
    let this_month = today.with_day(1).unwrap_or(today);
    let last_month = this_month
        .checked_sub_months(Months::new(1))
        .unwrap_or(this_month);
    let last_end = this_month.pred_opt().unwrap_or(this_month);
    let kept = move || state.doc.with(|d| d.branch.rules.group_monthly_work);
    view! {
        <section class="card">
            <h2 class="card-title">"党小组每月重点工作"</h2>
            <Show
                when=kept
                fallback=|| {
                    view! {
                        <p class="hint">
                            "本支部未开展党小组每月重点工作。这是部分单位的规定，不是全国统一要求；如本单位有此规定，可在“我的 › 支部信息与规则”中开启。"
                        </p>
                    }
                }
            >
                <GroupWorkLines
                    from=this_month
                    to=today
                    title=format!("{}月", this_month.month())
                />
                <GroupWorkLines
                    from=last_month
                    to=last_end
                    title=format!("{}月", last_month.month())
                />
                <p class="hint">
                    "本单位规定：每个党小组每月至少确定一项重点工作，在当月或次月第一次党小组会上回顾完成情况、差距短板、整改措施和下月打算。"
                </p>
                <PrintButton
                    href=format!("/print/fusion/groups/{}", today.year())
                    label="打印党小组月度重点工作及回顾表"
                />
            </Show>
        </section>
    }
}

#[component]
fn CommitmentsCard(year: i32) -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let me = move || state.device.with(|d| d.me.clone());
    let rows = Memo::new(move |_| {
        state.doc.with(|d| {
            d.members
                .iter()
                .filter_map(|m| {
                    let c = d.commitments_of(&crate::domain::fusion::MemberCommitments::id_for(
                        &m.id, year,
                    ))?;
                    let outcome = c.outcome();
                    (!outcome.is_empty()).then(|| (m.id.clone(), m.name.clone(), outcome))
                })
                .collect::<Vec<_>>()
        })
    });
    let members = move || {
        state.doc.with(|d| {
            d.members
                .iter()
                .filter(|m| was_active_on(m, Some(clock::today())))
                .map(|m| (m.id.clone(), m.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="card" data-testid="commitments">
            <h2 class="card-title">{format!("{year}年承诺践诺评诺")}</h2>
            {move || {
                me()
                    .map(|id| {
                        view! {
                            <A
                                href=format!("/fusion/commitments/{id}/{year}")
                                attr:class="button primary"
                            >
                                "我的承诺"
                            </A>
                        }
                    })
            }}
            <SelectField
                label="查看或代为填写"
                name="commitments-member"
                on_change=move |id: String| {
                    if !id.is_empty() {
                        navigate(&format!("/fusion/commitments/{id}/{year}"), Default::default());
                    }
                }
            >
                <option value="">"选择党员"</option>
                <For each=members key=|m| m.clone() let:m>
                    <option value=m.0.clone()>{m.1.clone()}</option>
                </For>
            </SelectField>
            <ul class="plain-list">
                <For each=move || rows.get() key=|r| r.clone() let:row>
                    <li>
                        <A href=format!("/fusion/commitments/{}/{year}", row.0)>{row.1.clone()}</A>
                        " "
                        <span class="muted small">{row.2.clone()}</span>
                    </li>
                </For>
            </ul>
            <div class="row">
                <PrintButton
                    href=format!("/print/fusion/pledges/{year}")
                    label="打印党员公开承诺书"
                />
                <PrintButton
                    href=format!("/print/fusion/ledger/{year}")
                    label="打印承诺践诺评诺台账"
                />
            </div>
        </section>
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct StudyRow {
    id: String,
    form: &'static str,
    title: String,
    when: String,
}

#[component]
fn StudyCard(year: i32) -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let showing_all = RwSignal::new(false);
    let rotation = Memo::new(move |_| {
        state.doc.with(|d| {
            let (spoke, not_yet) =
                monthly_talk_rotation(&d.studies, &d.members, year, clock::today());
            let names: Vec<String> = not_yet.iter().map(|m| m.name.clone()).collect();
            (spoke.len(), names)
        })
    });
    let rows = Memo::new(move |_| {
        state.doc.with(|d| {
            let mut sessions: Vec<&StudySession> = d
                .studies
                .iter()
                .filter(|s| s.date.is_none_or(|d| d.year() == year))
                .collect();
            sessions.sort_by_key(|s| std::cmp::Reverse(s.date));
            sessions
                .into_iter()
                .map(|s| StudyRow {
                    id: s.id.clone(),
                    form: s.form.label(),
                    title: if s.title.trim().is_empty() {
                        "（未填题目）".into()
                    } else {
                        s.title.clone()
                    },
                    when: s
                        .date
                        .map(format_chinese_date)
                        .unwrap_or_else(|| "日期未填".into()),
                })
                .collect::<Vec<_>>()
        })
    });
    let shown = move || {
        let all = rows.get();
        if showing_all.get() {
            all
        } else {
            all.into_iter().take(8).collect()
        }
    };
    let add = move |form: StudyForm| {
        let navigate = navigate.clone();
        move |_| {
            let id = clock::new_id("st");
            state.add_study(StudySession {
                id: id.clone(),
                form,
                date: Some(clock::today()),
                minutes: form.usual_minutes(),
                ..StudySession::default()
            });
            navigate(&format!("/fusion/study/{id}"), Default::default());
        }
    };
    let month = clock::today().month();
    view! {
        <section class="card" data-testid="study">
            <h2 class="card-title">"学习"</h2>
            <ReadOnly area=Area::Study quiet=true>
                <div class="row">
                    <button class="button small" on:click=add(StudyForm::MonthlyTalk)>
                        "＋ 每月一讲"
                    </button>
                    <button class="button small" on:click=add(StudyForm::OnePointLesson)>
                        "＋ OPL一点课"
                    </button>
                    <button class="button small" on:click=add(StudyForm::MorningStudy)>
                        "＋ 晨学"
                    </button>
                </div>
            </ReadOnly>
            <p class="muted small">
                {move || {
                    let (spoke, not_yet) = rotation.get();
                    if not_yet.is_empty() {
                        format!(
                            "党员每月一讲：本年已讲 {spoke} 人，全部党员都已讲过。",
                        )
                    } else {
                        format!(
                            "党员每月一讲：本年已讲 {spoke} 人；未讲：{}",
                            not_yet.join("、"),
                        )
                    }
                }}
            </p>
            <ul class="meeting-list">
                <For each=shown key=|r| r.clone() let:row>
                    <li>
                        <A href=format!("/fusion/study/{}", row.id) attr:class="meeting-row">
                            <span class="meeting-kind">{row.form}</span>
                            <span class="meeting-theme">{row.title.clone()}</span>
                            <span class="meeting-when muted small">{row.when.clone()}</span>
                        </A>
                    </li>
                </For>
            </ul>
            <Show when=move || !showing_all.get() && rows.with(|r| r.len() > 8)>
                <button class="button small" on:click=move |_| showing_all.set(true)>
                    {move || format!("显示全部 {} 条", rows.with(Vec::len))}
                </button>
            </Show>
            <div class="row">
                <A href=format!("/fusion/hours/{year}") attr:class="button">
                    "学时统计"
                </A>
                <PrintButton
                    href=format!("/print/fusion/morning/{year}-{month:02}")
                    label="打印本月晨学记录"
                />
            </div>
        </section>
    }
}

/// Each member's 学时 of the year beside what is asked of them, in roster
/// order (a record for the member, not a ranking): the branch's own study
/// and training outside the branch, which a member adds here.
#[component]
pub fn StudyHoursPage() -> impl IntoView {
    let state = use_app();
    let params = use_params_map();
    let navigate = use_navigate();
    let year = Memo::new(move |_| {
        params
            .with(|p| p.get("year"))
            .and_then(|y| y.parse::<i32>().ok())
            .unwrap_or_else(|| clock::today().year())
    });
    let unit = move || state.doc.with(|d| d.branch.rules.minutes_per_study_hour);
    let rows = Memo::new(move |_| {
        let year = year.get();
        state.doc.with(|d| {
            let rules = &d.branch.rules;
            d.members
                .iter()
                .filter(|m| was_active_on(m, Some(clock::today())))
                .map(|m| {
                    let t = study_time(&m.id, year, &d.meetings, &d.studies);
                    let owed = rules.study_hours_owed(m);
                    let reached = rules
                        .minutes_per_study_hour
                        .map(|per| t.hours(u32::from(per)) >= f64::from(owed));
                    let mut text = hours_sentence(&t, rules.minutes_per_study_hour);
                    if t.without_length > 0 {
                        text.push_str(&format!("（{} 次未记时长）", t.without_length));
                    }
                    text.push_str(&format!("；应不少于 {owed} 学时"));
                    let name = if m.is_committee() {
                        format!("{}（{}）", m.name, m.roles_label())
                    } else {
                        m.name.clone()
                    };
                    (m.id.clone(), name, text, reached == Some(true))
                })
                .collect::<Vec<_>>()
        })
    });
    let rule = move || {
        state.doc.with(|d| {
            format!(
                "本支部要求：党员每年不少于 {} 学时，书记、委员不少于 {} 学时（《2019—2023年全国党员教育培训工作规划》要求基层党组织书记和班子成员每年不少于 56 学时）。可在“我的 › 支部信息与规则”中修改。",
                d.branch.rules.study_hours_yearly,
                d.branch.rules.leaders_study_hours_yearly,
            )
        })
    };
    let add_outside = move |_| {
        let id = clock::new_id("st");
        let me = state.device.with_untracked(|d| d.me.clone());
        state.add_study(StudySession {
            id: id.clone(),
            form: StudyForm::Outside,
            date: Some(clock::today()),
            attendees: me.into_iter().collect(),
            ..StudySession::default()
        });
        navigate(&format!("/fusion/study/{id}"), Default::default());
    };
    view! {
        <PageHeader title="学时统计" back="/fusion" />
        <h2 class="period-label">{move || format!("{}年", year.get())}</h2>
        <ReadOnly area=Area::Study>
            <Show when=move || unit().is_none()>
                <section class="card notice" data-testid="ask-study-hour">
                    <h2 class="card-title">"本单位 1 学时按多少分钟计算？"</h2>
                    <p class="hint">
                        "各单位规定不同，不少单位按 60 分钟计 1 学时。选定后按它折算本支部组织的学习。"
                    </p>
                    <div class="row">
                        {MINUTES_PER_STUDY_HOUR_CHOICES
                            .map(|n| {
                                view! {
                                    <button
                                        class="button"
                                        on:click=move |_| {
                                            state
                                                .edit_branch(move |b| {
                                                    b.rules.minutes_per_study_hour = Some(n);
                                                })
                                        }
                                    >
                                        {format!("{n} 分钟")}
                                    </button>
                                }
                            })}
                    </div>
                </section>
            </Show>
            <ul class="requirement-list card" data-testid="study-hours">
                <For each=move || rows.get() key=|r| r.clone() let:row>
                    <li class="requirement hours-row">
                        <span class="requirement-label">{row.1.clone()}</span>
                        <span class="requirement-count small" class:done=row.3>
                            {row.2.clone()}
                        </span>
                    </li>
                </For>
            </ul>
            <section class="card">
                <button class="button primary" on:click=add_outside>
                    "＋ 登记支部以外的培训学时"
                </button>
                <p class="hint">
                    "参加党校轮训、上级组织的集中培训或网络培训后，在这里登记主办单位认定的学时。"
                </p>
            </section>
        </ReadOnly>
        <p class="hint">{COUNTED}</p>
        <p class="hint">
            {format!(
                "《中国共产党党员教育管理工作条例》第二十条：“{ARTICLE_20}”",
            )}
        </p>
        <p class="hint">{rule}</p>
        <p class="hint">
            {move || match unit() {
                Some(n) => format!("本支部组织的学习按 {n} 分钟计 1 学时。"),
                None => {
                    "尚未设置 1 学时的分钟数，本支部组织的学习暂按分钟显示。"
                        .to_string()
                }
            }}
        </p>
    }
}
