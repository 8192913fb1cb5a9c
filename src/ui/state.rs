//! The app's state, shared through context: the document, how saving goes,
//! what was kept aside, this device's settings. Every edit names the
//! record it changes and goes to `browser::persistence`, which journals it
//! at once and commits it before the next tap needs the store.

use std::rc::Rc;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::backup::export::{backup_file_name, export_backup};
use crate::backup::import::{read_backup, Outcome};
use crate::backup::package::{export_package, package_doc, Scope, Sender};
use crate::browser::persistence::{self, Event, Host, Place};
use crate::browser::{clock, local_storage};
use crate::domain::fusion::{GroupMonth, KeyTask, MemberCommitments, StudySession};
use crate::domain::meeting::ChecklistTemplate;
use crate::domain::{Branch, Document, Meeting, Member, Talk};
use crate::format::clock::Clock;
use crate::store::device::DeviceState;
use crate::store::merge::{Choice, ImportPlan};
use crate::store::{Quarantined, RecordKey};
use std::collections::BTreeMap;

/// How saving goes. Anything but `Saved` shows a banner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    Saved,
    /// Storage works, but the last save failed (quota full, …); the edit is
    /// kept in memory and retried with the next one.
    Failed(String),
    /// No storage at all: the app runs in memory for this visit.
    MemoryOnly(String),
    /// Another page kept writing the same records.
    Conflict,
    /// Stored data this version must not write over.
    ReadOnly(String),
}

/// The last import or example data can be taken back until dismissed; the
/// data before it is kept in storage, not in the page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct UndoPoint {
    label: String,
    summary: String,
    backup: String,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub doc: RwSignal<Document>,
    pub save: RwSignal<SaveStatus>,
    /// Something the member should know once (storage cleared and written
    /// back, edits of a closed page restored).
    pub notice: RwSignal<Option<String>>,
    /// A short confirmation that fades by itself ("已导出备份"), numbered so
    /// the same words twice still show twice.
    pub toast: RwSignal<Option<(u32, String)>>,
    /// Values kept aside: (stored name, value); an empty name means it
    /// could not be stored aside and lives only in this page.
    pub quarantined: RwSignal<Vec<(String, Quarantined)>>,
    pub device: RwSignal<DeviceState>,
    /// "导入前的数据（3 个党小组、25 名党员…）", while an undo is offered.
    pub undo: RwSignal<Option<String>>,
    pub place: RwSignal<Place>,
    /// Why the records are not in IndexedDB, when they are not.
    pub place_reason: RwSignal<Option<String>>,
    /// The stored data has been read (or, on a new device, there is none).
    pub ready: RwSignal<bool>,
    /// The store has been opened (or is being opened).
    store_open: RwSignal<bool>,
    /// A transfer link opened the app: its text, for the import screen.
    pub incoming: RwSignal<Option<String>>,
    /// The device's settings are to be written after the next frame.
    device_write_waiting: StoredValue<bool>,
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

impl Host for AppState {
    fn update_doc(&self, f: &mut dyn FnMut(&mut Document)) {
        self.doc.update(|d| f(d));
    }

    fn update_doc_if(&self, f: &mut dyn FnMut(&mut Document) -> bool) {
        self.doc.maybe_update(|d| f(d));
    }

    fn read_doc(&self, f: &mut dyn FnMut(&Document)) {
        self.doc.with_untracked(|d| f(d));
    }

    fn hear(&self, event: Event) {
        match event {
            Event::Saved | Event::Followed => {
                let place = self.place.get_untracked();
                let status = self.save.get_untracked();
                if matches!(status, SaveStatus::Failed(_) | SaveStatus::Conflict)
                    && place != Place::Memory
                {
                    self.save.set(SaveStatus::Saved);
                }
            }
            Event::Failed(why) => self.save.set(SaveStatus::Failed(why)),
            Event::ReadOnly(why) => self.save.set(SaveStatus::ReadOnly(why)),
            Event::Conflict => self.save.set(SaveStatus::Conflict),
            Event::Cleared => self.notice.set(Some(
                "本机存储刚被清除（浏览器或其他页面清理了网站数据）。本页仍有全部数据，已重新写回；请尽快导出一份备份。"
                    .into(),
            )),
            Event::SetAside(found) => self.quarantined.update(|q| {
                for entry in found {
                    if !q.iter().any(|(_, e)| e.raw == entry.raw) {
                        q.push((entry.name(), entry));
                    }
                }
            }),
        }
    }
}

