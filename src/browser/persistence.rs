//! Runs the store's session against the browser: IndexedDB (or localStorage
//! where IndexedDB is blocked, or memory where both are), the synchronous
//! journal that makes each tap safe before its commit completes, and the
//! messages between pages of the app. The page owns the document; this
//! module changes it only through `Host`.

use std::cell::RefCell;
use std::collections::BTreeMap;

use wasm_bindgen::JsValue;

use super::local_storage::{self, LocalStorageKv};
use super::record_db::Idb;
use super::tabs;
use crate::domain::Document;
use crate::format::clock::Clock;
use crate::format::record::rev_of;
use crate::store::db::{RecordDb, Snapshot, Txn, TxnOutcome};
use crate::store::journal::{self, Journal};
use crate::store::kv_db::KvDb;
use crate::store::loading::{load, Loaded};
use crate::store::memory::MemoryDb;
use crate::store::migration;
use crate::store::quarantine::Quarantined;
use crate::store::records::{RecordKey, RecordValue};
use crate::store::session::{After, Op, Session};
use crate::store::StorageError;

/// Where the records are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    IndexedDb,
    /// IndexedDB is missing or blocked: localStorage, about 5 MB.
    LocalStorage,
    /// No storage at all: this visit only.
    Memory,
}

/// What the page hears from persistence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// Everything entered so far is stored.
    Saved,
    /// The last commit failed (full, unavailable); the edits are kept in
    /// memory and go with the next one.
    Failed(String),
    ReadOnly(String),
    /// Another page kept writing the same records.
    Conflict,
    /// The site's storage was emptied under the page; what the page holds
    /// is being written back.
    Cleared,
    /// Values that could not be read, kept aside.
    SetAside(Vec<Quarantined>),
    /// Another page changed records this page shows.
    Followed,
}

/// The page, as persistence sees it.
pub trait Host: Clone + 'static {
    fn update_doc(&self, f: &mut dyn FnMut(&mut Document));
    /// Like `update_doc`, but what shows the document redraws only if `f`
    /// says it changed something.
    fn update_doc_if(&self, f: &mut dyn FnMut(&mut Document) -> bool) {
        self.update_doc(&mut |doc| {
            f(doc);
        });
    }
    fn read_doc(&self, f: &mut dyn FnMut(&Document));
    fn hear(&self, event: Event);
}

/// What start-up found.
pub struct Started {
    pub doc: Document,
    pub place: Place,
    /// Why the records are not in IndexedDB, when they are not.
    pub place_reason: Option<String>,
    pub read_only: Option<String>,
    /// Values kept aside, with their stored names ("" if they could not
    /// be stored aside and live only in this page).
    pub quarantined: Vec<(String, Quarantined)>,
    pub undo: Option<String>,
    /// Journalled edits of a closed page were written at start-up.
    pub replayed: usize,
}

enum Backend {
    Idb(Idb),
    Local(KvDb<LocalStorageKv>),
    Memory(MemoryDb),
}

struct Persistence {
    session: Session,
    backend: Backend,
    tab: String,
    committing: bool,
    /// Edits made since the journal was last written (see `edit`).
    journal_waiting: bool,
    waiters: Vec<js_sys::Function>,
    undo_in_memory: Option<String>,
}

thread_local! {
    static PERSISTENCE: RefCell<Option<Persistence>> = const { RefCell::new(None) };
}

fn with<T>(f: impl FnOnce(&mut Persistence) -> T) -> Option<T> {
    PERSISTENCE.with(|cell| cell.borrow_mut().as_mut().map(f))
}

fn now() -> u64 {
    js_sys::Date::now() as u64
}

/// Nothing of the app is stored on this device: no records in IndexedDB
/// (opening it creates it empty), nothing in localStorage but settings.
/// Where either cannot be read, something might be.
pub async fn nothing_stored() -> bool {
    if LocalStorageKv::open().is_ok_and(|kv| kv.holds_data()) {
        return false;
    }
    match Idb::open().await {
        Ok(idb) => {
            let empty = matches!(idb.has_data().await, Ok(false));
            idb.close();
            empty
        }
        Err(_) => false,
    }
}

