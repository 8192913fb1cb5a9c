//! The store's session, driven by the app's own core (`zhibu::app`) over
//! in-memory stores that fail like browsers do: commits, two pages at once,
//! cleared and full storage, unreadable and newer records, and the move of
//! the first version's localStorage records.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use chrono::{Datelike, NaiveDate};
use common::{block_on, example, member, store_with, Committing, Gated, Phone, Store};
use zhibu::app::first_read::read_first;
use zhibu::app::{Backend, Event, Immediate};
use zhibu::domain::kind::Kind;
use zhibu::domain::meeting::Presence;
use zhibu::domain::rules::recording::set_presence;
use zhibu::domain::RecordKey;
use zhibu::domain::{Document, SCHEMA_VERSION};
use zhibu::format::record::TOMBSTONE;
use zhibu::format::record::{seal, unseal};
use zhibu::store::db::{Expect, RecordDb, Txn, TxnOutcome, Write};
use zhibu::store::kv_db::KvDb;
use zhibu::store::loading::{load, Loading};
use zhibu::store::migration;
use zhibu::store::{MemoryDb, MemoryKv, StorageError};

/// What the page tells the member about storing: without the device's own
/// settings (the backup reminder's count, which a first edit changes) and
/// the announcements meant for other tabs.
fn told(events: Vec<Event>) -> Vec<Event> {
    events
        .into_iter()
        .filter(|e| !matches!(e, Event::Device(_) | Event::Stored { .. }))
        .collect()
}

/// The example branch stored by the phone "d1", and what its page shows.
fn saved_example() -> (Store, Document) {
    let phone = Phone::with_example("d1");
    (phone.store.clone(), phone.doc())
}

/// What a reload shows, from the records alone: no journal of an earlier
/// page is there to finish anything.
fn reopened<B: Backend>(store: &B) -> Document {
    let check = Phone::open_as(store, "check", "check");
    assert_eq!(check.opened.replayed, 0, "nothing was left in a journal");
    check.doc()
}

fn first_meeting(doc: &Document) -> (String, Vec<String>) {
    let m = &doc.meetings[0];
    let ids = doc.members.iter().map(|m| m.id.clone()).collect();
    (m.id.clone(), ids)
}

#[test]
fn what_is_committed_is_there_after_reopening() {
    let (store, doc) = saved_example();
    let reopened = Phone::open(&store, "d1");
    assert_eq!(reopened.doc(), doc);
    assert_eq!(reopened.opened.quarantined, []);
    assert_eq!(reopened.opened.read_only, None);
}

#[test]
fn one_edit_rewrites_one_record_not_the_history() {
    let (store, _) = saved_example();
    let before = store.with_db(|db| db.records.clone());
    let page = Phone::open(&store, "d1");
    let told = told(page.save(vec![RecordKey::Members], |d| {
        d.members.push(member("new", "新党员"))
    }));
    assert_eq!(told, [Event::Saved]);
    let after = store.with_db(|db| db.records.clone());
    let changed: Vec<&String> = after
        .iter()
        .filter(|(k, v)| before.get(*k) != Some(*v))
        .map(|(k, _)| k)
        .collect();
    assert_eq!(changed, ["members"]);
}

#[test]
fn every_record_is_sealed_with_its_revision_device_and_schema() {
    let (store, _) = saved_example();
    let page = Phone::open(&store, "phone-a");
    page.save(vec![RecordKey::Branch], |d| d.branch.name = "改名".into());
    let branch = store.with_db(|db| unseal(&db.records["branch"]).unwrap());
    assert_eq!(
        (branch.rev, branch.by.as_str(), branch.schema_version),
        (2, "phone-a", SCHEMA_VERSION)
    );
}

#[test]
fn two_pages_tapping_the_same_meeting_at_once_both_keep_their_taps() {
    let (store, doc) = saved_example();
    let (meeting, members) = first_meeting(&doc);
    let (gate_a, gate_b) = (Gated::new(&store), Gated::new(&store));
    let a = Phone::open(&gate_a, "tab-a");
    let b = Phone::open(&gate_b, "tab-b");
    let (ma, mb) = (members[0].clone(), members[1].clone());
    let id = meeting.clone();
    a.edit(vec![RecordKey::meeting(&meeting)], move |d| {
        set_presence(d.meeting_mut(&id).unwrap(), &ma, Some(Presence::Absent))
    });
    let id = meeting.clone();
    b.edit(vec![RecordKey::meeting(&meeting)], move |d| {
        set_presence(d.meeting_mut(&id).unwrap(), &mb, Some(Presence::Leave))
    });
    let status = |doc: &Document, id: &str| {
        doc.meeting(&meeting)
            .unwrap()
            .attendance
            .iter()
            .find(|x| x.member_id == id)
            .map(|x| x.status)
    };
    // Both started their commit before either finished.
    let mut committing_a = Committing::start(&a);
    let mut committing_b = Committing::start(&b);
    gate_a.let_one_through();
    assert!(committing_a.step(), "the first page's commit is stored");
    gate_b.let_one_through();
    assert!(
        !committing_b.step(),
        "the slower page's commit is refused and sent again"
    );
    // What is stored now, read as it is: a page opened now would also
    // write the slower page's journal.
    let between = load(&store.with_db(|db| db.snapshot().unwrap())).doc;
    assert_eq!(status(&between, &members[0]), Some(Presence::Absent));
    let untapped = status(&doc, &members[1]);
    assert_ne!(untapped, Some(Presence::Leave));
    assert_eq!(
        status(&between, &members[1]),
        untapped,
        "never a silent overwrite"
    );
    gate_b.let_one_through();
    assert!(committing_b.step());
    assert_eq!(told(a.heard()), [Event::Saved]);
    assert_eq!(told(b.heard()), [Event::Saved], "the retry is silent");

    let stored = reopened(&store);
    assert_eq!(status(&stored, &members[0]), Some(Presence::Absent));
    assert_eq!(status(&stored, &members[1]), Some(Presence::Leave));
    assert_eq!(
        b.doc().meeting(&meeting),
        stored.meeting(&meeting),
        "the slower page shows both taps"
    );
}

