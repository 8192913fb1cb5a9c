//! One candidate: name, result and votes.

use leptos::prelude::*;

use super::ballot::Ballot;
use super::counter::Counter;
use crate::domain::rules::election::Outcome;
use crate::domain::rules::recording::{edit_item, remove_item};

#[component]
pub fn CandidateRow(ballot: Ballot, id: String) -> impl IntoView {
    let outcome = ballot.outcome();
    let find = id.clone();
    let candidate = ballot.part(move |e| e.candidates.iter().find(|c| c.id == find).cloned());
    let name = move || candidate.with(|c| c.as_ref().map(|c| c.name.clone()).unwrap_or_default());
    let votes = Signal::derive(move || candidate.with(|c| c.as_ref().map_or(0, |c| c.votes)));
    let find = id.clone();
    let result = Memo::new(move |_| {
        outcome.with(|o| {
            o.as_ref().and_then(|o| {
                o.results
                    .iter()
                    .find(|r| r.candidate.id == find)
                    .map(|r| r.outcome)
            })
        })
    });
    let (set_id, remove_id) = (id.clone(), id);
    view! {
        <div class="candidate" data-testid="candidate">
            <p class="row-between">
                <span>{name}</span>
                <span
                    class="candidate-outcome"
                    class:ok=move || result.get() == Some(Outcome::Elected)
                    class:tied=move || result.get() == Some(Outcome::Tied)
                >
                    {move || result.get().map(Outcome::label).unwrap_or_default()}
                </span>
            </p>
            <Counter
                label="得票"
                name="candidate-votes"
                value=votes
                on_set=Callback::new(move |n: u32| {
                    let id = set_id.clone();
                    ballot.edit(move |e| edit_item(&mut e.candidates, &id, |c| c.votes = n));
                })
            />
            <button
                class="link-button small"
                type="button"
                on:click=move |_| {
                    let id = remove_id.clone();
                    ballot.edit(move |e| remove_item(&mut e.candidates, &id));
                }
            >
                "删除候选人"
            </button>
        </div>
    }
}
