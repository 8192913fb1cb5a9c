//! What importing a file would do to this phone's data, before anything
//! changes: how many records are new, newer, merged or kept, and every
//! field changed on both sides, side by side, for the member to choose.

use std::collections::BTreeMap;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::exchange::Conflict;
use crate::app::text_diff::Span;
use crate::backup::import::Staged;
use crate::store::merge::Choice;
use crate::ui::result_note::ResultNote;
use crate::ui::state::use_app;

#[component]
pub fn MergeReview(
    staged: Rc<Staged>,
    #[prop(into)] on_done: Callback<()>,
    /// Where "已导入并合并 …" goes: beside what the member tapped, once this
    /// review is gone. Without it, the page's notice says it.
    #[prop(optional, into)]
    on_merged: Option<Callback<String>>,
) -> impl IntoView {
    let state = use_app();
    let Some(review) = state.plan_import(&staged) else {
        return view! { <p class="report">"本机数据还没有读取完，请稍后再试。"</p> }.into_any();
    };
    let review = Rc::new(review);
    let counts = review.counts;
    let blank = review.blank;
    let other_branch = review.other_branch.clone();
    let accepted = RwSignal::new(other_branch.is_none());
    let namesakes = review.namesakes.clone();
    let namesakes_checked = RwSignal::new(namesakes.is_empty());
    let choices = RwSignal::new(BTreeMap::<(String, String), Choice>::new());
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(None::<String>);
    let about = review.about.clone();
    let summary = if blank {
        "本机还没有数据，将全部导入。".to_string()
    } else {
        format!(
            "将新增 {} 条记录，更新 {} 条，逐项合并 {} 条；本机较新的 {} 条保持不变。",
            counts.added, counts.updated, counts.merged, counts.kept
        )
    };
    let conflicts = review.conflicts.clone();
    let asked = conflicts.len();
    let unanswered = move || asked - choices.with(BTreeMap::len);
    let (mine_side, their_side) = review.sides.clone();
    let nothing = review.nothing;
    let confirm = {
        let review = review.clone();
        move |_| {
            let review = review.clone();
            busy.set(true);
            let picked = choices.get_untracked();
            spawn_local(async move {
                // Confirming waits for every conflict's answer; none is
                // taken for the member.
                let choose = |key: &str, field: &str| {
                    picked
                        .get(&(key.to_string(), field.to_string()))
                        .copied()
                        .unwrap_or(Choice::Local)
                };
                match state.merge_import(&review, choose, "导入前的数据").await {
                    Ok(n) => {
                        state.mark_welcomed();
                        let text =
                            format!("已导入并合并 {n} 条记录。导入前的数据已保留，可以撤销。");
                        match on_merged {
                            Some(said) => said.run(text),
                            None => state.notice.set(Some(text)),
                        }
                        on_done.run(());
                    }
                    Err(why) => {
                        busy.set(false);
                        failed.set(Some(format!("没有导入：{why}。本机原有数据没有任何改动。")));
                    }
                }
            });
        }
    };
    view! {
        <div class="report merge-review" role="status" data-testid="merge-review">
            <p>{about}</p>
            {other_branch
                .map(|why| {
                    view! {
                        <p class="warning">{why}</p>
                        <GoOnAnyway
                            name="accept-other-branch"
                            says="我确认要导入另一个支部的数据"
                            ticked=accepted
                        />
                    }
                })}
            {(!namesakes.is_empty())
                .then(|| {
                    view! {
                        <p class="warning" data-testid="namesakes">
                            {format!(
                                "导入的名册中有 {} 人与本机名册里的党员同名，但不是同一条记录：{}。合并后名册里他们各有两条。若是同一人，请不要合并：让对方先导入本机发出的支部资料包，再交材料。",
                                namesakes.len(),
                                namesakes.join("、"),
                            )}
                        </p>
                        <GoOnAnyway
                            name="accept-namesakes"
                            says="我已核对，确是不同的人，仍然合并"
                            ticked=namesakes_checked
                        />
                    }
                })}
            <p data-testid="merge-summary">{summary}</p>
            {(!conflicts.is_empty())
                .then(|| {
                    view! {
                        <h3 class="sub-title">
                            {format!(
                                "两边都改过的内容（{} 处），请逐项选择保留哪一边（不同之处已标出）：",
                                conflicts.len(),
                            )}
                        </h3>
                        <ul class="conflicts">
                            {conflicts
                                .into_iter()
                                .map(|c| {
                                    view! {
                                        <ConflictRow
                                            conflict=c
                                            sides=(mine_side.clone(), their_side.clone())
                                            choices=choices
                                        />
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
            <Show when=move || unanswered() != 0>
                <p class="hint" data-testid="unanswered">
                    {move || format!("还有 {} 处没有选择。", unanswered())}
                </p>
            </Show>
            <div class="row">
                <button class="button" type="button" on:click=move |_| on_done.run(())>
                    "取消"
                </button>
                <button
                    class="button primary"
                    type="button"
                    disabled=move || {
                        busy.get() || !accepted.get() || !namesakes_checked.get() || nothing
                            || unanswered() != 0
                    }
                    on:click=confirm
                >
                    {if nothing {
                        "本机已是最新，无需导入"
                    } else if blank {
                        "导入"
                    } else {
                        "确认合并"
                    }}
                </button>
            </div>
            {move || failed.get().map(|why| view! { <ResultNote text=why error=true /> })}
        </div>
    }
    .into_any()
}

/// One field both phones changed: the two versions with their differences
/// marked, named by whose phone they come from; nothing chosen until the
/// member chooses.
#[component]
fn ConflictRow(
    conflict: Conflict,
    sides: (String, String),
    choices: RwSignal<BTreeMap<(String, String), Choice>>,
) -> impl IntoView {
    let id = (conflict.key.clone(), conflict.field.clone());
    let picked = {
        let id = id.clone();
        move || choices.with(|c| c.get(&id).copied())
    };
    let option = move |choice: Choice, label: String, text: AnyView| {
        let id = id.clone();
        let picked = picked.clone();
        view! {
            <label
                class="conflict-side"
                class:selected={
                    let picked = picked.clone();
                    move || picked() == Some(choice)
                }
            >
                <input
                    type="radio"
                    name=format!("conflict-{}-{}", id.0, id.1)
                    prop:checked={
                        let picked = picked.clone();
                        move || picked() == Some(choice)
                    }
                    on:change={
                        let id = id.clone();
                        move |_| {
                            choices
                                .update(|c| {
                                    c.insert(id.clone(), choice);
                                })
                        }
                    }
                />
                <span class="small muted">{label}</span>
                <span class="conflict-text">{text}</span>
            </label>
        }
    };
    let (mine_side, their_side) = sides;
    let both = conflict.texts.then(|| {
        option(
            Choice::Both,
            "两段都保留".into(),
            format!("{}\n{}", conflict.mine, conflict.theirs).into_any(),
        )
    });
    view! {
        <li class="conflict">
            <p class="conflict-title">{conflict.title}</p>
            {option(
                Choice::Local,
                mine_side,
                view! { <Marked spans=conflict.mine_marked /> }.into_any(),
            )}
            {option(
                Choice::Incoming,
                their_side,
                view! { <Marked spans=conflict.theirs_marked /> }.into_any(),
            )}
            {both}
        </li>
    }
}

/// A text with the runs the other version lacks marked.
#[component]
fn Marked(spans: Vec<Span>) -> impl IntoView {
    spans
        .into_iter()
        .map(|span| {
            if span.changed {
                view! { <mark>{span.text}</mark> }.into_any()
            } else {
                span.text.into_any()
            }
        })
        .collect_view()
}

/// The box the member ticks to merge despite the warning above it.
#[component]
fn GoOnAnyway(name: &'static str, says: &'static str, ticked: RwSignal<bool>) -> impl IntoView {
    view! {
        <label class="check">
            <input
                type="checkbox"
                name=name
                on:change=move |ev| ticked.set(event_target_checked(&ev))
            />
            <span>{says}</span>
        </label>
    }
}
