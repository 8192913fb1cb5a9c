//! The app's state, shared through context: the document, how saving goes,
//! and the store that every edit is committed to at once.

use std::cell::RefCell;

use leptos::prelude::*;

use crate::backup::export::{backup_file_name, export_backup};
use crate::browser::{clock, local_storage::LocalStorageKv, page_events};
use crate::domain::Document;
use crate::store::device::DeviceState;
use crate::store::keys::{RecordKey, PREFIX};
use crate::store::{CommitError, KeyValue, Quarantined, Store};

/// How saving goes. Anything but `Saved` shows a banner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    Saved,
    /// Storage works, but the last save failed (quota full, …); the edit is
    /// kept in memory and retried with the next one.
    Failed(String),
    /// No storage at all: the app runs in memory for this visit.
    MemoryOnly(String),
    /// Another tab saved since this one loaded.
    Conflict,
    /// Stored data this version must not write over.
    ReadOnly(String),
}

/// A document to go back to after an import or loading example data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UndoPoint {
    pub label: String,
    pub doc: Document,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub doc: RwSignal<Document>,
    pub save: RwSignal<SaveStatus>,
    pub quarantined: RwSignal<Vec<(String, Quarantined)>>,
    pub device: RwSignal<DeviceState>,
    pub undo: RwSignal<Option<UndoPoint>>,
}

thread_local! {
    /// The store is not `Send` (it holds a browser object), so it lives
    /// here rather than in a signal.
    static STORE: RefCell<Option<Store<LocalStorageKv>>> = const { RefCell::new(None) };
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    /// Opens the store (or falls back to memory) and wires up the page
    /// events that keep it safe.
    pub fn start() -> AppState {
        let (doc, save, quarantined, device) = open_store();
        let state = AppState {
            doc: RwSignal::new(doc),
            save: RwSignal::new(save),
            quarantined: RwSignal::new(quarantined),
            device: RwSignal::new(device),
            undo: RwSignal::new(None),
        };
        page_events::on_other_tab_change(PREFIX, move || state.other_tab_changed());
        leptos::task::spawn_local(async {
            crate::browser::files::request_persistence().await;
        });
        state
    }

    /// Applies an edit and saves the records it touched, before the next tap.
    pub fn edit(
        &self,
        changed: impl IntoIterator<Item = RecordKey>,
        f: impl FnOnce(&mut Document),
    ) {
        self.doc.update(f);
        let changed: Vec<RecordKey> = changed.into_iter().collect();
        let result = with_store(|store| self.doc.with_untracked(|doc| store.commit(doc, changed)));
        self.after_commit(result);
    }

    /// Applies an edit to one meeting and saves that meeting's record only.
    pub fn edit_meeting(&self, id: &str, f: impl FnOnce(&mut crate::domain::Meeting)) {
        self.edit([RecordKey::Meeting(id.to_string())], |d| {
            if let Some(m) = d.meeting_mut(id) {
                f(m);
            }
        });
    }

    /// Replaces the whole document (import, example data, undo), keeping the
    /// old one for undo.
    pub fn replace(&self, doc: Document, undo_label: &str) {
        let previous = self.doc.get_untracked();
        self.doc.set(doc);
        let result = with_store(|store| self.doc.with_untracked(|doc| store.replace_all(doc)));
        if let Some(Err(e)) = &result {
            // Half an import is worse than none: put the old data back.
            let message = e.message();
            self.doc.set(previous);
            let restored =
                with_store(|store| self.doc.with_untracked(|doc| store.replace_all(doc)));
            self.after_commit(restored);
            if !matches!(
                self.save.get_untracked(),
                SaveStatus::Conflict | SaveStatus::ReadOnly(_)
            ) {
                self.save.set(SaveStatus::Failed(format!(
                    "没有替换成功（{message}），已恢复原来的数据"
                )));
            }
            return;
        }
        self.undo.set(Some(UndoPoint {
            label: undo_label.to_string(),
            doc: previous,
        }));
        self.after_commit(result);
    }

    /// Whether the last replace went through.
    pub fn replaced(&self) -> bool {
        self.save.get_untracked() == SaveStatus::Saved
            || matches!(self.save.get_untracked(), SaveStatus::MemoryOnly(_))
    }

    pub fn undo_replace(&self) {
        if let Some(point) = self.undo.get_untracked() {
            self.doc.set(point.doc);
            let result = with_store(|store| self.doc.with_untracked(|doc| store.replace_all(doc)));
            // The undo point stays until the old data is safely back.
            if matches!(result, Some(Ok(())) | None) {
                self.undo.set(None);
            }
            self.after_commit(result);
        }
    }

    fn after_commit(&self, result: Option<Result<(), CommitError>>) {
        match result {
            None => {}
            Some(Ok(())) => {
                self.save.set(SaveStatus::Saved);
                self.device
                    .update(|d| d.edits_since_backup = d.edits_since_backup.saturating_add(1));
                self.save_device();
            }
            Some(Err(CommitError::Conflict)) => self.save.set(SaveStatus::Conflict),
            Some(Err(CommitError::ReadOnly(why))) => self.save.set(SaveStatus::ReadOnly(why)),
            Some(Err(e)) => self.save.set(SaveStatus::Failed(e.message())),
        }
    }

    /// Another tab wrote: an idle tab follows it; a tab with unsaved
    /// changes says so instead of overwriting.
    fn other_tab_changed(&self) {
        // A draft still waiting to be saved goes first: it either saves or
        // meets the conflict, instead of overwriting the other tab later.
        crate::ui::draft_text::flush_pending();
        let stale = with_store(|store| {
            store.has_unsaved() || store.stored_revision().ok().flatten() != Some(store.revision())
        });
        let unsaved = with_store(|store| store.has_unsaved());
        match (stale, unsaved) {
            (Some(true), Some(false)) => {
                self.load_stored();
                self.device
                    .set(with_store(|s| DeviceState::load(s.kv())).unwrap_or_default());
            }
            (Some(true), Some(true)) => self.save.set(SaveStatus::Conflict),
            _ => {}
        }
    }

    /// Gives up this tab's unsaved changes and loads what is stored.
    pub fn load_stored(&self) {
        match with_store(|store| {
            store
                .reload()
                .map(|(doc, q)| (doc, q, store.read_only().map(str::to_string)))
        }) {
            Some(Ok((doc, found, read_only))) => {
                self.doc.set(doc);
                let stored = with_store(|s| s.quarantined()).unwrap_or_default();
                self.merge_quarantined(stored, found);
                self.save.set(match read_only {
                    Some(why) => SaveStatus::ReadOnly(why),
                    None => SaveStatus::Saved,
                });
            }
            Some(Err(e)) => self.save.set(SaveStatus::Failed(e.message())),
            None => {}
        }
    }

    /// Re-reads what is kept aside, keeping the entries that could not be
    /// stored (they live only in this page until downloaded).
    pub fn refresh_quarantined(&self) {
        let stored = with_store(|s| s.quarantined()).unwrap_or_default();
        self.merge_quarantined(stored, Vec::new());
    }

    fn merge_quarantined(&self, stored: Vec<(String, Quarantined)>, found: Vec<Quarantined>) {
        let mut list = stored;
        let unstored = self
            .quarantined
            .get_untracked()
            .into_iter()
            .filter(|(k, _)| k.is_empty())
            .map(|(_, q)| q)
            .chain(found);
        for q in unstored {
            if !list.iter().any(|(_, s)| s.raw == q.raw) {
                list.push((String::new(), q));
            }
        }
        self.quarantined.set(list);
    }

    pub fn discard_quarantined(&self, key: &str) {
        with_store(|s| s.discard_quarantined(key));
        self.quarantined
            .update(|q| q.retain(|(k, _)| k != key || k.is_empty()));
    }

    pub fn set_me(&self, member_id: Option<String>) {
        self.device.update(|d| d.me = member_id);
        self.save_device();
    }

    pub fn mark_welcomed(&self) {
        self.device.update(|d| d.welcomed = true);
        self.save_device();
    }

    /// The whole document as a backup file: (file name, text).
    pub fn backup_file(&self) -> (String, String) {
        let now = clock::now();
        let revision = with_store(|s| s.revision()).unwrap_or_default();
        let text = self.doc.with_untracked(|doc| {
            export_backup(doc, &crate::domain::time::format_minutes(&now), revision)
        });
        let name = self.doc.with_untracked(|doc| {
            backup_file_name(&doc.branch.name, &now.format("%Y-%m-%d").to_string())
        });
        (name, text)
    }

    /// Records that the member now holds a backup.
    pub fn mark_backed_up(&self) {
        let now = clock::now();
        self.device.update(|d| {
            d.last_backup_at = Some(crate::domain::time::format_minutes(&now));
            d.last_backup_date = Some(now.date_naive());
            d.edits_since_backup = 0;
        });
        self.save_device();
    }

    fn save_device(&self) {
        let device = self.device.get_untracked();
        with_store(|s| device.save(s.kv_mut()));
    }

    /// Bytes this app uses in localStorage. It reads every stored value, so
    /// it is worked out when the storage line is shown, not after each save.
    pub fn storage_used(&self) -> usize {
        with_store(|s| s.used_bytes()).unwrap_or_default()
    }
}

