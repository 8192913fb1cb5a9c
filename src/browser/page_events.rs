//! Page lifecycle and cross-tab events. Phones kill hidden pages without
//! `beforeunload`, so pending text is flushed on `visibilitychange` and
//! `pagehide`.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::StorageEvent;

/// Calls `on_hide` whenever the page is hidden or being unloaded.
pub fn on_page_hidden(on_hide: impl Fn() + 'static) {
    on_visibility(true, "pagehide", on_hide);
}

/// Calls `on_show` whenever the page is shown again (back from the
/// background, or restored from the back-forward cache).
pub fn on_page_shown(on_show: impl Fn() + 'static) {
    on_visibility(false, "pageshow", on_show);
}

/// Calls `f` when the page's visibility turns to `hidden` (or away from
/// it), and on the window's `event`.
fn on_visibility(hidden: bool, event: &str, f: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let f = std::rc::Rc::new(f);
    let for_visibility = f.clone();
    let visibility = Closure::<dyn Fn()>::new(move || {
        if page_hidden() == hidden {
            for_visibility();
        }
    });
    let on_event = Closure::<dyn Fn()>::new(move || f());
    if let Some(document) = window.document() {
        let _ = document.add_event_listener_with_callback(
            "visibilitychange",
            visibility.as_ref().unchecked_ref(),
        );
    }
    let _ = window.add_event_listener_with_callback(event, on_event.as_ref().unchecked_ref());
    visibility.forget();
    on_event.forget();
}

/// Whether the page is hidden now (in the background, or closing).
pub fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden)
}

/// Calls `on_change` when another tab writes one of this app's keys.
pub fn on_other_tab_change(prefix: &'static str, on_change: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener = Closure::<dyn Fn(StorageEvent)>::new(move |event: StorageEvent| {
        // A null key means the other tab cleared all storage.
        if event.key().is_none_or(|k| k.starts_with(prefix)) {
            on_change();
        }
    });
    let _ = window.add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
    listener.forget();
}
