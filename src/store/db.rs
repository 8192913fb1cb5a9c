//! What the store asks of the place records live: read everything, read a
//! few records, and commit a transaction that writes some records only if
//! nobody wrote them since this page read them. IndexedDB does this in the
//! browser (`crate::browser::record_db`); `KvDb` does it over localStorage
//! where IndexedDB is missing, and in native tests.
//!
//! The decision inside a transaction is the pure function `decide`, so
//! every backend commits by the same rule.

use serde::{Deserialize, Serialize};

use super::kv::StorageError;
use super::quarantine::Quarantined;
use crate::domain::document::RecordKey;
use crate::domain::SCHEMA_VERSION;
use crate::format::clock::Clock;
use crate::format::record::{rev_of, seal};

pub const HEAD_FORMAT: &str = "zhibu.store";

/// The store's own record: which layout and schema wrote it, and a
/// revision that grows with every commit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Head {
    pub format: String,
    pub schema_version: u32,
    pub rev: u64,
}

impl Head {
    pub fn parse(raw: &str) -> Option<Head> {
        serde_json::from_str::<Head>(raw)
            .ok()
            .filter(|h| h.format == HEAD_FORMAT)
    }

    pub fn next(rev: u64) -> String {
        serde_json::to_string(&Head {
            format: HEAD_FORMAT.into(),
            schema_version: SCHEMA_VERSION,
            rev,
        })
        .unwrap_or_default()
    }
}

/// One stored value, with the storage key it was found under (for the
/// recovery screen and for moving it aside).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub key: RecordKey,
    pub origin: String,
    pub raw: String,
}

/// Everything stored, as read at start-up.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snapshot {
    /// (storage key, text) of the head.
    pub head: Option<(String, String)>,
    pub records: Vec<Found>,
    /// Values under this app's keys that are not readable records: a torn
    /// slot, a key of an unknown shape. (origin, label, reason, raw)
    pub unreadable: Vec<(String, String, String, String)>,
    /// What was set aside earlier, still waiting for the user.
    pub quarantined: Vec<(String, Quarantined)>,
}

