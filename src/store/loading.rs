//! Reading what is stored into a document. Each record is read on its own:
//! one that cannot be read is set aside whole, a roster with one broken
//! member keeps the others, and a record from a newer version makes the
//! page read-only without hiding the rest. What the app itself saved is
//! never dropped for failing a semantic check.

use std::collections::BTreeMap;

use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::db::{newer_version_message, Found, Head, Snapshot};
use super::quarantine::Quarantined;
use crate::domain::document::{self, ListVisitor, Listed, RecordKey, RecordValue};
use crate::domain::rules::attendance::freeze_missing_rolls;
use crate::domain::{Document, SCHEMA_VERSION};
use crate::format::clock::Clock;
use crate::format::locate::locate;
use crate::format::migrate::migrate;
use crate::format::record::{schema_version_of, unseal, Sealed, TOMBSTONE};

/// A document read from storage, and what reading it found.
#[derive(Debug, Default)]
pub struct Loaded {
    pub doc: Document,
    /// The stored revision of each record read.
    pub revs: BTreeMap<RecordKey, u64>,
    /// Each record's history, for merging copies from other phones.
    pub clocks: BTreeMap<RecordKey, Clock>,
    /// Values to keep aside, by the storage key they are under now.
    pub set_aside: Vec<(String, Quarantined)>,
    /// Records to write again: migrated from an older shape, or lists that
    /// lost an unreadable item.
    pub rewrite: Vec<RecordKey>,
    /// Why this page must not write, if it must not.
    pub read_only: Option<String>,
    /// Anything at all was stored.
    pub has_data: bool,
    pub head_rev: u64,
}

/// Reads everything in `snapshot` at once.
pub fn load(snapshot: &Snapshot) -> Loaded {
    Loading::new(snapshot).finish()
}

/// A read of `snapshot` that can stop between records: ten years of records
/// take ~140 ms at 4x CPU to read, and a page that reads them in one go
/// answers no tap meanwhile. Read in slices, the same records give the same
/// document.
pub struct Loading<'a> {
    loaded: Loaded,
    /// The records in key order, and how many are read.
    found: Vec<&'a Found>,
    next: usize,
    older: BTreeMap<u32, Vec<(&'a Found, Sealed)>>,
    previous: Option<&'a RecordKey>,
    /// Once an item came under another's key, later ones are looked for.
    misplaced: bool,
}

impl<'a> Loading<'a> {
    pub fn new(snapshot: &'a Snapshot) -> Self {
        let mut loaded = Loaded {
            has_data: snapshot.head.is_some() || !snapshot.records.is_empty(),
            ..Loaded::default()
        };
        if let Some((origin, raw)) = &snapshot.head {
            match Head::parse(raw) {
                Some(head) if head.schema_version > SCHEMA_VERSION => {
                    loaded.read_only = Some(newer_version_message(head.schema_version));
                    loaded.head_rev = head.rev;
                }
                Some(head) => loaded.head_rev = head.rev,
                None => loaded.set_aside.push((
                    origin.clone(),
                    Quarantined::new(origin, "存储索引", "无法解析", raw.clone()),
                )),
            }
        }
        for (origin, label, reason, raw) in &snapshot.unreadable {
            loaded.set_aside.push((
                origin.clone(),
                Quarantined::new(origin, label, reason, raw.clone()),
            ));
        }
        let mut found: Vec<&Found> = snapshot.records.iter().collect();
        found.sort_by(|a, b| a.key.cmp(&b.key));
        Loading {
            loaded,
            found,
            next: 0,
            older: BTreeMap::new(),
            previous: None,
            misplaced: false,
        }
    }

    /// Reads up to `count` more records; true when none is left.
    pub fn read(&mut self, count: usize) -> bool {
        let end = self.found.len().min(self.next.saturating_add(count));
        while self.next < end {
            let record = self.found[self.next];
            self.next += 1;
            self.read_one(record);
        }
        self.next == self.found.len()
    }

    fn read_one(&mut self, record: &'a Found) {
        let loaded = &mut self.loaded;
        // Two stored names for one record (sorted, so side by side): the
        // later replaces the earlier, as it always did.
        let again = self.misplaced || self.previous == Some(&record.key);
        self.previous = Some(&record.key);
        let sealed = match unseal_current(&record.raw) {
            Ok(sealed) => sealed,
            Err(Unreadable::Newer(message)) => {
                loaded.read_only = Some(message);
                return;
            }
            Err(Unreadable::Broken(reason)) => {
                loaded.set_aside.push(aside(record, &reason));
                return;
            }
        };
        if !sealed.clock.is_empty() {
            loaded
                .clocks
                .insert(record.key.clone(), sealed.clock.clone());
        }
        if sealed.data == TOMBSTONE && record.key.is_item() {
            // A deleted item: nothing to show, its history kept.
            loaded.revs.insert(record.key.clone(), sealed.rev);
            return;
        }
        if sealed.schema_version < SCHEMA_VERSION {
            self.older
                .entry(sealed.schema_version)
                .or_default()
                .push((record, sealed));
            return;
        }
        let read = read_record(&record.key, &sealed);
        self.misplaced |= match &read {
            Read::Whole(value) | Read::Partly(value, _) => {
                !document::is_under_own_key(&record.key, value)
            }
            Read::Not(_) => false,
        };
        take(loaded, record, sealed.rev, read, Arrival::Read { again });
    }

