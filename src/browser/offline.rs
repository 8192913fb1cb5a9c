//! Registers the service worker (`public/sw.js`) that keeps the app's files
//! for use without a network. Sandboxed frames and some embedded browsers
//! throw on `navigator.serviceWorker` itself: every step is guarded, and a
//! failure only means no offline start.

use wasm_bindgen::{JsCast, JsValue};

pub fn keep_app_offline() {
    // A debug build is the development loop's (scripts/dev), which has no
    // file list to keep and must never be served from a cache.
    if cfg!(debug_assertions) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator: JsValue = window.navigator().into();
    let Ok(container) = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker"))
    else {
        return;
    };
    if container.is_undefined() || container.is_null() {
        return;
    }
    let Ok(register) = js_sys::Reflect::get(&container, &JsValue::from_str("register")) else {
        return;
    };
    if let Some(register) = register.dyn_ref::<js_sys::Function>() {
        // Next to index.html, wherever the app is hosted; its scope is that
        // folder. The registration's promise may reject (private window,
        // file://).
        let url = format!("{}/sw.js", super::base::app_base());
        if let Ok(promise) = register.call1(&container, &JsValue::from_str(&url)) {
            if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
                let ignore = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(|_| {});
                let _ = promise.catch(&ignore);
                ignore.forget();
            }
        }
    }
}
