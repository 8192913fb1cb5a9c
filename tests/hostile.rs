//! Packages that arrive forged, twice, out of order or from another branch,
//! and the undo that must take back exactly the import: what hostile
//! testing of the exchange between phones found, each as a test that
//! failed before its fix.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{ready, today, Phone};
use serde_json::{json, Value};
use zhibu::domain::{Document, RecordKey, Scope};
use zhibu::format::checksum::checksum;
use zhibu::store::merge::{Choice, MAX_WRITES};

/// The package `phone` makes, as its file text.
fn package_text(phone: &Phone, scope: Scope) -> String {
    phone
        .core
        .package(scope, true, today(), "2026-12-01 10:00")
        .1
}

/// A package whose record clocks someone changed by hand (and whose clock
/// checksum they recomputed, as anyone can).
fn forged(text: &str, change: impl Fn(&mut Value)) -> String {
    let mut envelope: Value = serde_json::from_str(text).unwrap();
    change(&mut envelope["clocks"]);
    envelope["clocks_checksum"] = Value::String(checksum(&envelope["clocks"]));
    envelope.to_string()
}

/// A member's phone holding the branch package, with minutes of its own.
fn member_with_minutes() -> (Phone, Phone, String) {
    member_writing_minutes("本机记录的纪要")
}

/// The secretary's phone, a member's phone that imported its branch
/// package, and the first meeting there.
fn imported() -> (Phone, Phone, String) {
    let secretary = Phone::with_example("d-secretary");
    let member = Phone::new("d-m10");
    member
        .import(&secretary.package(Scope::Branch), Choice::Local)
        .unwrap();
    let meeting = member.doc().meetings[0].id.clone();
    (secretary, member, meeting)
}

/// As `imported`, with the meeting's minutes written on the member's phone
/// as `minutes`.
fn member_writing_minutes(minutes: &'static str) -> (Phone, Phone, String) {
    let (secretary, member, meeting) = imported();
    let id = meeting.clone();
    member.save(vec![RecordKey::meeting(&meeting)], move |d| {
        d.meeting_mut(&id).unwrap().minutes = minutes.into()
    });
    (secretary, member, meeting)
}

#[test]
fn a_package_claiming_more_of_this_phones_writes_than_it_made_does_not_win() {
    let (secretary, member, meeting) = member_with_minutes();
    // The secretary's older copy, with the member's own counter raised to
    // the largest number there is, as if it had seen every later write.
    let text = forged(&package_text(&secretary, Scope::Branch), |clocks| {
        let clock = &mut clocks[format!("meeting/{meeting}")];
        clock["v"]["d-m10"] = json!(u64::MAX);
    });
    let review = member.import(&ready(&text), Choice::Incoming).unwrap();
    assert_eq!(
        review.plan.refused.len(),
        1,
        "the forged record is named, the rest of the package is read"
    );
    assert_eq!(
        member.doc().meeting(&meeting).unwrap().minutes,
        "本机记录的纪要"
    );
    // And the phone's own next write still counts up, never wraps.
    let id = meeting.clone();
    member.save(vec![RecordKey::meeting(&meeting)], move |d| {
        d.meeting_mut(&id).unwrap().minutes = "再改一次".into()
    });
    let clock = member.core.clocks()[&RecordKey::meeting(&meeting)].clone();
    assert!(clock.versions["d-m10"] < MAX_WRITES);
}

#[test]
fn a_package_with_counts_no_phone_reaches_is_refused_record_by_record() {
    let (secretary, member, meeting) = member_with_minutes();
    let text = forged(&package_text(&secretary, Scope::Branch), |clocks| {
        let clock = &mut clocks[format!("meeting/{meeting}")];
        clock["v"]["d-unknown"] = json!(MAX_WRITES + 1);
        clock["b"] = json!(["d-unknown", MAX_WRITES + 1]);
    });
    let review = member.import(&ready(&text), Choice::Incoming).unwrap();
    assert_eq!(review.plan.refused[0].0, format!("meeting/{meeting}"));
    assert_eq!(
        member.doc().meeting(&meeting).unwrap().minutes,
        "本机记录的纪要"
    );
}

