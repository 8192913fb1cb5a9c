//! The application core: what the member can do with their data, in plain
//! Rust under the UI. It opens what is stored, applies each edit and stores
//! it (journal, then one transaction), follows another tab's changes, makes
//! packages, plans and merges imports, and undoes them. It owns the session
//! (`store::session`), the device's settings and the undo point; the
//! document it edits lives with the page (`Host`), so a tap changes it in
//! place. Where things are kept is a `Backend`: IndexedDB and localStorage
//! in the browser (`crate::browser::persistence` is a thin adapter that adds
//! page events and tabs), memory in native tests, which call these same use
//! cases.

pub mod arrival;
pub mod backend;
pub mod exchange;
pub mod first_read;
pub mod salvage;
pub mod text_diff;
pub mod undo;
mod waiter;

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

pub use backend::{Backend, Immediate, InMemory};
pub use waiter::Stored;

use crate::domain::{Document, RecordKey};
use crate::format::clock::Clock;
use crate::format::record::rev_of;
use crate::store::db::TxnOutcome;
use crate::store::device::DeviceState;
use crate::store::journal;
use crate::store::loading::{load, Loading};
use crate::store::session::{After, Op, Session};
use crate::store::Quarantined;
use waiter::Promise;

/// How many stored records start-up reads before it lets the page answer a
/// tap (`Backend::pause`): ten years hold ~900, read at ~0.15 ms each at
/// 4x CPU, so a tap waits ~10 ms rather than the whole read's ~140 ms.
const READ_SLICE: usize = 64;

/// The page, as the core sees it: the document it shows, what the member
/// should hear, and the time.
pub trait Host: 'static {
    /// Changes the document; what shows it redraws only if `f` says it
    /// changed something.
    fn update_doc(&self, f: &mut dyn FnMut(&mut Document) -> bool);
    fn read_doc(&self, f: &mut dyn FnMut(&Document));
    fn hear(&self, event: Event);
    /// Milliseconds since the epoch.
    fn now(&self) -> u64;
}

/// What the page hears from the core.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// Everything entered so far is stored.
    Saved,
    /// Records were committed: other tabs should hear of them.
    Stored {
        revs: Vec<(RecordKey, u64)>,
        /// A whole new document: other tabs read everything again.
        replaced: bool,
    },
    /// The last commit failed (full, unavailable); the edits are kept in
    /// memory and go with the next one.
    Failed(String),
    ReadOnly(String),
    /// Another page kept writing the same records.
    Conflict,
    /// The site's storage was emptied under the page; what the page holds
    /// is being written back.
    Cleared,
    /// Values that could not be read: (stored name, value); an empty name
    /// means it could not be stored aside and lives only in this page.
    SetAside(Vec<(String, Quarantined)>),
    /// Another page changed records this page shows.
    Followed,
    /// The device's settings changed.
    Device(DeviceState),
    /// The undo on offer: "导入前的数据（3 个党小组、25 名党员…）", or none.
    Undo(Option<String>),
}

/// What opening found, beside the document (which is on the page by then).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Opened {
    pub read_only: Option<String>,
    /// Values kept aside: (stored name, value), "" where they could not be.
    pub quarantined: Vec<(String, Quarantined)>,
    /// Journalled edits of closed pages written at start.
    pub replayed: usize,
}

pub struct Core<B: Backend> {
    host: Box<dyn Host>,
    backend: RefCell<B>,
    session: RefCell<Session>,
    device: RefCell<DeviceState>,
    /// This page's id, for its journal and its announcements.
    tab: String,
    committing: Cell<bool>,
    /// Edits made since the journal was last written.
    journal_waiting: Cell<bool>,
    /// The device's settings changed since they were last written.
    device_waiting: Cell<bool>,
    /// Whole documents and merges waiting to be stored.
    promises: RefCell<Vec<Promise>>,
    /// The undo on offer, in words.
    undo: RefCell<Option<String>>,
}

