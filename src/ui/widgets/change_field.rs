//! A field saved when the member leaves it, not on every key.

use leptos::prelude::*;

/// A labelled `<input>` whose text is saved on the browser's `change`: when
/// the member leaves the field or presses Enter, or picks a time or steps a
/// number with the box's own controls. The text is handed on trimmed; what
/// it becomes (a name, a time, a number) is the caller's.
#[component]
pub fn ChangeField(
    /// What is typed ("经办人", "开始时间").
    label: &'static str,
    /// The input's `name`.
    #[prop(into)]
    name: String,
    /// The input's `type`: `text`, `time`, or `number` (a number pad on a
    /// phone, from 0 unless `range` says where it starts).
    #[prop(default = "text")]
    kind: &'static str,
    /// The text shown now.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the text, trimmed, when it was changed.
    #[prop(into)]
    on_change: Callback<String>,
    /// An example in grey while the field is empty.
    #[prop(optional)]
    placeholder: Option<&'static str>,
    /// How many characters it takes at the most.
    #[prop(optional)]
    maxlength: Option<usize>,
    /// The smallest and the largest number the browser offers.
    #[prop(optional)]
    range: Option<(u32, u32)>,
    /// The step between numbers, given only where it is not 1 ("0.5" for
    /// half hours): a field with a step gets a keypad with a decimal point.
    #[prop(optional)]
    step: Option<&'static str>,
    /// What stands under the field: a hint in grey.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let number = kind == "number";
    let keypad = match step {
        Some(_) => Some("decimal"),
        None => number.then_some("numeric"),
    };
    let (min, max) = match range {
        Some((min, max)) => (Some(min), Some(max)),
        None => (number.then_some(0), None),
    };
    view! {
        <label class="field">
            <span>{label}</span>
            <input
                type=kind
                name=name
                placeholder=placeholder
                maxlength=maxlength
                min=min
                max=max
                step=step
                inputmode=keypad
                prop:value=value
                on:change=move |ev| on_change.run(event_target_value(&ev).trim().to_string())
            />
            {children.map(|children| children())}
        </label>
    }
}
