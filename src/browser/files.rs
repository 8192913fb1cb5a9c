//! Getting a file out of the browser and into it: download, the system share
//! sheet, the clipboard, and reading a picked file.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, File, FilePropertyBag, HtmlAnchorElement, ShareData, Url};

fn window() -> Result<web_sys::Window, JsValue> {
    web_sys::window().ok_or_else(|| JsValue::from_str("no window"))
}

fn blob(text: &str, mime: &str) -> Result<Blob, JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_str_sequence_and_options(&parts, &options)
}

/// Starts a download of `text` as `file_name`.
pub fn download(file_name: &str, text: &str, mime: &str) -> Result<(), JsValue> {
    download_blob(file_name, &blob(text, mime)?)
}

/// A file's bytes as a blob of type `mime`.
pub fn bytes_blob(bytes: &[u8], mime: &str) -> Result<Blob, JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_u8_array_sequence_and_options(&parts, &options)
}

/// Starts a download of `blob` as `file_name`.
pub fn download_blob(file_name: &str, blob: &Blob) -> Result<(), JsValue> {
    let document = window()?
        .document()
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let url = Url::create_object_url_with_blob(blob)?;
    let anchor: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // The browser reads the file after the click returns: the address is
    // given up only a minute later.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    window()?
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000)?;
    Ok(())
}

/// The user agent says it is an in-app or iOS browser where downloads
/// often vanish, so the text box is shown straight away.
pub fn downloads_unreliable() -> bool {
    let agent = window()
        .ok()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default();
    agent.contains("MicroMessenger") || agent.contains("iPhone") || agent.contains("iPad")
}

/// Offers the file to the system share sheet. `Ok(false)` means the browser
/// has no share sheet for files.
pub async fn share_file(file_name: &str, text: &str, mime: &str) -> Result<bool, JsValue> {
    share_blob(file_name, &blob(text, mime)?, mime).await
}

/// Offers `blob` as a file to the system share sheet; `Ok(false)` where the
/// browser cannot share files.
pub async fn share_blob(file_name: &str, blob: &Blob, mime: &str) -> Result<bool, JsValue> {
    let navigator = window()?.navigator();
    let can_share = js_sys::Reflect::get(&navigator, &JsValue::from_str("canShare"))?;
    if !can_share.is_function() {
        return Ok(false);
    }
    let options = FilePropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(blob);
    let file = File::new_with_blob_sequence_and_options(&parts, file_name, &options)?;
    let data = ShareData::new();
    data.set_files(&js_sys::Array::of1(&file));
    data.set_title(file_name);
    if !navigator.can_share_with_data(&data) {
        return Ok(false);
    }
    JsFuture::from(navigator.share_with_data(&data)).await?;
    Ok(true)
}

/// The member closed the share sheet without choosing anything.
pub fn is_abort(error: &JsValue) -> bool {
    error
        .dyn_ref::<web_sys::DomException>()
        .is_some_and(|e| e.name() == "AbortError")
}

/// Offers text to the system share sheet; `Ok(false)` where there is none.
pub async fn share_text(title: &str, text: &str) -> Result<bool, JsValue> {
    let navigator = window()?.navigator();
    let share = js_sys::Reflect::get(&navigator, &JsValue::from_str("share"))?;
    if !share.is_function() {
        return Ok(false);
    }
    let data = ShareData::new();
    data.set_title(title);
    data.set_text(text);
    JsFuture::from(navigator.share_with_data(&data)).await?;
    Ok(true)
}

pub async fn copy_to_clipboard(text: &str) -> Result<(), JsValue> {
    let clipboard = window()?.navigator().clipboard();
    JsFuture::from(clipboard.write_text(text)).await?;
    Ok(())
}

/// The text of a file the user picked.
pub async fn read_text(file: &File) -> Result<String, JsValue> {
    let text = JsFuture::from(file.text()).await?;
    text.as_string()
        .ok_or_else(|| JsValue::from_str("not text"))
}

/// Asks the browser not to evict this site's storage under pressure.
pub async fn request_persistence() -> bool {
    let Ok(w) = window() else { return false };
    let storage = w.navigator().storage();
    let Ok(promise) = storage.persist() else {
        return false;
    };
    JsFuture::from(promise)
        .await
        .map(|v| v.is_truthy())
        .unwrap_or(false)
}

/// The browser's own estimate of usage and quota for this site, in bytes.
pub async fn storage_estimate() -> Option<(f64, f64)> {
    let storage = window().ok()?.navigator().storage();
    let estimate = JsFuture::from(storage.estimate().ok()?).await.ok()?;
    let get = |field: &str| {
        js_sys::Reflect::get(&estimate, &JsValue::from_str(field))
            .ok()?
            .as_f64()
    };
    Some((get("usage")?, get("quota")?))
}