/// Opens the records: IndexedDB after moving in the first version's
/// localStorage records and replaying journals of closed pages; else
/// localStorage; else memory.
pub async fn start(host: impl Host, device: &str) -> Started {
    let tab = super::clock::new_id("tab");
    tabs::hold_tab_lock(&tab);
    let local = LocalStorageKv::open().ok();
    let (mut backend, place_reason, mut set_aside_found, replayed) = match Idb::open().await {
        Ok(idb) => {
            let mut found = Vec::new();
            if let Some(kv) = &local {
                found.extend(move_first_version(&idb, kv).await);
            }
            let (replayed, overtaken) = replay_journals(&idb, device, &tab).await;
            found.extend(overtaken);
            (Backend::Idb(idb), None, found, replayed)
        }
        Err(e) => match local {
            Some(kv) if kv.readable() => (
                Backend::Local(KvDb::new(kv)),
                Some(format!(
                    "这个浏览器不允许使用 IndexedDB（{}），数据暂存在本地存储中，容量约 5 MB。",
                    e.message()
                )),
                Vec::new(),
                0,
            ),
            _ => (
                Backend::Memory(MemoryDb::new()),
                Some(e.message()),
                Vec::new(),
                0,
            ),
        },
    };
    let place = match backend {
        Backend::Idb(_) => Place::IndexedDb,
        Backend::Local(_) => Place::LocalStorage,
        Backend::Memory(_) => Place::Memory,
    };
    let snapshot = match snapshot_of(&backend).await {
        Ok(s) => s,
        Err(e) => {
            return memory_start(host, device, tab, e.message()).await;
        }
    };
    let loaded = load(&snapshot);
    let mut session = Session::open(&loaded, device);
    let mut quarantined: Vec<(String, Quarantined)> = snapshot.quarantined.clone();
    let moves = loaded.set_aside.clone();
    if !moves.is_empty() {
        match set_aside_in(&mut backend, &moves).await {
            Ok(()) => quarantined.extend(moves.iter().map(|(_, q)| (q.name(), q.clone()))),
            Err(e) => {
                session.set_read_only(format!(
                    "有无法读取的数据，但{}，无法把它另存：为免覆盖，本页不会写入。请先在“数据恢复”中下载这些数据。",
                    e.message()
                ));
                quarantined.extend(moves.into_iter().map(|(_, q)| (String::new(), q)));
            }
        }
    }
    if !set_aside_found.is_empty() {
        let moves: Vec<(String, Quarantined)> = set_aside_found
            .drain(..)
            .map(|q| (String::from("-"), q))
            .collect();
        let stored = set_aside_in(&mut backend, &moves).await.is_ok();
        quarantined.extend(moves.into_iter().map(|(_, q)| {
            let name = if stored { q.name() } else { String::new() };
            (name, q)
        }));
    }
    let undo = match &backend {
        Backend::Idb(idb) => idb.load_undo().await.ok().flatten(),
        Backend::Local(_) => local_storage::read_undo(),
        Backend::Memory(_) => None,
    };
    let read_only = session.read_only().map(str::to_string);
    let Loaded { doc, .. } = loaded;
    if let Backend::Idb(idb) = &backend {
        let lost = host.clone();
        idb.on_lost(move || connection_lost(lost.clone()));
    }
    PERSISTENCE.with(|cell| {
        *cell.borrow_mut() = Some(Persistence {
            session,
            backend,
            tab: tab.clone(),
            committing: false,
            journal_waiting: false,
            waiters: Vec::new(),
            undo_in_memory: None,
        })
    });
    let heard = host.clone();
    tabs::on_message(move |text| other_page_wrote(heard.clone(), text));
    journal_when_hidden(&host);
    Started {
        doc,
        place,
        place_reason,
        read_only,
        quarantined,
        undo,
        replayed,
    }
}

async fn memory_start(host: impl Host, device: &str, tab: String, why: String) -> Started {
    let loaded = Loaded::default();
    PERSISTENCE.with(|cell| {
        *cell.borrow_mut() = Some(Persistence {
            session: Session::open(&loaded, device),
            backend: Backend::Memory(MemoryDb::new()),
            tab,
            committing: false,
            journal_waiting: false,
            waiters: Vec::new(),
            undo_in_memory: None,
        })
    });
    journal_when_hidden(&host);
    Started {
        doc: Document::default(),
        place: Place::Memory,
        place_reason: Some(why),
        read_only: None,
        quarantined: Vec::new(),
        undo: None,
        replayed: 0,
    }
}

async fn snapshot_of(backend: &Backend) -> Result<Snapshot, StorageError> {
    match backend {
        Backend::Idb(idb) => idb.snapshot().await,
        Backend::Local(kv) => kv.snapshot(),
        Backend::Memory(db) => db.snapshot(),
    }
}

