//! Records in a key–value store (localStorage), in the layout of the first
//! version: `zhibu.head`, and each record under `zhibu.rec.<name>#0` and
//! `#1`, the newer readable slot winning. The app uses it only where
//! IndexedDB is missing or blocked; otherwise these keys are moved into
//! IndexedDB once (`crate::store::migration`). localStorage has no
//! transactions, so a commit that fails half-way puts back what it had
//! written.

use std::collections::BTreeMap;

use super::db::{decide, Found, RecordDb, Snapshot, Txn, TxnOutcome};
use super::kv::{KeyValue, StorageError};
use super::quarantine::Quarantined;
use crate::domain::document::RecordKey;
use crate::format::record::unseal;

pub const HEAD_KEY: &str = "zhibu.head";
pub const RECORD_PREFIX: &str = "zhibu.rec.";
pub const QUARANTINE_PREFIX: &str = "zhibu.quarantine.";
/// The undo point where IndexedDB is blocked.
pub const UNDO_KEY: &str = "zhibu.undo";

/// Whether any of these localStorage keys holds the app's data (records,
/// kept-aside values, an undo point or a page's journal), as opposed to
/// device settings and signals between pages.
pub fn holds_data<'a>(keys: impl IntoIterator<Item = &'a str>) -> bool {
    keys.into_iter().any(|key| {
        key == HEAD_KEY
            || key == UNDO_KEY
            || key.starts_with(RECORD_PREFIX)
            || key.starts_with(QUARANTINE_PREFIX)
            || key.starts_with(super::journal::JOURNAL_PREFIX)
    })
}

/// The storage key of a record's slot: `zhibu.rec.meeting/mt-1#0`.
pub fn slot_key(key: &RecordKey, slot: u8) -> String {
    format!("{RECORD_PREFIX}{}#{slot}", key.name())
}

/// The record a slot key belongs to. The first version named records
/// `meeting.mt-1`; both spellings are read.
pub fn parse_slot_key(storage_key: &str) -> Option<RecordKey> {
    let rest = storage_key.strip_prefix(RECORD_PREFIX)?;
    let (name, slot) = rest.rsplit_once('#')?;
    if slot != "0" && slot != "1" {
        return None;
    }
    RecordKey::from_name(name).or_else(|| first_version_name(name))
}

fn first_version_name(name: &str) -> Option<RecordKey> {
    let (kind, id) = name.split_once('.')?;
    RecordKey::from_name(&format!("{kind}/{id}"))
}

pub struct KvDb<K: KeyValue> {
    pub kv: K,
}

impl<K: KeyValue> KvDb<K> {
    pub fn new(kv: K) -> Self {
        KvDb { kv }
    }

    /// Every key of the record layout (head, slots, kept-aside values) with
    /// its value: what a move to IndexedDB takes along.
    pub fn stored_keys(&self) -> Result<Vec<(String, String)>, StorageError> {
        let mut out = Vec::new();
        for key in self.kv.keys()? {
            let ours = key == HEAD_KEY
                || key.starts_with(RECORD_PREFIX)
                || key.starts_with(QUARANTINE_PREFIX);
            if ours {
                if let Some(raw) = self.kv.get(&key)? {
                    out.push((key, raw));
                }
            }
        }
        Ok(out)
    }

    /// Removes old keys that still hold what was read; returns those that
    /// changed since.
    pub fn remove_unchanged(
        &mut self,
        sources: &[(String, String)],
    ) -> Result<Vec<(String, String)>, StorageError> {
        let mut changed = Vec::new();
        for (key, raw) in sources {
            match self.kv.get(key)? {
                Some(now) if now == *raw => self.kv.remove(key)?,
                Some(now) => changed.push((key.clone(), now)),
                None => {}
            }
        }
        Ok(changed)
    }

    /// Every slot key holding a copy of `key`, in either spelling.
    fn slots_of(&self, key: &RecordKey) -> Result<Vec<String>, StorageError> {
        Ok(self
            .kv
            .keys()?
            .into_iter()
            .filter(|k| parse_slot_key(k).as_ref() == Some(key))
            .collect())
    }

