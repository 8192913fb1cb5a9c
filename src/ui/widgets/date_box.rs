//! A date box without a label of its own.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::ui::job::use_frozen;

/// A bare date field, for a row or a label that already says what the
/// date is (a step of a list, 补学日期 beside its chips): an empty or
/// unreadable date is `None`; on a phone that may not edit it, an empty
/// date reads "未填". A field with its own label is `DateInput`.
#[component]
pub fn DateBox(
    /// The field's `name`.
    #[prop(into)]
    name: String,
    /// The accessible name where no label wraps the box ("节点日期").
    #[prop(optional, into)]
    aria_label: Option<String>,
    /// The date now; `None` shows an empty box.
    #[prop(into)]
    value: Signal<Option<NaiveDate>>,
    /// Called with the date picked, or `None` when the box is cleared.
    #[prop(into)]
    on_change: Callback<Option<NaiveDate>>,
    /// The earliest date the picker offers.
    #[prop(optional_no_strip)]
    min: Option<NaiveDate>,
    /// The latest date the picker offers.
    #[prop(optional_no_strip)]
    max: Option<NaiveDate>,
) -> impl IntoView {
    let frozen = use_frozen();
    let unset = move || frozen() && value.with(Option::is_none);
    move || {
        if unset() {
            view! {
                <input
                    type="text"
                    name=name.clone()
                    aria-label=aria_label.clone()
                    value="未填"
                    readonly
                    disabled
                />
            }
            .into_any()
        } else {
            view! {
                <input
                    type="date"
                    name=name.clone()
                    aria-label=aria_label.clone()
                    min=min.map(|d| d.to_string())
                    max=max.map(|d| d.to_string())
                    prop:value=move || value.get().map(|d| d.to_string()).unwrap_or_default()
                    on:change=move |ev| on_change.run(event_target_value(&ev).parse().ok())
                />
            }
            .into_any()
        }
    }
}