/// Keeps values aside, before the backend is shared with the page.
async fn set_aside_in(
    backend: &mut Backend,
    moves: &[(String, Quarantined)],
) -> Result<(), StorageError> {
    match backend {
        Backend::Idb(idb) => idb.set_aside(moves).await,
        Backend::Local(kv) => kv.set_aside(moves),
        Backend::Memory(db) => db.set_aside(moves),
    }
}

/// The first version kept records in localStorage: they move into
/// IndexedDB once, verified, before the old keys go.
async fn move_first_version(idb: &Idb, kv: &LocalStorageKv) -> Vec<Quarantined> {
    let old = KvDb::new(kv.clone());
    let Ok(sources) = old.stored_keys() else {
        return Vec::new();
    };
    if sources.is_empty() {
        return Vec::new();
    }
    let mut old = old;
    if !idb.has_data().await.unwrap_or(true) {
        let Ok(snapshot) = old.snapshot() else {
            return Vec::new();
        };
        let mv = migration::plan(&snapshot, sources);
        if idb.move_in(&mv).await.is_err() {
            // Nothing is removed: the next start tries again.
            return Vec::new();
        }
        let changed = old.remove_unchanged(&mv.sources).unwrap_or_default();
        return keep_leftovers(idb, &mut old, changed).await;
    }
    keep_leftovers(idb, &mut old, sources).await
}

/// Old keys that are still there after the move: kept aside in IndexedDB,
/// then removed.
async fn keep_leftovers(
    idb: &Idb,
    old: &mut KvDb<LocalStorageKv>,
    left: Vec<(String, String)>,
) -> Vec<Quarantined> {
    if left.is_empty() {
        return Vec::new();
    }
    let moves = migration::leftovers(&left);
    let stored: Vec<(String, Quarantined)> = moves
        .iter()
        .map(|(_, q)| (String::from("-"), q.clone()))
        .collect();
    if idb.set_aside(&stored).await.is_ok() {
        let _ = old.remove_unchanged(&left);
    }
    Vec::new()
}

/// Writes the journalled edits of pages that closed before their commit.
async fn replay_journals(idb: &Idb, device: &str, tab: &str) -> (usize, Vec<Quarantined>) {
    let mut journals = local_storage::read_journals();
    if journals.is_empty() {
        return (0, Vec::new());
    }
    let alive = tabs::held_tab_locks().await;
    journals.retain(|(_, j)| j.tab != tab && !alive.contains(&j.tab));
    let keys = journal::keys(&journals.iter().map(|(_, j)| j.clone()).collect::<Vec<_>>());
    let Ok(stored) = idb.read(&keys).await else {
        return (0, Vec::new());
    };
    let stored: BTreeMap<RecordKey, Option<String>> = keys.into_iter().zip(stored).collect();
    let list: Vec<Journal> = journals.iter().map(|(_, j)| j.clone()).collect();
    let replay = journal::plan(&list, &stored, device, now());
    let mut written = 0;
    if let Some(txn) = &replay.txn {
        match idb.commit(txn).await {
            TxnOutcome::Committed(revs) => written = revs.len(),
            // Kept for the next start rather than lost.
            _ => return (0, replay.set_aside),
        }
    }
    for (key, _) in &journals {
        local_storage::remove(key);
    }
    (written, replay.set_aside)
}

/// Applies an edit to `keys` and stores it: journalled, then committed as
/// soon as the previous commit is done.
///
/// Writing the journal is most of what a tap costs besides showing it, so
/// it follows the frame that shows the tap, with the taps made meanwhile;
/// a page being hidden or unloaded writes it at once (phones kill hidden
/// pages, and an unloading page runs no more timers).
pub fn edit(host: &impl Host, keys: Vec<RecordKey>, op: Op) {
    host.update_doc(&mut |doc| {
        with(|p| p.session.edit(doc, keys.clone(), op.clone()));
    });
    let newly_waiting = with(|p| !std::mem::replace(&mut p.journal_waiting, true)).unwrap_or(false);
    if super::page_events::page_is_hiding() {
        write_journal(host);
    } else if newly_waiting {
        let host = host.clone();
        let painted = super::page_events::after_next_paint();
        wasm_bindgen_futures::spawn_local(async move {
            painted.await;
            write_journal(&host);
        });
    }
    kick(host);
}

