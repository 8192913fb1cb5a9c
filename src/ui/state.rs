//! The app's state, shared through context: the document, how saving goes,
//! what was kept aside, this device's settings, the undo on offer. The
//! application core (`crate::app`, run by `browser::persistence`) decides
//! all of it; these signals mirror what it says, and the typed edits here
//! name the record they change and hand it over.

use std::rc::Rc;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::app::exchange::ImportReview;
use crate::app::undo::Undo;
use crate::app::{Event, Host};
use crate::browser::persistence::{self, Place};
use crate::browser::{clock, local_storage};
use crate::domain::development::meetings::{
    approval_allowed, approval_records, probation_decided, record_approval, record_vote,
    records_changed, Decision,
};
use crate::domain::development::Step;
use crate::domain::document::Listed;
use crate::domain::fusion::{GroupMonth, KeyTask, MemberCommitments, StudySession};
use crate::domain::handover::Handover;
use crate::domain::meeting::ChecklistTemplate;
use crate::domain::RecordKey;
use crate::domain::{Branch, Document, Meeting, Member, Scope, Talk};
use crate::store::device::DeviceState;
use crate::store::merge::Choice;
use crate::store::Quarantined;

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
    /// The store is open and its records are on the page.
    store_ready: RwSignal<bool>,
    /// Home shows what it needs while everything else is still being read
    /// (`app::first_read`): nothing else shows or acts meanwhile.
    reading_the_rest: RwSignal<bool>,
    /// A transfer link opened the app: its text, for the import screen.
    pub incoming: RwSignal<Option<String>>,
    /// A package is being taken on a phone with no data: the join page
    /// shows instead of the welcome screen.
    pub joining: RwSignal<bool>,
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

