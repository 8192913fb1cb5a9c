//! The bookkeeping beside an open document: which revision of each record
//! this page read, the edits not yet stored, and what to do when a commit
//! comes back. It does no input or output itself: it hands out
//! transactions and takes their outcomes, so the same logic runs over
//! IndexedDB in the browser and over an in-memory store in native tests.
//!
//! Edits are kept as operations until they are stored. When another page
//! stored one of the same records first, the record is read again and the
//! operations are applied once more on top of it: two pages tapping at the
//! same moment both keep their taps, and nothing is written over without
//! being read first.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use super::db::{Expect, Txn, TxnOutcome, Write};
use super::journal::JournalEntry;
use super::loading::{read_stored, Loaded, Unreadable};
use super::quarantine::Quarantined;
use crate::domain::document::{self, RecordKey, RecordValue};
use crate::domain::Document;
use crate::format::clock::Clock;
use crate::format::record::TOMBSTONE;
use serde_json::Value;

/// An edit, kept until it is stored. It must be safe to apply again to a
/// newer copy of its records: it says what the member wants ("mark 张三
/// present"), not what to toggle.
pub type Op = Rc<dyn Fn(&mut Document)>;

/// More conflicts in a row than this, and the page stops retrying until
/// the next edit: something keeps writing the same records.
const MAX_RETRIES: u32 = 8;
/// At most this many records of one commit are kept for the next edit.
const KEEP_COMMITTED: usize = 8;

struct Edit {
    keys: Vec<RecordKey>,
    op: Op,
    /// A whole new document (example data, undo): stored records it lacks
    /// are deleted.
    replace: bool,
    /// All or nothing (a replace, a merged import): on failure it is taken
    /// back, never retried, and it is not journalled: the page waits for it
    /// to be stored before saying it was.
    atomic: bool,
}

struct Flight {
    edits: usize,
    /// The records as sent: what is stored once the commit succeeds.
    sent: BTreeMap<RecordKey, Option<RecordValue>>,
    /// Their clocks as sent.
    clocks: BTreeMap<RecordKey, Clock>,
}

/// What the page should do after a commit came back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum After {
    /// Everything up to this commit is stored.
    Saved,
    /// Another page stored some of the same records first; the edits were
    /// applied again on top of theirs: commit again.
    Retry,
    /// Nothing was written; the edits stay and go with the next commit.
    Failed(String),
    /// A whole new document could not be stored and was taken back; the
    /// stored data is as it was.
    ReplaceFailed(String),
    /// The page must not write (newer data, or a value it could not keep
    /// aside).
    ReadOnly(String),
    /// The store was emptied under the page; everything this page holds
    /// is written back with the next commit.
    Cleared,
    /// Conflicts kept coming; the next edit tries again.
    Conflict,
}

pub struct Session {
    revs: BTreeMap<RecordKey, u64>,
    /// The history of each record as stored, for merging with other phones.
    clocks: BTreeMap<RecordKey, Clock>,
    /// Records merged from another phone: the merged copy and its clock,
    /// which the next write starts from instead of the stored clock, so
    /// what came from there keeps its history rather than becoming this
    /// phone's change.
    merged: BTreeMap<RecordKey, (Option<Value>, Clock)>,
    /// What is stored under the records the waiting edits touch, as it was
    /// before them.
    base: BTreeMap<RecordKey, Option<RecordValue>>,
    /// The records the last commit stored, at the revision it gave them:
    /// the next edit of one starts from this copy instead of copying the
    /// record while the member waits for the tap to show. Emptied whenever
    /// anything but this page's own commit changes what is stored or shown.
    committed: BTreeMap<RecordKey, (u64, Option<RecordValue>)>,
    edits: Vec<Edit>,
    flight: Option<Flight>,
    read_only: Option<String>,
    has_stored: bool,
    device: String,
    retries: u32,
}

