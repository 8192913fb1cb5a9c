//! The store against an in-memory storage that fails like browsers do.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use zhibu::domain::sample::example_document;
use zhibu::domain::{Document, Member, MemberStatus, Role, Standing};
use zhibu::store::keys::RecordKey;
use zhibu::store::{CommitError, KeyValue, MemoryKv, StorageError, Store};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

fn member(id: &str, name: &str) -> Member {
    Member {
        id: id.into(),
        name: name.into(),
        group_id: None,
        standing: Standing::Full,
        role: Role::Member,
        status: MemberStatus::Active,
        note: String::new(),
        joined_on: None,
    }
}

fn saved_example() -> (MemoryKv, Document) {
    let doc = example_document(today());
    let mut store = Store::open(MemoryKv::new()).unwrap().store;
    store.replace_all(&doc).unwrap();
    (store.kv().clone(), doc)
}

#[test]
fn what_is_committed_is_there_after_reopening() {
    let (kv, doc) = saved_example();
    let opened = Store::open(kv).unwrap();
    assert_eq!(opened.doc, doc);
    assert!(opened.quarantined.is_empty());
}

#[test]
fn one_edit_rewrites_one_record_not_the_history() {
    let (kv, mut doc) = saved_example();
    let mut store = Store::open(kv).unwrap().store;
    let before = store.kv().entries.clone();
    doc.members.push(member("new", "新党员"));
    store.commit(&doc, [RecordKey::Members]).unwrap();
    let changed: Vec<&String> = store
        .kv()
        .entries
        .iter()
        .filter(|(k, v)| before.get(*k) != Some(*v))
        .map(|(k, _)| k)
        .collect();
    assert_eq!(
        changed.len(),
        2,
        "the members slot and the head: {changed:?}"
    );
    assert!(changed.iter().any(|k| k.starts_with("zhibu.rec.members#")));
}

#[test]
fn garbage_in_a_slot_falls_back_to_the_previous_generation_and_is_kept_aside() {
    let (kv, mut doc) = saved_example();
    let mut store = Store::open(kv).unwrap().store;
    doc.members[0].name = "改过的名字".into();
    store.commit(&doc, [RecordKey::Members]).unwrap();
    let mut kv = store.kv().clone();
    // The first save wrote slot #0, this edit slot #1.
    assert!(kv.entries["zhibu.rec.members#1"].contains("改过的名字"));
    kv.entries.insert(
        "zhibu.rec.members#1".into(),
        "{\"schema_version\":1,garbage".into(),
    );
    let opened = Store::open(kv).unwrap();
    assert_eq!(
        opened.doc.members[0].name,
        example_document(today()).members[0].name
    );
    assert_eq!(opened.quarantined.len(), 1);
    assert_eq!(opened.quarantined[0].raw, "{\"schema_version\":1,garbage");
    assert_eq!(
        opened.store.quarantined().len(),
        1,
        "the raw value is stored aside"
    );
}

#[test]
fn a_torn_write_is_detected_and_the_old_data_survives() {
    let (kv, mut doc) = saved_example();
    let mut opened = Store::open(kv).unwrap();
    opened.store.kv_mut().tear_writes_of = Some("zhibu.rec.members".into());
    doc.members.push(member("x", "半截写入"));
    let err = opened.store.commit(&doc, [RecordKey::Members]).unwrap_err();
    assert!(matches!(err, CommitError::Storage(_)));
    let mut kv = opened.store.kv().clone();
    kv.tear_writes_of = None;
    let reopened = Store::open(kv).unwrap();
    assert_eq!(reopened.doc.members, example_document(today()).members);
    assert_eq!(
        reopened.quarantined.len(),
        1,
        "the torn copy is kept aside, not trusted"
    );
}

#[test]
fn all_garbage_never_becomes_an_empty_document_silently() {
    let mut kv = MemoryKv::new();
    kv.entries.insert("zhibu.head".into(), "null".into());
    kv.entries
        .insert("zhibu.rec.members#0".into(), "not json".into());
    let opened = Store::open(kv).unwrap();
    assert!(opened.doc.members.is_empty());
    assert_eq!(opened.quarantined.len(), 2);
    let raws: Vec<_> = opened
        .store
        .quarantined()
        .into_iter()
        .map(|(_, q)| q.raw)
        .collect();
    assert!(raws.contains(&"not json".to_string()));
}

