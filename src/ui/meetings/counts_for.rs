//! 类型与年度: which 党小组 meets, what else the one event counts as (同时
//! 计为), and the 所属年度 of a yearly item. Entered once, counted for each
//! where the body allows it: a 支部党员大会 is the whole branch, never a
//! 支委会 or one 党小组's meeting.

use leptos::prelude::*;

use super::roll_correction::correct;
use crate::domain::meeting::{GroupScope, Meeting, MeetingKind};
use crate::domain::rules::recording::default_year_for;
use crate::ui::handles::MeetingHandle;
use crate::ui::widgets::SelectField;

#[component]
pub fn CountsForCard(meeting: MeetingHandle) -> impl IntoView {
    let scope = meeting.part(|m| Some(m.kind.group_scope()));
    let yearly = meeting.part(is_yearly_event);
    view! {
        <section class="card form">
            <h3 class="card-title">"类型与年度"</h3>
            <Show when=move || scope.get().is_some_and(|s| s != GroupScope::None)>
                <GroupChoice meeting=meeting />
            </Show>
            <AlsoCounts meeting=meeting />
            <Show when=move || yearly.get()>
                <YearChoice meeting=meeting />
            </Show>
        </section>
    }
}

/// Counted for a yearly requirement (组织生活会、民主评议), by type or as well.
fn is_yearly_event(m: &Meeting) -> bool {
    m.kind.is_yearly() || m.also.iter().any(MeetingKind::is_yearly)
}

/// The 党小组 that met. A 党小组会 is always one group; a 组织生活会 or
/// 民主评议 may be the whole branch or one group.
#[component]
fn GroupChoice(meeting: MeetingHandle) -> impl IntoView {
    let state = meeting.state;
    let groups = move || state.doc.with(|d| d.branch.groups.clone());
    let group = meeting.part(|m| m.group_id.clone());
    let required = meeting.part(|m| m.kind.group_scope() == GroupScope::Required);
    view! {
        <label class="field">
            <span>"党小组"</span>
            <select
                name="meeting-group"
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    let chosen = (!v.is_empty()).then_some(v);
                    correct(
                        meeting,
                        move |m| {
                            m.group_id = chosen.clone();
                            m.drop_uncountable_also();
                        },
                    );
                }
            >
                <Show when=move || !required.get() || group.with(Option::is_none)>
                    <option value="" selected=move || group.with(Option::is_none)>
                        {move || if required.get() { "请选择党小组" } else { "全支部" }}
                    </option>
                </Show>
                <For each=groups key=|g| g.id.clone() let:g>
                    {
                        let id = g.id.clone();
                        view! {
                            <option
                                value=g.id.clone()
                                selected=move || group.get().as_deref() == Some(id.as_str())
                            >
                                {g.name}
                            </option>
                        }
                    }
                </For>
            </select>
            <Show when=move || required.get() && group.with(Option::is_none)>
                <small class="error">
                    "党小组会由一个党小组召开，请选择党小组。"
                </small>
            </Show>
        </label>
    }
}

/// 同时计为: the other national types this event may meet.
#[component]
fn AlsoCounts(meeting: MeetingHandle) -> impl IntoView {
    let also = meeting.part(|m| m.also.clone());
    let choices = meeting.part(|m| {
        MeetingKind::NATIONAL
            .into_iter()
            .filter(|k| m.may_also_count_as(k).is_ok())
            .collect::<Vec<_>>()
    });
    let one_group = meeting.part(|m| m.is_one_group());
    let committee = meeting.part(|m| m.kind == MeetingKind::CommitteeMeeting);
    view! {
        <fieldset class="field plain">
            <legend>
                "同时计为（一次活动满足多项要求时勾选，不必重复录入）"
            </legend>
            <Show when=move || committee.get()>
                <p class="muted small">
                    "支委会只计为支委会：支部党员大会、主题党日、党课等由全体党员参加。"
                </p>
            </Show>
            <Show when=move || one_group.get() && !committee.get()>
                <p class="muted small">
                    "一个党小组的会议只计为该党小组的组织生活会或民主评议（自评、互评），不计入全支部的年度要求，也不能作为支部党员大会。"
                </p>
            </Show>
            <div class="chips-row">
                <For each=move || choices.get() key=|k| k.clone() let:k>
                    {
                        let on = {
                            let k = k.clone();
                            move || also.with(|a| a.contains(&k))
                        };
                        let label = k.label().to_string();
                        let toggled = k.clone();
                        let pressed = on.clone();
                        view! {
                            <button
                                type="button"
                                class="chip-toggle small"
                                class:on=on.clone()
                                aria-pressed=move || pressed().to_string()
                                on:click=move |_| {
                                    let want = !on();
                                    let k = toggled.clone();
                                    correct(
                                        meeting,
                                        move |m| {
                                            m.also.retain(|x| *x != k);
                                            if want {
                                                m.also.push(k.clone());
                                            }
                                            if m.for_year.is_none() && is_yearly_event(m) {
                                                m.for_year = m.effective_date().map(default_year_for);
                                            }
                                        },
                                    );
                                }
                            >
                                {label}
                            </button>
                        }
                    }
                </For>
            </div>
        </fieldset>
    }
}

/// 所属年度: a "2026年度组织生活会" held in March 2027 counts for 2026.
#[component]
fn YearChoice(meeting: MeetingHandle) -> impl IntoView {
    let year = meeting.part(|m| m.counted_year());
    let held_year = meeting.part(|m| m.effective_date().map(|d| chrono::Datelike::year(&d)));
    let options = move || {
        let around = held_year.get().or(year.get()).unwrap_or(2026);
        [around - 1, around]
    };
    view! {
        <SelectField
            label="所属年度"
            name="for-year"
            on_change=move |v: String| {
                let chosen = v.parse::<i32>().ok();
                meeting.edit(move |m| m.for_year = chosen);
            }
            help="年度组织生活会、民主评议常在次年一季度召开，按所属年度统计。"
        >
            {move || {
                options()
                    .map(|y| {
                        view! {
                            <option value=y.to_string() selected=move || year.get() == Some(y)>
                                {format!("{y}年度")}
                            </option>
                        }
                    })
            }}
        </SelectField>
    }
}
