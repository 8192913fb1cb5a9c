//! The split build's pages: each one's code is its own wasm chunk, fetched
//! the first time the page opens, so the first screen waits only for the
//! main module (the service worker then keeps every chunk for offline use).
//! `scripts/build` turns this on with the `split` feature; other builds link
//! every page in (see `page!` in `app.rs`).
// The generated loaders declare each chunk's functions as `unsafe extern`
// imports that the splitter resolves.
#![allow(unsafe_code)]

use leptos::prelude::*;
use leptos_router::{lazy_route, LazyRoute};

use super::page_loading::set_page_loading;

macro_rules! lazy_pages {
    ($($route:ident => $page:path),* $(,)?) => {$(
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            // Runs in the main module as the page is asked for.
            fn data() -> Self {
                set_page_loading(true);
                $route
            }

            // Runs in the page's chunk, once it has arrived.
            fn view(_route: Self) -> AnyView {
                set_page_loading(false);
                untrack(|| $page().into_any())
            }
        }
    )*};
}

lazy_pages! {
    MeetingsPage => super::meetings::MeetingsPage,
    PlanMeetingPage => super::meetings::PlanMeetingPage,
    CompliancePage => super::meetings::CompliancePage,
    MeetingPage => super::meetings::MeetingPage,
    MeetingRecordPrint => super::print::MeetingRecordPrint,
    SignInSheetPrint => super::print::SignInSheetPrint,
    TalkRecordPrint => super::print::TalkRecordPrint,
    HandoverPrint => super::print::HandoverPrint,
    FusionPage => super::fusion::FusionPage,
    TaskPage => super::fusion::TaskPage,
    GroupMonthPage => super::fusion::GroupMonthPage,
    CommitmentsPage => super::fusion::CommitmentsPage,
    StudyPage => super::fusion::StudyPage,
    StudyHoursPage => super::fusion::StudyHoursPage,
    FusionPrint => super::print::FusionPrint,
    DuesMonthPage => super::dues::DuesMonthPage,
    DuesMemberPage => super::dues::DuesMemberPage,
    DuesYearPage => super::dues::DuesYearPage,
    DuesPrint => super::print::DuesPrint,
    DevelopmentPage => super::development::DevelopmentPage,
    DevelopmentPathPage => super::development::DevelopmentPathPage,
    DevelopmentPrint => super::print::DevelopmentPrint,
    TalksPage => super::talks::TalksPage,
    TalkPage => super::talks::TalkPage,
    PeriodSummaryPrint => super::print::PeriodSummaryPrint,
    AssessmentPrint => super::print::AssessmentPrint,
    ReviewTallyPrint => super::print::ReviewTallyPrint,
    AssessPage => super::assess::AssessPage,
    AssessmentFormPage => super::assess::AssessmentFormPage,
    HistoryPage => super::assess::HistoryPage,
    ReviewPage => super::assess::ReviewPage,
    MinePage => super::mine::MinePage,
    BranchSettingsPage => super::branch_settings::BranchSettingsPage,
    SetupPage => super::setup::SetupPage,
    RosterPage => super::roster::RosterPage,
    MemberEditPage => super::roster::MemberEditPage,
    HandoverPage => super::handover::HandoverPage,
    BackupPage => super::backup::BackupPage,
    TemplatesPage => super::templates_page::TemplatesPage,
    RecoveryPage => super::recovery::RecoveryPage,
    JoinPage => super::join::JoinPage,
    YearWorkPage => super::year::YearWorkPage,
    YearPlanPage => super::year::YearPlanPage,
    YearSummaryPage => super::year::YearSummaryPage,
    SecretaryReportPage => super::year::SecretaryReportPage,
    YearWorkPrint => super::print::YearWorkPrint,
    CommitteePage => super::committee::CommitteePage,
    CommitteePrint => super::committee::CommitteePrint,
}
