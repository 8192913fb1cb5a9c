//! Text fields that save as the member types: briefly debounced, and flushed
//! when the field loses focus or the page is hidden (phones kill hidden pages
//! without warning).

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::browser::page_events;
use crate::domain::limits;

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

/// The text shown in a field and whether the member has typed in it since
/// it was last saved. The field follows the stored value (a reload, another
/// page's save) until the member types, focused or not; an untouched field
/// is never saved, so it cannot write stale text back over a newer copy.
fn follow(value: Signal<String>) -> (RwSignal<String>, RwSignal<bool>) {
    let draft = RwSignal::new(value.get_untracked());
    let typed = RwSignal::new(false);
    Effect::new(move |_| {
        let stored = value.get();
        if !typed.get_untracked() {
            draft.set(stored);
        }
    });
    (draft, typed)
}

/// Keeps the member's text and schedules its save; once saved, the field
/// follows the stored value again.
fn typed_text(
    draft: RwSignal<String>,
    typed: RwSignal<bool>,
    saved: RwSignal<Option<String>>,
    on_save: Callback<String>,
    text: String,
) {
    draft.set(text.clone());
    typed.set(true);
    schedule(Box::new(move || {
        // The field may be gone (a page left while its save waited).
        if typed.try_get_untracked() == Some(true) {
            on_save.run(text);
            typed.try_set(false);
            saved.try_set(Some(saved_time()));
        }
    }));
}

/// "14:05", China Standard Time: when the field was last saved.
fn saved_time() -> String {
    let stamp = crate::domain::time::format_minutes(&crate::browser::clock::now());
    stamp.rsplit(' ').next().unwrap_or_default().to_string()
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
    #[prop(into)]
    on_save: Callback<String>,
    #[prop(optional, into)] placeholder: String,
    #[prop(default = 3)] rows: u32,
    #[prop(default = limits::TEXT)] maxlength: usize,
    /// A finished form is read-only until reopened.
    #[prop(optional, into)]
    readonly: Signal<bool>,
    /// The least height, where a long text is typed at a PC ("55vh").
    #[prop(optional_no_strip)]
    min_height: Option<&'static str>,
) -> impl IntoView {
    let (draft, typed) = follow(value);
    let saved = RwSignal::new(None::<String>);
    let count = move || draft.with(|t| crate::domain::assessment::word_count(t));
    view! {
        <label class="field">
            <span class="field-head">
                {label}
                <small class="muted">
                    {move || match saved.get() {
                        Some(at) => format!("已自动保存 {at} · {} 字", count()),
                        None => format!("{} 字", count()),
                    }}
                </small>
            </span>
            <textarea
                name=name
                rows=rows
                placeholder=placeholder
                class="grow"
                style:min-height=min_height
                maxlength=maxlength
                prop:readOnly=move || readonly.get()
                prop:value=move || draft.get()
                on:input=move |ev| typed_text(draft, typed, saved, on_save, event_target_value(&ev))
                on:blur=move |_| flush_pending()
            ></textarea>
        </label>
    }
}

/// A one-line text input, saved as it is typed.
#[component]
pub fn DraftInput(
    #[prop(into)] label: String,
    #[prop(into)] name: String,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_save: Callback<String>,
    #[prop(optional, into)] placeholder: String,
    #[prop(default = 200)] maxlength: usize,
) -> impl IntoView {
    let (draft, typed) = follow(value);
    let saved = RwSignal::new(None::<String>);
    view! {
        <label class="field">
            <span class="field-head">
                {label}
                <small class="muted">
                    {move || saved.get().map(|at| format!("已自动保存 {at}"))}
                </small>
            </span>
            <input
                type="text"
                name=name
                placeholder=placeholder
                maxlength=maxlength
                prop:value=move || draft.get()
                on:input=move |ev| typed_text(draft, typed, saved, on_save, event_target_value(&ev))
                on:blur=move |_| flush_pending()
                // Enter confirms a line: saved now, as a form's field would be.
                on:keydown=move |ev| {
                    if ev.key() == "Enter" {
                        flush_pending();
                    }
                }
            />
        </label>
    }
}
