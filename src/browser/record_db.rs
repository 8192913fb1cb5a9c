//! The records in IndexedDB: the store's operations, asynchronous. A commit
//! is one readwrite transaction with `durability: "strict"` (on disk when
//! it completes, where the browser offers the option): it reads the head
//! and the records it writes, asks `store::db::decide` whether it may
//! write, and writes or aborts, all inside the transaction, so two pages
//! committing at once are put one after the other by the browser.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    IdbDatabase, IdbFactory, IdbKeyRange, IdbObjectStore, IdbOpenDbRequest, IdbRequest,
    IdbTransaction,
};

use super::local_storage::classify;
use crate::domain::document::RecordKey;
use crate::store::db::{decide, Found, Puts, Snapshot, Txn, TxnOutcome};
use crate::store::filed;
use crate::store::migration::Move;
use crate::store::quarantine::Quarantined;
use crate::store::StorageError;

const DB_NAME: &str = "zhibu";
const DB_VERSION: u32 = 1;
const RECORDS: &str = "records";
const META: &str = "meta";
const QUARANTINE: &str = "quarantine";
const HEAD: &str = "head";
const UNDO: &str = "undo";
/// The index of filed years (`store::filed`), in `meta` beside the head:
/// "filed/meeting/m-1" → 2019 for each record filed under a year, and
/// `FILED` once every record read at a start was filed. Kept in the store
/// the app already has, so no new version of the database is opened under
/// pages of the app that are still open.
const FILED: &str = "filed";
const FILED_PREFIX: &str = "filed/";

/// An open connection.
#[derive(Clone)]
pub struct Idb {
    db: IdbDatabase,
    /// The connection was closed under the page (a deletion or the
    /// browser), maybe before the page set its handler.
    lost: Rc<Cell<bool>>,
}

fn unavailable(error: JsValue) -> StorageError {
    classify(&error)
}

fn stores(names: &[&str]) -> JsValue {
    names
        .iter()
        .map(|n| JsValue::from_str(n))
        .collect::<js_sys::Array>()
        .into()
}

/// A transaction on `stores` (a name or a list of names); a write with
/// `durability: "strict"`, so what the screen says is kept is on disk.
/// `IDBDatabase.transaction(stores, mode, options)` is called directly:
/// web-sys keeps the options argument behind its unstable flag, and
/// browsers without it ignore the third argument.
pub(crate) fn transaction(
    db: &IdbDatabase,
    stores: &JsValue,
    write: bool,
) -> Result<IdbTransaction, JsValue> {
    let mode = if write { "readwrite" } else { "readonly" };
    let options = js_sys::Object::new();
    if write {
        let _ = js_sys::Reflect::set(&options, &"durability".into(), &"strict".into());
    }
    js_sys::Reflect::get(db, &"transaction".into())
        .and_then(|f| f.dyn_into::<js_sys::Function>())?
        .call3(db, stores, &mode.into(), &options)
        .and_then(|tx| tx.dyn_into::<IdbTransaction>())
}

/// A promise that settles with the request's result or error.
pub(crate) fn settled(request: &IdbRequest) -> JsFuture {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let ok = request.clone();
        let on_success = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &ok.result().unwrap_or(JsValue::UNDEFINED));
        });
        let failed = request.clone();
        let on_error = Closure::once_into_js(move || {
            let _ = reject.call1(&JsValue::NULL, &request_error(&failed));
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise)
}

/// Why `request` failed, as its promise is rejected with.
fn request_error(request: &IdbRequest) -> JsValue {
    request
        .error()
        .ok()
        .flatten()
        .map(JsValue::from)
        .unwrap_or(JsValue::NULL)
}