/// A page being hidden or unloaded writes its journal at once. (Following
/// the page's hiding first makes every later edit see it.)
fn journal_when_hidden(host: &impl Host) {
    super::page_events::page_is_hiding();
    let host = host.clone();
    super::page_events::on_page_hidden(move || write_journal(&host));
}

/// Writes the journal of the edits not stored yet, if any came since it
/// was last written.
fn write_journal(host: &impl Host) {
    let mut journal = None;
    host.read_doc(&mut |doc| {
        journal = with(|p| {
            std::mem::take(&mut p.journal_waiting).then(|| (p.tab.clone(), p.session.journal(doc)))
        })
        .flatten();
    });
    if let Some((tab, entries)) = journal {
        local_storage::write_journal(&tab, &entries, now());
    }
}

/// Writes records merged from another phone, each with its merged clock
/// (see `store::merge`), all or nothing; resolves once they are stored, or
/// with why not (the stored data then is as it was, and so is the page).
pub async fn merge(
    host: &impl Host,
    merged: Vec<(RecordKey, RecordValue, Clock)>,
) -> Result<(), String> {
    let waiter = js_sys::Promise::new(&mut |resolve, _| {
        with(|p| p.waiters.push(resolve));
    });
    host.update_doc(&mut |doc| {
        with(|p| p.session.merge_in(doc, merged.clone()));
    });
    kick(host);
    let result = wasm_bindgen_futures::JsFuture::from(waiter).await;
    match result.ok().and_then(|v| v.as_string()) {
        Some(error) if !error.is_empty() => Err(error),
        _ => Ok(()),
    }
}

/// Each record's history as this page knows it, for a package made now.
pub fn clocks(host: &impl Host) -> BTreeMap<RecordKey, Clock> {
    let mut out = BTreeMap::new();
    host.read_doc(&mut |doc| {
        out = with(|p| p.session.clocks(doc)).unwrap_or_default();
    });
    out
}

/// Replaces the whole document; resolves once it is stored, or with why
/// not (the stored data then is as it was, and so is the page).
pub async fn replace(host: &impl Host, new: Document) -> Result<(), String> {
    let waiter = js_sys::Promise::new(&mut |resolve, _| {
        with(|p| p.waiters.push(resolve));
    });
    host.update_doc(&mut |doc| {
        with(|p| p.session.replace(doc, new.clone()));
    });
    kick(host);
    let result = wasm_bindgen_futures::JsFuture::from(waiter).await;
    match result.ok().and_then(|v| v.as_string()) {
        Some(error) if !error.is_empty() => Err(error),
        _ => Ok(()),
    }
}

fn kick(host: &impl Host) {
    let start = with(|p| {
        let idle = !p.committing;
        p.committing = true;
        idle
    });
    if start == Some(true) {
        let host = host.clone();
        // The commit waits for the frame that shows the edit (at once on a
        // page being hidden), and takes every edit made meanwhile.
        let painted = super::page_events::after_next_paint();
        wasm_bindgen_futures::spawn_local(async move {
            painted.await;
            write_journal(&host);
            commit_loop(host).await
        });
    }
}

enum Io {
    Idb(Idb, Txn),
    Done(TxnOutcome, Txn),
}

