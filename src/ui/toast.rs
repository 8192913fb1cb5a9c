//! The short confirmation after an import, an export, a saved member or a
//! file made: above the tab bar for three seconds, read out by screen
//! readers, never in the way of a tap.

use std::time::Duration;

use leptos::prelude::*;

use super::state::use_app;

const SHOWN_FOR: Duration = Duration::from_secs(3);

#[component]
pub fn Toast() -> impl IntoView {
    let state = use_app();
    Effect::new(move |_| {
        if let Some((number, _)) = state.toast.get() {
            set_timeout(
                move || {
                    // Only this toast: a newer one keeps its own three seconds.
                    if state.toast.with_untracked(|t| t.as_ref().map(|(n, _)| *n)) == Some(number) {
                        state.toast.set(None);
                    }
                },
                SHOWN_FOR,
            );
        }
    });
    view! {
        <div class="toast-area" role="status" aria-live="polite">
            {move || { state.toast.get().map(|(_, text)| view! { <p class="toast">{text}</p> }) }}
        </div>
    }
}
