//! The first screen a new member sees: where the data lives, and how to keep it.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::state::{use_app, AppState};
use crate::browser::clock;
use crate::domain::sample::example_document;

#[component]
pub fn FirstRun() -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    // The page's own copy of this screen goes as this one takes its place.
    crate::browser::splash::take_static_welcome();
    let start = {
        let navigate = navigate.clone();
        move |_| {
            state.mark_welcomed();
            navigate("/mine/setup", Default::default());
        }
    };
    // Text from the secretary, not a link: the join page takes it.
    let paste = {
        let navigate = navigate.clone();
        move |_| {
            state.joining.set(true);
            navigate("/join", Default::default());
        }
    };
    // The 党委 side keeps its own data: nothing of a branch is set up.
    let committee = {
        let navigate = navigate.clone();
        move |_| {
            state.mark_welcomed();
            navigate("/committee", Default::default());
        }
    };
    let example = move |_| {
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            if load_example(state).await {
                state.mark_welcomed();
                navigate("/", Default::default());
            }
        });
    };
    view! {
        <main class="first-run">
            <div class="seal" aria-hidden="true">
                "支"
            </div>
            <h1>"支部工作手册"</h1>
            <p class="lead">
                "所有数据只保存在这台设备的浏览器里，不会上传到任何服务器。"
            </p>
            <p class="lead">
                "清除浏览器数据会把它一并删除，请定期在“我的 › 备份与交换”导出备份文件。"
            </p>
            <div class="stack">
                <button class="button primary" on:click=start>
                    "开始使用"
                </button>
                <button class="button" on:click=paste data-testid="welcome-paste">
                    {move || {
                        if state.incoming.with(Option::is_some) {
                            "导入收到的支部资料"
                        } else {
                            "粘贴书记发来的文字"
                        }
                    }}
                </button>
                <button class="button" on:click=example>
                    "载入示例数据看看"
                </button>
                <button class="button" on:click=committee data-testid="welcome-committee">
                    "我是党委组织员"
                </button>
            </div>
            <p class="muted small">
                "已有备份文件？开始使用后在“我的 › 备份与交换”中导入。"
            </p>
        </main>
    }
}

/// The example branch, written to storage (the data before it kept for
/// undo). Its code and texts are fetched only when a member asks for them,
/// in the split build: from here and from the backup page.
#[cfg_attr(feature = "split", leptos::lazy)]
#[allow(unsafe_code)] // the lazy loader's generated chunk import
pub(super) async fn load_example(state: AppState) -> bool {
    state.open_store().await;
    state
        .replace(example_document(clock::today()), "载入示例数据前的数据")
        .await
        .is_ok()
}
