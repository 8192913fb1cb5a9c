//! The backup file and the member's self-assessment file: what they hold,
//! how they are written, and the import pipeline that reads them (through
//! `crate::format`).

pub mod exchange;
pub mod export;
pub mod import;
pub mod package;
pub mod report;

/// The `format` field of every backup file.
pub const FORMAT: &str = "zhibu.backup";
pub use crate::format::envelope::APP_VERSION;
