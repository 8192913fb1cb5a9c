//! A whole-number setting with its label and hint.

use leptos::prelude::*;

use super::optional_number::{OptionalNumber, OptionalNumberProps};

/// A whole number the branch sets for itself (a local rule, a practice),
/// saved as it is changed and kept within its range.
#[component]
pub fn NumberSetting(
    /// What the number is, with its unit ("提醒备份间隔（天）").
    label: &'static str,
    /// The field's `name`.
    name: &'static str,
    /// The smallest and the largest number allowed; one typed outside is
    /// brought within.
    range: (u32, u32),
    /// The number now.
    #[prop(into)]
    value: Signal<u32>,
    /// Called with the number typed, already within `range`; text that is
    /// not a number changes nothing.
    #[prop(into)]
    on_change: Callback<u32>,
    /// A line under the field, in grey: what is common, or the rule it follows.
    #[prop(optional)]
    hint: Option<String>,
) -> impl IntoView {
    OptionalNumber(OptionalNumberProps {
        label,
        name,
        value: Signal::derive(move || Some(value.get())),
        on_set: Callback::new(move |typed: Option<u32>| {
            if let Some(n) = typed {
                on_change.run(n.clamp(range.0, range.1));
            }
        }),
        range: Some(range),
        hint,
    })
}