impl AppState {
    /// Confirms what just happened in a short line that fades by itself.
    pub fn confirm(&self, text: impl Into<String>) {
        let number = self
            .toast
            .with_untracked(|t| t.as_ref().map_or(0, |(n, _)| n + 1));
        self.toast.set(Some((number, text.into())));
    }

    /// The state before the stored data is read; `start` reads it.
    pub fn new() -> AppState {
        AppState {
            doc: RwSignal::new(Document::default()),
            save: RwSignal::new(SaveStatus::Saved),
            notice: RwSignal::new(None),
            toast: RwSignal::new(None),
            quarantined: RwSignal::new(Vec::new()),
            device: RwSignal::new(DeviceState::default()),
            undo: RwSignal::new(None),
            place: RwSignal::new(Place::IndexedDb),
            place_reason: RwSignal::new(None),
            ready: RwSignal::new(false),
            store_open: RwSignal::new(false),
            incoming: RwSignal::new(None),
            device_write_waiting: StoredValue::new(false),
        }
    }

    /// Reads what is stored and keeps it safe from then on. A new member's
    /// welcome screen needs nothing stored: the store (and its code, in the
    /// split build most of what start-up would fetch) opens when they begin.
    pub async fn start(self) {
        let _ = local_storage::probe();
        let mut device = local_storage::read_device();
        if device.id.is_empty() {
            device.id = clock::new_id("d");
            let _ = local_storage::write_device(&device);
        }
        let welcomed = device.welcomed;
        self.device.set(device);
        if !welcomed && persistence::nothing_stored().await {
            self.ready.set(true);
        } else {
            self.open_store().await;
        }
        // The first screen is up: the service worker may now fetch every
        // file for offline use without slowing it down.
        crate::browser::page_events::after_next_paint().await;
        crate::browser::offline::keep_app_offline();
    }

    /// Opens the store if it is not open yet; the screens wait meanwhile,
    /// so no edit comes before it.
    pub async fn open_store(self) {
        if self.store_open.get_untracked() {
            return;
        }
        self.store_open.set(true);
        self.ready.set(false);
        open_records(self).await;
    }

    /// Applies an edit of the records `keys` and stores it. The edit must
    /// say what the member wants, not what to toggle: if another page
    /// stored the same record first, it is applied again on top of theirs.
    pub fn edit(&self, keys: Vec<RecordKey>, op: impl Fn(&mut Document) + 'static) {
        persistence::edit(self, keys, Rc::new(op));
        self.count_edit();
    }

    /// Counts an edit for the backup reminder, which only asks whether the
    /// count is zero (the backup page shows the number, and nothing there
    /// edits a record, so it is right whenever it opens): only the first
    /// edit after a backup notifies. The count is written after the frame
    /// that shows the edit, once for the taps made meanwhile.
    fn count_edit(&self) {
        if self.device.with_untracked(|d| d.edits_since_backup == 0) {
            self.device.update(|d| d.edits_since_backup = 1);
        } else {
            self.device.update_untracked(|d| {
                d.edits_since_backup = d.edits_since_backup.saturating_add(1)
            });
        }
        if self.device_write_waiting.try_get_value() == Some(false) {
            self.device_write_waiting.set_value(true);
            let state = *self;
            let painted = crate::browser::page_events::after_next_paint();
            leptos::task::spawn_local(async move {
                painted.await;
                let _ = state.device_write_waiting.try_set_value(false);
                state.save_device();
            });
        }
    }