#[test]
fn an_open_form_saves_only_the_fields_it_changed_over_a_newer_copy() {
    let (store, _) = saved_example();
    let stale = Phone::open(&store, "tab-a");
    let other = Phone::open(&store, "tab-b");
    other.save(vec![RecordKey::Branch], |d| {
        d.branch.name = "另一页改的名称".into()
    });
    // The stale page changes another field of the same record.
    let after = stale.save(vec![RecordKey::Branch], |d| {
        d.branch.parent_org = "某某公司党委".into()
    });
    assert_eq!(told(after), [Event::Saved]);
    let stored = reopened(&store);
    assert_eq!(stored.branch.name, "另一页改的名称");
    assert_eq!(stored.branch.parent_org, "某某公司党委");
}

#[test]
fn an_idle_page_follows_another_pages_commit() {
    let (store, doc) = saved_example();
    let idle = Phone::open(&store, "tab-a");
    let busy = Phone::open(&store, "tab-b");
    let (meeting, _) = first_meeting(&doc);
    let id = meeting.clone();
    busy.save(vec![RecordKey::meeting(&meeting)], move |d| {
        d.meeting_mut(&id).unwrap().minutes = "另一页写的纪要".into()
    });
    let key = RecordKey::meeting(&meeting);
    assert_eq!(busy.core.revision(&key), 2);
    let stored = store.with_db(|db| db.records.clone());
    idle.heard();
    block_on(idle.core.follow(&[(key.clone(), 2)], false));
    assert_eq!(
        idle.doc().meeting(&meeting).unwrap().minutes,
        "另一页写的纪要"
    );
    assert_eq!(idle.core.revision(&key), 2);
    assert_eq!(told(idle.heard()), [Event::Followed]);
    assert!(!idle.core.has_unsaved(), "following writes nothing back");
    assert_eq!(store.with_db(|db| db.records.clone()), stored);
}

#[test]
fn a_tap_after_following_another_page_credits_that_pages_change_to_it() {
    let (store, doc) = saved_example();
    let (meeting, members) = first_meeting(&doc);
    let key = RecordKey::meeting(&meeting);
    let tapping = Phone::open(&store, "tab-a");
    let mark = |page: &Phone, member: &str| {
        let (id, member) = (meeting.clone(), member.to_string());
        told(page.save(vec![RecordKey::meeting(&meeting)], move |d| {
            set_presence(d.meeting_mut(&id).unwrap(), &member, Some(Presence::Leave))
        }))
    };
    assert_eq!(mark(&tapping, &members[0]), [Event::Saved]);
    // Another page writes the minutes of the same meeting, and the tapping
    // page follows it.
    let writing = Phone::open(&store, "tab-b");
    let id = meeting.clone();
    writing.save(vec![key.clone()], move |d| {
        d.meeting_mut(&id).unwrap().minutes = "另一页写的纪要".into()
    });
    let rev = writing.core.revision(&key);
    tapping.heard();
    block_on(tapping.core.follow(&[(key.clone(), rev)], false));
    assert_eq!(told(tapping.heard()), [Event::Followed]);
    assert_eq!(mark(&tapping, &members[1]), [Event::Saved]);
    let check = Phone::open(&store, "check");
    let stored = check.doc();
    assert_eq!(stored.meeting(&meeting).unwrap().minutes, "另一页写的纪要");
    let clock = check.core.clocks().remove(&key).unwrap();
    let by = |field: &str| clock.dot(field).map(|dot| dot.0.clone());
    assert_eq!(
        by("minutes").as_deref(),
        Some("tab-b"),
        "the minutes are the other page's"
    );
    let second = format!("attendance[{}]", members[1]);
    assert_eq!(by(&second).as_deref(), Some("tab-a"));
}

