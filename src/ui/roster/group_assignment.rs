//! 分配党小组: pick a 党小组, tick the names, one tap puts them all in it.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::browser::clock;
use crate::domain::roster::{assign_group, display_order};
use crate::domain::PartyGroup;
use crate::ui::state::use_app;
use crate::ui::widgets::InlineAdd;

/// `None` picks "不属于党小组".
type Pick = Option<Option<String>>;

#[component]
pub fn GroupAssignment(on_done: Callback<()>) -> impl IntoView {
    let state = use_app();
    let groups = move || state.doc.with(|d| d.branch.groups.clone());
    let picked = RwSignal::new(None::<Option<String>>);
    let ticked = RwSignal::new(BTreeSet::<String>::new());
    let members = move || {
        state.doc.with(|d| {
            display_order(&d.branch, &d.members)
                .into_iter()
                .filter(|m| m.is_active())
                .map(|m| {
                    let group = m
                        .group_id
                        .as_deref()
                        .and_then(|g| d.branch.group_name(g))
                        .unwrap_or("未分组")
                        .to_string();
                    (m.id.clone(), m.name.clone(), group)
                })
                .collect::<Vec<_>>()
        })
    };
    let add_group = move |name: String| {
        let group = PartyGroup {
            id: clock::new_id("g"),
            name,
        };
        picked.set(Some(Some(group.id.clone())));
        state.edit_branch(move |b| {
            if !b.groups.iter().any(|g| g.id == group.id) {
                b.groups.push(group.clone());
            }
        });
    };
    let group_label = move |pick: &Pick| match pick {
        Some(Some(id)) => state
            .doc
            .with(|d| d.branch.group_name(id).map(str::to_string))
            .unwrap_or_default(),
        Some(None) => "不属于党小组".to_string(),
        None => String::new(),
    };
    let assign = move |_| {
        let Some(group) = picked.get_untracked() else {
            return;
        };
        let ids: Vec<String> = ticked.get_untracked().into_iter().collect();
        if ids.is_empty() {
            return;
        }
        let count = ids.len();
        let label = group_label(&Some(group.clone()));
        state.edit_roster(move |members| assign_group(members, &ids, group.as_deref()));
        ticked.set(BTreeSet::new());
        state.confirm(if label == "不属于党小组" {
            format!("已将 {count} 人移出党小组")
        } else {
            format!("已将 {count} 人分到{label}")
        });
    };
    let chip = move |pick: Option<String>, label: String| {
        let on = {
            let pick = pick.clone();
            move || picked.get().as_ref() == Some(&pick)
        };
        view! {
            <button
                type="button"
                class="chip-toggle"
                class:on=on.clone()
                aria-pressed=move || on().to_string()
                on:click=move |_| picked.set(Some(pick.clone()))
            >
                {label}
            </button>
        }
    };
    view! {
        <section class="card" data-testid="group-assignment">
            <h2 class="card-title">"分配党小组"</h2>
            <p class="muted small">
                "先选党小组，再勾选姓名，点下方按钮一次分好。"
            </p>
            <div class="chips-row" role="group" aria-label="党小组">
                {move || { groups().into_iter().map(|g| chip(Some(g.id), g.name)).collect_view() }}
                {chip(None, "不属于党小组".to_string())}
            </div>
            <InlineAdd
                name="assign-new-group"
                placeholder="新党小组名称"
                maxlength=50
                on_add=add_group
            />
            <ul class="check-list">
                <For each=members key=|m| m.clone() let:member>
                    {
                        let (id, name, group) = member;
                        let checked = {
                            let id = id.clone();
                            move || ticked.with(|t| t.contains(&id))
                        };
                        view! {
                            <li class="check-row">
                                <label class="check assign-row">
                                    <input
                                        type="checkbox"
                                        name="assign-member"
                                        prop:checked=checked
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            let id = id.clone();
                                            ticked
                                                .update(|t| {
                                                    if on {
                                                        t.insert(id);
                                                    } else {
                                                        t.remove(&id);
                                                    }
                                                });
                                        }
                                    />
                                    <strong>{name}</strong>
                                    <span class="muted small">{group}</span>
                                </label>
                            </li>
                        }
                    }
                </For>
            </ul>
            <div class="row">
                <button
                    class="button primary"
                    disabled=move || picked.with(Option::is_none) || ticked.with(BTreeSet::is_empty)
                    on:click=assign
                >
                    {move || {
                        let count = ticked.with(BTreeSet::len);
                        match picked.get() {
                            None => "请先选党小组".to_string(),
                            Some(None) => format!("移出党小组（{count} 人）"),
                            Some(pick) => {
                                format!("分到{}（{count} 人）", group_label(&Some(pick)))
                            }
                        }
                    }}
                </button>
                <button class="button" on:click=move |_| on_done.run(())>
                    "完成"
                </button>
            </div>
        </section>
    }
}
