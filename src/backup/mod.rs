//! The backup file: its envelope, checksum, migrations and the import
//! pipeline, and the member's self-assessment exchange file. The store
//! reads its records through the same pipeline.

pub mod checksum;
pub mod envelope;
pub mod exchange;
pub mod export;
pub mod import;
pub mod locate;
pub mod migrate;
pub mod parts;

/// The `format` field of every backup file.
pub const FORMAT: &str = "zhibu.backup";
/// The app version written into exports, for support questions.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
