//! Text typed into a form that is saved by its own button.

use leptos::either::Either;
use leptos::prelude::*;

use super::typed_input::{TypedInput, TypedInputProps, TypedText, TypedTextProps};

/// A labelled `<input>`, or a `<textarea>` given `rows`, whose text is kept
/// in `value` as it is typed, for a form that takes it on 保存 or 添加 (a
/// field saved as it is typed is a `DraftInput` or `DraftTextArea`).
#[component]
pub fn TextField(
    /// What is typed ("姓名", "地点").
    label: &'static str,
    /// The input's `name`.
    name: &'static str,
    /// The text typed so far.
    value: RwSignal<String>,
    /// Lines of a `<textarea>`; none for a one-line input.
    #[prop(optional)]
    rows: Option<u32>,
    /// The input's `type`: `text`, `password`, or `number` for a count.
    #[prop(default = "text")]
    kind: &'static str,
    /// An example in grey while the field is empty.
    #[prop(optional)]
    placeholder: Option<&'static str>,
    /// How many characters it takes at the most.
    #[prop(optional)]
    maxlength: Option<usize>,
    /// The browser's `autocomplete` ("off", "new-password").
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// What stands under the field: a hint, or why the last try failed.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    view! {
        <label class="field">
            <span>{label}</span>
            {match rows {
                None => {
                    Either::Left(
                        TypedInput(TypedInputProps {
                            name: name.to_string(),
                            value,
                            kind,
                            placeholder,
                            maxlength,
                            list: None,
                            aria_label: None,
                            autocomplete,
                        }),
                    )
                }
                Some(rows) => {
                    Either::Right(
                        TypedText(TypedTextProps {
                            name,
                            value,
                            rows,
                            placeholder,
                            maxlength,
                            aria_label: None,
                        }),
                    )
                }
            }}
            {children.map(|children| children())}
        </label>
    }
}