    /// Adds a new meeting record.
    pub fn add_meeting(&self, meeting: Meeting) {
        let key = RecordKey::meeting(&meeting.id);
        self.edit(vec![key], move |d| {
            if d.meeting(&meeting.id).is_none() {
                d.meetings.push(meeting.clone());
            }
        });
    }

    pub fn add_talk(&self, talk: Talk) {
        let key = RecordKey::talk(&talk.id);
        self.edit(vec![key], move |d| {
            if d.talk(&talk.id).is_none() {
                d.talks.push(talk.clone());
            }
        });
    }

    pub fn delete_talk(&self, id: &str) {
        let owned = id.to_string();
        self.edit(vec![RecordKey::talk(id)], move |d| {
            d.talks.retain(|t| t.id != owned)
        });
    }

    pub fn delete_meeting(&self, id: &str) {
        let owned = id.to_string();
        self.edit(vec![RecordKey::meeting(id)], move |d| {
            d.meetings.retain(|m| m.id != owned)
        });
    }

    pub fn edit_roster(&self, f: impl Fn(&mut Vec<Member>) + 'static) {
        self.edit(vec![RecordKey::Members], move |d| f(&mut d.members));
    }

    pub fn edit_branch(&self, f: impl Fn(&mut Branch) + 'static) {
        self.edit(vec![RecordKey::Branch], move |d| f(&mut d.branch));
    }

    pub fn edit_templates(&self, f: impl Fn(&mut Vec<ChecklistTemplate>) + 'static) {
        self.edit(vec![RecordKey::Templates], move |d| f(&mut d.templates));
    }

    /// Edits one self-assessment form (or adds it: `f` gets the document).
    pub fn edit_form(&self, id: &str, f: impl Fn(&mut Document) + 'static) {
        self.edit(vec![RecordKey::assessment(id)], f);
    }

    /// Adds a key task.
    pub fn add_task(&self, task: KeyTask) {
        let key = RecordKey::task(&task.id);
        self.edit(vec![key], move |d| {
            if d.task(&task.id).is_none() {
                d.tasks.push(task.clone());
            }
        });
    }

    pub fn delete_task(&self, id: &str) {
        let owned = id.to_string();
        self.edit(vec![RecordKey::task(id)], move |d| {
            d.tasks.retain(|t| t.id != owned)
        });
    }

    pub fn add_study(&self, session: StudySession) {
        let key = RecordKey::study(&session.id);
        self.edit(vec![key], move |d| {
            if d.study(&session.id).is_none() {
                d.studies.push(session.clone());
            }
        });
    }

    pub fn delete_study(&self, id: &str) {
        let owned = id.to_string();
        self.edit(vec![RecordKey::study(id)], move |d| {
            d.studies.retain(|s| s.id != owned)
        });
    }

    /// Edits a 党小组's key work of a month, made when first written.
    pub fn edit_group_month(
        &self,
        group_id: &str,
        year: i32,
        month: u32,
        f: impl Fn(&mut GroupMonth) + 'static,
    ) {
        let id = GroupMonth::id_for(group_id, year, month);
        let group_id = group_id.to_string();
        self.edit(vec![RecordKey::group_month(&id)], move |d| {
            if d.group_month(&id).is_none() {
                d.group_months.push(GroupMonth::new(&group_id, year, month));
            }
            if let Some(m) = d.group_month_mut(&id) {
                f(m);
            }
        });
    }

    /// Edits a member's commitments of a year, made when first written.
    pub fn edit_commitments(
        &self,
        member_id: &str,
        year: i32,
        f: impl Fn(&mut MemberCommitments) + 'static,
    ) {
        let id = MemberCommitments::id_for(member_id, year);
        let member_id = member_id.to_string();
        self.edit(vec![RecordKey::commitments(&id)], move |d| {
            if d.commitments_of(&id).is_none() {
                d.commitments.push(MemberCommitments::new(&member_id, year));
            }
            if let Some(c) = d.commitments_of_mut(&id) {
                f(c);
            }
        });
    }

