//! The frame every screen shares: banners on top, the page, the tab bar.

use leptos::prelude::*;
use leptos_router::components::Router;

use super::first_run::FirstRun;
use super::page_loading::{set_page_loading, PageLoading};
use super::pages::PageRoutes;
use super::recovery::RecoveryNotice;
use super::save_banner::SaveBanner;
use super::state::AppState;
use super::tab_bar::TabBar;
use super::toast::Toast;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    // A 报上级 link opens the 党委 side, never a branch's import.
    let committee_link = super::committee::take_report_link();
    if let Some(link) = take_transfer_link() {
        state.incoming.set(Some(link));
        state.joining.set(true);
    }
    leptos::task::spawn_local(state.start(prefetch_screens()));
    let first_screen = Memo::new(move |_| {
        if state.joining.get() {
            FirstScreen::Join
        } else if !state.device.with(|d| d.welcomed)
            && state.doc.with(|d| d.is_blank())
            && !committee_link
        {
            FirstScreen::Welcome
        } else {
            FirstScreen::Screens
        }
    });
    // A deep link in the split build opens a page whose code is on its way.
    let opens_lazy_page = cfg!(feature = "split") && crate::browser::base::opened_route() != "/";
    provide_context(PageLoading(RwSignal::new(opens_lazy_page)));
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
                {move || match first_screen.get() {
                    FirstScreen::Welcome => view! { <FirstRun /> }.into_any(),
                    FirstScreen::Join => Suspend::new(join_screen()).into_any(),
                    FirstScreen::Screens => Suspend::new(screens()).into_any(),
                }}
            </Show>
        </Router>
    }
}

/// What the app shows first: its whole frame is one of these.
#[derive(Clone, Copy, PartialEq)]
enum FirstScreen {
    /// A new member with nothing stored.
    Welcome,
    /// A package arriving on a phone with no data, until it is taken or
    /// put aside (a phone with records imports it on 备份与交换 instead).
    Join,
    /// Everything a member with records sees.
    Screens,
}

/// A transfer link (`…#zb=…`) opened the app: its text, read before the
/// first screen so that a phone with no data never shows the welcome
/// instead of the package. The address loses the fragment so a reload or
/// the history does not bring it back.
fn take_transfer_link() -> Option<String> {
    let window = web_sys::window()?;
    let hash = window.location().hash().unwrap_or_default();
    if !hash.starts_with("#zb=") {
        return None;
    }
    let href = window.location().href().ok()?;
    if let Ok(history) = window.history() {
        let clean = href.split('#').next().unwrap_or_default().to_string();
        // Failing only leaves the fragment in the address: the text is read anyway.
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&clean));
    }
    Some(href)
}

/// A package arrived on a phone with records: the import screen, which
/// merges it with what the phone holds (a phone with none has the join
/// screen instead, see `FirstScreen`).
fn open_arrived_package() {
    let state = super::state::use_app();
    if state.incoming.with_untracked(Option::is_none) {
        return;
    }
    let to = "/mine/backup";
    if crate::browser::base::opened_route() == to {
        return;
    }
    let navigate = leptos_router::hooks::use_navigate();
    request_animation_frame(move || navigate(to, Default::default()));
}

/// The join page alone, for a package arriving on a phone with no data. In
/// the split build its code is the link's file (scripts/code-paths.mjs):
/// a member's first open from a link fetches none of the screens of a
/// member with records, only the code both share.
#[cfg_attr(feature = "split", leptos::lazy)]
#[allow(unsafe_code)] // the lazy loader's generated chunk import
async fn join_screen() -> AnyView {
    view! { <JoinScreen /> }.into_any()
}

