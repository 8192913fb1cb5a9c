//! Getting a file out of the phone: one component for every file the app
//! offers (backup, member's file, calendar, kept-aside data). It downloads
//! where downloads work, else offers the system share sheet, else shows the
//! text to copy (iOS Safari and WeChat's browser often drop downloads), and
//! calls `on_saved` only when a copy really left the app.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::files;

/// A file to offer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfferedFile {
    pub name: String,
    pub text: String,
    pub mime: &'static str,
}

#[component]
pub fn FileOffer(
    label: &'static str,
    /// Builds the file when a button is tapped.
    #[prop(into)]
    make: Callback<(), Option<OfferedFile>>,
    /// A copy was downloaded, shared or copied.
    #[prop(optional, into)]
    on_saved: Option<Callback<()>>,
    #[prop(optional)] primary: bool,
    /// One button only (a banner).
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let state = use_context::<super::state::AppState>();
    let shown = RwSignal::new(None::<String>);
    let copied = RwSignal::new(false);
    let saved = move || {
        if let Some(cb) = on_saved {
            cb.run(());
        }
    };
    let share_or_show = move |file: OfferedFile| {
        spawn_local(async move {
            match files::share_file(&file.name, &file.text, file.mime).await {
                Ok(true) => saved(),
                // Cancelled in the share sheet: nothing to do.
                Err(_) => {}
                Ok(false) => shown.set(Some(file.text)),
            }
        });
    };
    let offer = move |_| {
        let Some(file) = make.run(()) else { return };
        if !files::downloads_unreliable()
            && files::download(&file.name, &file.text, file.mime).is_ok()
        {
            if let Some(state) = state {
                state.confirm("文件已下载，可在手机的“下载”或“文件”中找到");
            }
            saved();
            return;
        }
        share_or_show(file);
    };
    let share = move |_| {
        if let Some(file) = make.run(()) {
            share_or_show(file);
        }
    };
    let show = move |_| {
        if let Some(file) = make.run(()) {
            copied.set(false);
            shown.set(Some(file.text));
        }
    };
    let copy = move |_| {
        let Some(text) = shown.get_untracked() else {
            return;
        };
        spawn_local(async move {
            if files::copy_to_clipboard(&text).await.is_ok() {
                copied.set(true);
                saved();
            }
        });
    };
    view! {
        <div class="row file-offer">
            <button class="button" class:primary=primary class:small=compact on:click=offer>
                {label}
            </button>
            {(!compact)
                .then(|| {
                    view! {
                        <button class="button" on:click=share>
                            "分享…"
                        </button>
                        <button class="button" on:click=show>
                            "复制文本"
                        </button>
                    }
                })}
        </div>
        {move || {
            shown
                .get()
                .map(|text| {
                    view! {
                        <div class="backup-text">
                            <p class="hint">
                                "如果无法保存文件，请复制下面的文本，粘贴到备忘录或发给自己保存。"
                            </p>
                            <textarea
                                readonly
                                rows="5"
                                aria-label="文件内容"
                                prop:value=text
                            ></textarea>
                            <button class="button" on:click=copy>
                                {move || if copied.get() { "已复制" } else { "复制全部" }}
                            </button>
                        </div>
                    }
                })
        }}
    }
}
