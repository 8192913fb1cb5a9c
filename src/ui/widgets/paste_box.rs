//! Where a package comes in by hand: a file to choose, or a text to paste.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use super::TypedText;

use crate::browser::files;

/// A 选择文件 button and a box to paste a transfer text or a link into.
/// A chosen file is read here, and the input emptied so that the same
/// file can be chosen again; what the pasted text becomes is the page's
/// own button's business.
#[component]
pub fn PasteBox(
    /// The file input's `name`.
    file_name: &'static str,
    /// The text box's `name`.
    paste_name: &'static str,
    /// What to paste, above the box ("或粘贴支部发来的文字或链接").
    label: &'static str,
    /// The box's placeholder.
    placeholder: &'static str,
    /// The box's height in lines.
    rows: u32,
    /// The text pasted so far; the page may fill it (a link that opened it).
    pasted: RwSignal<String>,
    /// Called with the text of the file chosen.
    #[prop(into)]
    on_file: Callback<String>,
    /// Called when the chosen file cannot be read.
    #[prop(into)]
    on_unreadable: Callback<()>,
) -> impl IntoView {
    let choose = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        spawn_local(async move {
            match files::read_text(&file).await {
                Ok(text) => on_file.run(text),
                Err(_) => on_unreadable.run(()),
            }
        });
    };
    view! {
        <label class="button file-button">
            "选择文件…"
            <input
                type="file"
                name=file_name
                accept=".json,.txt,application/json,text/plain"
                on:change=choose
            />
        </label>
        <label class="field">
            <span>{label}</span>
            <TypedText name=paste_name value=pasted rows=rows placeholder=placeholder />
        </label>
    }
}
