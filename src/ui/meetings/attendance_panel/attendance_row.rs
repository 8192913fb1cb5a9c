//! One member's row of the 签到: 出席 / 请假 / 缺席, the reason for being
//! away, and the 补学 owed after a held meeting.

use leptos::prelude::*;

use super::DueRow;
use crate::browser::clock;
use crate::domain::limits;
use crate::domain::meeting::{AbsenceReason, Attendance, MakeUpWay, MeetingState, Presence};
use crate::domain::rules::attendance::{makeup_status, MakeUpStatus};
use crate::domain::rules::recording::{
    complete_makeup, set_presence, set_reason, set_reason_note, tapped, undo_makeup,
};
use crate::ui::handles::MeetingHandle;
use crate::ui::widgets::DateBox;

#[component]
pub fn AttendanceRow(
    meeting: MeetingHandle,
    entry: ArcRwSignal<Option<Attendance>>,
    row: DueRow,
) -> impl IntoView {
    let entry: Signal<Option<Attendance>> = entry.into();
    let status = Memo::new(move |_| entry.with(|e| e.as_ref().map(|a| a.status)));
    let status = move || status.get();
    let away = Memo::new(move |_| status().is_some_and(|s| s != Presence::Present));
    let buttons = Presence::ALL.map(|p| {
        let member_id = row.id.clone();
        let choose = move |ev: leptos::ev::MouseEvent| {
            // The router's window listener looks for a link around every
            // click that reaches it (reading `location.origin` first): a
            // button tapped thirty times a meeting keeps its clicks.
            ev.stop_propagation();
            let next = tapped(status(), p);
            let member_id = member_id.clone();
            meeting.edit(move |m| set_presence(m, &member_id, next));
        };
        view! {
            <button
                class="presence"
                class:on=move || status() == Some(p)
                data-presence=p.label()
                aria-pressed=move || (status() == Some(p)).to_string()
                on:click=choose
            >
                {p.label()}
            </button>
        }
    });
    view! {
        <li class="attendance-row">
            <div class="attendance-main">
                <span class="member-name">
                    {row.name.clone()} {row.badge.map(|b| view! { <span class="badge">{b}</span> })}
                </span>
                <div
                    class="presence-group"
                    role="group"
                    aria-label=format!("{} 的出席情况", row.name)
                >
                    {buttons}
                </div>
            </div>
            // Kept while the member stays away: switching 请假 and 缺席
            // changes the reasons offered, not the whole block.
            <Show when=move || away.get()>
                <AwayDetails meeting=meeting member_id=row.id.clone() entry=entry />
            </Show>
        </li>
    }
}

