//! A row of a checklist.

use leptos::prelude::*;

/// One row of a checklist: a box to tick, its text, and a button that
/// removes it.
#[component]
pub fn CheckRow(
    /// The item's text.
    #[prop(into)]
    text: String,
    /// Whether the item is ticked.
    checked: bool,
    /// The remove button's accessible name ("删除此项").
    remove_label: &'static str,
    /// Called with the box's new state when it is ticked or unticked.
    #[prop(into)]
    on_toggle: Callback<bool>,
    /// Called when × is tapped.
    #[prop(into)]
    on_remove: Callback<()>,
) -> impl IntoView {
    view! {
        <li class="check-row">
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=checked
                    on:change=move |ev| on_toggle.run(event_target_checked(&ev))
                />
                <span>{text}</span>
            </label>
            <button class="icon-button" aria-label=remove_label on:click=move |_| on_remove.run(())>
                "×"
            </button>
        </li>
    }
}