    /// The document, once every record is read: older records brought up to
    /// today's schema together, and rolls missing from old meetings frozen.
    pub fn finish(mut self) -> Loaded {
        self.read(usize::MAX);
        let mut loaded = self.loaded;
        for (version, group) in self.older {
            migrate_group(&mut loaded, version, group);
        }
        if loaded.read_only.is_none() {
            // Meetings held before rolls were kept: fixed now, as they printed.
            for id in freeze_missing_rolls(&mut loaded.doc) {
                loaded.rewrite.push(RecordKey::Meeting(id));
            }
        }
        loaded
    }
}

/// A stored record unsealed, or why not: a record of a newer version is
/// recognised as newer even where its seal is not one this version reads.
/// The version is looked for apart only when unsealing fails, since that
/// reads the whole record once more.
fn unseal_current(raw: &str) -> Result<Sealed, Unreadable> {
    match unseal(raw) {
        Ok(sealed) if sealed.schema_version > SCHEMA_VERSION => Err(Unreadable::Newer(
            newer_version_message(sealed.schema_version),
        )),
        Ok(sealed) => Ok(sealed),
        Err(reason) => match schema_version_of(raw).filter(|v| *v > SCHEMA_VERSION) {
            Some(v) => Err(Unreadable::Newer(newer_version_message(v))),
            None => Err(Unreadable::Broken(reason)),
        },
    }
}

/// A stored record kept aside as it is, under its stored name, with why.
fn aside(record: &Found, reason: &str) -> (String, Quarantined) {
    (
        record.origin.clone(),
        Quarantined::new(
            &record.origin,
            &record.key.label(),
            reason,
            record.raw.clone(),
        ),
    )
}

/// How a record came to be put into the document.
#[derive(Clone, Copy)]
enum Arrival {
    /// Read as stored; `again` when another stored name gave it already.
    Read { again: bool },
    /// Brought up from an older schema: it may replace one already read,
    /// and is written again.
    Migrated,
}

/// Puts a record read from storage into the document.
fn take(loaded: &mut Loaded, record: &Found, rev: u64, read: Read, arrival: Arrival) {
    match read {
        Read::Whole(value) => {
            if matches!(arrival, Arrival::Migrated) {
                loaded.rewrite.push(record.key.clone());
            }
            put(&mut loaded.doc, &record.key, value, arrival);
            loaded.revs.insert(record.key.clone(), rev);
        }
        Read::Partly(value, reason) => {
            loaded.set_aside.push(aside(record, &reason));
            loaded.rewrite.push(record.key.clone());
            put(&mut loaded.doc, &record.key, value, arrival);
            loaded.revs.insert(record.key.clone(), rev);
        }
        Read::Not(reason) => {
            loaded.set_aside.push(aside(record, &reason));
            // The record is gone once it is set aside; a new one may be
            // written from scratch.
        }
    }
}

fn put(doc: &mut Document, key: &RecordKey, value: RecordValue, arrival: Arrival) {
    match arrival {
        Arrival::Read { again: false } => document::put_new(doc, key, value),
        Arrival::Read { again: true } | Arrival::Migrated => document::put(doc, key, Some(value)),
    }
}

/// Brings the records of an older version up to today's schema together:
/// a step may need more than one record, and may move an item to another
/// list (a 谈心谈话 meeting became a talk), so records can appear and go.
fn migrate_group(loaded: &mut Loaded, version: u32, group: Vec<(&Found, Sealed)>) {
    let mut doc = Map::new();
    let mut parsed = Vec::new();
    for (record, sealed) in group {
        match serde_json::from_str::<Value>(&sealed.data) {
            Ok(value) => {
                let (field, listed) = record.key.document_field();
                if listed {
                    if let Value::Array(list) = doc
                        .entry(field.to_string())
                        .or_insert_with(|| Value::Array(Vec::new()))
                    {
                        list.push(value);
                    }
                } else {
                    doc.insert(field.to_string(), value);
                }
                parsed.push((record, sealed.rev));
            }
            Err(e) => take(
                loaded,
                record,
                sealed.rev,
                Read::Not(format!("无法解析（{e}）")),
                Arrival::Migrated,
            ),
        }
    }
    let migrated = match migrate(Value::Object(doc), version) {
        Ok(Value::Object(map)) => map,
        Ok(_) => Map::new(),
        Err(e) => {
            for (record, rev) in parsed {
                take(
                    loaded,
                    record,
                    rev,
                    Read::Not(e.message()),
                    Arrival::Migrated,
                );
            }
            return;
        }
    };
    let mut out: Vec<(RecordKey, Value)> = Vec::new();
    for (field, value) in migrated {
        match value {
            Value::Array(items) if document::is_item_field(&field) => out.extend(
                items
                    .into_iter()
                    .filter_map(|v| Some((document::key_of_item(&field, &v)?, v))),
            ),
            value => {
                if let Some(key) = RecordKey::from_name(&field) {
                    out.push((key, value));
                }
            }
        }
    }
    for (record, rev) in &parsed {
        if !out.iter().any(|(k, _)| *k == record.key) {
            // Moved to another record: this one is deleted at the next save.
            loaded.revs.insert(record.key.clone(), *rev);
            loaded.rewrite.push(record.key.clone());
        }
    }
    for (key, value) in out {
        let source = parsed.iter().find(|(r, _)| r.key == key);
        let found = match source {
            Some((record, _)) => (*record).clone(),
            None => Found {
                key: key.clone(),
                origin: key.name(),
                raw: value.to_string(),
            },
        };
        let rev = source.map_or(0, |(_, rev)| *rev);
        let read = read_value(&key, &value);
        take(loaded, &found, rev, read, Arrival::Migrated);
    }
}

