//! 年度工作计划: the goals and arrangements the secretary writes, the
//! 三会一课 schedule and the key tasks as the app already has them, and the
//! 支委会 that approved the plan.

use leptos::prelude::*;

use crate::domain::job::Area;
use crate::ui::job::use_may_edit;

use super::{save_plan, YearPaperPage};
use crate::browser::clock;
use crate::domain::year_work::plan::{approving_meetings, schedule, task_line, year_tasks};
use crate::ui::draft_text::DraftTextArea;
use crate::ui::link::A;
use crate::ui::state::use_app;
use crate::ui::widgets::{PrintButton, SelectField};

#[component]
pub fn YearPlanPage() -> impl IntoView {
    view! { <YearPaperPage title="年度工作计划" paper=|year| view! { <Plan year=year /> } /> }
}

#[component]
fn Plan(year: i32) -> impl IntoView {
    let state = use_app();
    let key = year.to_string();
    let field = move |part: fn(&crate::domain::year_work::YearPlan) -> String| {
        let key = key.clone();
        Signal::derive(move || {
            state
                .doc
                .with(|d| d.year_plan(&key).map(part).unwrap_or_default())
        })
    };
    let saver = move |set: fn(&mut crate::domain::year_work::YearPlan, String)| {
        Callback::new(move |text: String| save_plan(state, year, move |p| set(p, text.clone())))
    };
    let goals = field(|p| p.goals.clone());
    let fusion = field(|p| p.fusion.clone());
    let other = field(|p| p.other.clone());
    view! {
        <h2 class="period-label">{format!("{year}年度")}</h2>
        <section class="card form">
            <DraftTextArea
                label="一、指导思想和工作目标"
                name="plan-goals"
                placeholder="本年度支部工作的指导思想和主要目标"
                value=goals
                rows=5
                on_save=saver(|p, text| p.goals = text)
            />
        </section>
        <Schedule year=year />
        <Tasks year=year />
        <section class="card form">
            <DraftTextArea
                label="四、党建与业务融合（清单以外的安排）"
                name="plan-fusion"
                placeholder="如：设立党员先锋岗、党员责任区，每季度听取融合项目进展"
                value=fusion
                on_save=saver(|p, text| p.fusion = text)
            />
            <DraftTextArea
                label="五、其他工作安排"
                name="plan-other"
                placeholder="如：班子建设、党费收缴、发展党员等"
                value=other
                on_save=saver(|p, text| p.other = text)
            />
        </section>
        <Approval year=year />
        <div class="row">
            <PrintButton
                href=format!("/print/year/plan/{year}")
                label="打印计划"
                primary=true
            />
        </div>
    }
}

/// The 三会一课 the rules ask for each month beside the meetings planned:
/// read here, planned on the meetings page.
#[component]
fn Schedule(year: i32) -> impl IntoView {
    let state = use_app();
    let plans = use_may_edit(Area::Meetings);
    let plan = Memo::new(move |_| state.doc.with(|d| schedule(d, year, clock::today())));
    view! {
        <section class="card" data-testid="plan-schedule">
            <h2 class="card-title">"二、“三会一课”等组织生活安排"</h2>
            <p class="hint">
                {move || format!("全年：{}。", plan.with(|p| p.yearly.join("、")))}
            </p>
            <ul class="requirement-list">
                {move || {
                    plan.get()
                        .months
                        .into_iter()
                        .map(|m| {
                            let planned = if m.meetings.is_empty() {
                                "尚未安排".to_string()
                            } else {
                                m.meetings.iter().map(|s| s.line()).collect::<Vec<_>>().join("；")
                            };
                            view! {
                                <li class="requirement hours-row">
                                    <span class="requirement-label">
                                        {format!("{}月", m.month)}
                                    </span>
                                    <span class="small">{m.required_text()}</span>
                                    <span class="small muted">{planned}</span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <Show when=move || plans.get()>
                <A href="/meetings/new" attr:class="button small">
                    "＋ 安排会议"
                </A>
            </Show>
        </section>
    }
}

/// The year's key tasks, as the 融合 page keeps them.
#[component]
fn Tasks(year: i32) -> impl IntoView {
    let state = use_app();
    let lists = Memo::new(move |_| {
        state.doc.with(|d| {
            let (tasks, fused) = year_tasks(d, year);
            let lines = |list: Vec<&crate::domain::fusion::KeyTask>| {
                list.into_iter()
                    .map(|t| (t.id.clone(), task_line(d, t)))
                    .collect::<Vec<_>>()
            };
            (lines(tasks), lines(fused))
        })
    });
    let list = move |items: Vec<(String, String)>| {
        if items.is_empty() {
            return view! { <p class="empty">"重点任务清单中还没有这一类任务。"</p> }.into_any();
        }
        view! {
            <ul class="meeting-list">
                {items
                    .into_iter()
                    .map(|(id, line)| {
                        view! {
                            <li>
                                <A href=format!("/fusion/tasks/{id}") attr:class="meeting-row">
                                    <span class="meeting-theme">{line}</span>
                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="card" data-testid="plan-tasks">
            <h2 class="card-title">"三、重点任务"</h2>
            {move || list(lists.get().0)}
            <h2 class="card-title">"党建与业务融合"</h2>
            {move || list(lists.get().1)}
            <A href="/fusion" attr:class="button small">
                "到重点任务清单"
            </A>
        </section>
    }
}

/// The 支委会 that discussed and approved the plan.
#[component]
fn Approval(year: i32) -> impl IntoView {
    let state = use_app();
    let key = year.to_string();
    let chosen = Memo::new(move |_| {
        state
            .doc
            .with(|d| d.year_plan(&key).and_then(|p| p.approved_in.clone()))
    });
    let choices = Memo::new(move |_| state.doc.with(|d| approving_meetings(d, year)));
    view! {
        <section class="card form">
            <SelectField
                label="研究通过的支委会"
                name="plan-approved-in"
                on_change=move |v: String| {
                    let meeting = (!v.is_empty()).then_some(v);
                    save_plan(state, year, move |p| p.approved_in = meeting.clone());
                }
            >
                <option value="" selected=move || chosen.with(Option::is_none)>
                    "未关联"
                </option>
                {move || {
                    choices
                        .get()
                        .into_iter()
                        .map(|(id, label)| {
                            let selected = id.clone();
                            view! {
                                <option
                                    value=id
                                    selected=move || {
                                        chosen.get().as_deref() == Some(selected.as_str())
                                    }
                                >
                                    {label}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </SelectField>
            <p class="hint">
                "年度工作计划经支委会研究通过。可选本年度或上年第四季度的支委会。"
            </p>
        </section>
    }
}
