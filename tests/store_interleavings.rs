//! Generated interleavings of two and three pages over one store: taps,
//! commits started and delivered in any order, messages from other pages
//! arriving late or not at all, and a store that fills up and empties.
//! Whatever the order, no tap is lost and none is applied twice: the store
//! ends as if every tap had been made one after the other, in the order
//! their commits went through.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::rc::Rc;

use common::{example, presence};
use proptest::prelude::*;
use zhibu::domain::meeting::Presence;
use zhibu::domain::rules::recording::set_presence;
use zhibu::domain::{Document, RecordKey};
use zhibu::format::record::rev_of;
use zhibu::store::db::{RecordDb, Txn, TxnOutcome};
use zhibu::store::loading::load;
use zhibu::store::session::{After, Session};
use zhibu::store::MemoryDb;

const MEETING: &str = "mt-ex-3";

/// The example's branch, roster and the one meeting the taps mark: every
/// other record would be stored and read again at every page opened in
/// each of the 2,000 cases without adding a case to them (with the whole
/// example, these two tests took nine minutes of a CI run).
fn stored_example() -> Document {
    let example = example();
    Document {
        branch: example.branch,
        members: example.members,
        meetings: example
            .meetings
            .into_iter()
            .filter(|m| m.id == MEETING)
            .collect(),
        ..Document::default()
    }
}

/// What a member does on one page.
#[derive(Clone, Debug)]
enum Tap {
    Mark(usize, Option<Presence>),
    Rename(u8),
}

impl Tap {
    fn key(&self) -> RecordKey {
        match self {
            Tap::Mark(..) => RecordKey::meeting(MEETING),
            Tap::Rename(_) => RecordKey::Branch,
        }
    }

    fn apply(&self, doc: &mut Document) {
        match self {
            Tap::Mark(i, status) => {
                let id = doc.members[*i].id.clone();
                if let Some(m) = doc.meeting_mut(MEETING) {
                    set_presence(m, &id, *status);
                }
            }
            Tap::Rename(n) => doc.branch.name = format!("支部{n}"),
        }
    }
}

#[derive(Clone, Debug)]
enum Step {
    Tap(usize, Tap),
    Begin(usize),
    Deliver(usize),
    /// The message of another page's commit reaches this page.
    Hear(usize),
    Full(bool),
}

fn step(pages: usize) -> impl Strategy<Value = Step> {
    let page = 0..pages;
    prop_oneof![
        4 => (page.clone(), 0usize..4, presence()).prop_map(|(p, m, s)| Step::Tap(p, Tap::Mark(m, s))),
        1 => (page.clone(), any::<u8>()).prop_map(|(p, n)| Step::Tap(p, Tap::Rename(n))),
        3 => page.clone().prop_map(Step::Begin),
        3 => page.clone().prop_map(Step::Deliver),
        2 => page.prop_map(Step::Hear),
        1 => any::<bool>().prop_map(Step::Full),
    ]
}

/// A page's session and the document it shows, stepped by hand: each
/// transaction is begun, delivered and finished where the generated steps
/// say, not by the app's commit loop.
struct Page {
    doc: Document,
    session: Session,
}

impl Page {
    /// Opens what `db` holds. The steps write nothing unreadable, so
    /// nothing may need setting aside.
    fn open(db: &MemoryDb, device: &str) -> Page {
        let loaded = load(&db.snapshot().unwrap());
        assert!(
            loaded.set_aside.is_empty(),
            "unreadable values: {:?}",
            loaded.set_aside
        );
        Page {
            session: Session::open(&loaded, device),
            doc: loaded.doc,
        }
    }

    fn edit(&mut self, keys: Vec<RecordKey>, op: impl Fn(&mut Document) + 'static) {
        self.session.edit(&mut self.doc, keys, Rc::new(op));
    }

    /// Begins a transaction if one is due, delivers it to `db` and finishes
    /// it; the outcome as the session read it.
    fn commit_once(&mut self, db: &mut MemoryDb) -> Option<After> {
        let txn = self.session.begin(&self.doc, 1)?;
        let outcome = db.commit(&txn);
        let (after, found) = self.session.finish(&mut self.doc, outcome);
        assert!(found.is_empty(), "unreadable values: {found:?}");
        Some(after)
    }
}

struct Harness {
    db: MemoryDb,
    pages: Vec<Page>,
    /// Each page's taps not yet stored, and how many of them are in the
    /// commit it started.
    waiting: Vec<Vec<Tap>>,
    sent: Vec<Option<(Txn, usize)>>,
    /// Taps in the order their commits went through.
    stored: Vec<Tap>,
}

