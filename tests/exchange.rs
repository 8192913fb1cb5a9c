//! A branch on separate phones: the secretary's 支部资料包 merges into a
//! member's phone without touching the member's own records; the member's
//! return merges into the secretary's; the same meeting recorded on two
//! phones keeps both phones' parts. Each phone is a store and a page, as in
//! the browser, and every package goes through the file format.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;

use common::{example, Page};
use zhibu::backup::import::{read_backup, Outcome, Staged};
use zhibu::backup::package::{export_package, package_doc, Scope, Sender};
use zhibu::domain::assessment::{new_form, AssessmentKind};
use zhibu::domain::meeting::Presence;
use zhibu::domain::rules::recording::{complete_makeup, mark};
use zhibu::domain::Document;
use zhibu::store::merge::{Choice, ImportPlan};
use zhibu::store::records::all_keys;
use zhibu::store::{MemoryDb, RecordKey};

struct Phone {
    db: MemoryDb,
    page: Page,
    device: String,
}

impl Phone {
    fn new(device: &str) -> Phone {
        let mut db = MemoryDb::new();
        let page = Page::open(&mut db, device);
        Phone {
            db,
            page,
            device: device.into(),
        }
    }

    fn save(&mut self, keys: Vec<RecordKey>, op: impl Fn(&mut Document) + 'static) {
        self.page.save(&mut self.db, keys, op);
    }

    /// A package of this phone's data, through the file format.
    fn package(&self, scope: Scope, me: Option<&str>) -> Staged {
        let clocks = self.page.session.clocks(&self.page.doc);
        let device = self.device.clone();
        let doc = package_doc(
            &self.page.doc,
            scope,
            me,
            |name| {
                RecordKey::from_name(name)
                    .and_then(|key| clocks.get(&key))
                    .is_some_and(|c| c.versions.contains_key(&device))
            },
            2025,
        );
        let by_name: BTreeMap<String, _> = all_keys(&doc)
            .into_iter()
            .filter_map(|k| Some((k.name(), clocks.get(&k)?.clone())))
            .collect();
        let sender = Sender {
            device: self.device.clone(),
            ..Sender::default()
        };
        let text = export_package(&doc, scope, &sender, &by_name, "2026-12-01 10:00", 0);
        match read_backup(&text) {
            Outcome::Ready(staged) => *staged,
            Outcome::Refused(p) => panic!("{p:?}"),
        }
    }

    /// Imports a package, answering conflicts with `choice`; the plan.
    fn import(&mut self, staged: &Staged, choice: Choice) -> ImportPlan {
        let clocks = self.page.session.clocks(&self.page.doc);
        let plan = ImportPlan::new(&self.page.doc, &clocks, &staged.doc, &staged.about.clocks);
        let records = plan.records(|_, _| choice, &self.device).unwrap();
        self.page.session.merge_in(&mut self.page.doc, records);
        self.page.commit(&mut self.db);
        plan
    }

    /// What a reload shows.
    fn reopened(&mut self) -> Document {
        Page::open(&mut self.db, &self.device).doc
    }
}

fn secretary() -> Phone {
    let mut phone = Phone::new("d-secretary");
    phone.page.replace(example());
    phone.page.commit(&mut phone.db);
    phone
}

#[test]
fn a_members_phone_takes_the_branch_package_and_keeps_its_own_records() {
    let mut secretary = secretary();
    let mut member = Phone::new("d-m10");
    // The member's own draft, written before they had the branch's data.
    member.save(vec![RecordKey::assessment("own")], |d| {
        d.assessments
            .push(new_form("own", "m10", 2026, AssessmentKind::FourQualified))
    });
    let package = secretary.package(Scope::Branch, None);
    assert!(package.doc.assessments.is_empty());
    assert!(
        package.doc.commitments.is_empty(),
        "members' commitments are private to them and the secretary"
    );
    let plan = member.import(&package, Choice::Local);
    let counts = plan.counts();
    assert_eq!(counts.conflicts, 0);
    let ex = example();
    assert_eq!(
        counts.added,
        3 + ex.meetings.len() + ex.tasks.len() + ex.group_months.len() + ex.studies.len(),
        "branch, roster, templates, meetings, key tasks, group months, study records"
    );
    let doc = member.reopened();
    assert_eq!(doc.members.len(), 25);
    assert_eq!(doc.meetings.len(), example().meetings.len());
    assert!(doc.assessment("own").is_some(), "the member's draft stays");
    // Importing the same package again changes nothing.
    let again = member.import(&package, Choice::Local);
    assert!(!again.changes_anything());
    // The secretary's later change arrives; the member's draft still stays.
    secretary.save(vec![RecordKey::Branch], |d| {
        d.branch.parent_org = "新的上级党委".into()
    });
    member.import(&secretary.package(Scope::Branch, None), Choice::Local);
    let doc = member.reopened();
    assert_eq!(doc.branch.parent_org, "新的上级党委");
    assert!(doc.assessment("own").is_some());
}

