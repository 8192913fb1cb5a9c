//! The small file a member hands to the secretary: one self-assessment form
//! of one year. Its data is shaped like a document holding just the branch
//! name, the member and the form, so it goes through the same migrations,
//! strict reading and semantic checks as a backup, with the same paths in
//! its problems. Reading is pure and never panics; applying it to the
//! branch's review is a separate step.

use serde_json::Value;

use super::export::file_name_part;
use super::FORMAT;
use crate::domain::assessment::review::{review_mut, summary_of};
use crate::domain::assessment::{AssessmentForm, AssessmentKind};
use crate::domain::validate::Problem;
use crate::domain::{Branch, Document, Member};
use crate::format::envelope::{open, write, FileKind, Header};
use crate::format::parts::document_from_value;

/// The `format` field of an exchange file.
pub const EXCHANGE_FORMAT: &str = "zhibu.assessment";
/// Far above any real form (whose texts are capped), small enough to refuse
/// a wrong file at once.
pub const MAX_EXCHANGE_BYTES: usize = 1024 * 1024;
pub const EXCHANGE_NOTICE: &str =
    "本文件是一名党员的年度自评，只交给本支部书记，请勿转发到群聊或上传到网盘。";

/// A form read from a member's file, checked and ready to apply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedAssessment {
    pub branch_name: String,
    /// The member as their own roster has them: id, name, standing, role.
    pub member: Member,
    pub form: AssessmentForm,
    pub exported_at: String,
}

/// What applying a file did, for the confirmation line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportOutcome {
    /// The member in the secretary's roster the form was filed under.
    pub member_id: String,
    /// An earlier file of the same member, year and kind was replaced.
    pub updated: bool,
    /// "已导入张三的2025年度“四个合格”自评。"
    pub message: String,
}

/// The member's form as an exchange file; `None` if the form's member is
/// not in the roster, which a valid document never has.
pub fn export_assessment(
    doc: &Document,
    form: &AssessmentForm,
    exported_at: &str,
) -> Option<String> {
    let member = doc.member(&form.member_id)?;
    let data = serde_json::json!({
        "branch": Branch {
            name: doc.branch.name.clone(),
            assessment: doc.branch.assessment.clone(),
            ..Branch::default()
        },
        "members": [handed_in_member(member)],
        "assessments": [form],
    });
    Some(write(
        &Header {
            format: EXCHANGE_FORMAT,
            exported_at,
            notice: EXCHANGE_NOTICE,
            revision: None,
            extra: serde_json::Map::new(),
        },
        data,
    ))
}

/// Only what the secretary needs to file the form: the note, 党小组 and
/// dates stay on the member's device.
fn handed_in_member(member: &Member) -> Member {
    Member {
        roles: member.roles.clone(),
        ..Member::new(member.id.clone(), member.name.clone(), member.standing)
    }
}

/// `自评-2025年度-四个合格-张三.json`.
pub fn assessment_file_name(member_name: &str, year: i32, kind: AssessmentKind) -> String {
    format!(
        "自评-{year}年度-{}-{}.json",
        kind.label(),
        file_name_part(member_name)
    )
}

/// Reads a member's file for the branch `expected_branch` and the year
/// under review. Every problem found is listed, each with its path.
pub fn read_assessment(
    text: &str,
    expected_branch: &str,
    expected_year: i32,
) -> Result<ImportedAssessment, Vec<Problem>> {
    let (envelope, data) = open(text, &EXCHANGE_FILE)?;
    let imported = read_data(data)?;
    let exported_at = envelope
        .get("exported_at")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let problems = mismatches(&imported, expected_branch, expected_year);
    if !problems.is_empty() {
        return Err(problems);
    }
    let (branch_name, member, form) = imported;
    Ok(ImportedAssessment {
        branch_name,
        member,
        form,
        exported_at,
    })
}

/// A member's assessment file, as the envelope reader expects it.
const EXCHANGE_FILE: FileKind = FileKind {
    format: EXCHANGE_FORMAT,
    max_bytes: MAX_EXCHANGE_BYTES,
    noun: "自评文件",
    other: (
        FORMAT,
        "这是整份备份文件，不是自评文件：请在“备份与交换”中导入",
    ),
};

