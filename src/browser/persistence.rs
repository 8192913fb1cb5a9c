//! Runs the application core (`crate::app`) in the page: picks where
//! records live (IndexedDB, else localStorage, else memory), writes the
//! journal once a tap is painted (at once on a page being hidden) and
//! commits after it, tells other tabs what was stored and follows theirs,
//! and reopens a store whose connection was lost. Everything it decides
//! about the data, the core decides.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

use super::local_storage::{self, LocalStorageKv};
use super::record_db::Idb;
use super::tabs;
use crate::app::{first_read, Backend, Core, Event, Host, InMemory, Opened};
use crate::domain::{Document, RecordKey};
use crate::store::db::{RecordDb, Snapshot, Txn, TxnOutcome};
use crate::store::device::DeviceState;
use crate::store::journal::{Journal, JournalEntry};
use crate::store::kv_db::KvDb;
use crate::store::migration;
use crate::store::session::Op;
use crate::store::{Quarantined, StorageError};

/// Where the records are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    IndexedDb,
    /// IndexedDB is missing or blocked: localStorage, about 5 MB.
    LocalStorage,
    /// No storage at all: this visit only.
    Memory,
}

/// The page's store: one of three places.
#[derive(Clone)]
pub enum Store {
    Idb(Idb),
    Local(Rc<RefCell<KvDb<LocalStorageKv>>>),
    Memory(InMemory),
}

pub type PageCore = Core<Store>;

thread_local! {
    static CORE: RefCell<Option<Rc<PageCore>>> = const { RefCell::new(None) };
    /// A journal-and-commit is waiting for the next painted frame.
    static COMMIT_WAITING: Cell<bool> = const { Cell::new(false) };
}

/// The core, once the store is open.
pub fn core() -> Option<Rc<PageCore>> {
    CORE.with(|cell| cell.borrow().clone())
}

/// What start-up found.
pub struct Started {
    pub place: Place,
    /// Why the records are not in IndexedDB, when they are not.
    pub place_reason: Option<String>,
    pub opened: Opened,
}

/// The page as the core sees it, with other tabs told of every commit.
struct Page<H: Host> {
    ui: H,
    tab: String,
}

impl<H: Host> Host for Page<H> {
    fn update_doc(&self, f: &mut dyn FnMut(&mut crate::domain::Document) -> bool) {
        self.ui.update_doc(f);
    }

    fn read_doc(&self, f: &mut dyn FnMut(&crate::domain::Document)) {
        self.ui.read_doc(f);
    }

    fn hear(&self, event: Event) {
        match event {
            Event::Stored { revs, replaced } => tabs::announce(&self.tab, &revs, replaced),
            event => self.ui.hear(event),
        }
    }

