//! The browser's own dialogs: plain, but they work everywhere, including
//! WeChat's in-app browser.

/// Asks yes or no; `false` when the browser refuses to show the dialog.
pub fn confirm(message: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(message).ok())
        .unwrap_or(false)
}
