//! The frame every screen shares: banners on top, the page, the tab bar.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use super::assess::{AssessPage, AssessmentFormPage, HistoryPage, ReviewPage};
use super::backup::BackupPage;
use super::branch_settings::BranchSettingsPage;
use super::first_run::FirstRun;
use super::home::HomePage;
use super::meetings::{CompliancePage, MeetingPage, MeetingsPage, PlanMeetingPage};
use super::mine::MinePage;
use super::print::{
    AssessmentPrint, MeetingRecordPrint, PeriodSummaryPrint, ReviewTallyPrint, SignInSheetPrint,
    TalkRecordPrint,
};
use super::recovery::{RecoveryNotice, RecoveryPage};
use super::roster::{MemberEditPage, RosterPage};
use super::save_banner::SaveBanner;
use super::state::AppState;
use super::tab_bar::TabBar;
use super::talks::{TalkPage, TalksPage};
use super::templates_page::TemplatesPage;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    leptos::task::spawn_local(state.start());
    let show_welcome =
        move || !state.device.with(|d| d.welcomed) && state.doc.with(|d| d.is_blank());
    view! {
        <Router>
            <Show
                when=move || state.ready.get()
                fallback=|| {
                    view! {
                        <p class="loading" role="status">
                            "正在读取本机数据…"
                        </p>
                    }
                }
            >
                <SaveBanner />
                <Notice />
                <Show when=show_welcome fallback=move || view! { <Screens /> }>
                    <FirstRun />
                </Show>
            </Show>
        </Router>
    }
}

/// A message the member should see once, with a button to close it.
#[component]
fn Notice() -> impl IntoView {
    let state = super::state::use_app();
    move || {
        state.notice.get().map(|text| {
            view! {
                <div class="banner info" role="status">
                    <p>{text}</p>
                    <div class="banner-actions">
                        <button class="button small" on:click=move |_| state.notice.set(None)>
                            "知道了"
                        </button>
                    </div>
                </div>
            }
        })
    }
}

#[component]
fn Screens() -> impl IntoView {
    view! {
        <RecoveryNotice />
        <main class="page">
            <Routes fallback=|| view! { <p class="empty">"页面不存在"</p> }>
                <Route path=path!("/") view=HomePage />
                <Route path=path!("/meetings") view=MeetingsPage />
                <Route path=path!("/meetings/new") view=PlanMeetingPage />
                <Route path=path!("/meetings/compliance") view=CompliancePage />
                <Route path=path!("/meetings/:id") view=MeetingPage />
                <Route path=path!("/print/meeting/:id") view=MeetingRecordPrint />
                <Route path=path!("/print/sign-in/:id") view=SignInSheetPrint />
                <Route path=path!("/print/talk/:id") view=TalkRecordPrint />
                <Route path=path!("/talks") view=TalksPage />
                <Route path=path!("/talks/:id") view=TalkPage />
                <Route path=path!("/print/summary/:kind/:date") view=PeriodSummaryPrint />
                <Route path=path!("/print/assessment/:id") view=AssessmentPrint />
                <Route path=path!("/print/review/:year") view=ReviewTallyPrint />
                <Route path=path!("/assess") view=AssessPage />
                <Route path=path!("/assess/form/:id") view=AssessmentFormPage />
                <Route path=path!("/assess/history/:id") view=HistoryPage />
                <Route path=path!("/assess/review/:year") view=ReviewPage />
                <Route path=path!("/mine") view=MinePage />
                <Route path=path!("/mine/branch") view=BranchSettingsPage />
                <Route path=path!("/mine/roster") view=RosterPage />
                <Route path=path!("/mine/roster/:id") view=MemberEditPage />
                <Route path=path!("/mine/backup") view=BackupPage />
                <Route path=path!("/mine/templates") view=TemplatesPage />
                <Route path=path!("/mine/recovery") view=RecoveryPage />
            </Routes>
        </main>
        <TabBar />
    }
}