async fn commit_loop(host: impl Host) {
    loop {
        let mut io = None;
        host.read_doc(&mut |doc| {
            io = with(|p| {
                let txn = p.session.begin(doc, now())?;
                Some(match &mut p.backend {
                    Backend::Idb(idb) => Io::Idb(idb.clone(), txn),
                    Backend::Local(kv) => Io::Done(kv.commit(&txn), txn),
                    Backend::Memory(db) => Io::Done(db.commit(&txn), txn),
                })
            })
            .flatten();
        });
        let Some(io) = io else { break };
        let (outcome, txn) = match io {
            Io::Idb(idb, txn) => (idb.commit(&txn).await, txn),
            Io::Done(outcome, txn) => (outcome, txn),
        };
        let announced = match &outcome {
            TxnOutcome::Committed(revs) => Some(revs.clone()),
            _ => None,
        };
        let mut after = After::Saved;
        let mut found = Vec::new();
        let mut journal = Vec::new();
        let mut unsaved = false;
        host.update_doc_if(&mut |doc| {
            with(|p| {
                (after, found) = p.session.finish(doc, outcome.clone());
                journal = p.session.journal(doc);
                unsaved = p.session.has_unsaved();
            });
            // A stored tap changes nothing on screen; only edits applied
            // again over another page's, or taken back, do.
            matches!(
                after,
                After::Retry | After::Conflict | After::ReplaceFailed(_)
            )
        });
        let tab = with(|p| p.tab.clone()).unwrap_or_default();
        if unsaved {
            local_storage::write_journal(&tab, &journal, now());
        } else {
            local_storage::clear_journal(&tab);
        }
        if !found.is_empty() {
            store_aside(&found).await;
            host.hear(Event::SetAside(found));
        }
        if let Some(revs) = announced {
            tabs::announce(&tab, &revs, txn.replace_all);
        }
        match after {
            After::Saved => {
                if txn.atomic {
                    resolve_waiters("");
                }
                host.hear(Event::Saved);
            }
            After::Retry => {}
            After::Cleared => host.hear(Event::Cleared),
            After::Failed(message) => {
                host.hear(Event::Failed(message));
                break;
            }
            After::ReplaceFailed(message) => {
                resolve_waiters(&message);
                host.hear(Event::Saved);
            }
            After::ReadOnly(message) => {
                resolve_waiters(&message);
                host.hear(Event::ReadOnly(message));
                break;
            }
            After::Conflict => {
                host.hear(Event::Conflict);
                break;
            }
        }
    }
    with(|p| p.committing = false);
}

fn resolve_waiters(message: &str) {
    let waiters = with(|p| std::mem::take(&mut p.waiters)).unwrap_or_default();
    for w in waiters {
        let _ = w.call1(&JsValue::NULL, &JsValue::from_str(message));
    }
}

async fn store_aside(found: &[Quarantined]) {
    let moves: Vec<(String, Quarantined)> = found
        .iter()
        .map(|q| (q.original_key.clone(), q.clone()))
        .collect();
    let idb = with(|p| match &mut p.backend {
        Backend::Idb(idb) => Some(idb.clone()),
        Backend::Local(kv) => {
            let _ = kv.set_aside(&moves);
            None
        }
        Backend::Memory(db) => {
            let _ = db.set_aside(&moves);
            None
        }
    })
    .flatten();
    if let Some(idb) = idb {
        let _ = idb.set_aside(&moves).await;
    }
}

/// Another page stored records: read the ones this page has older and
/// take them in (edits waiting here are applied again on top).
fn other_page_wrote(host: impl Host, text: String) {
    let Some(message) = tabs::Announcement::parse(&text) else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        if message.replaced {
            reload(&host).await;
            return;
        }
        let stale = with(|p| p.session.stale(&message.revs)).unwrap_or_default();
        if stale.is_empty() {
            return;
        }
        let Some(stored) = read_records(&stale).await else {
            return;
        };
        let announced: BTreeMap<&RecordKey, u64> =
            message.revs.iter().map(|(k, r)| (k, *r)).collect();
        let records: Vec<(RecordKey, u64, Option<String>)> = stale
            .iter()
            .zip(stored)
            .map(|(key, raw)| {
                let rev = raw
                    .as_deref()
                    .and_then(rev_of)
                    .or_else(|| announced.get(key).copied())
                    .unwrap_or(0);
                (key.clone(), rev, raw)
            })
            .collect();
        let mut found = Vec::new();
        host.update_doc(&mut |doc| {
            with(|p| found = p.session.absorb(doc, records.clone()));
        });
        if !found.is_empty() {
            host.hear(Event::SetAside(found));
        }
        host.hear(Event::Followed);
        kick(&host);
    });
}

async fn read_records(keys: &[RecordKey]) -> Option<Vec<Option<String>>> {
    let idb = with(|p| match &p.backend {
        Backend::Idb(idb) => Ok(idb.clone()),
        Backend::Local(kv) => Err(kv.read(keys).ok()),
        Backend::Memory(db) => Err(db.read(keys).ok()),
    })?;
    match idb {
        Ok(idb) => idb.read(keys).await.ok(),
        Err(read) => read,
    }
}

