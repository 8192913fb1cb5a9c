//! The print pages, one per printout: each reads its address, builds the
//! printout (`format::paper::sheets`) and shows it. Each follows the address
//! and the stored data: another id in the address, or another page's edit,
//! builds the sheet again.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use leptos_router::params::ParamsMap;

use super::paper::PrintView;
use crate::browser::clock;
use crate::domain::fusion::sheets::SheetKind;
use crate::domain::rules::compliance::{Period, PeriodKind};
use crate::domain::Document;
use crate::format::paper::sheets;
use crate::format::paper::Paper;
use crate::ui::state::use_app;

/// A print page: `build` makes the printout from the document and the
/// address, or `None` (then `missing` is shown); `back` is where the back
/// arrow leads.
fn printout(
    build: impl Fn(&Document, &ParamsMap, NaiveDate) -> Option<Paper> + Send + Sync + 'static,
    back: impl Fn(&ParamsMap) -> String + Send + Sync + 'static,
    missing: &'static str,
) -> impl IntoView {
    let state = use_app();
    let params = use_params_map();
    move || {
        state.doc.track();
        let params = params.get();
        let paper = state
            .doc
            .with_untracked(|d| build(d, &params, clock::today()));
        match paper {
            Some(paper) => view! { <PrintView paper=paper back=back(&params) /> }.into_any(),
            None => view! { <p class="empty">{missing}</p> }.into_any(),
        }
    }
}

fn param(params: &ParamsMap, name: &str) -> String {
    params.get(name).unwrap_or_default()
}

#[component]
pub fn MeetingRecordPrint() -> impl IntoView {
    printout(
        |d, p, today| {
            d.meeting(&param(p, "id"))
                .map(|m| sheets::meeting_record(d, m, today))
        },
        |p| format!("/meetings/{}", param(p, "id")),
        "找不到这次会议。",
    )
}

#[component]
pub fn SignInSheetPrint() -> impl IntoView {
    printout(
        |d, p, today| {
            d.meeting(&param(p, "id"))
                .map(|m| sheets::sign_in_sheet(d, m, today))
        },
        |p| format!("/meetings/{}", param(p, "id")),
        "找不到这次会议。",
    )
}

#[component]
pub fn HandoverPrint() -> impl IntoView {
    printout(
        |d, _, today| Some(sheets::handover_record(d, today)),
        |_| "/mine/handover".into(),
        "",
    )
}

#[component]
pub fn TalkRecordPrint() -> impl IntoView {
    printout(
        |d, p, today| {
            d.talk(&param(p, "id"))
                .map(|t| sheets::talk_record(d, t, today))
        },
        |p| format!("/talks/{}", param(p, "id")),
        "找不到这条谈话记录。",
    )
}

#[component]
pub fn AssessmentPrint() -> impl IntoView {
    printout(
        |d, p, today| sheets::assessment_form(d, &param(p, "id"), today),
        |p| format!("/assess/form/{}", param(p, "id")),
        "找不到这份自评表。",
    )
}

#[component]
pub fn ReviewTallyPrint() -> impl IntoView {
    printout(
        |d, p, today| {
            let year = param(p, "year").parse().ok()?;
            Some(sheets::review_tally(d, year, today))
        },
        |p| format!("/assess/review/{}", param(p, "year")),
        "无法识别的年度。",
    )
}

#[component]
pub fn FusionPrint() -> impl IntoView {
    printout(
        |d, p, today| {
            let kind = SheetKind::parse(&param(p, "sheet"), &param(p, "arg"))?;
            sheets::fusion_sheet(d, &kind, today)
        },
        |_| "/fusion".to_string(),
        "找不到这份材料，可能已被删除。",
    )
}

#[component]
pub fn PeriodSummaryPrint() -> impl IntoView {
    printout(
        |d, p, today| {
            let period = period_from(&param(p, "kind"), &param(p, "date"))?;
            Some(sheets::period_summary_paper(d, period, today))
        },
        |_| "/meetings/compliance".to_string(),
        "无法识别的统计期间。",
    )
}

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

/// The 党费 printouts: `/print/dues/register/2026`, `/print/dues/public/2026`,
/// `/print/dues/member/m04-2026`.
/// The 发展党员 printouts: `ledger` (台账), `notice-` and a path's id (公示),
/// or a path's id (纪实表).
#[component]
pub fn DevelopmentPrint() -> impl IntoView {
    printout(
        |d, p, today| match param(p, "arg").as_str() {
            "ledger" => Some(sheets::development_ledger(d, today)),
            arg => match arg.strip_prefix("notice-") {
                Some(id) => sheets::development_notice(d, id, today),
                None => sheets::development_record(d, arg, today),
            },
        },
        |p| match param(p, "arg").as_str() {
            "ledger" => "/mine/development".to_string(),
            arg => format!(
                "/mine/development/{}",
                arg.strip_prefix("notice-").unwrap_or(arg)
            ),
        },
        "找不到这份纪实。",
    )
}

#[component]
pub fn DuesPrint() -> impl IntoView {
    printout(
        |d, p, today| {
            let arg = param(p, "arg");
            match param(p, "sheet").as_str() {
                "register" => Some(sheets::dues_register(d, arg.parse().ok()?, today)),
                "public" => Some(sheets::dues_public(d, arg.parse().ok()?, today)),
                "member" => {
                    let (member, year) = arg.rsplit_once('-')?;
                    sheets::dues_member_record(d, member, year.parse().ok()?, today)
                }
                _ => None,
            }
        },
        |p| {
            let arg = param(p, "arg");
            match arg.rsplit_once('-') {
                Some((member, year)) if param(p, "sheet") == "member" => {
                    format!("/mine/dues/member/{member}/{year}")
                }
                _ => format!("/mine/dues/{arg}"),
            }
        },
        "找不到这份材料。",
    )
}

/// A year's 计划, 总结 and 述职: `/print/year/plan/2026`,
/// `/print/year/summary/2026`, `/print/year/report/2026`.
#[component]
pub fn YearWorkPrint() -> impl IntoView {
    printout(
        |d, p, today| {
            let year: i32 = param(p, "year").parse().ok()?;
            match param(p, "sheet").as_str() {
                "plan" => Some(sheets::year_plan_paper(d, year, today)),
                "summary" => Some(sheets::year_summary_paper(d, year, today)),
                "report" => Some(sheets::secretary_report_paper(d, year, today)),
                _ => None,
            }
        },
        |p| format!("/mine/year/{}/{}", param(p, "year"), param(p, "sheet")),
        "找不到这份材料。",
    )
}
