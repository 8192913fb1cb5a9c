//! Bringing an element into view only as far as needed (`block:
//! "nearest"`): a result that appeared off screen is scrolled to, one on
//! screen does not move the page.

use wasm_bindgen::{JsCast, JsValue};

/// Scrolls the page the least that shows `element` whole; does nothing
/// where the browser cannot.
pub fn bring_into_view(element: &web_sys::Element) {
    let options = js_sys::Object::new();
    if js_sys::Reflect::set(&options, &"block".into(), &"nearest".into()).is_err() {
        return;
    }
    let scroll = js_sys::Reflect::get(element, &"scrollIntoView".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(scroll) = scroll {
        let _ = scroll.call1(&JsValue::from(element), &options);
    }
}
