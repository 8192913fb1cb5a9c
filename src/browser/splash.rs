//! What `index.html` paints before the wasm arrives, and the app's taking
//! it over: the splash (a member who has been welcomed, a transfer link)
//! goes as the app mounts; a new member's welcome screen (the app's own
//! markup, written into the page by `scripts/finish-build.mjs`) stays
//! until the app's welcome replaces it in the same frame, so nothing on
//! screen changes.

use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

pub fn remove() {
    if let Some(splash) = document().and_then(|d| d.get_element_by_id("splash")) {
        splash.remove();
    }
}

/// Takes the page's welcome screen away, for the app's own (the same
/// markup) to stand in its place. A button a member tapped on it before
/// the app ran (`index.html` notes which) is tapped again on the app's
/// screen once that is on the page.
pub fn take_static_welcome() {
    let Some(welcome) =
        document().and_then(|d| d.query_selector("main[data-static]").ok().flatten())
    else {
        return;
    };
    let tapped = welcome
        .get_attribute("data-tapped")
        .and_then(|index| index.parse::<u32>().ok());
    welcome.remove();
    let (Some(index), Some(window)) = (tapped, web_sys::window()) else {
        return;
    };
    let tap_again = wasm_bindgen::closure::Closure::once_into_js(move || {
        let button = document()
            .and_then(|d| d.query_selector_all("main.first-run button").ok())
            .and_then(|buttons| buttons.item(index))
            .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(button) = button {
            button.click();
        }
    });
    // If the browser refuses the frame, the tap is not repeated: the
    // member sees the working screen and taps again.
    window
        .request_animation_frame(tap_again.unchecked_ref())
        .ok();
}
