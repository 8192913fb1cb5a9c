//! The result of a motion or a ballot as the chair reads it out: the
//! result, green only for a clean success, then each thing to check.

use leptos::prelude::*;

use crate::domain::rules::vote::ResultLines;

#[component]
pub fn AnnouncedResult(
    /// The lines to show, worked out by the domain
    /// (`VoteOutcome::result_lines`, `ElectionOutcome::result_lines`).
    lines: ResultLines,
) -> impl IntoView {
    view! {
        <p class="vote-result" class:ok=lines.clean>
            {lines.result}
        </p>
        {lines
            .warnings
            .into_iter()
            .map(|w| {
                view! {
                    <p class="warning small" role="note">
                        {w}
                    </p>
                }
            })
            .collect_view()}
    }
}