/// The strict reading of a backup, then the shape of an exchange file: one
/// member, one form of that member, nothing else.
fn read_data(data: Value) -> Result<(String, Member, AssessmentForm), Vec<Problem>> {
    let parsed = document_from_value(data);
    if parsed.fatal || !parsed.problems.is_empty() {
        return Err(parsed.problems);
    }
    let mut doc = parsed.doc;
    let mut problems = Vec::new();
    if doc.members.len() != 1 {
        problems.push(Problem::new("members", "自评文件应当只有一名党员"));
    }
    if doc.assessments.len() != 1 {
        problems.push(Problem::new("assessments", "自评文件应当只有一份自评表"));
    }
    if !(doc.meetings.is_empty() && doc.templates.is_empty() && doc.reviews.is_empty()) {
        problems.push(Problem::new("data", "自评文件不应包含会议、模板或评议记录"));
    }
    match (doc.members.pop(), doc.assessments.pop()) {
        (Some(member), Some(form)) if problems.is_empty() => Ok((doc.branch.name, member, form)),
        _ => Err(problems),
    }
}

/// Another branch's or another year's form is refused; both are said at
/// once if both differ.
fn mismatches(
    (branch_name, member, form): &(String, Member, AssessmentForm),
    expected_branch: &str,
    expected_year: i32,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    if !super::package::same_branch(branch_name, expected_branch) {
        problems.push(Problem::new(
            "branch.name",
            format!(
                "这份自评表来自“{}”，不是本支部（“{}”）的，不能导入",
                branch_name.trim(),
                expected_branch.trim()
            ),
        ));
    }
    if form.year != expected_year {
        problems.push(Problem::new(
            "assessments[0].year",
            format!(
                "这是{}的{}年度自评表，现在汇总的是{}年度，不能导入",
                member.name, form.year, expected_year
            ),
        ));
    }
    problems
}

impl ImportedAssessment {
    /// Things the secretary may want to know before applying, not errors.
    pub fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if !self.form.is_finished() {
            notes.push(format!(
                "{}的自评表还是草稿，尚未点“完成”",
                self.member.name
            ));
        }
        notes
    }
}

/// Files the form's summary in the branch's review of its year, under the
/// matching member of the roster: by id when the name agrees, else by a
/// name that only one member has. A second file of the same member, year
/// and kind replaces the first.
pub fn apply_import(
    doc: &mut Document,
    imported: &ImportedAssessment,
) -> Result<ImportOutcome, String> {
    let member_id = matching_member(doc, &imported.member)?;
    let form = &imported.form;
    let summary = summary_of(form, &imported.exported_at);
    let updated = review_mut(doc, form.year)
        .entry_mut(&member_id)
        .put_summary(summary);
    let verb = if updated { "已更新" } else { "已导入" };
    Ok(ImportOutcome {
        member_id,
        updated,
        message: format!(
            "{verb}{}的{}年度“{}”自评。",
            imported.member.name,
            form.year,
            form.kind.label()
        ),
    })
}

