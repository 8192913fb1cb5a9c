//! A choice among a few, one tap each.

use leptos::prelude::*;

/// A row of mutually exclusive choices (类别, 状态…), one tap each.
#[component]
pub fn Segmented<T>(
    /// The radio buttons' shared `name`.
    #[prop(into)]
    name: String,
    /// What is chosen; the group's accessible name.
    label: &'static str,
    /// Each choice with its text, in the order shown.
    options: Vec<(T, &'static str)>,
    /// The choice now.
    #[prop(into)]
    value: Signal<T>,
    /// Called with the choice tapped.
    #[prop(into)]
    on_change: Callback<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    view! {
        <fieldset class="segmented" aria-label=label>
            {options
                .into_iter()
                .map(|(option, text)| {
                    view! {
                        <label class:selected=move || value.get() == option>
                            <input
                                type="radio"
                                name=name.clone()
                                prop:checked=move || value.get() == option
                                on:change=move |_| on_change.run(option)
                            />
                            {text}
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
