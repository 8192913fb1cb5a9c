//! The sheet every printed view sits on: a toolbar for the screen, the
//! running header, and the branch name and date.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::browser::{clock, files};
use crate::domain::time::format_chinese_date;
use crate::ui::state::use_app;
use crate::ui::widgets::PageHeader;

/// A printable sheet. `share_text` is what the share button sends where a
/// phone cannot print.
#[component]
pub fn Paper(
    title: String,
    back: String,
    #[prop(into)] share_text: Signal<String>,
    children: Children,
) -> impl IntoView {
    let state = use_app();
    let branch = move || state.doc.with(|d| d.branch.name.clone());
    let parent = move || state.doc.with(|d| d.branch.parent_org.clone());
    set_running_header(&state.doc.with_untracked(|d| d.branch.name.clone()));
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let share_title = title.clone();
    let share = move |_| {
        let text = share_text.get_untracked();
        let title = share_title.clone();
        spawn_local(async move {
            // No share sheet here (or it failed): the text is copied instead.
            if !matches!(files::share_text(&title, &text).await, Ok(true))
                && files::copy_to_clipboard(&text).await.is_ok()
            {
                state
                    .notice
                    .set(Some("已复制文字版，可以粘贴到聊天或备忘录中。".into()));
            }
        });
    };
    view! {
        <div class="print-toolbar">
            <PageHeader title="打印预览" back=back />
            <div class="row">
                <button class="button primary" on:click=print>
                    "打印 / 存为 PDF"
                </button>
                <button class="button" on:click=share>
                    "分享文字版"
                </button>
            </div>
            <p class="hint">
                "手机上可用浏览器菜单中的“打印”或“分享 › 存为 PDF”。"
            </p>
        </div>
        <article class="paper">
            <header class="paper-head">
                <p class="paper-org">
                    {move || {
                        let p = parent();
                        if p.is_empty() { branch() } else { format!("{p} · {}", branch()) }
                    }}
                </p>
                <h1 class="paper-title">{title}</h1>
            </header>
            {children()}
            <p class="paper-printed">
                {format!("打印日期：{}", format_chinese_date(clock::today()))}
            </p>
        </article>
    }
}

/// The branch name for the header of every printed page, through a CSS
/// custom property the print stylesheet reads in `@page`.
fn set_running_header(branch: &str) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(root) = root {
        let quoted = serde_json::Value::String(branch.to_string()).to_string();
        let _ = root.style().set_property("--print-branch", &quoted);
    }
}

/// A label–value row of the form table at the top of a record.
#[component]
pub fn FormRow(label: &'static str, #[prop(into)] value: String) -> impl IntoView {
    view! {
        <tr>
            <th scope="row">{label}</th>
            <td>{value}</td>
        </tr>
    }
}