impl Harness {
    fn new(pages: usize) -> Harness {
        let mut db = MemoryDb::new();
        let mut first = Page::open(&db, "setup");
        first.session.replace(&mut first.doc, stored_example());
        assert_eq!(first.commit_once(&mut db), Some(After::Saved));
        assert!(!first.session.has_unsaved());
        let pages = (0..pages)
            .map(|i| Page::open(&db, &format!("tab{i}")))
            .collect();
        Harness {
            db,
            waiting: vec![Vec::new(); 3],
            sent: vec![None, None, None],
            pages,
            stored: Vec::new(),
        }
    }

    fn run(&mut self, step: &Step) {
        match step {
            Step::Tap(p, tap) => {
                let t = tap.clone();
                self.pages[*p].edit(vec![tap.key()], move |d| t.apply(d));
                self.waiting[*p].push(tap.clone());
            }
            Step::Begin(p) => {
                if self.sent[*p].is_none() {
                    let page = &mut self.pages[*p];
                    if let Some(txn) = page.session.begin(&page.doc, 1) {
                        self.sent[*p] = Some((txn, self.waiting[*p].len()));
                    }
                }
            }
            Step::Deliver(p) => {
                if let Some((txn, n)) = self.sent[*p].take() {
                    let outcome = self.db.commit(&txn);
                    if matches!(outcome, TxnOutcome::Committed(_)) {
                        self.stored.extend(self.waiting[*p].drain(..n));
                    }
                    let page = &mut self.pages[*p];
                    let (after, found) = page.session.finish(&mut page.doc, outcome);
                    assert!(found.is_empty(), "unreadable values: {found:?}");
                    assert!(
                        !matches!(after, After::ReadOnly(_) | After::Cleared),
                        "{after:?}"
                    );
                }
            }
            Step::Hear(p) => self.hear(*p),
            Step::Full(full) => self.db.full = *full,
        }
    }

    fn hear(&mut self, p: usize) {
        let keys = [RecordKey::meeting(MEETING), RecordKey::Branch];
        let raws = self.db.read(&keys).unwrap();
        let announced: Vec<(RecordKey, u64, Option<String>)> = keys
            .iter()
            .zip(raws)
            .map(|(k, raw)| (k.clone(), raw.as_deref().and_then(rev_of).unwrap_or(0), raw))
            .collect();
        let page = &mut self.pages[p];
        let found = page.session.absorb(&mut page.doc, announced);
        assert!(found.is_empty(), "unreadable values: {found:?}");
    }

    /// Every page commits what it still has and hears the others.
    fn settle(&mut self) {
        self.db.full = false;
        for _ in 0..10 {
            for p in 0..self.pages.len() {
                self.run(&Step::Deliver(p));
                self.run(&Step::Begin(p));
                self.run(&Step::Deliver(p));
                self.hear(p);
            }
        }
    }
}

fn check(pages: usize, steps: Vec<Step>) {
    let mut h = Harness::new(pages);
    for s in &steps {
        h.run(s);
    }
    h.settle();
    for (p, waiting) in h.waiting.iter().enumerate() {
        assert!(
            waiting.is_empty(),
            "page {p} still has taps waiting: {waiting:?}"
        );
        assert!(!h
            .pages
            .get(p)
            .is_some_and(|page| page.session.has_unsaved()));
    }
    let mut expected = stored_example();
    for tap in &h.stored {
        tap.apply(&mut expected);
    }
    let stored = Page::open(&h.db, "check").doc;
    assert_eq!(stored.meeting(MEETING), expected.meeting(MEETING));
    assert_eq!(stored.branch.name, expected.branch.name);
    for page in &h.pages {
        assert_eq!(page.doc, stored, "every page shows what is stored");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn two_pages_never_lose_a_tap(steps in prop::collection::vec(step(2), 1..60)) {
        check(2, steps);
    }

    #[test]
    fn three_pages_never_lose_a_tap(steps in prop::collection::vec(step(3), 1..60)) {
        check(3, steps);
    }
}

#[test]
fn a_tap_made_while_a_commit_is_under_way_goes_with_the_next_one() {
    let mut h = Harness::new(1);
    h.run(&Step::Tap(0, Tap::Mark(0, Some(Presence::Present))));
    h.run(&Step::Begin(0));
    h.run(&Step::Tap(0, Tap::Mark(1, Some(Presence::Leave))));
    h.run(&Step::Deliver(0));
    assert_eq!(h.stored.len(), 1);
    assert!(h.pages[0].session.has_unsaved());
    h.settle();
    assert_eq!(h.stored.len(), 2);
}