/// The reason a member was away (其他 in the recorder's words), and their
/// 补学 with its day and way.
#[component]
fn AwayDetails(
    meeting: MeetingHandle,
    member_id: String,
    entry: Signal<Option<Attendance>>,
) -> impl IntoView {
    let choice = Memo::new(move |_| entry.with(|e| e.as_ref().map(|a| (a.status, a.reason))));
    // Only the reasons that fit the choice (请假 is 因公/因病/因事), shown
    // and hidden in place: switching 请假 and 缺席 changes two attributes
    // per chip instead of building the chips again. Their clicks, like the
    // presence buttons', stop before the router's window listener.
    let reasons = AbsenceReason::OFFERED.map(|r| {
        let member_id = member_id.clone();
        let offered =
            move || choice.with(|c| c.is_some_and(|(status, _)| status.reasons().contains(&r)));
        let on =
            move || offered() && choice.with(|c| c.is_some_and(|(_, reason)| reason == Some(r)));
        view! {
            <button
                class="chip-toggle small"
                class:on=on
                hidden=move || !offered()
                on:click=move |ev| {
                    ev.stop_propagation();
                    let next = tapped(choice.get_untracked().and_then(|(_, reason)| reason), r);
                    let member_id = member_id.clone();
                    meeting.edit(move |m| set_reason(m, &member_id, next));
                }
            >
                {r.label()}
            </button>
        }
    });
    let other = move || {
        choice
            .get()
            .is_some_and(|(_, r)| r == Some(AbsenceReason::Other))
    };
    let note_id = member_id.clone();
    // 补学 is for a meeting that was held.
    let owes = Memo::new(move |_| {
        let Some(entry) = entry.get() else {
            return MakeUpStatus::NotNeeded;
        };
        meeting
            .with(|m| {
                if m.state == MeetingState::Held {
                    makeup_status(m, &entry)
                } else {
                    MakeUpStatus::NotNeeded
                }
            })
            .unwrap_or(MakeUpStatus::NotNeeded)
    });
    let makeup = move || match owes.get() {
        MakeUpStatus::Done(on) => {
            let member_id = member_id.clone();
            let way = entry
                .with_untracked(|e| {
                    e.as_ref()
                        .and_then(|a| a.makeup.as_ref())
                        .and_then(|m| m.way)
                })
                .map(|w| format!("，{}", w.label()))
                .unwrap_or_default();
            view! {
                <span class="ok small">{format!("已补学（{on}{way}）")}</span>
                <button
                    class="link-button small"
                    on:click=move |_| {
                        let member_id = member_id.clone();
                        meeting.edit(move |m| undo_makeup(m, &member_id));
                    }
                >
                    "撤销"
                </button>
            }
            .into_any()
        }
        MakeUpStatus::NotNeeded => ().into_any(),
        MakeUpStatus::Pending => {
            view! { <MakeUpForm meeting=meeting member_id=member_id.clone() /> }.into_any()
        }
    };
    view! {
        <div class="away-details">
            <div class="chips-row">{reasons}</div>
            <Show when=other>
                {
                    let note_id = note_id.clone();
                    view! {
                        <input
                            type="text"
                            name="reason-note"
                            maxlength=limits::SHORT.to_string()
                            placeholder="写明原因，如外出培训"
                            aria-label="其他原因"
                            prop:value=move || {
                                entry
                                    .with(|e| {
                                        e.as_ref()
                                            .map(|a| a.reason_note.clone())
                                            .unwrap_or_default()
                                    })
                            }
                            on:change=move |ev| {
                                let note = event_target_value(&ev);
                                let id = note_id.clone();
                                meeting.edit(move |m| set_reason_note(m, &id, &note));
                            }
                        />
                    }
                }
            </Show>
            <div class="makeup-row">{makeup}</div>
        </div>
    }
}

/// 待补学: the day it was made up (today unless changed, never before the
/// meeting) and how.
#[component]
fn MakeUpForm(meeting: MeetingHandle, member_id: String) -> impl IntoView {
    let today = clock::today();
    let held_on = untrack(|| meeting.with(|m| m.effective_date())).flatten();
    let on = RwSignal::new(Some(today));
    let way = RwSignal::new(None::<MakeUpWay>);
    let record = move |_| {
        let Some(day) = on.get_untracked() else {
            return;
        };
        let id = member_id.clone();
        let how = way.get_untracked();
        meeting.edit(move |m| complete_makeup(m, &id, day, how, ""));
    };
    // A day outside the meeting's day and today is not taken.
    let pick = move |day: Option<chrono::NaiveDate>| {
        on.set(day.filter(|d| held_on.is_none_or(|h| *d >= h) && *d <= today))
    };
    view! {
        <div class="makeup-form" data-testid="makeup-form">
            <span class="badge accent">"待补学"</span>
            <label class="field inline">
                <span>"补学日期"</span>
                <DateBox name="makeup-date" min=held_on max=Some(today) value=on on_change=pick />
            </label>
            <div class="chips-row" role="group" aria-label="补学方式">
                {MakeUpWay::ALL
                    .map(|w| {
                        view! {
                            <button
                                class="chip-toggle small"
                                class:on=move || way.get() == Some(w)
                                aria-pressed=move || (way.get() == Some(w)).to_string()
                                on:click=move |_| way.update(|v| *v = (*v != Some(w)).then_some(w))
                            >
                                {w.label()}
                            </button>
                        }
                    })}
            </div>
            <button class="button small" disabled=move || on.get().is_none() on:click=record>
                "记下补学"
            </button>
        </div>
    }
}