/// Opens the database `name` at `version`. `upgrade` runs when the
/// database is new or older (`upgradeneeded`), with the database and the
/// open request, whose transaction is the upgrade's: it creates the stores
/// a layout lacks and moves what an older one kept.
pub(crate) async fn open_database(
    factory: &IdbFactory,
    name: &str,
    version: u32,
    upgrade: impl FnOnce(&IdbDatabase, &IdbOpenDbRequest) + 'static,
) -> Result<IdbDatabase, JsValue> {
    let request: IdbOpenDbRequest = factory.open_with_u32(name, version)?;
    let upgrading = request.clone();
    let on_upgrade = Closure::once_into_js(move || {
        let Ok(result) = upgrading.result() else {
            return;
        };
        upgrade(&result.unchecked_into(), &upgrading);
    });
    request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    Ok(settled(&request).await?.unchecked_into())
}

/// A promise that settles when the transaction completes or fails.
pub(crate) fn finished(tx: &IdbTransaction) -> JsFuture {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed = tx.clone();
        let reject_abort = reject.clone();
        let on_abort = Closure::once_into_js(move || {
            let error = failed.error().map(JsValue::from).unwrap_or(JsValue::NULL);
            let _ = reject_abort.call1(&JsValue::NULL, &error);
        });
        tx.set_oncomplete(Some(on_complete.unchecked_ref()));
        tx.set_onabort(Some(on_abort.unchecked_ref()));
        // An error on a request also aborts the transaction, which rejects.
        let _ = reject;
    });
    JsFuture::from(promise)
}

fn as_strings(value: &JsValue) -> Vec<Option<String>> {
    js_sys::Array::from(value)
        .iter()
        .map(|v| v.as_string())
        .collect()
}

impl Idb {
    /// Opens (and on first use creates) the database.
    pub async fn open() -> Result<Idb, StorageError> {
        Self::open_named(DB_NAME).await
    }

    /// Opens a database of this layout by name (tests use their own).
    pub async fn open_named(name: &str) -> Result<Idb, StorageError> {
        let window =
            web_sys::window().ok_or_else(|| StorageError::Unavailable("没有 window".into()))?;
        let factory = window
            .indexed_db()
            .map_err(unavailable)?
            .ok_or_else(|| StorageError::Unavailable("浏览器未提供 IndexedDB".into()))?;
        let db = open_database(&factory, name, DB_VERSION, |db, _| {
            let names = db.object_store_names();
            for name in [RECORDS, META, QUARANTINE, UNDO] {
                if !names.contains(name) {
                    let _ = db.create_object_store(name);
                }
            }
        })
        .await
        .map_err(unavailable)?;
        // From the first moment: a deletion of the site's data waits for
        // every open connection, and later opens wait behind it, so one
        // still starting would hang every reload. Closed at once, and
        // told to the page's handler once it is set (`on_lost`).
        let lost = Rc::new(Cell::new(false));
        let (closing, flag) = (db.clone(), lost.clone());
        let version_change = Closure::<dyn Fn()>::new(move || {
            closing.close();
            flag.set(true);
        });
        let flag = lost.clone();
        let close = Closure::<dyn Fn()>::new(move || flag.set(true));
        db.set_onversionchange(Some(version_change.as_ref().unchecked_ref()));
        db.set_onclose(Some(close.as_ref().unchecked_ref()));
        version_change.forget();
        close.forget();
        Ok(Idb { db, lost })
    }

    /// Set once the connection was closed under the page.
    pub fn lost_flag(&self) -> Rc<Cell<bool>> {
        self.lost.clone()
    }

    /// Closes the connection without calling the `on_lost` handler.
    pub fn close(&self) {
        self.db.set_onversionchange(None);
        self.db.set_onclose(None);
        self.db.close();
    }

    /// Deletes a database (tests; the app never deletes its own).
    pub async fn delete_named(name: &str) -> Result<(), StorageError> {
        let factory = web_sys::window()
            .and_then(|w| w.indexed_db().ok().flatten())
            .ok_or_else(|| StorageError::Unavailable("浏览器未提供 IndexedDB".into()))?;
        let request = factory.delete_database(name).map_err(unavailable)?;
        settled(&request).await.map(|_| ()).map_err(unavailable)
    }

