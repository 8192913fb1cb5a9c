//! 导入党员交来的材料, on the 民主评议汇总: whatever a member's phone
//! produced reaches the tally here. A 交给书记的材料 (a chat text, a link
//! or its file) is checked and merged like on 备份与交换, with the same
//! review of what changes; a self-assessment file of an older version is
//! filed as before. One component per file: where the member's material
//! comes in, and the package being read or reviewed.

mod incoming_return;
mod returns_input;

use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::backup::exchange::{apply_import, read_assessment, EXCHANGE_FORMAT};
use crate::backup::import::Staged;
use crate::ui::backup::reading::{read_package, Reading};
use crate::ui::state::use_app;
use incoming_return::IncomingReturn;
use returns_input::ReturnsInput;

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
    view! {
        <section class="card form" data-testid="returns-import">
            <h2 class="card-title">"导入党员交来的材料"</h2>
            <ReturnsInput messages=messages on_text=Callback::new(take) />
            <IncomingReturn
                incoming=incoming
                password=password
                messages=messages
                on_unlock=Callback::new(examine)
            />
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
