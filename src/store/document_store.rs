//! Opening, committing and reloading the stored document.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use super::keys::{RecordKey, HEAD, PREFIX, QUARANTINE_PREFIX, RECORD_PREFIX};
use super::kv::{KeyValue, StorageError};
use super::record::{seal, unseal, Envelope};
use crate::backup::checksum::checksum;
use crate::backup::migrate::migrate;
use crate::backup::parts::stored_document_from_value;
use crate::domain::validate::Item;
use crate::domain::{Branch, Document, SCHEMA_VERSION};

const HEAD_FORMAT: &str = "zhibu.store";

#[derive(Debug, Serialize, Deserialize)]
struct Head {
    format: String,
    schema_version: u32,
    rev: u64,
}

/// A stored value that could not be read. It is kept aside under its own
/// key, never overwritten, until the user downloads or discards it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quarantined {
    /// The key it was found under.
    pub original_key: String,
    /// What it is, for people: "党员名册".
    pub label: String,
    pub reason: String,
    /// The stored text, byte for byte.
    pub raw: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommitError {
    /// Another tab saved since this one loaded: writing would overwrite it.
    Conflict,
    /// The stored data is from a newer app version, or could not be kept
    /// aside safely: this tab does not write.
    ReadOnly(String),
    Storage(StorageError),
}

impl CommitError {
    pub fn message(&self) -> String {
        match self {
            CommitError::Conflict => "另一个页面已修改了数据，本页的修改未保存".into(),
            CommitError::ReadOnly(why) => why.clone(),
            CommitError::Storage(e) => e.message(),
        }
    }
}

impl From<StorageError> for CommitError {
    fn from(e: StorageError) -> Self {
        CommitError::Storage(e)
    }
}

pub struct Store<K: KeyValue> {
    kv: K,
    rev: u64,
    /// The slot and generation that hold each record's newest good copy.
    slots: BTreeMap<RecordKey, (u8, u64)>,
    /// Changed in memory, not yet on disk (a failed save is retried).
    pending: BTreeSet<RecordKey>,
    read_only: Option<String>,
}

/// The result of opening: the document, and what had to be set aside.
pub struct Opened<K: KeyValue> {
    pub store: Store<K>,
    pub doc: Document,
    pub quarantined: Vec<Quarantined>,
}

struct Slot {
    key: String,
    raw: String,
    envelope: Result<Envelope, String>,
}

impl<K: KeyValue> Store<K> {
    /// Reads everything stored. Unreadable values are moved aside (never
    /// dropped); a newer schema makes the store read-only.
    pub fn open(kv: K) -> Result<Opened<K>, StorageError> {
        let mut store = Store {
            kv,
            rev: 0,
            slots: BTreeMap::new(),
            pending: BTreeSet::new(),
            read_only: None,
        };
        let (doc, quarantined) = store.load()?;
        Ok(Opened {
            store,
            doc,
            quarantined,
        })
    }

    /// Reads the stored document again, after another tab changed it.
    /// Changes not yet saved in this tab are given up.
    pub fn reload(&mut self) -> Result<(Document, Vec<Quarantined>), StorageError> {
        self.slots.clear();
        self.pending.clear();
        self.read_only = None;
        self.load()
    }

    pub fn revision(&self) -> u64 {
        self.rev
    }

    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    pub fn has_unsaved(&self) -> bool {
        !self.pending.is_empty()
    }

    pub fn kv(&self) -> &K {
        &self.kv
    }

    pub fn kv_mut(&mut self) -> &mut K {
        &mut self.kv
    }

    /// The revision other tabs have written, if any.
    pub fn stored_revision(&self) -> Result<Option<u64>, StorageError> {
        Ok(self.read_head()?.map(|h| h.rev))
    }

