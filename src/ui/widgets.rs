//! Small pieces that many screens use.

use crate::ui::link::A;
use leptos::prelude::*;

use super::icons;

/// A page title with a way back to where the page was opened from; the
/// title may follow the record shown ("支部党员大会").
#[component]
pub fn PageHeader(
    #[prop(into)] title: Signal<String>,
    #[prop(into)] back: String,
) -> impl IntoView {
    view! {
        <header class="page-header">
            <A href=back attr:class="back" attr:aria-label="返回">
                "‹ 返回"
            </A>
            <h1 class="page-title">{title}</h1>
        </header>
    }
}

/// One row of a menu: a label, an optional detail, a chevron.
#[component]
pub fn MenuRow(
    href: &'static str,
    label: &'static str,
    #[prop(into)] detail: Signal<String>,
) -> impl IntoView {
    view! {
        <A href=href attr:class="menu-row">
            <span class="menu-label">{label}</span>
            <span class="menu-detail">{detail}</span>
            {icons::chevron()}
        </A>
    }
}

/// A one-line field with an 添加 button: `on_add` gets the trimmed text,
/// never an empty one, and the field is cleared for the next item.
#[component]
pub fn InlineAdd(
    #[prop(into)] name: String,
    placeholder: &'static str,
    #[prop(default = 200)] maxlength: u32,
    #[prop(into)] on_add: Callback<String>,
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
            <input
                type="text"
                name=name
                placeholder=placeholder
                maxlength=maxlength
                aria-label=placeholder
                prop:value=text
                on:input=move |ev| text.set(event_target_value(&ev))
            />
            <button class="button" type="submit">
                "添加"
            </button>
        </form>
    }
}

/// One row of a checklist: a box to tick, its text, and a button that
/// removes it.
#[component]
pub fn CheckRow(
    #[prop(into)] text: String,
    checked: bool,
    remove_label: &'static str,
    #[prop(into)] on_toggle: Callback<bool>,
    #[prop(into)] on_remove: Callback<()>,
) -> impl IntoView {
    view! {
        <li class="check-row">
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=checked
                    on:change=move |ev| on_toggle.run(event_target_checked(&ev))
                />
                <span>{text}</span>
            </label>
            <button class="icon-button" aria-label=remove_label on:click=move |_| on_remove.run(())>
                "×"
            </button>
        </li>
    }
}

/// A row of mutually exclusive choices (类别, 状态…), one tap each.
#[component]
pub fn Segmented<T>(
    #[prop(into)] name: String,
    label: &'static str,
    options: Vec<(T, &'static str)>,
    #[prop(into)] value: Signal<T>,
    #[prop(into)] on_change: Callback<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    view! {
        <fieldset class="segmented" aria-label=label>
            {options
                .into_iter()
                .map(|(option, text)| {
                    view! {
                        <label class:selected=move || value.get() == option>
                            <input
                                type="radio"
                                name=name.clone()
                                prop:checked=move || value.get() == option
                                on:change=move |_| on_change.run(option)
                            />
                            {text}
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