    /// Edits the branch's 民主评议 record of `year` (created if missing).
    pub fn edit_review(&self, year: i32, f: impl Fn(&mut Document) + 'static) {
        self.edit(vec![RecordKey::review(year)], f);
    }

    /// Replaces the whole document (import, example data); the data before
    /// is kept for undo. `Err` says why nothing changed.
    pub async fn replace(&self, doc: Document, undo_label: &str) -> Result<(), String> {
        let before = self.doc.get_untracked();
        persistence::replace(self, doc).await?;
        self.keep_for_undo(&before, undo_label).await;
        Ok(())
    }

    async fn keep_for_undo(&self, before: &Document, label: &str) {
        let point = UndoPoint {
            label: label.to_string(),
            summary: before.summary(),
            backup: export_backup(before, &self.now_text(), 0),
        };
        self.undo
            .set(Some(format!("{}（{}）", point.label, point.summary)));
        persistence::save_undo(serde_json::to_string(&point).ok()).await;
    }

    /// Merges a file from another phone as `plan` says, each conflict as
    /// `choose` answers; the data before is kept for undo. The number of
    /// records changed.
    pub async fn merge_import(
        &self,
        plan: &ImportPlan,
        choose: impl Fn(&str, &str) -> Choice,
        undo_label: &str,
    ) -> Result<usize, String> {
        let phone = self.device.with_untracked(|d| d.id.clone());
        let records = plan.records(choose, &phone)?;
        if records.is_empty() {
            return Ok(0);
        }
        let before = self.doc.get_untracked();
        let count = records.len();
        persistence::merge(self, records).await?;
        self.keep_for_undo(&before, undo_label).await;
        self.device
            .update(|d| d.edits_since_backup = d.edits_since_backup.saturating_add(1));
        self.save_device();
        Ok(count)
    }

    /// Each record's history, waiting writes included.
    pub fn clocks(&self) -> BTreeMap<RecordKey, Clock> {
        persistence::clocks(self)
    }

    /// A package of this phone's data as a file: (file name, text).
    pub fn package(&self, scope: Scope) -> (String, String) {
        let clocks = self.clocks();
        let (phone, me) = self.device.with_untracked(|d| (d.id.clone(), d.me.clone()));
        self.doc.with_untracked(|doc| {
            let edited_here = |name: &str| {
                RecordKey::from_name(name)
                    .and_then(|key| clocks.get(&key))
                    .is_some_and(|c| c.versions.contains_key(&phone))
            };
            let since = chrono::Datelike::year(&clock::today()) - 1;
            let packed = package_doc(doc, scope, me.as_deref(), edited_here, since);
            let by_name: BTreeMap<String, Clock> = crate::store::records::all_keys(&packed)
                .into_iter()
                .filter_map(|k| Some((k.name(), clocks.get(&k)?.clone())))
                .collect();
            let sender = Sender {
                device: phone.clone(),
                member_id: me.clone(),
                name: me
                    .as_deref()
                    .and_then(|id| doc.member(id))
                    .map(|m| m.name.clone())
                    .unwrap_or_default(),
                branch: doc.branch.name.clone(),
            };
            let text = export_package(&packed, scope, &sender, &by_name, &self.now_text(), 0);
            let date = crate::domain::time::format_iso_date(clock::today());
            let name = match scope {
                Scope::Full => backup_file_name(&doc.branch.name, &date),
                Scope::Branch => format!(
                    "支部资料包-{}-{date}.json",
                    crate::backup::export::file_name_part(&doc.branch.name)
                ),
                Scope::Return => format!(
                    "交给书记-{}-{date}.json",
                    crate::backup::export::file_name_part(&sender.name)
                ),
            };
            (name, text)
        })
    }

    /// Goes back to the data before the last import or example data.
    pub async fn undo_replace(&self) -> Result<(), String> {
        let Some(text) = persistence::load_undo().await else {
            self.undo.set(None);
            return Err("找不到导入前的数据".into());
        };
        let point: UndoPoint =
            serde_json::from_str(&text).map_err(|_| "导入前的数据无法读取".to_string())?;
        let Outcome::Ready(staged) = read_backup(&point.backup) else {
            return Err("导入前的数据无法读取".into());
        };
        persistence::replace(self, staged.doc).await?;
        self.dismiss_undo().await;
        Ok(())
    }

