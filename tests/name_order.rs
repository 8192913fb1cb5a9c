//! The branch's order of names travels with its data: the secretary's own
//! order (自定义顺序) survives a full backup restored on a new phone and a
//! merge into a phone that had the branch's data before the names moved,
//! so every phone lists and prints the same order.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::Phone;
use zhibu::app::Backend;
use zhibu::domain::name_order::NameOrder;
use zhibu::domain::roster::{display_order, move_in_own_order};
use zhibu::domain::{Document, RecordKey, Scope};
use zhibu::store::merge::Choice;

fn listed(doc: &Document) -> Vec<String> {
    display_order(&doc.branch, &doc.members)
        .into_iter()
        .filter(|m| m.is_active())
        .map(|m| m.name.clone())
        .collect()
}

/// The secretary lists names in their own order and moves the last name
/// to the top, as on the roster screen.
fn own_order_with_the_last_name_first<B: Backend>(phone: &Phone<B>) -> Vec<String> {
    phone.save(vec![RecordKey::Branch], |d| {
        d.branch.name_order = NameOrder::Own
    });
    let pasted = listed(&phone.doc());
    phone.save(vec![RecordKey::Branch], |d| {
        let last = display_order(&d.branch, &d.members)
            .into_iter()
            .rfind(|m| m.is_active())
            .map(|m| m.id.clone())
            .unwrap();
        let members = d.members.clone();
        for _ in 0..members.len() {
            move_in_own_order(&mut d.branch, &members, &last, true);
        }
    });
    let after = listed(&phone.doc());
    let (last, others) = pasted.split_last().unwrap();
    assert_eq!(after[0], *last, "the last name moved to the top");
    assert_eq!(after[1..], *others, "the others kept their order");
    after
}

#[test]
fn the_own_order_is_kept_across_a_backup_restored_on_a_new_phone() {
    let secretary = Phone::with_example("d-secretary");
    let order = own_order_with_the_last_name_first(&secretary);
    let fresh = Phone::new("d-new");
    fresh
        .import(&secretary.package(Scope::Full), Choice::Local)
        .unwrap();
    assert_eq!(listed(&fresh.reopened()), order);
}

#[test]
fn the_own_order_reaches_a_phone_that_had_the_branch_before_by_a_merge() {
    let secretary = Phone::with_example("d-secretary");
    let member = Phone::new("d-member");
    member
        .import(&secretary.package(Scope::Branch), Choice::Local)
        .unwrap();
    assert_eq!(listed(&member.reopened()), listed(&secretary.doc()));
    let order = own_order_with_the_last_name_first(&secretary);
    let review = member
        .import(&secretary.package(Scope::Branch), Choice::Local)
        .unwrap();
    assert_eq!(review.counts.conflicts, 0, "only the secretary moved names");
    assert_eq!(listed(&member.reopened()), order);
}

#[test]
fn switching_back_to_strokes_keeps_the_own_order_for_later() {
    let secretary = Phone::with_example("d-secretary");
    let order = own_order_with_the_last_name_first(&secretary);
    secretary.save(vec![RecordKey::Branch], |d| {
        d.branch.name_order = NameOrder::Strokes
    });
    assert_ne!(listed(&secretary.reopened()), order);
    secretary.save(vec![RecordKey::Branch], |d| {
        d.branch.name_order = NameOrder::Own
    });
    assert_eq!(listed(&secretary.reopened()), order);
}
