//! A branch on separate phones: the secretary's 支部资料包 merges into a
//! member's phone without touching the member's own records; the member's
//! return merges into the secretary's; the same meeting recorded on two
//! phones keeps both phones' parts. Each phone runs the app's own core
//! (`zhibu::app`) over a store of its own, as in the browser, and every
//! package goes through the file format.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use common::{block_on, example, Gated, Phone};
use zhibu::app::{Backend, Event, InMemory};
use zhibu::domain::assessment::{new_form, AssessmentKind};
use zhibu::domain::meeting::Presence;
use zhibu::domain::rules::recording::{complete_makeup, mark};
use zhibu::domain::{Document, RecordKey, Scope};
use zhibu::store::merge::Choice;

/// A tap and its commit, which must be stored.
fn save<B: Backend>(phone: &Phone<B>, keys: Vec<RecordKey>, op: impl Fn(&mut Document) + 'static) {
    let heard = phone.save(keys, op);
    assert!(
        heard.contains(&Event::Saved) && !heard.iter().any(|e| matches!(e, Event::Failed(_))),
        "{heard:?}"
    );
}

fn secretary() -> Phone {
    Phone::with_example("d-secretary")
}

/// The member a phone belongs to, as its owner set it.
fn belongs_to<B: Backend>(phone: &Phone<B>, member: &str) {
    phone.core.update_device(|d| d.me = Some(member.into()));
}

#[test]
fn a_members_phone_takes_the_branch_package_and_keeps_its_own_records() {
    let secretary = secretary();
    let member = Phone::new("d-m10");
    // The member's own draft, written before they had the branch's data.
    save(&member, vec![RecordKey::assessment("own")], |d| {
        d.assessments
            .push(new_form("own", "m10", 2026, AssessmentKind::FourQualified))
    });
    let package = secretary.package(Scope::Branch);
    assert!(package.doc.assessments.is_empty());
    assert!(
        package.doc.commitments.is_empty(),
        "members' commitments are private to them and the secretary"
    );
    let review = member.import(&package, Choice::Local).unwrap();
    assert_eq!(review.counts.conflicts, 0);
    assert!(review.conflicts.is_empty());
    let ex = example();
    assert_eq!(
        review.counts.added,
        3 + ex.meetings.len() + ex.tasks.len() + ex.group_months.len() + ex.studies.len(),
        "branch, roster, templates, meetings, key tasks, group months, study records"
    );
    let doc = member.reopened();
    assert_eq!(doc.members.len(), 25);
    assert_eq!(doc.meetings.len(), example().meetings.len());
    assert!(doc.assessment("own").is_some(), "the member's draft stays");
    // Importing the same package again changes nothing.
    let again = member.import(&package, Choice::Local).unwrap();
    assert!(again.nothing);
    assert!(!again.plan.changes_anything());
    assert_eq!(member.reopened(), doc);
    // The secretary's later change arrives; the member's draft still stays.
    save(&secretary, vec![RecordKey::Branch], |d| {
        d.branch.parent_org = "新的上级党委".into()
    });
    member
        .import(&secretary.package(Scope::Branch), Choice::Local)
        .unwrap();
    let doc = member.reopened();
    assert_eq!(doc.branch.parent_org, "新的上级党委");
    assert!(doc.assessment("own").is_some());
}