    pub async fn dismiss_undo(&self) {
        self.undo.set(None);
        persistence::save_undo(None).await;
    }

    /// Re-reads what is kept aside.
    pub async fn refresh_quarantined(&self) {
        let stored = persistence::quarantined().await;
        self.quarantined.update(|list| {
            let unstored: Vec<(String, Quarantined)> =
                list.drain(..).filter(|(k, _)| k.is_empty()).collect();
            *list = stored;
            for (k, q) in unstored {
                if !list.iter().any(|(_, s)| s.raw == q.raw) {
                    list.push((k, q));
                }
            }
        });
    }

    pub async fn discard_quarantined(&self, name: &str) {
        persistence::discard_quarantined(name).await;
        let name = name.to_string();
        self.quarantined
            .update(|q| q.retain(|(k, _)| *k != name || k.is_empty()));
    }

    pub fn set_me(&self, member_id: Option<String>) {
        self.device.update(|d| d.me = member_id);
        self.save_device();
    }

    pub fn note_in_app(&self) {
        self.device.update(|d| d.in_app_noted = true);
        self.save_device();
    }

    /// Deletes every record on this device and the undo copy: the app
    /// starts again as on first use (device settings other than its id go
    /// too). `Err` says why nothing changed.
    pub async fn clear_everything(&self) -> Result<(), String> {
        persistence::replace(self, Document::default()).await?;
        persistence::save_undo(None).await;
        self.undo.set(None);
        self.device.update(|d| {
            *d = crate::store::device::DeviceState {
                id: d.id.clone(),
                ..Default::default()
            }
        });
        self.save_device();
        Ok(())
    }

    pub fn mark_welcomed(&self) {
        self.device.update(|d| d.welcomed = true);
        self.save_device();
        leptos::task::spawn_local(self.open_store());
    }

    fn now_text(&self) -> String {
        crate::domain::time::format_minutes(&clock::now())
    }

    /// The whole document as a backup file, with each record's history:
    /// (file name, text).
    pub fn backup_file(&self) -> (String, String) {
        self.package(Scope::Full)
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
        let _ = local_storage::write_device(&device);
    }
}

/// Opens the records and puts them on the page. In the split build its
/// code (reading, migrating and writing records) is fetched with the
/// first screen that shows stored data.
#[cfg_attr(feature = "split", leptos::lazy)]
#[allow(unsafe_code)] // the lazy loader's generated chunk import
async fn open_records(state: AppState) {
    let local = local_storage::probe();
    let device = state.device.get_untracked();
    let started = persistence::start(state, &device.id).await;
    state.doc.set(started.doc);
    state.quarantined.set(started.quarantined);
    state.place.set(started.place);
    state.place_reason.set(started.place_reason.clone());
    state.undo.set(
        started
            .undo
            .and_then(|text| serde_json::from_str::<UndoPoint>(&text).ok())
            .map(|p| format!("{}（{}）", p.label, p.summary)),
    );
    state.save.set(match (started.read_only, started.place) {
        (Some(why), _) => SaveStatus::ReadOnly(why),
        (None, Place::Memory) => SaveStatus::MemoryOnly(
            started
                .place_reason
                .clone()
                .or(local.err().map(|e| e.message()))
                .unwrap_or_default(),
        ),
        (None, _) => SaveStatus::Saved,
    });
    if started.place == Place::LocalStorage {
        state.notice.set(started.place_reason.clone());
    }
    if started.replayed > 0 {
        state.notice.set(Some(format!(
            "上次关闭页面时还有 {} 条记录没有保存完，已经补存。",
            started.replayed
        )));
    }
    state.ready.set(true);
    leptos::task::spawn_local(async {
        crate::browser::files::request_persistence().await;
    });
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}
