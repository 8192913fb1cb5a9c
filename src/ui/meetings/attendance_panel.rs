//! 签到: one tap per member, live 应到 / 实到 / 缺席 and the quorum, reasons
//! for those away, and their 补学 afterwards.

use leptos::prelude::*;

use crate::browser::clock;
use crate::domain::meeting::{Attendance, MeetingState, Presence};
use crate::domain::pinyin::name_matches;
use crate::domain::rules::attendance::{
    attendance_of, due, makeup_status, tally, Due, MakeUpStatus,
};
use crate::domain::rules::quorum::quorum;
use crate::domain::rules::recording::{
    complete_makeup, mark_rest_present, set_presence, set_reason, tapped, undo_makeup,
};
use crate::domain::{Member, Standing};
use crate::ui::handles::MeetingHandle;

#[component]
pub fn AttendancePanel(meeting: MeetingHandle) -> impl IntoView {
    let state = meeting.state;
    // Who is due, with what they were that day: a held meeting's roll is
    // frozen, so a later 转正 does not change this list.
    let due = Memo::new(move |_| {
        state.doc.with(|d| {
            meeting
                .with(|m| {
                    due(m, &d.members)
                        .into_iter()
                        .map(|due| (due.member.clone(), standing_badge(due)))
                        .collect::<Vec<(Member, Option<&'static str>)>>()
                })
                .unwrap_or_default()
        })
    });
    // By 党小组 (headers only when the meeting has several), narrowed by a
    // name typed in the search field.
    let filter = RwSignal::new(String::new());
    let grouped = Memo::new(move |_| {
        let wanted = filter.get().trim().to_string();
        let rows: Vec<DueRow> = due
            .get()
            .into_iter()
            .filter(|(m, _)| name_matches(&m.name, &wanted))
            .collect();
        state.doc.with(|d| {
            let mut out: Vec<(String, Vec<DueRow>)> = d
                .branch
                .groups
                .iter()
                .map(|g| {
                    let of: Vec<_> = rows
                        .iter()
                        .filter(|(m, _)| m.group_id.as_deref() == Some(g.id.as_str()))
                        .cloned()
                        .collect();
                    (g.name.clone(), of)
                })
                .collect();
            let known = |m: &Member| {
                m.group_id
                    .as_deref()
                    .is_some_and(|g| d.branch.groups.iter().any(|x| x.id == g))
            };
            out.push((
                "未分党小组".to_string(),
                rows.iter().filter(|(m, _)| !known(m)).cloned().collect(),
            ));
            out.retain(|(_, of)| !of.is_empty());
            if out.len() == 1 {
                out[0].0 = String::new();
            }
            out
        })
    });
    let summary = Memo::new(move |_| {
        state.doc.with(|d| {
            meeting.with(|m| {
                let t = tally(m, &d.members);
                let q = quorum(m, &d.members);
                (t, q)
            })
        })
    });
    // Most members come: one tap marks everyone not yet marked as present,
    // then the exceptions are tapped. Undo takes back the marks that tap
    // added and nobody has changed since.
    let before_bulk: RwSignal<Option<Vec<String>>> = RwSignal::new(None);
    let rest_present = move |_| {
        let ids: Vec<String> = due.get_untracked().into_iter().map(|(m, _)| m.id).collect();
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
    let nobody_marked = Memo::new(move |_| {
        summary.with(|s| {
            s.as_ref()
                .is_some_and(|(t, _)| t.present + t.leave + t.absent == 0)
        })
    });
    view! {
        <section class="tally card" aria-live="polite">
            {move || {
                summary
                    .get()
                    .map(|(t, q)| {
                        view! {
                            <div class="tally-numbers">
                                <span>
                                    <b>{t.due}</b>
                                    "应到"
                                </span>
                                <span>
                                    <b>{t.present}</b>
                                    "实到"
                                </span>
                                <span>
                                    <b>{t.leave}</b>
                                    "请假"
                                </span>
                                <span>
                                    <b>{t.absent}</b>
                                    "缺席"
                                </span>
                                <span class:muted=t.unmarked == 0>
                                    <b>{t.unmarked}</b>
                                    "未登记"
                                </span>
                            </div>
                            {(t.present + t.leave + t.absent == 0 && q.is_none())
                                .then(|| {
                                    view! {
                                        <p class="quorum">
                                            {format!("尚未签到 · 应到 {} 人", t.due)}
                                        </p>
                                    }
                                })}
                            {q
                                .map(|q| {
                                    if t.present + t.leave + t.absent == 0 {
                                        // Neutral until someone is marked: an
                                        // empty meeting is not "无效" yet.
                                        view! {
                                            <p class="quorum">
                                                {format!(
                                                    "尚未签到 · 应到会{} {} 人",
                                                    q.rule.counted_label(),
                                                    q.due,
                                                )}
                                            </p>
                                        }
                                            .into_any()
                                    } else {
                                        view! {
                                            <p class="quorum" class:ok=q.valid class:error=!q.valid>
                                                {q.sentence()}
                                            </p>
                                        }
                                            .into_any()
                                    }
                                })}
                        }
                    })
            }}
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
            <Show when=move || nobody_marked.get()>
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
        <For each=move || grouped.get() key=|(group, rows)| (group.clone(), rows.len()) let:group>
            <ul class="attendance-list card">
                {(!group.0.is_empty())
                    .then(|| view! { <li class="list-heading">{group.0.clone()}</li> })}
                <For each=move || group.1.clone() key=|(m, badge)| (m.id.clone(), *badge) let:due>
                    <AttendanceRow meeting=meeting member=due.0 badge=due.1 />
                </For>
            </ul>
        </For>
    }
}

/// A member due at the meeting, with their badge.
type DueRow = (Member, Option<&'static str>);

/// "预备" for a 预备党员, "无表决权" for a 正式党员 under 留党察看.
fn standing_badge(due: Due) -> Option<&'static str> {
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
    member: Member,
    badge: Option<&'static str>,
) -> impl IntoView {
    let member_id = member.id.clone();
    let entry = meeting.part(move |m| attendance_of(m, &member_id).cloned());
    let status = move || entry.with(|e| e.as_ref().map(|a| a.status));
    let buttons = Presence::ALL.map(|p| {
        let member_id = member.id.clone();
        let choose = move |_| {
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
                    {member.name.clone()} {badge.map(|b| view! { <span class="badge">{b}</span> })}
                </span>
                <div
                    class="presence-group"
                    role="group"
                    aria-label=format!("{} 的出席情况", member.name)
                >
                    {buttons}
                </div>
            </div>
            {move || {
                entry
                    .get()
                    .filter(|a| a.status != Presence::Present)
                    .map(|a| view! { <AwayDetails meeting=meeting entry=a /> })
            }}
        </li>
    }
}

/// The reason a member was away, and their 补学.
#[component]
fn AwayDetails(meeting: MeetingHandle, entry: Attendance) -> impl IntoView {
    let member_id = entry.member_id.clone();
    // Only the reasons that fit the choice: 请假 is 因公/因病/因事.
    let reasons = entry.status.reasons().iter().copied().map(|r| {
        let member_id = member_id.clone();
        let next = tapped(entry.reason, r);
        let on = entry.reason == Some(r);
        view! {
            <button
                class="chip-toggle small"
                class:on=on
                on:click=move |_| {
                    let member_id = member_id.clone();
                    meeting.edit(move |m| set_reason(m, &member_id, next));
                }
            >
                {r.label()}
            </button>
        }
    });
    // 补学 is for a meeting that was held.
    let reasons = reasons.collect::<Vec<_>>();
    let held_entry = entry.clone();
    let owes = Memo::new(move |_| {
        meeting
            .with(|m| {
                if m.state == MeetingState::Held {
                    makeup_status(m, &held_entry)
                } else {
                    MakeUpStatus::NotNeeded
                }
            })
            .unwrap_or(MakeUpStatus::NotNeeded)
    });
    let makeup = move || match owes.get() {
        MakeUpStatus::Done(on) => {
            let member_id = member_id.clone();
            view! {
                <span class="ok small">{format!("已补学（{on}）")}</span>
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
            let member_id = member_id.clone();
            view! {
                <span class="badge accent">"待补学"</span>
                <button
                    class="link-button small"
                    on:click=move |_| {
                        let member_id = member_id.clone();
                        let today = clock::today();
                        meeting.edit(move |m| complete_makeup(m, &member_id, today, ""));
                    }
                >
                    "今天已补学"
                </button>
            }
            .into_any()
        }
    };
    view! {
        <div class="away-details">
            <div class="chips-row">{reasons}</div>
            <div class="makeup-row">{makeup}</div>
        </div>
    }
}