    /// Saves the named records of `doc` at once. A meeting, form or review
    /// that is no longer in `doc` is deleted. What fails stays pending and
    /// is retried with the next commit.
    pub fn commit(
        &mut self,
        doc: &Document,
        changed: impl IntoIterator<Item = RecordKey>,
    ) -> Result<(), CommitError> {
        if let Some(why) = &self.read_only {
            return Err(CommitError::ReadOnly(why.clone()));
        }
        self.pending.extend(changed);
        match self.read_head()? {
            Some(head) if head.rev != self.rev => return Err(CommitError::Conflict),
            None if self.rev > 0 && !self.has_stored_records()? => {
                // The site's storage was cleared under us: this tab still has
                // everything, so it writes everything back.
                self.slots.clear();
                self.pending.extend(all_records(doc));
            }
            _ => {}
        }
        let keys: Vec<RecordKey> = self.pending.iter().cloned().collect();
        let mut result = Ok(());
        for key in keys {
            if let Err(e) = self.write_record(doc, &key) {
                result = Err(CommitError::Storage(e));
                break;
            }
            self.pending.remove(&key);
        }
        // The head is written even after a failure, so other tabs see the
        // records that did change; this tab's revision moves only once the
        // head holds it, or every later save would look like a conflict.
        let next = self.rev + 1;
        let head = json!({"format": HEAD_FORMAT, "schema_version": SCHEMA_VERSION, "rev": next});
        let head_written = self.kv.set(HEAD, &head.to_string());
        if head_written.is_ok() {
            self.rev = next;
        }
        result?;
        head_written.map_err(CommitError::Storage)
    }

    fn has_stored_records(&self) -> Result<bool, StorageError> {
        Ok(self.kv.keys()?.iter().any(|k| k.starts_with(RECORD_PREFIX)))
    }

    /// Writes a whole new document (import, example data, undo). Its
    /// records are all written first; the meetings, forms and reviews it
    /// does not have are deleted only after that succeeded, so running out
    /// of space half-way leaves the old ones readable.
    pub fn replace_all(&mut self, doc: &Document) -> Result<(), CommitError> {
        let stale: Vec<RecordKey> = self
            .slots
            .keys()
            .filter(|k| record_data(doc, k).is_none())
            .cloned()
            .collect();
        self.commit(doc, all_records(doc))?;
        self.commit(doc, stale)
    }

    /// The values kept aside, as stored now.
    pub fn quarantined(&self) -> Vec<(String, Quarantined)> {
        let Ok(keys) = self.kv.keys() else {
            return Vec::new();
        };
        keys.into_iter()
            .filter(|k| k.starts_with(QUARANTINE_PREFIX))
            .filter_map(|k| {
                let raw = self.kv.get(&k).ok().flatten()?;
                let q: Quarantined = serde_json::from_str(&raw).ok()?;
                Some((k, q))
            })
            .collect()
    }

    pub fn discard_quarantined(&mut self, key: &str) -> Result<(), StorageError> {
        if key.starts_with(QUARANTINE_PREFIX) {
            self.kv.remove(key)?;
        }
        Ok(())
    }

    pub fn used_bytes(&self) -> usize {
        self.kv.used_bytes(PREFIX)
    }

    fn read_head(&self) -> Result<Option<Head>, StorageError> {
        let raw = self.kv.get(HEAD)?;
        Ok(raw
            .and_then(|r| serde_json::from_str::<Head>(&r).ok())
            .filter(|h| h.format == HEAD_FORMAT))
    }

    fn write_record(&mut self, doc: &Document, key: &RecordKey) -> Result<(), StorageError> {
        let Some(data) = record_data(doc, key) else {
            self.kv.remove(&key.slot(0))?;
            self.kv.remove(&key.slot(1))?;
            self.slots.remove(key);
            return Ok(());
        };
        let (current, gen) = match self.slots.get(key) {
            Some(known) => *known,
            None => self.newest_stored_slot(key)?,
        };
        let slot = 1 - current;
        let raw = seal(data, gen + 1);
        let slot_key = key.slot(slot);
        self.kv.set(&slot_key, &raw)?;
        if self.kv.get(&slot_key)?.as_deref() != Some(raw.as_str()) {
            return Err(StorageError::Unavailable("写入后读回的内容不一致".into()));
        }
        self.slots.insert(key.clone(), (slot, gen + 1));
        Ok(())
    }

