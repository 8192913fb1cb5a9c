//! Reading what is stored into a document. Each record is read on its own:
//! one that cannot be read is set aside whole, a roster with one broken
//! member keeps the others, and a record from a newer version makes the
//! page read-only without hiding the rest. What the app itself saved is
//! never dropped for failing a semantic check.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::db::{newer_version_message, Head, Snapshot};
use super::quarantine::Quarantined;
use super::records::{self, RecordKey, RecordValue};
use crate::domain::{Document, SCHEMA_VERSION};
use crate::format::locate::locate;
use crate::format::migrate::migrate;
use crate::format::record::{schema_version_of, unseal, Sealed};

/// A document read from storage, and what reading it found.
#[derive(Debug, Default)]
pub struct Loaded {
    pub doc: Document,
    /// The stored revision of each record read.
    pub revs: BTreeMap<RecordKey, u64>,
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

pub fn load(snapshot: &Snapshot) -> Loaded {
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
    let mut found: Vec<&super::db::Found> = snapshot.records.iter().collect();
    found.sort_by(|a, b| a.key.cmp(&b.key));
    for record in found {
        let aside = |reason: String| {
            (
                record.origin.clone(),
                Quarantined::new(
                    &record.origin,
                    &record.key.label(),
                    &reason,
                    record.raw.clone(),
                ),
            )
        };
        if let Some(v) = schema_version_of(&record.raw).filter(|v| *v > SCHEMA_VERSION) {
            loaded.read_only = Some(newer_version_message(v));
            continue;
        }
        let sealed = match unseal(&record.raw) {
            Ok(sealed) => sealed,
            Err(reason) => {
                loaded.set_aside.push(aside(reason));
                continue;
            }
        };
        if sealed.schema_version > SCHEMA_VERSION {
            loaded.read_only = Some(newer_version_message(sealed.schema_version));
            continue;
        }
        match read_record(&record.key, &sealed) {
            Read::Whole(value, migrated) => {
                if migrated {
                    loaded.rewrite.push(record.key.clone());
                }
                records::put(&mut loaded.doc, &record.key, Some(value));
                loaded.revs.insert(record.key.clone(), sealed.rev);
            }
            Read::Partly(value, reason) => {
                loaded.set_aside.push(aside(reason));
                loaded.rewrite.push(record.key.clone());
                records::put(&mut loaded.doc, &record.key, Some(value));
                loaded.revs.insert(record.key.clone(), sealed.rev);
            }
            Read::Not(reason) => {
                loaded.set_aside.push(aside(reason));
                // The record is gone once it is set aside; a new one may
                // be written from scratch.
            }
        }
    }
    loaded
}

/// Why a record another page stored cannot be taken in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// Written by a newer version: this page must stop writing.
    Newer(String),
    /// Broken: it is kept aside.
    Broken(String),
}

/// A record another page stored, read for this page: its revision and
/// value, or why it cannot be read.
pub fn read_stored(key: &RecordKey, raw: &str) -> Result<(u64, RecordValue), Unreadable> {
    if let Some(v) = schema_version_of(raw).filter(|v| *v > SCHEMA_VERSION) {
        return Err(Unreadable::Newer(newer_version_message(v)));
    }
    let sealed = unseal(raw).map_err(Unreadable::Broken)?;
    match read_record(key, &sealed) {
        Read::Whole(value, _) | Read::Partly(value, _) => Ok((sealed.rev, value)),
        Read::Not(reason) => Err(Unreadable::Broken(reason)),
    }
}

enum Read {
    /// Read whole; `true` when migrated from an older shape.
    Whole(RecordValue, bool),
    /// A list with some items unreadable: the readable ones, and why.
    Partly(RecordValue, String),
    Not(String),
}

/// One record's data in today's shape. The fast path parses the text
/// straight into its type; only a record that fails is looked at closely.
fn read_record(key: &RecordKey, sealed: &Sealed) -> Read {
    if sealed.schema_version == SCHEMA_VERSION {
        if let Ok(value) = records::from_json(key, &sealed.data) {
            return Read::Whole(value, false);
        }
    }
    let value: Value = match serde_json::from_str(&sealed.data) {
        Ok(v) => v,
        Err(e) => return Read::Not(format!("无法解析（{e}）")),
    };
    let migrated = sealed.schema_version != SCHEMA_VERSION;
    let value = if migrated {
        match migrate_record(key, value, sealed.schema_version) {
            Ok(v) => v,
            Err(why) => return Read::Not(why),
        }
    } else {
        value
    };
    match records::from_value(key, &value) {
        Ok(record) => Read::Whole(record, migrated),
        Err(e) => match key {
            RecordKey::Members => partly(key, &value, RecordValue::Members),
            RecordKey::Templates => partly(key, &value, RecordValue::Templates),
            _ => Read::Not(problem(key, &value, &e)),
        },
    }
}

/// The readable items of a list record.
fn partly<T: DeserializeOwned>(
    key: &RecordKey,
    value: &Value,
    wrap: fn(Vec<T>) -> RecordValue,
) -> Read {
    let Value::Array(items) = value else {
        return Read::Not(format!("{}：应当是一个列表", key.name()));
    };
    let mut good = Vec::new();
    let mut problems = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match T::deserialize(item) {
            Ok(t) => good.push(t),
            Err(e) => problems.push(problem_at(
                &format!("{}[{i}]", key.name()),
                item,
                &e.to_string(),
            )),
        }
    }
    Read::Partly(wrap(good), problems.join("；"))
}

fn problem(key: &RecordKey, value: &Value, error: &str) -> String {
    problem_at(&key.name(), value, error)
}

fn problem_at(path: &str, value: &Value, error: &str) -> String {
    format!("{}：{error}", locate(value, path, error))
}

/// Brings one record up to today's schema from its own version: migration
/// steps work on documents, so the record is wrapped as one.
fn migrate_record(key: &RecordKey, data: Value, from: u32) -> Result<Value, String> {
    let (field, listed) = key.document_field();
    let item = if listed {
        Value::Array(vec![data])
    } else {
        data
    };
    let mut partial = Map::new();
    partial.insert(field.into(), item);
    let migrated = migrate(Value::Object(partial), from).map_err(|e| e.message())?;
    let value = migrated.get(field).cloned().unwrap_or(Value::Null);
    Ok(if listed {
        value.get(0).cloned().unwrap_or(Value::Null)
    } else {
        value
    })
}
