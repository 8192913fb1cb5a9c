//! What went wrong, said where it happened.

use leptos::prelude::*;

/// A line that says why the member's last step did not work, read out by
/// screen readers as it appears; nothing while there is no error.
#[component]
pub fn ErrorLine<S, T>(
    /// The message (a signal of a `&'static str` or a `String`), `None`
    /// when all is well.
    message: S,
) -> impl IntoView
where
    S: Get<Value = Option<T>> + Send + Sync + 'static,
    T: IntoView + 'static,
{
    move || {
        message.get().map(|message| {
            view! {
                <p class="error" role="alert">
                    {message}
                </p>
            }
        })
    }
}
