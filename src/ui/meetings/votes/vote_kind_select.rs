//! 事项类别: what a 支部党员大会's vote decides (接收、转正、延长、取消, or a
//! 一般事项).

use leptos::prelude::*;

use crate::domain::meeting::VoteKind;
use crate::ui::widgets::{by_label, label_options, SelectField};

/// The kind of a vote, chosen from the list.
#[component]
pub fn VoteKindSelect(
    /// The kind now.
    kind: Signal<VoteKind>,
    /// Called with the kind chosen.
    on_change: Callback<VoteKind>,
) -> impl IntoView {
    view! {
        <SelectField
            label="事项类别"
            name="vote-kind"
            on_change=move |v: String| {
                if let Some(k) = by_label(&VoteKind::ALL, VoteKind::label, &v) {
                    on_change.run(k);
                }
            }
        >
            {label_options(&VoteKind::ALL, VoteKind::label, kind)}
        </SelectField>
    }
}