fn with_store<T>(f: impl FnOnce(&mut Store<LocalStorageKv>) -> T) -> Option<T> {
    STORE.with(|cell| cell.borrow_mut().as_mut().map(f))
}

type Opening = (
    Document,
    SaveStatus,
    Vec<(String, Quarantined)>,
    DeviceState,
);

fn open_store() -> Opening {
    let mut kv = match LocalStorageKv::open() {
        Ok(kv) => kv,
        Err(e) => return memory_only(e.message()),
    };
    if let Err(e) = kv.probe() {
        return memory_only(e.message());
    }
    let device = DeviceState::load(&kv);
    match Store::open(kv) {
        Ok(opened) => {
            let save = match opened.store.read_only() {
                Some(why) => SaveStatus::ReadOnly(why.to_string()),
                None => SaveStatus::Saved,
            };
            let mut quarantined = opened.store.quarantined();
            // Entries that could not be stored aside are still shown, so
            // they can be downloaded.
            for entry in opened.quarantined {
                if !quarantined.iter().any(|(_, q)| q.raw == entry.raw) {
                    quarantined.push((String::new(), entry));
                }
            }
            STORE.with(|cell| *cell.borrow_mut() = Some(opened.store));
            (opened.doc, save, quarantined, device)
        }
        Err(e) => memory_only(e.message()),
    }
}

fn memory_only(why: String) -> Opening {
    (
        Document::default(),
        SaveStatus::MemoryOnly(why),
        Vec::new(),
        DeviceState::default(),
    )
}
