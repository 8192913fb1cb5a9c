//! A number that may be left empty (应选人数, 发出选票…).

use leptos::prelude::*;

#[component]
pub fn OptionalNumber(
    label: &'static str,
    name: &'static str,
    #[prop(into)] value: Signal<Option<u32>>,
    #[prop(into)] on_set: Callback<Option<u32>>,
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