#[test]
fn a_full_quota_is_reported_and_retried_with_the_next_edit() {
    let (kv, mut doc) = saved_example();
    let mut store = Store::open(kv).unwrap().store;
    let used = store.used_bytes();
    store.kv_mut().quota = Some(used + 64);
    doc.members.push(member("big", &"长".repeat(100)));
    assert_eq!(
        store.commit(&doc, [RecordKey::Members]),
        Err(CommitError::Storage(StorageError::Full))
    );
    assert!(store.has_unsaved());
    store.kv_mut().quota = None;
    doc.branch.name = "新名字".into();
    store.commit(&doc, [RecordKey::Branch]).unwrap();
    assert!(!store.has_unsaved());
    let reopened = Store::open(store.kv().clone()).unwrap();
    assert_eq!(
        reopened.doc, doc,
        "the members that failed to save were saved with the next edit"
    );
}

#[test]
fn a_second_tab_cannot_overwrite_what_the_first_saved() {
    let (kv, mut doc) = saved_example();
    let mut first = Store::open(kv.clone()).unwrap().store;
    let mut second = Store::open(kv).unwrap().store;
    doc.branch.name = "第一个标签页".into();
    first.commit(&doc, [RecordKey::Branch]).unwrap();
    // The second tab shares the storage: give it the first tab's state.
    *second.kv_mut() = first.kv().clone();
    doc.branch.name = "第二个标签页".into();
    assert_eq!(
        second.commit(&doc, [RecordKey::Branch]),
        Err(CommitError::Conflict)
    );
    let (reloaded, _) = second.reload().unwrap();
    assert_eq!(reloaded.branch.name, "第一个标签页");
    let mut doc2 = reloaded;
    doc2.branch.name = "第二个标签页".into();
    second.commit(&doc2, [RecordKey::Branch]).unwrap();
}

#[test]
fn cleared_storage_is_written_back_whole_from_the_open_tab() {
    let (kv, mut doc) = saved_example();
    let mut store = Store::open(kv).unwrap().store;
    store.kv_mut().entries.clear();
    doc.branch.name = "清除后".into();
    store.commit(&doc, [RecordKey::Branch]).unwrap();
    assert_eq!(Store::open(store.kv().clone()).unwrap().doc, doc);
}

#[test]
fn a_deleted_meeting_leaves_no_record_behind() {
    let (kv, mut doc) = saved_example();
    let mut store = Store::open(kv).unwrap().store;
    let id = doc.meetings.remove(0).id;
    store
        .commit(&doc, [RecordKey::Meeting(id.clone())])
        .unwrap();
    assert!(!store.kv().keys().unwrap().iter().any(|k| k.contains(&id)));
    assert_eq!(Store::open(store.kv().clone()).unwrap().doc, doc);
}

#[test]
fn data_from_a_newer_version_is_never_written_over() {
    let (mut kv, doc) = saved_example();
    kv.entries.insert(
        "zhibu.head".into(),
        r#"{"format":"zhibu.store","schema_version":99,"rev":5}"#.into(),
    );
    let before = kv.entries.clone();
    let mut opened = Store::open(kv).unwrap();
    assert!(opened.store.read_only().unwrap().contains("更新版本"));
    assert!(matches!(
        opened.store.commit(&doc, [RecordKey::Branch]),
        Err(CommitError::ReadOnly(_))
    ));
    assert_eq!(opened.store.kv().entries, before);
}

#[test]
fn a_broken_meeting_is_set_aside_and_the_rest_loads() {
    let (mut kv, doc) = saved_example();
    let id = &doc.meetings[0].id;
    let key = format!("zhibu.rec.meeting.{id}#0");
    // A record whose checksum holds but whose content is not a meeting.
    let bad = zhibu::store::record::seal(
        serde_json::json!({"id": id, "kind": {"type": "no_such_kind"}}),
        9,
    );
    kv.entries.insert(key, bad);
    let opened = Store::open(kv).unwrap();
    assert_eq!(opened.doc.meetings.len(), doc.meetings.len() - 1);
    assert_eq!(opened.doc.members, doc.members);
    assert_eq!(opened.quarantined.len(), 1);
    assert!(opened.quarantined[0].reason.contains("meetings[0].kind"));
}

#[test]
fn unavailable_storage_fails_the_probe() {
    let mut kv = MemoryKv::new();
    kv.unavailable = true;
    assert!(kv.probe().is_err());
    assert!(MemoryKv::new().probe().is_ok());
}