impl Session {
    /// The session of a document read from storage (`loaded.doc`). Records
    /// that were migrated or lost an unreadable item are written again.
    pub fn open(loaded: &Loaded, device: &str) -> Session {
        let mut session = Session {
            revs: loaded.revs.clone(),
            clocks: loaded.clocks.clone(),
            merged: BTreeMap::new(),
            base: BTreeMap::new(),
            committed: BTreeMap::new(),
            edits: Vec::new(),
            flight: None,
            read_only: loaded.read_only.clone(),
            has_stored: loaded.has_data,
            device: device.to_string(),
            retries: 0,
        };
        if !loaded.rewrite.is_empty() && session.read_only.is_none() {
            session.touch(&loaded.doc, loaded.rewrite.clone());
        }
        session
    }

    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// Marks the page read-only (a value could not be kept aside).
    pub fn set_read_only(&mut self, why: String) {
        self.read_only = Some(why);
    }

    /// Edits not yet stored, in flight or waiting.
    pub fn has_unsaved(&self) -> bool {
        !self.edits.is_empty()
    }

    pub fn in_flight(&self) -> bool {
        self.flight.is_some()
    }

    pub fn revision(&self, key: &RecordKey) -> u64 {
        self.revs.get(key).copied().unwrap_or(0)
    }

    /// Each record's history as this page knows it, waiting writes
    /// included, for a package or backup made now.
    pub fn clocks(&self, doc: &Document) -> BTreeMap<RecordKey, Clock> {
        let mut out = self.clocks.clone();
        for key in self.touched() {
            out.insert(key.clone(), self.next_clock(doc, &key));
        }
        out
    }

    /// Applies records merged from another phone (see `store::merge`):
    /// each is written with the clock the merge gave it.
    pub fn merge_in(
        &mut self,
        doc: &mut Document,
        merged: Vec<(RecordKey, Option<RecordValue>, Clock)>,
    ) {
        let keys: Vec<RecordKey> = merged.iter().map(|(k, _, _)| k.clone()).collect();
        for (key, value, clock) in &merged {
            self.merged.insert(
                key.clone(),
                (value.as_ref().and_then(document::value_json), clock.clone()),
            );
        }
        let merged = Rc::new(merged);
        let op: Op = Rc::new(move |d| {
            for (key, value, _) in merged.iter() {
                document::put(d, key, value.clone());
            }
        });
        self.apply(doc, keys, op, false, true);
    }

    /// The clock a record gets when written now: one more write of this
    /// phone, dated on the fields it changed, unless nothing changed.
    fn next_clock(&self, doc: &Document, key: &RecordKey) -> Clock {
        let now = document::get(doc, key).and_then(|v| document::value_json(&v));
        let (before, clock) = match self.merged.get(key) {
            Some((value, clock)) => (value.clone(), clock.clone()),
            None => {
                let clock = self.clocks.get(key).cloned().unwrap_or_default();
                // Never stored: the first write makes every field, as a new
                // phone's unnamed branch or empty roster has none of its own.
                let before = if clock.is_empty() && self.revision(key) == 0 {
                    None
                } else {
                    self.base
                        .get(key)
                        .cloned()
                        .flatten()
                        .and_then(|v| document::value_json(&v))
                };
                (before, clock)
            }
        };
        if before == now {
            clock
        } else {
            clock.after_write(&self.device, before.as_ref(), now.as_ref())
        }
    }

    /// Applies an edit to the records `keys` of `doc` and keeps it until it
    /// is stored. In debug builds, an edit that changes a record it did not
    /// name fails at once.
    pub fn edit(&mut self, doc: &mut Document, keys: Vec<RecordKey>, op: Op) {
        self.apply(doc, keys, op, false, false);
    }

    /// An edit its caller waits on until it is stored or refused (bringing
    /// back a value kept aside): stored in a transaction of its own kind,
    /// so the promise is kept.
    pub fn edit_atomic(&mut self, doc: &mut Document, keys: Vec<RecordKey>, op: Op) {
        self.apply(doc, keys, op, false, true);
    }

