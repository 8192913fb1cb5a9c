//! The candidates of a ballot, picked from the roster among those who may
//! stand (被选举权: 正式党员, not under 留党察看, not 中止; at a 支委会, its
//! 委员), with the 差额 the ballot has.

use leptos::prelude::*;

use super::add_member_select::AddMemberSelect;
use super::ballot::Ballot;
use super::candidate_row::CandidateRow;
use crate::browser::clock;
use crate::domain::meeting::Candidate;
use crate::domain::rules::election::{eligible_candidates, margin_sentence};
use crate::domain::rules::recording::add_item;

#[component]
pub fn CandidateList(ballot: Ballot) -> impl IntoView {
    let state = ballot.meeting.state;
    let ids = ballot.part(|e| {
        e.candidates
            .iter()
            .map(|c| c.id.clone())
            .collect::<Vec<_>>()
    });
    let chosen = ballot.part(|e| {
        e.candidates
            .iter()
            .filter_map(|c| c.member_id.clone())
            .collect::<Vec<_>>()
    });
    let margin = ballot.part(margin_sentence);
    let offered = move || {
        let chosen = chosen.get();
        state.doc.with(|d| {
            ballot
                .meeting
                .with(|m| {
                    eligible_candidates(&d.branch, m, &d.members)
                        .into_iter()
                        .filter(|x| !chosen.contains(&x.id))
                        .map(|x| (x.id.clone(), x.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let add = move |member_id: String| {
        let Some(name) = state
            .doc
            .with_untracked(|d| d.member(&member_id).map(|m| m.name.clone()))
        else {
            return;
        };
        let candidate = Candidate {
            id: clock::new_id("cd"),
            member_id: Some(member_id),
            name,
            votes: 0,
        };
        ballot.edit(move |e| add_item(&mut e.candidates, candidate.clone()));
    };
    view! {
        <h4 class="sub-title">"候选人及得票"</h4>
        <For each=move || ids.get() key=|id| id.clone() let:id>
            <CandidateRow ballot=ballot id=id />
        </For>
        <label class="field">
            <AddMemberSelect
                name="new-candidate"
                aria_label="添加候选人"
                prompt="＋ 从名册添加候选人"
                chosen=chosen
                offered=Signal::derive(offered)
                on_pick=add
            />
        </label>
        {move || margin.get().map(|m| view! { <p class="muted small">{m}</p> })}
    }
}
