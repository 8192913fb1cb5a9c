//! 书记抓基层党建工作述职: the secretary's own report of the year, under the
//! three headings such reports use (履职情况, 存在问题, 下一步打算). It is
//! the secretary's: only a full backup carries it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{check_year_records, push_section, year_record};
use crate::domain::kind::{Kind, Packing, Scope};
use crate::domain::validate::{Checks, Known};
use crate::domain::{Document, Role};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecretaryReport {
    pub year: i32,
    /// Who reports: the 书记 when the report was begun.
    #[serde(default)]
    pub member_id: Option<String>,
    /// 履职情况.
    #[serde(default)]
    pub duties: String,
    /// 存在问题.
    #[serde(default)]
    pub problems: String,
    /// 下一步打算.
    #[serde(default)]
    pub plans: String,
}

/// The headings the app suggests, with what each usually covers.
pub const HEADINGS: [(&str, &str); 3] = [
    (
        "一、履职情况",
        "履行党建第一责任人职责，落实“三会一课”等组织生活制度，党员教育管理，推动党建与业务融合，落实全面从严治党责任等方面做了哪些工作、取得了哪些成效",
    ),
    (
        "二、存在问题",
        "对照职责查找的差距和不足，以及产生问题的原因",
    ),
    (
        "三、下一步打算",
        "针对存在的问题，下一步的工作思路和改进措施",
    ),
];

impl SecretaryReport {
    pub fn new(year: i32, member_id: Option<String>) -> SecretaryReport {
        SecretaryReport {
            year,
            member_id,
            ..SecretaryReport::default()
        }
    }

    /// The three sections' texts, in the order of `HEADINGS`.
    pub fn sections(&self) -> [&str; 3] {
        [&self.duties, &self.problems, &self.plans]
    }
}

/// The 书记 on `day`: the one whose posts on that day include it.
pub fn secretary_on(doc: &Document, day: NaiveDate) -> Option<&crate::domain::Member> {
    doc.members
        .iter()
        .find(|m| m.roles_on(Some(day)).contains(&Role::Secretary))
}

/// Changes the report of `year`, made when first written (naming the 书记
/// of `today`).
pub fn edit_report(
    doc: &mut Document,
    year: i32,
    today: NaiveDate,
    f: impl FnOnce(&mut SecretaryReport),
) {
    let key = year.to_string();
    if doc.secretary_report(&key).is_none() {
        let secretary = secretary_on(doc, today).map(|m| m.id.clone());
        doc.secretary_reports
            .push(SecretaryReport::new(year, secretary));
    }
    if let Some(report) = doc.secretary_report_mut(&key) {
        f(report);
    }
}

/// "党支部书记：张三", when the report names someone on the roster.
pub fn reporter(doc: &Document, report: &SecretaryReport) -> Option<String> {
    let member = doc.member(report.member_id.as_deref()?)?;
    Some(member.name.clone())
}

/// The line of `report_text` that names the 述职人, before the name.
const REPORTER: &str = "述职人：";

/// The 述职人 a report's text (`report_text`, as the 报上级 package carries
/// it) names on its second line, if it names one.
pub fn reporter_in(text: &str) -> Option<&str> {
    let line = text.lines().nth(1)?;
    let name = line.strip_prefix(REPORTER)?.trim();
    (!name.is_empty()).then_some(name)
}

/// The report as text, headings first: for 分享文字版 and the 报上级
/// package.
pub fn report_text(doc: &Document, report: &SecretaryReport) -> String {
    let mut out = vec![format!(
        "{}年度党支部书记抓基层党建工作述职报告",
        report.year
    )];
    if let Some(name) = reporter(doc, report) {
        out.push(format!("{REPORTER}{name}"));
    }
    for ((heading, _), text) in HEADINGS.iter().zip(report.sections()) {
        push_section(&mut out, heading, text);
    }
    out.join("\n")
}

impl Kind for SecretaryReport {
    fn title(&self, _doc: &crate::domain::Document) -> String {
        format!("{}年度书记抓基层党建工作述职", self.year)
    }

    fn filed_year(&self) -> Option<i32> {
        Some(self.year)
    }

    const NOUN: &'static str = "书记述职报告";
    const COUNTER: &'static str = "份";
    const SKIPPABLE: bool = true;

    fn check(list: &[Self], known: &Known, checks: &mut Checks) {
        check_year_records(list, checks, |report, c| {
            if let Some(id) = &report.member_id {
                c.member("member_id", id, known);
            }
        });
    }

    /// The secretary's own report: only a full backup carries it (the 报上级
    /// package takes its text through `year_work::year_texts`).
    fn pack(&self, packing: &Packing, _: bool) -> Option<Self> {
        (packing.scope == Scope::Full).then(|| self.clone())
    }

    fn pack_deletion(packing: &Packing, _: bool) -> bool {
        packing.scope == Scope::Full
    }

    fn mentions(&self, member_id: &str) -> bool {
        self.member_id.as_deref() == Some(member_id)
    }
}

year_record!(SecretaryReport, what: "述职报告", texts: [duties, problems, plans]);
