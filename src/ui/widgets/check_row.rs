//! A row of a checklist.

use leptos::prelude::*;

/// One row of a checklist: a box to tick, its text, and, where the list is
/// the member's to change, a button that removes it.
#[component]
pub fn CheckRow(
    /// The item's text.
    #[prop(into)]
    text: String,
    /// Whether the item is ticked.
    checked: bool,
    /// Whether the box can no longer be changed (a finished form).
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// Called with the box's new state when it is ticked or unticked.
    #[prop(into)]
    on_toggle: Callback<bool>,
    /// The remove button: its accessible name ("删除此项") and what × does.
    /// Without it, the row has no button.
    #[prop(optional)]
    remove: Option<(&'static str, Callback<()>)>,
) -> impl IntoView {
    view! {
        <li class="check-row">
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=checked
                    disabled=disabled
                    on:change=move |ev| on_toggle.run(event_target_checked(&ev))
                />
                <span>{text}</span>
            </label>
            {remove
                .map(|(label, on_remove)| {
                    view! {
                        <button
                            class="icon-button"
                            aria-label=label
                            on:click=move |_| on_remove.run(())
                        >
                            "×"
                        </button>
                    }
                })}
        </li>
    }
}