#[test]
fn storage_cleared_under_the_page_is_written_back_whole() {
    let (store, doc) = saved_example();
    let page = Phone::open(&store, "tab");
    // Another page (or the browser) deletes the site's data.
    store.with_db(|db| *db = MemoryDb::new());
    let after = page.save(vec![RecordKey::Branch], |d| {
        d.branch.name = "清空后改的".into()
    });
    assert_eq!(told(after), [Event::Cleared, Event::Saved]);
    let stored = reopened(&store);
    assert_eq!(stored.branch.name, "清空后改的");
    assert_eq!(stored.meetings, doc.meetings, "everything the page held");
    assert_eq!(stored.members, doc.members);
}

#[test]
fn the_first_commit_after_clearing_reports_it() {
    let (store, _) = saved_example();
    let page = Phone::open(&store, "tab");
    store.with_db(|db| *db = MemoryDb::new());
    page.edit(vec![RecordKey::Branch], |d| d.branch.name = "x".into());
    let heard = told(page.commit());
    assert_eq!(heard.first(), Some(&Event::Cleared), "{heard:?}");
}

#[test]
fn a_full_store_keeps_the_edit_and_saves_it_with_the_next_one() {
    let (store, _) = saved_example();
    let page = Phone::open(&store, "tab");
    store.with_db(|db| db.full = true);
    let after = page.save(vec![RecordKey::Members], |d| {
        d.members.push(member("a", "满时添加"))
    });
    assert_eq!(told(after), [Event::Failed("浏览器存储空间已满".into())]);
    assert!(page.core.has_unsaved());
    store.with_db(|db| db.full = false);
    let after = page.save(vec![RecordKey::Members], |d| {
        d.members.push(member("b", "恢复后添加"))
    });
    assert_eq!(told(after), [Event::Saved]);
    assert!(!page.core.has_unsaved());
    let names: Vec<String> = reopened(&store)
        .members
        .iter()
        .map(|m| m.name.clone())
        .collect();
    assert!(names.contains(&"满时添加".to_string()));
    assert!(names.contains(&"恢复后添加".to_string()));
}

#[test]
fn an_import_refused_for_lack_of_space_changes_nothing_and_is_taken_back() {
    let (store, doc) = saved_example();
    let before = store.with_db(|db| db.records.clone());
    let page = Phone::open(&store, "tab");
    store.with_db(|db| db.full = true);
    let mut imported = Document::default();
    imported.branch.name = "导入的支部".into();
    assert_eq!(
        page.replace(imported),
        Err("浏览器存储空间已满".to_string())
    );
    assert_eq!(
        store.with_db(|db| db.records.clone()),
        before,
        "stored data exactly as before"
    );
    assert_eq!(page.doc(), doc, "the page shows what is stored");
    assert!(!page.core.has_unsaved());
}

#[test]
fn an_import_replaces_every_record_and_deletes_the_others() {
    let (store, _) = saved_example();
    let page = Phone::open(&store, "tab");
    let mut imported = Document::default();
    imported.branch.name = "导入的支部".into();
    assert_eq!(page.replace(imported.clone()), Ok(()));
    assert_eq!(reopened(&store), imported);
}

#[test]
fn a_newer_record_makes_the_page_read_only_but_shows_the_rest() {
    let (store, doc) = saved_example();
    let meeting = RecordKey::meeting(&doc.meetings[0].id);
    // A newer version may even seal its records another way.
    let newer = format!(
        r#"{{"v":{},"rev":9,"sum":"another-scheme","data":{{}}}}"#,
        SCHEMA_VERSION + 1
    );
    store.with_db(|db| db.records.insert(meeting.name(), newer.clone()));
    let page = Phone::open(&store, "tab");
    let why = page.opened.read_only.clone().unwrap();
    assert!(why.contains("请刷新或升级"), "{why}");
    assert_eq!(page.doc().members, doc.members);
    assert_eq!(page.doc().meetings.len(), doc.meetings.len() - 1);
    let before = store.with_db(|db| db.records.clone());
    let heard = told(page.save(vec![RecordKey::Branch], |d| d.branch.name = "x".into()));
    assert!(
        !heard.contains(&Event::Saved),
        "never said saved: {heard:?}"
    );
    store.with_db(|db| {
        assert_eq!(db.records, before, "nothing written");
        assert_eq!(db.records[&meeting.name()], newer);
        assert!(db.quarantine.is_empty(), "newer is not broken");
    });
}

#[test]
fn a_newer_record_sealed_as_this_version_seals_also_makes_the_page_read_only() {
    let (store, doc) = saved_example();
    let meeting = RecordKey::meeting(&doc.meetings[0].id);
    let newer = seal(
        SCHEMA_VERSION + 1,
        9,
        "d-new",
        0,
        &Default::default(),
        r#"{"shape":"of a later version"}"#,
    );
    store.with_db(|db| db.records.insert(meeting.name(), newer.clone()));
    let page = Phone::open(&store, "tab");
    let why = page.opened.read_only.clone().unwrap();
    assert!(why.contains("请刷新或升级"), "{why}");
    assert_eq!(page.doc().meetings.len(), doc.meetings.len() - 1);
    store.with_db(|db| {
        assert_eq!(db.records[&meeting.name()], newer);
        assert!(db.quarantine.is_empty(), "newer is not broken");
    });
}

