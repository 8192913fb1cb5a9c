//! Bringing a backup in: check first, show every problem, change nothing
//! until the member confirms, and keep the old data for undo.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use crate::backup::import::{read_backup, Outcome, Staged};
use crate::browser::{dialog::confirm, files};
use crate::domain::validate::Problem;
use crate::ui::state::use_app;

#[derive(Clone)]
enum Check {
    Idle,
    Refused(Vec<Problem>),
    Ready(std::rc::Rc<Staged>),
    Busy,
    Done(String),
}

#[component]
pub fn ImportPanel() -> impl IntoView {
    let state = use_app();
    let pasted = RwSignal::new(String::new());
    let check = RwSignal::new_local(Check::Idle);
    let examine = move |text: String| {
        check.set(match read_backup(&text) {
            Outcome::Refused(problems) => Check::Refused(problems),
            Outcome::Ready(staged) => Check::Ready(std::rc::Rc::new(*staged)),
        });
    };
    let on_file = move |ev: leptos::ev::Event| {
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
                Ok(text) => examine(text),
                Err(_) => check.set(Check::Refused(vec![Problem::new(
                    "文件",
                    "无法读取这个文件",
                )])),
            }
        });
    };
    let apply = move |staged: std::rc::Rc<Staged>| {
        let current = state.doc.with_untracked(|d| d.summary());
        let blank = state.doc.with_untracked(|d| d.is_blank());
        if !blank
            && !confirm(&format!(
                "导入将替换本机现有数据（{current}）。导入前的数据会保留，可以撤销。继续吗？"
            ))
        {
            return;
        }
        check.set(Check::Busy);
        spawn_local(async move {
            match state.replace(staged.doc.clone(), "导入前的数据").await {
                Ok(()) => {
                    state.mark_welcomed();
                    check.set(Check::Done(format!("已导入：{}", staged.doc.summary())));
                    pasted.set(String::new());
                }
                Err(why) => check.set(Check::Refused(vec![Problem::new(
                    "存储",
                    format!(
                        "没有导入：{why}。本机原有数据没有任何改动。请先导出备份、清理空间后再试。"
                    ),
                )])),
            }
        });
    };
    view! {
        <section class="card form">
            <h2 class="card-title">"导入备份"</h2>
            <p class="hint">"先检查文件，确认无误后才会替换本机数据。"</p>
            <label class="button file-button">
                "选择备份文件…"
                <input
                    type="file"
                    name="backup-file"
                    accept=".json,application/json,text/plain"
                    on:change=on_file
                />
            </label>
            <details class="paste">
                <summary>"或粘贴备份文本"</summary>
                <textarea
                    name="backup-paste"
                    rows="5"
                    placeholder="把导出的备份文本粘贴到这里"
                    prop:value=pasted
                    on:input=move |ev| pasted.set(event_target_value(&ev))
                ></textarea>
                <button class="button" on:click=move |_| examine(pasted.get_untracked())>
                    "检查"
                </button>
            </details>
            {move || match check.get() {
                Check::Idle => ().into_any(),
                Check::Busy => {
                    view! {
                        <p class="hint" role="status">
                            "正在导入…"
                        </p>
                    }
                        .into_any()
                }
                Check::Done(message) => {
                    view! {
                        <p class="ok" role="status">
                            {message}
                        </p>
                    }
                        .into_any()
                }
                Check::Refused(problems) => {
                    view! {
                        <div class="report error-report" role="alert">
                            <p>
                                <strong>"无法导入，本机数据没有任何改动。"</strong>
                            </p>
                            <ProblemList problems=problems />
                        </div>
                    }
                        .into_any()
                }
                Check::Ready(staged) => {
                    let summary = staged.doc.summary();
                    let branch = staged.doc.branch.name.clone();
                    let skipped = staged.skipped;
                    let problems = staged.problems.clone();
                    let over = staged.over_limits.clone();
                    let go = staged.clone();
                    view! {
                        <div class="report" role="status">
                            <p>
                                {format!(
                                    "备份来自“{branch}”，导出于 {}：{summary}。",
                                    staged.exported_at,
                                )}
                            </p>
                            {(skipped > 0)
                                .then(|| {
                                    view! {
                                        <p class="error">
                                            {format!(
                                                "其中 {skipped} 项有问题，导入时将跳过：",
                                            )}
                                        </p>
                                        <ProblemList problems=problems />
                                    }
                                })}
                            {(!over.is_empty())
                                .then(|| {
                                    view! {
                                        <p class="hint">
                                            "以下内容超出本应用的长度或条数限制，将原样导入，不会丢失："
                                        </p>
                                        <ProblemList problems=over />
                                    }
                                })}
                            <div class="row">
                                <button class="button" on:click=move |_| check.set(Check::Idle)>
                                    "取消"
                                </button>
                                <button class="button primary" on:click=move |_| apply(go.clone())>
                                    {if skipped > 0 {
                                        format!("跳过 {skipped} 项，导入其余数据")
                                    } else {
                                        "导入".to_string()
                                    }}
                                </button>
                            </div>
                        </div>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

#[component]
fn ProblemList(problems: Vec<Problem>) -> impl IntoView {
    const SHOWN: usize = 100;
    let more = problems.len().saturating_sub(SHOWN);
    view! {
        <ul class="problems">
            {problems
                .into_iter()
                .take(SHOWN)
                .map(|p| {
                    view! {
                        <li>
                            <code>{p.path}</code>
                            " "
                            {p.message}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        {(more > 0)
            .then(|| {
                view! { <p class="hint">{format!("另有 {more} 个问题未列出。")}</p> }
            })}
    }
}

/// Going back to the data before the last import or example load, offered
/// until the member dismisses it (a reload keeps it).
#[component]
pub fn UndoPanel() -> impl IntoView {
    let state = use_app();
    let failed = RwSignal::new(None::<String>);
    move || {
        state.undo.get().map(|label| {
            view! {
                <section class="card notice">
                    <p>{format!("可以恢复{label}。")}</p>
                    {move || {
                        failed
                            .get()
                            .map(|why| {
                                view! {
                                    <p class="error" role="alert">
                                        {why}
                                    </p>
                                }
                            })
                    }}
                    <div class="row">
                        <button
                            class="button"
                            on:click=move |_| spawn_local(async move {
                                match state.undo_replace().await {
                                    Ok(()) => {
                                        state
                                            .notice
                                            .set(Some("已恢复导入前的数据。".into()))
                                    }
                                    Err(why) => failed.set(Some(format!("没有恢复：{why}"))),
                                }
                            })
                        >
                            "撤销，恢复原数据"
                        </button>
                        <button
                            class="link-button"
                            on:click=move |_| spawn_local(async move { state.dismiss_undo().await })
                        >
                            "不需要了"
                        </button>
                    </div>
                </section>
            }
        })
    }
}
