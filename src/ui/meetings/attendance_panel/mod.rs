//! 签到: one tap per member, live 应到 / 实到 / 缺席 and the quorum, reasons
//! for those away, and their 补学 afterwards.

mod attendance_row;
mod tally_card;

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::domain::meeting::{Attendance, Meeting};
use crate::domain::pinyin::name_matches;
use crate::domain::rules::attendance::{due_by_group, Due};
use crate::domain::Standing;
use crate::ui::handles::MeetingHandle;
use attendance_row::AttendanceRow;
use tally_card::TallyCard;

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
    view! {
        <TallyCard meeting=meeting roster=roster due=due />
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

/// A member due at the meeting, as the list shows them: rebuilt on every
/// change of the document, so it holds only what the row needs.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DueRow {
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