impl Host for AppState {
    fn update_doc(&self, f: &mut dyn FnMut(&mut Document) -> bool) {
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
            // Other tabs hear of it from the adapter.
            Event::Stored { .. } => {}
            Event::Failed(why) => self.save.set(SaveStatus::Failed(why)),
            Event::ReadOnly(why) => self.save.set(SaveStatus::ReadOnly(why)),
            Event::Conflict => self.save.set(SaveStatus::Conflict),
            Event::Cleared => self.notice.set(Some(
                "本机存储刚被清除（浏览器或其他页面清理了网站数据）。本页仍有全部数据，已重新写回；请尽快导出一份备份。"
                    .into(),
            )),
            Event::SetAside(found) => self.quarantined.update(|q| {
                for (name, entry) in found {
                    if !q.iter().any(|(_, e)| e.raw == entry.raw) {
                        q.push((name, entry));
                    }
                }
            }),
            Event::Device(device) => self.device.set(device),
            Event::Undo(offer) => self.undo.set(offer),
        }
    }

    fn now(&self) -> u64 {
        js_sys::Date::now() as u64
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
            store_ready: RwSignal::new(false),
            reading_the_rest: RwSignal::new(false),
            incoming: RwSignal::new(None),
            joining: RwSignal::new(false),
        }
    }

    /// Reads what is stored and keeps it safe from then on. A new member's
    /// welcome screen needs nothing stored: the store (and its code, in the
    /// split build most of what start-up would fetch) opens when they begin.
    /// A member with records: `prefetch_screens` runs while the records
    /// are read, so the screens' code does not wait for them.
    pub async fn start(self, prefetch_screens: impl std::future::Future<Output = ()> + 'static) {
        let _ = local_storage::probe();
        let mut device = local_storage::read_device();
        if device.id.is_empty() {
            device.id = clock::new_id("d");
            let _ = local_storage::write_device(&device);
        }
        let welcomed = device.welcomed;
        self.device.set(device);
        // A link on a phone with nothing stored shows its package's review
        // at once: the join page opens the store behind it
        // (`open_store_behind`), so the store's code is not on the link's
        // path. A phone with records opens the store first and imports.
        if !welcomed && persistence::nothing_stored().await {
            self.ready.set(true);
        } else {
            leptos::task::spawn_local(prefetch_screens);
            self.open_store().await;
        }
        // The first screen is up: the service worker may now fetch every
        // file for offline use without slowing it down.
        crate::browser::page_events::after_next_paint().await;
        crate::browser::offline::keep_app_offline();
    }

    /// Whether the store is open and its records are on the page.
    pub fn store_ready(&self) -> bool {
        self.store_ready.get()
    }

    /// Whether home shows its first read while the rest is read.
    pub fn reading_the_rest(&self) -> bool {
        self.reading_the_rest.get()
    }

    /// Opens the store if it is not open yet; the screens wait meanwhile,
    /// so no edit comes before it.
    pub async fn open_store(self) {
        if !self.store_open.get_untracked() {
            self.ready.set(false);
        }
        self.open_store_behind().await;
    }

    /// Opens the store behind a page that shows without it (the join
    /// page's review of a package): the page stays on screen meanwhile.
    pub async fn open_store_behind(self) {
        if self.store_open.get_untracked() {
            return;
        }
        self.store_open.set(true);
        open_records(self).await;
    }

    /// Leaves the join page for the screens, which wait for the store if
    /// it is still opening behind the join page (or was never opened).
    pub fn leave_join(self) {
        self.joining.set(false);
        if self.store_ready.get_untracked() {
            return;
        }
        if self.store_open.get_untracked() {
            // `open_records` shows the screens once the records are in.
            self.ready.set(false);
        } else {
            leptos::task::spawn_local(self.open_store());
        }
    }

    /// Applies an edit of the records `keys` and stores it. The edit must
    /// say what the member wants, not what to toggle: if another page
    /// stored the same record first, it is applied again on top of theirs.
    fn edit(&self, keys: Vec<RecordKey>, op: impl Fn(&mut Document) + 'static) {
        persistence::edit(keys, Rc::new(op));
    }

    /// Edits one item record (a meeting, a form…) through its handle.
    pub(super) fn edit_record(&self, key: RecordKey, op: impl Fn(&mut Document) + 'static) {
        self.edit(vec![key], op);
    }

    /// Edits items of one kind (`T`) by key, making them where `op` does.
    /// `op` is a named domain operation (`domain::dues::ledger::record`…)
    /// that changes only these items: a debug build fails one that changes
    /// another record. A new kind's edits need nothing added here.
    pub fn edit_items<T: Listed>(&self, keys: &[String], op: impl Fn(&mut Document) + 'static) {
        self.edit(keys.iter().map(|k| T::record_key_of(k)).collect(), op);
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

    /// Starts the checklist of a 换届.
    pub fn add_handover(&self, handover: Handover) {
        let key = RecordKey::handover(&handover.id);
        self.edit(vec![key], move |d| {
            if d.handover(&handover.id).is_none() {
                d.handovers.push(handover.clone());
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
        self.edit(vec![RecordKey::commitments_of(&id)], move |d| {
            if d.commitments_of(&id).is_none() {
                d.commitments.push(MemberCommitments::new(&member_id, year));
            }
            if let Some(c) = d.commitments_of_mut(&id) {
                f(c);
            }
        });
    }

    /// Records a passed vote on the 发展党员 path it was put from: the path,
    /// and on 接收 the roster's new 预备党员 (`member_id`) and the vote that
    /// now names them (`development::meetings::record_vote`).
    pub fn record_vote_on_path(
        &self,
        applicant_id: &str,
        decision: Decision,
        meeting_id: &str,
        vote_id: &str,
        member_id: String,
    ) {
        let keys = records_changed(decision, applicant_id, meeting_id);
        let (meeting_id, vote_id) = (meeting_id.to_string(), vote_id.to_string());
        let today = clock::today();
        self.edit(keys, move |d| {
            // An error here means another tab recorded it first, or the vote
            // changed meanwhile: the document stays as it is.
            let _ = record_vote(d, &meeting_id, &vote_id, decision, &member_id, today);
        });
    }

    /// Records on a path a 延长预备期 or 取消预备党员资格 decided at a 支部大会
    /// not kept in the app (`development::meetings::probation_decided`).
    pub fn probation_decided(&self, applicant_id: &str, decision: Decision, day: NaiveDate) {
        let keys = records_changed(decision, applicant_id, "");
        let id = applicant_id.to_string();
        self.edit(keys, move |d| {
            // An error here means the path is no longer a 预备党员's: the
            // document stays as it is.
            let _ = probation_decided(d, &id, decision, day);
        });
    }

    /// Records the 上级党委's approval of a 接收 or 转正 on a path, or takes
    /// it back (`development::meetings::record_approval`: on a 转正 the
    /// roster too); says why not when it may not be recorded.
    pub fn record_approval(
        &self,
        applicant_id: &str,
        step: Step,
        on: Option<NaiveDate>,
    ) -> Result<(), String> {
        self.doc.with_untracked(|d| {
            let a = d.applicant(applicant_id).ok_or("找不到这份发展党员纪实")?;
            approval_allowed(a, step, on)
        })?;
        let id = applicant_id.to_string();
        self.edit(approval_records(applicant_id, step), move |d| {
            // An error here means another tab changed the path meanwhile:
            // the document stays as it is.
            let _ = record_approval(d, &id, step, on);
        });
        Ok(())
    }

    /// Edits the branch's 民主评议 record of `year` (created if missing).
    pub fn edit_review(&self, year: i32, f: impl Fn(&mut Document) + 'static) {
        self.edit(vec![RecordKey::review_of(&year.to_string())], f);
    }

    /// Puts a whole document in place (example data, a restore); the data
    /// before is kept for undo. `Err` says why nothing changed.
    pub async fn replace(&self, doc: Document, undo_label: &str) -> Result<(), String> {
        let core = persistence::core().ok_or_else(not_open)?;
        core.replace_with(doc, undo_label).await
    }

    /// What importing a staged file would do here, before anything changes.
    pub fn plan_import(&self, staged: &crate::backup::import::Staged) -> Option<ImportReview> {
        Some(persistence::core()?.plan_import(staged))
    }

    /// Merges an import as planned, each conflict as `choose` answers; the
    /// data before is kept for undo first. The number of records changed.
    pub async fn merge_import(
        &self,
        review: &ImportReview,
        choose: impl Fn(&str, &str) -> Choice,
        undo_label: &str,
    ) -> Result<usize, String> {
        let core = persistence::core().ok_or_else(not_open)?;
        core.merge_import(review, choose, undo_label).await
    }

    /// A package of this phone's data as a file: (file name, text). A
    /// full backup carries the 党费 ledger only if the keeper chose so.
    /// `member_order`: the roster's ids in the branch's order of names,
    /// for a 支部资料包 (`Core::package_listing`).
    pub fn package(&self, scope: Scope, member_order: &[String]) -> (String, String) {
        let with_private = self.device.with_untracked(|d| d.backup_private);
        persistence::core()
            .map(|core| {
                core.package_listing(
                    scope,
                    with_private,
                    clock::today(),
                    &now_text(),
                    member_order,
                )
            })
            .unwrap_or_default()
    }

    /// What the package of `scope` would carry, in words.
    pub fn package_contents(&self, scope: Scope) -> String {
        persistence::core()
            .map(|core| core.package_contents(scope, clock::today()))
            .unwrap_or_default()
    }

    /// Whether full backups carry the 党费 ledger.
    pub fn set_backup_private(&self, with: bool) {
        self.update_device(|d| d.backup_private = with);
    }

    /// Goes back to the data before the last import or example data: the
    /// records it wrote, unless some were changed after it and
    /// `with_later_changes` is not said (they are named instead).
    pub async fn undo_replace(&self, with_later_changes: bool) -> Result<Undo, String> {
        let core = persistence::core().ok_or_else(not_open)?;
        core.undo(with_later_changes).await
    }

    pub async fn dismiss_undo(&self) {
        if let Some(core) = persistence::core() {
            core.dismiss_undo().await;
        }
    }

    /// Re-reads what is kept aside.
    pub async fn refresh_quarantined(&self) {
        let Some(core) = persistence::core() else {
            return;
        };
        let stored = core.quarantined().await;
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

    /// Forgets a value kept aside (after the member downloaded it).
    /// Brings back a value kept aside in place of the record's data now;
    /// says what came back, or why nothing changed.
    pub async fn restore_set_aside(&self, name: &str) -> Result<String, String> {
        let core = persistence::core().ok_or_else(not_open)?;
        core.restore_set_aside(name).await
    }

    pub async fn discard_quarantined(&self, name: &str) {
        let Some(core) = persistence::core() else {
            return;
        };
        if let Err(why) = core.discard_quarantined(name).await {
            self.notice.set(Some(format!("没能删除：{why}")));
            return;
        }
        let name = name.to_string();
        self.quarantined
            .update(|q| q.retain(|(k, _)| *k != name || k.is_empty()));
    }

    /// Changes the device's settings: through the core once the store is
    /// open, else straight to localStorage (the welcome screen).
    fn update_device(&self, f: impl FnOnce(&mut DeviceState)) {
        match persistence::core() {
            Some(core) => core.update_device(f),
            None => {
                self.device.update(f);
                let _ = local_storage::write_device(&self.device.get_untracked());
            }
        }
    }

    pub fn set_me(&self, member_id: Option<String>) {
        self.update_device(|d| d.me = member_id);
    }

    /// "我是支委，显示全部" on this phone, or back to the member's own work.
    pub fn set_shows_everything(&self, shows: bool) {
        self.update_device(|d| d.shows_everything = shows);
    }

    pub fn note_in_app(&self) {
        self.update_device(|d| d.in_app_noted = true);
    }

    /// Deletes every record on this device and the undo copy: the app
    /// starts again as on first use (device settings other than its id go
    /// too). `Err` says why nothing changed.
    pub async fn clear_everything(&self, keep_undo: bool) -> Result<(), String> {
        let core = persistence::core().ok_or_else(not_open)?;
        core.clear_everything(keep_undo).await?;
        // The 评议 tab's 填写人 goes with the other device settings.
        crate::browser::local_storage::remove(crate::store::device::FORM_FILLER_KEY);
        Ok(())
    }

    pub fn mark_welcomed(&self) {
        self.update_device(|d| d.welcomed = true);
        leptos::task::spawn_local(self.open_store());
    }

    /// The whole document as a backup file, with each record's history:
    /// (file name, text).
    pub fn backup_file(&self) -> (String, String) {
        self.package(Scope::Full, &[])
    }

    /// Records that the member now holds a backup.
    pub fn mark_backed_up(&self) {
        let now = clock::now();
        self.update_device(|d| {
            d.last_backup_at = Some(crate::domain::time::format_minutes(&now));
            d.last_backup_date = Some(now.date_naive());
            d.edits_since_backup = 0;
        });
    }
}

fn now_text() -> String {
    crate::domain::time::format_minutes(&clock::now())
}

fn not_open() -> String {
    "本机数据还没有读取完".into()
}

/// Opens the records and puts them on the page. In the split build its
/// code (reading, migrating and writing records) is fetched with the
/// first screen that shows stored data.
#[cfg_attr(feature = "split", leptos::lazy)]
#[allow(unsafe_code)] // the lazy loader's generated chunk import
async fn open_records(state: AppState) {
    let local = local_storage::probe();
    let device = state.device.get_untracked();
    // Home, opened as such, is drawn from what it shows as soon as that is
    // read; any other screen waits for everything (`Screens`).
    let home_first = crate::browser::base::opened_route() == "/"
        && state.incoming.with_untracked(Option::is_none);
    let show_first = home_first.then(|| {
        Box::new(move |doc: Document| {
            state.doc.set(doc);
            state.reading_the_rest.set(true);
            state.ready.set(true);
        }) as Box<dyn FnOnce(Document)>
    });
    let started = persistence::start(state, device, show_first).await;
    let opened = started.opened;
    state.quarantined.set(opened.quarantined);
    state.place.set(started.place);
    state.place_reason.set(started.place_reason.clone());
    if let Some(core) = persistence::core() {
        state.undo.set(core.undo_on_offer());
    }
    state.save.set(match (opened.read_only, started.place) {
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
    if opened.replayed > 0 {
        state.notice.set(Some(format!(
            "上次关闭页面时还有 {} 条记录没有保存完，已经补存。",
            opened.replayed
        )));
    }
    // A link on a phone with records opens the import screen, not the
    // join screen (decided before the first frame, so neither flashes).
    if state.doc.with_untracked(|d| !d.is_blank()) {
        state.joining.set(false);
    }
    state.store_ready.set(true);
    state.reading_the_rest.set(false);
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
