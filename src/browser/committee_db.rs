//! The 党委 side's own IndexedDB database (`zhibu-committee`), apart from
//! the branch's (`zhibu`): received 报上级 packages as they came, one per
//! branch and year, and the 组织员's list of branches. Nothing here is
//! ever merged into a branch's records. What the values mean is
//! `backup::report`'s; this is only where they are kept, under the keys
//! `domain::report::collection` names.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbKeyRange, IdbObjectStore, IdbTransaction};

use super::local_storage::classify;
use super::record_db::{finished, open_database, settled, transaction};
use crate::domain::report::collection::moved_report_key;
use crate::store::StorageError;

pub const DB_NAME: &str = "zhibu-committee";
/// The database's own version: raised with every change of its layout.
/// 1: reports under `report/{branch}/{year}`; 2: under
/// `reports/{year}/{branch}`, moved when version 2 first opens it.
const DB_VERSION: u32 = 2;
const ENTRIES: &str = "entries";

#[derive(Clone)]
pub struct CommitteeDb {
    db: IdbDatabase,
}

impl CommitteeDb {
    pub async fn open() -> Result<CommitteeDb, StorageError> {
        Self::open_named(DB_NAME).await
    }

    /// Opens (and on first use creates) a database of this layout by name.
    pub async fn open_named(name: &str) -> Result<CommitteeDb, StorageError> {
        let factory = web_sys::window()
            .and_then(|w| w.indexed_db().ok().flatten())
            .ok_or_else(|| StorageError::Unavailable("浏览器未提供 IndexedDB".into()))?;
        let db = open_database(&factory, name, DB_VERSION, |db, request| {
            if !db.object_store_names().contains(ENTRIES) {
                let _ = db.create_object_store(ENTRIES);
            } else if let Some(tx) = request.transaction() {
                move_reports_to_year_keys(&tx);
            }
        })
        .await
        .map_err(|e| classify(&e))?;
        // A newer version opened in another tab waits for this one to let
        // go; the page reads again when it is opened again.
        let closing = db.clone();
        let on_version_change = Closure::once_into_js(move || closing.close());
        db.set_onversionchange(Some(on_version_change.unchecked_ref()));
        Ok(CommitteeDb { db })
    }

    /// A transaction on the entries; a write is strict, so a received
    /// package is on disk when the screen says it is kept.
    fn store(&self, write: bool) -> Result<(IdbTransaction, IdbObjectStore), StorageError> {
        let tx = transaction(&self.db, &ENTRIES.into(), write).map_err(|e| classify(&e))?;
        let store = tx.object_store(ENTRIES).map_err(|e| classify(&e))?;
        Ok((tx, store))
    }

    /// Every stored value with its key.
    pub async fn entries(&self) -> Result<Vec<(String, String)>, StorageError> {
        let (_tx, store) = self.store(false)?;
        let keys = settled(&store.get_all_keys().map_err(|e| classify(&e))?);
        let values = settled(&store.get_all().map_err(|e| classify(&e))?);
        pairs(keys.await, values.await)
    }

    /// Every stored key, without the values: a page reads the values it
    /// shows (`values_of`).
    pub async fn keys(&self) -> Result<Vec<String>, StorageError> {
        let (_tx, store) = self.store(false)?;
        let keys = settled(&store.get_all_keys().map_err(|e| classify(&e))?);
        let keys = js_sys::Array::from(&keys.await.map_err(|e| classify(&e))?);
        Ok(keys.iter().filter_map(|k| k.as_string()).collect())
    }

    /// The values of `keys` with their keys, in one transaction; a key no
    /// longer stored is left out.
    pub async fn values_of(&self, keys: &[String]) -> Result<Vec<(String, String)>, StorageError> {
        let (_tx, store) = self.store(false)?;
        let mut requests = Vec::with_capacity(keys.len());
        for key in keys {
            let request = store.get(&key.into()).map_err(|e| classify(&e))?;
            requests.push((key, settled(&request)));
        }
        let mut out = Vec::with_capacity(keys.len());
        for (key, request) in requests {
            let value = request.await.map_err(|e| classify(&e))?;
            if let Some(text) = value.as_string() {
                out.push((key.clone(), text));
            }
        }
        Ok(out)
    }

    /// Every stored value whose key starts with `prefix`, with its key, in
    /// two requests however many there are (`reports/2026/`: a year).
    pub async fn values_starting_with(
        &self,
        prefix: &str,
    ) -> Result<Vec<(String, String)>, StorageError> {
        let (_tx, store) = self.store(false)?;
        let (keys, values) = ranged(&store, prefix)?;
        pairs(keys.await, values.await)
    }

