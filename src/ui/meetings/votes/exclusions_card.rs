//! 不计算在应到会人数之内: only by a decision (经报上级党组织同意并经党员
//! 大会通过), recorded with its reason, never by default: a member excused
//! from attendance (不作硬性要求) stays in the vote base.

use leptos::prelude::*;

use crate::domain::meeting::Exclusion;
use crate::domain::rules::attendance::due_members_in_order;
use crate::domain::rules::quorum::EXCLUSION_REASONS;
use crate::ui::handles::MeetingHandle;
use crate::ui::person_picker::member_options;
use crate::ui::widgets::TypedInput;

#[component]
pub fn ExclusionsCard(meeting: MeetingHandle) -> impl IntoView {
    let state = meeting.state;
    let excluded = meeting.part(|m| m.excluded.clone());
    let candidates = move || {
        state.doc.with(|d| {
            meeting
                .with(|m| {
                    due_members_in_order(&d.branch, m, &d.members)
                        .into_iter()
                        .filter(|x| !m.excluded.iter().any(|e| e.member_id == x.id))
                        .map(|x| (x.id.clone(), x.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let name_of = move |id: &str| {
        state
            .doc
            .with(|d| d.member(id).map(|m| m.name.clone()).unwrap_or_default())
    };
    let chosen = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let member_id = chosen.get_untracked();
        if member_id.is_empty() {
            return;
        }
        let entry = Exclusion {
            member_id,
            reason: reason.get_untracked().trim().to_string(),
        };
        meeting.edit(move |m| {
            if !m.excluded.iter().any(|e| e.member_id == entry.member_id) {
                m.excluded.push(entry.clone());
            }
        });
        chosen.set(String::new());
        reason.set(String::new());
    };
    view! {
        <details class="card form">
            <summary>
                {move || {
                    format!(
                        "不计算在应到会人数之内的党员（{} 人）",
                        excluded.with(Vec::len),
                    )
                }}
            </summary>
            <p class="hint">
                "党员因下列情况不能参加的，经报上级党组织同意并经党员大会通过，可以不计算在应到会人数之内。只有作出这样的决定后才在此登记；参加组织活动“不作硬性要求”的党员仍计入应到会人数。"
            </p>
            <ol class="plain-list small">{EXCLUSION_REASONS.map(|r| view! { <li>{r}</li> })}</ol>
            <ul class="plain-list">
                <For each=move || excluded.get() key=|e| e.clone() let:e>
                    {
                        let remove = e.member_id.clone();
                        let text = if e.reason.is_empty() {
                            name_of(&e.member_id)
                        } else {
                            format!("{}（{}）", name_of(&e.member_id), e.reason)
                        };
                        view! {
                            <li class="row-between">
                                <span>{text}</span>
                                <button
                                    class="icon-button"
                                    type="button"
                                    aria-label="移除"
                                    on:click=move |_| {
                                        let id = remove.clone();
                                        meeting
                                            .edit(move |m| m.excluded.retain(|e| e.member_id != id));
                                    }
                                >
                                    "×"
                                </button>
                            </li>
                        }
                    }
                </For>
            </ul>
            <form class="stack" on:submit=add>
                <select
                    name="excluded-member"
                    aria-label="党员"
                    on:change=move |ev| chosen.set(event_target_value(&ev))
                >
                    <option value="" selected=move || chosen.with(String::is_empty)>
                        "选择党员"
                    </option>
                    {move || {
                        let candidates = candidates();
                        chosen.with_untracked(|c| member_options(candidates, c))
                    }}
                </select>
                <TypedInput
                    name="excluded-reason"
                    value=reason
                    list="exclusion-reasons"
                    placeholder="原因（可从上列情况中选择）"
                    maxlength=100
                />
                <datalist id="exclusion-reasons">
                    {EXCLUSION_REASONS.map(|r| view! { <option value=r></option> })}
                </datalist>
                <button class="button" type="submit">
                    "登记"
                </button>
            </form>
        </details>
    }
}
