//! A made transfer text and the ways to pass it on: its size, the text
//! itself, saved as a file, copied, shared, or its link copied.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{Outgoing, TEXT_LIMIT};
use crate::browser::files;

/// What a transfer was made into, for copying.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Made {
    pub(super) text: String,
    pub(super) link: Option<String>,
    pub(super) file_bytes: usize,
}

#[component]
pub(super) fn MadeTransfer(
    made: Made,
    /// What was sent, which names the saved file.
    what: RwSignal<Outgoing>,
    /// What was last copied, for the panel to say so.
    copied: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let copy = move |what: &'static str, text: String| {
        spawn_local(async move {
            if files::copy_to_clipboard(&text).await.is_ok() {
                copied.set(Some(what));
            }
        });
    };
    // A text file of the transfer text: what a password-protected export
    // is as a file.
    let save_file = move |text: String| {
        let name = format!(
            "{}-{}.txt",
            what.get_untracked().label(),
            crate::domain::time::format_iso_date(crate::browser::clock::today())
        );
        if files::downloads_unreliable() || files::download(&name, &text, "text/plain").is_err() {
            spawn_local(async move {
                if !matches!(
                    files::share_file(&name, &text, "text/plain").await,
                    Ok(true)
                ) && files::copy_to_clipboard(&text).await.is_ok()
                {
                    copied.set(Some("文字"));
                }
            });
        }
    };
    let share = move |text: String| {
        spawn_local(async move {
            match files::share_text("支部工作手册", &text).await {
                Ok(true) => {}
                _ => {
                    if files::copy_to_clipboard(&text).await.is_ok() {
                        copied.set(Some("文字"));
                    }
                }
            }
        });
    };
    let too_long = made.text.chars().count() > TEXT_LIMIT;
    let size = format!(
        "文件 {} KB，传输文字 {} 字{}",
        made.file_bytes / 1024,
        made.text.chars().count(),
        if made.link.is_some() {
            "，也可发链接"
        } else {
            ""
        },
    );
    let (text_copy, text_share, file_text) =
        (made.text.clone(), made.text.clone(), made.text.clone());
    view! {
        <p class="hint" data-testid="transfer-size">
            {size}
        </p>
        {too_long
            .then(|| {
                view! {
                    <p class="warning">
                        "内容较多，聊天软件可能截断这么长的消息，建议改用文件发送。"
                    </p>
                }
            })}
        <textarea
            readonly
            rows="4"
            name="transfer-text"
            aria-label="传输文字"
            prop:value=made.text.clone()
        ></textarea>
        <div class="row">
            <button class="button" type="button" on:click=move |_| save_file(file_text.clone())>
                "存为文件"
            </button>
            <button
                class="button primary"
                type="button"
                on:click=move |_| copy("文字", text_copy.clone())
            >
                "复制文字"
            </button>
            <button class="button" type="button" on:click=move |_| share(text_share.clone())>
                "分享…"
            </button>
            {made
                .link
                .clone()
                .map(|l| {
                    view! {
                        <button
                            class="button"
                            type="button"
                            on:click=move |_| copy("链接", l.clone())
                        >
                            "复制链接"
                        </button>
                    }
                })}
        </div>
        {made
            .link
            .is_none()
            .then(|| {
                view! {
                    <p class="hint">
                        "内容太多，无法做成链接，请发送传输文字或文件。"
                    </p>
                }
            })}
    }
}
