//! Where the document lives between visits. The logic is plain Rust over a
//! small key–value interface: the browser's localStorage implements it in
//! `crate::browser`, `MemoryKv` implements it for native tests.
//!
//! Layout: the document is split into records (branch, roster, templates,
//! one per meeting, one per self-assessment form, one per year's review)
//! so that one tap rewrites one small record, not years of history. Each
//! record has two slots holding whole, checksummed envelopes; a write goes
//! to the older slot and is read back before it counts, so a crash
//! mid-write leaves the previous generation intact. A head key holds the
//! revision that lets two tabs notice each other.

pub mod device;
pub mod document_store;
pub mod keys;
pub mod kv;
pub mod memory;
pub mod record;

pub use document_store::{CommitError, Opened, Quarantined, Store};
pub use kv::{KeyValue, StorageError};
pub use memory::MemoryKv;
