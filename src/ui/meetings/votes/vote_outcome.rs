//! What a vote's counts come to: the result in a sentence, what to check,
//! and the rule it was judged by.

use leptos::prelude::*;

use super::result_lines::AnnouncedResult;
use crate::domain::meeting::VoteKind;
use crate::domain::rules::vote::{basis, Body, ResultLines};

/// A vote's result worked out against its meeting.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub lines: ResultLines,
    pub body: Body,
    pub kind: VoteKind,
}

/// The result, green only for a clean pass (counts to check are a
/// question, not a red error beside it), its warnings and its basis;
/// nothing while the vote cannot be judged.
#[component]
pub fn VoteOutcome(
    /// The outcome, `None` while there is none.
    outcome: Signal<Option<Outcome>>,
) -> impl IntoView {
    move || {
        outcome.get().map(|o| {
            view! {
                <AnnouncedResult lines=o.lines />
                <p class="muted small">{basis(o.body, o.kind)}</p>
            }
        })
    }
}