impl<B: Backend> Core<B> {
    /// Opens what `backend` holds: journals of closed pages are written
    /// first (`alive_tabs` are pages still open, whose journals are theirs),
    /// then everything is read onto the page. Values that cannot be read
    /// are kept aside; where that fails the page must not write.
    pub async fn open(
        host: impl Host,
        backend: B,
        device: DeviceState,
        tab: &str,
        alive_tabs: &[String],
    ) -> Result<(Core<B>, Opened), crate::store::StorageError> {
        let (replayed, overtaken) =
            replay_journals(&backend, &device.id, tab, alive_tabs, host.now()).await;
        let snapshot = backend.snapshot().await?;
        let mut quarantined = snapshot.quarantined.clone();
        let mut loading = Loading::new(&snapshot);
        while !loading.read(READ_SLICE) {
            backend.pause().await;
        }
        let loaded = loading.finish();
        let mut session = Session::open(&loaded, &device.id);
        if !loaded.set_aside.is_empty() {
            match backend.set_aside(&loaded.set_aside).await {
                Ok(()) => {
                    quarantined.extend(loaded.set_aside.iter().map(|(_, q)| (q.name(), q.clone())))
                }
                Err(e) => {
                    session.set_read_only(format!(
                        "有无法读取的数据，但{}，无法把它另存：为免覆盖，本页不会写入。请先在“数据恢复”中下载这些数据。",
                        e.message()
                    ));
                    quarantined.extend(
                        loaded
                            .set_aside
                            .iter()
                            .map(|(_, q)| (String::new(), q.clone())),
                    );
                }
            }
        }
        if !overtaken.is_empty() {
            let moves: Vec<(String, Quarantined)> = overtaken
                .iter()
                .map(|q| (String::from("-"), q.clone()))
                .collect();
            let stored = backend.set_aside(&moves).await.is_ok();
            quarantined.extend(overtaken.into_iter().map(|q| {
                let name = if stored { q.name() } else { String::new() };
                (name, q)
            }));
        }
        let undo = undo::undo_label(backend.load_undo().await.ok().flatten().as_deref());
        let read_only = session.read_only().map(str::to_string);
        // Moved, not copied: ten years of records cost a copy ~10 ms at
        // 4x CPU on the way to the first screen.
        let mut doc = Some(loaded.doc);
        host.update_doc(&mut |d| {
            if let Some(doc) = doc.take() {
                *d = doc;
            }
            true
        });
        let core = Core {
            host: Box::new(host),
            backend: RefCell::new(backend),
            session: RefCell::new(session),
            device: RefCell::new(device),
            tab: tab.to_string(),
            committing: Cell::new(false),
            journal_waiting: Cell::new(false),
            device_waiting: Cell::new(false),
            promises: RefCell::new(Vec::new()),
            undo: RefCell::new(undo),
        };
        // What was migrated, or lost an unreadable item, is written back at
        // once: the readable part must not wait for an edit that may never
        // come before the next reload.
        core.commit().await;
        Ok((
            core,
            Opened {
                read_only,
                quarantined,
                replayed,
            },
        ))
    }

    /// The store, as it is now (a handle: cheap to clone).
    pub fn store(&self) -> B {
        self.backend.borrow().clone()
    }

    /// Passes on what the adapter found (the store could not be reopened).
    pub fn report(&self, event: Event) {
        self.host.hear(event);
    }

    /// Applies an edit to the records `keys` names and keeps it until it is
    /// stored. The edit says what the member wants, not what to toggle: if
    /// another page stored the same record first it is applied again on
    /// top. True when the journal was up to date before it: the caller then
    /// writes the journal (`write_journal`) and commits (`commit`) once the
    /// tap is on screen, for every edit made meanwhile.
    pub fn edit(&self, keys: Vec<RecordKey>, op: Op) -> bool {
        self.host.update_doc(&mut |doc| {
            self.session
                .borrow_mut()
                .edit(doc, keys.clone(), op.clone());
            true
        });
        self.count_edit();
        !self.journal_waiting.replace(true)
    }

    /// Counts an edit for the backup reminder, which only asks whether the
    /// count is zero: only the first edit after a backup is heard.
    fn count_edit(&self) {
        let first = {
            let mut device = self.device.borrow_mut();
            let first = device.edits_since_backup == 0;
            device.edits_since_backup = device.edits_since_backup.saturating_add(1);
            first
        };
        self.device_waiting.set(true);
        if first {
            self.host.hear(Event::Device(self.device()));
        }
    }

    /// Writes the journal of the edits not stored yet, and the device's
    /// settings, if either changed since they were last written.
    pub fn write_journal(&self) {
        if self.journal_waiting.take() {
            let mut entries = Vec::new();
            self.host
                .read_doc(&mut |doc| entries = self.session.borrow().journal(doc));
            self.store()
                .write_journal(&self.tab, &entries, self.host.now());
        }
        if self.device_waiting.take() {
            self.write_device();
        }
    }

    /// Stores every waiting edit, one transaction after another, unless a
    /// commit is already under way (it takes them).
    pub async fn commit(&self) {
        if self.committing.replace(true) {
            return;
        }
        self.commit_loop().await;
        self.committing.set(false);
    }

