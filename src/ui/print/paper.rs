//! The print view of a printout: the toolbar (打印, 存为图片, Word 文档,
//! 分享文字版) over the A4 sheet. Inside WeChat and other in-app browsers,
//! which neither print nor keep downloads, 打印 is hidden, the picture is
//! shown full screen to be saved with a long press, and the Word button says
//! how to get the file.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::sheet::PaperSheet;
use crate::browser::{files, focus, in_app, paper_image};
use crate::format::docx;
use crate::format::paper::picture::{picture, Picture};
use crate::format::paper::{Orientation, Paper};
use crate::ui::state::{use_app, AppState};
use crate::ui::widgets::PageHeader;

#[component]
pub fn PrintView(paper: Paper, back: String) -> impl IntoView {
    let state = use_app();
    set_running_header(&paper.running_head);
    let page_width = match paper.orientation {
        Orientation::Portrait => PORTRAIT_PX,
        Orientation::Landscape => LANDSCAPE_PX,
    };
    if paper.whole_page {
        fit_page_to_screen(page_width);
        let resize =
            window_event_listener(leptos::ev::resize, move |_| fit_page_to_screen(page_width));
        on_cleanup(move || resize.remove());
    }
    let in_app = in_app::in_app_browser();
    // What the last button did, shown beside the buttons.
    let result = RwSignal::new(None::<String>);
    let viewer = RwSignal::new(None::<String>);
    let model = StoredValue::new(paper.clone());
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let share = move |_| {
        let (title, text) = model.with_value(|p| (p.title.clone(), p.share_text.clone()));
        spawn_local(async move {
            match files::share_text(&title, &text).await {
                Ok(true) => {}
                // No share sheet here (or it was closed): the text is copied.
                _ => match files::copy_to_clipboard(&text).await {
                    Ok(()) => state.confirm("已复制文字版，可以粘贴到聊天或备忘录中"),
                    Err(_) => result.set(Some(
                        "这个浏览器不允许分享或复制。请用“存为图片”或“Word 文档”。".into(),
                    )),
                },
            }
        });
    };
    let save_image = move |_| {
        let paper = model.get_value();
        result.set(None);
        spawn_local(async move {
            let name = format!("{}.png", paper.file_name);
            let picture = picture_of(paper).await;
            let canvas = match paper_image::draw(&picture) {
                Ok(canvas) => canvas,
                Err(_) => {
                    result.set(Some(
                        "这个浏览器没能生成图片。请用“Word 文档”或打印。".into(),
                    ));
                    return;
                }
            };
            if in_app.is_some() {
                match paper_image::png_data_url(&canvas) {
                    Ok(url) => viewer.set(Some(url)),
                    Err(_) => result.set(Some("这个浏览器没能生成图片。".into())),
                }
                return;
            }
            match paper_image::png_blob(&canvas).await {
                Ok(blob) => offer(state, result, &name, &blob, "image/png", "图片").await,
                Err(_) => result.set(Some(
                    "这个浏览器没能生成图片。请用“Word 文档”或打印。".into(),
                )),
            }
        });
    };
    let save_word = move |_| {
        if let Some(app) = in_app {
            result.set(Some(format!(
                "{app}里不能下载文件。要 Word 文档，请点右上角“···”，选择“在浏览器打开”，在浏览器中打开这一页再点“Word 文档”（{app}里填写的数据需先在“我的 › 备份与交换”转到浏览器）。"
            )));
            return;
        }
        let paper = model.get_value();
        result.set(None);
        spawn_local(async move {
            let name = format!("{}.docx", paper.file_name);
            let bytes = word_file(paper).await;
            match files::bytes_blob(&bytes, docx::MIME) {
                Ok(blob) => offer(state, result, &name, &blob, docx::MIME, "Word 文档").await,
                Err(_) => result.set(Some("这个浏览器没能生成 Word 文档。".into())),
            }
        });
    };
    let hint = if in_app.is_some() {
        "要打印，请点右上角“···”，选择“在浏览器打开”。"
    } else {
        "手机上可用浏览器菜单中的“打印”或“分享 › 存为 PDF”。"
    };
    view! {
        <div class="print-toolbar">
            <PageHeader title="打印预览" back=back />
            <div class="row">
                {in_app
                    .is_none()
                    .then(|| {
                        view! {
                            <button class="button primary" on:click=print>
                                "打印 / 存为 PDF"
                            </button>
                        }
                    })} <button class="button" class:primary=in_app.is_some() on:click=save_image>
                    "存为图片"
                </button> <button class="button" on:click=save_word>
                    "Word 文档"
                </button> <button class="button" on:click=share>
                    "分享文字版"
                </button>
            </div>
            {move || {
                result
                    .get()
                    .map(|text| {
                        view! {
                            <p class="notice-line" role="status" data-testid="print-result">
                                {text}
                            </p>
                        }
                    })
            }}
            <p class="hint">{hint}</p>
        </div>
        {move || {
            viewer
                .get()
                .map(|url| {
                    let title = model.with_value(|p| p.title.clone());
                    view! {
                        <PictureViewer url=url title=title on_close=move || viewer.set(None) />
                    }
                })
        }}
        <PaperSheet paper=paper />
    }
}

