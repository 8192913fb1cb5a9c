//! Bringing data in from another phone or a backup: a file, a pasted
//! transfer text, or a link. It is checked first and every problem shown;
//! then it is merged with what this phone holds (see `MergeReview`),
//! nothing changes until the member confirms, and the data before is kept
//! for undo.

use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::merge_review::MergeReview;
use super::reading::{read_package, PasswordPrompt, ProblemList, ProblemSection, Reading};
use crate::app::undo::Undo;
use crate::backup::import::Staged;
use crate::domain::validate::Problem;
use crate::ui::result_note::ResultNote;
use crate::ui::state::use_app;
use crate::ui::widgets::{ErrorLine, PasteBox};

#[derive(Clone)]
enum Check {
    Idle,
    Refused(Vec<Problem>),
    /// A transfer text with a password: asks for it, saying why the last
    /// one did not open it.
    Locked(String, Option<String>),
    Ready(Rc<Staged>),
    Busy,
}

#[component]
pub fn ReceivePanel() -> impl IntoView {
    let state = use_app();
    let pasted = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let check = RwSignal::new_local(Check::Idle);
    // "已导入并合并 …", where the review was, until it has been seen.
    let merged = RwSignal::new(None::<String>);
    let show = move |reading: Reading, text: String| {
        check.set(match reading {
            Reading::Refused(problems) => Check::Refused(problems),
            Reading::Ready(staged) => Check::Ready(staged),
            Reading::Locked(why) => Check::Locked(text, why),
        })
    };
    let examine = move |text: String| {
        merged.set(None);
        check.set(Check::Busy);
        let secret = password.get_untracked();
        spawn_local(async move {
            let reading = read_package(&text, &secret).await;
            show(reading, text);
        });
    };
    // A link opened the app: its token is examined at once.
    Effect::new(move |_| {
        if let Some(text) = state.incoming.get() {
            state.incoming.set(None);
            pasted.set(text.clone());
            examine(text);
        }
    });
    view! {
        <section class="card form" data-testid="receive-panel">
            <h2 class="card-title">"导入与合并"</h2>
            <p class="hint">
                "导入备份文件、支部资料包或党员交来的材料：与本机数据逐条合并，本机较新的内容不会被覆盖；两边都改过的地方会列出来由你选择。确认前不做任何改动。"
            </p>
            <PasteBox
                file_name="backup-file"
                paste_name="backup-paste"
                label="或粘贴传输文字、链接或备份文本"
                placeholder="把对方发来的整段文字粘贴到这里"
                rows=4
                pasted=pasted
                on_file=examine
                on_unreadable=move |()| {
                    check
                        .set(
                            Check::Refused(vec![Problem::new("文件", "无法读取这个文件")]),
                        )
                }
            />
            <button class="button" type="button" on:click=move |_| examine(pasted.get_untracked())>
                "检查"
            </button>
            {move || match check.get() {
                Check::Idle => ().into_any(),
                Check::Busy => {
                    view! {
                        <p class="hint" role="status">
                            "正在读取…"
                        </p>
                    }
                        .into_any()
                }
                Check::Locked(text, why) => {
                    view! {
                        <PasswordPrompt
                            password=password
                            why=why
                            name="import-password"
                            on_unlock=move |()| examine(text.clone())
                        />
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
                    let skipped = staged.skipped;
                    let problems = staged.problems.clone();
                    let over = staged.over_limits.clone();
                    let mended = staged.mended.clone();
                    view! {
                        <ProblemSection
                            class="error"
                            says=format!("其中 {skipped} 项有问题，导入时将跳过：")
                            problems=problems
                        />
                        <ProblemSection
                            class="hint"
                            says="以下内容超出本应用的长度或条数限制，将原样导入，不会丢失："
                            problems=over
                        />
                        <ProblemSection
                            class="error"
                            says="以下数字无法读取，所在的记录照常导入，只少这个数字："
                            problems=mended
                        />
                        <MergeReview
                            staged=staged
                            on_done=move |()| {
                                pasted.set(String::new());
                                password.set(String::new());
                                check.set(Check::Idle);
                            }
                            on_merged=move |text| merged.set(Some(text))
                        />
                    }
                        .into_any()
                }
            }}
            {move || {
                merged
                    .get()
                    .map(|text| {
                        view! {
                            <ResultNote
                                text=text
                                on_seen=move |()| {
                                    merged.try_set(None);
                                }
                            />
                        }
                    })
            }}
        </section>
    }
}

/// Going back to the data before the last import or example load, offered
/// until the member dismisses it (a reload keeps it).
#[component]
pub fn UndoPanel() -> impl IntoView {
    let state = use_app();
    let failed = RwSignal::new(None::<String>);
    // Records changed after the import, which an undo would take back too:
    // named, and asked about, before anything changes.
    let later = RwSignal::new(Vec::<String>::new());
    let undo = move |with_later: bool| {
        // "导入前的数据（…）", "清除前的数据（…）".
        let what = state.undo.get_untracked().unwrap_or_default();
        spawn_local(async move {
            match state.undo_replace(with_later).await {
                Ok(Undo::Done) => {
                    later.set(Vec::new());
                    state.notice.set(Some(format!("已恢复{what}。")));
                }
                Ok(Undo::Ask(changed)) => later.set(changed),
                Err(why) => failed.set(Some(format!("没有恢复：{why}"))),
            }
        })
    };
    move || {
        state.undo.get().map(|label| {
            view! {
                <section class="card notice">
                    <p>{format!("可以恢复{label}。")}</p>
                    <ErrorLine message=failed />
                    <Show when=move || !later.with(Vec::is_empty)>
                        <div class="warning" role="alert" data-testid="undo-later-changes">
                            <p>
                                {move || {
                                    format!(
                                        "导入之后，这些记录又改过：{}。撤销导入会把它们也退回到导入前的样子，之后的修改会一起撤回。",
                                        later.get().join("、"),
                                    )
                                }}
                            </p>
                            <div class="row">
                                <button class="button" on:click=move |_| undo(true)>
                                    "连同之后的修改一起撤销"
                                </button>
                                <button class="link-button" on:click=move |_| later.set(Vec::new())>
                                    "先不撤销"
                                </button>
                            </div>
                        </div>
                    </Show>
                    <div class="row">
                        <button class="button" on:click=move |_| undo(false)>
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