    /// Calls `on_lost` when the connection is closed under the page: the
    /// site's data was deleted by another page (`versionchange`) or by the
    /// browser (`close`). The connection is closed so a deletion can go on.
    /// Called at once if that happened before.
    pub fn on_lost(&self, on_lost: impl Fn() + 'static) {
        let on_lost = Rc::new(on_lost);
        if self.lost.get() {
            on_lost();
            return;
        }
        let db = self.db.clone();
        let again = on_lost.clone();
        let (flag, closed) = (self.lost.clone(), self.lost.clone());
        let version_change = Closure::<dyn Fn()>::new(move || {
            db.close();
            flag.set(true);
            again();
        });
        let close = Closure::<dyn Fn()>::new(move || {
            closed.set(true);
            on_lost();
        });
        self.db
            .set_onversionchange(Some(version_change.as_ref().unchecked_ref()));
        self.db.set_onclose(Some(close.as_ref().unchecked_ref()));
        version_change.forget();
        close.forget();
    }

    fn transaction(&self, names: &[&str], write: bool) -> Result<IdbTransaction, StorageError> {
        transaction(&self.db, &stores(names), write).map_err(unavailable)
    }

    fn store(tx: &IdbTransaction, name: &str) -> Result<IdbObjectStore, StorageError> {
        tx.object_store(name).map_err(unavailable)
    }

    /// Everything stored, read in one transaction.
    pub async fn snapshot(&self) -> Result<Snapshot, StorageError> {
        let tx = self.transaction(&[RECORDS, META, QUARANTINE], false)?;
        let records = Self::store(&tx, RECORDS)?;
        let quarantine = Self::store(&tx, QUARANTINE)?;
        let (keys, stretches) = keys_then_values(&records)?;
        let head = settled(
            &Self::store(&tx, META)?
                .get(&HEAD.into())
                .map_err(unavailable)?,
        );
        let q_keys = settled(&quarantine.get_all_keys().map_err(unavailable)?);
        let q_values = settled(&quarantine.get_all().map_err(unavailable)?);
        let mut names = as_strings(&keys.await.map_err(unavailable)?).into_iter();
        let mut snapshot = Snapshot {
            head: head
                .await
                .map_err(unavailable)?
                .as_string()
                .map(|h| (HEAD.to_string(), h)),
            ..Snapshot::default()
        };
        let stretches = std::mem::take(&mut *stretches.borrow_mut());
        for values in stretches {
            let values = js_sys::Array::from(&values.await.map_err(unavailable)?);
            let slice: Vec<Option<String>> = names.by_ref().take(TAKE_SLICE).collect();
            take_records(slice, values.iter(), &mut snapshot);
            super::page_events::next_task().await;
        }
        let q_keys = as_strings(&q_keys.await.map_err(unavailable)?);
        let q_values = as_strings(&q_values.await.map_err(unavailable)?);
        for (name, raw) in q_keys.into_iter().zip(q_values) {
            if let (Some(name), Some(raw)) = (name, raw) {
                if let Ok(entry) = serde_json::from_str::<Quarantined>(&raw) {
                    snapshot.quarantined.push((name, entry));
                }
            }
        }
        Ok(snapshot)
    }

    /// The stored text of some records now.
    pub async fn read(&self, keys: &[RecordKey]) -> Result<Vec<Option<String>>, StorageError> {
        let tx = self.transaction(&[RECORDS], false)?;
        let records = Self::store(&tx, RECORDS)?;
        let mut pending = Vec::new();
        for key in keys {
            pending.push(settled(
                &records.get(&key.name().into()).map_err(unavailable)?,
            ));
        }
        let mut out = Vec::new();
        for p in pending {
            out.push(p.await.map_err(unavailable)?.as_string());
        }
        Ok(out)
    }

