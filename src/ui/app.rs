//! The frame every screen shares: banners on top, the page, the tab bar.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use super::assess::{AssessPage, AssessmentFormPage, HistoryPage, ReviewPage};
use super::backup::BackupPage;
use super::branch_settings::BranchSettingsPage;
use super::first_run::FirstRun;
use super::fusion::{
    CommitmentsPage, FusionPage, GroupMonthPage, StudyHoursPage, StudyPage, TaskPage,
};
use super::home::HomePage;
use super::meetings::{CompliancePage, MeetingPage, MeetingsPage, PlanMeetingPage};
use super::mine::MinePage;
use super::print::{
    AssessmentPrint, FusionPrint, MeetingRecordPrint, PeriodSummaryPrint, ReviewTallyPrint,
    SignInSheetPrint, TalkRecordPrint,
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
        <Router base=crate::browser::base::app_base()>
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
                <InAppNote />
                <Notice />
                <ExampleBanner />
                <Show when=show_welcome fallback=move || view! { <Screens /> }>
                    <FirstRun />
                </Show>
            </Show>
        </Router>
    }
}

/// A transfer link (`…#zb=…`) opened the app: its text goes to the import
/// screen, and the address loses the fragment so a reload or the history
/// does not bring it back.
fn take_transfer_link() {
    let state = super::state::use_app();
    let Some(window) = web_sys::window() else {
        return;
    };
    let hash = window.location().hash().unwrap_or_default();
    if !hash.starts_with("#zb=") {
        return;
    }
    let href = window.location().href().unwrap_or_default();
    if let Ok(history) = window.history() {
        let clean = href.split('#').next().unwrap_or_default().to_string();
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&clean));
    }
    state.incoming.set(Some(href));
    let navigate = leptos_router::hooks::use_navigate();
    request_animation_frame(move || navigate("/mine/backup", Default::default()));
}

/// Once, inside WeChat and the like: their storage is apart from the
/// phone's browser and wiped with their 清理缓存.
#[component]
fn InAppNote() -> impl IntoView {
    let state = super::state::use_app();
    let app = crate::browser::in_app::in_app_browser();
    let shown = move || app.is_some() && !state.device.with(|d| d.in_app_noted);
    let dismiss = move |_| state.note_in_app();
    move || {
        shown().then(|| {
            let app = app.unwrap_or("应用");
            view! {
                <div class="banner info" role="status" data-testid="in-app-note">
                    <p>
                        {format!(
                            "你正在{app}里打开支部工作手册。在这里填写的数据与手机浏览器中的是分开保存的，{app}“清理缓存”会把它删除。建议点右上角“···”，选择“在浏览器打开”（苹果手机为“在Safari中打开”）；已有的数据可在“我的 › 备份与交换”生成传输文字，粘贴到浏览器里导入。",
                        )}
                    </p>
                    <div class="banner-actions">
                        <button class="button small" on:click=dismiss>
                            "知道了"
                        </button>
                    </div>
                </div>
            }
        })
    }
}

/// While the example data is shown, a line saying so with the way out.
#[component]
fn ExampleBanner() -> impl IntoView {
    let state = super::state::use_app();
    let navigate = leptos_router::hooks::use_navigate();
    let showing = Memo::new(move |_| state.doc.with(crate::domain::sample::is_example));
    let clear = move |_| {
        if !crate::browser::dialog::confirm("清除示例数据，开始填写本支部的信息？")
        {
            return;
        }
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            if state.clear_everything().await.is_ok() {
                state.mark_welcomed();
                navigate("/mine/branch", Default::default());
            }
        });
    };
    view! {
        <Show when=move || showing.get()>
            <div class="banner example" role="status" data-testid="example-banner">
                <p>"正在查看示例数据"</p>
                <button class="button small" on:click=clear.clone()>
                    "清除并开始使用"
                </button>
            </div>
        </Show>
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
    take_transfer_link();
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
                <Route path=path!("/fusion") view=FusionPage />
                <Route path=path!("/fusion/tasks/:id") view=TaskPage />
                <Route path=path!("/fusion/groups/:group/:year/:month") view=GroupMonthPage />
                <Route path=path!("/fusion/commitments/:member/:year") view=CommitmentsPage />
                <Route path=path!("/fusion/study/:id") view=StudyPage />
                <Route path=path!("/fusion/hours/:year") view=StudyHoursPage />
                <Route path=path!("/print/fusion/:sheet/:arg") view=FusionPrint />
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