/// Why a record another page stored cannot be taken in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// Written by a newer version: this page must stop writing.
    Newer(String),
    /// Broken: it is kept aside.
    Broken(String),
}

/// A record another page stored, read for this page: its revision, clock
/// and value (none for a deleted item), or why it cannot be read.
pub fn read_stored(
    key: &RecordKey,
    raw: &str,
) -> Result<(u64, Clock, Option<RecordValue>), Unreadable> {
    let sealed = unseal_current(raw)?;
    if sealed.data == TOMBSTONE && key.is_item() {
        return Ok((sealed.rev, sealed.clock, None));
    }
    if sealed.schema_version < SCHEMA_VERSION {
        let mut loaded = Loaded::default();
        let found = Found {
            key: key.clone(),
            origin: key.name(),
            raw: raw.to_string(),
        };
        let (rev, clock) = (sealed.rev, sealed.clock.clone());
        migrate_group(&mut loaded, sealed.schema_version, vec![(&found, sealed)]);
        return document::get(&loaded.doc, key)
            .map(|v| (rev, clock, Some(v)))
            .ok_or_else(|| Unreadable::Broken("旧版本的数据无法升级".into()));
    }
    match read_record(key, &sealed) {
        Read::Whole(value) | Read::Partly(value, _) => Ok((sealed.rev, sealed.clock, Some(value))),
        Read::Not(reason) => Err(Unreadable::Broken(reason)),
    }
}

enum Read {
    Whole(RecordValue),
    /// A list with some items unreadable: the readable ones, and why.
    Partly(RecordValue, String),
    Not(String),
}

/// One record of today's schema. The fast path parses the text straight
/// into its type; only a record that fails is looked at closely.
fn read_record(key: &RecordKey, sealed: &Sealed) -> Read {
    read_text(key, &sealed.data)
}

/// A migrated record: read back through its text, so one set of readers
/// (the text ones) serves every path and the first screen's code stays small.
fn read_value(key: &RecordKey, value: &Value) -> Read {
    read_text(key, &value.to_string())
}

/// A record from its JSON text, item by item for the lists stored whole.
fn read_text(key: &RecordKey, text: &str) -> Read {
    let error = match document::from_json(key, text) {
        Ok(record) => return Read::Whole(record),
        Err(e) => e,
    };
    let value = match serde_json::from_str::<Value>(text) {
        Ok(value) => value,
        Err(e) => return Read::Not(format!("无法解析（{}）", document::plain_error(&e))),
    };
    let mut partly = Partly {
        key,
        text,
        value: &value,
        read: None,
    };
    document::visit_lists(&mut partly);
    partly
        .read
        .unwrap_or_else(|| Read::Not(problem(key, &value, &error)))
}

/// The readable items of a list stored as one record (the roster).
struct Partly<'a> {
    key: &'a RecordKey,
    text: &'a str,
    value: &'a Value,
    read: Option<Read>,
}

impl ListVisitor for Partly<'_> {
    fn visit<K: Listed>(&mut self) {
        if !K::STORED_WHOLE || self.key.document_field() != (K::FIELD, false) {
            return;
        }
        let (Ok(raw_items), Value::Array(items)) = (
            serde_json::from_str::<Vec<&RawValue>>(self.text),
            self.value,
        ) else {
            self.read = Some(Read::Not(format!("{}：应当是一个列表", self.key.name())));
            return;
        };
        let mut good = Document::default();
        let mut problems = Vec::new();
        for (i, (raw, item)) in raw_items.iter().zip(items).enumerate() {
            match serde_json::from_str::<K>(raw.get()) {
                Ok(t) => K::list_mut(&mut good).push(t),
                Err(e) => problems.push(problem_at(
                    &format!("{}[{i}]", self.key.name()),
                    item,
                    &document::plain_error(&e),
                )),
            }
        }
        self.read =
            document::get(&good, self.key).map(|value| Read::Partly(value, problems.join("；")));
    }
}

fn problem(key: &RecordKey, value: &Value, error: &str) -> String {
    problem_at(&key.name(), value, error)
}

fn problem_at(path: &str, value: &Value, error: &str) -> String {
    format!("{}：{error}", locate(value, path, error))
}
