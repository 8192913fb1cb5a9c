//! `localStorage` behind the store's `KeyValue` interface. Errors are
//! classified here, because browsers spell "quota full" in many ways and
//! some throw values that are not even `Error`s.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DomException, Storage};

use crate::store::{KeyValue, StorageError};

pub struct LocalStorageKv {
    storage: Storage,
}

impl LocalStorageKv {
    /// The page's localStorage, if the browser gives one.
    pub fn open() -> Result<Self, StorageError> {
        let window =
            web_sys::window().ok_or_else(|| StorageError::Unavailable("没有 window".into()))?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(LocalStorageKv { storage }),
            Ok(None) => Err(StorageError::Unavailable("浏览器未提供本地存储".into())),
            Err(e) => Err(classify(&e)),
        }
    }
}

/// Maps whatever the browser threw to a `StorageError`.
pub fn classify(error: &JsValue) -> StorageError {
    if let Some(dom) = error.dyn_ref::<DomException>() {
        let name = dom.name();
        let quota_names = [
            "QuotaExceededError",
            "NS_ERROR_DOM_QUOTA_REACHED",
            "QUOTA_EXCEEDED_ERR",
        ];
        if quota_names.contains(&name.as_str()) || matches!(dom.code(), 22 | 1014) {
            return StorageError::Full;
        }
        return StorageError::Unavailable(name);
    }
    // Not `{error:?}`: formatting a JsValue pulls float formatting into
    // the bundle.
    let text = error
        .as_string()
        .or_else(|| {
            error
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "未知错误".into());
    if text.to_lowercase().contains("quota") {
        StorageError::Full
    } else {
        StorageError::Unavailable(text.chars().take(80).collect())
    }
}

impl KeyValue for LocalStorageKv {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.storage.get_item(key).map_err(|e| classify(&e))
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.storage.set_item(key, value).map_err(|e| classify(&e))
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.storage.remove_item(key).map_err(|e| classify(&e))
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let n = self.storage.length().map_err(|e| classify(&e))?;
        let mut keys = Vec::with_capacity(n as usize);
        for i in 0..n {
            if let Some(k) = self.storage.key(i).map_err(|e| classify(&e))? {
                keys.push(k);
            }
        }
        Ok(keys)
    }
}
