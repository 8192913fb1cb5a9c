//! 签到: one tap per member, live 应到 / 实到 / 缺席 and the quorum, reasons
//! for those away, and their 补学 afterwards.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::browser::clock;
use crate::domain::limits;
use crate::domain::meeting::{
    AbsenceReason, Attendance, MakeUpWay, Meeting, MeetingState, Presence,
};
use crate::domain::pinyin::name_matches;
use crate::domain::rules::attendance::{
    attendance_of, due_by_group, makeup_status, tally, Due, MakeUpStatus, Tally,
};
use crate::domain::rules::quorum::{quorum, Quorum};
use crate::domain::rules::recording::{
    complete_makeup, mark_rest_present, set_presence, set_reason, set_reason_note, tapped,
    undo_makeup,
};
use crate::domain::Standing;
use crate::ui::handles::MeetingHandle;
use crate::ui::widgets::DateBox;

#[component]
pub fn AttendancePanel(meeting: MeetingHandle) -> impl IntoView {
    let state = meeting.state;
    let entries = RowEntries::new(meeting);
    // Who is due, with what they were that day: a held meeting's roll is
    // frozen, so a later 转正 does not change this list. By 党小组
    // (headers only when the meeting has several), or one list in the
    // secretary's own order. It follows the roster, the branch and the
    // meeting without its marks: a tap changes only the marks, so it does
    // not sort the names again, nor regroup the list.
    let roster = Memo::new(move |_| state.doc.with(|d| d.members.clone()));
    let branch = Memo::new(move |_| state.doc.with(|d| d.branch.clone()));
    let unmarked = Memo::new(move |_| meeting.with(Meeting::without_marks));
    let sections = Memo::new(move |_| {
        branch.with(|branch| {
            roster.with(|members| {
                unmarked.with(|m| {
                    m.as_ref()
                        .map(|m| {
                            due_by_group(branch, m, members)
                                .into_iter()
                                .map(|(heading, due)| {
                                    (heading, due.into_iter().map(DueRow::of).collect())
                                })
                                .collect::<Vec<(String, Vec<DueRow>)>>()
                        })
                        .unwrap_or_default()
                })
            })
        })
    });
    let due = Memo::new(move |_| {
        sections.with(|s| {
            s.iter()
                .flat_map(|(_, rows)| rows.iter().cloned())
                .collect::<Vec<DueRow>>()
        })
    });
    // Narrowed by a name typed in the search field.
    let filter = RwSignal::new(String::new());
    let grouped = Memo::new(move |_| {
        let wanted = filter.get().trim().to_string();
        sections.with(|s| {
            s.iter()
                .map(|(heading, rows)| {
                    let rows: Vec<DueRow> = rows
                        .iter()
                        .filter(|row| name_matches(&row.name, &wanted))
                        .cloned()
                        .collect();
                    (heading.clone(), rows)
                })
                .filter(|(_, rows)| !rows.is_empty())
                .collect::<Vec<_>>()
        })
    });
    let summary = Memo::new(move |_| {
        roster.with(|members| meeting.with(|m| (tally(m, members), quorum(m, members))))
    });
    // Most members come: one tap marks everyone not yet marked as present,
    // then the exceptions are tapped. Undo takes back the marks that tap
    // added and nobody has changed since.
    let before_bulk: RwSignal<Option<Vec<String>>> = RwSignal::new(None);
    let rest_present = move |_| {
        let ids: Vec<String> = due.get_untracked().into_iter().map(|row| row.id).collect();
        let added: Vec<String> = meeting
            .with(|m| {
                ids.iter()
                    .filter(|id| attendance_of(m, id).is_none())
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        before_bulk.set(Some(added));
        meeting.edit(move |m| mark_rest_present(m, ids.iter().map(String::as_str)));
    };
    let undo_bulk = move |_| {
        if let Some(added) = before_bulk.get_untracked() {
            meeting.edit(move |m| {
                m.attendance.retain(|a| {
                    !(added.contains(&a.member_id)
                        && a.status == Presence::Present
                        && a.reason.is_none())
                })
            });
        }
        before_bulk.set(None);
    };
    let count = move |of: fn(&Tally) -> usize| {
        Signal::derive(move || summary.with(|s| s.as_ref().map_or(0, |(t, _)| of(t))))
    };
    let quorum_line = Memo::new(move |_| {
        summary.with(|s| s.as_ref().and_then(|(t, q)| quorum_line(t, q.as_ref())))
    });
    let verdict = move || quorum_line.with(|l| l.as_ref().and_then(|(_, verdict)| *verdict));
    let marks = crate::ui::job::use_may_edit(crate::domain::job::Area::Meetings);
    let nobody_marked =
        Memo::new(move |_| summary.with(|s| s.as_ref().is_some_and(|(t, _)| t.nobody_marked())));
    view! {
        <section class="tally card" aria-live="polite">
            // Numbers and the quorum line change in place: a tap rewrites
            // a few texts, not the block.
            <Show when=move || summary.with(Option::is_some)>
                <div class="tally-numbers">
                    <TallyNumber label="应到" count=count(|t| t.due) />
                    <TallyNumber label="实到" count=count(|t| t.present) />
                    <TallyNumber label="请假" count=count(|t| t.leave) />
                    <TallyNumber label="缺席" count=count(|t| t.absent) />
                    <TallyNumber label="未登记" count=count(|t| t.unmarked) quiet_at_zero=true />
                </div>
            </Show>
            <Show when=move || quorum_line.with(Option::is_some)>
                <p
                    class="quorum"
                    class:ok=move || verdict() == Some(true)
                    class:error=move || verdict() == Some(false)
                >
                    {move || quorum_line.with(|l| l.as_ref().map(|(text, _)| text.clone()))}
                </p>
            </Show>
            <div class="row">
                <button
                    class="button"
                    class:primary=nobody_marked
                    class:small=move || !nobody_marked.get()
                    on:click=rest_present
                >
                    {move || {
                        if nobody_marked.get() {
                            "全部出席"
                        } else {
                            "其余未登记的全部出席"
                        }
                    }}
                </button>
                <Show when=move || before_bulk.with(Option::is_some)>
                    <button class="link-button" on:click=undo_bulk>
                        "撤销"
                    </button>
                </Show>
            </div>
            // Meant for whoever marks attendance, not a phone that reads it.
            <Show when=move || nobody_marked.get() && marks.get()>
                <p class="hint">"先点“全部出席”，再点选请假或缺席的人。"</p>
            </Show>
        </section>
        <Show when=move || due.with(|d| d.is_empty())>
            <p class="empty">
                "名册中没有应到的党员。请先在“我的 › 党员名册”添加党员。"
            </p>
        </Show>
        <Show when=move || due.with(|d| d.len() > 12)>
            <input
                type="search"
                class="search"
                name="attendance-filter"
                aria-label="按姓名或拼音首字母查找"
                placeholder="按姓名或拼音首字母查找，如 wjg"
                prop:value=move || filter.get()
                on:input=move |ev| filter.set(event_target_value(&ev))
            />
        </Show>
        // Each 党小组's rows follow the list as it is now (a new search, a
        // name changed on another page): keyed by what they show.
        <For
            each=move || {
                grouped.with(|g| g.iter().map(|(name, _)| name.clone()).collect::<Vec<_>>())
            }
            key=|name| name.clone()
            let:group
        >
            <ul class="attendance-list card">
                {(!group.is_empty())
                    .then(|| view! { <li class="list-heading">{group.clone()}</li> })}
                <For
                    each={
                        let group = group.clone();
                        move || {
                            grouped
                                .with(|g| {
                                    g.iter()
                                        .find(|(name, _)| *name == group)
                                        .map(|(_, rows)| rows.clone())
                                })
                                .unwrap_or_default()
                        }
                    }
                    key=|row| row.clone()
                    let:row
                >
                    <AttendanceRow meeting=meeting entry=entries.of(&row.id) row=row />
                </For>
            </ul>
        </For>
    }
}

/// One of the tally's numbers with its label, dimmed at zero if `quiet_at_zero`.
#[component]
fn TallyNumber(
    label: &'static str,
    count: Signal<usize>,
    #[prop(optional)] quiet_at_zero: bool,
) -> impl IntoView {
    view! {
        <span class:muted=move || quiet_at_zero && count.get() == 0>
            <b>{move || count.get()}</b>
            {label}
        </span>
    }
}

/// The line under the numbers, and whether it says the meeting counts
/// (`None`: neutral, nobody is marked yet).
fn quorum_line(t: &Tally, q: Option<&Quorum>) -> Option<(String, Option<bool>)> {
    let nobody = t.nobody_marked();
    match q {
        None if nobody => Some((format!("尚未签到 · 应到 {} 人", t.due), None)),
        None => None,
        // Neutral until someone is marked: an empty meeting is not "无效" yet.
        Some(q) if nobody => Some((
            format!("尚未签到 · 应到会{} {} 人", q.rule.counted_label(), q.due),
            None,
        )),
        Some(q) => Some((q.sentence(), Some(q.valid))),
    }
}

/// A member due at the meeting, as the list shows them: rebuilt on every
/// change of the document, so it holds only what the row needs.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct DueRow {
    id: String,
    name: String,
    badge: Option<&'static str>,
}

impl DueRow {
    fn of(due: Due) -> DueRow {
        DueRow {
            id: due.member.id.clone(),
            name: due.member.name.clone(),
            badge: standing_badge(&due),
        }
    }
}

/// Each row's entry as a signal of its own: a tap sets the one row it
/// changed, and the other rows are not even looked at. (When every row
/// read the document, each tap re-checked the whole list: on a slow phone
/// most of the tap's time.)
#[derive(Clone, Copy)]
struct RowEntries {
    attendance: Memo<Vec<Attendance>>,
    rows: StoredValue<BTreeMap<String, ArcRwSignal<Option<Attendance>>>>,
}

impl RowEntries {
    fn new(meeting: MeetingHandle) -> Self {
        let attendance = meeting.part(|m| m.attendance.clone());
        let rows = StoredValue::new(BTreeMap::new());
        Effect::new(move |_| {
            attendance.with(|list| {
                rows.with_value(|rows: &BTreeMap<String, ArcRwSignal<Option<Attendance>>>| {
                    for (member_id, entry) in rows {
                        let now = list.iter().find(|a| &a.member_id == member_id);
                        if entry.with_untracked(|was| was.as_ref() != now) {
                            entry.set(now.cloned());
                        }
                    }
                })
            })
        });
        RowEntries { attendance, rows }
    }

    /// The entry of `member_id`, following the meeting.
    fn of(&self, member_id: &str) -> ArcRwSignal<Option<Attendance>> {
        let attendance = self.attendance;
        self.rows
            .try_update_value(|rows| {
                rows.entry(member_id.to_string())
                    .or_insert_with(|| {
                        ArcRwSignal::new(attendance.with_untracked(|list| {
                            list.iter().find(|a| a.member_id == member_id).cloned()
                        }))
                    })
                    .clone()
            })
            .unwrap_or_else(|| ArcRwSignal::new(None))
    }
}

/// "预备" for a 预备党员, "无表决权" for a 正式党员 under 留党察看.
fn standing_badge(due: &Due) -> Option<&'static str> {
    if due.standing == Standing::Probationary {
        Some("预备")
    } else if !due.votes {
        Some("无表决权")
    } else {
        None
    }
}

#[component]
fn AttendanceRow(
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
