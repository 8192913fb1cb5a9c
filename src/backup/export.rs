//! Writing the backup file.

use std::collections::BTreeMap;

use super::package::{export_package, Sender};
use crate::domain::{Document, Scope};

/// The whole document as a pretty-printed backup file, without history
/// (see `package::export_package` for a backup that merges).
pub fn export_backup(doc: &Document, exported_at: &str, revision: u64) -> String {
    export_package(
        doc,
        Scope::Full,
        &Sender::default(),
        &BTreeMap::new(),
        exported_at,
        revision,
    )
}

/// `支部工作手册-第一党支部-2026-11-27.json`: characters that file systems
/// refuse are replaced, and an unnamed branch is called 未命名支部.
pub fn backup_file_name(branch_name: &str, date: &str) -> String {
    let cleaned = file_name_part(branch_name);
    let name = if cleaned.is_empty() {
        "未命名支部".to_string()
    } else {
        cleaned
    };
    format!("支部工作手册-{name}-{date}.json")
}

/// Text made safe for a file name: characters that file systems refuse
/// become `_`, and it is cut to 40 characters.
pub fn file_name_part(text: &str) -> String {
    text.trim()
        .chars()
        .map(|c| {
            if r#"/\:*?"<>|"#.contains(c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .take(40)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backup::FORMAT;
    use crate::domain::SCHEMA_VERSION;
    use serde_json::Value;

    #[test]
    fn file_name_has_branch_and_date_and_no_slashes() {
        assert_eq!(
            backup_file_name("一支部/二组", "2026-11-27"),
            "支部工作手册-一支部_二组-2026-11-27.json"
        );
        assert_eq!(
            backup_file_name("  ", "2026-01-01"),
            "支部工作手册-未命名支部-2026-01-01.json"
        );
    }

    #[test]
    fn export_names_format_version_and_notice() {
        let text = export_backup(&Document::default(), "2026-11-27 10:00", 3);
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["format"], FORMAT);
        assert_eq!(v["schema_version"], SCHEMA_VERSION);
        assert_eq!(v["revision"], 3);
        assert!(v["notice"].as_str().unwrap().contains("党员姓名"));
    }
}

#[cfg(test)]
mod fixture {
    /// Writes the frozen fixture of the current schema version. Run it once
    /// when a version is released: `FREEZE_FIXTURE=1 cargo test freeze`.
    #[test]
    fn freeze() {
        if std::env::var_os("FREEZE_FIXTURE").is_none() {
            return;
        }
        let doc = crate::domain::sample::example_document(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        );
        let path = format!(
            "tests/fixtures/backup-v{}.json",
            crate::domain::SCHEMA_VERSION
        );
        std::fs::write(path, super::export_backup(&doc, "2026-11-27 10:00", 1)).unwrap();
    }
}