    /// The head and the records read first when the years from
    /// `since_year` are (`store::filed`), or `None` before the index was
    /// built. Two transactions: which records, then their values; another
    /// page writing between them only changes what the first screen shows
    /// until everything is read.
    pub async fn read_first(&self, since_year: i32) -> Result<Option<Snapshot>, StorageError> {
        let tx = self.transaction(&[RECORDS, META], false)?;
        let meta = Self::store(&tx, META)?;
        let head = settled(&meta.get(&HEAD.into()).map_err(unavailable)?);
        let index = FiledIndex::request(&meta)?;
        let names = settled(
            &Self::store(&tx, RECORDS)?
                .get_all_keys()
                .map_err(unavailable)?,
        );
        let head = head.await.map_err(unavailable)?.as_string();
        let Some(filed) = index.read().await? else {
            return Ok(None);
        };
        let names: Vec<String> = as_strings(&names.await.map_err(unavailable)?)
            .into_iter()
            .flatten()
            .collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let runs = filed::runs_read_first(&names, |name| {
            filed::is_read_first(filed.get(name).copied(), since_year)
        });
        let read_first: usize = runs.iter().map(|(from, to)| to - from + 1).sum();
        if !filed::worth_two_reads(read_first, names.len()) {
            return Ok(None);
        }
        // Each stretch of the store's order in one request; its names and
        // values from the same transaction, so they pair up.
        let tx = self.transaction(&[RECORDS], false)?;
        let records = Self::store(&tx, RECORDS)?;
        let mut asked = Vec::new();
        for (from, to) in runs {
            let range =
                IdbKeyRange::bound(&names[from].into(), &names[to].into()).map_err(unavailable)?;
            asked.push((
                settled(&records.get_all_keys_with_key(&range).map_err(unavailable)?),
                settled(&records.get_all_with_key(&range).map_err(unavailable)?),
            ));
        }
        let mut snapshot = Snapshot {
            head: head.map(|h| (HEAD.to_string(), h)),
            ..Snapshot::default()
        };
        for (keys, values) in asked {
            let keys = as_strings(&keys.await.map_err(unavailable)?);
            let values = js_sys::Array::from(&values.await.map_err(unavailable)?);
            take_records(keys, values.iter(), &mut snapshot);
        }
        Ok(Some(snapshot))
    }

    /// Files the records under their years, writing only what changed,
    /// and marks the index built.
    pub async fn file(&self, years: &BTreeMap<String, i32>) -> Result<(), StorageError> {
        let tx = self.transaction(&[META], false)?;
        let stored = FiledIndex::request(&Self::store(&tx, META)?)?
            .read()
            .await?;
        let changes = filed::changes(years, stored.as_ref().unwrap_or(&BTreeMap::new()));
        if stored.is_some() && changes.is_empty() {
            return Ok(());
        }
        let tx = self.transaction(&[META], true)?;
        let done = finished(&tx);
        let meta = Self::store(&tx, META)?;
        for (name, year) in changes {
            let key = JsValue::from(format!("{FILED_PREFIX}{name}"));
            match year {
                Some(year) => meta.put_with_key(&JsValue::from(year), &key),
                None => meta.delete(&key),
            }
            .map_err(unavailable)?;
        }
        meta.put_with_key(&JsValue::TRUE, &FILED.into())
            .map_err(unavailable)?;
        done.await.map(|_| ()).map_err(unavailable)
    }

    /// Commits a transaction of the store by the rule of `decide`.
    pub async fn commit(&self, txn: &Txn) -> TxnOutcome {
        match self.try_commit(txn).await {
            Ok(outcome) => outcome,
            Err(e) => TxnOutcome::Failed(e),
        }
    }

