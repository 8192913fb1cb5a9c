//! The import pipeline: size cap → parse → format → version gate → checksum →
//! migrate → strict reading with paths → semantic checks → report. It changes
//! nothing: the caller swaps the data in only after the user confirms.

use serde_json::Value;

use super::checksum::checksum;
use super::migrate::migrate;
use super::parts::document_from_value;
use super::FORMAT;
use crate::domain::validate::Problem;
use crate::domain::Document;

/// Larger than years of records, small enough not to hang a phone.
pub const MAX_BACKUP_BYTES: usize = 10 * 1024 * 1024;

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
    pub problems: Vec<Problem>,
    pub skipped: usize,
    pub exported_at: String,
    pub revision: u64,
}

pub fn read_backup(text: &str) -> Outcome {
    match read(text) {
        Ok(staged) => Outcome::Ready(Box::new(staged)),
        Err(problems) => Outcome::Refused(problems),
    }
}

fn read(text: &str) -> Result<Staged, Vec<Problem>> {
    let refuse = |path: &str, message: String| vec![Problem::new(path, message)];
    if text.len() > MAX_BACKUP_BYTES {
        return Err(refuse(
            "文件",
            format!(
                "文件太大（{} KB），备份文件不会超过 {} KB",
                text.len() / 1024,
                MAX_BACKUP_BYTES / 1024
            ),
        ));
    }
    let text = text.trim_start_matches('\u{feff}').trim();
    if text.is_empty() {
        return Err(refuse("文件", "文件是空的".into()));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        refuse(
            "文件",
            format!(
                "不是完整的 JSON：第 {} 行第 {} 列附近出错，文件可能被截断或改动过",
                e.line(),
                e.column()
            ),
        )
    })?;
    let Value::Object(mut envelope) = value else {
        return Err(refuse("文件", "这不是支部工作手册的备份文件".into()));
    };
    if envelope.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(refuse(
            "format",
            "这不是支部工作手册的备份文件（缺少 format: zhibu.backup）".into(),
        ));
    }
    let version = envelope
        .get("schema_version")
        .and_then(Value::as_u64)
        .and_then(|v| u32::try_from(v).ok())
        .ok_or_else(|| refuse("schema_version", "缺少数据版本号".into()))?;
    let data = envelope
        .remove("data")
        .ok_or_else(|| refuse("data", "缺少数据部分".into()))?;
    let expected = envelope
        .get("checksum")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let migrated =
        migrate(data.clone(), version).map_err(|e| refuse("schema_version", e.message()))?;
    if expected != checksum(&data) {
        return Err(refuse(
            "checksum",
            "校验和不符：文件在导出后被改动或已损坏".into(),
        ));
    }
    let parsed = document_from_value(migrated);
    if parsed.fatal {
        return Err(parsed.problems);
    }
    Ok(Staged {
        doc: parsed.doc,
        problems: parsed.problems,
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
    })
}