#[test]
fn the_secretary_gets_a_members_return_with_their_form_and_their_makeup() {
    let mut secretary = secretary();
    let mut member = Phone::new("d-m14");
    member.import(&secretary.package(Scope::Branch, None), Choice::Local);
    // 朱婷 (m14) was away from the 党员大会: she records her 补学 and fills
    // in her self-assessment on her phone.
    member.save(vec![RecordKey::meeting("mt-ex-1")], |d| {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        complete_makeup(
            d.meeting_mut("mt-ex-1").unwrap(),
            "m14",
            day,
            "自学全会公报",
        );
    });
    member.save(vec![RecordKey::assessment("f-m14")], |d| {
        let mut form = new_form("f-m14", "m14", 2026, AssessmentKind::FourQualified);
        form.entries[0].facts = "按时参加组织生活。".into();
        d.assessments.push(form)
    });
    // Meanwhile the secretary ticks a follow-up in the same meeting.
    secretary.save(vec![RecordKey::meeting("mt-ex-1")], |d| {
        let m = d.meeting_mut("mt-ex-1").unwrap();
        m.follow_ups[0].done_on = chrono::NaiveDate::from_ymd_opt(2026, 11, 28);
    });
    assert!(member.page.doc.assessment("f-m14").is_some());
    let back = member.package(Scope::Return, Some("m14"));
    assert_eq!(back.doc.assessments.len(), 1, "{:?}", back.problems);
    let plan = secretary.import(&back, Choice::Local);
    assert_eq!(plan.counts().conflicts, 0, "{:?}", plan.conflicts());
    let doc = secretary.reopened();
    let meeting = doc.meeting("mt-ex-1").unwrap();
    let zhu = meeting
        .attendance
        .iter()
        .find(|a| a.member_id == "m14")
        .unwrap();
    assert!(zhu.makeup.is_some(), "the member's 补学 arrived");
    assert!(
        meeting.follow_ups[0].done_on.is_some(),
        "the secretary's tick stayed"
    );
    assert_eq!(
        doc.assessment("f-m14").unwrap().entries[0].facts,
        "按时参加组织生活。",
        "the written text, not only ratings"
    );
}

#[test]
fn the_same_meeting_recorded_on_two_phones_merges_mark_by_mark_and_asks_only_about_the_minutes() {
    let mut secretary = secretary();
    let mut recorder = Phone::new("d-recorder");
    recorder.import(&secretary.package(Scope::Full, None), Choice::Local);
    let id = "mt-ex-3"; // planned: nobody marked yet
    secretary.save(vec![RecordKey::meeting(id)], |d| {
        let m = d.meeting_mut("mt-ex-3").unwrap();
        mark(m, "m01", Presence::Present);
        m.minutes = "书记的记录".into();
    });
    recorder.save(vec![RecordKey::meeting(id)], |d| {
        let m = d.meeting_mut("mt-ex-3").unwrap();
        mark(m, "m02", Presence::Leave);
        mark(m, "m03", Presence::Present);
        m.minutes = "记录人的记录".into();
    });
    let plan = secretary.import(&recorder.package(Scope::Full, None), Choice::Incoming);
    assert_eq!(
        plan.conflicts(),
        [("meeting/mt-ex-3".to_string(), "minutes".to_string())]
    );
    let doc = secretary.reopened();
    let m = doc.meeting(id).unwrap();
    assert_eq!(m.attendance.len(), 3, "every phone's marks");
    assert_eq!(m.minutes, "记录人的记录", "the choice");
    // Sent back, the recorder takes the merged meeting without a question.
    let plan = recorder.import(&secretary.package(Scope::Full, None), Choice::Local);
    assert_eq!(plan.counts().conflicts, 0);
    assert_eq!(recorder.reopened().meeting(id), doc.meeting(id));
}

#[test]
fn a_full_backup_restores_onto_an_empty_phone_in_one_step() {
    let secretary = secretary();
    let mut fresh = Phone::new("d-new");
    let plan = fresh.import(&secretary.package(Scope::Full, None), Choice::Local);
    assert_eq!(plan.counts().conflicts, 0);
    assert_eq!(fresh.reopened(), secretary.page.doc);
}

#[test]
fn a_merge_refused_for_lack_of_space_is_taken_back_whole_and_never_replayed() {
    let secretary = secretary();
    let mut member = Phone::new("d-m10");
    member.save(vec![RecordKey::Branch], |d| {
        d.branch.name = "我的支部".into()
    });
    let before = member.page.doc.clone();
    let package = secretary.package(Scope::Branch, None);
    let clocks = member.page.session.clocks(&member.page.doc);
    let plan = ImportPlan::new(
        &member.page.doc,
        &clocks,
        &package.doc,
        &package.about.clocks,
    );
    let records = plan.records(|_, _| Choice::Incoming, "d-m10").unwrap();
    member.page.session.merge_in(&mut member.page.doc, records);
    assert!(
        member.page.session.journal(&member.page.doc).is_empty(),
        "an import is not journalled: a reload must not finish it"
    );
    member.db.full = true;
    let after = member.page.commit(&mut member.db);
    assert!(
        matches!(after, zhibu::store::session::After::ReplaceFailed(_)),
        "{after:?}"
    );
    assert_eq!(member.page.doc, before, "the page shows what is stored");
    member.db.full = false;
    assert_eq!(member.reopened(), before);
}
