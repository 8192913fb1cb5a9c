//! Moving the first version's localStorage records into IndexedDB, once:
//! every record (the newer readable slot), the head and what was kept
//! aside go in one transaction, are read back and compared, and only then
//! are the old keys removed, each only if it still holds what was moved.
//! An interrupted move starts again at the next start; a key changed in
//! the meantime (a page of the old version still open) is kept aside
//! rather than removed.

use super::db::Snapshot;
use super::quarantine::Quarantined;
use crate::domain::document::RecordKey;

/// What moves, and the old keys it came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Move {
    pub head: Option<String>,
    /// Records as stored, byte for byte: the reader knows the old envelope.
    pub records: Vec<(RecordKey, String)>,
    pub quarantined: Vec<(String, Quarantined)>,
    /// Every old key read, with the value read: removed only if unchanged.
    pub sources: Vec<(String, String)>,
}

impl Move {
    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }
}

/// The move of everything a localStorage snapshot holds; `sources` are
/// the old keys with their values as read (`KvDb::stored_keys`).
pub fn plan(snapshot: &Snapshot, sources: Vec<(String, String)>) -> Move {
    let mut mv = Move {
        head: snapshot.head.as_ref().map(|(_, raw)| raw.clone()),
        sources,
        ..Move::default()
    };
    for found in &snapshot.records {
        mv.records.push((found.key.clone(), found.raw.clone()));
    }
    for (origin, label, reason, raw) in &snapshot.unreadable {
        let entry = Quarantined::new(origin, label, reason, raw.clone());
        mv.quarantined.push((entry.name(), entry));
    }
    mv.quarantined.extend(snapshot.quarantined.iter().cloned());
    mv
}

/// Old keys found after the records were moved that no longer hold what
/// was moved: each is kept aside, never dropped.
pub fn leftovers(changed: &[(String, String)]) -> Vec<(String, Quarantined)> {
    changed
        .iter()
        .map(|(key, raw)| {
            let entry = Quarantined::new(
                key,
                "旧版本页面保存的数据",
                "数据移入新的存储后，旧版本的页面又修改了它",
                raw.clone(),
            );
            (entry.name(), entry)
        })
        .collect()
}
