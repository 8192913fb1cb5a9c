//! How a step went, said where it happened.

use leptos::prelude::*;

use super::ErrorLine;

/// A line saying how the member's last step went: what was done, as a
/// status, or why it did not work, as the `ErrorLine` every screen uses;
/// nothing before the step.
#[component]
pub fn ResultLine<S, T, E>(
    /// The outcome (a signal), `None` until there is one.
    result: S,
) -> impl IntoView
where
    S: Get<Value = Option<Result<T, E>>> + Copy + Send + Sync + 'static,
    T: IntoView + Clone + Send + Sync + 'static,
    E: IntoView + Clone + Send + Sync + 'static,
{
    view! {
        {move || {
            result
                .get()
                .and_then(Result::ok)
                .map(|done| {
                    view! {
                        <p class="ok" role="status">
                            {done}
                        </p>
                    }
                })
        }}
        <ErrorLine message=Signal::derive(move || result.get().and_then(Result::err)) />
    }
}
