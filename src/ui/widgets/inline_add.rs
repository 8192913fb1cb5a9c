//! A one-line field that adds an item to a list.

use leptos::prelude::*;

use super::TypedInput;

/// A one-line field with an 添加 button: `on_add` gets the trimmed text,
/// never an empty one, and the field is cleared for the next item.
#[component]
pub fn InlineAdd(
    /// The field's `name`.
    #[prop(into)]
    name: String,
    /// What to type; also the field's accessible name.
    placeholder: &'static str,
    /// The most characters the field takes.
    #[prop(default = 200)]
    maxlength: usize,
    /// Called with the trimmed text when 添加 is tapped with something typed.
    #[prop(into)]
    on_add: Callback<String>,
) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = text.get_untracked().trim().to_string();
        if !value.is_empty() {
            on_add.run(value);
            text.set(String::new());
        }
    };
    view! {
        <form class="inline-add" on:submit=submit>
            <TypedInput
                name=name
                value=text
                placeholder=placeholder
                maxlength=maxlength
                aria_label=placeholder
            />
            <button class="button" type="submit">
                "添加"
            </button>
        </form>
    }
}