/// The example with copies of its first meeting under `ids`, stored, and
/// what the store then holds.
fn stored_with_meetings(ids: &[String]) -> (Document, zhibu::store::db::Snapshot) {
    let mut doc = example();
    let template = doc.meetings[0].clone();
    for id in ids {
        let mut meeting = template.clone();
        meeting.id = id.clone();
        doc.meetings.push(meeting);
    }
    let page = Phone::new("d1");
    assert_eq!(page.replace(doc.clone()), Ok(()));
    (doc, page.store.with_db(|db| db.snapshot().unwrap()))
}

/// The stored record `key` in `snapshot`.
fn found(snapshot: &zhibu::store::db::Snapshot, key: RecordKey) -> zhibu::store::db::Found {
    snapshot
        .records
        .iter()
        .find(|f| f.key == key)
        .expect("stored")
        .clone()
}

#[test]
fn ten_years_of_records_load_each_once_and_a_record_under_two_names_once() {
    let ids: Vec<String> = (0..600).map(|i| format!("m-{i:03}")).collect();
    let (doc, mut snapshot) = stored_with_meetings(&ids);
    let copy = snapshot
        .records
        .iter()
        .find(|f| f.key == RecordKey::meeting("m-007"))
        .unwrap()
        .clone();
    snapshot.records.push(zhibu::store::db::Found {
        origin: format!("{}-copy", copy.origin),
        ..copy
    });
    let loaded = load(&snapshot);
    assert_eq!(loaded.doc.meetings.len(), doc.meetings.len());
    let mut ids: Vec<&str> = loaded.doc.meetings.iter().map(|m| m.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), doc.meetings.len(), "each meeting once");
    assert!(loaded.set_aside.is_empty());
}

#[test]
fn start_up_reads_ten_years_in_slices_and_lets_the_page_answer_between_them() {
    let page = Phone::new("d1");
    let mut doc = example();
    let template = doc.meetings[0].clone();
    for i in 0..600 {
        let mut meeting = template.clone();
        meeting.id = format!("m-{i:03}");
        doc.meetings.push(meeting);
    }
    assert_eq!(page.replace(doc.clone()), Ok(()));
    let snapshot = page.store.with_db(|db| db.snapshot().unwrap());
    let stored = snapshot.records.len();
    let paused_before = page.store.pauses();

    let reopened = Phone::open(&page.store, "d1");

    let pauses = page.store.pauses() - paused_before;
    assert!(
        pauses * 100 >= stored,
        "{stored} records read with {pauses} pauses: a tap would wait for more than 100"
    );
    assert_eq!(reopened.doc().meetings.len(), doc.meetings.len());
    assert_eq!(reopened.doc(), load(&snapshot).doc, "as read at once");
}

#[test]
fn a_read_in_slices_of_one_record_gives_what_a_read_at_once_gives() {
    let (_, mut snapshot) = stored_with_meetings(&["m-1".into(), "m-2".into(), "m-3".into()]);
    // A record under two names, and one under another record's key: what
    // the read remembers from one record to the next crosses each slice.
    let second = found(&snapshot, RecordKey::meeting("m-2"));
    let third = found(&snapshot, RecordKey::meeting("m-3"));
    snapshot.records.push(zhibu::store::db::Found {
        origin: format!("{}-copy", third.origin),
        ..third
    });
    for found in &mut snapshot.records {
        if found.key == RecordKey::meeting("m-1") {
            found.raw = second.raw.clone();
        }
    }
    let at_once = load(&snapshot);
    let mut loading = Loading::new(&snapshot);
    let mut slices = 1;
    while !loading.read(1) {
        slices += 1;
    }
    let in_slices = loading.finish();

    assert_eq!(slices, snapshot.records.len());
    assert_eq!(in_slices.doc, at_once.doc);
    assert_eq!(in_slices.revs, at_once.revs);
    assert_eq!(in_slices.rewrite, at_once.rewrite);
    assert_eq!(in_slices.set_aside.len(), at_once.set_aside.len());
}

#[test]
fn a_meeting_stored_under_another_meetings_key_still_loads_as_one() {
    let (doc, mut snapshot) = stored_with_meetings(&["m-1".into(), "m-2".into()]);
    let second = found(&snapshot, RecordKey::meeting("m-2")).raw;
    for found in &mut snapshot.records {
        if found.key == RecordKey::meeting("m-1") {
            found.raw = second.clone();
        }
    }
    let loaded = load(&snapshot);
    let copies = loaded.doc.meetings.iter().filter(|m| m.id == "m-2").count();
    assert_eq!(copies, 1, "the later record replaces the misplaced one");
    assert_eq!(loaded.doc.meetings.len(), doc.meetings.len() - 1);
}

