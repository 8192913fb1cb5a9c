//! What the chair announces for a ballot, in order: 会议有效, 选举有效,
//! the votes needed, the result in the rules' words, what to check, where
//! the rules come from; then the next ballot if one is needed, and the
//! dates the result went up and came back.

use leptos::prelude::*;

use super::ballot::Ballot;
use super::report_dates::ReportDates;
use super::result_lines::AnnouncedResult;
use crate::browser::clock;
use crate::domain::rules::election::{next_ballot, ASSEMBLY_BASIS, COMMITTEE_BASIS, SOURCE_NOTE};
use crate::domain::rules::quorum::quorum;
use crate::domain::rules::recording::add_item;
use crate::domain::rules::vote::{Body, ResultLines};

/// The lines of a ballot's result, worked out together.
#[derive(Clone, Debug, Default, PartialEq)]
struct Announced {
    meeting: String,
    ballots: String,
    threshold: String,
    lines: ResultLines,
    basis: &'static str,
    next: Option<&'static str>,
    elected: bool,
}

#[component]
pub fn ElectionResult(ballot: Ballot) -> impl IntoView {
    let state = ballot.meeting.state;
    let outcome = ballot.outcome();
    let election = ballot.part(Clone::clone);
    let quorum_line = Memo::new(move |_| {
        state.doc.with(|d| {
            ballot
                .meeting
                .with(|m| quorum(m, &d.members).map(|q| q.sentence()))
                .flatten()
                .unwrap_or_default()
        })
    });
    let announced = Memo::new(move |_| {
        let e = election.get();
        outcome.with(|o| {
            let o = o.as_ref()?;
            Some(Announced {
                meeting: quorum_line.get(),
                ballots: o.ballot_sentence(&e),
                threshold: o.threshold_sentence(),
                lines: o.result_lines(&e),
                basis: match o.body {
                    Body::Assembly => ASSEMBLY_BASIS,
                    Body::Committee => COMMITTEE_BASIS,
                },
                next: if o.revote_seats > 0 {
                    Some("就票数相等的被选举人再次投票")
                } else if o.unfilled > 0 {
                    Some("对不足的名额另行选举")
                } else {
                    None
                },
                elected: !o.elected().is_empty(),
            })
        })
    });
    let add_next = move |_| {
        let id = clock::new_id("e");
        let next = outcome.with_untracked(|o| {
            let o = o.as_ref()?;
            election.with_untracked(|e| next_ballot(e, o, &id))
        });
        if let Some(next) = next {
            ballot
                .meeting
                .edit(move |m| add_item(&mut m.elections, next.clone()));
        }
    };
    view! {
        {move || {
            announced
                .get()
                .map(|a| {
                    view! {
                        <div class="election-result" role="status">
                            <p class="small">{a.meeting}</p>
                            {(!a.ballots.is_empty())
                                .then(|| view! { <p class="small">{a.ballots}</p> })}
                            <p class="muted small">{a.threshold}</p>
                            <AnnouncedResult lines=a.lines />
                            {a
                                .next
                                .map(|label| {
                                    view! {
                                        <button class="button" type="button" on:click=add_next>
                                            {format!("＋ {label}")}
                                        </button>
                                    }
                                })}
                            <details class="small">
                                <summary>"依据"</summary>
                                <p class="muted small">{a.basis}</p>
                                <p class="muted small">{SOURCE_NOTE}</p>
                            </details>
                        </div>
                        {a.elected.then(|| view! { <ReportDates ballot=ballot /> })}
                    }
                })
        }}
    }
}
