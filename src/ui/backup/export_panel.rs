//! Getting a backup out: download, share sheet, or text to copy where
//! downloads do not work (iOS, WeChat).

use leptos::prelude::*;

use crate::backup::export::NOTICE;
use crate::ui::file_offer::{FileOffer, OfferedFile};
use crate::ui::state::use_app;

#[component]
pub fn ExportPanel() -> impl IntoView {
    let state = use_app();
    let last = move || {
        state.device.with(|d| match &d.last_backup_at {
            Some(t) => format!("上次备份：{t}，之后修改了 {} 次", d.edits_since_backup),
            None => "还没有导出过备份".into(),
        })
    };
    view! {
        <section class="card">
            <h2 class="card-title">"导出备份"</h2>
            <p data-testid="last-backup">{last}</p>
            <p class="hint">{NOTICE}</p>
            <ExportButtons compact=false />
        </section>
    }
}

/// The backup file offered: downloaded, shared or copied. `compact` is the
/// banner's version: one button.
#[component]
pub fn ExportButtons(compact: bool) -> impl IntoView {
    let state = use_app();
    let make = move |()| {
        let (name, text) = state.backup_file();
        Some(OfferedFile {
            name,
            text,
            mime: "application/json",
        })
    };
    view! {
        <FileOffer
            label="导出备份"
            make=make
            on_saved=move |()| state.mark_backed_up()
            primary=true
            compact=compact
        />
    }
}
