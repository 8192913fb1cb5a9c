//! 党支部工作情况汇总 for a month, quarter or year: what the rules require
//! against what was held, attendance per member, 补学 and follow-ups.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::meeting_record::Section;
use super::paper::Paper;
use crate::browser::clock;
use crate::domain::rules::compliance::{Period, PeriodKind};
use crate::domain::summary::{period_summary, PeriodSummary};
use crate::domain::time::format_short_date;
use crate::ui::state::use_app;

/// `month`, `quarter` or `year`, as in the address.
pub fn period_kind_name(kind: PeriodKind) -> &'static str {
    match kind {
        PeriodKind::Month => "month",
        PeriodKind::Quarter => "quarter",
        PeriodKind::Year => "year",
    }
}

fn period_from(kind: &str, date: &str) -> Option<Period> {
    let kind = PeriodKind::ALL
        .into_iter()
        .find(|k| period_kind_name(*k) == kind)?;
    Some(Period::containing(kind, date.parse().ok()?))
}

/// Follows the address and the stored data: another id in the address,
/// or another page's edit, draws the view again.
#[component]
pub fn PeriodSummaryPrint() -> impl IntoView {
    let state = use_app();
    let params = use_params_map();
    move || {
        state.doc.track();
        let (kind, date) = params.with(|p| {
            (
                p.get("kind").unwrap_or_default(),
                p.get("date").unwrap_or_default(),
            )
        });
        view! { <PeriodSummaryView kind=kind date=date /> }
    }
}

#[component]
fn PeriodSummaryView(kind: String, date: String) -> impl IntoView {
    let state = use_app();
    let Some(period) = period_from(&kind, &date) else {
        return view! { <p class="empty">"无法识别的统计期间。"</p> }.into_any();
    };
    let summary = state
        .doc
        .with_untracked(|d| period_summary(d, period, clock::today()));
    let title = format!("党支部工作情况汇总（{}）", period.label());
    let text = summary_text(&summary, &title);
    view! {
        <Paper
            whole_page=true
            title=title
            back="/meetings/compliance".to_string()
            share_text=Signal::derive(move || text.clone())
        >
            <SummaryBody summary=summary />
        </Paper>
    }
    .into_any()
}

fn summary_text(s: &PeriodSummary, title: &str) -> String {
    let mut lines = vec![title.to_string()];
    lines.extend(s.requirements.iter().map(|r| r.sentence()));
    lines.extend(s.cadences.iter().map(|c| c.sentence()));
    lines.push(format!("召开会议 {} 次", s.meetings.len()));
    lines.push(format!(
        "补学：待补 {} 人次，已补 {} 人次",
        s.makeups.pending, s.makeups.done
    ));
    lines.push(format!(
        "决议落实：共 {} 项，按期完成 {}，逾期完成 {}，未完成 {}（其中逾期 {}）",
        s.follow_ups.total(),
        s.follow_ups.closed_on_time,
        s.follow_ups.closed_late,
        s.follow_ups.open,
        s.follow_ups.overdue
    ));
    lines.extend(s.fusion.lines());
    lines.join("\n")
}

