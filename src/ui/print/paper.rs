//! The sheet every printed view sits on: a toolbar for the screen, the
//! running header, and the branch name and date.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::browser::{clock, files, paper_dom, paper_image};
use crate::domain::time::format_chinese_date;
use crate::format::docx;
use crate::format::paper::PaperText;
use crate::ui::state::use_app;
use crate::ui::state::AppState;
use crate::ui::widgets::PageHeader;

/// A printable sheet. `share_text` is what the share button sends where a
/// phone cannot print.
#[component]
pub fn Paper(
    title: String,
    /// A sheet of wide tables (a tally, a sign-in sheet): on a phone it is
    /// shown as the whole A4 page, scaled to the screen like a document
    /// viewer (pinch to zoom), instead of columns one character wide.
    #[prop(optional)]
    whole_page: bool,
    back: String,
    #[prop(into)] share_text: Signal<String>,
    children: Children,
) -> impl IntoView {
    let state = use_app();
    let branch = move || state.doc.with(|d| d.branch.name.clone());
    let parent = move || state.doc.with(|d| d.branch.parent_org.clone());
    set_running_header(&state.doc.with_untracked(|d| d.branch.name.clone()));
    if whole_page {
        fit_page_to_screen();
        let resize = window_event_listener(leptos::ev::resize, |_| fit_page_to_screen());
        on_cleanup(move || resize.remove());
    }
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
            match files::share_text(&title, &text).await {
                Ok(true) => {}
                // No share sheet here (or it was closed): the text is copied.
                _ => match files::copy_to_clipboard(&text).await {
                    Ok(()) => state.confirm("已复制文字版，可以粘贴到聊天或备忘录中"),
                    Err(_) => state.notice.set(Some(
                        "这个浏览器不允许分享或复制。请用“存为图片”或“Word 文档”。".into(),
                    )),
                },
            }
        });
    };
    let file_stem = format!("{title}-{}", clock::today());
    let image_name = format!("{file_stem}.png");
    let save_image = move |_| {
        let name = image_name.clone();
        spawn_local(async move {
            let Some(paper) = paper_dom::current_paper() else {
                return;
            };
            match paper_image::paper_png(&paper).await {
                Ok(blob) => offer(state, &name, &blob, "image/png", "图片").await,
                Err(_) => state.notice.set(Some(
                    "这个浏览器没能生成图片。请用“打印 / 存为 PDF”。".into(),
                )),
            }
        });
    };
    let word_name = format!("{file_stem}.docx");
    let save_word = move |_| {
        let name = word_name.clone();
        spawn_local(async move {
            let Some(paper) = paper_dom::current_paper() else {
                return;
            };
            let bytes = word_file(paper).await;
            match files::bytes_blob(&bytes, docx::MIME) {
                Ok(blob) => offer(state, &name, &blob, docx::MIME, "Word 文档").await,
                Err(_) => state
                    .notice
                    .set(Some("这个浏览器没能生成 Word 文档。".into())),
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
                <button class="button" on:click=save_image>
                    "存为图片"
                </button>
                <button class="button" on:click=save_word>
                    "Word 文档"
                </button>
                <button class="button" on:click=share>
                    "分享文字版"
                </button>
            </div>
            <p class="hint">
                "手机上可用浏览器菜单中的“打印”或“分享 › 存为 PDF”。"
            </p>
        </div>
        <article class="paper" class:whole-page=whole_page>
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

/// Hands a made file to the member: the share sheet where downloads vanish
/// (WeChat, iPhone), else a download; then says what happened.
async fn offer(state: AppState, name: &str, blob: &web_sys::Blob, mime: &str, what: &str) {
    if files::downloads_unreliable()
        && matches!(files::share_blob(name, blob, mime).await, Ok(true))
    {
        return;
    }
    match files::download_blob(name, blob) {
        Ok(()) => state.confirm(format!("已生成{what}：{name}")),
        Err(_) => state
            .notice
            .set(Some(format!("这个浏览器没能保存{what}。"))),
    }
}

/// The Word file of a sheet. Its code (the document writer) is fetched only
/// when a member asks for one, in the split build.
#[cfg_attr(feature = "split", leptos::lazy)]
#[allow(unsafe_code)] // the lazy loader's generated chunk import
async fn word_file(paper: PaperText) -> Vec<u8> {
    docx::docx(&paper)
}

/// The scale at which an A4 sheet (794 CSS px) fits the screen, for the
/// stylesheet's `zoom` (which, unlike a transform, also shrinks the space the
/// page takes, so nothing scrolls sideways).
fn fit_page_to_screen() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let width = window
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .unwrap_or(794.0);
    let zoom = ((width - 24.0) / 794.0).clamp(0.2, 1.0);
    let root = window
        .document()
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(root) = root {
        let _ = root
            .style()
            .set_property("--page-zoom", &format!("{zoom:.3}"));
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