/// Reads everything again (another page imported a whole document); this
/// page's waiting edits are applied on top.
async fn reload(host: &impl Host) {
    let idb = with(|p| match &p.backend {
        Backend::Idb(idb) => Some(idb.clone()),
        _ => None,
    })
    .flatten();
    let snapshot = match idb {
        Some(idb) => idb.snapshot().await,
        None => with(|p| match &p.backend {
            Backend::Local(kv) => kv.snapshot(),
            Backend::Memory(db) => db.snapshot(),
            Backend::Idb(_) => Err(StorageError::Unavailable(String::new())),
        })
        .unwrap_or(Err(StorageError::Unavailable(String::new()))),
    };
    let Ok(snapshot) = snapshot else { return };
    let loaded = load(&snapshot);
    host.update_doc(&mut |doc| {
        with(|p| p.session.reload(doc, &loaded));
    });
    host.hear(Event::Followed);
    kick(host);
}

/// The connection was closed under the page: reopen; if the store is now
/// empty, the site's data was deleted, and this page writes back all it
/// holds.
fn connection_lost(host: impl Host) {
    wasm_bindgen_futures::spawn_local(async move {
        // The browser may still be deleting the site's data, so opening
        // is tried again over a few seconds.
        let mut opened = Idb::open().await;
        for wait in [100, 300, 1000, 3000] {
            if opened.is_ok() {
                break;
            }
            super::clock::sleep(wait).await;
            opened = Idb::open().await;
        }
        let Ok(idb) = opened else {
            host.hear(Event::Failed("浏览器存储被关闭，无法重新打开".into()));
            return;
        };
        let lost = host.clone();
        idb.on_lost(move || connection_lost(lost.clone()));
        let empty = !idb.has_data().await.unwrap_or(true);
        with(|p| p.backend = Backend::Idb(idb));
        if empty {
            host.update_doc(&mut |doc| {
                with(|p| p.session.cleared(doc));
            });
            host.hear(Event::Cleared);
            kick(&host);
        } else {
            reload(&host).await;
        }
    });
}

/// The values kept aside, as stored now.
pub async fn quarantined() -> Vec<(String, Quarantined)> {
    let idb = with(|p| match &p.backend {
        Backend::Idb(idb) => Ok(idb.clone()),
        Backend::Local(kv) => Err(kv.snapshot().map(|s| s.quarantined).unwrap_or_default()),
        Backend::Memory(db) => Err(db.snapshot().map(|s| s.quarantined).unwrap_or_default()),
    });
    match idb {
        Some(Ok(idb)) => idb
            .snapshot()
            .await
            .map(|s| s.quarantined)
            .unwrap_or_default(),
        Some(Err(list)) => list,
        None => Vec::new(),
    }
}

pub async fn discard_quarantined(name: &str) {
    let idb = with(|p| match &mut p.backend {
        Backend::Idb(idb) => Some(idb.clone()),
        Backend::Local(kv) => {
            let _ = kv.discard_quarantined(name);
            None
        }
        Backend::Memory(db) => {
            let _ = db.discard_quarantined(name);
            None
        }
    })
    .flatten();
    if let Some(idb) = idb {
        let _ = idb.discard_quarantined(name).await;
    }
}

/// Keeps (or with `None` forgets) the undo point of the last import.
pub async fn save_undo(point: Option<String>) {
    let idb = with(|p| match &p.backend {
        Backend::Idb(idb) => Some(idb.clone()),
        Backend::Local(_) => {
            local_storage::write_undo(point.as_deref());
            None
        }
        Backend::Memory(_) => {
            p.undo_in_memory = point.clone();
            None
        }
    })
    .flatten();
    if let Some(idb) = idb {
        let _ = idb.save_undo(point.as_deref()).await;
    }
}

pub async fn load_undo() -> Option<String> {
    let idb = with(|p| match &p.backend {
        Backend::Idb(idb) => Ok(idb.clone()),
        Backend::Local(_) => Err(local_storage::read_undo()),
        Backend::Memory(_) => Err(p.undo_in_memory.clone()),
    })?;
    match idb {
        Ok(idb) => idb.load_undo().await.ok().flatten(),
        Err(point) => point,
    }
}

/// Closes the store of this page (a test that starts the app again).
pub fn shut_down() {
    if let Some(Persistence {
        backend: Backend::Idb(idb),
        ..
    }) = PERSISTENCE.with(|cell| cell.borrow_mut().take())
    {
        idb.close();
    }
}

/// Records with edits not yet stored.
pub fn has_unsaved() -> bool {
    with(|p| p.session.has_unsaved()).unwrap_or(false)
}

/// The stored revision of one record, as this page knows it.
pub fn revision(key: &RecordKey) -> u64 {
    with(|p| p.session.revision(key)).unwrap_or(0)
}