#[component]
fn JoinScreen() -> impl IntoView {
    crate::browser::splash::take_static_welcome();
    set_page_loading(false);
    view! {
        <main class="page">
            <super::join::JoinPage />
        </main>
    }
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
    // Not while joining: a member taking a package is asked one thing at a time.
    let showing = Memo::new(move |_| {
        !state.joining.get() && state.doc.with(crate::domain::sample::is_example)
    });
    let clear = move |_| {
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            if clear_example(state).await {
                state.mark_welcomed();
                navigate("/mine/setup", Default::default());
            }
        });
    };
    view! {
        <Show when=move || showing.get()>
            <div class="banner example" role="status" data-testid="example-banner">
                <p>"正在查看示例数据"</p>
                // Clearing replaces everything stored: not before it is all read.
                <button
                    class="button small"
                    disabled=move || state.reading_the_rest()
                    on:click=clear.clone()
                >
                    "清除并开始使用"
                </button>
            </div>
        </Show>
    }
}

/// The question before clearing the example, naming what the member added
/// to it, which goes too (and can be restored once, from 备份与交换).
fn clear_question(added: &[String]) -> String {
    if added.is_empty() {
        return "清除示例数据，开始填写本支部的信息？".into();
    }
    let shown: Vec<&str> = added.iter().take(5).map(String::as_str).collect();
    let more = if added.len() > shown.len() {
        format!("等 {} 项", added.len())
    } else {
        String::new()
    };
    format!(
        "你在示例中添加的{}{more}也会一起清除（清除后可在“备份与交换”中撤销一次）。仍然清除，开始填写本支部的信息？",
        shown.join("、")
    )
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

/// Everything a member with records sees: the pages, home, the tab bar.
/// In the split build its code is its own file (the `screens` group of
/// scripts/code-paths.mjs), which a member with records fetches at once
/// with the store's, and a new member's welcome screen fetches none of it.
#[cfg_attr(feature = "split", leptos::lazy)]
#[allow(unsafe_code)] // the lazy loader's generated chunk import
async fn screens() -> AnyView {
    view! { <Screens /> }.into_any()
}

/// Fetches and readies the screens' code without showing them (in the
/// split build; elsewhere it is here).
async fn prefetch_screens() {
    #[cfg(feature = "split")]
    __preload_screens().await;
}

#[component]
fn Screens() -> impl IntoView {
    // A member whose settings were cleared has records: the page's welcome
    // screen was not theirs.
    crate::browser::splash::take_static_welcome();
    open_arrived_package();
    super::job::provide_person();
    let state = super::state::use_app();
    let loading = use_context::<PageLoading>().map(|l| l.0);
    let busy = move || loading.is_some_and(|l| l.get()).to_string();
    // Home may be drawn from its first read (`app::first_read`); every other
    // page edits, exports or lists years, so it waits for everything.
    let location = leptos_router::hooks::use_location();
    let base = crate::browser::base::app_base();
    let shows_page = Memo::new(move |_| {
        !state.reading_the_rest()
            || location
                .pathname
                .with(|path| crate::browser::base::route_of(path, &base) == "/")
    });
    view! {
        <ExampleBanner />
        <RecoveryNotice />
        <main class="page" aria-busy=busy>
            <Show
                when=move || shows_page.get()
                fallback=|| {
                    view! {
                        <p class="loading" role="status">
                            "正在读取本机数据…"
                        </p>
                    }
                }
            >
                <PageRoutes />
            </Show>
        </main>
        <Toast />
        // Joining is one sentence and one button: the tabs lead nowhere yet.
        <Show when=move || !state.joining.get()>
            <TabBar />
        </Show>
    }
}

/// Asks, then deletes the example data; true once it is gone. In the split
/// build its code arrives when a member asks for it: finding what the
/// member added means building the example again, which takes in every
/// record kind's code (about 100 KB gzipped in the screens' file).
#[cfg_attr(feature = "split", leptos::lazy)]
#[allow(unsafe_code)] // the lazy loader's generated chunk import
async fn clear_example(state: AppState) -> bool {
    let added = state.doc.with_untracked(|d| {
        crate::domain::sample::added_to_example(d, crate::browser::clock::today())
    });
    if !crate::browser::dialog::confirm(&clear_question(&added)) {
        return false;
    }
    state.clear_everything(!added.is_empty()).await.is_ok()
}