#[test]
fn a_value_found_unreadable_while_committing_that_cannot_be_kept_aside_is_never_written_over() {
    let (store, doc) = saved_example();
    let page = Phone::open(&store, "tab");
    page.heard();
    // Another page (or a damaged disk) leaves a value this page cannot
    // read, on a phone too full to keep it aside.
    let meeting = RecordKey::meeting(&doc.meetings[0].id);
    let broken = "{\"v\":1,\"rev\":9,garbage".to_string();
    store.with_db(|db| db.records.insert(meeting.name(), broken.clone()));
    store.refuse_set_aside(true);
    let theme = |d: &mut Document| d.meetings[0].theme = "本页的修改".into();
    page.edit(vec![meeting.clone()], theme);
    let heard = page.commit();

    let read_only = heard.iter().find_map(|e| match e {
        Event::ReadOnly(why) => Some(why.clone()),
        _ => None,
    });
    let why = read_only.expect("the page says it stops writing");
    assert!(why.contains("无法把它另存"), "{why}");
    assert!(
        heard.iter().any(|e| matches!(e, Event::SetAside(found)
            if found.iter().any(|(name, q)| name.is_empty() && q.raw == broken))),
        "the value is held by the page, for the member to download: {heard:?}"
    );
    let stored = |store: &Store| store.with_db(|db| db.records.get(&meeting.name()).cloned());
    assert_eq!(
        stored(&store).as_deref(),
        Some(broken.as_str()),
        "not written over"
    );
    // Later taps are not written either, not even once the phone has room.
    store.refuse_set_aside(false);
    page.edit(vec![meeting.clone()], theme);
    page.commit();
    assert_eq!(stored(&store).as_deref(), Some(broken.as_str()));
}

#[test]
fn an_unreadable_meeting_is_set_aside_and_the_rest_loads() {
    let (store, doc) = saved_example();
    let meeting = RecordKey::meeting(&doc.meetings[0].id);
    let broken = "{\"v\":1,\"rev\":3,garbage".to_string();
    store.with_db(|db| db.records.insert(meeting.name(), broken.clone()));
    let page = Phone::open(&store, "tab");
    assert_eq!(page.doc().meetings.len(), doc.meetings.len() - 1);
    let aside = &page.opened.quarantined;
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert!(!aside[0].0.is_empty(), "kept aside in storage");
    assert_eq!(aside[0].1.raw, broken);
    assert_eq!(page.opened.read_only, None);
    store.with_db(|db| {
        assert!(db.quarantine.values().any(|q| q.raw == broken));
        assert!(!db.records.contains_key(&meeting.name()));
    });
}

#[test]
fn a_roster_with_one_broken_member_keeps_the_others_and_the_whole_text() {
    let (store, doc) = saved_example();
    let mut members: serde_json::Value = serde_json::to_value(&doc.members).unwrap();
    members[2]["standing"] = "flying".into();
    let text = members.to_string();
    let raw = seal(SCHEMA_VERSION, 5, "d", 0, &Default::default(), &text);
    store.with_db(|db| db.records.insert("members".into(), raw.clone()));
    let page = Phone::open(&store, "tab");
    assert_eq!(page.doc().members.len(), doc.members.len() - 1);
    let kept = store.with_db(|db| {
        db.quarantine
            .values()
            .find(|q| q.raw == raw)
            .unwrap()
            .clone()
    });
    assert!(
        kept.reason.contains("members[2].standing"),
        "{}",
        kept.reason
    );
    assert!(!kept.reason.contains("at line"), "{}", kept.reason);
    assert_eq!(
        page.doc().branch,
        doc.branch,
        "the branch does not pay for it"
    );
    // The roster is written again without the broken member.
    assert_eq!(told(page.commit()), [Event::Saved]);
    assert_eq!(reopened(&store).members.len(), doc.members.len() - 1);
}

#[test]
fn a_meeting_whose_group_was_deleted_survives_a_reload() {
    let (store, _) = saved_example();
    let page = Phone::open(&store, "tab");
    let count = page.doc().meetings.len();
    let heard = page.save(vec![RecordKey::Branch], |d| d.branch.groups.clear());
    assert_eq!(told(heard), [Event::Saved]);
    assert_eq!(reopened(&store).meetings.len(), count);
}

#[test]
fn a_deleted_meeting_leaves_only_a_tombstone_behind() {
    let (store, doc) = saved_example();
    let id = doc.meetings[0].id.clone();
    let page = Phone::open(&store, "tab");
    let gone = id.clone();
    let heard = page.save(vec![RecordKey::meeting(&id)], move |d| {
        d.meetings.retain(|m| m.id != gone)
    });
    assert_eq!(told(heard), [Event::Saved]);
    // Its clock stays, so the deletion travels to other phones; nothing the members wrote does.
    let left = store.with_db(|db| db.records.get(&RecordKey::meeting(&id).name()).cloned());
    assert_eq!(
        left.map(|raw| unseal(&raw).map(|s| s.data)),
        Some(Ok(TOMBSTONE.into()))
    );
}

#[test]
#[should_panic(expected = "which it did not name")]
fn an_edit_that_changes_a_record_it_did_not_name_fails_in_debug_builds() {
    let page = Phone::with_example("tab");
    page.edit(vec![RecordKey::Branch], |d| {
        d.members[0].name = "悄悄改".into()
    });
}

