//! Every kind of record in the registry (`domain::document`), through
//! everything that must carry it: the store, a backup file and back, a
//! merge onto another phone, and each package. A new kind that the example
//! lacks, or whose place in the packages nobody decided here, fails.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::NaiveDate;
use common::{example, ready, Phone};
use zhibu::backup::export::export_backup;
use zhibu::domain::document::{all_keys, visit_lists, ListVisitor, Listed, FIELDS};
use zhibu::domain::handover::{Handover, Step};
use zhibu::domain::meeting::MeetingKind;
use zhibu::domain::rules::checklist::{default_template, set_template};
use zhibu::domain::{Document, RecordKey, Scope};
use zhibu::store::merge::Choice;

/// The example, with a record of every kind (the example has no edited
/// checklist template of its own, and no 换届 under way).
fn every_kind() -> Document {
    let mut doc = example();
    if doc.templates.is_empty() {
        let mut items = default_template(&MeetingKind::CommitteeMeeting);
        items.truncate(2);
        set_template(&mut doc.templates, &MeetingKind::CommitteeMeeting, items);
    }
    if doc.handovers.is_empty() {
        let mut handover =
            Handover::new("h-1".into(), NaiveDate::from_ymd_opt(2026, 9, 20).unwrap());
        handover.set(Step::Request, NaiveDate::from_ymd_opt(2026, 10, 8));
        doc.handovers.push(handover);
    }
    doc
}

/// How many records of each list a document holds, by field.
fn counts(doc: &Document) -> Vec<(&'static str, usize)> {
    struct Count<'a> {
        doc: &'a Document,
        out: Vec<(&'static str, usize)>,
    }
    impl ListVisitor for Count<'_> {
        fn visit<K: Listed>(&mut self) {
            self.out.push((K::FIELD, K::list(self.doc).len()));
        }
    }
    let mut count = Count {
        doc,
        out: Vec::new(),
    };
    visit_lists(&mut count);
    count.out
}

#[test]
fn the_example_has_a_record_of_every_kind() {
    let doc = every_kind();
    let listed = counts(&doc);
    assert_eq!(
        listed.len() + 1,
        FIELDS.len(),
        "every field but the branch is a list"
    );
    for (field, n) in listed {
        assert!(n > 0, "the example has no {field}: no test below covers it");
    }
}

#[test]
fn every_kind_is_stored_and_read_back_after_a_reload() {
    let phone = Phone::new("d-secretary");
    phone.replace(every_kind()).unwrap();
    let reopened = phone.reopened();
    assert_eq!(reopened, every_kind());
    let stored: Vec<String> = phone
        .store
        .with_db(|db| db.records.keys().cloned().collect());
    for key in all_keys(&every_kind()) {
        assert!(stored.contains(&key.name()), "{} is not stored", key.name());
    }
}

#[test]
fn every_kind_goes_out_in_a_backup_and_comes_back_in() {
    let doc = every_kind();
    let staged = ready(&export_backup(&doc, "2026-12-01 10:00", 1));
    assert!(staged.problems.is_empty(), "{:?}", staged.problems);
    assert_eq!(staged.doc, doc);
}

#[test]
fn every_kind_merges_onto_a_new_phone_from_a_full_backup() {
    let secretary = Phone::new("d-secretary");
    secretary.replace(every_kind()).unwrap();
    let package = secretary.package(Scope::Full);
    let new_phone = Phone::new("d-new");
    let review = new_phone.import(&package, Choice::Incoming).unwrap();
    assert_eq!(review.counts.added, all_keys(&every_kind()).len());
    assert_eq!(new_phone.doc(), every_kind());
    assert_eq!(new_phone.reopened(), every_kind());
    // The same package again changes nothing.
    assert!(new_phone.review(&package).nothing);
}

/// What each package carries of a list, decided once per kind. Adding a
/// kind without a row here fails `every_package_carries_what_each_kind_decided`.
#[derive(Clone, Copy, Debug)]
enum Carried {
    All,
    /// Some, but not all (the 支部资料包's recent years).
    Recent,
    /// Only the member's own.
    Mine,
    /// Only what was written on the phone that sends it.
    WrittenHere,
    Nothing,
}

