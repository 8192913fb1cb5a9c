//! A box that keeps what is typed, for a form taken on its own button.

use leptos::prelude::*;

/// A bare `<input>` whose text is kept in `value` as it is typed (with a
/// label around it, it is a `TextField`).
#[component]
pub fn TypedInput(
    /// The input's `name`.
    #[prop(into)]
    name: String,
    /// The text typed so far.
    value: RwSignal<String>,
    /// The input's `type`: `text`, `password`, or `number` for a count (no
    /// negatives, a number pad on a phone).
    #[prop(default = "text")]
    kind: &'static str,
    /// An example in grey while the box is empty.
    #[prop(optional)]
    placeholder: Option<&'static str>,
    /// How many characters it takes at the most.
    #[prop(optional)]
    maxlength: Option<usize>,
    /// The `id` of a `<datalist>` of usual answers.
    #[prop(optional)]
    list: Option<&'static str>,
    /// What a screen reader calls a box that has no label around it.
    #[prop(optional)]
    aria_label: Option<&'static str>,
    /// The browser's `autocomplete` ("off", "new-password").
    #[prop(optional)]
    autocomplete: Option<&'static str>,
) -> impl IntoView {
    let count = kind == "number";
    view! {
        <input
            type=kind
            name=name
            placeholder=placeholder
            maxlength=maxlength
            list=list
            aria-label=aria_label
            autocomplete=autocomplete
            inputmode=count.then_some("numeric")
            min=count.then_some("0")
            prop:value=value
            on:input=move |ev| value.set(event_target_value(&ev))
        />
    }
}

/// A bare `<textarea>` whose text is kept in `value` as it is typed.
#[component]
pub fn TypedText(
    /// The box's `name`.
    name: &'static str,
    /// The text typed so far.
    value: RwSignal<String>,
    /// The box's height in lines.
    rows: u32,
    /// An example in grey while the box is empty.
    #[prop(optional)]
    placeholder: Option<&'static str>,
    /// How many characters it takes at the most.
    #[prop(optional)]
    maxlength: Option<usize>,
    /// What a screen reader calls a box that has no label around it.
    #[prop(optional)]
    aria_label: Option<&'static str>,
) -> impl IntoView {
    view! {
        <textarea
            name=name
            rows=rows
            placeholder=placeholder
            maxlength=maxlength
            aria-label=aria_label
            prop:value=value
            on:input=move |ev| value.set(event_target_value(&ev))
        ></textarea>
    }
}
