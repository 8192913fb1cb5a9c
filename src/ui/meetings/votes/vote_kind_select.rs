//! 事项类别: what a 支部党员大会's vote decides (接收、转正、延长、取消, or a
//! 一般事项).

use leptos::prelude::*;

use crate::domain::meeting::VoteKind;
use crate::ui::widgets::SelectField;

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
                if let Some(k) = VoteKind::ALL.iter().find(|k| k.label() == v) {
                    on_change.run(*k);
                }
            }
        >
            {VoteKind::ALL
                .map(|k| {
                    view! {
                        <option value=k.label() selected=move || kind.get() == k>
                            {k.label()}
                        </option>
                    }
                })}
        </SelectField>
    }
}