const PACKAGES: &[(&str, [Carried; 2])] = {
    use Carried::*;
    // (field, [支部资料包, 交给书记]); a full backup carries everything.
    &[
        ("members", [All, All]),
        ("templates", [All, Nothing]),
        ("meetings", [Recent, WrittenHere]),
        ("assessments", [Nothing, Mine]),
        ("reviews", [Nothing, Nothing]),
        ("talks", [Nothing, Nothing]),
        ("tasks", [Recent, Nothing]),
        ("group_months", [Recent, Nothing]),
        ("commitments", [Nothing, Mine]),
        ("studies", [Recent, WrittenHere]),
        ("handovers", [Nothing, Nothing]),
    ]
};

#[test]
fn every_package_carries_what_each_kind_decided() {
    let mut fields: Vec<&str> = PACKAGES.iter().map(|(f, _)| *f).collect();
    fields.sort_unstable();
    let mut lists: Vec<&str> = FIELDS.iter().copied().filter(|f| *f != "branch").collect();
    lists.sort_unstable();
    assert_eq!(
        fields, lists,
        "every kind decides what each package carries"
    );

    let full = every_kind();
    let secretary = Phone::new("d-secretary");
    secretary.replace(full.clone()).unwrap();
    assert_eq!(secretary.package(Scope::Full).doc, full);

    // A member's phone: the branch package, then one meeting recorded and
    // one study noted there.
    let member = Phone::new("d-m10");
    member.core.update_device(|d| d.me = Some("m10".into()));
    let branch = secretary.package(Scope::Branch);
    member.import(&branch, Choice::Local).unwrap();
    let meeting = branch.doc.meetings[0].id.clone();
    let study = branch.doc.studies[0].id.clone();
    let (m, s) = (meeting.clone(), study.clone());
    member.save(
        vec![RecordKey::meeting(&meeting), RecordKey::study(&study)],
        move |d| {
            d.meeting_mut(&m).unwrap().remarks = "小组长补记".into();
            d.study_mut(&s).unwrap().points = "补记要点".into();
        },
    );
    // The member's own form and commitments, written on their phone.
    let mine: Vec<_> = full
        .assessments
        .iter()
        .filter(|f| f.member_id == "m10")
        .cloned()
        .collect();
    let pledges: Vec<_> = full
        .commitments
        .iter()
        .filter(|c| c.member_id == "m10")
        .cloned()
        .collect();
    assert!(
        !mine.is_empty() && !pledges.is_empty(),
        "m10 has a form and commitments"
    );
    let keys: Vec<RecordKey> = mine
        .iter()
        .map(|f| RecordKey::assessment(&f.id))
        .chain(pledges.iter().map(|c| RecordKey::commitments_of(&c.id)))
        .collect();
    member.save(keys, move |d| {
        d.assessments.extend(mine.clone());
        d.commitments.extend(pledges.clone());
    });
    let ret = member.package(Scope::Return).doc;

    for (field, [in_branch, in_return]) in PACKAGES {
        let all = count(&full, field);
        for (scope, got, carried) in [
            (Scope::Branch, count(&branch.doc, field), in_branch),
            (Scope::Return, count(&ret, field), in_return),
        ] {
            let ok = match carried {
                Carried::All => got == all,
                Carried::Recent => got > 0 && got <= all,
                Carried::Mine => got > 0 && got < all,
                Carried::WrittenHere => got == 1,
                Carried::Nothing => got == 0,
            };
            assert!(
                ok,
                "{} carries {got} of {all} {field}: expected {carried:?}",
                scope.label()
            );
        }
    }
    assert!(branch.doc.members.iter().all(|m| m.note.is_empty()));
    assert!(ret.members.iter().all(|m| m.note.is_empty()));
}

fn count(doc: &Document, field: &str) -> usize {
    counts(doc)
        .into_iter()
        .find(|(f, _)| *f == field)
        .map_or(0, |(_, n)| n)
}
