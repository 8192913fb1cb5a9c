//! Where the document lives between visits. The logic is plain Rust and
//! tested natively: the document is kept as records (`domain::document`'s
//! `RecordKey`: the branch, the roster, the templates, one per meeting, form
//! and review), so one tap rewrites one small record, not years of history. A commit is a
//! transaction that writes only over what this page read (`db::decide`);
//! the `session` keeps the edits until they are stored and applies them
//! again on top of another page's newer copy. Reading (`loading`) sets
//! unreadable values aside (`quarantine`) and never drops the app's own
//! records. The browser runs this over IndexedDB (`crate::browser`),
//! with a write-ahead `journal` in localStorage; `kv_db` is the same over
//! localStorage where IndexedDB is blocked, and the first version's layout
//! that `migration` moves into IndexedDB once.

pub mod db;
pub mod device;
pub mod filed;
pub mod journal;
pub mod kv;
pub mod kv_db;
pub mod loading;
pub mod memory;
pub mod merge;
pub mod migration;
pub mod quarantine;
pub mod session;

pub use kv::{KeyValue, StorageError};
pub use memory::{MemoryDb, MemoryKv};
pub use quarantine::Quarantined;
pub use session::Session;
