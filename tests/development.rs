//! 发展党员 paths between phones. A path stays on the phone that keeps it;
//! a vote put from a path names it only where the path goes too (a full
//! backup made with what is private). A member's phone never sees the
//! link, and the member's return of that meeting leaves the secretary's
//! link as it was.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{ready, today, Phone};
use zhibu::app::Event;
use zhibu::domain::{Document, RecordKey, Scope};
use zhibu::store::merge::Choice;

/// A meeting of the example whose vote names a path: (meeting, vote, path).
fn linked_vote(doc: &Document) -> (String, String, String) {
    doc.meetings
        .iter()
        .find_map(|m| {
            m.votes
                .iter()
                .find_map(|v| Some((m.id.clone(), v.id.clone(), v.applicant_id.clone()?)))
        })
        .unwrap()
}

fn names_a_path(doc: &Document) -> bool {
    doc.meetings
        .iter()
        .flat_map(|m| &m.votes)
        .any(|v| v.applicant_id.is_some())
}

#[test]
fn a_vote_names_its_path_only_where_the_path_goes_and_a_members_return_keeps_the_link() {
    let secretary = Phone::with_example("d-secretary");
    let (meeting_id, vote_id, applicant_id) = linked_vote(&secretary.doc());

    let full = secretary.package(Scope::Full);
    assert!(names_a_path(&full.doc) && !full.doc.applicants.is_empty());
    let (_, text) = secretary
        .core
        .package(Scope::Full, false, today(), "2026-12-01 10:00");
    let without_private = ready(&text);
    assert!(!names_a_path(&without_private.doc) && without_private.doc.applicants.is_empty());
    let branch = secretary.package(Scope::Branch);
    assert!(!names_a_path(&branch.doc) && branch.doc.applicants.is_empty());

    // 朱婷 (m14) takes the 支部资料包 and adds a remark to that meeting.
    let member = Phone::new("d-m14");
    member.import(&branch, Choice::Local).unwrap();
    member.core.update_device(|d| d.me = Some("m14".into()));
    assert!(!names_a_path(&member.doc()));
    let id = meeting_id.clone();
    let heard = member.save(vec![RecordKey::meeting(&meeting_id)], move |d| {
        d.meeting_mut(&id).unwrap().remarks = "会后补充：书面意见已存档。".into();
    });
    assert!(heard.contains(&Event::Saved), "{heard:?}");
    let back = member.package(Scope::Return);
    assert!(back.doc.meeting(&meeting_id).is_some());

    let review = secretary.import(&back, Choice::Local).unwrap();
    assert_eq!(review.counts.conflicts, 0, "{:?}", review.conflicts);
    let doc = secretary.reopened();
    let meeting = doc.meeting(&meeting_id).unwrap();
    assert_eq!(meeting.remarks, "会后补充：书面意见已存档。");
    let vote = meeting.votes.iter().find(|v| v.id == vote_id).unwrap();
    assert_eq!(vote.applicant_id.as_deref(), Some(applicant_id.as_str()));
}