#[test]
fn a_commit_of_the_same_record_from_two_pages_writes_only_over_what_it_read() {
    let mut db = MemoryDb::new();
    let txn = |rev| Txn {
        writes: vec![Write {
            key: RecordKey::Branch,
            expect: Expect::Rev(rev),
            data: Some("{\"name\":\"x\"}".into()),
            clock: Default::default(),
        }],
        replace_all: false,
        atomic: false,
        expect_store: false,
        by: "d".into(),
        at: 0,
    };
    assert!(matches!(db.commit(&txn(0)), TxnOutcome::Committed(_)));
    assert!(matches!(db.commit(&txn(0)), TxnOutcome::Conflict(_)));
    assert!(matches!(db.commit(&txn(1)), TxnOutcome::Committed(_)));
}

/// The first version's localStorage keys, as that version left them after
/// loading the example data and a few edits (a record in both slots, a
/// torn slot, a value it had set aside).
fn first_version_keys() -> MemoryKv {
    let text = include_str!("fixtures/local-storage-v1.json");
    let map: BTreeMap<String, String> = serde_json::from_str(text).unwrap();
    MemoryKv {
        entries: map,
        ..MemoryKv::default()
    }
}

#[test]
fn the_first_versions_records_move_into_the_new_store_intact() {
    let mut old = KvDb::new(first_version_keys());
    let expected = zhibu::backup::import::read_backup(include_str!(
        "fixtures/local-storage-v1.expected-backup.json"
    ));
    let zhibu::backup::import::Outcome::Ready(expected) = expected else {
        panic!("fixture")
    };
    let before = load(&old.snapshot().unwrap()).doc;
    assert_eq!(before, expected.doc, "the old layout reads as before");

    let mut db = MemoryDb::new();
    let mv = migration::plan(&old.snapshot().unwrap(), old.stored_keys().unwrap());
    db.move_in(&mv).unwrap();
    let changed = old.remove_unchanged(&mv.sources).unwrap();
    assert!(changed.is_empty());
    let left: Vec<&String> = old.kv.entries.keys().collect();
    assert_eq!(left, ["zhibu.device"], "only the device state stays");

    let store = store_with(db);
    let page = Phone::open(&store, "new");
    assert_eq!(page.doc(), expected.doc);
    assert_eq!(
        store.with_db(|db| db.quarantine.len()),
        2,
        "the old kept-aside value and the torn slot"
    );
    // And the moved records are written in the new envelope as the page opens, not at an
    // edit that may never come before the next reload.
    assert_eq!(
        store.with_db(|db| unseal(&db.records["branch"]).unwrap().by),
        "new"
    );
    assert_eq!(told(page.heard()), [Event::Saved]);
}

#[test]
fn old_keys_changed_after_the_move_are_kept_aside_not_removed() {
    let mut old = KvDb::new(first_version_keys());
    let mv = migration::plan(&old.snapshot().unwrap(), old.stored_keys().unwrap());
    old.kv
        .entries
        .insert("zhibu.head".into(), "{\"changed\":true}".into());
    let changed = old.remove_unchanged(&mv.sources).unwrap();
    assert_eq!(changed.len(), 1);
    assert_eq!(
        migration::leftovers(&changed)[0].1.raw,
        "{\"changed\":true}"
    );
    assert!(old.kv.entries.contains_key("zhibu.head"));
}

#[test]
fn local_storage_as_the_store_commits_and_reads_back() {
    let store = Immediate::new(KvDb::new(MemoryKv::new()));
    let page = Phone::open(&store, "tab");
    assert_eq!(page.replace(example()), Ok(()));
    let heard = page.save(vec![RecordKey::Branch], |d| d.branch.name = "本地".into());
    assert_eq!(told(heard), [Event::Saved]);
    assert_eq!(page.doc().branch.name, "本地");
    assert_eq!(reopened(&store), page.doc());
}

#[test]
fn local_storage_running_out_of_space_half_way_puts_everything_back() {
    let store = Immediate::new(KvDb::new(MemoryKv::new()));
    let page = Phone::open(&store, "tab");
    assert_eq!(page.replace(example()), Ok(()));
    let before = store.with_db(|db| db.kv.entries.clone());
    let used: usize = before.iter().map(|(k, v)| 2 * (k.len() + v.len())).sum();
    store.with_db(|db| db.kv.quota = Some(used + 4_000));
    let mut big = example();
    for m in &mut big.meetings {
        m.minutes = "长".repeat(3_000);
    }
    assert!(page.replace(big).is_err());
    assert_eq!(store.with_db(|db| db.kv.entries.clone()), before);
    assert_eq!(page.doc(), example(), "the page shows what is stored");
}

#[test]
fn unavailable_local_storage_fails_to_open() {
    let db = KvDb::new(MemoryKv {
        unavailable: true,
        ..MemoryKv::default()
    });
    assert!(matches!(db.snapshot(), Err(StorageError::Unavailable(_))));
}

