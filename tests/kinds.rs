//! Every kind of record in the registry (`domain::document`), through
//! everything that must carry it: the store, a backup file and back, a
//! merge onto another phone, and each package. A new kind that the example
//! lacks, or whose place in the packages nobody decided here, fails.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::NaiveDate;
use common::{example, ready, today, Phone};
use serde_json::Value;
use zhibu::backup::export::export_backup;
use zhibu::domain::document::{all_keys, visit_lists, ListVisitor, Listed, FIELDS};
use zhibu::domain::dues::{DuesAccount, DuesBook};
use zhibu::domain::fusion::tasks::ProgressNote;
use zhibu::domain::handover::{Handover, Step};
use zhibu::domain::meeting::MeetingKind;
use zhibu::domain::rules::checklist::{default_template, set_template};
use zhibu::domain::{Document, Keyed, RecordKey, Scope};
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
        ("tasks", [Recent, WrittenHere]),
        ("group_months", [Recent, WrittenHere]),
        ("commitments", [Nothing, Mine]),
        ("studies", [Recent, WrittenHere]),
        ("handovers", [Nothing, Nothing]),
        ("dues", [Nothing, Nothing]),
        ("dues_books", [Nothing, Nothing]),
        ("year_plans", [Recent, Nothing]),
        ("year_summaries", [Recent, Nothing]),
        ("secretary_reports", [Nothing, Nothing]),
        ("applicants", [Nothing, Nothing]),
    ]
};

/// The kinds a full backup carries only when its keeper chooses to
/// (`Packing::with_private`): incomes, 党费 bases and amounts, and the
/// 发展党员 paths (政审 and personal details). Every other kind is in every
/// full backup.
const PRIVATE: &[&str] = &["dues", "dues_books", "applicants"];

