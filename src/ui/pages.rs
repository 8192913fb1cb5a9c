//! Every page of the app, once: the paths it answers and its component.
//! From this one table come the router's routes and, in the split build
//! (feature `split`, set by `scripts/build`), each page's lazy route, whose
//! code is its own wasm chunk fetched the first time the page opens; the
//! first screen waits only for the main module, and the service worker
//! then keeps every chunk for offline use. Other builds link every page in.
//! A page kept in two lists could be left out of one and fail only in the
//! release build.
// The generated loaders declare each chunk's functions as `unsafe extern`
// imports that the splitter resolves.
#![cfg_attr(feature = "split", allow(unsafe_code))]

use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;

use super::home::HomePage;
use super::page_loading::set_page_loading;

macro_rules! pages {
    ($($module:ident :: $page:ident at $($path:tt)|+ ;)*) => {
        /// The split build's pages: each a lazy route, its code a chunk.
        #[cfg(feature = "split")]
        mod lazy {
            use leptos::prelude::*;
            use leptos_router::{lazy_route, LazyRoute};

            use super::set_page_loading;

            $(
                pub struct $page;

                #[lazy_route]
                impl LazyRoute for $page {
                    // Runs in the main module as the page is asked for.
                    fn data() -> Self {
                        set_page_loading(true);
                        $page
                    }

                    // Runs in the page's chunk, once it has arrived.
                    fn view(_route: Self) -> AnyView {
                        set_page_loading(false);
                        untrack(|| crate::ui::$module::$page().into_any())
                    }
                }
            )*
        }

        /// The page for the address: home, one of the table's, or "页面不存在".
        #[component]
        pub fn PageRoutes() -> impl IntoView {
            view! {
                <Routes fallback=|| {
                    set_page_loading(false);
                    view! { <p class="empty">"页面不存在"</p> }
                }>
                    <Route path=path!("/") view=HomePage />
                    $($(
                        <Route path=path!($path) view={
                            #[cfg(feature = "split")]
                            let view = leptos_router::Lazy::<lazy::$page>::new();
                            #[cfg(not(feature = "split"))]
                            let view = crate::ui::$module::$page;
                            view
                        } />
                    )+)*
                </Routes>
            }
        }
    };
}

// In the order the router tries them: a fixed path before one with the
// same start and a parameter (`/meetings/new` before `/meetings/:id`).
pages! {
        meetings::MeetingsPage at "/meetings";
        meetings::PlanMeetingPage at "/meetings/new";
        meetings::CompliancePage at "/meetings/compliance";
        meetings::MeetingPage at "/meetings/:id";
        print::MeetingRecordPrint at "/print/meeting/:id";
        print::SignInSheetPrint at "/print/sign-in/:id";
        print::TalkRecordPrint at "/print/talk/:id";
        print::HandoverPrint at "/print/handover";
        fusion::FusionPage at "/fusion";
        fusion::TaskPage at "/fusion/tasks/:id";
        fusion::GroupMonthPage at "/fusion/groups/:group/:year/:month";
        fusion::CommitmentsPage at "/fusion/commitments/:member/:year";
        fusion::StudyPage at "/fusion/study/:id";
        fusion::StudyHoursPage at "/fusion/hours/:year";
        print::FusionPrint at "/print/fusion/:sheet/:arg";
        dues::DuesMonthPage at "/mine/dues" | "/mine/dues/:year/:month";
        dues::DuesMemberPage at "/mine/dues/member/:member/:year";
        dues::DuesYearPage at "/mine/dues/:year";
        print::DuesPrint at "/print/dues/:sheet/:arg";
        development::DevelopmentPage at "/mine/development";
        development::DevelopmentPathPage at "/mine/development/:id";
        print::DevelopmentPrint at "/print/development/:arg";
        talks::TalksPage at "/talks";
        talks::TalkPage at "/talks/:id";
        print::PeriodSummaryPrint at "/print/summary/:kind/:date";
        print::AssessmentPrint at "/print/assessment/:id";
        print::ReviewTallyPrint at "/print/review/:year";
        assess::AssessPage at "/assess";
        assess::AssessmentFormPage at "/assess/form/:id";
        assess::HistoryPage at "/assess/history/:id";
        assess::ReviewPage at "/assess/review/:year";
        mine::MinePage at "/mine";
        branch_settings::BranchSettingsPage at "/mine/branch";
        setup::SetupPage at "/mine/setup";
        roster::RosterPage at "/mine/roster";
        roster::MemberEditPage at "/mine/roster/:id";
        handover::HandoverPage at "/mine/handover";
        backup::BackupPage at "/mine/backup";
        templates_page::TemplatesPage at "/mine/templates";
        recovery::RecoveryPage at "/mine/recovery";
        join::JoinPage at "/join";
        year::YearWorkPage at "/mine/year" | "/mine/year/:year";
        year::YearPlanPage at "/mine/year/:year/plan";
        year::YearSummaryPage at "/mine/year/:year/summary";
        year::SecretaryReportPage at "/mine/year/:year/report";
        print::YearWorkPrint at "/print/year/:sheet/:year";
        committee::CommitteePage at "/committee";
        committee::CommitteePrint at "/committee/print/:sheet/:year";
}