// Regression tests for losses found in review.

#[test]
fn a_meeting_whose_group_was_deleted_survives_a_reload() {
    let (kv, mut doc) = saved_example();
    let mut store = Store::open(kv).unwrap().store;
    doc.meetings[0].group_id = Some("g3".into());
    store
        .commit(&doc, [RecordKey::Meeting(doc.meetings[0].id.clone())])
        .unwrap();
    doc.branch.groups.retain(|g| g.id != "g3");
    for m in doc
        .members
        .iter_mut()
        .filter(|m| m.group_id.as_deref() == Some("g3"))
    {
        m.group_id = None;
    }
    store
        .commit(&doc, [RecordKey::Branch, RecordKey::Members])
        .unwrap();
    let reopened = Store::open(store.kv().clone()).unwrap();
    assert_eq!(reopened.doc.meetings.len(), doc.meetings.len());
    assert!(reopened.quarantined.is_empty());
}

#[test]
fn when_the_bad_value_cannot_be_kept_aside_it_stays_where_it_is() {
    let (mut kv, _) = saved_example();
    kv.entries.insert(
        "zhibu.rec.members#1".into(),
        "garbage that must not vanish".into(),
    );
    kv.quota = Some(kv.used_bytes("") + 2);
    let opened = Store::open(kv).unwrap();
    assert!(opened.store.read_only().is_some());
    assert_eq!(
        opened
            .store
            .kv()
            .entries
            .get("zhibu.rec.members#1")
            .map(String::as_str),
        Some("garbage that must not vanish")
    );
    assert_eq!(opened.quarantined.len(), 1, "still shown for download");
}

#[test]
fn a_broken_head_does_not_let_older_copies_win() {
    let (kv, mut doc) = saved_example();
    let mut store = Store::open(kv).unwrap().store;
    doc.branch.name = "第二版".into();
    store.commit(&doc, [RecordKey::Branch]).unwrap();
    store
        .kv_mut()
        .entries
        .insert("zhibu.head".into(), "{broken".into());
    doc.branch.name = "第三版".into();
    store.commit(&doc, [RecordKey::Branch]).unwrap();
    let reopened = Store::open(store.kv().clone()).unwrap();
    assert_eq!(reopened.doc.branch.name, "第三版");
}

#[test]
fn a_failed_head_write_is_not_taken_for_another_tab() {
    let (kv, mut doc) = saved_example();
    let mut store = Store::open(kv).unwrap().store;
    store.kv_mut().refuse_key = Some("zhibu.head".into());
    doc.branch.name = "头写入失败".into();
    assert!(store.commit(&doc, [RecordKey::Branch]).is_err());
    store.kv_mut().refuse_key = None;
    doc.branch.name = "之后再改".into();
    store.commit(&doc, [RecordKey::Branch]).unwrap();
    assert_eq!(
        Store::open(store.kv().clone()).unwrap().doc.branch.name,
        "之后再改"
    );
}

#[test]
fn an_import_that_runs_out_of_space_leaves_the_old_meetings() {
    let (kv, old) = saved_example();
    let mut store = Store::open(kv).unwrap().store;
    let mut new = example_document(today());
    for m in new.meetings.iter_mut() {
        m.id = format!("new-{}", m.id);
        m.minutes = "长".repeat(20_000);
    }
    store.kv_mut().quota = Some(store.used_bytes() + 50_000);
    assert!(store.replace_all(&new).is_err());
    store.kv_mut().quota = None;
    let reopened = Store::open(store.kv().clone()).unwrap();
    for m in &old.meetings {
        assert!(
            reopened.doc.meeting(&m.id).is_some(),
            "old meeting {} survived",
            m.id
        );
    }
}

#[test]
fn a_roster_record_that_is_not_a_list_does_not_cost_the_branch() {
    let (mut kv, doc) = saved_example();
    let bad = zhibu::store::record::seal(serde_json::json!({"not": "a list"}), 9);
    kv.entries.insert("zhibu.rec.members#1".into(), bad);
    let opened = Store::open(kv).unwrap();
    assert_eq!(opened.doc.branch, doc.branch);
    assert_eq!(opened.doc.meetings.len(), doc.meetings.len());
    assert_eq!(opened.quarantined.len(), 1);
    assert_eq!(opened.quarantined[0].label, "党员名册");
}
