//! 组织关系: 办理减少, 恢复在册, or deleting a mistaken entry.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::browser::{clock, dialog::confirm};
use crate::domain::time::format_chinese_date;
use crate::domain::{MemberStatus, Reduction};
use crate::ui::state::use_app;
use crate::ui::widgets::{by_label, label_options, FormDate, SelectField, TextField};

/// 办理减少 with its reason, 恢复在册, or deleting a mistaken entry.
#[component]
pub fn Membership(id: String) -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let status = {
        let id = id.clone();
        move || state.doc.with(|d| d.member(&id).map(|m| m.status.clone()))
    };
    let references = {
        let id = id.clone();
        move || state.doc.with(|d| d.references_to_member(&id))
    };
    let why = RwSignal::new(Reduction::TransferredOut);
    let on = RwSignal::new(Some(clock::today()));
    let note = RwSignal::new(String::new());
    let set_status = {
        let id = id.clone();
        move |status: MemberStatus| {
            let id = id.clone();
            state.edit_roster(move |members| {
                if let Some(m) = members.iter_mut().find(|m| m.id == id) {
                    m.status = status.clone();
                }
            });
        }
    };
    let reduce = {
        let set_status = set_status.clone();
        move |_| {
            set_status(MemberStatus::Left {
                on: on.get_untracked(),
                why: Some(why.get_untracked()),
                reason: note.get_untracked().trim().to_string(),
            })
        }
    };
    let restore = move |_| set_status(MemberStatus::Active);
    let delete = {
        let id = id.clone();
        let references = references.clone();
        move |_| {
            if references() > 0 || !confirm("确定删除这名党员吗？只有误录入时才应删除。")
            {
                return;
            }
            let id = id.clone();
            state.edit_roster(move |members| members.retain(|m| m.id != id));
            state.confirm("已删除这名党员");
            navigate("/mine/roster", Default::default());
        }
    };
    let left_sentence = move || match status() {
        Some(MemberStatus::Left { on, why, reason }) => {
            let mut text = String::from("已办理减少");
            if let Some(on) = on {
                text = format!("已于{}办理减少", format_chinese_date(on));
            }
            let why = why.map(Reduction::label).unwrap_or("其他");
            let reason = reason.trim();
            let detail = if reason.is_empty() {
                why.to_string()
            } else {
                format!("{why}，{reason}")
            };
            Some(format!("{text}（{detail}）。历史记录中仍保留其姓名。"))
        }
        _ => None,
    };
    view! {
        <section class="card form">
            <h2 class="card-title">"组织关系"</h2>
            {move || match left_sentence() {
                Some(text) => {
                    view! {
                        <p class="muted">{text}</p>
                        <button class="button" type="button" on:click=restore.clone()>
                            "恢复在册"
                        </button>
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <SelectField
                            label="减少原因"
                            name="reduction"
                            on_change=move |v: String| {
                                if let Some(r) = by_label(&Reduction::ALL, Reduction::label, &v) {
                                    why.set(r);
                                }
                            }
                        >
                            {label_options(&Reduction::ALL, Reduction::label, why.into())}
                        </SelectField>
                        <FormDate label="日期" name="reduction-on" value=on />
                        <TextField
                            label="说明（可不填）"
                            name="reduction-note"
                            value=note
                            placeholder="如：转至某某党支部"
                            maxlength=100
                        />
                        <button class="button" type="button" on:click=reduce.clone()>
                            "办理减少"
                        </button>
                    }
                        .into_any()
                }
            }}
            <hr />
            {move || {
                let n = references();
                if n > 0 {
                    view! {
                        <p class="muted small">
                            {format!(
                                "该党员已出现在 {n} 份会议、谈话记录或评议材料中，不能删除，只能办理减少。",
                            )}
                        </p>
                    }
                        .into_any()
                } else {
                    view! {
                        <button class="button danger" type="button" on:click=delete.clone()>
                            "删除（仅用于误录入）"
                        </button>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}
