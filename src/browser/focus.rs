//! Moving the keyboard's focus, for a dialog that opens over the page and
//! gives it back when it closes. Called through `Reflect`, as
//! `scroll.rs` does: a browser method bound by `web_sys` would add its
//! glue to the main module, which every first load carries.

use wasm_bindgen::{JsCast, JsValue};

/// The element that has the focus now, if any.
pub fn focused() -> Option<JsValue> {
    let document = web_sys::window()?.document()?;
    js_sys::Reflect::get(&document, &"activeElement".into())
        .ok()
        .filter(|el| !el.is_null() && !el.is_undefined())
}

/// Gives `element` the focus; does nothing where the browser cannot.
pub fn focus(element: &JsValue) {
    let focus = js_sys::Reflect::get(element, &"focus".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(focus) = focus {
        let _ = focus.call0(element);
    }
}