/// What a write expects to find.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// The record at this revision (0: not stored yet).
    Rev(u64),
    /// Whatever is there: a whole import replaces it.
    Any,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Write {
    pub key: RecordKey,
    pub expect: Expect,
    /// The data as JSON text; `None` deletes the record.
    pub data: Option<String>,
    /// The record's history after this write, sealed with it.
    pub clock: Clock,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Txn {
    pub writes: Vec<Write>,
    /// Records stored but not written here are deleted (an import).
    pub replace_all: bool,
    /// All or nothing, awaited by the page (a replace, a merged import).
    pub atomic: bool,
    /// The page has seen a store with data: finding none means it was
    /// cleared under the page.
    pub expect_store: bool,
    /// Who writes and when, sealed into each record.
    pub by: String,
    pub at: u64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TxnOutcome {
    /// Every write is stored; the new revision of each written record.
    Committed(Vec<(RecordKey, u64)>),
    /// Another page wrote some of these records first. Nothing was
    /// written; here is what is stored now for every record of the
    /// transaction.
    Conflict(Vec<(RecordKey, Option<String>)>),
    /// The store was emptied under the page (site data cleared).
    Cleared,
    /// The store is from a newer version, or must not be written.
    ReadOnly(String),
    Failed(StorageError),
}

/// What a transaction will put, once `decide` allowed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Puts {
    /// (key, sealed text or `None` to delete, new revision)
    pub records: Vec<(RecordKey, Option<String>, u64)>,
    pub head: String,
}

/// The rule of every commit, run inside the transaction on what is stored
/// now: the head, and the stored text of each record the transaction
/// writes (in the order of its writes).
pub fn decide(
    txn: &Txn,
    head: Option<&str>,
    stored: &[Option<String>],
) -> Result<Puts, TxnOutcome> {
    let head = head.map(|raw| Head::parse(raw).ok_or(raw));
    let head_rev = match &head {
        Some(Ok(h)) if h.schema_version > SCHEMA_VERSION => {
            return Err(TxnOutcome::ReadOnly(newer_version_message(
                h.schema_version,
            )))
        }
        Some(Ok(h)) => h.rev,
        // An unreadable head was set aside at start-up; a new one is written.
        Some(Err(_)) => 0,
        None if txn.expect_store && !txn.replace_all => return Err(TxnOutcome::Cleared),
        None => 0,
    };
    let stored_revs: Vec<u64> = stored
        .iter()
        .map(|raw| raw.as_deref().and_then(rev_of).unwrap_or(0))
        .collect();
    let conflict = txn
        .writes
        .iter()
        .zip(&stored_revs)
        .any(|(w, rev)| matches!(w.expect, Expect::Rev(want) if want != *rev));
    if conflict {
        return Err(TxnOutcome::Conflict(
            txn.writes
                .iter()
                .zip(stored)
                .map(|(w, raw)| (w.key.clone(), raw.clone()))
                .collect(),
        ));
    }
    let records = txn
        .writes
        .iter()
        .zip(&stored_revs)
        .map(|(w, rev)| {
            let next = rev + 1;
            let sealed = w
                .data
                .as_deref()
                .map(|data| seal(SCHEMA_VERSION, next, &txn.by, txn.at, &w.clock, data));
            (w.key.clone(), sealed, next)
        })
        .collect();
    Ok(Puts {
        records,
        head: Head::next(head_rev + 1),
    })
}

pub fn newer_version_message(version: u32) -> String {
    format!(
        "本机数据由更新版本的支部工作手册保存（数据版本 {version}），请刷新或升级到最新版本；为保护数据，本页不会写入。"
    )
}

/// A backend that answers at once: `KvDb` over localStorage, and the
/// native tests. IndexedDB offers the same operations asynchronously.
pub trait RecordDb {
    fn snapshot(&self) -> Result<Snapshot, StorageError>;
    /// The stored text of these records now.
    fn read(&self, keys: &[RecordKey]) -> Result<Vec<Option<String>>, StorageError>;
    fn commit(&mut self, txn: &Txn) -> TxnOutcome;
    /// Keeps values aside under their quarantine names and deletes their
    /// originals, all or nothing.
    fn set_aside(&mut self, moves: &[(String, Quarantined)]) -> Result<(), StorageError>;
    fn discard_quarantined(&mut self, name: &str) -> Result<(), StorageError>;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn txn(writes: Vec<Write>) -> Txn {
        Txn {
            writes,
            replace_all: false,
            atomic: false,
            expect_store: true,
            by: "d".into(),
            at: 1,
        }
    }

    fn write(key: RecordKey, expect: Expect) -> Write {
        Write {
            key,
            expect,
            data: Some("{}".into()),
            clock: Clock::default(),
        }
    }

    #[test]
    fn a_write_at_the_stored_revision_goes_through_and_moves_it_on() {
        let head = Head::next(4);
        let stored = seal(SCHEMA_VERSION, 2, "d", 0, &Clock::default(), "{}");
        let puts = decide(
            &txn(vec![write(RecordKey::Branch, Expect::Rev(2))]),
            Some(&head),
            &[Some(stored)],
        )
        .unwrap();
        assert_eq!(puts.records[0].2, 3);
        assert_eq!(Head::parse(&puts.head).unwrap().rev, 5);
        assert_eq!(rev_of(puts.records[0].1.as_deref().unwrap()), Some(3));
    }

    #[test]
    fn a_write_over_a_newer_record_is_a_conflict_with_what_is_stored() {
        let stored = seal(
            SCHEMA_VERSION,
            3,
            "other",
            0,
            &Clock::default(),
            r#"{"x":1}"#,
        );
        let outcome = decide(
            &txn(vec![
                write(RecordKey::Branch, Expect::Rev(2)),
                write(RecordKey::Members, Expect::Rev(0)),
            ]),
            Some(&Head::next(9)),
            &[Some(stored.clone()), None],
        )
        .unwrap_err();
        assert_eq!(
            outcome,
            TxnOutcome::Conflict(vec![
                (RecordKey::Branch, Some(stored)),
                (RecordKey::Members, None)
            ])
        );
    }

    #[test]
    fn a_missing_head_means_cleared_storage_for_a_page_that_saw_data() {
        let t = txn(vec![write(RecordKey::Branch, Expect::Rev(2))]);
        assert_eq!(decide(&t, None, &[None]), Err(TxnOutcome::Cleared));
        let first = Txn {
            expect_store: false,
            ..txn(vec![write(RecordKey::Branch, Expect::Rev(0))])
        };
        assert!(decide(&first, None, &[None]).is_ok());
    }

    #[test]
    fn a_newer_schema_is_never_written_over() {
        let head = serde_json::json!({"format": HEAD_FORMAT, "schema_version": SCHEMA_VERSION + 1, "rev": 1});
        let outcome = decide(
            &txn(vec![write(RecordKey::Branch, Expect::Any)]),
            Some(&head.to_string()),
            &[None],
        );
        assert!(matches!(outcome, Err(TxnOutcome::ReadOnly(m)) if m.contains("请刷新或升级")));
    }

    #[test]
    fn an_import_writes_over_whatever_is_stored() {
        let stored = seal(SCHEMA_VERSION, 7, "other", 0, &Clock::default(), "{}");
        let t = Txn {
            replace_all: true,
            ..txn(vec![write(RecordKey::Branch, Expect::Any)])
        };
        let puts = decide(&t, Some(&Head::next(1)), &[Some(stored)]).unwrap();
        assert_eq!(puts.records[0].2, 8);
    }
}
