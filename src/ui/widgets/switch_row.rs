//! A setting or a fact that is on or off.

use leptos::prelude::*;

/// A checkbox with its text, the whole row a tap target; an optional
/// note in grey says where the rule comes from.
#[component]
pub fn SwitchRow(
    /// The checkbox's `name`.
    name: &'static str,
    /// What being on means ("纸质签到表已留存"); it may follow the record.
    #[prop(into)]
    label: TextProp,
    /// A note after the text, in grey: the rule's source or its scope.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// Whether it is on now.
    #[prop(into)]
    checked: Signal<bool>,
    /// Called with the new state when it is tapped.
    #[prop(into)]
    on_change: Callback<bool>,
) -> impl IntoView {
    view! {
        <label class="switch-row">
            <input
                type="checkbox"
                name=name
                prop:checked=checked
                on:change=move |ev| on_change.run(event_target_checked(&ev))
            />
            <span>
                {move || label.get()}
                {hint.map(|hint| view! { <small class="muted">{hint}</small> })}
            </span>
        </label>
    }
}
