//! A choice of one of a kind's values (职务, 减少原因, 事项类别, 党费类别),
//! each named in a select by its label.

use leptos::prelude::*;

/// One `<option>` for each of `all`, valued and shown as its label; the
/// one `chosen` holds is selected.
pub fn label_options<T>(all: &[T], label: fn(T) -> &'static str, chosen: Signal<T>) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    all.iter()
        .map(|&item| {
            view! {
                <option value=label(item) selected=move || chosen.get() == item>
                    {label(item)}
                </option>
            }
        })
        .collect_view()
}

/// The one of `all` whose label is `text` (an option's value).
pub fn by_label<T: Copy>(all: &[T], label: fn(T) -> &'static str, text: &str) -> Option<T> {
    all.iter().copied().find(|&item| label(item) == text)
}