    /// The newest readable copy of a record.
    fn current(&self, key: &RecordKey) -> Result<Option<String>, StorageError> {
        let mut best: Option<(u64, String)> = None;
        for slot in self.slots_of(key)? {
            if let Some(raw) = self.kv.get(&slot)? {
                if let Ok(record) = unseal(&raw) {
                    if best.as_ref().is_none_or(|(rev, _)| record.rev >= *rev) {
                        best = Some((record.rev, raw));
                    }
                }
            }
        }
        Ok(best.map(|(_, raw)| raw))
    }

    fn try_commit(&mut self, txn: &Txn, undo: &mut Vec<(String, Option<String>)>) -> TxnOutcome {
        let head = match self.kv.get(HEAD_KEY) {
            Ok(h) => h,
            Err(e) => return TxnOutcome::Failed(e),
        };
        let keys: Vec<RecordKey> = txn.writes.iter().map(|w| w.key.clone()).collect();
        let stored = match self.read(&keys) {
            Ok(s) => s,
            Err(e) => return TxnOutcome::Failed(e),
        };
        let puts = match decide(txn, head.as_deref(), &stored) {
            Ok(puts) => puts,
            Err(outcome) => return outcome,
        };
        let mut revs = Vec::new();
        for (key, sealed, rev) in &puts.records {
            let result = match sealed {
                Some(raw) => self.put_record(key, raw, undo),
                None => self.delete_record(key, undo),
            };
            if let Err(e) = result {
                return TxnOutcome::Failed(e);
            }
            revs.push((key.clone(), *rev));
        }
        if txn.replace_all {
            if let Err(e) = self.delete_others(&keys, undo) {
                return TxnOutcome::Failed(e);
            }
        }
        if let Err(e) = self.set_undoably(HEAD_KEY, &puts.head, undo) {
            return TxnOutcome::Failed(e);
        }
        TxnOutcome::Committed(revs)
    }

    fn set_undoably(
        &mut self,
        key: &str,
        value: &str,
        undo: &mut Vec<(String, Option<String>)>,
    ) -> Result<(), StorageError> {
        undo.push((key.to_string(), self.kv.get(key)?));
        self.kv.set(key, value)?;
        if self.kv.get(key)?.as_deref() != Some(value) {
            return Err(StorageError::Unavailable("写入后读回的内容不一致".into()));
        }
        Ok(())
    }

    fn remove_undoably(
        &mut self,
        key: &str,
        undo: &mut Vec<(String, Option<String>)>,
    ) -> Result<(), StorageError> {
        undo.push((key.to_string(), self.kv.get(key)?));
        self.kv.remove(key)
    }

    /// Slot #0 gets the new copy; the other slot and the first version's
    /// spelling go, once the new copy is safely there.
    fn put_record(
        &mut self,
        key: &RecordKey,
        raw: &str,
        undo: &mut Vec<(String, Option<String>)>,
    ) -> Result<(), StorageError> {
        let target = slot_key(key, 0);
        let others: Vec<String> = self
            .slots_of(key)?
            .into_iter()
            .filter(|k| *k != target)
            .collect();
        self.set_undoably(&target, raw, undo)?;
        for other in others {
            self.remove_undoably(&other, undo)?;
        }
        Ok(())
    }

    fn delete_record(
        &mut self,
        key: &RecordKey,
        undo: &mut Vec<(String, Option<String>)>,
    ) -> Result<(), StorageError> {
        for slot in self.slots_of(key)? {
            self.remove_undoably(&slot, undo)?;
        }
        Ok(())
    }

    fn delete_others(
        &mut self,
        keep: &[RecordKey],
        undo: &mut Vec<(String, Option<String>)>,
    ) -> Result<(), StorageError> {
        let stale: Vec<String> = self
            .kv
            .keys()?
            .into_iter()
            .filter(|k| parse_slot_key(k).is_some_and(|key| !keep.contains(&key)))
            .collect();
        for key in stale {
            self.remove_undoably(&key, undo)?;
        }
        Ok(())
    }
}

