//! 导入党员交来的材料, on the 民主评议汇总: whatever a member's phone
//! produced reaches the tally here. A 交给书记的材料 (a chat text, a link
//! or its file) is checked and merged like on 备份与交换, with the same
//! review of what changes; a self-assessment file of an older version is
//! filed as before.

use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use crate::backup::exchange::{apply_import, read_assessment, EXCHANGE_FORMAT};
use crate::backup::import::Staged;
use crate::browser::files;
use crate::ui::backup::reading::{read_package, PasswordPrompt, ProblemList, Reading};
use crate::ui::backup::MergeReview;
use crate::ui::state::use_app;

/// A package being read, waiting for its password, or shown for merging.
#[derive(Clone)]
enum Incoming {
    Idle,
    Busy,
    Locked(String, Option<String>),
    Ready(Rc<Staged>),
}

/// Whether `text` is an older version's self-assessment file, which is
/// filed in the review instead of merged.
fn is_assessment_file(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{')
        && text.contains(&format!("\"{EXCHANGE_FORMAT}\""))
}

#[component]
pub fn ReturnsImport(year: i32) -> impl IntoView {
    let state = use_app();
    let messages = RwSignal::new(Vec::<(bool, String)>::new());
    let incoming = RwSignal::new_local(Incoming::Idle);
    let password = RwSignal::new(String::new());
    let pasted = RwSignal::new(String::new());
    let file_assessment = move |text: &str| {
        let branch = state.doc.with_untracked(|d| d.branch.name.clone());
        match read_assessment(text, &branch, year) {
            Err(problems) => messages.update(|m| {
                m.push((
                    false,
                    problems
                        .iter()
                        .map(|p| format!("{}：{}", crate::domain::place::place(&p.path), p.message))
                        .collect::<Vec<_>>()
                        .join("；"),
                ))
            }),
            Ok(imported) => {
                let outcome = Rc::new(std::cell::RefCell::new(None));
                let result = outcome.clone();
                state.edit_review(year, move |d| {
                    *result.borrow_mut() = Some(apply_import(d, &imported))
                });
                let outcome = outcome.borrow_mut().take();
                match outcome {
                    Some(Ok(o)) => messages.update(|m| m.push((true, o.message))),
                    Some(Err(e)) => messages.update(|m| m.push((false, e))),
                    None => {}
                }
            }
        }
    };
    // A package: read (asking for its password), then merged after the
    // member has seen what changes.
    let examine = move |text: String| {
        incoming.set(Incoming::Busy);
        let secret = password.get_untracked();
        spawn_local(async move {
            incoming.set(match read_package(&text, &secret).await {
                Reading::Ready(staged) => Incoming::Ready(staged),
                Reading::Locked(why) => Incoming::Locked(text, why),
                Reading::Refused(problems) => {
                    messages.update(|m| {
                        m.push((
                            false,
                            problems
                                .iter()
                                .map(|p| {
                                    format!(
                                        "{}：{}",
                                        crate::domain::place::place(&p.path),
                                        p.message
                                    )
                                })
                                .collect::<Vec<_>>()
                                .join("；"),
                        ))
                    });
                    Incoming::Idle
                }
            });
        });
    };
    let take = move |text: String| {
        if is_assessment_file(&text) {
            file_assessment(&text);
        } else if !text.contains("ZB") && !text.trim_start().starts_with('{') {
            messages.update(|m| {
                m.push((
                    false,
                    "这不是党员交来的材料：请粘贴对方发来的整段传输文字或链接".into(),
                ))
            });
        } else if matches!(incoming.get_untracked(), Incoming::Idle) {
            examine(text);
        } else {
            messages.update(|m| {
                m.push((
                    false,
                    "一次合并一份材料：请先确认或取消上面这份，再导入下一份".into(),
                ))
            });
        }
    };
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
                    Ok(text) => take(text),
                    Err(_) => {
                        messages.update(|m| m.push((false, format!("{}：无法读取", file.name()))))
                    }
                }
            }
        });
    };
    let done = move |()| {
        password.set(String::new());
        incoming.set(Incoming::Idle);
    };
    view! {
        <section class="card form" data-testid="returns-import">
            <h2 class="card-title">"导入党员交来的材料"</h2>
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
                <textarea
                    name="assessment-paste"
                    rows="4"
                    aria-label="粘贴党员发来的传输文字"
                    prop:value=pasted
                    on:input=move |ev| pasted.set(event_target_value(&ev))
                ></textarea>
                <button
                    class="button"
                    on:click=move |_| {
                        messages.set(Vec::new());
                        take(pasted.get_untracked());
                        pasted.set(String::new());
                    }
                >
                    "导入"
                </button>
            </details>
            {move || match incoming.get() {
                Incoming::Idle => ().into_any(),
                Incoming::Busy => {
                    view! {
                        <p class="hint" role="status">
                            "正在读取…"
                        </p>
                    }
                        .into_any()
                }
                Incoming::Locked(text, why) => {
                    view! {
                        <PasswordPrompt
                            password=password
                            why=why
                            name="return-password"
                            on_unlock=move |()| examine(text.clone())
                        />
                    }
                        .into_any()
                }
                Incoming::Ready(staged) => {
                    let problems = staged.problems.clone();
                    view! {
                        {(staged.skipped > 0)
                            .then(|| {
                                view! {
                                    <p class="error">
                                        {format!(
                                            "其中 {} 项有问题，导入时将跳过：",
                                            staged.skipped,
                                        )}
                                    </p>
                                    <ProblemList problems=problems />
                                }
                            })}
                        <MergeReview
                            staged=staged
                            on_done=done
                            on_merged=move |text| messages.update(|m| m.push((true, text)))
                        />
                    }
                        .into_any()
                }
            }}
            <ul class="messages">
                {move || {
                    messages
                        .get()
                        .into_iter()
                        .map(|(ok, text)| {
                            view! {
                                <li class:ok=ok class:error=!ok>
                                    {text}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </section>
    }
}
