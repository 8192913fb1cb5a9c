//! The write-ahead journal: every edit is written to a small synchronous
//! store (localStorage) before the IndexedDB commit that stores it is even
//! started, so a page closed or reloaded in between loses nothing. At the
//! next start the journal is replayed: an entry whose record is still at
//! the revision it was made on is written; one whose record moved on since
//! is kept aside for the user instead of being written over it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::db::{Expect, Txn, Write};
use super::quarantine::Quarantined;
use crate::domain::document::RecordKey;
use crate::format::record::unseal;

/// Prefix of the journal keys in localStorage, one per page.
pub const JOURNAL_PREFIX: &str = "zhibu.journal.";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalEntry {
    /// The record's storage name (`meeting/mt-1`).
    pub key: String,
    /// The stored revision the edits were made on.
    pub base_rev: u64,
    /// The record with the edits, as JSON text; `None`: deleted.
    pub data: Option<String>,
}

/// One page's journal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Journal {
    pub tab: String,
    /// When it was written, in milliseconds since the epoch.
    pub at: u64,
    pub entries: Vec<JournalEntry>,
}

/// What replaying journals at start-up does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Replay {
    pub txn: Option<Txn>,
    /// Edits that another page's later save overtook: kept for the user.
    pub set_aside: Vec<Quarantined>,
}

/// The records a set of journals names, to be read before planning.
pub fn keys(journals: &[Journal]) -> Vec<RecordKey> {
    let mut keys: Vec<RecordKey> = Vec::new();
    for entry in journals.iter().flat_map(|j| &j.entries) {
        if let Some(key) = RecordKey::from_name(&entry.key) {
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
    }
    keys
}

/// Plans the replay of `journals` (oldest first) against what is stored
/// now for their records.
pub fn plan(
    journals: &[Journal],
    stored: &BTreeMap<RecordKey, Option<String>>,
    by: &str,
    at: u64,
) -> Replay {
    let mut writes: Vec<Write> = Vec::new();
    let mut set_aside = Vec::new();
    let mut sorted: Vec<&Journal> = journals.iter().collect();
    sorted.sort_by_key(|j| j.at);
    for entry in sorted.into_iter().flat_map(|j| &j.entries) {
        let Some(key) = RecordKey::from_name(&entry.key) else {
            continue;
        };
        let raw = stored.get(&key).cloned().flatten();
        let stored_record = raw.as_deref().and_then(|r| unseal(r).ok());
        let stored_rev = stored_record.as_ref().map_or(0, |r| r.rev);
        let stored_clock = stored_record
            .as_ref()
            .map(|r| r.clock.clone())
            .unwrap_or_default();
        let stored_data = stored_record.map(|r| r.data);
        if stored_data == entry.data {
            continue;
        }
        let json = |text: &Option<String>| {
            text.as_deref()
                .and_then(|t| serde_json::from_str::<serde_json::Value>(t).ok())
        };
        let clock =
            stored_clock.after_write(by, json(&stored_data).as_ref(), json(&entry.data).as_ref());
        let already = writes.iter().position(|w| w.key == key);
        if stored_rev == entry.base_rev {
            match already {
                // A later page's journal for the same record: one of the two
                // is kept aside rather than both written.
                Some(_) => set_aside.push(overtaken(entry, &key)),
                None => writes.push(Write {
                    key,
                    expect: Expect::Rev(stored_rev),
                    data: entry.data.clone(),
                    clock,
                }),
            }
        } else {
            set_aside.push(overtaken(entry, &key));
        }
    }
    Replay {
        txn: (!writes.is_empty()).then(|| Txn {
            writes,
            replace_all: false,
            atomic: false,
            expect_store: false,
            by: by.to_string(),
            at,
        }),
        set_aside,
    }
}

fn overtaken(entry: &JournalEntry, key: &RecordKey) -> Quarantined {
    Quarantined::new(
        &entry.key,
        &format!("{}（未保存完的修改）", key.label()),
        "页面关闭前没有保存完，之后这条记录又在别处被修改过，所以没有写回",
        entry.data.clone().unwrap_or_else(|| "（删除）".into()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::record::seal;

    fn journal(at: u64, key: &str, base_rev: u64, data: &str) -> Journal {
        Journal {
            tab: format!("t{at}"),
            at,
            entries: vec![JournalEntry {
                key: key.into(),
                base_rev,
                data: Some(data.into()),
            }],
        }
    }

    fn stored(rev: u64, data: &str) -> Option<String> {
        Some(seal(1, rev, "d", 0, &Default::default(), data))
    }

    #[test]
    fn an_edit_whose_commit_never_happened_is_written() {
        let j = [journal(1, "meeting/m1", 3, r#"{"a":2}"#)];
        let s = BTreeMap::from([(RecordKey::meeting("m1"), stored(3, r#"{"a":1}"#))]);
        let replay = plan(&j, &s, "d", 9);
        let txn = replay.txn.unwrap();
        assert_eq!(txn.writes[0].expect, Expect::Rev(3));
        assert_eq!(txn.writes[0].data.as_deref(), Some(r#"{"a":2}"#));
        assert!(replay.set_aside.is_empty());
    }

    #[test]
    fn an_edit_already_stored_is_not_written_again() {
        let j = [journal(1, "meeting/m1", 3, r#"{"a":2}"#)];
        let s = BTreeMap::from([(RecordKey::meeting("m1"), stored(4, r#"{"a":2}"#))]);
        assert_eq!(plan(&j, &s, "d", 9), Replay::default());
    }

    #[test]
    fn an_edit_overtaken_by_another_save_is_kept_aside_not_written_over_it() {
        let j = [journal(1, "meeting/m1", 3, r#"{"a":2}"#)];
        let s = BTreeMap::from([(RecordKey::meeting("m1"), stored(5, r#"{"a":9}"#))]);
        let replay = plan(&j, &s, "d", 9);
        assert!(replay.txn.is_none());
        assert_eq!(replay.set_aside.len(), 1);
        assert_eq!(replay.set_aside[0].raw, r#"{"a":2}"#);
    }

    #[test]
    fn a_new_record_never_stored_is_written() {
        let j = [journal(1, "meeting/new", 0, r#"{"a":1}"#)];
        let replay = plan(&j, &BTreeMap::new(), "d", 9);
        assert_eq!(replay.txn.unwrap().writes[0].expect, Expect::Rev(0));
    }
}