    async fn commit_loop(&self) {
        loop {
            let mut txn = None;
            self.host.read_doc(&mut |doc| {
                txn = self.session.borrow_mut().begin(doc, self.host.now());
            });
            let Some(txn) = txn else { break };
            let backend = self.store();
            let outcome = backend.commit(&txn).await;
            let announced = match &outcome {
                TxnOutcome::Committed(revs) => Some(revs.clone()),
                _ => None,
            };
            let mut after = After::Saved;
            let mut found = Vec::new();
            let mut journal = Vec::new();
            self.host.update_doc(&mut |doc| {
                let mut session = self.session.borrow_mut();
                (after, found) = session.finish(doc, outcome.clone());
                journal = session.journal(doc);
                // A stored tap changes nothing on screen; only edits applied
                // again over another page's, or taken back, do.
                matches!(
                    after,
                    After::Retry | After::Conflict | After::ReplaceFailed(_)
                )
            });
            backend.write_journal(&self.tab, &journal, self.host.now());
            if !found.is_empty() {
                self.keep_aside(found).await;
            }
            if let Some(revs) = announced {
                self.host.hear(Event::Stored {
                    revs,
                    replaced: txn.replace_all,
                });
            }
            match after {
                After::Saved => {
                    if txn.atomic {
                        self.keep_promises(Ok(()));
                    }
                    self.host.hear(Event::Saved);
                }
                After::Retry => {}
                After::Cleared => self.host.hear(Event::Cleared),
                After::Failed(message) => {
                    self.host.hear(Event::Failed(message));
                    // A whole document that came while this commit was
                    // under way goes next, so its promise is kept now.
                    if self.promises.borrow().is_empty() {
                        break;
                    }
                }
                After::ReplaceFailed(message) => {
                    self.keep_promises(Err(message));
                    self.host.hear(Event::Saved);
                }
                After::ReadOnly(message) => {
                    self.keep_promises(Err(message.clone()));
                    self.host.hear(Event::ReadOnly(message));
                    break;
                }
                After::Conflict => {
                    self.host.hear(Event::Conflict);
                    break;
                }
            }
        }
    }

    fn keep_promises(&self, result: Stored) {
        let promises = std::mem::take(&mut *self.promises.borrow_mut());
        for promise in promises {
            promise.keep(result.clone());
        }
    }

    /// Keeps aside values found unreadable while committing. A value that
    /// cannot be kept aside must not be written over: the page stops
    /// writing, and the member hears of both.
    async fn keep_aside(&self, found: Vec<Quarantined>) {
        let moves: Vec<(String, Quarantined)> = found
            .iter()
            .map(|q| (q.original_key.clone(), q.clone()))
            .collect();
        match self.store().set_aside(&moves).await {
            Ok(()) => self.host.hear(Event::SetAside(
                found.into_iter().map(|q| (q.name(), q)).collect(),
            )),
            Err(e) => {
                let why = format!(
                    "有无法读取的数据，但{}，无法把它另存：为免覆盖，本页不再写入。请先在“数据恢复”中下载这些数据。",
                    e.message()
                );
                self.session.borrow_mut().set_read_only(why.clone());
                self.host.hear(Event::SetAside(
                    found.into_iter().map(|q| (String::new(), q)).collect(),
                ));
                self.host.hear(Event::ReadOnly(why));
            }
        }
    }

    /// Applies an atomic edit (a whole document, merged records) and waits
    /// until it is stored: `Err` says why not, and then the stored data and
    /// the page are as they were.
    async fn store_atomic(&self, apply: &mut dyn FnMut(&mut Session, &mut Document)) -> Stored {
        let (promise, waiting) = waiter::promise();
        self.promises.borrow_mut().push(promise);
        self.host.update_doc(&mut |doc| {
            apply(&mut self.session.borrow_mut(), doc);
            true
        });
        self.commit().await;
        let stored = waiting.await;
        if stored.is_ok() {
            // Many records at once (an import, a restore): filed now, so
            // the next start does not read most of them first.
            self.file_records().await;
        }
        stored
    }

    /// Replaces the whole document (example data, a restore onto an empty
    /// phone, clearing): every record of both is written, stored records of
    /// neither are deleted.
    pub async fn replace(&self, new: Document) -> Stored {
        self.store_atomic(&mut |session, doc| session.replace(doc, new.clone()))
            .await
    }

    /// Another page stored records (`revs`), or replaced everything: the
    /// ones this page has older are read and taken in, with this page's
    /// waiting edits applied again on top.
    pub async fn follow(&self, revs: &[(RecordKey, u64)], replaced: bool) {
        if replaced {
            self.reload().await;
            return;
        }
        let stale = self.session.borrow().stale(revs);
        if stale.is_empty() {
            return;
        }
        let Ok(stored) = self.store().read(&stale).await else {
            return;
        };
        let announced: BTreeMap<&RecordKey, u64> = revs.iter().map(|(k, r)| (k, *r)).collect();
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
        self.host.update_doc(&mut |doc| {
            found = self.session.borrow_mut().absorb(doc, records.clone());
            true
        });
        if !found.is_empty() {
            // Another page's record this one cannot read: shown, never
            // written over (the other page owns it).
            self.host.hear(Event::SetAside(
                found.into_iter().map(|q| (String::new(), q)).collect(),
            ));
        }
        self.host.hear(Event::Followed);
        self.commit().await;
    }

