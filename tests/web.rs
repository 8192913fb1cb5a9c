//! The browser layer in headless Chromium: the real localStorage, its
//! failures, and the app mounted on a page.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use zhibu::backup::export::export_backup;
use zhibu::browser::local_storage::{classify, LocalStorageKv};
use zhibu::domain::sample::example_document;
use zhibu::store::keys::RecordKey;
use zhibu::store::{CommitError, KeyValue, StorageError, Store};

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn example() -> zhibu::domain::Document {
    example_document(chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap())
}

#[wasm_bindgen_test]
fn the_real_local_storage_round_trips_the_document() {
    storage().clear().unwrap();
    let mut kv = LocalStorageKv::open().unwrap();
    kv.probe().unwrap();
    let mut store = Store::open(kv).unwrap().store;
    store.replace_all(&example()).unwrap();
    let reopened = Store::open(LocalStorageKv::open().unwrap()).unwrap();
    assert_eq!(reopened.doc, example());
    assert!(reopened.quarantined.is_empty());
}

#[wasm_bindgen_test]
fn garbage_in_the_stored_keys_is_kept_aside_and_never_overwritten() {
    storage().clear().unwrap();
    let s = storage();
    s.set_item("zhibu.head", "\u{0}\u{ffff}not json").unwrap();
    s.set_item("zhibu.rec.members#0", "{\"schema_version\":1,\"gen\":3")
        .unwrap();
    s.set_item("zhibu.rec.branch#1", "null").unwrap();
    let opened = Store::open(LocalStorageKv::open().unwrap()).unwrap();
    assert!(opened.doc.members.is_empty());
    assert_eq!(opened.quarantined.len(), 3);
    let mut store = opened.store;
    let kept = store.quarantined();
    assert_eq!(kept.len(), 3);
    assert!(kept
        .iter()
        .any(|(_, q)| q.raw == "{\"schema_version\":1,\"gen\":3"));
    // The next edit writes fresh records; the quarantined copies stay.
    let mut doc = opened.doc;
    doc.branch.name = "新的开始".into();
    store.commit(&doc, [RecordKey::Branch]).unwrap();
    assert_eq!(store.quarantined().len(), 3);
}

#[wasm_bindgen_test]
fn a_full_quota_is_classified_and_the_old_data_survives() {
    storage().clear().unwrap();
    let mut store = Store::open(LocalStorageKv::open().unwrap()).unwrap().store;
    store.replace_all(&example()).unwrap();
    // Fill the real quota with filler keys of another app on the origin.
    let chunk = "满".repeat(256 * 1024);
    let s = storage();
    let mut n = 0;
    while s.set_item(&format!("filler.{n}"), &chunk).is_ok() {
        n += 1;
        assert!(n < 200, "the quota never filled");
    }
    let mut doc = example();
    doc.members[0].note = "长".repeat(300 * 1024);
    let result = store.commit(&doc, [RecordKey::Members]);
    assert_eq!(result, Err(CommitError::Storage(StorageError::Full)));
    for i in 0..n {
        s.remove_item(&format!("filler.{i}")).unwrap();
    }
    assert_eq!(
        Store::open(LocalStorageKv::open().unwrap()).unwrap().doc,
        example()
    );
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

async fn next_frames() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window().unwrap();
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn the_app_mounts_and_shows_the_stored_branch() {
    storage().clear().unwrap();
    let mut store = Store::open(LocalStorageKv::open().unwrap()).unwrap().store;
    store.replace_all(&example()).unwrap();
    let backup = export_backup(&example(), "2026-11-27 10:00", 1);
    assert!(backup.contains("示例单位第一党支部"));
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), zhibu::ui::app::App);
    next_frames().await;
    let text = host.text_content().unwrap_or_default();
    assert!(text.contains("示例单位第一党支部"), "{text}");
    assert!(text.contains("支部概况"), "{text}");
    assert!(text.contains("24在册党员"), "{text}");
    drop(handle);
    storage().clear().unwrap();
}
