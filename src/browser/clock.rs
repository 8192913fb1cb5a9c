//! Time and randomness from the browser.

use chrono::{DateTime, FixedOffset, NaiveDate};
use wasm_bindgen::JsCast;

use crate::domain::{ids, time};

pub fn now_millis() -> f64 {
    js_sys::Date::now()
}

pub fn now() -> DateTime<FixedOffset> {
    time::from_unix_millis(now_millis())
}

pub fn today() -> NaiveDate {
    time::cst_date(now_millis())
}

pub fn new_id(prefix: &str) -> String {
    let random = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    ids::new_id(prefix, now_millis() as u64, random)
}

pub fn now_utc() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp_millis(now_millis() as i64).unwrap_or_default()
}

thread_local! {
    /// The promise of the next frame's end, shared by everything waiting
    /// for it: one animation-frame callback however many wait.
    static NEXT_PAINT: std::cell::RefCell<Option<js_sys::Promise>> =
        const { std::cell::RefCell::new(None) };
}

/// Resolves once the browser has painted the next frame: work that can
/// wait (storing a tap that the page already shows) then does not delay
/// what the member sees. A hidden page paints nothing, so a short timer
/// stands in for the frame. Work waits its turn from the call on, not from
/// the first poll: what is asked for first runs first.
pub fn after_next_paint() -> impl std::future::Future<Output = ()> {
    let promise = NEXT_PAINT.with(|next| next.borrow_mut().get_or_insert_with(next_paint).clone());
    let painted = wasm_bindgen_futures::JsFuture::from(promise);
    async move {
        let _ = painted.await;
    }
}

fn next_paint() -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            return;
        };
        let fallback = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100);
        // Animation-frame callbacks run just before the frame is drawn: a
        // task queued from one runs after it. Whoever waits from then on
        // waits for the frame after.
        let on_frame = resolve.clone();
        let after_frame = wasm_bindgen::closure::Closure::once_into_js(move || {
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
            NEXT_PAINT.with(|next| next.borrow_mut().take());
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    })
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
