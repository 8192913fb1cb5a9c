//! The self-assessment end to end: through the backup, through the store,
//! from a member's device to the secretary's, and data from before the
//! assessment existed.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::Value;
use zhibu::app::Event;
use zhibu::backup::exchange::{apply_import, export_assessment, read_assessment};
use zhibu::backup::export::export_backup;
use zhibu::backup::import::{read_backup, Outcome, Staged};
use zhibu::domain::assessment::form::finish;
use zhibu::domain::assessment::{
    decide, form_for, grade_check, new_form, review_rows, AssessmentKind, AssessmentSettings,
    Decision, Grade,
};
use zhibu::domain::sample::example_document;
use zhibu::domain::RecordKey;
use zhibu::domain::{Document, SCHEMA_VERSION};
use zhibu::format::checksum::checksum;
use zhibu::format::record::TOMBSTONE;
use zhibu::format::record::{seal, unseal};

mod common;
use common::{Phone, Store};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

fn example() -> Document {
    example_document(today())
}

fn ready(text: &str) -> Staged {
    match read_backup(text) {
        Outcome::Ready(s) => *s,
        Outcome::Refused(p) => panic!("refused: {p:?}"),
    }
}

#[test]
fn forms_and_reviews_round_trip_through_the_backup() {
    let doc = example();
    assert_eq!(doc.assessments.len(), 3);
    assert_eq!(doc.reviews.len(), 1);
    let staged = ready(&export_backup(&doc, "2026-11-27 10:00", 2));
    assert!(staged.problems.is_empty(), "{:?}", staged.problems);
    assert_eq!(staged.doc, doc);
}

#[test]
fn the_frozen_fixtures_hold_forms_and_a_review() {
    for text in [
        include_str!("fixtures/backup-v1.json"),
        include_str!("fixtures/backup-v2.json"),
    ] {
        let staged = ready(text);
        assert!(staged.problems.is_empty(), "{:?}", staged.problems);
        assert_eq!(staged.doc.assessments.len(), 3);
        assert_eq!(staged.doc.reviews[0].year, 2025);
    }
}

/// The frozen file as a version-1 backup written before the assessment
/// existed would look: no forms, no reviews, no assessment settings.
fn without_assessment_fields() -> String {
    let mut v: Value = serde_json::from_str(include_str!("fixtures/backup-v1.json")).unwrap();
    let data = v["data"].as_object_mut().unwrap();
    data.remove("assessments");
    data.remove("reviews");
    data["branch"].as_object_mut().unwrap().remove("assessment");
    v["checksum"] = Value::String(checksum(&v["data"]));
    v.to_string()
}

#[test]
fn a_version_1_file_from_before_the_assessment_still_loads() {
    let text = without_assessment_fields();
    assert!(!text.contains("assessment"));
    let staged = ready(&text);
    assert!(staged.problems.is_empty(), "{:?}", staged.problems);
    assert!(staged.doc.assessments.is_empty());
    assert!(staged.doc.reviews.is_empty());
    assert_eq!(staged.doc.branch.assessment, AssessmentSettings::default());
    assert_eq!(staged.doc.branch.assessment.negative_situations.len(), 10);
    let with_assessment = ready(include_str!("fixtures/backup-v1.json")).doc;
    assert_eq!(staged.doc.meetings, with_assessment.meetings);
}

/// A phone's store holding `doc`.
fn stored(doc: &Document) -> Store {
    let page = Phone::new("d");
    assert_eq!(page.replace(doc.clone()), Ok(()));
    page.store.clone()
}

/// Whether a tap's commit said it was stored.
fn saved(heard: Vec<Event>) -> bool {
    heard.contains(&Event::Saved) && !heard.iter().any(|e| matches!(e, Event::Failed(_)))
}

#[test]
fn records_stored_before_the_assessment_still_load() {
    let mut doc = example();
    doc.assessments.clear();
    doc.reviews.clear();
    let store = stored(&doc);
    // The branch record as an older build wrote it: no `assessment` field.
    let mut branch = serde_json::to_value(&doc.branch).unwrap();
    branch.as_object_mut().unwrap().remove("assessment");
    let raw = seal(
        SCHEMA_VERSION,
        99,
        "d",
        0,
        &Default::default(),
        &branch.to_string(),
    );
    store.with_db(|db| db.records.insert("branch".into(), raw));
    let opened = Phone::open(&store, "d");
    assert_eq!(opened.opened.quarantined, []);
    assert_eq!(opened.doc(), doc);
}

/// The keys of the stored records that differ between two looks at the store.
fn rewritten(before: &BTreeMap<String, String>, after: &BTreeMap<String, String>) -> Vec<String> {
    after
        .iter()
        .filter(|(k, v)| before.get(*k) != Some(*v))
        .map(|(k, _)| k.clone())
        .collect()
}

