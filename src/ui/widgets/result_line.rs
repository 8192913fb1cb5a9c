//! How a step went, said where it happened.

use leptos::either::Either;
use leptos::prelude::*;

/// A line saying how the member's last step went: what was done, as a
/// status, or why it did not work, read out as an alert; nothing before
/// the step.
#[component]
pub fn ResultLine<S, T, E>(
    /// The outcome (a signal), `None` until there is one.
    result: S,
) -> impl IntoView
where
    S: Get<Value = Option<Result<T, E>>> + Send + Sync + 'static,
    T: IntoView + 'static,
    E: IntoView + 'static,
{
    move || {
        result.get().map(|result| match result {
            Ok(done) => Either::Left(view! {
                <p class="ok" role="status">
                    {done}
                </p>
            }),
            Err(why) => Either::Right(view! {
                <p class="error" role="alert">
                    {why}
                </p>
            }),
        })
    }
}
