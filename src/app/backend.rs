//! Where the core keeps what it keeps: records, the undo point, the
//! journal of edits not yet committed, and the device's own settings.
//! IndexedDB (with localStorage for the journal) in the browser, records in
//! localStorage where IndexedDB is blocked, memory where nothing is
//! allowed and in native tests.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use crate::domain::RecordKey;
use crate::store::db::{RecordDb, Snapshot, Txn, TxnOutcome};
use crate::store::device::DeviceState;
use crate::store::filed;
use crate::store::journal::{Journal, JournalEntry};
use crate::store::{MemoryDb, Quarantined, StorageError};

/// What the core asks of the place records live. Asynchronous because
/// IndexedDB is; the other backends answer at once. Cloning is cheap: a
/// clone is a handle to the same store.
// The app runs on one thread (the page's), so its futures need not be Send.
#[allow(async_fn_in_trait)]
pub trait Backend: Clone + 'static {
    /// Everything stored, as start-up reads it.
    async fn snapshot(&self) -> Result<Snapshot, StorageError>;
    /// The stored text of these records now.
    async fn read(&self, keys: &[RecordKey]) -> Result<Vec<Option<String>>, StorageError>;
    /// One transaction: all its writes, or none (`store::db::decide`).
    async fn commit(&self, txn: &Txn) -> TxnOutcome;
    /// Keeps values aside under their quarantine names and deletes their
    /// originals, all or nothing.
    async fn set_aside(&self, moves: &[(String, Quarantined)]) -> Result<(), StorageError>;
    async fn discard_quarantined(&self, name: &str) -> Result<(), StorageError>;
    /// The data before the last import, kept until the member dismisses it.
    async fn load_undo(&self) -> Result<Option<String>, StorageError>;
    async fn save_undo(&self, point: Option<&str>) -> Result<(), StorageError>;
    /// What start-up reads before the first screen (`store::filed`): the
    /// head and the records read first when the years from `since_year`
    /// are. `None` where this store keeps no index of filed years, or has
    /// not built it yet: then everything is read first.
    async fn read_first(&self, since_year: i32) -> Result<Option<Snapshot>, StorageError>;
    /// Stores the year each record is filed under (the stored name and its
    /// year, from what was read), writing only what changed.
    async fn file(&self, years: &BTreeMap<String, i32>) -> Result<(), StorageError>;

    /// Lets the page draw and answer a tap between slices of a long read
    /// (the rest runs in a later task). Elsewhere nothing waits.
    async fn pause(&self);

    /// The journals of every page, by their storage key.
    fn read_journals(&self) -> Vec<(String, Journal)>;
    /// Writes (or with no entries, removes) this page's journal. A journal
    /// that cannot be written only means a reload in the next moments could
    /// lose the edit: the commit itself goes on.
    fn write_journal(&self, tab: &str, entries: &[JournalEntry], at: u64);
    fn remove_journal(&self, key: &str);
    fn write_device(&self, device: &DeviceState) -> Result<(), StorageError>;
}

/// A store that answers at once (`MemoryDb`, or `KvDb` over localStorage),
/// with its undo point, journals and device settings beside it.
pub struct Immediate<D: RecordDb> {
    inner: Rc<RefCell<Side<D>>>,
}

struct Side<D> {
    db: D,
    undo: Option<String>,
    journals: BTreeMap<String, Journal>,
    device: Option<DeviceState>,
    /// Test switch: the undo point cannot be stored (a full phone).
    undo_full: bool,
    /// Test switch: nothing can be kept aside (a full phone).
    aside_full: bool,
    /// The year each record is filed under, once filed: kept with the
    /// page (a store that answers at once reads everything at once anyway;
    /// native tests run the use cases on it).
    filed: Option<BTreeMap<String, i32>>,
    /// How often a long read paused, for tests.
    pauses: usize,
}

impl<D: RecordDb> Clone for Immediate<D> {
    fn clone(&self) -> Self {
        Immediate {
            inner: self.inner.clone(),
        }
    }
}