/// The picture full screen, where a long press saves it or sends it to a
/// friend (WeChat keeps no downloads). At a keyboard it is a dialog: its
/// 关闭 takes the focus as it opens and Tab stays on it, Escape closes it
/// wherever the focus is, and the focus goes back to the button that
/// opened it.
#[component]
fn PictureViewer(url: String, title: String, on_close: impl Fn() + 'static) -> impl IntoView {
    let label = title.clone();
    let opener = focus::focused();
    let on_close = std::rc::Rc::new(move || {
        on_close();
        if let Some(opener) = &opener {
            focus::focus(opener);
        }
    });
    let close_on_escape = on_close.clone();
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            close_on_escape();
        } else if ev.key() == "Tab" {
            // 关闭 is the dialog's one control: Tab does not leave it for
            // the page behind.
            ev.prevent_default();
        }
    });
    let close_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = close_button.get() {
            focus::focus(&button);
        }
    });
    on_cleanup(move || escape.remove());
    view! {
        <div class="picture-viewer" role="dialog" aria-modal="true" aria-label=label>
            <div class="picture-viewer-bar">
                <p class="picture-viewer-hint">"长按保存或发送给朋友"</p>
                <button class="button small" node_ref=close_button on:click=move |_| on_close()>
                    "关闭"
                </button>
            </div>
            <img src=url alt=title />
        </div>
    }
}

/// Hands a made file to the member: the share sheet where downloads vanish
/// (iPhone), else a download; says what happened, and nothing when the
/// member closed the share sheet.
async fn offer(
    state: AppState,
    result: RwSignal<Option<String>>,
    name: &str,
    blob: &web_sys::Blob,
    mime: &str,
    what: &str,
) {
    if files::downloads_unreliable() {
        match files::share_blob(name, blob, mime).await {
            Ok(true) => return,
            Err(error) if files::is_abort(&error) => return,
            _ => {}
        }
    }
    match files::download_blob(name, blob) {
        Ok(()) => state.confirm(format!("已下载{what}：{name}")),
        Err(_) => result.set(Some(format!("这个浏览器没能保存{what}。"))),
    }
}

/// The Word file of a printout. Its code (the document writer) is fetched
/// only when a member asks for one, in the split build.
#[cfg_attr(feature = "split", leptos::lazy)]
#[allow(unsafe_code)] // the lazy loader's generated chunk import
async fn word_file(paper: Paper) -> Vec<u8> {
    docx::docx(&paper)
}

/// The picture's layout, fetched the same way.
#[cfg_attr(feature = "split", leptos::lazy)]
#[allow(unsafe_code)] // the lazy loader's generated chunk import
async fn picture_of(paper: Paper) -> Picture {
    picture(&paper)
}

/// A4 in CSS px (96 per inch).
const PORTRAIT_PX: f64 = 794.0;
const LANDSCAPE_PX: f64 = 1123.0;

/// The scale at which the A4 sheet fits the screen, for the stylesheet's
/// `zoom` (which, unlike a transform, also shrinks the space the page takes,
/// so nothing scrolls sideways).
fn fit_page_to_screen(page_width: f64) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let width = window
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .unwrap_or(page_width);
    let zoom = ((width - 24.0) / page_width).clamp(0.2, 1.0);
    if let Some(root) = root_element() {
        let _ = root
            .style()
            .set_property("--page-zoom", &format!("{zoom:.3}"));
    }
}

fn root_element() -> Option<web_sys::HtmlElement> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// The branch name for the head of every printed page, through a CSS
/// custom property the print stylesheet reads in `@page`.
fn set_running_header(branch: &str) {
    if let Some(root) = root_element() {
        let quoted = serde_json::Value::String(branch.to_string()).to_string();
        let _ = root.style().set_property("--print-branch", &quoted);
    }
}
