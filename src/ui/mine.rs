//! 我的: branch settings, roster, backups and the storage line.

use leptos::prelude::*;

use super::state::use_app;
use super::widgets::MenuRow;
use crate::browser::persistence::Place;
use crate::store::kv::human_bytes;

#[component]
pub fn MinePage() -> impl IntoView {
    let state = use_app();
    let branch = Signal::derive(move || state.doc.with(|d| d.branch.name.clone()));
    let roster = Signal::derive(move || {
        state
            .doc
            .with(|d| format!("{} 人", d.members.iter().filter(|m| m.is_active()).count()))
    });
    let backup = Signal::derive(move || {
        state
            .device
            .with(|d| d.last_backup_at.clone())
            .unwrap_or_else(|| "从未备份".into())
    });
    let recovery = Signal::derive(move || {
        let n = state.quarantined.with(|q| q.len());
        if n == 0 {
            String::new()
        } else {
            format!("{n} 份待处理")
        }
    });
    view! {
        <h1 class="page-title">"我的"</h1>
        <nav class="menu card">
            <MenuRow href="/mine/branch" label="支部信息与规则" detail=branch />
            <MenuRow href="/mine/roster" label="党员名册" detail=roster />
            <MenuRow
                href="/mine/templates"
                label="检查清单模板"
                detail=Signal::derive(String::new)
            />
            <MenuRow href="/mine/backup" label="备份与交换" detail=backup />
            <MenuRow href="/mine/recovery" label="数据恢复" detail=recovery />
        </nav>
        <StorageLine />
        <p class="muted small about">
            {format!(
                "支部工作手册 {} · 数据只保存在本机浏览器",
                crate::backup::APP_VERSION,
            )}
        </p>
    }
}

/// Where the data is kept and how much of the browser's storage it uses.
#[component]
fn StorageLine() -> impl IntoView {
    let state = use_app();
    let estimate = RwSignal::new(None::<(f64, f64)>);
    leptos::task::spawn_local(async move {
        estimate.set(crate::browser::files::storage_estimate().await);
    });
    let line = move || {
        let mut text = match state.place.get() {
            Place::IndexedDb => "数据保存在本机浏览器的数据库（IndexedDB）中".to_string(),
            Place::LocalStorage => "数据暂存在浏览器的本地存储中（约 5 MB）".to_string(),
            Place::Memory => "数据没有保存，只在本页中".to_string(),
        };
        if let Some((usage, quota)) = estimate.get() {
            text.push_str(&format!(
                "；本网站已用 {}，浏览器允许 {}",
                human_bytes(usage as u64),
                human_bytes(quota as u64)
            ));
        }
        text
    };
    view! {
        <p class="storage-line muted small" data-testid="storage-line">
            {line}
        </p>
        {move || state.place_reason.get().map(|why| view! { <p class="muted small">{why}</p> })}
    }
}