#[test]
fn an_interrupted_move_removes_nothing_and_the_next_start_finishes_it() {
    let mut old = KvDb::new(first_version_keys());
    let before = old.kv.entries.clone();
    let mut db = MemoryDb {
        full: true,
        ..MemoryDb::new()
    };
    let mv = migration::plan(&old.snapshot().unwrap(), old.stored_keys().unwrap());
    assert!(db.move_in(&mv).is_err());
    // The app removes old keys only after a move that succeeded.
    assert_eq!(old.kv.entries, before);
    db.full = false;
    let mv = migration::plan(&old.snapshot().unwrap(), old.stored_keys().unwrap());
    db.move_in(&mv).unwrap();
    assert!(old.remove_unchanged(&mv.sources).unwrap().is_empty());
    assert_eq!(Phone::open(&store_with(db), "d").doc().members.len(), 25);
}

/// A new member's welcome screen opens without the store only when
/// localStorage holds nothing of the app but settings and signals.
#[test]
fn local_storage_with_records_journals_or_the_first_versions_keys_counts_as_holding_data() {
    use zhibu::store::kv_db::holds_data;
    let keys = |kv: &MemoryKv| kv.entries.keys().cloned().collect::<Vec<_>>();
    let settings_only = ["zhibu.device", "zhibu.signal", "zhibu.tab.t-1", "other.app"];
    assert!(!holds_data(settings_only));
    assert!(!holds_data([]));

    let store = Immediate::new(KvDb::new(MemoryKv::new()));
    let page = Phone::open(&store, "tab");
    assert_eq!(page.replace(example()), Ok(()));
    let stored = store.with_db(|db| keys(&db.kv));
    assert!(holds_data(stored.iter().map(String::as_str)));

    let old = first_version_keys();
    assert!(holds_data(keys(&old).iter().map(String::as_str)));

    let journal = format!("{}tab-1", zhibu::store::journal::JOURNAL_PREFIX);
    assert!(holds_data(["zhibu.device", journal.as_str()]));
    assert!(holds_data(["zhibu.undo"]));
}

/// One changed byte in the roster sets the whole roster aside; the member
/// brings it back from the recovery page, with an undo.
#[test]
fn a_roster_set_aside_for_one_changed_byte_comes_back_on_the_members_word() {
    let (store, doc) = saved_example();
    let raw = store.with_db(|db| db.records.get("members").unwrap().clone());
    let flipped = raw.replacen("王建国", "王建囯", 1);
    assert_ne!(flipped, raw);
    store.with_db(|db| db.records.insert("members".into(), flipped.clone()));
    let page = Phone::open(&store, "tab");
    assert!(
        page.doc().members.is_empty(),
        "the roster is set aside whole"
    );
    let (name, _) = page
        .opened
        .quarantined
        .iter()
        .find(|(_, q)| q.raw == flipped)
        .unwrap()
        .clone();
    let restored = block_on(page.core.restore_set_aside(&name)).unwrap();
    assert_eq!(restored, "党员名册");
    let back = reopened(&store);
    assert_eq!(
        back.members.len(),
        doc.members.len(),
        "every member is back"
    );
    assert!(
        back.members.iter().any(|m| m.name == "王建囯"),
        "as it was stored"
    );
    assert_eq!(back.meetings, doc.meetings, "nothing else changed");
    assert!(
        page.core.undo_on_offer().is_some(),
        "and an undo is offered"
    );
    // Garbage cannot be brought back, and nothing changes.
    store.with_db(|db| {
        db.records
            .insert("meeting/mt-ex-2".into(), "{\"v\":1,garbage".into())
    });
    let page = Phone::open(&store, "tab2");
    let (name, _) = page
        .opened
        .quarantined
        .iter()
        .find(|(_, q)| q.original_key == "meeting/mt-ex-2")
        .unwrap()
        .clone();
    let why = block_on(page.core.restore_set_aside(&name)).unwrap_err();
    assert!(why.contains("读不出内容"), "{why}");
}

/// A page whose store was wiped: it hears the notice, and a reload then
/// reads the store.
#[derive(Clone, Default)]
struct WipedPage {
    screen: common::Screen,
    store: Rc<RefCell<Option<Store>>>,
    members_stored_when_told: Rc<RefCell<Option<bool>>>,
}

impl zhibu::app::Host for WipedPage {
    fn update_doc(&self, f: &mut dyn FnMut(&mut Document) -> bool) {
        self.screen.update_doc(f);
    }
    fn read_doc(&self, f: &mut dyn FnMut(&Document)) {
        self.screen.read_doc(f);
    }
    fn hear(&self, event: Event) {
        if matches!(event, Event::Cleared) {
            let store = self.store.borrow().clone();
            let stored = store.map(|s| {
                let snapshot = block_on(s.snapshot()).unwrap();
                snapshot.records.iter().any(|r| r.key == RecordKey::Members)
            });
            *self.members_stored_when_told.borrow_mut() = stored;
        }
        self.screen.hear(event);
    }
    fn now(&self) -> u64 {
        self.screen.now()
    }
}