    /// What a page that shows one year reads first, in one transaction
    /// whose requests all run at once: every stored key, the values whose
    /// key starts with `prefix`, and the values of the keys `also` that
    /// are stored, each with its key.
    pub async fn keys_and_values(
        &self,
        prefix: &str,
        also: &[&str],
    ) -> Result<(Vec<String>, Vec<(String, String)>), StorageError> {
        let (_tx, store) = self.store(false)?;
        let every_key = settled(&store.get_all_keys().map_err(|e| classify(&e))?);
        let (keys, values) = ranged(&store, prefix)?;
        let mut singles = Vec::with_capacity(also.len());
        for key in also {
            let request = store.get(&(*key).into()).map_err(|e| classify(&e))?;
            singles.push((*key, settled(&request)));
        }
        let every_key = js_sys::Array::from(&every_key.await.map_err(|e| classify(&e))?)
            .iter()
            .filter_map(|k| k.as_string())
            .collect();
        let mut out = pairs(keys.await, values.await)?;
        for (key, request) in singles {
            if let Some(text) = request.await.map_err(|e| classify(&e))?.as_string() {
                out.push((key.to_string(), text));
            }
        }
        Ok((every_key, out))
    }

    /// Writes one value; done once the transaction is on disk.
    pub async fn put(&self, key: &str, text: &str) -> Result<(), StorageError> {
        let (tx, store) = self.store(true)?;
        let done = finished(&tx);
        store
            .put_with_key(&text.into(), &key.into())
            .map_err(|e| classify(&e))?;
        done.await.map(|_| ()).map_err(|e| classify(&e))
    }

    /// Removes one branch's report of a year.
    pub async fn delete(&self, key: &str) -> Result<(), StorageError> {
        let (tx, store) = self.store(true)?;
        let done = finished(&tx);
        store.delete(&key.into()).map_err(|e| classify(&e))?;
        done.await.map(|_| ()).map_err(|e| classify(&e))
    }
}

/// The requests for the keys and the values whose key starts with
/// `prefix`, both asked at once.
fn ranged(store: &IdbObjectStore, prefix: &str) -> Result<(JsFuture, JsFuture), StorageError> {
    // Keys are compared by UTF-16 code unit: U+FFFF comes after any
    // character a key of this prefix can go on with.
    let range = IdbKeyRange::bound(&prefix.into(), &format!("{prefix}\u{ffff}").into())
        .map_err(|e| classify(&e))?;
    let keys = settled(
        &store
            .get_all_keys_with_key(&range)
            .map_err(|e| classify(&e))?,
    );
    let values = settled(&store.get_all_with_key(&range).map_err(|e| classify(&e))?);
    Ok((keys, values))
}

/// The answers of a request for keys and one for their values as (key,
/// value) pairs; a value that is not a text is left out.
fn pairs(
    keys: Result<JsValue, JsValue>,
    values: Result<JsValue, JsValue>,
) -> Result<Vec<(String, String)>, StorageError> {
    let keys = js_sys::Array::from(&keys.map_err(|e| classify(&e))?);
    let values = js_sys::Array::from(&values.map_err(|e| classify(&e))?);
    Ok(keys
        .iter()
        .zip(values.iter())
        .filter_map(|(k, v)| Some((k.as_string()?, v.as_string()?)))
        .collect())
}

/// Version 1 → 2, inside the upgrade's own transaction: every report moves
/// to its year's key (`moved_report_key`); the list of branches stays. The
/// upgrade is one transaction: if a write fails it is aborted, the open
/// fails (the page says it cannot use the store) and version 1 is kept as
/// it was.
fn move_reports_to_year_keys(tx: &IdbTransaction) {
    let Ok(store) = tx.object_store(ENTRIES) else {
        let _ = tx.abort();
        return;
    };
    let (Ok(keys), Ok(values)) = (store.get_all_keys(), store.get_all()) else {
        let _ = tx.abort();
        return;
    };
    let read = values.clone();
    let tx = tx.clone();
    // Requests of one transaction succeed in order: the keys are in.
    let on_values = Closure::once_into_js(move || {
        let (Ok(keys), Ok(values)) = (keys.result(), read.result()) else {
            let _ = tx.abort();
            return;
        };
        for (key, value) in js_sys::Array::from(&keys)
            .iter()
            .zip(js_sys::Array::from(&values).iter())
        {
            let Some(moved) = key.as_string().as_deref().and_then(moved_report_key) else {
                continue;
            };
            let kept = store.put_with_key(&value, &JsValue::from(moved)).is_ok()
                && store.delete(&key).is_ok();
            if !kept {
                let _ = tx.abort();
                return;
            }
        }
    });
    values.set_onsuccess(Some(on_values.unchecked_ref()));
}