#[test]
fn each_form_and_each_year_is_a_record_of_its_own() {
    let doc = example();
    let store = stored(&doc);
    let records = || store.with_db(|db| db.records.clone());
    for id in ["as-ex-1", "as-ex-2", "as-ex-3"] {
        assert!(records().contains_key(&format!("assessment/{id}")));
    }
    assert!(records().contains_key("review/2025"));

    // One tap on a form rewrites that form's record only.
    let page = Phone::open(&store, "d");
    let before = records();
    assert!(saved(page.save(
        vec![RecordKey::assessment("as-ex-2")],
        |d| {
            d.assessment_mut("as-ex-2")
                .unwrap()
                .set_rating("character", Some("较好"));
        }
    )));
    let changed = rewritten(&before, &records());
    assert_eq!(changed, ["assessment/as-ex-2"]);

    // A decision rewrites the year's review.
    let before = records();
    assert!(saved(page.save(vec![RecordKey::review_of("2025")], |d| {
        decide(
            d,
            2025,
            "m11",
            Some(Decision::Graded {
                grade: Grade::BasicallyQualified,
            }),
        )
    })));
    let changed = rewritten(&before, &records());
    assert_eq!(changed, ["review/2025"]);

    // A deleted form leaves only a tombstone behind: its clock, so the deletion can travel
    // to other phones, and none of what the member wrote.
    assert!(saved(
        page.save(vec![RecordKey::assessment("as-ex-3")], |d| d
            .assessments
            .retain(|f| f.id != "as-ex-3"))
    ));
    let left = records();
    let tombstone = left.get("assessment/as-ex-3").map(|raw| unseal(raw));
    assert!(matches!(tombstone, Some(Ok(ref sealed)) if sealed.data == TOMBSTONE));
    assert!(!left
        .keys()
        .any(|k| k != "assessment/as-ex-3" && k.contains("as-ex-3")));
    assert_eq!(Phone::open_as(&store, "d", "check").doc(), page.doc());
}

#[test]
fn a_broken_form_record_is_set_aside_and_the_rest_loads() {
    let doc = example();
    let store = stored(&doc);
    let bad =
        serde_json::json!({"id": "as-ex-2", "member_id": "m10", "year": 2026, "kind": "six_goods"});
    let raw = seal(
        SCHEMA_VERSION,
        9,
        "d",
        0,
        &Default::default(),
        &bad.to_string(),
    );
    store.with_db(|db| db.records.insert("assessment/as-ex-2".into(), raw));
    let opened = Phone::open(&store, "d");
    assert_eq!(opened.doc().assessments.len(), 2);
    assert_eq!(opened.doc().reviews, doc.reviews);
    assert_eq!(opened.opened.quarantined.len(), 1);
    assert!(store.with_db(|db| db.quarantine.values().any(|q| q.label.contains("自评表"))));
}

#[test]
fn a_broken_review_is_left_out_of_an_import_with_its_path() {
    let mut v: Value =
        serde_json::from_str(&export_backup(&example(), "2026-11-27 10:00", 1)).unwrap();
    v["data"]["reviews"][0]["entries"][0]["decision"]["grade"] = "top".into();
    v["data"]["assessments"][1]["year"] = 1900.into();
    v["checksum"] = Value::String(checksum(&v["data"]));
    let staged = ready(&v.to_string());
    let paths: Vec<&str> = staged.problems.iter().map(|p| p.path.as_str()).collect();
    assert!(
        paths.contains(&"reviews[0].entries[0].decision.grade"),
        "{paths:?}"
    );
    assert!(paths.contains(&"assessments[1].year"), "{paths:?}");
    assert_eq!(staged.skipped, 2);
    assert_eq!(staged.doc.assessments.len(), 2);
    assert!(staged.doc.reviews.is_empty());
}

/// The secretary's device: the example branch with last year's review
/// still empty.
fn secretary_device() -> Document {
    let mut doc = example();
    doc.reviews.clear();
    doc.assessments.clear();
    doc
}

/// A member's device: the same roster, with the member's own form.
fn member_file(member_id: &str, grade: Grade, rating: &str) -> String {
    let mut doc = example();
    doc.assessments.clear();
    let mut form = new_form(
        &format!("as-{member_id}"),
        member_id,
        2025,
        AssessmentKind::FourQualified,
    );
    form.set_rating("political", Some(rating));
    form.self_grade = Some(grade);
    finish(&mut form, NaiveDate::from_ymd_opt(2026, 1, 6).unwrap());
    doc.assessments.push(form);
    export_assessment(&doc, &doc.assessments[0], "2026-01-06 21:00").unwrap()
}

