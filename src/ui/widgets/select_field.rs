//! A choice from a list, with its label.

use leptos::prelude::*;

/// A labelled `<select>`: the caller gives the options (each marks itself
/// `selected`) and reads the value chosen.
#[component]
pub fn SelectField(
    /// What is chosen ("类型", "所属年度").
    label: &'static str,
    /// The select's `name`.
    name: &'static str,
    /// Called with the `value` of the option picked.
    #[prop(into)]
    on_change: Callback<String>,
    /// A line of help under the field, in grey.
    #[prop(optional)]
    help: Option<&'static str>,
    /// The `<option>`s.
    children: Children,
) -> impl IntoView {
    view! {
        <label class="field">
            <span>{label}</span>
            <select name=name on:change=move |ev| on_change.run(event_target_value(&ev))>
                {children()}
            </select>
            {help.map(|help| view! { <small class="muted">{help}</small> })}
        </label>
    }
}
