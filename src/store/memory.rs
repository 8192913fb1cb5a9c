//! In-memory stand-ins for native tests: `MemoryKv`, a key–value store
//! with a quota and switches that make it fail like localStorage does, and
//! `MemoryDb`, a record store with IndexedDB's rules (one value per
//! record, every commit all or nothing).

use std::collections::BTreeMap;

use super::db::{decide, Found, RecordDb, Snapshot, Txn, TxnOutcome};
use super::kv::{KeyValue, StorageError};
use super::migration::Move;
use super::quarantine::Quarantined;
use crate::domain::document::RecordKey;

#[derive(Clone, Debug, Default)]
pub struct MemoryKv {
    pub entries: BTreeMap<String, String>,
    /// Bytes (UTF-16, keys and values) before writes fail as `Full`.
    pub quota: Option<usize>,
    pub unavailable: bool,
    /// Writes to this key fail as if the storage were full.
    pub refuse_key: Option<String>,
}

impl MemoryKv {
    pub fn new() -> Self {
        Self::default()
    }

    fn size_with(&self, key: &str, value: &str) -> usize {
        let others: usize = self
            .entries
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
            .sum();
        2 * (others + key.encode_utf16().count() + value.encode_utf16().count())
    }

    fn check(&self) -> Result<(), StorageError> {
        if self.unavailable {
            Err(StorageError::Unavailable("测试中关闭".into()))
        } else {
            Ok(())
        }
    }
}

impl KeyValue for MemoryKv {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.check()?;
        Ok(self.entries.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.check()?;
        if self.refuse_key.as_deref() == Some(key)
            || self.quota.is_some_and(|q| self.size_with(key, value) > q)
        {
            return Err(StorageError::Full);
        }
        self.entries.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.check()?;
        self.entries.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.check()?;
        Ok(self.entries.keys().cloned().collect())
    }
}

/// Records as IndexedDB keeps them, in memory.
#[derive(Clone, Debug, Default)]
pub struct MemoryDb {
    pub head: Option<String>,
    pub records: BTreeMap<String, String>,
    pub quarantine: BTreeMap<String, Quarantined>,
    /// Every write fails as if the quota were reached.
    pub full: bool,
    /// Commits made, for tests that count writes.
    pub commits: usize,
}

impl MemoryDb {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn is_empty(&self) -> bool {
        self.head.is_none() && self.records.is_empty()
    }

    /// The first version's records, moved in whole (one transaction).
    pub fn move_in(&mut self, mv: &Move) -> Result<(), StorageError> {
        if self.full {
            return Err(StorageError::Full);
        }
        if let Some(head) = &mv.head {
            self.head = Some(head.clone());
        }
        for (key, raw) in &mv.records {
            self.records.insert(key.name(), raw.clone());
        }
        for (name, entry) in &mv.quarantined {
            self.quarantine.insert(name.clone(), entry.clone());
        }
        Ok(())
    }
}

impl RecordDb for MemoryDb {
    fn snapshot(&self) -> Result<Snapshot, StorageError> {
        let mut snapshot = Snapshot {
            head: self.head.clone().map(|h| ("head".to_string(), h)),
            ..Snapshot::default()
        };
        for (name, raw) in &self.records {
            match RecordKey::from_name(name) {
                Some(key) => snapshot.records.push(Found {
                    key,
                    origin: name.clone(),
                    raw: raw.clone(),
                }),
                None => snapshot.unreadable.push((
                    name.clone(),
                    "无法识别的记录".into(),
                    "记录名称无法识别".into(),
                    raw.clone(),
                )),
            }
        }
        snapshot.quarantined = self
            .quarantine
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        Ok(snapshot)
    }

    fn read(&self, keys: &[RecordKey]) -> Result<Vec<Option<String>>, StorageError> {
        Ok(keys
            .iter()
            .map(|k| self.records.get(&k.name()).cloned())
            .collect())
    }

    fn commit(&mut self, txn: &Txn) -> TxnOutcome {
        let keys: Vec<RecordKey> = txn.writes.iter().map(|w| w.key.clone()).collect();
        let stored = match self.read(&keys) {
            Ok(s) => s,
            Err(e) => return TxnOutcome::Failed(e),
        };
        let puts = match decide(txn, self.head.as_deref(), &stored) {
            Ok(puts) => puts,
            Err(outcome) => return outcome,
        };
        if self.full {
            return TxnOutcome::Failed(StorageError::Full);
        }
        if txn.replace_all {
            let keep: Vec<String> = keys.iter().map(RecordKey::name).collect();
            self.records.retain(|k, _| keep.contains(k));
        }
        let mut revs = Vec::new();
        for (key, sealed, rev) in puts.records {
            match sealed {
                Some(raw) => self.records.insert(key.name(), raw),
                None => self.records.remove(&key.name()),
            };
            revs.push((key, rev));
        }
        self.head = Some(puts.head);
        self.commits += 1;
        TxnOutcome::Committed(revs)
    }

    fn set_aside(&mut self, moves: &[(String, Quarantined)]) -> Result<(), StorageError> {
        if self.full {
            return Err(StorageError::Full);
        }
        for (origin, entry) in moves {
            self.quarantine.insert(entry.name(), entry.clone());
            if origin == "head" {
                self.head = None;
            } else {
                self.records.remove(origin);
            }
        }
        Ok(())
    }

    fn discard_quarantined(&mut self, name: &str) -> Result<(), StorageError> {
        self.quarantine.remove(name);
        Ok(())
    }
}
