//! Helpers shared by the native integration tests.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly
#![allow(dead_code)]

use std::rc::Rc;

use chrono::NaiveDate;
use zhibu::domain::roster::member_named;
use zhibu::domain::sample::example_document;
use zhibu::domain::{Document, Member};
use zhibu::store::db::RecordDb;
use zhibu::store::loading::load;
use zhibu::store::session::{After, Op, Session};
use zhibu::store::RecordKey;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

pub fn example() -> Document {
    example_document(today())
}

pub fn member(id: &str, name: &str) -> Member {
    Member {
        joined_on: None,
        ..member_named(id.into(), name.into(), today())
    }
}

/// A page of the app over a record store, driven synchronously: what the
/// browser does with IndexedDB, one step at a time.
pub struct Page {
    pub doc: Document,
    pub session: Session,
    pub set_aside: usize,
}

impl Page {
    /// Opens what `db` holds, keeping unreadable values aside as the app does.
    pub fn open(db: &mut impl RecordDb, device: &str) -> Page {
        let loaded = load(&db.snapshot().unwrap());
        let mut session = Session::open(&loaded, device);
        let set_aside = loaded.set_aside.len();
        if !loaded.set_aside.is_empty() {
            if let Err(e) = db.set_aside(&loaded.set_aside) {
                session.set_read_only(e.message());
            }
        }
        Page {
            doc: loaded.doc,
            session,
            set_aside,
        }
    }

    pub fn edit(&mut self, keys: Vec<RecordKey>, op: impl Fn(&mut Document) + 'static) {
        let op: Op = Rc::new(op);
        self.session.edit(&mut self.doc, keys, op);
    }

    pub fn replace(&mut self, new: Document) {
        self.session.replace(&mut self.doc, new);
    }

    /// Commits until everything is stored or a commit fails; the last
    /// outcome.
    pub fn commit(&mut self, db: &mut impl RecordDb) -> After {
        let mut last = After::Saved;
        while let Some(txn) = self.session.begin(&self.doc, 1) {
            let outcome = db.commit(&txn);
            let (after, found) = self.session.finish(&mut self.doc, outcome);
            if !found.is_empty() {
                let moves: Vec<_> = found
                    .iter()
                    .map(|q| (q.original_key.clone(), q.clone()))
                    .collect();
                db.set_aside(&moves).unwrap();
            }
            last = after.clone();
            match after {
                After::Saved | After::Retry | After::Cleared => {}
                _ => break,
            }
        }
        last
    }

    /// Edits and commits at once.
    pub fn save(
        &mut self,
        db: &mut impl RecordDb,
        keys: Vec<RecordKey>,
        op: impl Fn(&mut Document) + 'static,
    ) -> After {
        self.edit(keys, op);
        self.commit(db)
    }
}
