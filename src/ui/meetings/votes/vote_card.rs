//! One motion: what was put to the vote, its kind and the member it is
//! about, the counts in the room and in writing, the result by the rule of
//! the body that voted, and the 发展党员 path it was put from.

use std::rc::Rc;

use leptos::prelude::*;

use super::counter::Counter;
use super::path_decision::PathDecision;
use super::vote_kind_select::VoteKindSelect;
use super::vote_member::VoteMember;
use super::vote_outcome::{Outcome, VoteOutcome};
use crate::browser::dialog::confirm;
use crate::domain::meeting::{Counts, Vote, VoteKind};
use crate::domain::rules::recording::{edit_item, remove_item};
use crate::domain::rules::vote::{evaluate_vote, Body, ResultLines, VoteResult};
use crate::ui::draft_text::DraftTextArea;
use crate::ui::handles::MeetingHandle;

/// What the card shows of one vote, worked out against the meeting.
#[derive(Clone, Debug, PartialEq)]
struct VoteView {
    vote: Vote,
    body: Option<Body>,
    lines: ResultLines,
    result: Option<VoteResult>,
    present_voters: usize,
}

/// The vote `vote_id` of the meeting, worked out against it; `None` once
/// it is deleted.
fn vote_view(meeting: MeetingHandle, vote_id: String) -> Memo<Option<VoteView>> {
    let state = meeting.state;
    Memo::new(move |_| {
        state.doc.with(|d| {
            meeting
                .with(|m| {
                    let vote = m.votes.iter().find(|v| v.id == vote_id)?.clone();
                    let outcome = evaluate_vote(m, &vote, &d.members);
                    Some(VoteView {
                        lines: outcome
                            .as_ref()
                            .map(|o| o.result_lines(&vote))
                            .unwrap_or_default(),
                        result: outcome.as_ref().map(|o| o.result),
                        present_voters: outcome.as_ref().map_or(0, |o| o.present_voters),
                        body: outcome.as_ref().map(|o| o.body),
                        vote,
                    })
                })
                .flatten()
        })
    })
}