#[test]
fn the_secretary_gets_a_members_return_with_their_form_and_their_makeup() {
    let secretary = secretary();
    let member = Phone::new("d-m14");
    member
        .import(&secretary.package(Scope::Branch), Choice::Local)
        .unwrap();
    belongs_to(&member, "m14");
    // 朱婷 (m14) was away from the 党员大会: she records her 补学 and fills
    // in her self-assessment on her phone.
    save(&member, vec![RecordKey::meeting("mt-ex-1")], |d| {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        complete_makeup(
            d.meeting_mut("mt-ex-1").unwrap(),
            "m14",
            day,
            "自学全会公报",
        );
    });
    save(&member, vec![RecordKey::assessment("f-m14")], |d| {
        let mut form = new_form("f-m14", "m14", 2026, AssessmentKind::FourQualified);
        form.entries[0].facts = "按时参加组织生活。".into();
        d.assessments.push(form)
    });
    // Meanwhile the secretary ticks a follow-up in the same meeting.
    save(&secretary, vec![RecordKey::meeting("mt-ex-1")], |d| {
        let m = d.meeting_mut("mt-ex-1").unwrap();
        m.follow_ups[0].done_on = chrono::NaiveDate::from_ymd_opt(2026, 11, 28);
    });
    assert!(member.doc().assessment("f-m14").is_some());
    let back = member.package(Scope::Return);
    assert_eq!(back.doc.assessments.len(), 1, "{:?}", back.problems);
    let review = secretary.import(&back, Choice::Local).unwrap();
    assert_eq!(review.counts.conflicts, 0, "{:?}", review.conflicts);
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
    let secretary = secretary();
    let recorder = Phone::new("d-recorder");
    recorder
        .import(&secretary.package(Scope::Full), Choice::Local)
        .unwrap();
    let id = "mt-ex-3"; // planned: nobody marked yet
    save(&secretary, vec![RecordKey::meeting(id)], |d| {
        let m = d.meeting_mut("mt-ex-3").unwrap();
        mark(m, "m01", Presence::Present);
        m.minutes = "书记的记录".into();
    });
    save(&recorder, vec![RecordKey::meeting(id)], |d| {
        let m = d.meeting_mut("mt-ex-3").unwrap();
        mark(m, "m02", Presence::Leave);
        mark(m, "m03", Presence::Present);
        m.minutes = "记录人的记录".into();
    });
    let review = secretary
        .import(&recorder.package(Scope::Full), Choice::Incoming)
        .unwrap();
    let asked: Vec<(&str, &str)> = review
        .conflicts
        .iter()
        .map(|c| (c.key.as_str(), c.field.as_str()))
        .collect();
    assert_eq!(asked, [("meeting/mt-ex-3", "minutes")]);
    assert_eq!(
        (
            review.conflicts[0].mine.as_str(),
            review.conflicts[0].theirs.as_str()
        ),
        ("书记的记录", "记录人的记录"),
        "the member sees both sides"
    );
    let doc = secretary.reopened();
    let m = doc.meeting(id).unwrap();
    assert_eq!(m.attendance.len(), 3, "every phone's marks");
    assert_eq!(m.minutes, "记录人的记录", "the choice");
    // Sent back, the recorder takes the merged meeting without a question.
    let review = recorder
        .import(&secretary.package(Scope::Full), Choice::Local)
        .unwrap();
    assert_eq!(review.counts.conflicts, 0);
    assert_eq!(recorder.reopened().meeting(id), doc.meeting(id));
}

#[test]
fn a_full_backup_restores_onto_an_empty_phone_in_one_step() {
    let secretary = secretary();
    let fresh = Phone::new("d-new");
    let review = fresh
        .import(&secretary.package(Scope::Full), Choice::Local)
        .unwrap();
    assert_eq!(review.counts.conflicts, 0);
    assert!(review.blank);
    assert_eq!(fresh.reopened(), secretary.doc());
}

