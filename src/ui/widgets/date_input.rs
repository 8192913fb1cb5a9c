//! A date field that may be left empty.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::ui::job::use_frozen;

/// A labelled date field: an empty or unreadable date is `None`, so a
/// member can clear a date as well as set it. Inside a `ReadOnly` on a
/// phone that may not edit it, an empty date reads "未填" rather than the
/// browser's empty "年/月/日".
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
    let frozen = use_frozen();
    let unset = move || frozen() && value.with(Option::is_none);
    view! {
        <label class="field">
            <span>{label}</span>
            {move || {
                if unset() {
                    view! { <input type="text" name=name value="未填" readonly disabled /> }
                        .into_any()
                } else {
                    view! {
                        <input
                            type="date"
                            name=name
                            prop:value=move || {
                                value.get().map(|d| d.to_string()).unwrap_or_default()
                            }
                            on:change=move |ev| on_change.run(event_target_value(&ev).parse().ok())
                        />
                    }
                        .into_any()
                }
            }}
            {children.map(|help| view! { <small class="muted">{help()}</small> })}
        </label>
    }
}

/// A `DateInput` whose date is kept in a form's signal until the form's own
/// button takes it.
#[component]
pub fn FormDate(
    /// What the date is ("入党日期").
    label: &'static str,
    /// The field's `name`.
    name: &'static str,
    /// The date picked so far; `None` while the field is empty.
    value: RwSignal<Option<NaiveDate>>,
    /// A line of help under the field, in grey.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    DateInput(DateInputProps {
        label: label.to_string().into(),
        name,
        value: value.into(),
        on_change: Callback::new(move |d| value.set(d)),
        children,
    })
}
