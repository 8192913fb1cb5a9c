//! Opening a file this app wrote (a backup or a member's assessment file):
//! size cap → JSON → format → version gate → checksum → migration. Every
//! refusal names the field and says what is wrong in Chinese.

use serde::Serialize;
use serde_json::{Map, Value};

use super::checksum::checksum;
use super::migrate::migrate;
use crate::domain::validate::Problem;
use crate::domain::SCHEMA_VERSION;

/// The app version written into files, for support questions.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// What a file says about itself, around its data.
pub struct Header<'a> {
    pub format: &'a str,
    pub exported_at: &'a str,
    /// Who may read it: the file says so itself.
    pub notice: &'a str,
    /// The store's revision, in a full backup.
    pub revision: Option<u64>,
    /// More fields of the envelope: what a package holds, who sent it and
    /// each record's clock.
    pub extra: Map<String, Value>,
}

#[derive(Serialize)]
struct Written<'a> {
    format: &'a str,
    schema_version: u32,
    app_version: &'a str,
    exported_at: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    revision: Option<u64>,
    notice: &'a str,
    #[serde(flatten)]
    extra: &'a Map<String, Value>,
    checksum: String,
    data: Value,
}

/// A file of this app: the header, today's schema version, the checksum of
/// the data, and the data, pretty-printed.
pub fn write(header: &Header, data: Value) -> String {
    let written = Written {
        format: header.format,
        schema_version: SCHEMA_VERSION,
        app_version: APP_VERSION,
        exported_at: header.exported_at,
        revision: header.revision,
        notice: header.notice,
        extra: &header.extra,
        checksum: checksum(&data),
        data,
    };
    serde_json::to_string_pretty(&written).unwrap_or_default()
}

/// The format of a 报上级 package (`backup::report`), which only the
/// 党委 side opens.
pub const REPORT_FORMAT: &str = "zhibu.report";

/// What kind of file is expected.
pub struct FileKind {
    pub format: &'static str,
    pub max_bytes: usize,
    /// "备份文件" or "自评文件", for messages.
    pub noun: &'static str,
    /// The app's other file format, and what to tell someone who picked it.
    pub other: (&'static str, &'static str),
}

fn refuse(path: &str, message: impl Into<String>) -> Vec<Problem> {
    vec![Problem::new(path, message)]
}

/// The envelope's own fields, and its data brought up to today's schema.
pub fn open(text: &str, kind: &FileKind) -> Result<(Map<String, Value>, Value), Vec<Problem>> {
    if text.len() > kind.max_bytes {
        return Err(refuse(
            "文件",
            format!(
                "文件太大（{} KB），{}不会超过 {} KB",
                text.len() / 1024,
                kind.noun,
                kind.max_bytes / 1024
            ),
        ));
    }
    let text = text.trim_start_matches('\u{feff}').trim();
    if text.is_empty() {
        return Err(refuse("文件", "文件是空的"));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        refuse(
            "文件",
            format!(
                "不是完整的{}：第 {} 行第 {} 列附近出错，文件可能被截断或改动过",
                kind.noun,
                e.line(),
                e.column()
            ),
        )
    })?;
    let Value::Object(mut envelope) = value else {
        return Err(refuse("文件", format!("这不是支部工作手册的{}", kind.noun)));
    };
    match envelope.get("format").and_then(Value::as_str) {
        Some(format) if format == kind.format => {}
        Some(format) if format == kind.other.0 => return Err(refuse("format", kind.other.1)),
        Some(REPORT_FORMAT) => {
            return Err(refuse(
                "format",
                "这是报上级材料，只能由党委组织员导入：请在“我的 › 党委组织员”中粘贴或选择它。",
            ))
        }
        _ => {
            return Err(refuse(
                "format",
                format!(
                    "这不是支部工作手册的{}（缺少 format: {}）",
                    kind.noun, kind.format
                ),
            ))
        }
    }
    let version = envelope
        .get("schema_version")
        .and_then(Value::as_u64)
        .and_then(|v| u32::try_from(v).ok())
        .ok_or_else(|| refuse("schema_version", "缺少数据版本号"))?;
    let data = envelope
        .remove("data")
        .ok_or_else(|| refuse("data", "缺少数据部分"))?;
    // The version gate comes first: a file from a newer app says "请升级"
    // rather than "corrupted".
    let migrated =
        migrate(data.clone(), version).map_err(|e| refuse("schema_version", e.message()))?;
    let expected = envelope
        .get("checksum")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if expected != checksum(&data) {
        return Err(refuse("checksum", "校验和不符：文件在导出后被改动或已损坏"));
    }
    Ok((envelope, migrated))
}