#[test]
fn importing_the_same_package_twice_changes_nothing_the_second_time() {
    let secretary = Phone::with_example("d-secretary");
    let member = Phone::new("d-m10");
    let package = secretary.package(Scope::Branch);
    member.import(&package, Choice::Local).unwrap();
    let once = member.reopened();
    let clocks = member.core.clocks();
    let again = member.import(&package, Choice::Local).unwrap();
    assert!(again.nothing);
    assert_eq!(member.reopened(), once);
    assert_eq!(member.core.clocks(), clocks);
}

#[test]
fn a_package_of_a_branch_without_a_name_is_asked_about_like_another_branch() {
    let secretary = Phone::with_example("d-secretary");
    let stranger = Phone::new("d-stranger");
    let mut doc: Document = secretary.doc();
    doc.branch.name = "  ".into();
    stranger.replace(doc).unwrap();
    let review = secretary.review(&stranger.package(Scope::Full));
    assert!(
        review.other_branch.is_some(),
        "a branch with no name cannot be told to be this one"
    );
}

/// Deletes a meeting on a phone, as the meeting screen's 删除 does.
fn delete_meeting(phone: &Phone, id: &str) {
    let owned = id.to_string();
    let heard = phone.save(vec![RecordKey::meeting(id)], move |d| {
        d.meetings.retain(|m| m.id != owned)
    });
    assert!(heard.contains(&zhibu::app::Event::Saved), "{heard:?}");
}

#[test]
fn a_meeting_deleted_on_the_secretarys_phone_is_deleted_on_a_members_with_the_next_package() {
    let (secretary, member, _) = imported();
    let meeting = secretary.doc().meetings[0].id.clone();
    delete_meeting(&secretary, &meeting);
    assert!(
        secretary.reopened().meeting(&meeting).is_none(),
        "deleted after a reload too"
    );
    let review = member
        .import(&secretary.package(Scope::Branch), Choice::Local)
        .unwrap();
    assert_eq!(review.counts.deleted, 1);
    assert!(member.doc().meeting(&meeting).is_none());
    assert!(member.reopened().meeting(&meeting).is_none());
}

#[test]
fn an_older_package_never_brings_a_deleted_meeting_back() {
    let secretary = Phone::with_example("d-secretary");
    let member = Phone::new("d-m10");
    let older = secretary.package(Scope::Branch);
    member.import(&older, Choice::Local).unwrap();
    let meeting = member.doc().meetings[0].id.clone();
    delete_meeting(&member, &meeting);
    // The same old package, or a full backup made before the deletion.
    let review = member.import(&older, Choice::Incoming).unwrap();
    assert_eq!(review.counts.added, 0, "nothing comes back");
    assert!(member.reopened().meeting(&meeting).is_none());
    member
        .import(&secretary.package(Scope::Full), Choice::Incoming)
        .unwrap();
    assert!(member.reopened().meeting(&meeting).is_none());
    // And the member's deletion reaches the secretary.
    member.core.update_device(|d| d.me = Some("m10".into()));
    let returned = member.package(Scope::Return);
    let review = secretary.import(&returned, Choice::Local).unwrap();
    assert_eq!(review.counts.deleted, 1);
    assert!(secretary.reopened().meeting(&meeting).is_none());
}