    /// Reads everything again (another page replaced the whole document);
    /// this page's waiting edits are applied on top.
    pub async fn reload(&self) {
        let Ok(snapshot) = self.store().snapshot().await else {
            return;
        };
        let loaded = load(&snapshot);
        self.host.update_doc(&mut |doc| {
            self.session.borrow_mut().reload(doc, &loaded);
            true
        });
        self.host.hear(Event::Followed);
        self.commit().await;
    }

    /// The store was reopened after its connection was lost. Empty means
    /// the site's data was deleted: this page writes back all it holds.
    pub async fn reconnected(&self, backend: B, empty: bool) {
        *self.backend.borrow_mut() = backend;
        if empty {
            self.host.update_doc(&mut |doc| {
                self.session.borrow_mut().cleared(doc);
                false
            });
            // The notice says the records are back: only once they are, so
            // a reload after it finds them (no journal entry waits for it).
            self.commit().await;
            self.host.hear(Event::Cleared);
        } else {
            self.reload().await;
        }
    }

    /// Each record's history as this page knows it, waiting writes
    /// included, for a package made now.
    pub fn clocks(&self) -> BTreeMap<RecordKey, Clock> {
        let mut out = BTreeMap::new();
        self.host
            .read_doc(&mut |doc| out = self.session.borrow().clocks(doc));
        out
    }

    pub fn has_unsaved(&self) -> bool {
        self.session.borrow().has_unsaved()
    }

    /// The stored revision of one record, as this page knows it.
    pub fn revision(&self, key: &RecordKey) -> u64 {
        self.session.borrow().revision(key)
    }

    /// The values kept aside, as stored now.
    pub async fn quarantined(&self) -> Vec<(String, Quarantined)> {
        self.store()
            .snapshot()
            .await
            .map(|s| s.quarantined)
            .unwrap_or_default()
    }

    /// Forgets a value kept aside; `Err` says why it is still there.
    pub async fn discard_quarantined(&self, name: &str) -> Result<(), String> {
        self.store()
            .discard_quarantined(name)
            .await
            .map_err(|e| e.message())
    }

    pub fn device(&self) -> DeviceState {
        self.device.borrow().clone()
    }

    /// Changes the device's settings and writes them at once.
    pub fn update_device(&self, f: impl FnOnce(&mut DeviceState)) {
        f(&mut self.device.borrow_mut());
        self.device_waiting.set(false);
        self.write_device();
        self.host.hear(Event::Device(self.device()));
    }

    fn write_device(&self) {
        // Settings that cannot be written only cost the reminder's count or
        // the remembered name: the page keeps them for this visit.
        let _ = self.store().write_device(&self.device.borrow());
    }

    /// The undo on offer, in words.
    pub fn undo_on_offer(&self) -> Option<String> {
        self.undo.borrow().clone()
    }
}

/// The journals of pages that closed before their commit: neither this
/// page's (`tab`) nor one still open.
fn closed_pages_journals<B: Backend>(
    backend: &B,
    tab: &str,
    alive_tabs: &[String],
) -> Vec<(String, journal::Journal)> {
    let mut journals = backend.read_journals();
    journals.retain(|(_, j)| j.tab != tab && !alive_tabs.contains(&j.tab));
    journals
}

/// Writes the journalled edits of pages that closed before their commit;
/// the count written, and edits another save overtook (kept for the member).
async fn replay_journals<B: Backend>(
    backend: &B,
    device: &str,
    tab: &str,
    alive_tabs: &[String],
    now: u64,
) -> (usize, Vec<Quarantined>) {
    let journals = closed_pages_journals(backend, tab, alive_tabs);
    if journals.is_empty() {
        return (0, Vec::new());
    }
    let list: Vec<journal::Journal> = journals.iter().map(|(_, j)| j.clone()).collect();
    let keys = journal::keys(&list);
    let Ok(stored) = backend.read(&keys).await else {
        return (0, Vec::new());
    };
    let stored: BTreeMap<RecordKey, Option<String>> = keys.into_iter().zip(stored).collect();
    let replay = journal::plan(&list, &stored, device, now);
    let mut written = 0;
    if let Some(txn) = &replay.txn {
        match backend.commit(txn).await {
            TxnOutcome::Committed(revs) => written = revs.len(),
            // Kept for the next start rather than lost.
            _ => return (0, replay.set_aside),
        }
    }
    for (key, _) in &journals {
        backend.remove_journal(key);
    }
    (written, replay.set_aside)
}
