//! The browser layer in headless Chromium: IndexedDB as the record store
//! (commits, conflicts between two connections, what is kept aside), the
//! move of the first version's localStorage records, the journal, the app
//! mounted on a page, and the form widgets (`web/widgets.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly
#![cfg(target_arch = "wasm32")]

#[path = "common/screen.rs"]
mod screen;
#[path = "web/widgets.rs"]
mod widgets;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use screen::Screen;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use zhibu::browser::local_storage::{classify, LocalStorageKv};
use zhibu::browser::persistence::{self, Place};
use zhibu::browser::record_db::Idb;
use zhibu::domain::document::filed_years;
use zhibu::domain::sample::example_document;
use zhibu::domain::Document;
use zhibu::domain::RecordKey;
use zhibu::format::record::unseal;
use zhibu::store::db::{Expect, Txn, TxnOutcome, Write};
use zhibu::store::journal::{Journal, JournalEntry};
use zhibu::store::loading::load;
use zhibu::store::session::{After, Session};
use zhibu::store::{KeyValue, StorageError};

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn example() -> Document {
    example_document(chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap())
}

/// A page for persistence to drive, on the browser's clock.
fn test_page() -> Screen {
    Screen {
        clock: || js_sys::Date::now() as u64,
        ..Screen::default()
    }
}

fn device() -> zhibu::store::device::DeviceState {
    zhibu::store::device::DeviceState {
        id: "dev".into(),
        ..Default::default()
    }
}

fn has_unsaved() -> bool {
    persistence::core().is_some_and(|core| core.has_unsaved())
}

async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Commits the session's waiting edits to `idb` until stored.
async fn commit_all(session: &mut Session, doc: &mut Document, idb: &Idb) -> After {
    let mut last = After::Saved;
    while let Some(txn) = session.begin(doc, 1) {
        let outcome = idb.commit(&txn).await;
        last = session.finish(doc, outcome).0;
        if !matches!(last, After::Saved | After::Retry | After::Cleared) {
            break;
        }
    }
    last
}

async fn fresh(name: &str) -> Idb {
    Idb::delete_named(name).await.unwrap();
    Idb::open_named(name).await.unwrap()
}

async fn stored_example(idb: &Idb) -> (Session, Document) {
    stored(idb, example()).await
}

/// `doc` stored in `idb` in place of what it held, by device "dev-a".
async fn stored(idb: &Idb, doc: Document) -> (Session, Document) {
    let loaded = load(&idb.snapshot().await.unwrap());
    let mut session = Session::open(&loaded, "dev-a");
    let mut stored = loaded.doc;
    session.replace(&mut stored, doc);
    assert_eq!(
        commit_all(&mut session, &mut stored, idb).await,
        After::Saved
    );
    (session, stored)
}

#[wasm_bindgen_test]
async fn a_store_from_before_the_index_is_read_whole_first_then_filed_and_read_in_two() {
    let idb = fresh("test-filed").await;
    // The example, and twice as many finished meetings of 2019 as it has
    // records ("old-0"…): most of the store can wait.
    let mut with_old = example();
    let mut finished = with_old.meetings[0].clone();
    finished.state = zhibu::domain::meeting::MeetingState::Held;
    finished.date = chrono::NaiveDate::from_ymd_opt(2019, 6, 1);
    finished.attendance.clear();
    finished.votes.clear();
    let old = 2 * zhibu::domain::document::all_keys(&with_old).len();
    with_old.meetings.extend((0..old).map(|i| {
        let mut m = finished.clone();
        m.id = format!("old-{i}");
        m
    }));
    let (_, doc) = stored(&idb, with_old).await;
    // As every store was before the index: home waits for everything.
    assert!(idb.read_first(2025).await.unwrap().is_none());

    idb.file(&filed_years(&doc)).await.unwrap();
    let first = load(&idb.read_first(2025).await.unwrap().unwrap()).doc;
    assert!(first.meeting("old-0").is_none(), "2019's meetings wait");
    assert_eq!(first.meetings.len() + old, doc.meetings.len());
    assert_eq!((&first.branch, &first.members), (&doc.branch, &doc.members));
    // The index sits beside the records, never among them.
    let snapshot = idb.snapshot().await.unwrap();
    assert!(snapshot.unreadable.is_empty());
    let all_keys = zhibu::domain::document::all_keys(&doc).len();
    assert_eq!(snapshot.records.len(), all_keys);

    // Filed again as read first: it is.
    let mut years = filed_years(&doc);
    years.remove("meeting/old-0");
    idb.file(&years).await.unwrap();
    let first = load(&idb.read_first(2025).await.unwrap().unwrap()).doc;
    assert!(first.meeting("old-0").is_some());
    idb.close();
}

