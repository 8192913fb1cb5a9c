//! Where members' material comes in: files (several at once), or a chat
//! text or link pasted.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use crate::browser::files;
use crate::ui::widgets::TypedText;

#[component]
pub(super) fn ReturnsInput(
    /// What was taken or refused, each with whether it went well: cleared
    /// for each new choice, and told of a file that cannot be read.
    messages: RwSignal<Vec<(bool, String)>>,
    /// Each file's text, or the pasted text.
    on_text: Callback<String>,
) -> impl IntoView {
    let pasted = RwSignal::new(String::new());
    let on_files = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(list) = input.files() else { return };
        let picked: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        input.set_value("");
        messages.set(Vec::new());
        spawn_local(async move {
            for file in picked {
                match files::read_text(&file).await {
                    Ok(text) => on_text.run(text),
                    Err(_) => {
                        messages.update(|m| m.push((false, format!("{}：无法读取", file.name()))))
                    }
                }
            }
        });
    };
    view! {
        <label class="button file-button">
            "选择文件（可多选）…"
            <input
                type="file"
                name="assessment-files"
                multiple
                accept=".json,.txt,application/json,text/plain"
                on:change=on_files
            />
        </label>
        <details class="paste">
            <summary>"或粘贴党员发来的传输文字或链接"</summary>
            <TypedText
                name="assessment-paste"
                value=pasted
                rows=4
                aria_label="粘贴党员发来的传输文字"
            />
            <button
                class="button"
                on:click=move |_| {
                    messages.set(Vec::new());
                    on_text.run(pasted.get_untracked());
                    pasted.set(String::new());
                }
            >
                "导入"
            </button>
        </details>
    }
}
