//! Page lifecycle and cross-tab events. Phones kill hidden pages without
//! `beforeunload`, so pending text is flushed on `visibilitychange` and
//! `pagehide`; work put off until the next painted frame is let go then.

use std::cell::{Cell, RefCell};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::StorageEvent;

/// Calls `on_hide` whenever the page is hidden or being unloaded.
pub fn on_page_hidden(on_hide: impl Fn() + 'static) {
    on_visibility(true, "pagehide", on_hide);
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
fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden)
}

thread_local! {
    /// Whether the page is being hidden or unloaded, followed by its events
    /// (asking the document on every tap costs more than storing the tap).
    static HIDING: Cell<Option<bool>> = const { Cell::new(None) };
    /// The next frame's end, shared by everything waiting for it (one
    /// animation-frame callback however many wait), and its resolver.
    static NEXT_PAINT: RefCell<Option<(js_sys::Promise, js_sys::Function)>> =
        const { RefCell::new(None) };
}

/// Whether the page is being hidden or unloaded: a phone may kill it
/// before another frame or timer comes, so what is to be stored is stored
/// at once.
pub fn page_is_hiding() -> bool {
    HIDING.with(|hiding| match hiding.get() {
        Some(now) => now,
        None => {
            let now = page_hidden();
            hiding.set(Some(now));
            on_visibility(true, "pagehide", || {
                HIDING.with(|h| h.set(Some(true)));
                // No frame will come: what waits for one runs now.
                if let Some((_, resolve)) = NEXT_PAINT.with(|next| next.borrow_mut().take()) {
                    let _ = resolve.call0(&JsValue::NULL);
                }
            });
            on_visibility(false, "pageshow", || {
                HIDING.with(|h| h.set(Some(page_hidden())));
            });
            now
        }
    })
}

/// Resolves once the browser has painted the next frame: work that can
/// wait (storing a tap that the page already shows) then does not delay
/// what the member sees. On a page being hidden it resolves at once, and
/// when the page starts hiding, whatever waits is let go. Work waits its
/// turn from the call on, not from the first poll: what is asked for first
/// runs first.
pub fn after_next_paint() -> impl std::future::Future<Output = ()> {
    let promise = if page_is_hiding() {
        js_sys::Promise::resolve(&JsValue::NULL)
    } else {
        let waiting = NEXT_PAINT.with(|next| next.borrow().as_ref().map(|(p, _)| p.clone()));
        waiting.unwrap_or_else(next_paint)
    };
    let painted = wasm_bindgen_futures::JsFuture::from(promise);
    async move {
        let _ = painted.await;
    }
}

/// Lets the page draw and answer a tap before going on: resolves in a
/// later task. `scheduler.yield()` where the browser has it (Chromium: the
/// rest then goes before other waiting work), a timer elsewhere. A hidden
/// page goes on at once: nobody taps it, and its timers may wait a second.
pub async fn next_task() {
    if page_is_hiding() {
        return;
    }
    match scheduler_yield() {
        Some(promise) => {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        }
        None => super::clock::sleep(0).await,
    }
}

/// `scheduler.yield()`, where the browser has it.
fn scheduler_yield() -> Option<js_sys::Promise> {
    let scheduler = js_sys::Reflect::get(&js_sys::global(), &"scheduler".into()).ok()?;
    let yield_now = js_sys::Reflect::get(&scheduler, &"yield".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    yield_now.call0(&scheduler).ok()?.dyn_into().ok()
}

/// A promise of the next frame's end, kept for whoever asks until that
/// frame comes. Where frames cannot be asked for, it resolves in the next
/// task and is not kept.
fn next_paint() -> js_sys::Promise {
    let mut resolver = None;
    let promise = js_sys::Promise::new(&mut |resolve, _| resolver = Some(resolve));
    let Some(resolve) = resolver else {
        return promise;
    };
    let Some(window) = web_sys::window() else {
        let _ = resolve.call0(&JsValue::NULL);
        return promise;
    };
    // A visible page that draws no frame for a while (throttled by the
    // browser) still gets its work done.
    let fallback = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 300);
    // Animation-frame callbacks run just before the frame is drawn: a task
    // queued from one runs after it. Whoever asks from then on waits for the
    // frame after.
    let on_frame = resolve.clone();
    let after_frame = Closure::once_into_js(move || {
        NEXT_PAINT.with(|next| next.borrow_mut().take());
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&on_frame, 0);
        }
    });
    if fallback.is_err()
        || window
            .request_animation_frame(after_frame.unchecked_ref())
            .is_err()
    {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        return promise;
    }
    NEXT_PAINT.with(|next| *next.borrow_mut() = Some((promise.clone(), resolve)));
    promise
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
