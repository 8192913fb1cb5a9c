//! The backup file and the member's self-assessment file: what they hold,
//! how they are written, and the import pipeline that reads them (through
//! `crate::format`).

pub mod exchange;
pub mod export;
pub mod import;

/// The `format` field of every backup file.
pub const FORMAT: &str = "zhibu.backup";
/// The app version written into exports, for support questions.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
