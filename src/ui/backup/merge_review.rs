//! What importing a file would do to this phone's data, before anything
//! changes: how many records are new, newer, merged or kept, and every
//! field changed on both sides, side by side, for the member to choose.

use std::collections::BTreeMap;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::backup::import::Staged;
use crate::store::merge::Choice;
use crate::ui::state::use_app;

#[component]
pub fn MergeReview(staged: Rc<Staged>, #[prop(into)] on_done: Callback<()>) -> impl IntoView {
    let state = use_app();
    let Some(review) = state.plan_import(&staged) else {
        return view! { <p class="report">"本机数据还没有读取完，请稍后再试。"</p> }.into_any();
    };
    let review = Rc::new(review);
    let counts = review.counts;
    let blank = review.blank;
    let other_branch = review.other_branch.clone();
    let accepted = RwSignal::new(other_branch.is_none());
    let choices = RwSignal::new(BTreeMap::<(String, String), Choice>::new());
    let busy = RwSignal::new(false);
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
    let nothing = review.nothing;
    let confirm = {
        let review = review.clone();
        move |_| {
            let review = review.clone();
            busy.set(true);
            let picked = choices.get_untracked();
            spawn_local(async move {
                let choose = |key: &str, field: &str| {
                    picked
                        .get(&(key.to_string(), field.to_string()))
                        .copied()
                        .unwrap_or(Choice::Local)
                };
                match state.merge_import(&review, choose, "导入前的数据").await {
                    Ok(n) => {
                        state.mark_welcomed();
                        state.notice.set(Some(format!(
                            "已导入并合并 {n} 条记录。导入前的数据已保留，可以撤销。"
                        )));
                        on_done.run(());
                    }
                    Err(why) => {
                        busy.set(false);
                        state
                            .notice
                            .set(Some(format!("没有导入：{why}。本机原有数据没有任何改动。")));
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
                        <label class="check">
                            <input
                                type="checkbox"
                                name="accept-other-branch"
                                on:change=move |ev| accepted.set(event_target_checked(&ev))
                            />
                            <span>"我确认要导入另一个支部的数据"</span>
                        </label>
                    }
                })}
            <p data-testid="merge-summary">{summary}</p>
            {(!conflicts.is_empty())
                .then(|| {
                    view! {
                        <h3 class="sub-title">
                            {format!(
                                "两边都改过的内容（{} 处），请逐项选择保留哪一边：",
                                conflicts.len(),
                            )}
                        </h3>
                        <ul class="conflicts">
                            {conflicts
                                .into_iter()
                                .map(|c| {
                                    view! {
                                        <ConflictRow
                                            title=c.title
                                            mine=c.mine
                                            theirs=c.theirs
                                            key=c.key
                                            field=c.field
                                            choices=choices
                                        />
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
            <div class="row">
                <button class="button" type="button" on:click=move |_| on_done.run(())>
                    "取消"
                </button>
                <button
                    class="button primary"
                    type="button"
                    disabled=move || busy.get() || !accepted.get() || nothing
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
        </div>
    }
    .into_any()
}

#[component]
fn ConflictRow(
    title: String,
    mine: String,
    theirs: String,
    key: String,
    field: String,
    choices: RwSignal<BTreeMap<(String, String), Choice>>,
) -> impl IntoView {
    let id = (key, field);
    let picked = {
        let id = id.clone();
        move || choices.with(|c| c.get(&id).copied().unwrap_or(Choice::Local))
    };
    let option = move |choice: Choice, label: &'static str, text: String| {
        let id = id.clone();
        let picked = picked.clone();
        view! {
            <label class="conflict-side" class:selected=move || picked() == choice>
                <input
                    type="radio"
                    name=format!("conflict-{}-{}", id.0, id.1)
                    prop:checked={
                        let picked = picked.clone();
                        move || picked() == choice
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
    view! {
        <li class="conflict">
            <p class="conflict-title">{title}</p>
            {option(Choice::Local, "本机", mine)}
            {option(Choice::Incoming, "导入的", theirs)}
        </li>
    }
}