impl<K: KeyValue> RecordDb for KvDb<K> {
    fn snapshot(&self) -> Result<Snapshot, StorageError> {
        let mut snapshot = Snapshot::default();
        let mut slots: BTreeMap<RecordKey, Vec<(String, String)>> = BTreeMap::new();
        for key in self.kv.keys()? {
            let Some(raw) = self.kv.get(&key)? else {
                continue;
            };
            if key == HEAD_KEY {
                snapshot.head = Some((key, raw));
            } else if let Some(name) = key.strip_prefix(QUARANTINE_PREFIX) {
                match serde_json::from_str::<Quarantined>(&raw) {
                    Ok(q) => snapshot.quarantined.push((name.to_string(), q)),
                    Err(_) => snapshot.unreadable.push((
                        key.clone(),
                        "另存的数据".into(),
                        "无法解析".into(),
                        raw,
                    )),
                }
            } else if let Some(record) = parse_slot_key(&key) {
                slots.entry(record).or_default().push((key, raw));
            } else if key.starts_with(RECORD_PREFIX) {
                snapshot.unreadable.push((
                    key.clone(),
                    "无法识别的记录".into(),
                    "记录名称无法识别".into(),
                    raw,
                ));
            }
        }
        for (record, copies) in slots {
            let mut best: Option<(u64, usize)> = None;
            for (i, (_, raw)) in copies.iter().enumerate() {
                if let Ok(sealed) = unseal(raw) {
                    if best.is_none_or(|(rev, _)| sealed.rev > rev) {
                        best = Some((sealed.rev, i));
                    }
                }
            }
            for (i, (origin, raw)) in copies.into_iter().enumerate() {
                match (best, unseal(&raw)) {
                    (Some((_, b)), _) if b == i => snapshot.records.push(Found {
                        key: record.clone(),
                        origin,
                        raw,
                    }),
                    (_, Err(reason)) => {
                        snapshot
                            .unreadable
                            .push((origin, record.label(), reason, raw))
                    }
                    // An older readable copy: the newer one wins.
                    _ => {}
                }
            }
        }
        Ok(snapshot)
    }

    fn read(&self, keys: &[RecordKey]) -> Result<Vec<Option<String>>, StorageError> {
        keys.iter().map(|k| self.current(k)).collect()
    }

    fn commit(&mut self, txn: &Txn) -> TxnOutcome {
        let mut undo = Vec::new();
        let outcome = self.try_commit(txn, &mut undo);
        if matches!(outcome, TxnOutcome::Failed(_)) {
            // Put back what this commit had changed, newest change first.
            for (key, value) in undo.into_iter().rev() {
                let _ = match value {
                    Some(v) => self.kv.set(&key, &v),
                    None => self.kv.remove(&key),
                };
            }
        }
        outcome
    }

    fn set_aside(&mut self, moves: &[(String, Quarantined)]) -> Result<(), StorageError> {
        let mut stored: Vec<String> = Vec::new();
        for (_, entry) in moves {
            let name = format!("{QUARANTINE_PREFIX}{}", entry.name());
            let text = serde_json::to_string(entry).unwrap_or_default();
            if let Err(e) = self.kv.set(&name, &text) {
                for done in stored {
                    let _ = self.kv.remove(&done);
                }
                return Err(e);
            }
            stored.push(name);
        }
        for (origin, _) in moves {
            if origin.starts_with("zhibu.") {
                self.kv.remove(origin)?;
            } else if let Some(key) = RecordKey::from_name(origin) {
                for slot in self.slots_of(&key)? {
                    self.kv.remove(&slot)?;
                }
            }
        }
        Ok(())
    }

    fn discard_quarantined(&mut self, name: &str) -> Result<(), StorageError> {
        self.kv.remove(&format!("{QUARANTINE_PREFIX}{name}"))
    }
}
