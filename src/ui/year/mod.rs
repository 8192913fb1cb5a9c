//! A branch's year on paper, under 我的: the hub of one year
//! (`year_page.rs`), the 年度工作计划 (`plan_page.rs`), the 年度工作总结 with
//! its figures and draft (`summary_page.rs`) and the 书记述职
//! (`report_page.rs`). Every edit is a named operation of
//! `domain::year_work` on the year's record.

mod plan_page;
mod report_page;
mod summary_page;
mod year_page;

pub use plan_page::YearPlanPage;
pub use report_page::SecretaryReportPage;
pub use summary_page::YearSummaryPage;
pub use year_page::YearWorkPage;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::browser::clock;
use crate::domain::job::Area;
use crate::domain::year_work::plan::edit_plan;
use crate::domain::year_work::report::edit_report;
use crate::domain::year_work::summary::edit_summary;
use crate::domain::year_work::{SecretaryReport, YearPlan, YearSummary};
use crate::ui::job::ReadOnly;
use crate::ui::state::AppState;
use crate::ui::widgets::PageHeader;

/// The year in the address, or this year.
fn year_param() -> Memo<i32> {
    let params = use_params_map();
    Memo::new(move |_| {
        params
            .with(|p| p.get("year"))
            .and_then(|y| y.parse::<i32>().ok())
            .filter(|y| crate::domain::limits::YEARS.contains(y))
            .unwrap_or_else(|| chrono::Datelike::year(&clock::today()))
    })
}

/// The frame of one of the year's papers (计划, 总结, 述职): the header,
/// back to the year, and the paper for the year in the address, read only
/// on a phone that does not do the year's work.
#[component]
fn YearPaperPage<V>(
    /// The header's title.
    title: &'static str,
    /// The paper, given the year.
    paper: fn(i32) -> V,
) -> impl IntoView
where
    V: IntoView + 'static,
{
    let year = year_param();
    move || {
        let year = year.get();
        view! {
            <PageHeader title=title back=format!("/mine/year/{year}") />
            <ReadOnly area=Area::YearWork>{paper(year)}</ReadOnly>
        }
    }
}

fn save_plan(state: AppState, year: i32, f: impl Fn(&mut YearPlan) + 'static) {
    state.edit_items::<YearPlan>(&[year.to_string()], move |d| edit_plan(d, year, &f));
}

fn save_summary(state: AppState, year: i32, f: impl Fn(&mut YearSummary) + 'static) {
    state.edit_items::<YearSummary>(&[year.to_string()], move |d| edit_summary(d, year, &f));
}

fn save_report(state: AppState, year: i32, f: impl Fn(&mut SecretaryReport) + 'static) {
    let today = clock::today();
    state.edit_items::<SecretaryReport>(&[year.to_string()], move |d| {
        edit_report(d, year, today, &f)
    });
}
