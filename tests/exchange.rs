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
        3 + ex.meetings.len()
            + ex.tasks.len()
            + ex.group_months.len()
            + ex.studies.len()
            + ex.year_plans.len()
            + ex.year_summaries.len(),
        "branch, roster, templates, meetings, key tasks, group months, study records, the year's plan and summary"
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
            Some(zhibu::domain::meeting::MakeUpWay::SelfStudy),
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

#[test]
fn a_conflict_on_a_members_commitments_is_titled_by_the_member_and_the_field_never_by_its_id() {
    let secretary = secretary();
    let other = Phone::new("d-other");
    other
        .import(&secretary.package(Scope::Full), Choice::Local)
        .unwrap();
    let record = secretary.reopened().commitments[0].clone();
    let key = RecordKey::commitments_of(&record.id);
    let id = record.id.clone();
    save(&secretary, vec![key.clone()], {
        let id = id.clone();
        move |d| d.commitments_of_mut(&id).unwrap().public_opinion = "群众评价较好".into()
    });
    save(&other, vec![key], move |d| {
        d.commitments_of_mut(&id).unwrap().public_opinion = "群众反映积极".into()
    });
    belongs_to(&secretary, "m01");
    belongs_to(&other, "m10");
    let review = secretary
        .import(&other.package(Scope::Full), Choice::Local)
        .unwrap();
    assert_eq!(review.conflicts.len(), 1, "{:?}", review.conflicts);
    // Each side named by the person whose phone it is.
    let doc = secretary.reopened();
    let (mine, theirs) = (
        &doc.member("m01").unwrap().name,
        &doc.member("m10").unwrap().name,
    );
    assert_eq!(review.sides.0, format!("{mine}的手机（本机）"));
    assert!(
        review.sides.1.starts_with(&format!("{theirs}的手机，")) && review.sides.1.ends_with('日'),
        "{}",
        review.sides.1
    );
    let title = &review.conflicts[0].title;
    let name = secretary
        .reopened()
        .member(&record.member_id)
        .unwrap()
        .name
        .clone();
    assert!(title.starts_with(&format!("承诺践诺：{name} ")), "{title}");
    assert!(!title.contains(&record.id), "{title}");
    assert!(!title.contains("其他内容"), "{title}");
}

#[test]
fn clearing_the_example_names_what_the_member_added_and_can_be_undone() {
    use zhibu::app::undo::Undo;
    use zhibu::domain::meeting::MeetingKind;
    use zhibu::domain::sample::added_to_example;
    let phone = secretary();
    assert!(
        added_to_example(&phone.doc(), common::today()).is_empty(),
        "the example alone: nothing of the member's"
    );
    // The member tries the app on the example and records a real meeting.
    save(&phone, vec![RecordKey::meeting("mt-own-1")], |d| {
        let mut m = zhibu::domain::rules::recording::plan_meeting(
            "mt-own-1",
            MeetingKind::CommitteeMeeting,
            Default::default(),
            &[],
        );
        m.theme = "研究本支部换届筹备".into();
        d.meetings.push(m);
    });
    let added = added_to_example(&phone.doc(), common::today());
    assert_eq!(added, ["会议记录：研究本支部换届筹备"]);
    block_on(phone.core.clear_everything(true)).unwrap();
    assert_eq!(phone.reopened(), Document::default(), "cleared");
    assert!(phone.core.undo_on_offer().is_some(), "an undo is offered");
    assert_eq!(block_on(phone.core.undo(false)), Ok(Undo::Done));
    let back = phone.reopened();
    assert_eq!(
        back.meeting("mt-own-1").map(|m| m.theme.as_str()),
        Some("研究本支部换届筹备"),
        "the member's own meeting came back"
    );
    assert!(back.meeting("mt-ex-1").is_some());
}

#[test]
fn a_members_own_note_on_a_colleague_survives_the_secretarys_next_package() {
    let secretary = secretary();
    let member = Phone::new("d-m10");
    member
        .import(&secretary.package(Scope::Branch), Choice::Local)
        .unwrap();
    // The member's own note, private to their phone.
    save(&member, vec![RecordKey::Members], |d| {
        d.member_mut("m05").unwrap().note = "本人的备注：常驻外地项目".into()
    });
    // The secretary writes a note of their own on the same member and
    // moves them to another 党小组; the package drops the secretary's note.
    save(&secretary, vec![RecordKey::Members], |d| {
        let m = d.member_mut("m05").unwrap();
        m.note = "书记的备注".into();
        m.group_id = Some("g3".into());
    });
    let review = member
        .import(&secretary.package(Scope::Branch), Choice::Incoming)
        .unwrap();
    // Both phones changed 陈静's entry: asked, in words, about what differs
    // (the 党小组), never the same name side by side.
    assert_eq!(review.conflicts.len(), 1, "{:?}", review.conflicts);
    let asked = &review.conflicts[0];
    let name = member.doc().member("m05").unwrap().name.clone();
    assert_eq!(asked.title, format!("党员名册 · 党员：{name}"));
    assert!(
        asked.mine.contains("所属党小组：第二党小组"),
        "{}",
        asked.mine
    );
    assert!(
        asked.theirs.contains("所属党小组：第三党小组"),
        "{}",
        asked.theirs
    );
    assert!(!asked.theirs.contains("书记的备注"));
    let doc = member.reopened();
    let m = doc.member("m05").unwrap();
    assert_eq!(
        m.note, "本人的备注：常驻外地项目",
        "the member's note stays"
    );
    assert_eq!(
        m.group_id.as_deref(),
        Some("g3"),
        "the shared change arrives"
    );
    assert!(
        !serde_json::to_string(&doc).unwrap().contains("书记的备注"),
        "the secretary's note never travels"
    );
}

#[test]
fn the_branch_package_lists_the_roster_in_the_branchs_order_and_a_backup_as_stored() {
    let secretary = secretary();
    let stored: Vec<String> = secretary
        .doc()
        .members
        .iter()
        .map(|m| m.id.clone())
        .collect();
    let mut order = stored.clone();
    order.reverse();
    let ids = |scope: Scope| -> Vec<String> {
        let (_, text) = secretary.core.package_listing(
            scope,
            true,
            common::today(),
            "2026-12-01 10:00",
            &order,
        );
        common::ready(&text)
            .doc
            .members
            .iter()
            .map(|m| m.id.clone())
            .collect()
    };
    assert_eq!(ids(Scope::Branch), order, "the 支部资料包");
    assert_eq!(
        ids(Scope::Full),
        stored,
        "a full backup keeps the stored order"
    );
    // A new phone that joins with it keeps the order it received.
    let member = Phone::new("d-new");
    let (_, text) = secretary.core.package_listing(
        Scope::Branch,
        false,
        common::today(),
        "2026-12-01 10:00",
        &order,
    );
    member
        .import(&common::ready(&text), Choice::Incoming)
        .unwrap();
    let joined: Vec<String> = member
        .reopened()
        .members
        .iter()
        .map(|m| m.id.clone())
        .collect();
    assert_eq!(joined, order);
}
