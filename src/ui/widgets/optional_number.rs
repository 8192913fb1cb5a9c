//! A whole number that may be left empty (应选人数, 发出选票, 集中培训天数…).

use leptos::prelude::*;

/// A labelled number field, empty while the number is not known; saved as
/// it is changed.
#[component]
pub fn OptionalNumber(
    /// What the number is ("发出", "学时").
    label: &'static str,
    /// The field's `name`.
    name: &'static str,
    /// The number now, `None` when not known.
    #[prop(into)]
    value: Signal<Option<u32>>,
    /// Called with the number typed; `None` when the field is emptied or
    /// holds no number.
    #[prop(into)]
    on_set: Callback<Option<u32>>,
) -> impl IntoView {
    view! {
        <label class="field">
            <span>{label}</span>
            <input
                type="number"
                name=name
                min="0"
                inputmode="numeric"
                prop:value=move || value.get().map(|n| n.to_string()).unwrap_or_default()
                on:change=move |ev| on_set.run(event_target_value(&ev).trim().parse::<u32>().ok())
            />
        </label>
    }
}