    fn now(&self) -> u64 {
        self.ui.now()
    }
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

/// Opens the records and puts them on the page: IndexedDB after moving in
/// the first version's localStorage records; else localStorage; else memory.
/// `show_first`, where given, is shown what home needs as soon as it is
/// read (`app::first_read`); everything else is read after that frame.
pub async fn start(
    ui: impl Host + Clone,
    device: DeviceState,
    show_first: Option<Box<dyn FnOnce(Document)>>,
) -> Started {
    let tab = super::clock::new_id("tab");
    tabs::hold_tab_lock(&tab);
    let local = LocalStorageKv::open().ok();
    let (store, place, place_reason) = match Idb::open().await {
        Ok(idb) => {
            if let Some(kv) = &local {
                move_first_version(&idb, kv).await;
            }
            (Store::Idb(idb), Place::IndexedDb, None)
        }
        Err(e) => match local {
            Some(kv) if kv.readable() => (
                Store::Local(Rc::new(RefCell::new(KvDb::new(kv)))),
                Place::LocalStorage,
                Some(format!(
                    "这个浏览器不允许使用 IndexedDB（{}），数据暂存在本地存储中，容量约 5 MB。",
                    e.message()
                )),
            ),
            _ => (
                Store::Memory(InMemory::empty()),
                Place::Memory,
                Some(e.message()),
            ),
        },
    };
    let alive = tabs::held_tab_locks().await;
    if let Some(show) = show_first {
        if let Some(doc) = first_read::read_first(&store, &tab, &alive, super::clock::today()).await
        {
            show(doc);
            super::page_events::after_next_paint().await;
        }
    }
    let page = |ui| Page {
        ui,
        tab: tab.clone(),
    };
    let lost = match &store {
        Store::Idb(idb) => idb.lost_flag(),
        _ => Rc::new(Cell::new(false)),
    };
    let mut first = Core::open(page(ui.clone()), store, device.clone(), &tab, &alive).await;
    // The site's data was deleted while this page was opening it: open
    // the new, empty database (the deletion is over) and start on it.
    if first.is_err() && lost.get() {
        if let Ok(idb) = Idb::open().await {
            first = Core::open(
                page(ui.clone()),
                Store::Idb(idb),
                device.clone(),
                &tab,
                &alive,
            )
            .await;
        }
    }
    let (page_core, place, place_reason, opened) = match first {
        Ok((page_core, opened)) => (page_core, place, place_reason, opened),
        Err(e) => {
            let memory = Store::Memory(InMemory::empty());
            match Core::open(page(ui), memory, device, &tab, &[]).await {
                Ok((page_core, opened)) => (page_core, Place::Memory, Some(e.message()), opened),
                // Memory cannot fail to open; nothing is on the page.
                Err(_) => return memory_only(e.message()),
            }
        }
    };
    let opened_core = Rc::new(page_core);
    if let Store::Idb(idb) = opened_core.store() {
        idb.on_lost(connection_lost);
    }
    CORE.with(|cell| *cell.borrow_mut() = Some(opened_core.clone()));
    // Off the first screen's way: filing reads the index and writes what
    // changed since the last start.
    wasm_bindgen_futures::spawn_local(async move {
        super::page_events::after_next_paint().await;
        opened_core.file_records().await;
    });
    tabs::on_message(other_page_wrote);
    super::page_events::page_is_hiding();
    super::page_events::on_page_hidden(|| {
        if let Some(core) = core() {
            core.write_journal();
        }
    });
    Started {
        place,
        place_reason,
        opened,
    }
}

fn memory_only(why: String) -> Started {
    Started {
        place: Place::Memory,
        place_reason: Some(why),
        opened: Opened::default(),
    }
}

/// The first version kept records in localStorage: they move into
/// IndexedDB once, verified, before the old keys go.
async fn move_first_version(idb: &Idb, kv: &LocalStorageKv) {
    let old = KvDb::new(kv.clone());
    let Ok(sources) = old.stored_keys() else {
        return;
    };
    if sources.is_empty() {
        return;
    }
    let mut old = old;
    if !idb.has_data().await.unwrap_or(true) {
        let Ok(snapshot) = old.snapshot() else {
            return;
        };
        let mv = migration::plan(&snapshot, sources);
        if idb.move_in(&mv).await.is_err() {
            // Nothing is removed: the next start tries again.
            return;
        }
        let changed = old.remove_unchanged(&mv.sources).unwrap_or_default();
        keep_leftovers(idb, &mut old, changed).await;
        return;
    }
    keep_leftovers(idb, &mut old, sources).await;
}

/// Old keys that are still there after the move: kept aside in IndexedDB,
/// then removed (only once they are safe there).
async fn keep_leftovers(idb: &Idb, old: &mut KvDb<LocalStorageKv>, left: Vec<(String, String)>) {
    if left.is_empty() {
        return;
    }
    let moves = migration::leftovers(&left);
    let stored: Vec<(String, Quarantined)> = moves
        .iter()
        .map(|(_, q)| (String::from("-"), q.clone()))
        .collect();
    if idb.set_aside(&stored).await.is_ok() {
        // What is left is safe in IndexedDB either way.
        let _ = old.remove_unchanged(&left);
    }
}

/// Applies an edit to `keys` and stores it: journalled, then committed as
/// soon as the previous commit is done.
///
/// Writing the journal is most of what a tap costs besides showing it, so
/// it follows the frame that shows the tap, with the taps made meanwhile;
/// a page being hidden or unloaded writes it at once (phones kill hidden
/// pages, and an unloading page runs no more timers).
pub fn edit(keys: Vec<RecordKey>, op: Op) {
    let Some(core) = core() else {
        return;
    };
    core.edit(keys, op);
    if super::page_events::page_is_hiding() {
        core.write_journal();
    }
    if COMMIT_WAITING.with(|w| w.replace(true)) {
        return;
    }
    // The journal and the commit wait for the frame that shows the edit,
    // and take every edit made meanwhile.
    let painted = super::page_events::after_next_paint();
    wasm_bindgen_futures::spawn_local(async move {
        painted.await;
        COMMIT_WAITING.with(|w| w.set(false));
        core.write_journal();
        core.commit().await;
    });
}

/// Another page stored records: read the ones this page has older and
/// take them in (edits waiting here are applied again on top).
fn other_page_wrote(text: String) {
    let Some(message) = tabs::Announcement::parse(&text) else {
        return;
    };
    let Some(core) = core() else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        core.follow(&message.revs, message.replaced).await;
    });
}