#[test]
fn a_full_backup_without_what_is_private_leaves_out_exactly_the_private_kinds() {
    let full = every_kind();
    let secretary = Phone::new("d-secretary");
    secretary.replace(full.clone()).unwrap();
    let (_, text) = secretary
        .core
        .package(Scope::Full, false, common::today(), "2026-12-01 10:00");
    let without = ready(&text).doc;
    for (field, all) in counts(&full) {
        let expected = if PRIVATE.contains(&field) { 0 } else { all };
        assert_eq!(count(&without, field), expected, "{field}");
    }
}

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

    // A member's phone (a 党小组长's): the branch package, then one meeting
    // recorded, one study noted, one task's progress and one group month's
    // 回顾 written there.
    let member = Phone::new("d-m10");
    member.core.update_device(|d| d.me = Some("m10".into()));
    let branch = secretary.package(Scope::Branch);
    member.import(&branch, Choice::Local).unwrap();
    let meeting = branch.doc.meetings[0].id.clone();
    let study = branch.doc.studies[0].id.clone();
    let task = branch.doc.tasks[0].id.clone();
    let month = branch.doc.group_months[0].id.clone();
    let (m, s, t, g) = (meeting.clone(), study.clone(), task.clone(), month.clone());
    member.save(
        vec![
            RecordKey::meeting(&meeting),
            RecordKey::study(&study),
            RecordKey::task(&task),
            RecordKey::group_month(&month),
        ],
        move |d| {
            d.meeting_mut(&m).unwrap().remarks = "小组长补记".into();
            d.study_mut(&s).unwrap().points = "补记要点".into();
            d.task_mut(&t).unwrap().progress.push(ProgressNote {
                id: "pn-leader".into(),
                date: None,
                text: "小组完成第一阶段".into(),
                meeting_id: None,
            });
            d.group_month_mut(&g).unwrap().review.done = "本月重点工作已完成".into();
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
    // The screen that makes it says what it holds, in words.
    let said = member
        .core
        .package_contents(Scope::Return, NaiveDate::from_ymd_opt(2026, 12, 6).unwrap());
    for held in [
        "重点任务 1 项",
        "党小组月度重点工作 1 份",
        "会议记录 1 份",
        "学习记录 1 条",
    ] {
        assert!(said.contains(held), "{said}");
    }
    assert!(!said.contains("谈心谈话"), "{said}");

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

/// The fields that hold the 党费 ledger's amounts (`DuesAccount`,
/// `DuesBook`): no package for members names any of them anywhere.
const LEDGER_FIELDS: &[&str] = &[
    "terms",
    "basis",
    "base",
    "relief",
    "reduced_to",
    "payments",
    "remittances",
    "carried_in",
];

/// Every object key anywhere in `value`.
fn keys_in(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                out.push(key.clone());
                keys_in(inner, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| keys_in(v, out)),
        _ => {}
    }
}

/// Hostile: a member's phone that holds the whole ledger (it restored the
/// keeper's full backup, or the keeper's phone changed hands) and a caller
/// that asks for what is private still send no income, base or amount in a
/// 支部资料包 or a 交给书记 package: read in the package's JSON itself.
#[test]
fn a_phone_holding_the_ledger_puts_none_of_it_in_a_package_for_members() {
    let full = every_kind();
    assert!(!full.dues.is_empty() && !full.dues_books.is_empty());
    let phone = Phone::new("d-m10");
    phone.replace(full).unwrap();
    phone.core.update_device(|d| d.me = Some("m10".into()));
    for scope in [Scope::Branch, Scope::Return] {
        let (_, text) = phone.core.package(scope, true, today(), "2026-12-01 10:00");
        let json: Value = serde_json::from_str(&text).unwrap();
        let data = &json["data"];
        for field in ["dues", "dues_books", "applicants"] {
            let held = data
                .get(field)
                .and_then(Value::as_array)
                .map_or(0, Vec::len);
            assert_eq!(held, 0, "{} holds {field}", scope.label());
        }
        let mut keys = Vec::new();
        keys_in(data, &mut keys);
        for field in LEDGER_FIELDS {
            assert!(
                !keys.iter().any(|k| k == field),
                "{} names {field}",
                scope.label()
            );
        }
        assert!(
            !text.contains("df-m"),
            "{} names a 党费 record",
            scope.label()
        );
        assert!(
            !text.contains("fz-ex") && !text.contains("政审"),
            "{} names a 发展党员 path",
            scope.label()
        );
    }
}

/// Hostile: a 交给书记 package edited to carry 党费 records (the sender's
/// own year marked paid, a year made up, the branch's book), with clocks
/// that would win, changes nothing in the keeper's ledger (nor deletes a
/// record: a clock left without its record reads as a deletion); a 支部资料包
/// edited to carry the ledger puts none of it on a member's phone.
#[test]
fn a_forged_package_for_members_cannot_write_into_the_ledger() {
    let full = every_kind();
    let secretary = Phone::new("d-secretary");
    secretary.replace(full.clone()).unwrap();
    let member = Phone::new("d-m10");
    member.core.update_device(|d| d.me = Some("m10".into()));
    member
        .import(&secretary.package(Scope::Branch), Choice::Local)
        .unwrap();

    let mut forged = member.package(Scope::Return);
    let clocks = secretary.core.clocks();
    let mut winning = |key: RecordKey| {
        let mut clock = clocks.get(&key).cloned().unwrap_or_default();
        *clock.versions.entry("d-m10".into()).or_default() += 100;
        forged.about.clocks.insert(key.name(), clock);
    };
    let mut own = full
        .dues
        .iter()
        .find(|a| a.member_id == "m10")
        .cloned()
        .unwrap();
    own.note = "全年已交".into();
    for month in 1..=12 {
        own.set_payment(
            month,
            Some(zhibu::domain::dues::Payment {
                month,
                amount: zhibu::domain::dues::Fen(1),
                paid_on: None,
                way: None,
            }),
        );
    }
    winning(DuesAccount::record_key_of(&own.id));
    let made_up = DuesAccount::new("m11", 2020);
    winning(DuesAccount::record_key_of(&made_up.id));
    let mut book = full.dues_books[0].clone();
    book.remittances.clear();
    winning(DuesBook::record_key_of(&book.key()));
    forged.doc.dues = vec![own, made_up];
    forged.doc.dues_books = vec![book];
    secretary.import(&forged, Choice::Incoming).unwrap();
    let by_id = |mut list: Vec<DuesAccount>| {
        list.sort_by(|a, b| a.id.cmp(&b.id));
        list
    };
    let kept = secretary.reopened();
    assert_eq!(by_id(kept.dues), by_id(full.dues.clone()));
    assert_eq!(kept.dues_books, full.dues_books);

    let mut branch = secretary.package(Scope::Branch);
    branch.doc.dues = full.dues.clone();
    branch.doc.dues_books = full.dues_books.clone();
    let other = Phone::new("d-m11");
    other.import(&branch, Choice::Incoming).unwrap();
    let held = other.reopened();
    assert!(held.dues.is_empty() && held.dues_books.is_empty());
    assert!(!held.meetings.is_empty(), "the rest of the package came in");
}

/// Where two phones disagree, the record and its field are named in words:
/// never a key ("承诺践诺 cm-m10-2026"), never "其他内容".
#[test]
fn every_record_and_every_field_of_every_kind_is_named_in_words() {
    use zhibu::domain::document::to_json;
    use zhibu::domain::place::place;
    let doc = every_kind();
    let mut unnamed = std::collections::BTreeSet::new();
    for key in all_keys(&doc) {
        let name = key.name();
        let title = key.title(&doc);
        let id = name.split_once('/').map_or("", |(_, id)| id);
        assert!(!title.trim().is_empty(), "{name}");
        if !id.is_empty() && id.parse::<i32>().is_err() {
            assert!(!title.contains(id), "{name} is titled {title:?}");
        }
        let json: Value = serde_json::from_str(&to_json(&doc, &key).unwrap()).unwrap();
        let fields: Vec<String> = match &json {
            Value::Object(map) => map.keys().cloned().collect(),
            // A whole list (the roster, the templates): its items' fields.
            Value::Array(items) => items
                .iter()
                .filter_map(Value::as_object)
                .flat_map(|m| m.keys().cloned())
                .collect(),
            _ => Vec::new(),
        };
        // The key itself never differs between two copies of one record.
        for field in fields.into_iter().filter(|f| f != "id") {
            let words = place(&field);
            if words == "文件" || words.is_empty() {
                unnamed.insert(format!("{}.{field}", key.document_field().0));
            }
        }
    }
    assert!(
        unnamed.is_empty(),
        "fields with no name in words: {unnamed:?}"
    );
}
