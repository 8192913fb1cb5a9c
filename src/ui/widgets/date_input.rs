//! A date field that may be left empty.

use chrono::NaiveDate;
use leptos::prelude::*;

/// A labelled date field: an empty or unreadable date is `None`, so a
/// member can clear a date as well as set it.
#[component]
pub fn DateInput(
    /// What the date is ("谈话日期"); it may follow the record.
    #[prop(into)]
    label: Signal<String>,
    /// The field's `name`.
    name: &'static str,
    /// The date now; `None` shows an empty field.
    #[prop(into)]
    value: Signal<Option<NaiveDate>>,
    /// Called with the date picked, or `None` when the field is cleared.
    #[prop(into)]
    on_change: Callback<Option<NaiveDate>>,
    /// A line of help under the field, in grey.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    view! {
        <label class="field">
            <span>{label}</span>
            <input
                type="date"
                name=name
                prop:value=move || value.get().map(|d| d.to_string()).unwrap_or_default()
                on:change=move |ev| on_change.run(event_target_value(&ev).parse().ok())
            />
            {children.map(|help| view! { <small class="muted">{help()}</small> })}
        </label>
    }
}
