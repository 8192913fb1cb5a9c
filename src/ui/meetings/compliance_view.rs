//! 组织生活制度落实情况: what the rules require in a month, quarter or year
//! against what was held (三会一课, 主题党日, 组织生活会, 民主评议, 谈心谈话),
//! and the home page's card for this month.

use crate::ui::link::A;
use chrono::Datelike;
use leptos::prelude::*;

use super::when;
use crate::browser::clock;
use crate::domain::ics;
use crate::domain::job::Area;
use crate::domain::rules::absence_streak::absence_streaks;
use crate::domain::rules::attendance::pending_makeups;
use crate::domain::rules::compliance::{
    compliance, due_this_month, next_planned, planned_for, unrecorded_planned, Owed, Period,
    PeriodKind, Requirement, Status,
};
use crate::ui::file_offer::{FileOffer, OfferedFile};
use crate::ui::fusion::GroupWorkLines;
use crate::ui::job::use_may_edit;
use crate::ui::paging::list_address;
use crate::ui::print::period_kind_name;
use crate::ui::state::use_app;
use crate::ui::widgets::PageHeader;

#[component]
pub fn CompliancePage() -> impl IntoView {
    let state = use_app();
    let period = RwSignal::new(Period::containing(PeriodKind::Month, clock::today()));
    let rows = Memo::new(move |_| {
        state
            .doc
            .with(|d| compliance(d, period.get(), clock::today()))
    });
    let kind_tab = move |kind: PeriodKind, label: &'static str| {
        view! {
            <button
                class="section-tab"
                class:on=move || period.get().kind == kind
                on:click=move |_| period.set(Period::containing(kind, clock::today()))
            >
                {label}
            </button>
        }
    };
    let step = move |label: &'static str, arrow: &'static str, to: fn(&Period) -> Period| {
        view! {
            <button class="button" aria-label=label on:click=move |_| period.update(|p| *p = to(p))>
                {arrow}
            </button>
        }
    };
    view! {
        <PageHeader title="组织生活制度落实情况" back=list_address("/meetings") />
        <nav class="section-tabs">
            {kind_tab(PeriodKind::Month, "月")} {kind_tab(PeriodKind::Quarter, "季度")}
            {kind_tab(PeriodKind::Year, "年度")}
        </nav>
        <div class="period-nav">
            {step("上一期", "‹", Period::previous)}
            <h2 class="period-label">{move || period.get().label()}</h2>
            {step("下一期", "›", Period::next)}
        </div>
        <ul class="requirement-list card">
            {move || {
                rows.get()
                    .into_iter()
                    .map(|r| view! { <RequirementRow requirement=r /> })
                    .collect_view()
            }}
        </ul>
        <GroupWorkLines
            from=Signal::derive(move || period.get().start)
            to=Signal::derive(move || period.get().end)
        />
        <A
            href=move || {
                let p = period.get();
                format!("/print/summary/{}/{}", period_kind_name(p.kind), p.start)
            }
            attr:class="button"
        >
            "打印本期工作汇总"
        </A>
        <p class="hint">
            "只统计标记为“已召开”的会议；一次活动勾选了“同时计为”的，分别计入各项。组织生活会、民主评议按所属年度统计。"
            "党课每季度 1 次、书记讲党课为本单位规定，可在“我的 › 支部信息与规则”中设置。"
            "谈心谈话按谈心谈话记录中的谈话人和谈话对象统计。"
        </p>
        <AbsenceReminder />
    }
}