    async fn try_commit(&self, txn: &Txn) -> Result<TxnOutcome, StorageError> {
        let tx = self.transaction(&[RECORDS, META], true)?;
        let records = Self::store(&tx, RECORDS)?;
        let meta = Self::store(&tx, META)?;
        let done = finished(&tx);
        let head = meta.get(&HEAD.into()).map_err(unavailable)?;
        let mut gets = Vec::new();
        for w in &txn.writes {
            gets.push(records.get(&w.key.name().into()).map_err(unavailable)?);
        }
        let all_keys = if txn.replace_all {
            Some(records.get_all_keys().map_err(unavailable)?)
        } else {
            None
        };
        // Requests complete in the order they were made: when the last one
        // has, every result is there, and the transaction is still active.
        let last = all_keys
            .clone()
            .or_else(|| gets.last().cloned())
            .unwrap_or_else(|| head.clone());
        let decision: Rc<RefCell<Option<Verdict>>> = Rc::new(RefCell::new(None));
        let verdict = decision.clone();
        let txn_copy = txn.clone();
        let tx_in = tx.clone();
        let on_last = Closure::once_into_js(move || {
            let head = head.result().ok().and_then(|v| v.as_string());
            let stored: Vec<Option<String>> = gets
                .iter()
                .map(|g| g.result().ok().and_then(|v| v.as_string()))
                .collect();
            let result = match decide(&txn_copy, head.as_deref(), &stored) {
                Ok(puts) => write_puts(&txn_copy, &records, &meta, all_keys.as_ref(), puts),
                Err(outcome) => Err(outcome),
            };
            if result.is_err() {
                let _ = tx_in.abort();
            }
            *verdict.borrow_mut() = Some(result);
        });
        last.set_onsuccess(Some(on_last.unchecked_ref()));
        let completed = done.await;
        let verdict = decision.borrow_mut().take();
        Ok(match (completed, verdict) {
            (Ok(_), Some(Ok(revs))) => TxnOutcome::Committed(revs),
            (_, Some(Err(outcome))) => outcome,
            (Err(e), _) => TxnOutcome::Failed(classify(&e)),
            (Ok(_), None) => TxnOutcome::Failed(StorageError::Unavailable("事务未执行".into())),
        })
    }

    /// Keeps values aside and deletes their originals in one transaction.
    pub async fn set_aside(&self, moves: &[(String, Quarantined)]) -> Result<(), StorageError> {
        if moves.is_empty() {
            return Ok(());
        }
        let tx = self.transaction(&[RECORDS, META, QUARANTINE], true)?;
        let done = finished(&tx);
        let records = Self::store(&tx, RECORDS)?;
        let meta = Self::store(&tx, META)?;
        let quarantine = Self::store(&tx, QUARANTINE)?;
        for (origin, entry) in moves {
            let text = serde_json::to_string(entry).unwrap_or_default();
            quarantine
                .put_with_key(&text.into(), &entry.name().into())
                .map_err(unavailable)?;
            if origin == HEAD {
                meta.delete(&HEAD.into()).map_err(unavailable)?;
            } else {
                records.delete(&origin.into()).map_err(unavailable)?;
            }
        }
        done.await.map(|_| ()).map_err(unavailable)
    }

    pub async fn discard_quarantined(&self, name: &str) -> Result<(), StorageError> {
        let tx = self.transaction(&[QUARANTINE], true)?;
        let done = finished(&tx);
        Self::store(&tx, QUARANTINE)?
            .delete(&name.into())
            .map_err(unavailable)?;
        done.await.map(|_| ()).map_err(unavailable)
    }

    /// Moves the first version's records in, in one transaction, and reads
    /// them back: `Ok` only when every one of them is there as it was.
    pub async fn move_in(&self, mv: &Move) -> Result<(), StorageError> {
        let tx = self.transaction(&[RECORDS, META, QUARANTINE], true)?;
        let done = finished(&tx);
        let records = Self::store(&tx, RECORDS)?;
        if let Some(head) = &mv.head {
            Self::store(&tx, META)?
                .put_with_key(&head.into(), &HEAD.into())
                .map_err(unavailable)?;
        }
        for (key, raw) in &mv.records {
            records
                .put_with_key(&raw.into(), &key.name().into())
                .map_err(unavailable)?;
        }
        let quarantine = Self::store(&tx, QUARANTINE)?;
        for (name, entry) in &mv.quarantined {
            let text = serde_json::to_string(entry).unwrap_or_default();
            quarantine
                .put_with_key(&text.into(), &name.into())
                .map_err(unavailable)?;
        }
        done.await.map_err(unavailable)?;
        let keys: Vec<RecordKey> = mv.records.iter().map(|(k, _)| k.clone()).collect();
        let back = self.read(&keys).await?;
        let same = mv
            .records
            .iter()
            .zip(back)
            .all(|((_, raw), got)| got.as_deref() == Some(raw.as_str()));
        if same {
            Ok(())
        } else {
            Err(StorageError::Unavailable("移入后读回的内容不一致".into()))
        }
    }

