//! What importing a file would do to this phone's data, before anything
//! changes: how many records are new, newer, merged or kept, and every
//! field changed on both sides, side by side, for the member to choose.

use std::collections::BTreeMap;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;

use crate::backup::import::Staged;
use crate::backup::package::{same_branch, Scope};
use crate::domain::roster::keep_private_notes;
use crate::domain::validate::place;
use crate::domain::Document;
use crate::store::merge::{Choice, ImportPlan};
use crate::store::RecordKey;
use crate::ui::state::use_app;

#[component]
pub fn MergeReview(staged: Rc<Staged>, #[prop(into)] on_done: Callback<()>) -> impl IntoView {
    let state = use_app();
    let local = state.doc.get_untracked();
    let mut incoming = staged.doc.clone();
    if staged.about.scope != Scope::Full {
        keep_private_notes(&mut incoming.members, &local.members);
    }
    let plan = Rc::new(ImportPlan::new(
        &local,
        &state.clocks(),
        &incoming,
        &staged.about.clocks,
    ));
    let counts = plan.counts();
    let blank = local.is_blank();
    let their_branch = incoming.branch.name.clone();
    let other_branch = !blank
        && !local.branch.name.trim().is_empty()
        && !their_branch.trim().is_empty()
        && !same_branch(&local.branch.name, &their_branch);
    let accepted = RwSignal::new(!other_branch);
    let choices = RwSignal::new(BTreeMap::<(String, String), Choice>::new());
    let busy = RwSignal::new(false);
    let from = staged
        .about
        .sender
        .as_ref()
        .map(|s| s.describe())
        .unwrap_or_else(|| their_branch.clone());
    let about = format!(
        "{}来自“{}”，导出于 {}：{}。",
        staged.about.scope.label(),
        from,
        staged.exported_at,
        incoming.summary()
    );
    let summary = if blank {
        "本机还没有数据，将全部导入。".to_string()
    } else {
        format!(
            "将新增 {} 条记录，更新 {} 条，逐项合并 {} 条；本机较新的 {} 条保持不变。",
            counts.added, counts.updated, counts.merged, counts.kept
        )
    };
    let conflicts = plan.conflicts();
    let nothing = !plan.changes_anything();
    let confirm = {
        let plan = plan.clone();
        move |_| {
            let plan = plan.clone();
            busy.set(true);
            let picked = choices.get_untracked();
            spawn_local(async move {
                let choose = |key: &str, field: &str| {
                    picked
                        .get(&(key.to_string(), field.to_string()))
                        .copied()
                        .unwrap_or(Choice::Local)
                };
                match state.merge_import(&plan, choose, "导入前的数据").await {
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
                .then(|| {
                    view! {
                        <p class="warning">
                            {format!(
                                "这份数据来自“{their_branch}”，与本机的“{}”不是同一个支部。",
                                local.branch.name,
                            )}
                        </p>
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
                                .iter()
                                .map(|(key, field)| {
                                    let (mine, theirs) = plan.plans[key].sides(field);
                                    view! {
                                        <ConflictRow
                                            title=format!(
                                                "{} · {}",
                                                record_title(&local, key),
                                                field_title(&local, key, field),
                                            )
                                            mine=describe(mine.as_ref())
                                            theirs=describe(theirs.as_ref())
                                            key=key.clone()
                                            field=field.clone()
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

/// "会议记录：学习贯彻…", "自评表：吴昊 2026年度".
fn record_title(doc: &Document, name: &str) -> String {
    match RecordKey::from_name(name) {
        Some(RecordKey::Meeting(id)) => match doc.meeting(&id) {
            Some(m) if !m.theme.is_empty() => format!("会议记录：{}", m.theme),
            Some(m) => format!("会议记录：{}", m.kind.label()),
            None => "会议记录".into(),
        },
        Some(RecordKey::Assessment(id)) => match doc.assessment(&id) {
            Some(f) => format!(
                "自评表：{} {}年度",
                doc.member(&f.member_id)
                    .map(|m| m.name.as_str())
                    .unwrap_or_default(),
                f.year
            ),
            None => "自评表".into(),
        },
        Some(key) => key.label().to_string(),
        None => name.to_string(),
    }
}

/// "主要内容", "李红梅的出席登记", "党员：张伟".
fn field_title(doc: &Document, key: &str, field: &str) -> String {
    let name_of = |id: &str| {
        doc.member(id)
            .map(|m| m.name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    match field.split_once('[') {
        Some((list, id)) => {
            let id = id.trim_end_matches(']');
            match list {
                "" if key == "members" => format!("党员：{}", name_of(id)),
                "attendance" => format!("{}的出席登记", name_of(id)),
                "roll" => format!("应到名单中的{}", name_of(id)),
                "entries" if key.starts_with("review/") => format!("{}的评议", name_of(id)),
                list => place(list),
            }
        }
        None if field.is_empty() => "全部内容".into(),
        None => match place(field).as_str() {
            "文件" => "其他内容".into(),
            known => known.to_string(),
        },
    }
}

/// A value as a member reads it.
fn describe(value: Option<&Value>) -> String {
    let Some(value) = value else {
        return "（没有这一项）".into();
    };
    let text = readable(value);
    let text = if text.is_empty() {
        "（空）".to_string()
    } else {
        text
    };
    text.chars().take(200).collect()
}

fn readable(value: &Value) -> String {
    match value {
        Value::Null | Value::Bool(false) => String::new(),
        Value::Bool(true) => "是".into(),
        Value::String(s) => word(s),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => items
            .iter()
            .map(readable)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("、"),
        // A named thing reads as its name; anything else as its fields.
        Value::Object(map) => match map
            .get("name")
            .or_else(|| map.get("title"))
            .or_else(|| map.get("text"))
        {
            Some(Value::String(name)) => name.clone(),
            _ => map
                .iter()
                .filter(|(k, _)| !k.ends_with("id") && k.as_str() != "type")
                .filter_map(|(k, v)| {
                    let shown = readable(v);
                    (!shown.is_empty()).then(|| match place(k).as_str() {
                        "文件" => shown,
                        label => format!("{label}：{shown}"),
                    })
                })
                .collect::<Vec<_>>()
                .join("；"),
        },
    }
}

/// The stored words of the record's choices, in Chinese.
fn word(s: &str) -> String {
    match s {
        "present" => "出席",
        "leave" => "请假",
        "absent" => "缺席",
        "work" => "因公",
        "illness" => "因病",
        "personal" => "因事",
        "no_reason" => "无故",
        "other" => "其他",
        s => s,
    }
    .to_string()
}
