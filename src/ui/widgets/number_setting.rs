//! A whole-number setting with its label and hint.

use leptos::prelude::*;

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
    view! {
        <label class="field">
            <span>{label}</span>
            <input
                type="number"
                name=name
                min=range.0.to_string()
                max=range.1.to_string()
                inputmode="numeric"
                prop:value=move || value.get().to_string()
                on:change=move |ev| {
                    if let Ok(n) = event_target_value(&ev).trim().parse::<u32>() {
                        on_change.run(n.clamp(range.0, range.1));
                    }
                }
            />
            {hint.map(|hint| view! { <small class="muted">{hint}</small> })}
        </label>
    }
}
