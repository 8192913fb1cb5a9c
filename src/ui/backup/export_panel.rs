//! Getting a backup out: download, share sheet, or text to copy where
//! downloads do not work (iOS, WeChat).

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::backup::export::NOTICE;
use crate::browser::files;
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
            <ExportButtons compact=false/>
        </section>
    }
}

/// Download and share buttons, and the copyable text. `compact` is the
/// banner's version: one button.
#[component]
pub fn ExportButtons(compact: bool) -> impl IntoView {
    let state = use_app();
    let text = RwSignal::new(None::<String>);
    let copied = RwSignal::new(false);
    let show_text = move || {
        let (_, body) = state.backup_file();
        text.set(Some(body));
    };
    let download = move |_| {
        let (name, body) = state.backup_file();
        if files::downloads_unreliable()
            || files::download(&name, &body, "application/json").is_err()
        {
            text.set(Some(body));
        } else {
            state.mark_backed_up();
        }
    };
    let share = move |_| {
        let (name, body) = state.backup_file();
        spawn_local(async move {
            match files::share_file(&name, &body, "application/json").await {
                Ok(true) => state.mark_backed_up(),
                Ok(false) => text.set(Some(body)),
                Err(_) => {}
            }
        });
    };
    let copy = move |_| {
        let Some(body) = text.get_untracked() else {
            return;
        };
        spawn_local(async move {
            if files::copy_to_clipboard(&body).await.is_ok() {
                copied.set(true);
                state.mark_backed_up();
            }
        });
    };
    view! {
        <div class="row">
            <button class="button primary" class:small=compact on:click=download>"导出备份"</button>
            {(!compact).then(|| view! {
                <button class="button" on:click=share>"分享…"</button>
                <button class="button" on:click=move |_| show_text()>"显示备份文本"</button>
            })}
        </div>
        {move || text.get().map(|body| view! {
            <div class="backup-text">
                <p class="hint">"如果无法下载，请全选复制下面的文本，粘贴到备忘录或发给自己保存。"</p>
                <textarea readonly rows="6" name="backup-text" prop:value=body></textarea>
                <button class="button" on:click=copy>{move || if copied.get() { "已复制" } else { "复制全部" }}</button>
            </div>
        })}
    }
}