#[test]
fn the_secretary_gathers_members_files_into_the_review() {
    let mut branch = secretary_device();
    let name = branch.branch.name.clone();
    for (id, grade, rating) in [
        ("m10", Grade::Excellent, "好"),
        ("m11", Grade::Qualified, "较好"),
        ("m12", Grade::Qualified, "好"),
    ] {
        let imported = read_assessment(&member_file(id, grade, rating), &name, 2025).unwrap();
        let outcome = apply_import(&mut branch, &imported).unwrap();
        assert!(!outcome.updated);
    }
    // m11 sends a corrected file: it replaces the first.
    let again = read_assessment(&member_file("m11", Grade::Excellent, "好"), &name, 2025).unwrap();
    assert!(apply_import(&mut branch, &again).unwrap().updated);
    assert_eq!(branch.review(2025).unwrap().entries.len(), 3);

    let rows = review_rows(&branch, 2025);
    let m11 = rows.iter().find(|r| r.member.id == "m11").unwrap();
    assert_eq!(m11.self_grade(), Some(Grade::Excellent));
    assert_eq!(
        m11.four_qualified.as_ref().unwrap().ratings_in_order(),
        [Some("好"), None, None, None]
    );
    let probationary = rows.iter().find(|r| r.member.id == "m23").unwrap();
    assert!(probationary.no_grade_reason.is_some());

    // The branch decides; until everyone is decided, the check says who is missing.
    decide(
        &mut branch,
        2025,
        "m10",
        Some(Decision::Graded {
            grade: Grade::Excellent,
        }),
    );
    let report = grade_check(&branch, 2025);
    assert_eq!(report.graded, 1);
    assert_eq!(report.ungraded_without_reason.len(), 21);
    // One 优秀 of 24 members is within the third of 党员总数, however few
    // are graded yet.
    assert!(
        report.warnings.iter().all(|w| !w.contains("优秀")),
        "{:?}",
        report.warnings
    );
    assert!(report.warnings.iter().any(|w| w.contains("还有 21 名党员")));

    // Everything survives a backup.
    let staged = ready(&export_backup(&branch, "2026-01-10 09:00", 3));
    assert!(staged.problems.is_empty(), "{:?}", staged.problems);
    assert_eq!(staged.doc, branch);
}

#[test]
fn files_for_another_branch_or_year_are_refused() {
    let text = member_file("m10", Grade::Qualified, "好");
    let other = read_assessment(&text, "另一个党支部", 2025).unwrap_err();
    assert!(other[0].message.contains("不是本支部"), "{other:?}");
    let year = read_assessment(&text, "示例单位第一党支部", 2026).unwrap_err();
    assert!(year[0].message.contains("2025年度"), "{year:?}");
}

#[test]
fn a_members_own_form_shows_in_the_table_without_a_file() {
    let doc = example();
    assert!(form_for(&doc, "m10", 2025, AssessmentKind::FourQualified).is_some());
    let rows = review_rows(&doc, 2025);
    let secretary = rows.iter().find(|r| r.member.id == "m01").unwrap();
    assert!(secretary.five_excellent.is_some());
    assert!(secretary.four_qualified.is_none());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]
    #[test]
    fn arbitrary_text_never_panics_the_exchange_reader(text in "\\PC{0,300}") {
        let _ = read_assessment(&text, "第一党支部", 2025);
    }

    #[test]
    fn edited_exchange_files_never_panic(cut in 0usize..4000, byte in any::<u8>()) {
        static FILE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
        let file = FILE.get_or_init(|| member_file("m10", Grade::Qualified, "好"));
        let mut bytes = file.clone().into_bytes();
        let at = cut % bytes.len();
        bytes[at] = byte;
        let text = String::from_utf8_lossy(&bytes);
        let _ = read_assessment(&text, "示例单位第一党支部", 2025);
    }
}

#[test]
fn forms_and_reviews_keep_a_member_from_being_deleted() {
    let mut doc = example();
    // m10 attends the example meetings, talked and was talked with, has
    // two forms and a review entry (and commitments, study and 党费
    // records, counted apart).
    assert!(doc.references_to_member("m10") > 0);
    doc.commitments.clear();
    doc.studies.clear();
    doc.dues.clear();
    let meetings = doc
        .meetings
        .iter()
        .filter(|m| m.referenced_member_ids().any(|id| id == "m10"))
        .count();
    let talks = doc
        .talks
        .iter()
        .filter(|t| t.referenced_member_ids().any(|id| id == "m10"))
        .count();
    assert!(talks > 0);
    // Each meeting and talk naming him, the review and his two forms.
    assert_eq!(doc.references_to_member("m10"), meetings + talks + 1 + 2);
    doc.meetings.clear();
    doc.reviews.clear();
    doc.talks.clear();
    assert_eq!(doc.references_to_member("m10"), 2);
}
