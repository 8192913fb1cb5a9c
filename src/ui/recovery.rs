//! Data that could not be read at start-up: kept aside, shown here, and
//! downloadable byte for byte.

use crate::ui::link::A;
use leptos::prelude::*;

use super::file_offer::{FileOffer, OfferedFile};
use super::state::use_app;
use super::widgets::{PageHeader, ResultLine};

use crate::browser::{clock, dialog::confirm};

/// A notice on every screen while something is kept aside.
#[component]
pub fn RecoveryNotice() -> impl IntoView {
    let state = use_app();
    move || {
        let n = state.quarantined.with(|q| q.len());
        (n > 0).then(|| {
            view! {
                <div class="banner warn" role="alert">
                    <p>
                        {format!(
                            "有 {n} 份本机数据无法读取，没有被覆盖。请下载保存。",
                        )}
                    </p>
                    <div class="banner-actions">
                        <A href="/mine/recovery" attr:class="button small">
                            "查看并下载"
                        </A>
                    </div>
                </div>
            }
        })
    }
}

#[component]
pub fn RecoveryPage() -> impl IntoView {
    let state = use_app();
    leptos::task::spawn_local(async move { state.refresh_quarantined().await });
    view! {
        <PageHeader title="数据恢复" back="/mine" />
        <p class="hint">
            "下面的数据在打开时无法读取（可能是浏览器中断了写入，或被其他程序改动），在应用里暂时看不到；其余数据照常可用。"
            "这些内容没有被覆盖，原样保存在这里，直到你丢弃。请先下载保存；内容还能读出的，可以点“导回这份数据”放回应用（可撤销）；也可以从其他手机或备份在“我的 › 备份与交换”导入补回。"
        </p>
        <Show when=move || state.quarantined.with(|q| q.is_empty())>
            <p class="empty">"没有需要处理的数据。"</p>
        </Show>
        <ul class="cards">
            <For
                each=move || state.quarantined.get()
                key=|(k, q)| (k.clone(), q.original_key.clone(), q.raw.len())
                let:entry
            >
                {
                    let (key, q) = entry;
                    let raw = q.raw.clone();
                    let file = format!(
                        "支部工作手册-无法读取-{}-{}.txt",
                        q.label,
                        crate::domain::time::format_compact_date(clock::today()),
                    );
                    let discard_key = key.clone();
                    let restore_key = key.clone();
                    let label = q.label.clone();
                    let outcome = RwSignal::new(None::<Result<String, String>>);
                    let restore = move |_| {
                        if !confirm(
                            &format!(
                                "用这份数据替换现在的{label}？替换前的数据可以在“我的 › 备份与交换”中撤销。",
                            ),
                        ) {
                            return;
                        }
                        let key = restore_key.clone();
                        leptos::task::spawn_local(async move {
                            let restored = state
                                .restore_set_aside(&key)
                                .await
                                .map(|what| {
                                    format!(
                                        "已导回{what}。这份原始数据仍保留在这里，核对无误后可以丢弃。",
                                    )
                                });
                            outcome.set(Some(restored));
                        });
                    };
                    view! {
                        <li class="card">
                            <h2 class="card-title">{q.label.clone()}</h2>
                            <p class="muted small">{format!("原因：{}", q.reason)}</p>
                            <p class="muted small">{format!("大小：{} 字节", q.raw.len())}</p>
                            <ResultLine result=outcome />
                            <div class="row">
                                <FileOffer
                                    label="下载原始数据"
                                    make=move |()| Some(OfferedFile {
                                        name: file.clone(),
                                        text: raw.clone(),
                                        mime: "text/plain",
                                    })
                                />
                                // Only a stored copy can be discarded: an unstored one is
                                // the last copy there is.
                                {(!discard_key.is_empty())
                                    .then(|| {
                                        view! {
                                            <button class="button" on:click=restore.clone()>
                                                "导回这份数据"
                                            </button>
                                            <button
                                                class="button danger"
                                                on:click=move |_| {
                                                    if confirm(
                                                        "确定丢弃这份无法读取的数据吗？丢弃后无法找回。",
                                                    ) {
                                                        let key = discard_key.clone();
                                                        leptos::task::spawn_local(async move {
                                                            state.discard_quarantined(&key).await
                                                        });
                                                    }
                                                }
                                            >
                                                "丢弃"
                                            </button>
                                        }
                                    })}
                            </div>
                        </li>
                    }
                }
            </For>
        </ul>
    }
}