#[wasm_bindgen_test]
async fn a_store_read_in_stretches_gives_each_value_under_its_own_name() {
    let idb = fresh("test-stretches").await;
    let mut many = example();
    let template = many.meetings[0].clone();
    many.meetings.extend((0..250).map(|i| {
        let mut m = template.clone();
        m.id = format!("many-{i:03}");
        m
    }));
    stored(&idb, many.clone()).await;

    let snapshot = idb.snapshot().await.unwrap();
    assert_eq!(
        snapshot.records.len(),
        zhibu::domain::document::all_keys(&many).len()
    );
    for found in &snapshot.records {
        if let RecordKey::Meeting(id) = &found.key {
            let data = unseal(&found.raw).unwrap().data;
            assert!(data.contains(&format!("\"id\":\"{id}\"")), "{id}");
        }
    }
    let loaded = load(&snapshot);
    assert!(loaded.set_aside.is_empty());
    assert_eq!(loaded.doc.meetings.len(), many.meetings.len());
    assert_eq!(loaded.doc.meeting("many-249"), many.meeting("many-249"));
    idb.close();
}

#[wasm_bindgen_test]
async fn indexeddb_holds_the_document_record_by_record() {
    let idb = fresh("test-round-trip").await;
    let (_, doc) = stored_example(&idb).await;
    let snapshot = idb.snapshot().await.unwrap();
    assert_eq!(load(&snapshot).doc, doc);
    let branch = snapshot
        .records
        .iter()
        .find(|r| r.key == RecordKey::Branch)
        .unwrap();
    let sealed = unseal(&branch.raw).unwrap();
    assert_eq!((sealed.rev, sealed.by.as_str()), (1, "dev-a"));
    idb.close();
}