#[component]
pub fn VoteCard(meeting: MeetingHandle, vote_id: String) -> impl IntoView {
    let state = meeting.state;
    let seen = vote_view(meeting, vote_id.clone());
    let edit = {
        let vote_id = vote_id.clone();
        move |change: Rc<dyn Fn(&mut Vote)>| {
            let id = vote_id.clone();
            meeting.edit(move |m| edit_item(&mut m.votes, &id, |v| change(v)));
        }
    };
    let count = move |get: fn(&Vote) -> u32| {
        Signal::derive(move || seen.with(|s| s.as_ref().map(|s| get(&s.vote)).unwrap_or_default()))
    };
    let setter = {
        let edit = edit.clone();
        move |set: fn(&mut Vote, u32)| {
            let edit = edit.clone();
            Callback::new(move |n: u32| edit(Rc::new(move |v| set(v, n))))
        }
    };
    let motion = Signal::derive(move || {
        seen.with(|s| {
            s.as_ref()
                .map(|s| s.vote.motion.clone())
                .unwrap_or_default()
        })
    });
    let kind =
        Signal::derive(move || seen.with(|s| s.as_ref().map(|s| s.vote.kind).unwrap_or_default()));
    let passed = Signal::derive(move || {
        seen.with(|s| s.as_ref().and_then(|s| s.result)) == Some(VoteResult::Passed)
    });
    let assembly = move || seen.with(|s| s.as_ref().and_then(|s| s.body)) == Some(Body::Assembly);
    let written_counts = move || assembly() && kind.get().takes_written_opinions();
    let motion_edit = edit.clone();
    let kind_edit = edit.clone();
    let unanimous_edit = edit.clone();
    let member_edit = edit.clone();
    let unanimous = move |_| {
        let n = seen.with_untracked(|s| s.as_ref().map_or(0, |s| s.present_voters));
        let n = u32::try_from(n).unwrap_or(u32::MAX);
        unanimous_edit(Rc::new(move |v| {
            v.in_favour = n;
            v.against = 0;
            v.abstain = 0;
        }));
    };
    let on_kind = Callback::new(move |k: VoteKind| kind_edit(Rc::new(move |vote| vote.kind = k)));
    let on_member = Callback::new(move |id: Option<String>| {
        member_edit(Rc::new(move |v| v.member_id = id.clone()))
    });
    let member_id =
        Signal::derive(move || seen.with(|s| s.as_ref().and_then(|s| s.vote.member_id.clone())));
    // A vote put from a path kept here: its 转正 reaches the roster through
    // the path, once the 上级党委 approved it.
    let from_path = Signal::derive(move || {
        let path = seen.with(|s| s.as_ref().and_then(|s| s.vote.applicant_id.clone()));
        path.is_some_and(|id| state.doc.with(|d| d.applicant(&id).is_some()))
    });
    view! {
        <section class="card form vote">
            // A motion often runs over a line: it wraps where it can be read.
            <DraftTextArea
                label="表决事项"
                rows=2
                maxlength=crate::domain::limits::SHORT
                name="motion"
                placeholder="如：关于某某同志由预备党员转为正式党员的决议"
                value=motion
                on_save={move |t: String| {
                    let t = t.trim().to_string();
                    motion_edit(Rc::new(move |v| v.motion = t.clone()));
                }}
            />
            // 接收、转正、延长、取消 are the 党员大会's to decide.
            <Show when=assembly>
                <VoteKindSelect kind=kind on_change=on_kind />
                <Show when=move || kind.get().is_about_a_member()>
                    <VoteMember
                        kind=kind
                        member_id=member_id
                        passed=passed
                        from_path=from_path
                        meeting=meeting
                        on_change=on_member
                    />
                </Show>
            </Show>
            <h4 class="sub-title">"会场表决"</h4>
            <Counter
                label="赞成"
                name="in-favour"
                value=count(|v| v.in_favour)
                on_set=setter(|v, n| v.in_favour = n)
            />
            <Counter
                label="反对"
                name="against"
                value=count(|v| v.against)
                on_set=setter(|v, n| v.against = n)
            />
            <Counter
                label="弃权"
                name="abstain"
                value=count(|v| v.abstain)
                on_set=setter(|v, n| v.abstain = n)
            />
            <button class="button small" type="button" on:click=unanimous>
                "出席的全部赞成"
            </button>
            <Show when=written_counts>
                <h4 class="sub-title">
                    "书面意见（因故不能到会的有表决权正式党员会前提交）"
                </h4>
                <Counter
                    label="赞成"
                    name="written-in-favour"
                    value=count(|v| v.written.unwrap_or_default().in_favour)
                    on_set=setter(|v, n| {
                        v.written.get_or_insert_with(Counts::default).in_favour = n;
                    })
                />
                <Counter
                    label="反对"
                    name="written-against"
                    value=count(|v| v.written.unwrap_or_default().against)
                    on_set=setter(|v, n| v.written.get_or_insert_with(Counts::default).against = n)
                />
                <Counter
                    label="弃权"
                    name="written-abstain"
                    value=count(|v| v.written.unwrap_or_default().abstain)
                    on_set=setter(|v, n| v.written.get_or_insert_with(Counts::default).abstain = n)
                />
            </Show>
            <VoteOutcome outcome=Signal::derive(move || {
                seen.get()
                    .and_then(|s| {
                        s.result
                            .and(s.body)
                            .map(|body| Outcome {
                                lines: s.lines,
                                body,
                                kind: s.vote.kind,
                            })
                    })
            }) />
            <PathDecision meeting=meeting vote_id=vote_id.clone() passed=passed />
            <button
                class="link-button small"
                type="button"
                on:click=move |_| {
                    if confirm("删除这项表决及其票数？") {
                        let id = vote_id.clone();
                        meeting.edit(move |m| remove_item(&mut m.votes, &id));
                    }
                }
            >
                "删除这项表决"
            </button>
        </section>
    }
}
