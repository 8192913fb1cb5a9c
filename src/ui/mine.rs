//! 我的: branch settings, roster, backups and the storage line.

use leptos::prelude::*;

use super::state::use_app;
use super::widgets::{ErrorLine, MenuRow};
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
    // Only the phone that keeps the ledger has anything to say here.
    let dues = Signal::derive(move || {
        state.doc.with(|d| {
            if d.dues.is_empty() {
                "仅保存在本机".to_string()
            } else {
                let today = crate::browser::clock::today();
                let (year, month) = crate::domain::dues::ledger::month_of(today);
                let total = crate::domain::dues::ledger::Total::of(
                    &crate::domain::dues::ledger::month_rows(d, year, month, today),
                );
                format!("本月已交 {}/{} 人", total.paid_lines, total.owing)
            }
        })
    });
    // Only the phone that keeps the paths has anything to say here.
    let development = Signal::derive(move || {
        state.doc.with(|d| {
            let open = d
                .applicants
                .iter()
                .filter(|a| {
                    !matches!(
                        a.phase(),
                        crate::domain::development::Phase::Full
                            | crate::domain::development::Phase::Stopped
                    )
                })
                .count();
            if open == 0 {
                "仅保存在本机".to_string()
            } else {
                format!("{open} 人在培养考察中")
            }
        })
    });
    let term = Signal::derive(move || {
        state.doc.with(|d| {
            crate::domain::handover::current_term(d)
                .map(|t| format!("至{}", crate::domain::time::format_chinese_date(t.end)))
                .unwrap_or_default()
        })
    });
    let year_work = Signal::derive(move || {
        format!(
            "{}年度",
            chrono::Datelike::year(&crate::browser::clock::today())
        )
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
            <MenuRow href="/mine/handover" label="支部委员会换届" detail=term />
            <MenuRow href="/mine/dues" label="党费收缴" detail=dues />
            <MenuRow href="/mine/year" label="年度计划、总结与述职" detail=year_work />
            <MenuRow href="/mine/development" label="发展党员" detail=development />
            <MenuRow
                href="/mine/templates"
                label="检查清单模板"
                detail=Signal::derive(String::new)
            />
            <MenuRow href="/mine/backup" label="备份与交换" detail=backup />
            <MenuRow href="/mine/recovery" label="数据恢复" detail=recovery />
        </nav>
        <super::job::ThisPhoneCard />
        <nav class="menu card">
            <MenuRow
                href="/committee"
                label="党委组织员：汇总各支部报上级材料"
                detail=Signal::derive(String::new)
            />
        </nav>
        <StorageLine />
        <ClearDevice />
        <p class="muted small about">
            {format!(
                "支部工作手册 {} · 数据只保存在本机浏览器",
                crate::backup::APP_VERSION,
            )}
        </p>
    }
}

/// 清空本机数据: for a phone handed on or a member leaving the branch. A
/// backup is offered first; the clear itself asks once more.
#[component]
fn ClearDevice() -> impl IntoView {
    let state = use_app();
    let navigate = leptos_router::hooks::use_navigate();
    let error = RwSignal::new(None::<String>);
    let backup = move |()| {
        let (name, text) = state.backup_file();
        Some(crate::ui::file_offer::OfferedFile {
            name,
            text,
            mime: "application/json",
        })
    };
    let clear = move |_| {
        if !crate::browser::dialog::confirm(
            "清空本机的全部记录？此操作无法撤销；已导出的备份文件以后可以导回。",
        ) {
            return;
        }
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            // Handing the phone over: no copy stays behind to undo with.
            match state.clear_everything(false).await {
                Ok(()) => navigate("/", Default::default()),
                Err(why) => error.set(Some(why)),
            }
        });
    };
    view! {
        <details class="card clear-device">
            <summary>"清空本机数据"</summary>
            <p class="hint">
                "删除这台设备上的全部支部记录，例如手机交给别人使用前。请先导出备份。"
            </p>
            <Show when=move || {
                state
                    .doc
                    .with(|d| {
                        crate::domain::dues::kept_here(d)
                            || crate::domain::development::kept_here(d)
                    }) && !state.device.with(|d| d.backup_private)
            }>
                <p class="warning">
                    "这份备份不含党费台账和发展党员纪实。要一并备份，请先到“备份与交换”勾选“包含”一项。"
                </p>
            </Show>
            <crate::ui::file_offer::FileOffer label="先导出备份" make=backup />
            <button class="button danger" on:click=clear>
                "清空本机数据"
            </button>
            <ErrorLine message=error />
        </details>
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
            Place::IndexedDb => "数据保存在本机浏览器中".to_string(),
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
