//! The 签到's tally: 应到 / 实到 / 请假 / 缺席 / 未登记, the quorum line, and
//! 全部出席 for the members not yet marked (with its undo).

use leptos::prelude::*;

use super::DueRow;
use crate::domain::meeting::Presence;
use crate::domain::rules::attendance::{attendance_of, tally, Tally};
use crate::domain::rules::quorum::{quorum, Quorum};
use crate::domain::rules::recording::mark_rest_present;
use crate::domain::Member;
use crate::ui::handles::MeetingHandle;

#[component]
pub fn TallyCard(
    meeting: MeetingHandle,
    roster: Memo<Vec<Member>>,
    due: Memo<Vec<DueRow>>,
) -> impl IntoView {
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