    /// Brings one record up to the current schema from its own version: a
    /// record not rewritten since an upgrade is still in its old shape,
    /// whatever the head says. A migrated record is rewritten at the next
    /// save.
    fn migrate_record(&mut self, key: &RecordKey, envelope: &Envelope) -> Result<Value, String> {
        if envelope.schema_version == SCHEMA_VERSION {
            return Ok(envelope.data.clone());
        }
        let (field, listed) = key.document_field();
        let item = if listed {
            Value::Array(vec![envelope.data.clone()])
        } else {
            envelope.data.clone()
        };
        let mut partial = Map::new();
        partial.insert(field.into(), item);
        let migrated =
            migrate(Value::Object(partial), envelope.schema_version).map_err(|e| e.message())?;
        let value = migrated.get(field).cloned().unwrap_or(Value::Null);
        self.pending.insert(key.clone());
        Ok(if listed {
            value.get(0).cloned().unwrap_or(Value::Null)
        } else {
            value
        })
    }

    /// The slot and generation of the newest readable copy in storage, so a
    /// record this tab does not know yet is written above it, never below.
    fn newest_stored_slot(&self, key: &RecordKey) -> Result<(u8, u64), StorageError> {
        let mut newest = (1, 0);
        for slot in [0u8, 1] {
            if let Some(raw) = self.kv.get(&key.slot(slot))? {
                if let Ok(envelope) = unseal(&raw) {
                    if envelope.gen >= newest.1 {
                        newest = (slot, envelope.gen);
                    }
                }
            }
        }
        Ok(newest)
    }

    fn load(&mut self) -> Result<(Document, Vec<Quarantined>), StorageError> {
        let keys = self.kv.keys()?;
        let head_raw = self.kv.get(HEAD)?;
        let head = head_raw
            .as_deref()
            .and_then(|r| serde_json::from_str::<Head>(r).ok());
        let mut records: BTreeMap<RecordKey, Vec<Slot>> = BTreeMap::new();
        for key in keys.iter().filter(|k| k.starts_with(RECORD_PREFIX)) {
            let Some((record, _)) = RecordKey::parse_slot(key) else {
                continue;
            };
            let Some(raw) = self.kv.get(key)? else {
                continue;
            };
            let envelope = unseal(&raw);
            records.entry(record).or_default().push(Slot {
                key: key.clone(),
                raw,
                envelope,
            });
        }
        let stored_version = head.as_ref().map_or(SCHEMA_VERSION, |h| h.schema_version);
        let newest = records
            .values()
            .flatten()
            .filter_map(|s| s.envelope.as_ref().ok().map(|e| e.schema_version))
            .chain([stored_version])
            .max()
            .unwrap_or(SCHEMA_VERSION);
        if newest > SCHEMA_VERSION {
            self.read_only = Some(format!(
                "本机数据由更新版本的支部工作手册保存（数据版本 {newest}），请刷新或升级到最新版本；为保护数据，本页不会写入。"
            ));
            return Ok((Document::default(), Vec::new()));
        }
        self.rev = head.as_ref().map_or(0, |h| h.rev);

        let mut quarantined = Vec::new();
        if head.is_none() {
            if let Some(raw) = head_raw {
                quarantined.push(self.set_aside(HEAD, "存储索引", "无法解析", raw).0);
            }
        }
        let mut winners: BTreeMap<RecordKey, (String, Value)> = BTreeMap::new();
        for (record, slots) in records {
            let best = slots
                .iter()
                .filter_map(|s| s.envelope.as_ref().ok().map(|e| (s, e)))
                .max_by_key(|(_, e)| e.gen);
            if let Some((slot, envelope)) = best {
                let slot_no = RecordKey::parse_slot(&slot.key).map_or(0, |(_, n)| n);
                self.slots.insert(record.clone(), (slot_no, envelope.gen));
                let data = match self.migrate_record(&record, envelope) {
                    Ok(data) => data,
                    Err(why) => {
                        self.read_only = Some(why);
                        return Ok((Document::default(), quarantined));
                    }
                };
                winners.insert(record.clone(), (slot.raw.clone(), data));
            }
            for bad in slots.iter().filter(|s| s.envelope.is_err()) {
                let reason = bad.envelope.as_ref().err().cloned().unwrap_or_default();
                let label = record.label();
                let (entry, kept) = self.set_aside(&bad.key, &label, &reason, bad.raw.clone());
                quarantined.push(entry);
                if kept {
                    self.kv.remove(&bad.key)?;
                }
            }
        }
        let doc = self.assemble(winners, &mut quarantined)?;
        Ok((doc, quarantined))
    }

