//! The loading screen `index.html` paints before the wasm arrives: taken
//! away once the app is about to mount.

pub fn remove() {
    if let Some(splash) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("splash"))
    {
        splash.remove();
    }
}