    /// Whether anything is stored (a head or a record).
    pub async fn has_data(&self) -> Result<bool, StorageError> {
        let tx = self.transaction(&[RECORDS, META], false)?;
        let head = settled(
            &Self::store(&tx, META)?
                .get(&HEAD.into())
                .map_err(unavailable)?,
        );
        let count = settled(&Self::store(&tx, RECORDS)?.count().map_err(unavailable)?);
        let head = head.await.map_err(unavailable)?;
        let count = count.await.map_err(unavailable)?.as_f64().unwrap_or(0.0);
        Ok(!head.is_undefined() || count > 0.0)
    }

    /// The undo point of the last import, kept until the user dismisses it.
    pub async fn save_undo(&self, point: Option<&str>) -> Result<(), StorageError> {
        let tx = self.transaction(&[UNDO], true)?;
        let done = finished(&tx);
        let store = Self::store(&tx, UNDO)?;
        match point {
            Some(text) => store.put_with_key(&text.into(), &"point".into()),
            None => store.delete(&"point".into()),
        }
        .map_err(unavailable)?;
        done.await.map(|_| ()).map_err(unavailable)
    }

    pub async fn load_undo(&self) -> Result<Option<String>, StorageError> {
        let tx = self.transaction(&[UNDO], false)?;
        let value = settled(
            &Self::store(&tx, UNDO)?
                .get(&"point".into())
                .map_err(unavailable)?,
        );
        Ok(value.await.map_err(unavailable)?.as_string())
    }
}

/// How many stored values `snapshot` asks for at a time.
const TAKE_SLICE: usize = 100;

/// The answers to the stretches `keys_then_values` asks for, in order,
/// there once the names are.
type Stretches = Rc<RefCell<Vec<JsFuture>>>;

