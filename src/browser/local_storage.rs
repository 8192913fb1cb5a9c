//! `localStorage`: behind the store's `KeyValue` interface for the first
//! version's records (and as the store where IndexedDB is blocked), and
//! through `gloo-storage` for the device's settings, the journal and the
//! undo point. `gloo-storage` panics where there is no storage object, so
//! it is used only after `probe` found one. Errors are classified here,
//! because browsers spell "quota full" in many ways and some throw values
//! that are not even `Error`s.

use std::cell::Cell;

use gloo_storage::{LocalStorage, Storage as _};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DomException, Storage};

use crate::store::device::{DeviceState, DEVICE_KEY};
use crate::store::journal::{Journal, JournalEntry, JOURNAL_PREFIX};
use crate::store::kv_db::{self, UNDO_KEY};
use crate::store::{KeyValue, StorageError};

thread_local! {
    /// `probe` found a storage object that reads (it may be full).
    static READABLE: Cell<bool> = const { Cell::new(false) };
}

/// Whether localStorage can be used, and for what: a full storage still
/// reads, and what it holds must be shown.
pub fn probe() -> Result<(), StorageError> {
    let Ok(mut kv) = LocalStorageKv::open() else {
        return Err(StorageError::Unavailable("浏览器未提供本地存储".into()));
    };
    let result = kv.probe();
    let readable = match &result {
        Ok(()) | Err(StorageError::Full) => kv.keys().is_ok(),
        Err(_) => false,
    };
    READABLE.with(|r| r.set(readable));
    result
}

fn readable() -> bool {
    READABLE.with(Cell::get)
}

fn to_storage_error(e: gloo_storage::errors::StorageError) -> StorageError {
    match e {
        gloo_storage::errors::StorageError::JsError(js) => {
            if js.name.contains("Quota") || js.message.to_ascii_lowercase().contains("quota") {
                StorageError::Full
            } else {
                StorageError::Unavailable(js.name)
            }
        }
        other => StorageError::Unavailable(other.to_string()),
    }
}

pub fn read_device() -> DeviceState {
    if !readable() {
        return DeviceState::default();
    }
    LocalStorage::get(DEVICE_KEY).unwrap_or_default()
}

pub fn write_device(device: &DeviceState) -> Result<(), StorageError> {
    if !readable() {
        return Err(StorageError::Unavailable("本地存储不可用".into()));
    }
    LocalStorage::set(DEVICE_KEY, device).map_err(to_storage_error)
}

/// Every page's journal, with its key.
pub fn read_journals() -> Vec<(String, Journal)> {
    if !readable() {
        return Vec::new();
    }
    let storage = LocalStorage::raw();
    let count = storage.length().unwrap_or(0);
    let keys: Vec<String> = (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(JOURNAL_PREFIX))
        .collect();
    keys.into_iter()
        .filter_map(|k| {
            let journal = LocalStorage::get::<Journal>(&k).ok()?;
            Some((k, journal))
        })
        .collect()
}

/// Writes this page's journal. A journal that cannot be written (storage
/// full or blocked) only means a reload in the next few milliseconds could
/// lose the edit: the commit itself goes on.
pub fn write_journal(tab: &str, entries: &[JournalEntry], at: u64) {
    if !readable() {
        return;
    }
    let key = format!("{JOURNAL_PREFIX}{tab}");
    if entries.is_empty() {
        LocalStorage::delete(&key);
        return;
    }
    let journal = Journal {
        tab: tab.to_string(),
        at,
        entries: entries.to_vec(),
    };
    let _ = LocalStorage::set(&key, &journal);
}

pub fn clear_journal(tab: &str) {
    if readable() {
        LocalStorage::delete(format!("{JOURNAL_PREFIX}{tab}"));
    }
}

pub fn remove(key: &str) {
    if readable() {
        LocalStorage::delete(key);
    }
}

/// A setting of one screen's own, kept as text under `key`.
pub fn read_text(key: &str) -> Option<String> {
    if !readable() {
        return None;
    }
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Keeps (or, with `None`, forgets) a setting of one screen's own.
pub fn write_text(key: &str, text: Option<&str>) -> Result<(), StorageError> {
    if !readable() {
        return Err(StorageError::Unavailable("本地存储不可用".into()));
    }
    let storage = LocalStorage::raw();
    match text {
        Some(text) => storage.set_item(key, text).map_err(|e| classify(&e)),
        None => storage.remove_item(key).map_err(|e| classify(&e)),
    }
}

/// The undo point where localStorage is the store.
pub fn read_undo() -> Option<String> {
    if !readable() {
        return None;
    }
    LocalStorage::get::<String>(UNDO_KEY).ok()
}

pub fn write_undo(point: Option<&str>) -> Result<(), StorageError> {
    if !readable() {
        return Err(StorageError::Unavailable("本地存储不可用".into()));
    }
    match point {
        Some(text) => LocalStorage::set(UNDO_KEY, text).map_err(to_storage_error)?,
        None => LocalStorage::delete(UNDO_KEY),
    }
    Ok(())
}

#[derive(Clone)]
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

    /// Whether localStorage holds any of the app's data; an unreadable
    /// storage might, so it counts as holding some.
    pub fn holds_data(&self) -> bool {
        self.keys().map_or(true, |keys| {
            kv_db::holds_data(keys.iter().map(String::as_str))
        })
    }

    /// Whether what is stored can be read (a full storage can).
    pub fn readable(&self) -> bool {
        self.keys().is_ok()
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
    if text.to_ascii_lowercase().contains("quota") {
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

/// Writes a message for other pages where there is no BroadcastChannel:
/// they see it as a `storage` event.
pub fn signal(key: &str, text: &str) {
    if readable() {
        let _ = LocalStorage::raw().set_item(key, text);
    }
}