    /// Replaces the whole document: every record of `doc` and of `new` is
    /// written, and stored records of neither are deleted.
    pub fn replace(&mut self, doc: &mut Document, new: Document) {
        let mut keys = document::all_keys(doc);
        for key in document::all_keys(&new) {
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        let new = Rc::new(new);
        self.apply(doc, keys, Rc::new(move |d| *d = (*new).clone()), true, true);
    }

    fn apply(
        &mut self,
        doc: &mut Document,
        keys: Vec<RecordKey>,
        op: Op,
        replace: bool,
        atomic: bool,
    ) {
        self.keep_base(doc, &keys);
        #[cfg(debug_assertions)]
        let untouched = untouched_records(doc, &keys);
        op(doc);
        #[cfg(debug_assertions)]
        check_untouched(doc, &keys, untouched);
        self.edits.push(Edit {
            keys,
            op,
            replace,
            atomic,
        });
        self.retries = 0;
    }

    /// Remembers what is stored under `keys` before an edit changes them.
    fn keep_base(&mut self, doc: &Document, keys: &[RecordKey]) {
        for key in keys {
            if self.base.contains_key(key) {
                continue;
            }
            let value = match self.committed.remove(key) {
                Some((rev, value)) if rev == self.revision(key) => value,
                _ => document::get(doc, key),
            };
            self.base.insert(key.clone(), value);
        }
    }

    /// Marks records to be written as they are, without changing them.
    fn touch(&mut self, doc: &Document, keys: Vec<RecordKey>) {
        self.keep_base(doc, &keys);
        self.edits.push(Edit {
            keys,
            op: Rc::new(|_| {}),
            replace: false,
            atomic: false,
        });
    }

    /// The transaction that stores every waiting edit, if there is one and
    /// no other is in flight.
    pub fn begin(&mut self, doc: &Document, at: u64) -> Option<Txn> {
        if self.flight.is_some() || self.edits.is_empty() || self.read_only.is_some() {
            return None;
        }
        if self.retries > MAX_RETRIES {
            return None;
        }
        let replace = self.edits.iter().any(|e| e.replace);
        let keys = self.touched();
        let sent = keys
            .iter()
            .map(|k| (k.clone(), document::get(doc, k)))
            .collect();
        let clocks: BTreeMap<RecordKey, Clock> = keys
            .iter()
            .map(|k| (k.clone(), self.next_clock(doc, k)))
            .collect();
        let writes = keys
            .iter()
            .map(|key| {
                let clock = clocks.get(key).cloned().unwrap_or_default();
                Write {
                    key: key.clone(),
                    expect: if replace {
                        Expect::Any
                    } else {
                        Expect::Rev(self.revision(key))
                    },
                    data: stored_data(doc, key, &clock, replace),
                    clock,
                }
            })
            .collect();
        self.flight = Some(Flight {
            edits: self.edits.len(),
            sent,
            clocks,
        });
        Some(Txn {
            writes,
            replace_all: replace,
            atomic: self.edits.iter().any(|e| e.atomic),
            expect_store: self.has_stored,
            by: self.device.clone(),
            at,
        })
    }

    /// Takes the outcome of the transaction `begin` gave out.
    pub fn finish(&mut self, doc: &mut Document, outcome: TxnOutcome) -> (After, Vec<Quarantined>) {
        let Some(flight) = self.flight.take() else {
            return (After::Saved, Vec::new());
        };
        // A tap stores a record or two; a whole document replaced or
        // merged is not kept twice in memory.
        let keep = flight.sent.len() <= KEEP_COMMITTED;
        self.committed.clear();
        match outcome {
            TxnOutcome::Committed(revs) => {
                self.has_stored = true;
                self.retries = 0;
                for (key, rev) in revs {
                    self.revs.insert(key, rev);
                }
                for (key, clock) in flight.clocks {
                    self.merged.remove(&key);
                    self.clocks.insert(key, clock);
                }
                self.edits.drain(..flight.edits);
                let still = self.touched();
                self.base.retain(|k, _| still.contains(k));
                for (key, value) in flight.sent {
                    if still.contains(&key) {
                        self.base.insert(key, value);
                    } else if keep {
                        let rev = self.revision(&key);
                        self.committed.insert(key, (rev, value));
                    }
                }
                (After::Saved, Vec::new())
            }
            TxnOutcome::Conflict(stored) => {
                self.retries += 1;
                let found = self.rebase(doc, stored);
                let after = if self.retries > MAX_RETRIES {
                    After::Conflict
                } else {
                    After::Retry
                };
                (after, found)
            }
            TxnOutcome::Cleared => {
                self.cleared(doc);
                (After::Cleared, Vec::new())
            }
            TxnOutcome::ReadOnly(why) => {
                self.read_only = Some(why.clone());
                (After::ReadOnly(why), Vec::new())
            }
            TxnOutcome::Failed(error) => {
                let message = error.message();
                let atomic = self.edits[..flight.edits].iter().any(|e| e.atomic);
                if atomic {
                    let mut i = 0;
                    self.edits.retain(|e| {
                        i += 1;
                        !(i <= flight.edits && e.atomic)
                    });
                    for key in self.merged.keys().cloned().collect::<Vec<_>>() {
                        if !self.touched().contains(&key) {
                            self.merged.remove(&key);
                        }
                    }
                    self.rebuild(doc);
                    (After::ReplaceFailed(message), Vec::new())
                } else {
                    (After::Failed(message), Vec::new())
                }
            }
        }
    }

    /// Records another page stored: `(key, revision, stored text)`. Those
    /// newer than what this page read are taken in; where this page has
    /// edits waiting, they are applied again on top. Returns the values
    /// that could not be read.
    pub fn absorb(
        &mut self,
        doc: &mut Document,
        stored: Vec<(RecordKey, u64, Option<String>)>,
    ) -> Vec<Quarantined> {
        self.committed.clear();
        let mut found = Vec::new();
        let mut rebuild = false;
        for (key, rev, raw) in stored {
            if rev <= self.revision(&key) {
                continue;
            }
            let value = match raw.as_deref().map(|r| read_stored(&key, r)) {
                None => None,
                Some(Ok((_, clock, value))) => {
                    self.clocks.insert(key.clone(), clock);
                    value
                }
                Some(Err(Unreadable::Newer(why))) => {
                    self.read_only = Some(why);
                    continue;
                }
                Some(Err(Unreadable::Broken(reason))) => {
                    found.push(aside(&key, &reason, raw.unwrap_or_default()));
                    continue;
                }
            };
            self.revs.insert(key.clone(), rev);
            self.has_stored = true;
            if let Some(base) = self.base.get_mut(&key) {
                *base = value;
                rebuild = true;
            } else {
                document::put(doc, &key, value);
            }
        }
        if rebuild {
            self.rebuild(doc);
        }
        found
    }

    /// Everything was read again (another page replaced the whole
    /// document): the page shows what is stored, with its own waiting
    /// edits applied on top.
    pub fn reload(&mut self, doc: &mut Document, loaded: &Loaded) {
        self.committed.clear();
        self.revs = loaded.revs.clone();
        self.clocks = loaded.clocks.clone();
        self.has_stored = self.has_stored || loaded.has_data;
        *doc = loaded.doc.clone();
        for (key, base) in self.base.iter_mut() {
            *base = document::get(&loaded.doc, key);
        }
        self.flight = None;
        self.rebuild(doc);
    }

    /// The store was emptied under the page: everything the page holds is
    /// written again with the next commit.
    pub fn cleared(&mut self, doc: &Document) {
        self.committed.clear();
        self.revs.clear();
        self.has_stored = false;
        self.flight = None;
        self.touch(doc, document::all_keys(doc));
    }

    /// The records this page knows older than `(key, revision)` pairs
    /// another page announced: the ones to read again.
    pub fn stale(&self, announced: &[(RecordKey, u64)]) -> Vec<RecordKey> {
        announced
            .iter()
            .filter(|(key, rev)| *rev > self.revision(key))
            .map(|(key, _)| key.clone())
            .collect()
    }

    /// What a reload must not lose while a commit is under way: each record
    /// with edits waiting, at the revision they were made on. Empty while a
    /// whole new document waits (it is not journalled: the page waits for
    /// it to be stored before saying it was).
    pub fn journal(&self, doc: &Document) -> Vec<JournalEntry> {
        if self.edits.iter().any(|e| e.atomic) {
            return Vec::new();
        }
        self.touched()
            .into_iter()
            .map(|key| {
                let clock = self.next_clock(doc, &key);
                JournalEntry {
                    data: stored_data(doc, &key, &clock, false),
                    base_rev: self.revision(&key),
                    key: key.name(),
                }
            })
            .collect()
    }

    /// Every record the waiting edits touch, in the order first touched.
    fn touched(&self) -> Vec<RecordKey> {
        let mut keys: Vec<RecordKey> = Vec::new();
        let mut seen = BTreeSet::new();
        for key in self.edits.iter().flat_map(|e| &e.keys) {
            if seen.insert(key) {
                keys.push(key.clone());
            }
        }
        keys
    }

    fn rebase(
        &mut self,
        doc: &mut Document,
        stored: Vec<(RecordKey, Option<String>)>,
    ) -> Vec<Quarantined> {
        let mut found = Vec::new();
        for (key, raw) in stored {
            match raw.as_deref().map(|r| read_stored(&key, r)) {
                None => {
                    self.revs.insert(key.clone(), 0);
                    self.base.insert(key, None);
                }
                Some(Ok((rev, clock, value))) => {
                    self.revs.insert(key.clone(), rev);
                    self.clocks.insert(key.clone(), clock);
                    self.base.insert(key, value);
                }
                Some(Err(Unreadable::Newer(why))) => self.read_only = Some(why),
                Some(Err(Unreadable::Broken(reason))) => {
                    // Kept aside (which deletes it); this page's copy is
                    // written in its place.
                    found.push(aside(&key, &reason, raw.unwrap_or_default()));
                    self.revs.insert(key, 0);
                }
            }
        }
        self.rebuild(doc);
        found
    }

    /// Puts back what is stored under every touched record and applies the
    /// waiting edits again, in order.
    fn rebuild(&mut self, doc: &mut Document) {
        for (key, value) in &self.base {
            document::put(doc, key, value.clone());
        }
        for edit in &self.edits {
            (edit.op)(doc);
        }
        if self.edits.is_empty() {
            self.base.clear();
        }
    }
}

/// What a write stores for `key`: the record, or for an item that is gone
/// a tombstone (`null`) that keeps the deletion's history, so the deletion
/// reaches other phones and an older package cannot bring the item back.
/// A whole new document deletes what it lacks outright, and so does a
/// deletion with no history to keep (an import taken back).
fn stored_data(doc: &Document, key: &RecordKey, clock: &Clock, replace: bool) -> Option<String> {
    match document::to_json(doc, key) {
        Some(data) => Some(data),
        None if !replace && key.is_item() && !clock.is_empty() => Some(TOMBSTONE.to_string()),
        None => None,
    }
}

fn aside(key: &RecordKey, reason: &str, raw: String) -> Quarantined {
    Quarantined::new(&key.name(), &key.label(), reason, raw)
}

#[cfg(debug_assertions)]
fn untouched_records(doc: &Document, named: &[RecordKey]) -> Vec<(RecordKey, Option<RecordValue>)> {
    document::all_keys(doc)
        .into_iter()
        .filter(|k| !named.contains(k))
        .map(|k| {
            let value = document::get(doc, &k);
            (k, value)
        })
        .collect()
}

#[cfg(debug_assertions)]
fn check_untouched(
    doc: &Document,
    named: &[RecordKey],
    before: Vec<(RecordKey, Option<RecordValue>)>,
) {
    let after: Vec<RecordKey> = document::all_keys(doc)
        .into_iter()
        .filter(|k| !named.contains(k))
        .collect();
    assert!(
        after.len() == before.len() && after.iter().all(|k| before.iter().any(|(b, _)| b == k)),
        "an edit of {named:?} added or removed a record it did not name"
    );
    for (key, value) in before {
        assert!(
            document::get(doc, &key) == value,
            "an edit of {named:?} changed {key:?}, which it did not name"
        );
    }
}
