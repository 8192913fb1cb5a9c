//! The 党委 side's own IndexedDB database (`zhibu-committee`), apart from
//! the branch's (`zhibu`): received 报上级 packages as they came, one per
//! branch and year, and the 组织员's list of branches. Nothing here is
//! ever merged into a branch's records. What the values mean is
//! `backup::report`'s; this is only where they are kept.

use wasm_bindgen::JsCast;
use web_sys::{IdbDatabase, IdbObjectStore, IdbOpenDbRequest, IdbTransaction};

use super::local_storage::classify;
use super::record_db::{finished, settled};
use crate::store::StorageError;

pub const DB_NAME: &str = "zhibu-committee";
/// The database's own version: raised with every change of its layout.
const DB_VERSION: u32 = 1;
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
        let request: IdbOpenDbRequest = factory
            .open_with_u32(name, DB_VERSION)
            .map_err(|e| classify(&e))?;
        let upgrading = request.clone();
        let on_upgrade = wasm_bindgen::closure::Closure::once_into_js(move || {
            let Ok(result) = upgrading.result() else {
                return;
            };
            let db: IdbDatabase = result.unchecked_into();
            if !db.object_store_names().contains(ENTRIES) {
                let _ = db.create_object_store(ENTRIES);
            }
        });
        request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
        let db = settled(&request).await.map_err(|e| classify(&e))?;
        Ok(CommitteeDb {
            db: db.unchecked_into(),
        })
    }

    /// A transaction on the entries; a write with `durability: "strict"`
    /// (called through Reflect, as `record_db` does: web-sys keeps the
    /// options argument behind its unstable flag), so a received package
    /// is on disk when the screen says it is kept.
    fn store(&self, write: bool) -> Result<(IdbTransaction, IdbObjectStore), StorageError> {
        let mode = if write { "readwrite" } else { "readonly" };
        let options = js_sys::Object::new();
        if write {
            let _ = js_sys::Reflect::set(&options, &"durability".into(), &"strict".into());
        }
        let open = js_sys::Reflect::get(&self.db, &"transaction".into())
            .and_then(|f| f.dyn_into::<js_sys::Function>())
            .map_err(|e| classify(&e))?;
        let tx = open
            .call3(&self.db, &ENTRIES.into(), &mode.into(), &options)
            .and_then(|tx| tx.dyn_into::<IdbTransaction>())
            .map_err(|e| classify(&e))?;
        let store = tx.object_store(ENTRIES).map_err(|e| classify(&e))?;
        Ok((tx, store))
    }

    /// Every stored value with its key.
    pub async fn entries(&self) -> Result<Vec<(String, String)>, StorageError> {
        let (_tx, store) = self.store(false)?;
        let keys = settled(&store.get_all_keys().map_err(|e| classify(&e))?);
        let values = settled(&store.get_all().map_err(|e| classify(&e))?);
        let keys = js_sys::Array::from(&keys.await.map_err(|e| classify(&e))?);
        let values = js_sys::Array::from(&values.await.map_err(|e| classify(&e))?);
        Ok(keys
            .iter()
            .zip(values.iter())
            .filter_map(|(k, v)| Some((k.as_string()?, v.as_string()?)))
            .collect())
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