#[test]
fn the_notice_that_wiped_data_was_written_back_comes_once_it_is_back_in_the_store() {
    let phone = Phone::with_example("d1");
    let page = WipedPage::default();
    let (core, _) = block_on(zhibu::app::Core::open(
        page.clone(),
        phone.store.clone(),
        zhibu::store::device::DeviceState {
            id: "d1".into(),
            ..Default::default()
        },
        "tab-wiped",
        &[],
    ))
    .unwrap();
    // The browser deletes the site's data: the page reconnects to an empty store.
    let wiped = Store::empty();
    *page.store.borrow_mut() = Some(wiped.clone());
    block_on(core.reconnected(wiped.clone(), true));
    assert_eq!(
        *page.members_stored_when_told.borrow(),
        Some(true),
        "told 已重新写回 before the roster was back"
    );
    assert_eq!(Phone::open(&wiped, "d1").doc().members, example().members);
}

// Start-up in two reads (`app::first_read`): home is drawn from what it can
// show, everything else follows.

/// The example with as many finished meetings of 2019 as it has records
/// ("old-0"…) times `times`, and a plan of 2019 never recorded, stored
/// (which files them): the phone and what it holds.
fn with_old_meetings(times: usize) -> (Phone, Document) {
    let phone = Phone::with_example("d1");
    let mut doc = phone.doc();
    let mut finished = doc.meetings[0].clone();
    finished.state = zhibu::domain::meeting::MeetingState::Held;
    finished.date = NaiveDate::from_ymd_opt(2019, 6, 1);
    finished.attendance.clear();
    finished.votes.clear();
    let mut plan = finished.clone();
    plan.id = "old-plan".into();
    plan.state = zhibu::domain::meeting::MeetingState::Planned;
    plan.date = None;
    plan.planned_date = NaiveDate::from_ymd_opt(2019, 7, 1);
    let records = zhibu::domain::document::all_keys(&doc).len();
    let old = (0..records * times).map(|i| {
        let mut m = finished.clone();
        m.id = format!("old-{i}");
        m
    });
    doc.meetings.extend(old.chain([plan]));
    phone.replace(doc.clone()).unwrap();
    (phone, doc)
}

fn first_read(store: &Store, tab: &str, alive: &[String]) -> Option<Document> {
    block_on(read_first(store, tab, alive, common::today()))
}

#[test]
fn home_is_drawn_first_from_open_work_and_this_year_then_everything_is_read() {
    let (phone, doc) = with_old_meetings(2);
    let first = first_read(&phone.store, "tab-new", &[]).expect("filed at the import");
    let has = |id: &str| first.meeting(id).is_some();
    assert!(!has("old-0"), "2019's finished meetings wait");
    assert!(has("old-plan"), "a plan never recorded is open work");
    assert!(
        has(&example().meetings[0].id),
        "this year's meetings come first"
    );
    assert_eq!((&first.branch, &first.members), (&doc.branch, &doc.members));
    // Of the example's own, those of 2025 wait too.
    let this_year = common::today().year();
    for m in &doc.meetings {
        let waits = m.filed_year().is_some_and(|year| year < this_year);
        assert_eq!(has(&m.id), !waits, "{} {:?}", m.id, m.effective_date());
    }
    let everything = reopened(&phone.store);
    assert_eq!(everything.meetings.len(), doc.meetings.len());
    assert!(
        everything.meeting("old-0").is_some(),
        "everything is read after"
    );
}

#[test]
fn before_the_index_is_built_everything_is_read_before_home() {
    let (phone, _) = with_old_meetings(2);
    // The same records on a store never filed, as every store was before.
    let unfiled = store_with(phone.store.with_db(|db| db.clone()));
    assert_eq!(first_read(&unfiled, "tab-new", &[]), None);
    // The first start files them for the next.
    let started = Phone::open(&unfiled, "d1");
    block_on(started.core.file_records());
    assert!(first_read(&unfiled, "tab-new", &[]).is_some());
}

#[test]
fn a_store_most_of_which_home_shows_is_read_once_not_twice() {
    let this_year = example()
        .meetings
        .into_iter()
        .filter(|m| m.date.is_some_and(|d| d.year() == common::today().year()))
        .collect::<Vec<_>>();
    assert!(!this_year.is_empty());
    let recent = Document {
        members: vec![member("m1", "王一")],
        meetings: this_year,
        ..Document::default()
    };
    let phone = Phone::new("d1");
    phone.replace(recent).unwrap();
    assert_eq!(first_read(&phone.store, "tab-new", &[]), None);
}

#[test]
fn edits_a_closed_page_left_in_its_journal_are_written_before_home_shows() {
    let (phone, _) = with_old_meetings(2);
    let page = Phone::open_as(&phone.store, "d1", "tab-closed");
    let (id, _) = first_meeting(&page.doc());
    page.edit(vec![RecordKey::meeting(&id)], move |d| {
        if let Some(m) = d.meeting_mut(&id) {
            m.theme = "关闭前的修改".into();
        }
    });
    let store = &phone.store;
    assert_eq!(first_read(store, "tab-new", &[]), None, "the journal waits");
    // A page still open keeps its own journal: home is drawn first.
    assert!(first_read(store, "tab-new", &["tab-closed".to_string()]).is_some());
}