/// The names of the records in `records` and then, asked for the moment
/// they are known (in their answer's handler: the same transaction, so the
/// names and values pair up), the values in stretches of `TAKE_SLICE`
/// names. Each stretch is answered and taken in its own task: ten years of
/// values in one answer cost ~30 ms at 4x CPU to take, and ~40 ms more to
/// make strings of, with no tap answered meanwhile.
fn keys_then_values(records: &IdbObjectStore) -> Result<(JsFuture, Stretches), StorageError> {
    let request = records.get_all_keys().map_err(unavailable)?;
    let stretches = Rc::new(RefCell::new(Vec::new()));
    let asked = stretches.clone();
    let records = records.clone();
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let answered = request.clone();
        let records = records.clone();
        let asked = asked.clone();
        let on_reject = reject.clone();
        let on_success = Closure::once_into_js(move || {
            let keys = answered.result().unwrap_or(JsValue::UNDEFINED);
            let names = js_sys::Array::from(&keys);
            let mut pending = Vec::new();
            let mut from = 0;
            while from < names.length() {
                let to = (from + TAKE_SLICE as u32).min(names.length()) - 1;
                let stretch = IdbKeyRange::bound(&names.get(from), &names.get(to))
                    .and_then(|range| records.get_all_with_key(&range));
                match stretch {
                    Ok(stretch) => pending.push(settled(&stretch)),
                    Err(e) => {
                        let _ = on_reject.call1(&JsValue::NULL, &e);
                        return;
                    }
                }
                from = to + 1;
            }
            *asked.borrow_mut() = pending;
            let _ = resolve.call1(&JsValue::NULL, &keys);
        });
        let failed = request.clone();
        let on_error = Closure::once_into_js(move || {
            let _ = reject.call1(&JsValue::NULL, &request_error(&failed));
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    Ok((JsFuture::from(promise), stretches))
}

/// Takes stored values into `snapshot`, by their stored names: a record
/// it can read, or one set aside with why not.
fn take_records(
    keys: Vec<Option<String>>,
    values: impl Iterator<Item = JsValue>,
    snapshot: &mut Snapshot,
) {
    for (name, value) in keys.into_iter().zip(values) {
        let Some(name) = name else {
            continue;
        };
        // Only text is ever written: anything else was written by
        // something else, and is set aside with a notice, never read
        // as absent and written over.
        let Some(raw) = value.as_string() else {
            let label = RecordKey::from_name(&name)
                .map_or_else(|| "无法识别的记录".to_string(), |k| k.label());
            let raw = js_sys::JSON::stringify(&value)
                .ok()
                .and_then(|t| t.as_string())
                .unwrap_or_default();
            snapshot
                .unreadable
                .push((name, label, "存储的内容不是文字".into(), raw));
            continue;
        };
        match RecordKey::from_name(&name) {
            Some(key) => snapshot.records.push(Found {
                key,
                origin: name,
                raw,
            }),
            None => snapshot.unreadable.push((
                name,
                "无法识别的记录".into(),
                "记录名称无法识别".into(),
                raw,
            )),
        }
    }
}

/// The stored index of filed years, asked for in a transaction on `meta`.
struct FiledIndex {
    built: JsFuture,
    names: JsFuture,
    years: JsFuture,
}

impl FiledIndex {
    fn request(meta: &IdbObjectStore) -> Result<FiledIndex, StorageError> {
        // Every key from "filed/" up to "filed0" ('0' follows '/').
        let range =
            IdbKeyRange::bound(&FILED_PREFIX.into(), &"filed0".into()).map_err(unavailable)?;
        Ok(FiledIndex {
            built: settled(&meta.get(&FILED.into()).map_err(unavailable)?),
            names: settled(&meta.get_all_keys_with_key(&range).map_err(unavailable)?),
            years: settled(&meta.get_all_with_key(&range).map_err(unavailable)?),
        })
    }

    /// The year of each record name, or `None` if the index was never built.
    async fn read(self) -> Result<Option<BTreeMap<String, i32>>, StorageError> {
        let built = self.built.await.map_err(unavailable)?;
        let names = as_strings(&self.names.await.map_err(unavailable)?);
        let years = js_sys::Array::from(&self.years.await.map_err(unavailable)?);
        if built.is_undefined() {
            return Ok(None);
        }
        Ok(Some(
            names
                .into_iter()
                .zip(years.iter())
                .filter_map(|(name, year)| {
                    let name = name?.strip_prefix(FILED_PREFIX)?.to_string();
                    Some((name, year.as_f64()? as i32))
                })
                .collect(),
        ))
    }
}

/// What the transaction decided: the revisions it writes, or why not.
type Verdict = Result<Vec<(RecordKey, u64)>, TxnOutcome>;

/// Issues the writes `decide` allowed; the revisions written, or the
/// outcome that made the transaction abort.
fn write_puts(
    txn: &Txn,
    records: &IdbObjectStore,
    meta: &IdbObjectStore,
    all_keys: Option<&IdbRequest>,
    puts: Puts,
) -> Result<Vec<(RecordKey, u64)>, TxnOutcome> {
    let failed = |e: JsValue| TxnOutcome::Failed(classify(&e));
    if let Some(all) = all_keys {
        let keep: Vec<String> = txn.writes.iter().map(|w| w.key.name()).collect();
        let stored = all.result().map(|v| as_strings(&v)).unwrap_or_default();
        for name in stored.into_iter().flatten() {
            if !keep.contains(&name) {
                records.delete(&name.into()).map_err(failed)?;
            }
        }
    }
    let mut revs = Vec::new();
    for (key, sealed, rev) in puts.records {
        match sealed {
            Some(raw) => records.put_with_key(&raw.into(), &key.name().into()),
            None => records.delete(&key.name().into()),
        }
        .map_err(failed)?;
        revs.push((key, rev));
    }
    meta.put_with_key(&puts.head.into(), &HEAD.into())
        .map_err(failed)?;
    Ok(revs)
}
