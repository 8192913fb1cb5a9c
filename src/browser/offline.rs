//! Registers the service worker (`public/sw.js`) that keeps the app's files
//! for use without a network. The data itself is in localStorage already.

pub fn keep_app_offline() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let container = window.navigator().service_worker();
    // A failed registration (private window, file://) only means no
    // offline start; the app works as before.
    let _ = container.register("/sw.js");
}
