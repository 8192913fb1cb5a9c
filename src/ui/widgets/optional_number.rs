//! A whole number that may be left empty (应选人数, 发出选票, 集中培训天数…).

use leptos::prelude::*;

use super::change_field::{ChangeField, ChangeFieldProps};

/// A labelled number field, empty while the number is not known; saved as
/// it is changed.
#[component]
pub fn OptionalNumber(
    /// What the number is ("发出", "学时").
    label: &'static str,
    /// The field's `name`.
    name: &'static str,
    /// The number now, `None` when not known.
    #[prop(into)]
    value: Signal<Option<u32>>,
    /// Called with the number typed; `None` when the field is emptied or
    /// holds no number.
    #[prop(into)]
    on_set: Callback<Option<u32>>,
    /// The smallest and the largest number the browser offers; none: from 0.
    #[prop(optional)]
    range: Option<(u32, u32)>,
    /// A line under the field, in grey: what is common, or the rule it follows.
    #[prop(optional)]
    hint: Option<String>,
) -> impl IntoView {
    ChangeField(ChangeFieldProps {
        label,
        name: name.to_string(),
        kind: "number",
        value: Signal::derive(move || value.get().map(|n| n.to_string()).unwrap_or_default()),
        on_change: Callback::new(move |typed: String| on_set.run(typed.parse::<u32>().ok())),
        placeholder: None,
        maxlength: None,
        range,
        step: None,
        children: hint.map(|hint| -> Children {
            Box::new(move || view! { <small class="muted">{hint}</small> }.into_any())
        }),
    })
}