fn matching_member(doc: &Document, member: &Member) -> Result<String, String> {
    let name = member.name.trim();
    if let Some(m) = doc.member(&member.id).filter(|m| m.name.trim() == name) {
        return Ok(m.id.clone());
    }
    let same_name: Vec<&Member> = doc
        .members
        .iter()
        .filter(|m| m.name.trim() == name)
        .collect();
    match same_name.as_slice() {
        [only] => Ok(only.id.clone()),
        [] => Err(format!(
            "党员名册中没有“{name}”：请先在名册中添加，或核对姓名后再导入"
        )),
        several => Err(format!(
            "党员名册中有 {} 名“{name}”，无法确定是哪一位：请先在名册中区分姓名",
            several.len()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::form::{finish, new_form};
    use crate::domain::assessment::Grade;
    use crate::domain::rules::fixtures::{day, document, full, probationary};
    use crate::domain::MemberStatus;
    use crate::format::checksum::checksum;

    fn member_doc() -> Document {
        let mut me = full("me");
        me.name = "张三".into();
        me.note = "在外挂职".into();
        me.group_id = Some("g1".into());
        let mut doc = document(&["g1"], vec![me, full("other")], Vec::new());
        let mut form = new_form("f1", "me", 2025, AssessmentKind::FourQualified);
        form.set_rating("political", Some("好"));
        form.entry_mut("political").unwrap().facts = "按时参加“三会一课”".into();
        form.self_grade = Some(Grade::Excellent);
        form.set_negative("无故不参加组织生活", true);
        finish(&mut form, day(2026, 1, 5));
        doc.assessments.push(form);
        doc
    }

    fn file() -> String {
        let doc = member_doc();
        export_assessment(&doc, &doc.assessments[0], "2026-01-05 20:00").unwrap()
    }

    fn messages(result: Result<ImportedAssessment, Vec<Problem>>) -> String {
        match result {
            Ok(_) => panic!("accepted"),
            Err(p) => p
                .iter()
                .map(|p| format!("{}: {}", p.path, p.message))
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }

    /// Edits the data of a good file and fixes its checksum.
    fn edited(edit: impl FnOnce(&mut Value)) -> String {
        let mut v: Value = serde_json::from_str(&file()).unwrap();
        edit(&mut v["data"]);
        v["checksum"] = Value::String(checksum(&v["data"]));
        v.to_string()
    }

    #[test]
    fn a_good_file_reads_back_the_form_and_little_else() {
        let text = file();
        assert!(text.contains(EXCHANGE_FORMAT));
        assert!(!text.contains("在外挂职"), "the note stays on the device");
        let got = read_assessment(&text, "第一党支部", 2025).unwrap();
        assert_eq!(got.form, member_doc().assessments[0]);
        assert_eq!(got.member.name, "张三");
        assert_eq!(got.member.group_id, None);
        assert_eq!(got.exported_at, "2026-01-05 20:00");
        assert!(got.notes().is_empty());
        assert!(text.len() < 8 * 1024, "a small file: {} bytes", text.len());
    }

    #[test]
    fn a_branch_name_typed_with_other_spaces_or_full_width_characters_is_the_same_branch() {
        let year = member_doc().assessments[0].year;
        assert!(read_assessment(&file(), " 第一 党支部", year).is_ok());
    }

    #[test]
    fn another_branch_and_another_year_are_refused_together() {
        let m = messages(read_assessment(&file(), "第二党支部", 2026));
        assert!(
            m.contains("branch.name: 这份自评表来自“第一党支部”，不是本支部（“第二党支部”）的"),
            "{m}"
        );
        assert!(
            m.contains("assessments[0].year: 这是张三的2025年度自评表，现在汇总的是2026年度"),
            "{m}"
        );
        assert!(read_assessment(&file(), " 第一党支部 ", 2025).is_ok());
    }

    #[test]
    fn a_text_over_the_limit_does_not_cost_the_file() {
        let long =
            edited(|d| d["assessments"][0]["entries"][0]["facts"] = "长".repeat(10_001).into());
        let got = read_assessment(&long, "第一党支部", 2025).unwrap();
        assert_eq!(got.form.entries[0].facts.chars().count(), 10_001);
    }

    #[test]
    fn broken_files_are_refused_with_a_reason() {
        let good = file();
        let version = format!("\"schema_version\": {}", crate::domain::SCHEMA_VERSION);
        let cases: Vec<(String, &str)> = vec![
            (String::new(), "空的"),
            (
                // Half the characters: a byte count may fall inside one.
                good.chars().take(good.chars().count() / 2).collect(),
                "不是完整的自评文件",
            ),
            ("[1]".into(), "不是支部工作手册的自评文件"),
            (
                good.replace(EXCHANGE_FORMAT, "zhibu.backup"),
                "整份备份文件",
            ),
            (
                good.replace(EXCHANGE_FORMAT, "other"),
                "format: zhibu.assessment",
            ),
            (good.replace("按时参加", "没有参加"), "校验和不符"),
            (
                good.replace(
                    &version,
                    &format!("\"schema_version\": {}", crate::domain::SCHEMA_VERSION + 1),
                ),
                "请升级",
            ),
            (good.replace(&format!("{version},"), ""), "缺少数据版本号"),
            ("x".repeat(MAX_EXCHANGE_BYTES + 1), "文件太大"),
            (
                edited(|d| d["assessments"][0]["self_grade"] = "perfect".into()),
                "assessments[0].self_grade: 取值无法识别",
            ),
            (
                edited(|d| d["assessments"][0]["member_id"] = "nobody".into()),
                "assessments[0].member_id: 党员“nobody”不在名册中",
            ),
            (
                edited(|d| d["assessments"] = Value::Array(Vec::new())),
                "只有一份自评表",
            ),
            (
                edited(|d| {
                    let copy = d["members"][0].clone();
                    d["members"].as_array_mut().unwrap().push(copy)
                }),
                "members[1].id",
            ),
            (
                edited(|d| {
                    d["templates"] =
                        serde_json::json!([{"kind": {"type": "theme_day"}, "items": []}])
                }),
                "不应包含会议、模板",
            ),
        ];
        for (text, expected) in cases {
            let m = messages(read_assessment(&text, "第一党支部", 2025));
            assert!(m.contains(expected), "expected “{expected}” in: {m}");
        }
    }

    #[test]
    fn every_truncation_is_refused_never_a_panic() {
        let good = file();
        for cut in (0..good.len()).step_by(7) {
            if good.is_char_boundary(cut) {
                assert!(read_assessment(&good[..cut], "第一党支部", 2025).is_err());
            }
        }
    }

    #[test]
    fn importing_twice_updates_the_entry() {
        let mut secretary = document(&["g1"], vec![full("s"), full("me")], Vec::new());
        secretary.members[1].name = "张三".into();
        let first = read_assessment(&file(), "第一党支部", 2025).unwrap();
        let outcome = apply_import(&mut secretary, &first).unwrap();
        assert_eq!(outcome.member_id, "me");
        assert!(!outcome.updated);
        assert_eq!(outcome.message, "已导入张三的2025年度“四个合格”自评。");
        let mut second = first.clone();
        second.form.self_grade = Some(Grade::Qualified);
        let outcome = apply_import(&mut secretary, &second).unwrap();
        assert!(outcome.updated);
        assert!(outcome.message.starts_with("已更新"));
        let review = secretary.review(2025).unwrap();
        assert_eq!(review.entries.len(), 1);
        assert_eq!(review.entries[0].imported.len(), 1);
        let summary = &review.entries[0].imported[0];
        assert_eq!(summary.self_grade, Some(Grade::Qualified));
        assert_eq!(summary.negatives, ["无故不参加组织生活"]);
        assert_eq!(summary.finished_on, Some(day(2026, 1, 5)));
        assert!(crate::domain::document::check(&secretary).is_empty());
    }

    #[test]
    fn a_roster_with_other_ids_is_matched_by_a_unique_name() {
        let mut zhang = probationary("m-xyz");
        zhang.name = "张三".into();
        let mut secretary = document(&[], vec![full("me"), zhang], Vec::new());
        let imported = read_assessment(&file(), "第一党支部", 2025).unwrap();
        assert_eq!(
            apply_import(&mut secretary, &imported).unwrap().member_id,
            "m-xyz"
        );

        let mut nobody = document(&[], vec![full("x")], Vec::new());
        let err = apply_import(&mut nobody, &imported).unwrap_err();
        assert!(err.contains("名册中没有“张三”"), "{err}");

        let mut twins = document(&[], vec![full("a"), full("b")], Vec::new());
        for m in &mut twins.members {
            m.name = "张三".into();
        }
        assert!(apply_import(&mut twins, &imported)
            .unwrap_err()
            .contains("2 名“张三”"));
        assert!(twins.reviews.is_empty(), "nothing changed");
    }

    #[test]
    fn a_draft_is_noted_and_a_left_member_exports_as_active() {
        let mut doc = member_doc();
        doc.assessments[0].state = Default::default();
        doc.members[0].status = MemberStatus::Left {
            on: None,
            why: None,
            reason: "私人原因".into(),
        };
        let text = export_assessment(&doc, &doc.assessments[0], "").unwrap();
        assert!(!text.contains("私人原因"));
        let got = read_assessment(&text, "第一党支部", 2025).unwrap();
        assert_eq!(got.notes(), ["张三的自评表还是草稿，尚未点“完成”"]);
        assert_eq!(
            assessment_file_name("张/三", 2025, AssessmentKind::FourQualified),
            "自评-2025年度-四个合格-张_三.json"
        );
    }
}
