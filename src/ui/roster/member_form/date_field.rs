//! A date that may be left empty, with a line of help under it.

use chrono::NaiveDate;
use leptos::prelude::*;

/// A date that may be left empty, with a line of help under it.
#[component]
pub fn DateField(
    label: &'static str,
    name: &'static str,
    value: RwSignal<Option<NaiveDate>>,
    children: Children,
) -> impl IntoView {
    view! {
        <label class="field">
            <span>{label}</span>
            <input
                type="date"
                name=name
                prop:value=move || value.get().map(|d| d.to_string()).unwrap_or_default()
                on:change=move |ev| value.set(event_target_value(&ev).parse().ok())
            />
            <small class="muted">{children()}</small>
        </label>
    }
}