    /// Builds the document from the winning records through the same reading
    /// as an import; records that fail are kept aside.
    fn assemble(
        &mut self,
        mut winners: BTreeMap<RecordKey, (String, Value)>,
        quarantined: &mut Vec<Quarantined>,
    ) -> Result<Document, StorageError> {
        loop {
            let meeting_keys = keys_of(&winners, |k| matches!(k, RecordKey::Meeting(_)));
            let assessment_keys = keys_of(&winners, |k| matches!(k, RecordKey::Assessment(_)));
            let review_keys = keys_of(&winners, |k| matches!(k, RecordKey::Review(_)));
            let mut object = Map::new();
            let branch = winners.get(&RecordKey::Branch).map(|(_, v)| v.clone());
            object.insert(
                "branch".into(),
                branch.unwrap_or_else(|| {
                    serde_json::to_value(Branch::default()).unwrap_or(Value::Null)
                }),
            );
            for (field, key) in [
                ("members", RecordKey::Members),
                ("templates", RecordKey::Templates),
            ] {
                if let Some((_, v)) = winners.get(&key) {
                    object.insert(field.into(), v.clone());
                }
            }
            for (field, keys) in [
                ("meetings", &meeting_keys),
                ("assessments", &assessment_keys),
                ("reviews", &review_keys),
            ] {
                let items: Vec<Value> = keys
                    .iter()
                    .filter_map(|k| winners.get(k).map(|(_, v)| v.clone()))
                    .collect();
                object.insert(field.into(), Value::Array(items));
            }
            let parsed = stored_document_from_value(Value::Object(object));
            let reason = parsed
                .problems
                .iter()
                .map(|p| format!("{}：{}", p.path, p.message))
                .collect::<Vec<_>>()
                .join("；");
            let broken: BTreeSet<RecordKey> = if parsed.fatal {
                // A whole record is unusable: the roster or the templates
                // when their value is not a list, else the branch.
                let blamed = |p: &crate::domain::validate::Problem| match p.path.as_str() {
                    "members" => RecordKey::Members,
                    "templates" => RecordKey::Templates,
                    _ => RecordKey::Branch,
                };
                parsed.problems.iter().map(blamed).collect()
            } else {
                parsed
                    .skipped
                    .iter()
                    .filter_map(|item| match item {
                        Item::Branch => Some(RecordKey::Branch),
                        Item::Member(_) => Some(RecordKey::Members),
                        Item::Template(_) => Some(RecordKey::Templates),
                        Item::Meeting(i) => meeting_keys.get(*i).cloned(),
                        Item::Assessment(i) => assessment_keys.get(*i).cloned(),
                        Item::Review(i) => review_keys.get(*i).cloned(),
                    })
                    .collect()
            };
            if broken.is_empty() {
                return Ok(parsed.doc);
            }
            let whole_record_lost = parsed.fatal;
            let mut removed_any = false;
            for key in broken {
                let Some((raw, _)) = winners.get(&key).cloned() else {
                    self.read_only = Some(format!("数据无法读取：{reason}"));
                    return Ok(Document::default());
                };
                let slot = key.slot(self.slots.get(&key).map_or(0, |s| s.0));
                let (entry, kept) = self.set_aside(&slot, &key.label(), &reason, raw);
                quarantined.push(entry);
                if !kept {
                    // Read-only now: the record stays where it is.
                    winners.remove(&key);
                    removed_any = true;
                } else if whole_record_lost || is_single_item(&key) {
                    winners.remove(&key);
                    self.kv.remove(&key.slot(0))?;
                    self.kv.remove(&key.slot(1))?;
                    self.slots.remove(&key);
                    removed_any = true;
                } else {
                    // The readable items of the list stay; the list is
                    // rewritten without the broken ones at the next save.
                    self.pending.insert(key.clone());
                }
            }
            if !removed_any {
                return Ok(parsed.doc);
            }
        }
    }