#[wasm_bindgen_test]
async fn a_commit_over_a_record_another_connection_wrote_is_a_conflict() {
    let name = "test-conflict";
    let a = fresh(name).await;
    stored_example(&a).await;
    let b = Idb::open_named(name).await.unwrap();
    let write = |rev| Txn {
        writes: vec![Write {
            key: RecordKey::Branch,
            expect: Expect::Rev(rev),
            data: Some(r#"{"name":"改"}"#.into()),
            clock: Default::default(),
        }],
        replace_all: false,
        atomic: false,
        expect_store: true,
        by: "x".into(),
        at: 0,
    };
    // Both connections start a commit of the same record at the same time.
    let (ta, tb) = (write(1), write(1));
    let (ca, cb) = (a.clone(), b.clone());
    let (first, second) = futures_join(async move { ca.commit(&ta).await }, async move {
        cb.commit(&tb).await
    })
    .await;
    let outcomes = [first, second];
    assert_eq!(
        outcomes
            .iter()
            .filter(|o| matches!(o, TxnOutcome::Committed(_)))
            .count(),
        1,
        "{outcomes:?}"
    );
    assert_eq!(
        outcomes
            .iter()
            .filter(|o| matches!(o, TxnOutcome::Conflict(_)))
            .count(),
        1
    );
    a.close();
    b.close();
}

/// Runs two futures at once on the page's one thread.
async fn futures_join<A, B>(
    a: impl std::future::Future<Output = A> + 'static,
    b: impl std::future::Future<Output = B> + 'static,
) -> (A, B)
where
    A: 'static,
    B: 'static,
{
    let left = Rc::new(RefCell::new(None));
    let right = Rc::new(RefCell::new(None));
    let (l, r) = (left.clone(), right.clone());
    wasm_bindgen_futures::spawn_local(async move { *l.borrow_mut() = Some(a.await) });
    wasm_bindgen_futures::spawn_local(async move { *r.borrow_mut() = Some(b.await) });
    loop {
        pause(5).await;
        if left.borrow().is_some() && right.borrow().is_some() {
            break;
        }
    }
    let a = left.borrow_mut().take().unwrap();
    let b = right.borrow_mut().take().unwrap();
    (a, b)
}

#[wasm_bindgen_test]
async fn two_pages_tapping_at_once_both_keep_their_taps() {
    let name = "test-two-pages";
    let a = fresh(name).await;
    let (mut sa, mut da) = stored_example(&a).await;
    let b = Idb::open_named(name).await.unwrap();
    let loaded = load(&b.snapshot().await.unwrap());
    let mut sb = Session::open(&loaded, "dev-b");
    let mut db = loaded.doc;
    let meeting = "mt-ex-3";
    for round in 0..20 {
        let (ma, mb) = (
            da.members[round % 20].id.clone(),
            db.members[(round + 1) % 20].id.clone(),
        );
        sa.edit(
            &mut da,
            vec![RecordKey::meeting(meeting)],
            Rc::new(move |d| {
                zhibu::domain::rules::recording::set_presence(
                    d.meeting_mut(meeting).unwrap(),
                    &ma,
                    Some(zhibu::domain::meeting::Presence::Leave),
                )
            }),
        );
        sb.edit(
            &mut db,
            vec![RecordKey::meeting(meeting)],
            Rc::new(move |d| {
                zhibu::domain::rules::recording::set_presence(
                    d.meeting_mut(meeting).unwrap(),
                    &mb,
                    Some(zhibu::domain::meeting::Presence::Absent),
                )
            }),
        );
        let ta = sa.begin(&da, 1).unwrap();
        let tb = sb.begin(&db, 1).unwrap();
        let (oa, ob) = futures_join(
            {
                let a = a.clone();
                async move { a.commit(&ta).await }
            },
            {
                let b = b.clone();
                async move { b.commit(&tb).await }
            },
        )
        .await;
        sa.finish(&mut da, oa);
        sb.finish(&mut db, ob);
        assert_eq!(commit_all(&mut sa, &mut da, &a).await, After::Saved);
        assert_eq!(commit_all(&mut sb, &mut db, &b).await, After::Saved);
    }
    let stored = load(&a.snapshot().await.unwrap()).doc;
    let m = stored.meeting(meeting).unwrap();
    assert_eq!(m.attendance.len(), 20, "every tap of both pages is there");
    a.close();
    b.close();
}

#[wasm_bindgen_test]
async fn values_kept_aside_stay_until_discarded() {
    let idb = fresh("test-aside").await;
    stored_example(&idb).await;
    let entry = zhibu::store::Quarantined::new("meeting/mt-ex-1", "会议记录", "测试", "坏".into());
    idb.set_aside(&[("meeting/mt-ex-1".into(), entry.clone())])
        .await
        .unwrap();
    let snapshot = idb.snapshot().await.unwrap();
    assert!(snapshot
        .records
        .iter()
        .all(|r| r.key != RecordKey::meeting("mt-ex-1")));
    assert_eq!(snapshot.quarantined, [(entry.name(), entry.clone())]);
    idb.discard_quarantined(&entry.name()).await.unwrap();
    assert!(idb.snapshot().await.unwrap().quarantined.is_empty());
    idb.close();
}

/// The first version's localStorage keys (tests/fixtures).
fn put_first_version_keys() {
    let map: BTreeMap<String, String> =
        serde_json::from_str(include_str!("fixtures/local-storage-v1.json")).unwrap();
    let s = storage();
    s.clear().unwrap();
    for (k, v) in map {
        s.set_item(&k, &v).unwrap();
    }
}

fn expected_first_version_doc() -> Document {
    match zhibu::backup::import::read_backup(include_str!(
        "fixtures/local-storage-v1.expected-backup.json"
    )) {
        zhibu::backup::import::Outcome::Ready(staged) => staged.doc,
        _ => panic!("fixture"),
    }
}

#[wasm_bindgen_test]
async fn the_first_versions_local_storage_records_move_into_indexeddb() {
    persistence::shut_down();
    Idb::delete_named("zhibu").await.unwrap();
    put_first_version_keys();
    zhibu::browser::local_storage::probe().unwrap();
    let page = test_page();
    let started = persistence::start(page.clone(), device(), None).await;
    assert_eq!(started.place, Place::IndexedDb);
    assert_eq!(*page.doc.borrow(), expected_first_version_doc());
    let left: Vec<String> = (0..storage().length().unwrap())
        .filter_map(|i| storage().key(i).unwrap())
        .collect();
    assert_eq!(
        left,
        ["zhibu.device"],
        "the old keys are gone, the device state stays"
    );
    assert_eq!(started.opened.quarantined.len(), 2);
    // A second start reads the moved records, and nothing is moved twice.
    let second = test_page();
    let again = persistence::start(second.clone(), device(), None).await;
    assert_eq!(*second.doc.borrow(), expected_first_version_doc());
    assert_eq!(again.opened.quarantined.len(), 2);
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn an_edit_journalled_but_never_committed_is_written_at_the_next_start() {
    persistence::shut_down();
    Idb::delete_named("zhibu").await.unwrap();
    storage().clear().unwrap();
    zhibu::browser::local_storage::probe().unwrap();
    let idb = Idb::open().await.unwrap();
    let (_, doc) = stored_example(&idb).await;
    idb.close();
    // A page closed right after a tap: the journal has it, the store not.
    let mut edited = doc.branch.clone();
    edited.name = "关闭前刚改的名字".into();
    let journal = Journal {
        tab: "closed-page".into(),
        at: 1,
        entries: vec![JournalEntry {
            key: "branch".into(),
            base_rev: 1,
            data: Some(serde_json::to_string(&edited).unwrap()),
        }],
    };
    storage()
        .set_item(
            "zhibu.journal.closed-page",
            &serde_json::to_string(&journal).unwrap(),
        )
        .unwrap();
    let page = test_page();
    let started = persistence::start(page.clone(), device(), None).await;
    assert_eq!(started.opened.replayed, 1);
    assert_eq!(page.doc.borrow().branch.name, "关闭前刚改的名字");
    assert!(storage()
        .get_item("zhibu.journal.closed-page")
        .unwrap()
        .is_none());
    storage().clear().unwrap();
}

fn journalled() -> bool {
    (0..storage().length().unwrap())
        .filter_map(|i| storage().key(i).unwrap())
        .any(|k| k.starts_with("zhibu.journal."))
}

async fn fresh_store(page: &Screen) {
    persistence::shut_down();
    Idb::delete_named("zhibu").await.unwrap();
    storage().clear().unwrap();
    zhibu::browser::local_storage::probe().unwrap();
    persistence::start(page.clone(), device(), None).await;
}

async fn stored_branch_name() -> String {
    for _ in 0..50 {
        if !has_unsaved() {
            break;
        }
        pause(10).await;
    }
    assert!(!has_unsaved());
    let idb = Idb::open().await.unwrap();
    let stored = load(&idb.snapshot().await.unwrap()).doc;
    idb.close();
    stored.branch.name
}

#[wasm_bindgen_test]
async fn an_edit_is_journalled_after_the_frame_that_shows_it_before_its_commit_and_stored_after() {
    let page = test_page();
    fresh_store(&page).await;
    persistence::edit(
        vec![RecordKey::Branch],
        Rc::new(|d| d.branch.name = "刚输入".into()),
    );
    // The frame that shows the edit comes first; then the journal, then
    // the commit, which clears it.
    zhibu::browser::page_events::after_next_paint().await;
    assert!(has_unsaved(), "and not yet committed");
    assert!(
        journalled(),
        "the tap is in localStorage before the commit ends"
    );
    assert_eq!(stored_branch_name().await, "刚输入");
    assert!(!journalled(), "the commit clears the journal");
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn an_edit_made_while_the_page_hides_is_journalled_at_once() {
    let page = test_page();
    fresh_store(&page).await;
    let window = web_sys::window().unwrap();
    // A phone switching apps: no frame may come before the page is killed.
    window
        .dispatch_event(&web_sys::Event::new("pagehide").unwrap())
        .unwrap();
    persistence::edit(
        vec![RecordKey::Branch],
        Rc::new(|d| d.branch.name = "切走前输入".into()),
    );
    assert!(journalled(), "journalled before anything else runs");
    window
        .dispatch_event(&web_sys::Event::new("pageshow").unwrap())
        .unwrap();
    assert_eq!(stored_branch_name().await, "切走前输入");
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn every_spelling_of_quota_full_is_recognised_and_odd_throws_do_not_panic() {
    for name in ["QuotaExceededError", "NS_ERROR_DOM_QUOTA_REACHED"] {
        let e = web_sys::DomException::new_with_message_and_name("x", name).unwrap();
        assert_eq!(classify(&e.into()), StorageError::Full);
    }
    let security = web_sys::DomException::new_with_message_and_name("x", "SecurityError").unwrap();
    assert!(matches!(
        classify(&security.into()),
        StorageError::Unavailable(_)
    ));
    assert!(matches!(
        classify(&JsValue::from_f64(22.0)),
        StorageError::Unavailable(_)
    ));
    assert!(matches!(
        classify(&JsValue::NULL),
        StorageError::Unavailable(_)
    ));
    assert_eq!(
        classify(&JsValue::from_str("QuotaExceeded")),
        StorageError::Full
    );
}

#[wasm_bindgen_test]
fn the_real_local_storage_reads_and_writes_through_the_key_value_seam() {
    storage().clear().unwrap();
    let mut kv = LocalStorageKv::open().unwrap();
    kv.probe().unwrap();
    kv.set("zhibu.x", "一").unwrap();
    assert_eq!(kv.get("zhibu.x").unwrap().as_deref(), Some("一"));
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn the_app_mounts_and_shows_the_stored_branch() {
    persistence::shut_down();
    Idb::delete_named("zhibu").await.unwrap();
    storage().clear().unwrap();
    let idb = Idb::open().await.unwrap();
    stored_example(&idb).await;
    idb.close();
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement =
        wasm_bindgen::JsCast::dyn_into(document.create_element("div").unwrap()).unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), zhibu::ui::app::App);
    let mut text = String::new();
    for _ in 0..100 {
        pause(20).await;
        text = host.text_content().unwrap_or_default();
        if text.contains("支部概况") {
            break;
        }
    }
    assert!(text.contains("示例单位第一党支部"), "{text}");
    assert!(text.contains("24在册党员"), "{text}");
    drop(handle);
    persistence::shut_down();
    storage().clear().unwrap();
}

/// A page still starting (its store open, its handlers not yet set) must
/// not block a deletion of the site's data: a blocked deletion holds every
/// later open, and every reload hangs at "正在读取本机数据…". The
/// connection closes at once and says so when the page asks.
#[wasm_bindgen_test]
async fn a_deletion_while_a_page_is_starting_is_never_blocked_and_the_page_hears_of_it() {
    let idb = fresh("zhibu-starting").await;
    let deleted = Rc::new(RefCell::new(None));
    let done = deleted.clone();
    wasm_bindgen_futures::spawn_local(async move {
        *done.borrow_mut() = Some(Idb::delete_named("zhibu-starting").await);
    });
    for _ in 0..60 {
        if deleted.borrow().is_some() {
            break;
        }
        pause(50).await;
    }
    assert_eq!(
        deleted.borrow_mut().take(),
        Some(Ok(())),
        "the deletion went through within 3 s"
    );
    // The page sets its handler after the fact and still hears of it.
    let heard = Rc::new(RefCell::new(false));
    let told = heard.clone();
    idb.on_lost(move || *told.borrow_mut() = true);
    assert!(*heard.borrow(), "the page knows its connection was lost");
}

#[wasm_bindgen_test]
async fn the_committee_database_gives_its_keys_alone_and_the_values_asked_for() {
    use zhibu::browser::committee_db::CommitteeDb;
    let name = format!("committee-test-{}", js_sys::Date::now());
    let db = CommitteeDb::open_named(&name).await.unwrap();
    for (key, value) in [
        ("reports/2025/a", "A"),
        ("reports/2026/b", "B"),
        ("reports/2026/c", "C"),
        ("expected", "E"),
    ] {
        db.put(key, value).await.unwrap();
    }
    let mut keys = db.keys().await.unwrap();
    keys.sort();
    assert_eq!(
        keys,
        [
            "expected",
            "reports/2025/a",
            "reports/2026/b",
            "reports/2026/c"
        ]
    );
    let asked: Vec<String> = ["reports/2026/b", "reports/2024/gone", "expected"]
        .map(String::from)
        .to_vec();
    assert_eq!(
        db.values_of(&asked).await.unwrap(),
        vec![
            ("reports/2026/b".to_string(), "B".to_string()),
            ("expected".to_string(), "E".to_string()),
        ],
        "in the order asked, a key no longer stored left out"
    );
    assert!(db.values_of(&[]).await.unwrap().is_empty());
    let pair = |k: &str, v: &str| (k.to_string(), v.to_string());
    assert_eq!(
        db.values_starting_with("reports/2026/").await.unwrap(),
        vec![pair("reports/2026/b", "B"), pair("reports/2026/c", "C")],
        "a year's reports, and nothing of another year"
    );
    assert!(db
        .values_starting_with("reports/2027/")
        .await
        .unwrap()
        .is_empty());
    let (mut every, read) = db
        .keys_and_values("reports/2026/", &["expected", "gone"])
        .await
        .unwrap();
    every.sort();
    assert_eq!(every, keys, "every key, for the years read later");
    assert_eq!(
        read,
        vec![
            pair("reports/2026/b", "B"),
            pair("reports/2026/c", "C"),
            pair("expected", "E")
        ],
        "the year's values, then those asked for that are stored"
    );
}

/// The 党委 database as version 1 of the app left it: reports under
/// `report/{branch}/{year}`, the list of branches under `expected`.
async fn committee_database_of_version_one(name: &str) {
    let make = js_sys::Function::new_with_args(
        "name",
        r#"return new Promise((ok, fail) => {
            const open = indexedDB.open(name, 1);
            open.onupgradeneeded = () => open.result.createObjectStore("entries");
            open.onerror = () => fail(open.error);
            open.onsuccess = () => {
                const db = open.result;
                const tx = db.transaction("entries", "readwrite");
                const entries = tx.objectStore("entries");
                entries.put("A 2025", "report/zb-a/2025");
                entries.put("A 2026", "report/zb-a/2026");
                entries.put("B 2026", "report/zb-b/2026");
                entries.put("E", "expected");
                tx.oncomplete = () => { db.close(); ok(); };
                tx.onabort = () => fail(tx.error);
            };
        })"#,
    );
    let promise: js_sys::Promise = make.call1(&JsValue::NULL, &name.into()).unwrap().into();
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_committee_database_of_version_one_keeps_every_report_under_its_year() {
    use zhibu::browser::committee_db::CommitteeDb;
    let name = format!("committee-v1-{}", js_sys::Date::now());
    committee_database_of_version_one(&name).await;
    let db = CommitteeDb::open_named(&name).await.unwrap();
    let mut entries = db.entries().await.unwrap();
    entries.sort();
    let pair = |k: &str, v: &str| (k.to_string(), v.to_string());
    assert_eq!(
        entries,
        vec![
            pair("expected", "E"),
            pair("reports/2025/zb-a", "A 2025"),
            pair("reports/2026/zb-a", "A 2026"),
            pair("reports/2026/zb-b", "B 2026"),
        ],
        "every report moved to its year, with its text; the list stays"
    );
    assert_eq!(
        db.values_starting_with("reports/2026/")
            .await
            .unwrap()
            .len(),
        2
    );
}

/// The pages wait for the whole read everywhere but home: home is the
/// app's folder with or without its slash, at a domain's root or under a
/// project's path.
#[wasm_bindgen_test]
fn home_is_the_apps_folder_with_or_without_its_slash() {
    use zhibu::browser::base::route_of;
    assert_eq!(route_of("/", ""), "/");
    assert_eq!(route_of("/zhibu", "/zhibu"), "/");
    assert_eq!(route_of("/zhibu/", "/zhibu"), "/");
    assert_eq!(route_of("/zhibu/meetings/mt-1", "/zhibu"), "/meetings/mt-1");
    assert_eq!(route_of("/meetings", ""), "/meetings");
}