#[test]
fn a_meeting_deleted_on_one_phone_and_edited_on_another_is_asked_about() {
    for (choice, kept) in [(Choice::Local, true), (Choice::Incoming, false)] {
        let (secretary, member, meeting) = member_writing_minutes("小组长补记的纪要");
        delete_meeting(&secretary, &meeting);
        let review = member.review(&secretary.package(Scope::Branch));
        assert_eq!(review.conflicts.len(), 1, "{:?}", review.conflicts);
        let conflict = &review.conflicts[0];
        assert!(conflict.theirs.contains("删除"), "{conflict:?}");
        assert!(conflict.mine.contains("小组长补记的纪要"), "{conflict:?}");
        member
            .import(&secretary.package(Scope::Branch), choice)
            .unwrap();
        assert_eq!(member.reopened().meeting(&meeting).is_some(), kept);
        // Whichever was chosen wins when the two phones meet again.
        member.core.update_device(|d| d.me = Some("m10".into()));
        secretary
            .import(&member.package(Scope::Return), Choice::Local)
            .unwrap();
        assert_eq!(secretary.reopened().meeting(&meeting).is_some(), kept);
    }
}

mod undo {
    use super::*;
    use common::block_on;
    use zhibu::app::undo::Undo;

    #[test]
    fn undo_after_later_work_names_what_else_it_takes_back_and_asks() {
        let (_, member, meeting) = imported();
        let before_import = Phone::new("d-fresh").doc();
        // Later work on a record the import wrote: a tap and minutes.
        let id = meeting.clone();
        member.save(vec![RecordKey::meeting(&meeting)], move |d| {
            d.meeting_mut(&id).unwrap().minutes = "导入后写的纪要".into()
        });
        let asked = block_on(member.core.undo(false)).unwrap();
        let Undo::Ask(named) = asked else {
            panic!("the later minutes would go without a word: {asked:?}");
        };
        assert_eq!(named.len(), 1, "{named:?}");
        assert!(named[0].contains("会议记录"), "{named:?}");
        assert_eq!(
            member.doc().meeting(&meeting).unwrap().minutes,
            "导入后写的纪要",
            "nothing changes until the member says so"
        );
        assert_eq!(block_on(member.core.undo(true)), Ok(Undo::Done));
        assert_eq!(member.reopened(), before_import);
    }

    #[test]
    fn an_undone_package_can_be_imported_again_and_own_work_stays_own() {
        let (secretary, member, meeting) = imported();
        assert_eq!(block_on(member.core.undo(false)), Ok(Undo::Done));
        assert!(member.reopened().meetings.is_empty());
        // The same package again: taken, not "本机已是最新".
        let again = member
            .import(&secretary.package(Scope::Branch), Choice::Local)
            .unwrap();
        assert!(!again.nothing);
        assert!(member.reopened().meeting(&meeting).is_some());
        // The member's own tap after that, and the secretary's next full
        // backup: the tap stays.
        let id = meeting.clone();
        member.save(vec![RecordKey::meeting(&meeting)], move |d| {
            d.meeting_mut(&id).unwrap().remarks = "本机的备注".into()
        });
        member
            .import(&secretary.package(Scope::Full), Choice::Incoming)
            .unwrap();
        assert_eq!(
            member.reopened().meeting(&meeting).unwrap().remarks,
            "本机的备注"
        );
    }

    #[test]
    fn a_refused_import_leaves_the_earlier_undo_in_place() {
        let (secretary, member, meeting) = imported();
        let offered = member.core.undo_on_offer();
        assert!(offered.is_some());
        // Another import, on a full store: refused, and the earlier undo is
        // still the one offered, and still works.
        let id = meeting.clone();
        secretary.save(vec![RecordKey::meeting(&meeting)], move |d| {
            d.meeting_mut(&id).unwrap().remarks = "书记后来补的".into()
        });
        member.store.with_db(|db| db.full = true);
        assert!(member
            .import(&secretary.package(Scope::Branch), Choice::Local)
            .is_err());
        member.store.with_db(|db| db.full = false);
        assert_eq!(member.core.undo_on_offer(), offered);
        assert_eq!(block_on(member.core.undo(false)), Ok(Undo::Done));
        assert!(member.reopened().meetings.is_empty());
    }
}