    /// Copies a value under a quarantine key named after its content, so
    /// setting the same value aside twice keeps one copy. Returns the entry
    /// and whether it was stored; if not, the store turns read-only and the
    /// caller must leave the original where it is.
    fn set_aside(
        &mut self,
        key: &str,
        label: &str,
        reason: &str,
        raw: String,
    ) -> (Quarantined, bool) {
        let entry = Quarantined {
            original_key: key.to_string(),
            label: label.to_string(),
            reason: reason.to_string(),
            raw,
        };
        let name = format!(
            "{QUARANTINE_PREFIX}{}.{}",
            key.trim_start_matches(PREFIX),
            checksum(&Value::String(entry.raw.clone()))
        );
        let text = serde_json::to_string(&entry).unwrap_or_default();
        match self.kv.set(&name, &text) {
            Ok(()) => (entry, true),
            Err(e) => {
                self.read_only = Some(format!(
                    "有无法读取的数据，但{}，无法把它另存：为免覆盖，本页不会写入。请先在“数据恢复”中下载这些数据。",
                    e.message()
                ));
                (entry, false)
            }
        }
    }
}

fn all_records(doc: &Document) -> Vec<RecordKey> {
    let mut keys = vec![RecordKey::Branch, RecordKey::Members, RecordKey::Templates];
    keys.extend(
        doc.meetings
            .iter()
            .map(|m| RecordKey::Meeting(m.id.clone())),
    );
    keys.extend(
        doc.assessments
            .iter()
            .map(|a| RecordKey::Assessment(a.id.clone())),
    );
    keys.extend(doc.reviews.iter().map(|r| RecordKey::Review(r.year)));
    keys
}

/// Records that hold one item of a list: a broken one is set aside whole,
/// while a broken list keeps its readable items.
fn is_single_item(key: &RecordKey) -> bool {
    matches!(
        key,
        RecordKey::Meeting(_) | RecordKey::Assessment(_) | RecordKey::Review(_)
    )
}

fn keys_of(
    winners: &BTreeMap<RecordKey, (String, Value)>,
    wanted: fn(&RecordKey) -> bool,
) -> Vec<RecordKey> {
    winners.keys().filter(|k| wanted(k)).cloned().collect()
}

fn record_data(doc: &Document, key: &RecordKey) -> Option<Value> {
    let value = match key {
        RecordKey::Branch => serde_json::to_value(&doc.branch),
        RecordKey::Members => serde_json::to_value(&doc.members),
        RecordKey::Templates => serde_json::to_value(&doc.templates),
        RecordKey::Meeting(id) => serde_json::to_value(doc.meeting(id)?),
        RecordKey::Assessment(id) => serde_json::to_value(doc.assessment(id)?),
        RecordKey::Review(year) => serde_json::to_value(doc.review(*year)?),
    };
    value.ok()
}
