//! 党小组重点工作：已确定 / 已回顾, per group, for a month or a longer period,
//! where the branch keeps the practice (a local rule).

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

use crate::browser::clock;
use crate::domain::fusion::group_work::{first_month_in_use, status};
use crate::domain::fusion::{group_months_lines, GroupMonth, GroupMonthStatus};
use crate::ui::link::A;
use crate::ui::state::use_app;

/// One row per 党小组. For a single month each row says its status and opens
/// the month; for a longer period it counts the months.
#[component]
pub fn GroupWorkLines(
    #[prop(into)] from: Signal<NaiveDate>,
    #[prop(into)] to: Signal<NaiveDate>,
    #[prop(default = "党小组重点工作".to_string(), into)] title: String,
) -> impl IntoView {
    let state = use_app();
    let rows = Memo::new(move |_| {
        let (from, to) = (from.get(), to.get());
        let one_month = from.year() == to.year() && from.month() == to.month();
        state.doc.with(|d| {
            if !d.branch.rules.group_monthly_work {
                return Vec::new();
            }
            // A month still running has nothing overdue yet.
            let over = to < clock::today();
            // A month before the branch used the app is nobody's to call 未确定.
            let began = first_month_in_use(d, clock::today());
            if one_month && (from.year(), from.month()) < began {
                Vec::new()
            } else if one_month {
                d.branch
                    .groups
                    .iter()
                    .map(|g| {
                        let id = GroupMonth::id_for(&g.id, from.year(), from.month());
                        let s = status(d.group_month(&id), &d.meetings);
                        let href =
                            format!("/fusion/groups/{}/{}/{}", g.id, from.year(), from.month());
                        (g.name.clone(), s.label().to_string(), s, over, Some(href))
                    })
                    .collect::<Vec<_>>()
            } else {
                group_months_lines(d, from, to, clock::today())
                    .into_iter()
                    .map(|l| {
                        let s = if l.months > 0 && l.reviewed == l.months {
                            GroupMonthStatus::Reviewed
                        } else if l.set > 0 {
                            GroupMonthStatus::Set
                        } else {
                            GroupMonthStatus::NotSet
                        };
                        let text = format!(
                            "已确定 {}/{} · 已回顾 {}/{}",
                            l.set, l.months, l.reviewed, l.months
                        );
                        (l.group_name, text, s, over, None)
                    })
                    .collect()
            }
        })
    });
    view! {
        <Show when=move || !rows.with(Vec::is_empty)>
            <ul class="requirement-list card" data-testid="group-work">
                <li class="list-heading">{title.clone()}</li>
                {move || {
                    rows.get()
                        .into_iter()
                        .map(|(name, text, s, over, href)| {
                            let class = match s {
                                GroupMonthStatus::Reviewed => "status done",
                                GroupMonthStatus::NotSet if over => "status overdue",
                                _ => "status due",
                            };
                            let label = view! {
                                <span class="requirement-label">{name}</span>
                                <span class=class>{text}</span>
                            };
                            match href {
                                Some(href) => {
                                    view! {
                                        <li class="requirement">
                                            <A href=href attr:class="requirement-link">
                                                {label}
                                            </A>
                                        </li>
                                    }
                                        .into_any()
                                }
                                None => view! { <li class="requirement">{label}</li> }.into_any(),
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </Show>
    }
}