#[component]
fn SummaryBody(summary: PeriodSummary) -> impl IntoView {
    let f = summary.follow_ups.clone();
    view! {
        <Section title="组织生活制度落实情况" show=true>
            <table class="grid-table">
                <thead>
                    <tr>
                        <th>"项目"</th>
                        <th class="num">"应开"</th>
                        <th class="num">"已开"</th>
                        <th class="col-state">"情况"</th>
                    </tr>
                </thead>
                <tbody>
                    {summary
                        .requirements
                        .iter()
                        .map(|r| {
                            view! {
                                <tr>
                                    <td>{r.label.clone()}</td>
                                    <td class="num">{format!("{}{}", r.required, r.unit())}</td>
                                    <td class="num">{format!("{}{}", r.held, r.unit())}</td>
                                    <td class="col-state">{r.status.label()}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            {(!summary.cadences.is_empty())
                .then(|| {
                    view! {
                        <ul class="paper-list">
                            {summary
                                .cadences
                                .iter()
                                .map(|c| view! { <li>{c.sentence()}</li> })
                                .collect_view()}
                        </ul>
                    }
                })}
        </Section>
        <Section title="召开的会议" show=true>
            {if summary.meetings.is_empty() {
                view! { <p>"本期没有标记为已召开的会议。"</p> }.into_any()
            } else {
                view! {
                    <table class="grid-table">
                        <thead>
                            <tr>
                                <th class="col-date">"日期"</th>
                                <th>"会议"</th>
                                <th>"主题"</th>
                                <th class="col-state">"出席"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {summary
                                .meetings
                                .iter()
                                .map(|m| {
                                    view! {
                                        <tr>
                                            <td class="col-date">{format_short_date(m.date)}</td>
                                            <td>{m.label.clone()}</td>
                                            <td>{m.theme.clone()}</td>
                                            <td class="col-state">
                                                {format!("{}/{}", m.tally.present, m.tally.due)}
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                }
                    .into_any()
            }}
        </Section>
        <Section title="党员出席情况" show=!summary.attendance.is_empty()>
            <table class="grid-table">
                <thead>
                    <tr>
                        <th>"姓名"</th>
                        <th class="num">"应到"</th>
                        <th class="num">"出席"</th>
                        <th class="num">"请假"</th>
                        <th class="num">"缺席"</th>
                        <th class="num">"出席率"</th>
                    </tr>
                </thead>
                <tbody>
                    {summary
                        .attendance
                        .iter()
                        .map(|a| {
                            view! {
                                <tr>
                                    <td>
                                        {if a.left {
                                            format!("{}（已减少）", a.name)
                                        } else {
                                            a.name.clone()
                                        }}
                                    </td>
                                    <td class="num">{a.due}</td>
                                    <td class="num">{a.present}</td>
                                    <td class="num">{a.leave}</td>
                                    <td class="num">{a.absent}</td>
                                    <td class="num">{a.rate.clone()}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </Section>
        <Section title="补学情况" show=true>
            <p>
                {format!(
                    "待补学 {} 人次，已补学 {} 人次。",
                    summary.makeups.pending,
                    summary.makeups.done,
                )}
            </p>
            {(!summary.makeups.pending_items.is_empty())
                .then(|| {
                    view! {
                        <ul class="paper-list">
                            {summary
                                .makeups
                                .pending_items
                                .iter()
                                .map(|p| view! { <li>{p.describe()}</li> })
                                .collect_view()}
                        </ul>
                    }
                })}
        </Section>
        <Section title="决议落实情况" show=true>
            <p>
                {format!(
                    "本期会议确定的落实事项共 {} 项：按期完成 {} 项，逾期完成 {} 项，未完成 {} 项（其中已逾期 {} 项）。",
                    f.total(),
                    f.closed_on_time,
                    f.closed_late,
                    f.open,
                    f.overdue,
                )}
            </p>
            {(!f.open_items.is_empty())
                .then(|| {
                    view! {
                        <table class="grid-table">
                            <thead>
                                <tr>
                                    <th>"未完成事项"</th>
                                    <th class="col-person">"责任人"</th>
                                    <th class="col-date">"时限"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {f
                                    .open_items
                                    .iter()
                                    .map(|o| {
                                        view! {
                                            <tr>
                                                <td>
                                                    {if o.overdue {
                                                        format!("{}（已逾期）", o.task)
                                                    } else {
                                                        o.task.clone()
                                                    }}
                                                </td>
                                                <td class="col-person">{o.owner.clone()}</td>
                                                <td class="col-date">
                                                    {o.due.map(format_short_date).unwrap_or_default()}
                                                </td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                })}
        </Section>
        <Section title="党建与业务融合" show=!summary.fusion.is_empty()>
            <ul class="paper-list" data-testid="fusion-summary">
                {summary.fusion.lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
        </Section>
        <div class="signatures">
            <p>"党支部书记（签字）：" <span class="sign-line"></span></p>
            <p>"日期：" <span class="sign-line short"></span></p>
        </div>
    }
}
