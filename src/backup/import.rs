//! The import pipeline: size cap → parse → format → version gate → checksum →
//! migrate → strict reading with paths → semantic checks → report. It changes
//! nothing: the caller swaps the data in only after the user confirms.

use serde_json::Value;

use super::exchange::EXCHANGE_FORMAT;
use super::package::{about, About};
use super::FORMAT;
use crate::domain::rules::attendance::freeze_missing_rolls;
use crate::domain::validate::Problem;
use crate::domain::Document;
use crate::format::envelope::{open, FileKind};
use crate::format::parts::document_from_value;

/// What the app writes, it reads back: about twice the backup of the
/// largest plausible branch (`domain::limits::plausible`, 20 years of a
/// 50-member branch, about 30 MB; twelve years of 30 members are about
/// 11 MB), so a busier branch still fits, while a file of another kind
/// many times that is refused before it is parsed. A test builds that
/// branch and reads its backup back.
pub const MAX_BACKUP_BYTES: usize = 64 * 1024 * 1024;

#[derive(Debug)]
pub enum Outcome {
    /// Nothing can be imported; every problem found is listed.
    Refused(Vec<Problem>),
    /// Ready to import after confirmation. With problems, the listed items
    /// are left out and the user chooses whether to go on without them.
    Ready(Box<Staged>),
}

#[derive(Debug)]
pub struct Staged {
    pub doc: Document,
    /// Why the skipped items were left out.
    pub problems: Vec<Problem>,
    /// Texts and lists over the app's limits, imported as they are.
    pub over_limits: Vec<Problem>,
    /// Numbers that could not be read, left out of items that are kept.
    pub mended: Vec<Problem>,
    pub skipped: usize,
    pub exported_at: String,
    pub revision: u64,
    /// What the file holds, who sent it, and each record's clock.
    pub about: About,
}

pub fn read_backup(text: &str) -> Outcome {
    match read(text) {
        Ok(staged) => Outcome::Ready(Box::new(staged)),
        Err(problems) => Outcome::Refused(problems),
    }
}

/// A backup file, as the envelope reader expects it.
pub const BACKUP_FILE: FileKind = FileKind {
    format: FORMAT,
    max_bytes: MAX_BACKUP_BYTES,
    noun: "备份文件",
    other: (
        EXCHANGE_FORMAT,
        "这是党员的自评文件，不是整份备份：请在“评议 › 民主评议汇总”中导入",
    ),
};

fn read(text: &str) -> Result<Staged, Vec<Problem>> {
    let (envelope, migrated) = open(text, &BACKUP_FILE)?;
    let about = about(&envelope).map_err(|e| vec![Problem::new("文件", e)])?;
    let mut parsed = document_from_value(migrated);
    if parsed.fatal {
        return Err(parsed.problems);
    }
    // Meetings held before rolls were kept: fixed as the file's roster
    // had them, which is what they printed.
    freeze_missing_rolls(&mut parsed.doc);
    Ok(Staged {
        doc: parsed.doc,
        problems: parsed.problems,
        over_limits: parsed.over_limits,
        mended: parsed.mended,
        skipped: parsed.skipped.len(),
        exported_at: envelope
            .get("exported_at")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        revision: envelope
            .get("revision")
            .and_then(Value::as_u64)
            .unwrap_or_default(),
        about,
    })
}