#[test]
fn a_merge_refused_for_lack_of_space_is_taken_back_whole_and_never_replayed() {
    let secretary = secretary();
    let gate = Gated::new(&InMemory::empty());
    let member = Phone::open(&gate, "d-m10");
    gate.let_one_through();
    save(&member, vec![RecordKey::Branch], |d| {
        d.branch.name = "我的支部".into()
    });
    let before = member.doc();
    let review = member.review(&secretary.package(Scope::Branch));
    let mut merging =
        pin!(member
            .core
            .merge_import(&review, |_, _| Choice::Incoming, "导入前的数据"));
    let mut cx = Context::from_waker(Waker::noop());
    assert!(
        merging.as_mut().poll(&mut cx).is_pending(),
        "the merge waits for its commit"
    );
    // The page is closed while the merge is being stored: an import is not
    // journalled, so a reload must not finish it.
    assert!(gate.store.read_journals().is_empty());
    let reload = Phone::open_as(&gate.store, "d-m10", "reload");
    assert_eq!(reload.opened.replayed, 0);
    assert_eq!(reload.doc(), before);
    gate.store.with_db(|db| db.full = true);
    gate.let_one_through();
    let Poll::Ready(merged) = merging.as_mut().poll(&mut cx) else {
        panic!("the merge's commit came back")
    };
    assert_eq!(merged, Err("浏览器存储空间已满".to_string()));
    assert_eq!(member.doc(), before, "the page shows what is stored");
    assert!(!member.core.has_unsaved(), "nothing left to retry");
    gate.store.with_db(|db| db.full = false);
    assert_eq!(member.reopened(), before);
}

#[test]
fn an_import_whose_undo_point_cannot_be_kept_changes_nothing() {
    let secretary = secretary();
    let member = Phone::new("d-m10");
    save(&member, vec![RecordKey::Branch], |d| {
        d.branch.name = "我的支部".into()
    });
    let before = member.doc();
    let stored = member.store.with_db(|db| db.records.clone());
    member.store.refuse_undo(true);
    let refused = member.import(&secretary.package(Scope::Branch), Choice::Incoming);
    assert!(refused.is_err_and(|why| why.contains("撤销")));
    assert_eq!(member.doc(), before);
    assert_eq!(member.store.with_db(|db| db.records.clone()), stored);
    assert_eq!(member.core.undo_on_offer(), None);
}

#[test]
fn an_import_can_be_undone() {
    let secretary = secretary();
    let member = Phone::new("d-m10");
    save(&member, vec![RecordKey::Branch], |d| {
        d.branch.name = "我的支部".into()
    });
    let before = member.doc();
    member
        .import(&secretary.package(Scope::Branch), Choice::Incoming)
        .unwrap();
    assert_ne!(member.reopened(), before);
    let offer = member.core.undo_on_offer().unwrap();
    assert!(offer.starts_with("导入前的数据（"), "{offer}");
    assert_eq!(
        block_on(member.core.undo(false)),
        Ok(zhibu::app::undo::Undo::Done)
    );
    assert_eq!(member.doc(), before);
    assert_eq!(member.reopened(), before);
    assert_eq!(member.core.undo_on_offer(), None);
}

/// Hostile testing: a member who typed the roster themselves (the same
/// names under ids of their own) sent 交给书记; the secretary's roster went
/// from 25 to 28 with 王建国, 李红梅 and 刘洋 twice, without a word. The
/// import now names them and waits for the secretary's answer.
#[test]
fn a_roster_typed_again_on_another_phone_is_named_before_it_doubles_the_names() {
    let secretary = secretary();
    let typed = Phone::new("d-typed");
    let branch = secretary.doc().branch.clone();
    let again: Vec<_> = secretary
        .doc()
        .members
        .iter()
        .filter(|m| ["王建国", "李红梅", "刘洋"].contains(&m.name.as_str()))
        .map(|m| {
            let mut m = m.clone();
            m.id = format!("typed-{}", m.id);
            m
        })
        .collect();
    assert_eq!(again.len(), 3);
    save(
        &typed,
        vec![RecordKey::Branch, RecordKey::Members],
        move |d| {
            d.branch = branch.clone();
            d.members = again.clone();
        },
    );
    belongs_to(&typed, "typed-m1");
    let review = secretary.review(&typed.package(Scope::Return));
    assert_eq!(review.namesakes, ["王建国", "李红梅", "刘洋"]);

    // The secretary's own package on a member's phone names nobody: the
    // ids agree.
    let member = Phone::new("d-m14");
    let review = member.review(&secretary.package(Scope::Branch));
    assert!(review.namesakes.is_empty());
}