impl<D: RecordDb + 'static> Immediate<D> {
    pub fn new(db: D) -> Self {
        Immediate {
            inner: Rc::new(RefCell::new(Side {
                db,
                undo: None,
                journals: BTreeMap::new(),
                device: None,
                undo_full: false,
                aside_full: false,
                filed: None,
                pauses: 0,
            })),
        }
    }

    /// Works on the store itself (tests that break or inspect it).
    pub fn with_db<T>(&self, f: impl FnOnce(&mut D) -> T) -> T {
        f(&mut self.inner.borrow_mut().db)
    }

    /// The device settings last written.
    pub fn device(&self) -> Option<DeviceState> {
        self.inner.borrow().device.clone()
    }

    /// How often a long read paused to let the page answer.
    pub fn pauses(&self) -> usize {
        self.inner.borrow().pauses
    }

    /// Makes storing the undo point fail, as on a full phone.
    pub fn refuse_undo(&self, refuse: bool) {
        self.inner.borrow_mut().undo_full = refuse;
    }

    /// Makes keeping values aside fail, as on a full phone.
    pub fn refuse_set_aside(&self, refuse: bool) {
        self.inner.borrow_mut().aside_full = refuse;
    }
}

/// Records in memory only: nothing survives the page.
pub type InMemory = Immediate<MemoryDb>;

impl InMemory {
    pub fn empty() -> Self {
        Immediate::new(MemoryDb::new())
    }
}

impl<D: RecordDb + 'static> Backend for Immediate<D> {
    async fn snapshot(&self) -> Result<Snapshot, StorageError> {
        self.inner.borrow().db.snapshot()
    }

    async fn read(&self, keys: &[RecordKey]) -> Result<Vec<Option<String>>, StorageError> {
        self.inner.borrow().db.read(keys)
    }

    async fn commit(&self, txn: &Txn) -> TxnOutcome {
        self.inner.borrow_mut().db.commit(txn)
    }

    async fn set_aside(&self, moves: &[(String, Quarantined)]) -> Result<(), StorageError> {
        let mut side = self.inner.borrow_mut();
        if side.aside_full {
            return Err(StorageError::Full);
        }
        side.db.set_aside(moves)
    }

    async fn discard_quarantined(&self, name: &str) -> Result<(), StorageError> {
        self.inner.borrow_mut().db.discard_quarantined(name)
    }

    async fn load_undo(&self) -> Result<Option<String>, StorageError> {
        Ok(self.inner.borrow().undo.clone())
    }

    async fn save_undo(&self, point: Option<&str>) -> Result<(), StorageError> {
        let mut side = self.inner.borrow_mut();
        if side.undo_full && point.is_some() {
            return Err(StorageError::Full);
        }
        side.undo = point.map(str::to_string);
        Ok(())
    }

    async fn read_first(&self, since_year: i32) -> Result<Option<Snapshot>, StorageError> {
        let side = self.inner.borrow();
        let Some(filed) = &side.filed else {
            return Ok(None);
        };
        let mut snapshot = side.db.snapshot()?;
        let stored = snapshot.records.len();
        snapshot
            .records
            .retain(|r| filed::is_read_first(filed.get(&r.origin).copied(), since_year));
        if !filed::worth_two_reads(snapshot.records.len(), stored) {
            return Ok(None);
        }
        snapshot.quarantined.clear();
        Ok(Some(snapshot))
    }

    async fn file(&self, years: &BTreeMap<String, i32>) -> Result<(), StorageError> {
        self.inner.borrow_mut().filed = Some(years.clone());
        Ok(())
    }

    async fn pause(&self) {
        let mut side = self.inner.borrow_mut();
        side.pauses = side.pauses.saturating_add(1);
    }

    fn read_journals(&self) -> Vec<(String, Journal)> {
        self.inner
            .borrow()
            .journals
            .iter()
            .map(|(k, j)| (k.clone(), j.clone()))
            .collect()
    }

    fn write_journal(&self, tab: &str, entries: &[JournalEntry], at: u64) {
        let mut side = self.inner.borrow_mut();
        let key = format!("{}{tab}", crate::store::journal::JOURNAL_PREFIX);
        if entries.is_empty() {
            side.journals.remove(&key);
        } else {
            side.journals.insert(
                key,
                Journal {
                    tab: tab.to_string(),
                    at,
                    entries: entries.to_vec(),
                },
            );
        }
    }

    fn remove_journal(&self, key: &str) {
        self.inner.borrow_mut().journals.remove(key);
    }

    fn write_device(&self, device: &DeviceState) -> Result<(), StorageError> {
        self.inner.borrow_mut().device = Some(device.clone());
        Ok(())
    }
}
