//! Time and randomness from the browser.

use chrono::{DateTime, FixedOffset, NaiveDate};
use wasm_bindgen::JsValue;

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

/// Waits `ms` milliseconds; where no timer can be set, not at all (rather
/// than for ever).
pub async fn sleep(ms: i32) {
    let mut timer = Err(JsValue::NULL);
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            timer = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    if timer.is_ok() {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
}
