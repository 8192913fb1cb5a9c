//! If the app ever fails, the member sees why and what to do, instead of a
//! page that silently stops responding. Every saved edit is already in
//! storage, so a reload is safe.

use wasm_bindgen::JsCast;

pub fn install() {
    std::panic::set_hook(Box::new(|info| show(&info.to_string())));
}

/// What the member reads. A page's code that could not be fetched (the split
/// build loads each page on first visit) is the likely failure: no network
/// before the app was kept offline, or a new version deployed meanwhile.
fn advice(panic: &str) -> &'static str {
    if panic.contains("load callback should succeed") {
        "这个页面的程序没能下载（可能是网络中断，或支部工作手册刚刚更新）。已保存的数据不受影响：请联网后刷新页面。"
    } else {
        "支部工作手册遇到了错误，已停止运行。已保存的数据不受影响：请刷新页面继续使用。如反复出现，请先在“我的 › 备份与交换”导出备份。"
    }
}

fn show(panic: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(notice) = document.create_element("div") else {
        return;
    };
    notice.set_class_name("panic-notice");
    notice.set_attribute("role", "alert").ok();
    notice.set_text_content(Some(advice(panic)));
    if let Some(button) = reload_button(&document) {
        let _ = notice.append_child(&button);
    }
    if let Some(body) = document.body() {
        let _ = body.append_child(notice.unchecked_ref());
    }
}

/// The one thing to do next, as a button: a reload fetches the version now
/// on the server, and every saved edit is already stored.
fn reload_button(document: &web_sys::Document) -> Option<web_sys::Element> {
    let button = document.create_element("button").ok()?;
    button.set_class_name("button");
    button.set_attribute("type", "button").ok()?;
    button.set_text_content(Some("刷新页面"));
    let reload = wasm_bindgen::closure::Closure::once_into_js(|| {
        if let Some(window) = web_sys::window() {
            // Failing leaves the notice up with its advice to reload by hand.
            let _ = window.location().reload();
        }
    });
    button
        .add_event_listener_with_callback("click", reload.unchecked_ref())
        .ok()?;
    Some(button)
}
