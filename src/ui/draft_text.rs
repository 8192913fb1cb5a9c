//! Text fields that save as the member types: briefly debounced, and flushed
//! when the field loses focus or the page is hidden (phones kill hidden pages
//! without warning).

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::browser::page_events;
use crate::domain::validate::MAX_TEXT_CHARS;

/// How long typing may pause before the text is saved.
const DEBOUNCE_MS: i32 = 400;

// Timers are not cancelled: the first one due saves the newest text, so a
// long stretch of typing is saved every 400 ms rather than only at the end.

thread_local! {
    /// The one field being typed in: its save, not yet run.
    static PENDING: RefCell<Option<Box<dyn FnOnce()>>> = const { RefCell::new(None) };
    static FLUSH_ON_HIDE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs the pending save now, if there is one.
pub fn flush_pending() {
    if let Some(save) = PENDING.with(|p| p.borrow_mut().take()) {
        save();
    }
}

/// Keeps `save` as the pending save, replacing the previous one: that was
/// for the same field, since leaving a field flushes its save.
fn schedule(save: Box<dyn FnOnce()>) {
    PENDING.with(|p| *p.borrow_mut() = Some(save));
    if !FLUSH_ON_HIDE.with(|f| f.replace(true)) {
        page_events::on_page_hidden(flush_pending);
    }
    let Some(window) = web_sys::window() else {
        flush_pending();
        return;
    };
    let timer = Closure::once_into_js(flush_pending);
    if window
        .set_timeout_with_callback_and_timeout_and_arguments_0(timer.unchecked_ref(), DEBOUNCE_MS)
        .is_err()
    {
        flush_pending();
    }
}

/// The text shown in a field: the stored value, except while the member is
/// typing in it. Following the stored value lets a reload or another tab's
/// change show up; not following it while focused keeps a save of an
/// earlier keystroke from undoing the later ones.
fn follow(value: Signal<String>) -> (RwSignal<String>, RwSignal<bool>) {
    let draft = RwSignal::new(value.get_untracked());
    let focused = RwSignal::new(false);
    Effect::new(move |_| {
        let stored = value.get();
        if !focused.get_untracked() {
            draft.set(stored);
        }
    });
    (draft, focused)
}

/// A growing text area with a character count, saved as it is typed.
#[component]
pub fn DraftTextArea(
    #[prop(into)] label: String,
    #[prop(into)] name: String,
    /// The stored text.
    #[prop(into)]
    value: Signal<String>,
    /// Saves the text.
    on_save: impl Fn(String) + Clone + 'static,
    #[prop(optional, into)] placeholder: String,
    #[prop(default = 3)] rows: u32,
    /// A finished form is read-only until reopened.
    #[prop(optional, into)]
    readonly: Signal<bool>,
) -> impl IntoView {
    let (draft, focused) = follow(value);
    let count = move || draft.with(|t| crate::domain::assessment::word_count(t));
    let save = on_save.clone();
    view! {
        <label class="field">
            <span class="field-head">{label}<small class="muted">{move || format!("{} 字", count())}</small></span>
            <textarea name=name rows=rows placeholder=placeholder class="grow" maxlength=MAX_TEXT_CHARS
                prop:readOnly=move || readonly.get()
                prop:value=move || draft.get()
                on:focus=move |_| focused.set(true)
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    draft.set(text.clone());
                    let save = save.clone();
                    schedule(Box::new(move || save(text)));
                }
                on:blur=move |_| { flush_pending(); focused.set(false); }></textarea>
        </label>
    }
}

/// A one-line text input, saved as it is typed.
#[component]
pub fn DraftInput(
    #[prop(into)] label: String,
    #[prop(into)] name: String,
    #[prop(into)] value: Signal<String>,
    on_save: impl Fn(String) + Clone + 'static,
    #[prop(optional, into)] placeholder: String,
) -> impl IntoView {
    let (draft, focused) = follow(value);
    view! {
        <label class="field">
            <span>{label}</span>
            <input type="text" name=name placeholder=placeholder maxlength="200"
                prop:value=move || draft.get()
                on:focus=move |_| focused.set(true)
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    draft.set(text.clone());
                    let save = on_save.clone();
                    schedule(Box::new(move || save(text)));
                }
                on:blur=move |_| { flush_pending(); focused.set(false); }/>
        </label>
    }
}
