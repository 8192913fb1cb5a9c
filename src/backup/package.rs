//! Packages that move data between a branch's phones: the full backup, the
//! 支部资料包 (secretary → members: the branch, its rules, the roster
//! without private notes, the meetings) and the 交给书记 return (member →
//! secretary: their self-assessments and what they recorded in meetings).
//! Each is a backup file with a scope, its sender and each record's clock,
//! so the phone that opens it merges instead of replacing.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::FORMAT;
use crate::domain::{Document, Scope};
use crate::format::checksum::checksum;
use crate::format::clock::Clock;
use crate::format::envelope::{write, Header};

/// Members' names are personal data: every file says so itself.
pub const NOTICE: &str = "本文件包含党员姓名等信息，请妥善保管，不要转发到群聊或上传到网盘。";

/// Who made a package.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sender {
    /// The phone's id, as in the records' clocks.
    pub device: String,
    /// The member using the phone, if they said who they are.
    #[serde(default)]
    pub member_id: Option<String>,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub branch: String,
}

impl Sender {
    /// "王建国（示例单位第一党支部）", or the branch alone.
    pub fn describe(&self) -> String {
        match (self.name.trim(), self.branch.trim()) {
            ("", "") => "未署名".into(),
            ("", branch) => branch.to_string(),
            (name, "") => name.to_string(),
            (name, branch) => format!("{name}（{branch}）"),
        }
    }
}

/// The package as a file: `doc` as `document::pack` made it, with the
/// clocks of its records by record name.
pub fn export_package(
    doc: &Document,
    scope: Scope,
    sender: &Sender,
    clocks: &BTreeMap<String, Clock>,
    exported_at: &str,
    revision: u64,
) -> String {
    let data = serde_json::to_value(doc).unwrap_or(Value::Null);
    let clocks = serde_json::to_value(clocks).unwrap_or(Value::Null);
    let mut extra = Map::new();
    extra.insert(
        "scope".into(),
        serde_json::to_value(scope).unwrap_or(Value::Null),
    );
    extra.insert(
        "sender".into(),
        serde_json::to_value(sender).unwrap_or(Value::Null),
    );
    extra.insert("clocks_checksum".into(), Value::String(checksum(&clocks)));
    extra.insert("clocks".into(), clocks);
    write(
        &Header {
            format: FORMAT,
            exported_at,
            notice: NOTICE,
            revision: Some(revision),
            extra,
        },
        data,
    )
}

/// What a package says about itself, read from its envelope. A file of
/// the first versions has no scope (a full backup), no sender and no
/// clocks (history unknown).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct About {
    pub scope: Scope,
    pub sender: Option<Sender>,
    pub clocks: BTreeMap<String, Clock>,
}

pub fn about(envelope: &Map<String, Value>) -> Result<About, String> {
    let scope = envelope
        .get("scope")
        .map(|s| serde_json::from_value(s.clone()))
        .transpose()
        .map_err(|_| "文件的类型无法识别".to_string())?
        .unwrap_or_default();
    let sender = envelope
        .get("sender")
        .and_then(|s| serde_json::from_value(s.clone()).ok());
    let clocks = match envelope.get("clocks") {
        None => BTreeMap::new(),
        Some(clocks) => {
            let expected = envelope
                .get("clocks_checksum")
                .and_then(Value::as_str)
                .unwrap_or_default();
            if expected != checksum(clocks) {
                return Err("校验和不符：文件在导出后被改动或已损坏".into());
            }
            serde_json::from_value(clocks.clone())
                .map_err(|_| "文件的修改记录无法读取".to_string())?
        }
    };
    Ok(About {
        scope,
        sender,
        clocks,
    })
}

/// Branch names written differently by hand: spaces, full-width letters
/// and digits do not count.
pub fn same_branch(a: &str, b: &str) -> bool {
    normalise(a) == normalise(b)
}

fn normalise(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::document::pack;
    use crate::domain::sample::example_document;
    use crate::domain::{Packing, RecordKey};
    use chrono::NaiveDate;

    fn packing(scope: Scope, me: Option<&str>) -> Packing<'_> {
        Packing {
            scope,
            me,
            since_year: 2025,
            with_private: false,
        }
    }

    fn example() -> Document {
        example_document(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap())
    }

    #[test]
    fn the_branch_package_has_the_shared_records_and_no_private_notes() {
        let mut doc = example();
        doc.members[0].note = "手机 139…".into();
        let package = pack(&doc, &packing(Scope::Branch, None), &|_| false);
        assert_eq!(package.members.len(), 25);
        assert!(package.members.iter().all(|m| m.note.is_empty()));
        assert_eq!(package.meetings.len(), doc.meetings.len());
        assert!(package.assessments.is_empty() && package.reviews.is_empty());
        assert!(
            package.talks.is_empty(),
            "talks stay with whoever held them"
        );
    }

    #[test]
    fn a_return_has_the_members_own_forms_and_the_meetings_recorded_on_the_phone() {
        let doc = example();
        let package = pack(&doc, &packing(Scope::Return, Some("m10")), &|key| {
            *key == RecordKey::meeting("mt-ex-1")
        });
        assert!(package.assessments.iter().all(|f| f.member_id == "m10"));
        assert_eq!(package.assessments.len(), 2);
        assert_eq!(package.meetings.len(), 1);
        assert!(package.talks.is_empty() && package.reviews.is_empty());
    }

    #[test]
    fn the_envelope_says_what_it_holds_and_who_sent_it() {
        let doc = example();
        let sender = Sender {
            device: "d-1".into(),
            member_id: Some("m01".into()),
            name: "王建国".into(),
            branch: doc.branch.name.clone(),
        };
        let clocks = BTreeMap::from([(
            "branch".to_string(),
            Clock::default().after_write("d-1", None, Some(&Value::Null)),
        )]);
        let text = export_package(&doc, Scope::Branch, &sender, &clocks, "2026-12-01 10:00", 0);
        let envelope: Map<String, Value> = serde_json::from_str(&text).unwrap();
        let about = about(&envelope).unwrap();
        assert_eq!(about.scope, Scope::Branch);
        assert_eq!(
            about.sender.unwrap().describe(),
            "王建国（示例单位第一党支部）"
        );
        assert_eq!(about.clocks, clocks);
        let changed = text.replace(r#""d-1": 1"#, r#""d-1": 2"#);
        let envelope: Map<String, Value> = serde_json::from_str(&changed).unwrap();
        assert!(about_err(&envelope).contains("校验和"));
    }

    fn about_err(envelope: &Map<String, Value>) -> String {
        about(envelope).unwrap_err()
    }

    #[test]
    fn branch_names_differing_only_in_spaces_or_width_are_the_same() {
        assert!(same_branch("示例单位第一党支部", " 示例单位 第一党支部 "));
        assert!(same_branch("ＡＢＣ公司１支部", "abc公司1支部"));
        assert!(!same_branch("第一党支部", "第二党支部"));
    }
}