/// The connection was closed under the page: reopen; if the store is now
/// empty, the site's data was deleted, and this page writes back all it
/// holds.
fn connection_lost() {
    let Some(core) = core() else {
        return;
    };
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
            core.report(Event::Failed("浏览器存储被关闭，无法重新打开".into()));
            return;
        };
        idb.on_lost(connection_lost);
        let empty = !idb.has_data().await.unwrap_or(true);
        core.reconnected(Store::Idb(idb), empty).await;
    });
}

/// Closes the store of this page (a test that starts the app again).
pub fn shut_down() {
    if let Some(core) = CORE.with(|cell| cell.borrow_mut().take()) {
        if let Store::Idb(idb) = core.store() {
            idb.close();
        }
    }
}

impl Backend for Store {
    async fn snapshot(&self) -> Result<Snapshot, StorageError> {
        match self {
            Store::Idb(idb) => idb.snapshot().await,
            Store::Local(kv) => kv.borrow().snapshot(),
            Store::Memory(db) => db.snapshot().await,
        }
    }

    async fn read(&self, keys: &[RecordKey]) -> Result<Vec<Option<String>>, StorageError> {
        match self {
            Store::Idb(idb) => idb.read(keys).await,
            Store::Local(kv) => kv.borrow().read(keys),
            Store::Memory(db) => db.read(keys).await,
        }
    }

    async fn commit(&self, txn: &Txn) -> TxnOutcome {
        match self {
            Store::Idb(idb) => idb.commit(txn).await,
            Store::Local(kv) => kv.borrow_mut().commit(txn),
            Store::Memory(db) => db.commit(txn).await,
        }
    }

    async fn set_aside(&self, moves: &[(String, Quarantined)]) -> Result<(), StorageError> {
        match self {
            Store::Idb(idb) => idb.set_aside(moves).await,
            Store::Local(kv) => kv.borrow_mut().set_aside(moves),
            Store::Memory(db) => db.set_aside(moves).await,
        }
    }

    async fn discard_quarantined(&self, name: &str) -> Result<(), StorageError> {
        match self {
            Store::Idb(idb) => idb.discard_quarantined(name).await,
            Store::Local(kv) => kv.borrow_mut().discard_quarantined(name),
            Store::Memory(db) => db.discard_quarantined(name).await,
        }
    }

    async fn load_undo(&self) -> Result<Option<String>, StorageError> {
        match self {
            Store::Idb(idb) => idb.load_undo().await,
            Store::Local(_) => Ok(local_storage::read_undo()),
            Store::Memory(db) => db.load_undo().await,
        }
    }

    async fn save_undo(&self, point: Option<&str>) -> Result<(), StorageError> {
        match self {
            Store::Idb(idb) => idb.save_undo(point).await,
            Store::Local(_) => local_storage::write_undo(point),
            Store::Memory(db) => db.save_undo(point).await,
        }
    }

    async fn read_first(&self, since_year: i32) -> Result<Option<Snapshot>, StorageError> {
        match self {
            Store::Idb(idb) => idb.read_first(since_year).await,
            // Records in localStorage are read at once, all of them; a
            // page in memory starts with none.
            Store::Local(_) | Store::Memory(_) => Ok(None),
        }
    }

    async fn file(&self, years: &BTreeMap<String, i32>) -> Result<(), StorageError> {
        match self {
            Store::Idb(idb) => idb.file(years).await,
            Store::Local(_) | Store::Memory(_) => Ok(()),
        }
    }

    async fn pause(&self) {
        super::page_events::next_task().await;
    }

    fn read_journals(&self) -> Vec<(String, Journal)> {
        match self {
            Store::Memory(db) => db.read_journals(),
            _ => local_storage::read_journals(),
        }
    }

    fn write_journal(&self, tab: &str, entries: &[JournalEntry], at: u64) {
        match self {
            Store::Memory(db) => db.write_journal(tab, entries, at),
            _ => local_storage::write_journal(tab, entries, at),
        }
    }

    fn remove_journal(&self, key: &str) {
        match self {
            Store::Memory(db) => db.remove_journal(key),
            _ => local_storage::remove(key),
        }
    }

    fn write_device(&self, device: &DeviceState) -> Result<(), StorageError> {
        match self {
            Store::Memory(db) => db.write_device(device),
            _ => local_storage::write_device(device),
        }
    }
}