/// 连续无故不参加组织生活, for the secretary's eyes: shown on this device
/// only, never printed or ranked.
#[component]
fn AbsenceReminder() -> impl IntoView {
    let state = use_app();
    let streaks = Memo::new(move |_| {
        state.doc.with(|d| {
            absence_streaks(d, 3)
                .iter()
                .map(|s| s.sentence())
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || !streaks.with(Vec::is_empty)>
            <section class="card notice" data-testid="absence-reminder">
                <h2 class="card-title">"请关注（仅在本机显示）"</h2>
                {move || streaks.get().into_iter().map(|s| view! { <p>{s}</p> }).collect_view()}
                <p class="hint">
                    "《中国共产党党员教育管理工作条例》：对无正当理由不参加组织生活的党员应当批评教育；连续 6 个月不参加的，按自行脱党予以除名。请核实记录，及时谈心谈话。"
                </p>
            </section>
        </Show>
    }
}

#[component]
fn RequirementRow(requirement: Requirement) -> impl IntoView {
    let class = match requirement.status {
        Status::Done => "status done",
        Status::Due => "status due",
        Status::Overdue => "status overdue",
    };
    let unit = requirement.unit();
    view! {
        <li class="requirement">
            <span class="requirement-label">{requirement.label.clone()}</span>
            <span class="requirement-count">
                {format!("{}/{} {unit}", requirement.held, requirement.required)}
            </span>
            <span class=class>{requirement.status.label()}</span>
        </li>
    }
}

/// "有 N 人次待补学", which opens the list: who owes it for which meeting,
/// each a way to that meeting's 签到, where the 补学 is recorded. The list
/// is worked out only when opened.
#[component]
fn PendingMakeUps(count: usize) -> impl IntoView {
    let state = use_app();
    let open = RwSignal::new(false);
    let lines = move || {
        state.doc.with(|d| {
            pending_makeups(d)
                .into_iter()
                .filter_map(|t| {
                    let meeting = d.meeting(&t.meeting_id)?;
                    let name = d.member(&t.member_id).map(|m| m.name.clone())?;
                    Some((
                        format!("/meetings/{}", t.meeting_id),
                        format!("{name}：{}（{}）", meeting.kind.label(), when(meeting)),
                    ))
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="makeup-list" data-testid="pending-makeups">
            <button
                class="link-button"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {format!("有 {count} 人次待补学")}
                {move || if open.get() { " ▾" } else { " ›" }}
            </button>
            <Show when=move || open.get()>
                <ul class="plain-list">
                    {move || {
                        lines()
                            .into_iter()
                            .map(|(href, text)| {
                                view! {
                                    <li>
                                        <A href=href attr:class="notice-line">
                                            {text}
                                            " ›"
                                        </A>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </Show>
        </div>
    }
}

/// One thing still owed on the home page: it opens the plan for it (the
/// planner set to its type and 党小组), or the meeting already planned,
/// with its day.
#[component]
fn DueRow(requirement: Requirement) -> impl IntoView {
    let state = use_app();
    let planned = state.doc.with(|d| {
        planned_for(d, &requirement).and_then(|m| Some((m.id.clone(), m.effective_date()?)))
    });
    // A member's phone does not plan: what is owed opens the overview.
    let plans = use_may_edit(Area::Meetings).get_untracked();
    let href = match (&planned, &requirement.what) {
        (Some((id, _)), _) => format!("/meetings/{id}"),
        (None, _) if !plans => "/meetings/compliance".to_string(),
        (None, Owed::Talks) => "/talks".to_string(),
        (None, Owed::Meeting(kind)) => plan_address(kind.label(), requirement.group_id.as_deref()),
        (None, Owed::SecretaryLecture) => plan_address("党课", None),
    };
    let status = match &planned {
        // Hand-written: chrono's formatter would join the home screen's code.
        Some((_, day)) => format!("已安排 {:02}-{:02}", day.month(), day.day()),
        None => format!(
            "{} · 还差 {} {}",
            requirement.period.kind.current_label(),
            requirement.required.saturating_sub(requirement.held),
            requirement.unit(),
        ),
    };
    view! {
        <li class:overdue=requirement.status == Status::Overdue>
            <A href=href>
                <span>{requirement.label.clone()}</span>
                <span class="muted small">{status}</span>
            </A>
        </li>
    }
}

/// The planner, set to a type (by its name) and a 党小组.
fn plan_address(kind: &str, group: Option<&str>) -> String {
    match group {
        Some(group) => format!("/meetings/new?kind={kind}&group={group}"),
        None => format!("/meetings/new?kind={kind}"),
    }
}

/// The home page's view of this month: what is still due, the next planned
/// meeting, and make-up study that is waiting.
#[component]
pub fn ThisMonthCard() -> impl IntoView {
    let state = use_app();
    let due = Memo::new(move |_| state.doc.with(|d| due_this_month(d, clock::today())));
    let next = Memo::new(move |_| state.doc.with(|d| next_planned(d, clock::today()).cloned()));
    let unrecorded = move || {
        state.doc.with(|d| {
            unrecorded_planned(d, clock::today())
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let makeups = Memo::new(move |_| state.doc.with(|d| pending_makeups(d).len()));
    // Read as home opens: who uses the phone changes on 我的, another page.
    let plans = use_may_edit(Area::Meetings).get_untracked();
    let month_start = Period::containing(PeriodKind::Month, clock::today()).start;
    let export_all = move |()| {
        let text = state
            .doc
            .with_untracked(|d| ics::planned_calendar(d, clock::now_utc()));
        Some(OfferedFile {
            name: format!("支部会议计划-{}.ics", clock::today()),
            text,
            mime: "text/calendar",
        })
    };
    view! {
        <section class="card" data-testid="this-month">
            <h2 class="card-title row-between">
                "本月工作"<A href="/meetings/compliance" attr:class="small">
                    "完成情况 ›"
                </A>
            </h2>
            {move || {
                let due = due.get();
                if due.is_empty() {
                    view! {
                        <p class="ok">
                            "本月、本季度、本年度要求的会议都已召开。"
                        </p>
                    }
                        .into_any()
                } else {
                    view! {
                        <ul class="due-list">
                            {due
                                .into_iter()
                                .map(|r| view! { <DueRow requirement=r /> })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
            <GroupWorkLines from=month_start to=clock::today() />
            {move || {
                next.get()
                    .map(|m| {
                        let href = format!("/meetings/{}", m.id);
                        view! {
                            <A href=href attr:class="next-meeting">
                                <span class="muted small">"下一次会议"</span>
                                <span class="next-title">
                                    {format!(
                                        "{}：{}",
                                        m.kind.label(),
                                        if m.theme.is_empty() {
                                            "（未填主题）"
                                        } else {
                                            m.theme.as_str()
                                        },
                                    )}
                                </span>
                                <span class="muted small">{when(&m)}</span>
                            </A>
                        }
                    })
            }}
            {move || {
                unrecorded()
                    .into_iter()
                    .map(|m| {
                        let href = format!("/meetings/{}", m.id);
                        view! {
                            <A href=href attr:class="notice-line">
                                {format!(
                                    "{}（{}）已过计划日期，记录还没有完成 ›",
                                    m.kind.label(),
                                    when(&m),
                                )}
                            </A>
                        }
                    })
                    .collect_view()
            }}
            {move || (makeups.get() > 0).then(|| view! { <PendingMakeUps count=makeups.get() /> })}
            <div class="row">
                {plans
                    .then(|| {
                        view! {
                            <A href="/meetings/new" attr:class="button primary">
                                "安排会议"
                            </A>
                        }
                    })} <FileOffer label="导出计划到日历" make=export_all />
            </div>
        </section>
    }
}
