//! The branch's side of 民主评议党员: per year, per member, the grade the
//! branch decided (or why it gave none) and a summary of the self-assessment
//! the member handed in. Kept apart from the members' own forms, which live
//! on their own devices.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::form::{
    check_dimensions, check_negatives, check_rating, check_standard_key, form_for, AssessmentForm,
    DimensionRating,
};
use super::grades::{no_grade_reason, Grade};
use super::standards::{standards, AssessmentKind};
use crate::domain::kind::{Keyed, Kind, Packing, Scope};
use crate::domain::limits;
use crate::domain::meeting::PersonRef;
use crate::domain::roster::display_order;
use crate::domain::rules::attendance::was_active_on;
use crate::domain::validate::{Checker, Checks, Known};
use crate::domain::{Document, Member};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BranchReview {
    pub year: i32,
    #[serde(default)]
    pub entries: Vec<ReviewEntry>,
    /// 民主测评: ballots handed out and returned.
    #[serde(default)]
    pub ballots: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewEntry {
    pub member_id: String,
    /// What the branch decided; `None` while undecided.
    #[serde(default)]
    pub decision: Option<Decision>,
    /// The self-assessments handed in, at most one per kind.
    #[serde(default)]
    pub imported: Vec<ImportedSummary>,
    /// 民主测评: votes for each grade.
    #[serde(default)]
    pub poll: Option<Poll>,
    /// 支委会提出的意见, on 评议情况和党员日常表现.
    #[serde(default)]
    pub opinion: String,
    /// The day the result was told to the member (反馈本人).
    #[serde(default)]
    pub fed_back_on: Option<NaiveDate>,
    /// For 基本合格 and 不合格: who helps, by when, and how.
    #[serde(default)]
    pub remedy: Option<Remedy>,
}

/// 民主测评 votes for one member.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Poll {
    pub excellent: u32,
    pub qualified: u32,
    pub basically_qualified: u32,
    pub unqualified: u32,
}

impl Poll {
    pub fn total(&self) -> u64 {
        [
            self.excellent,
            self.qualified,
            self.basically_qualified,
            self.unqualified,
        ]
        .iter()
        .map(|n| u64::from(*n))
        .sum()
    }

    pub fn votes(&self, grade: Grade) -> u32 {
        match grade {
            Grade::Excellent => self.excellent,
            Grade::Qualified => self.qualified,
            Grade::BasicallyQualified => self.basically_qualified,
            Grade::Unqualified => self.unqualified,
        }
    }

    pub fn set(&mut self, grade: Grade, votes: u32) {
        match grade {
            Grade::Excellent => self.excellent = votes,
            Grade::Qualified => self.qualified = votes,
            Grade::BasicallyQualified => self.basically_qualified = votes,
            Grade::Unqualified => self.unqualified = votes,
        }
    }

    /// "优秀 5、合格 12、基本合格 1、不合格 0".
    pub fn sentence(&self) -> String {
        Grade::ALL
            .iter()
            .map(|g| format!("{} {}", g.label(), self.votes(*g)))
            .collect::<Vec<_>>()
            .join("、")
    }
}

/// 结果运用: 基本合格 → 指出差距，帮助改进 (帮扶人、整改期限或回访日期);
/// 不合格 → 限期改正 (不超过1年) or 组织处置 (《党员教育管理工作条例》
/// §30-31).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Remedy {
    /// 帮扶人.
    #[serde(default)]
    pub mentor: PersonRef,
    /// 不合格: 限期改正 until; 基本合格: 整改期限 or 回访日期
    /// (`Grade::remedy_date_label`).
    #[serde(default)]
    pub deadline: Option<NaiveDate>,
    /// 整改措施 / 处置意见.
    #[serde(default)]
    pub measures: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type", deny_unknown_fields)]
pub enum Decision {
    Graded {
        grade: Grade,
    },
    /// 不评定等次, with the reason recorded.
    NotGraded {
        reason: String,
    },
}

/// What the branch keeps of a handed-in form: ratings and grades, not the
/// long texts, which stay with the member.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportedSummary {
    pub kind: AssessmentKind,
    /// The form's id on the member's device, so a newer file replaces it.
    pub form_id: String,
    #[serde(default)]
    pub self_grade: Option<Grade>,
    /// A 五个过硬 self-check's overall self-rating.
    #[serde(default)]
    pub overall: Option<String>,
    #[serde(default)]
    pub ratings: Vec<StandardRating>,
    #[serde(default)]
    pub dimensions: Vec<DimensionRating>,
    /// The negative situations the member ticked.
    #[serde(default)]
    pub negatives: Vec<String>,
    /// `None` when the member handed in a draft.
    #[serde(default)]
    pub finished_on: Option<NaiveDate>,
    /// As written in the file, for "导出于 …".
    #[serde(default)]
    pub exported_at: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StandardRating {
    pub key: String,
    #[serde(default)]
    pub rating: Option<String>,
}

impl BranchReview {
    pub fn new(year: i32) -> Self {
        BranchReview {
            year,
            entries: Vec::new(),
            ballots: None,
        }
    }

    /// A member's 民主测评 votes that add up to more than the ballots
    /// returned: a typing slip worth a second look.
    pub fn poll_warning(&self, entry: &ReviewEntry) -> Option<String> {
        let (ballots, poll) = (self.ballots?, entry.poll?);
        (poll.total() > u64::from(ballots)).then(|| {
            format!(
                "测评票数合计 {} 票，多于收回的测评票 {ballots} 张，请核对。",
                poll.total()
            )
        })
    }

    pub fn entry(&self, member_id: &str) -> Option<&ReviewEntry> {
        self.entries.iter().find(|e| e.member_id == member_id)
    }

    /// The member's entry, added if missing.
    pub fn entry_mut(&mut self, member_id: &str) -> &mut ReviewEntry {
        let i = match self.entries.iter().position(|e| e.member_id == member_id) {
            Some(i) => i,
            None => {
                self.entries.push(ReviewEntry {
                    member_id: member_id.to_string(),
                    decision: None,
                    imported: Vec::new(),
                    poll: None,
                    opinion: String::new(),
                    fed_back_on: None,
                    remedy: None,
                });
                self.entries.len() - 1
            }
        };
        &mut self.entries[i]
    }
}

impl ReviewEntry {
    /// Nothing recorded for the member yet.
    pub fn is_empty(&self) -> bool {
        self.decision.is_none()
            && self.imported.is_empty()
            && self.poll.is_none()
            && self.opinion.trim().is_empty()
            && self.fed_back_on.is_none()
            && self.remedy.is_none()
    }

    /// What the record still lacks for a member graded 基本合格 or 不合格,
    /// and a 限期改正 (不合格 only) longer than a year.
    pub fn remedy_warnings(&self, year: i32) -> Vec<String> {
        let grade = match &self.decision {
            Some(Decision::Graded { grade }) => *grade,
            _ => return Vec::new(),
        };
        let mut out = Vec::new();
        match grade {
            Grade::BasicallyQualified => {
                if self.remedy.as_ref().is_none_or(|r| r.mentor.is_empty()) {
                    out.push("评定为基本合格的党员，应明确帮扶人，帮助改进提高。".to_string());
                }
            }
            Grade::Unqualified => {
                let remedy = self.remedy.as_ref();
                if remedy.and_then(|r| r.deadline).is_none()
                    && remedy.is_none_or(|r| r.measures.trim().is_empty())
                {
                    out.push(
                        "评定为不合格的党员，应限期改正或作出组织处置，并写明期限或处置意见。"
                            .to_string(),
                    );
                }
            }
            _ => return out,
        }
        if grade != Grade::Unqualified {
            return out;
        }
        let start = self
            .fed_back_on
            .or_else(|| NaiveDate::from_ymd_opt(year + 1, 1, 1));
        if let (Some(start), Some(deadline)) =
            (start, self.remedy.as_ref().and_then(|r| r.deadline))
        {
            if start
                .checked_add_months(chrono::Months::new(12))
                .is_some_and(|limit| deadline > limit)
            {
                out.push("限期改正的期限一般不超过1年。".to_string());
            }
        }
        out
    }

    pub fn summary(&self, kind: AssessmentKind) -> Option<&ImportedSummary> {
        self.imported.iter().find(|s| s.kind == kind)
    }

    /// Stores a handed-in summary; true when it replaced an earlier one of
    /// the same kind.
    pub fn put_summary(&mut self, summary: ImportedSummary) -> bool {
        match self.imported.iter_mut().find(|s| s.kind == summary.kind) {
            Some(old) => {
                *old = summary;
                true
            }
            None => {
                self.imported.push(summary);
                false
            }
        }
    }
}

impl Decision {
    /// "优秀", or "不评定等次（长期患病）".
    pub fn label(&self) -> String {
        match self {
            Decision::Graded { grade } => grade.label().to_string(),
            Decision::NotGraded { reason } if reason.trim().is_empty() => "不评定等次".into(),
            Decision::NotGraded { reason } => format!("不评定等次（{}）", reason.trim()),
        }
    }
}

impl Kind for BranchReview {
    fn title(&self, _doc: &crate::domain::Document) -> String {
        format!("{}年度民主评议党员", self.year)
    }

    fn filed_year(&self) -> Option<i32> {
        Some(self.year)
    }

    const NOUN: &'static str = "民主评议记录";
    const COUNTER: &'static str = "份";
    const SKIPPABLE: bool = true;

    fn check(list: &[Self], known: &Known, checks: &mut Checks) {
        let mut years = std::collections::HashSet::new();
        for (i, review) in list.iter().enumerate() {
            let mut c = checks.item(i);
            if !limits::YEARS.contains(&review.year) {
                c.problem("year", format!("年度 {} 不在合理范围内", review.year));
            }
            if !years.insert(review.year) {
                c.problem("year", format!("{} 年度的民主评议记录有两份", review.year));
            }
            review.check_entries(known, &mut c);
        }
    }

    /// Grades and opinions stay with the secretary: no package for members
    /// or from them carries them.
    fn pack(&self, packing: &Packing, _: bool) -> Option<Self> {
        (packing.scope == Scope::Full).then(|| self.clone())
    }

    fn pack_deletion(packing: &Packing, _: bool) -> bool {
        packing.scope == Scope::Full
    }

    fn mentions(&self, member_id: &str) -> bool {
        self.entry(member_id).is_some()
    }
}

impl Keyed for BranchReview {
    const KEY_FIELD: &'static str = "year";

    fn key(&self) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Owned(self.year.to_string())
    }
}

impl BranchReview {
    fn check_entries(&self, known: &Known, c: &mut Checker) {
        let mut seen = std::collections::HashSet::new();
        for (j, entry) in self.entries.iter().enumerate() {
            let mut e_c = c.below(&format!("entries[{j}]."));
            if !known.members.contains(entry.member_id.as_str()) {
                e_c.problem("member_id", format!("党员“{}”不在名册中", entry.member_id));
            } else if !seen.insert(entry.member_id.as_str()) {
                e_c.problem("member_id", "同一名党员记录了两次");
            }
            if let Some(Decision::NotGraded { reason }) = &entry.decision {
                e_c.length("decision.reason", reason, limits::SHORT);
            }
            e_c.length("opinion", &entry.opinion, limits::TEXT);
            if let Some(remedy) = &entry.remedy {
                remedy.mentor.check(known, &mut e_c.below("remedy.mentor."));
                e_c.length("remedy.measures", &remedy.measures, limits::TEXT);
            }
            let mut kinds = std::collections::HashSet::new();
            for (k, summary) in entry.imported.iter().enumerate() {
                let mut s_c = e_c.below(&format!("imported[{k}]."));
                if !kinds.insert(summary.kind) {
                    s_c.problem("kind", format!("“{}”自评重复导入", summary.kind.label()));
                }
                summary.check(&mut s_c);
            }
        }
    }
}

impl ImportedSummary {
    fn check(&self, c: &mut Checker) {
        c.length("form_id", &self.form_id, limits::SHORT);
        c.length("exported_at", &self.exported_at, limits::SHORT);
        let mut keys = std::collections::HashSet::new();
        for (j, r) in self.ratings.iter().enumerate() {
            let mut r_c = c.below(&format!("ratings[{j}]."));
            check_standard_key(self.kind, &r.key, &mut keys, &mut r_c);
            check_rating(r.rating.as_deref(), "rating", &mut r_c);
        }
        check_dimensions(&self.dimensions, &mut c.below("dimensions"));
        check_negatives(&self.negatives, &mut c.below("negatives"));
    }
}

/// The summary the branch keeps of a form.
pub fn summary_of(form: &AssessmentForm, exported_at: &str) -> ImportedSummary {
    ImportedSummary {
        kind: form.kind,
        form_id: form.id.clone(),
        self_grade: form.self_grade,
        overall: form.overall.clone(),
        ratings: standards(form.kind)
            .iter()
            .map(|s| StandardRating {
                key: s.key.to_string(),
                rating: form.entry(s.key).and_then(|e| e.rating.clone()),
            })
            .collect(),
        dimensions: form.dimensions.clone(),
        negatives: form.negatives.clone(),
        finished_on: form.finished_on(),
        exported_at: exported_at.to_string(),
    }
}

impl ImportedSummary {
    /// The rating of each standard, in the order of `standards(kind)`.
    pub fn ratings_in_order(&self) -> Vec<Option<&str>> {
        standards(self.kind)
            .iter()
            .map(|s| {
                self.ratings
                    .iter()
                    .find(|r| r.key == s.key)
                    .and_then(|r| r.rating.as_deref())
            })
            .collect()
    }
}

/// The review of a year, added in year order if missing.
pub fn review_mut(doc: &mut Document, year: i32) -> &mut BranchReview {
    let i = match doc.reviews.iter().position(|r| r.year == year) {
        Some(i) => i,
        None => {
            let at = doc.reviews.partition_point(|r| r.year < year);
            doc.reviews.insert(at, BranchReview::new(year));
            at
        }
    };
    &mut doc.reviews[i]
}

/// Records the branch's decision for a member, or clears it with `None`.
/// An entry left with nothing in it is removed.
pub fn decide(doc: &mut Document, year: i32, member_id: &str, decision: Option<Decision>) {
    let review = review_mut(doc, year);
    review.entry_mut(member_id).decision = decision;
    review.entries.retain(|e| !e.is_empty());
}

/// Changes what the branch records for a member in a year (测评票数, 支委会
/// 意见, 反馈日期, 帮扶); an entry left empty is removed.
pub fn edit_entry(
    doc: &mut Document,
    year: i32,
    member_id: &str,
    f: impl FnOnce(&mut ReviewEntry),
) {
    let review = review_mut(doc, year);
    f(review.entry_mut(member_id));
    review.entries.retain(|e| !e.is_empty());
}

/// The day a year's 民主评议 grades its members: the held 民主评议 counted
/// for that year (often in the January after), else the year's last day.
pub fn review_day(doc: &Document, year: i32) -> NaiveDate {
    let year_end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX);
    doc.meetings
        .iter()
        .filter(|m| m.state == crate::domain::meeting::MeetingState::Held)
        .filter(|m| m.counts_as(&crate::domain::meeting::MeetingKind::DemocraticReview))
        .filter(|m| m.counted_year() == Some(year))
        .filter_map(|m| m.date)
        .max()
        .unwrap_or(year_end)
}

/// The members a year's review is due for: those in the branch on the last
/// day of that year, in roster order.
pub fn members_to_review(doc: &Document, year: i32) -> Vec<&Member> {
    let Some(last_day) = NaiveDate::from_ymd_opt(year, 12, 31) else {
        return Vec::new();
    };
    display_order(&doc.branch, &doc.members)
        .into_iter()
        .filter(|m| was_active_on(m, Some(last_day)))
        .collect()
}

/// Who has handed in the year's 四个合格 self-assessment: a finished form
/// on this phone (typed here or merged from a member's return), or a
/// summary from a member's file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HandIn<'a> {
    pub done: Vec<&'a Member>,
    /// A form is here but not marked 完成.
    pub drafts: Vec<&'a Member>,
    pub missing: Vec<&'a Member>,
}

impl HandIn<'_> {
    /// Everyone the review is due for.
    pub fn due(&self) -> usize {
        self.done.len() + self.drafts.len() + self.missing.len()
    }
}

pub fn hand_in(doc: &Document, year: i32) -> HandIn<'_> {
    let mut out = HandIn::default();
    let review = doc.review(year);
    for member in members_to_review(doc, year) {
        let summary = review
            .and_then(|r| r.entry(&member.id))
            .and_then(|e| e.summary(AssessmentKind::FourQualified))
            .is_some();
        let form = form_for(doc, &member.id, year, AssessmentKind::FourQualified);
        match (summary, form) {
            (true, _) => out.done.push(member),
            (false, Some(f)) if f.is_finished() => out.done.push(member),
            (false, Some(_)) => out.drafts.push(member),
            (false, None) => out.missing.push(member),
        }
    }
    out
}

/// One row of the branch's review table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewRow<'a> {
    pub member: &'a Member,
    /// Set for 预备党员: the row offers no grade and says why.
    pub no_grade_reason: Option<&'static str>,
    /// The 四个合格 self-assessment: handed in, or the member's own form on
    /// this device.
    pub four_qualified: Option<ImportedSummary>,
    /// The 五个过硬 self-check of a cadre, the same way.
    pub five_excellent: Option<ImportedSummary>,
    pub decision: Option<&'a Decision>,
}

impl ReviewRow<'_> {
    pub fn self_grade(&self) -> Option<Grade> {
        self.four_qualified.as_ref().and_then(|s| s.self_grade)
    }

    /// The member's 四个合格 self-assessment is here and marked 完成.
    pub fn handed_in(&self) -> bool {
        self.four_qualified
            .as_ref()
            .is_some_and(|s| s.finished_on.is_some())
    }

    /// The branch still has to grade this member: no decision yet, and
    /// not a member the rules leave ungraded (预备党员).
    pub fn awaiting_grade(&self) -> bool {
        self.decision.is_none() && self.no_grade_reason.is_none()
    }
}

/// Which rows of the review table the secretary is looking at.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RowFilter {
    #[default]
    All,
    /// 只看未评定.
    AwaitingGrade,
    /// 已交: the self-assessment is in.
    HandedIn,
}

impl RowFilter {
    pub const ALL: [RowFilter; 3] = [
        RowFilter::All,
        RowFilter::AwaitingGrade,
        RowFilter::HandedIn,
    ];

    pub fn label(self) -> &'static str {
        match self {
            RowFilter::All => "全部",
            RowFilter::AwaitingGrade => "只看未评定",
            RowFilter::HandedIn => "已交",
        }
    }

    pub fn shows(self, row: &ReviewRow<'_>) -> bool {
        match self {
            RowFilter::All => true,
            RowFilter::AwaitingGrade => row.awaiting_grade(),
            RowFilter::HandedIn => row.handed_in(),
        }
    }
}

/// 其余全部合格: every member still awaiting a grade is graded 合格. Returns
/// who was, so that one 撤销 can take exactly those back.
pub fn grade_rest_qualified(doc: &mut Document, year: i32) -> Vec<String> {
    let rest: Vec<String> = review_rows(doc, year)
        .into_iter()
        .filter(ReviewRow::awaiting_grade)
        .map(|r| r.member.id.clone())
        .collect();
    for id in &rest {
        decide(
            doc,
            year,
            id,
            Some(Decision::Graded {
                grade: Grade::Qualified,
            }),
        );
    }
    rest
}

/// The 撤销 of `grade_rest_qualified`: those members await a grade again,
/// except any the secretary has graded otherwise since.
pub fn undo_rest_qualified(doc: &mut Document, year: i32, member_ids: &[String]) {
    for id in member_ids {
        let still = doc.review(year).and_then(|r| r.entry(id)).is_some_and(|e| {
            e.decision
                == Some(Decision::Graded {
                    grade: Grade::Qualified,
                })
        });
        if still {
            decide(doc, year, id, None);
        }
    }
}

/// The review table of a year: everyone due a review, and anyone else the
/// branch recorded something for, in roster order.
pub fn review_rows(doc: &Document, year: i32) -> Vec<ReviewRow<'_>> {
    let review = doc.review(year);
    let on = review_day(doc, year);
    let due: Vec<&str> = members_to_review(doc, year)
        .iter()
        .map(|m| m.id.as_str())
        .collect();
    display_order(&doc.branch, &doc.members)
        .into_iter()
        .filter(|m| due.contains(&m.id.as_str()) || review.and_then(|r| r.entry(&m.id)).is_some())
        .map(|member| {
            let entry = review.and_then(|r| r.entry(&member.id));
            let summary = |kind| {
                entry
                    .and_then(|e| e.summary(kind).cloned())
                    .or_else(|| form_for(doc, &member.id, year, kind).map(|f| summary_of(f, "")))
            };
            ReviewRow {
                member,
                no_grade_reason: no_grade_reason(member, on),
                four_qualified: summary(AssessmentKind::FourQualified),
                five_excellent: summary(AssessmentKind::FiveExcellent),
                decision: entry.and_then(|e| e.decision.as_ref()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::form::new_form;
    use crate::domain::rules::fixtures::{day, document, full, full_members, left, probationary};

    /// Puts `member_id`'s 2025 四个合格 form `id` in the document: handed in
    /// on `handed_in_on`, or still a draft.
    fn put_form(doc: &mut Document, id: &str, member_id: &str, handed_in_on: Option<NaiveDate>) {
        let mut form = new_form(id, member_id, 2025, AssessmentKind::FourQualified);
        if let Some(on) = handed_in_on {
            crate::domain::assessment::form::finish(&mut form, on);
        }
        doc.assessments.push(form);
    }

    /// The secretary's 2025 grade for `member_id`.
    fn grade_in_2025(doc: &mut Document, member_id: &str, grade: Grade) {
        decide(doc, 2025, member_id, Some(Decision::Graded { grade }));
    }

    #[test]
    fn the_rest_all_qualified_grades_only_those_awaiting_and_its_undo_takes_back_only_them() {
        let mut members = full_members("p", 4);
        members.push(probationary("pre"));
        let mut doc = document(&[], members, Vec::new());
        let graded = |grade| Some(Decision::Graded { grade });
        decide(&mut doc, 2025, "p1", graded(Grade::Excellent));
        let rest = grade_rest_qualified(&mut doc, 2025);
        assert_eq!(
            rest,
            ["p2", "p3", "p4"],
            "not p1 (graded), not the 预备党员"
        );
        let grade = |d: &Document, id| {
            d.review(2025)
                .and_then(|r| r.entry(id))
                .and_then(|e| e.decision.clone())
        };
        assert_eq!(grade(&doc, "p1"), graded(Grade::Excellent));
        assert_eq!(grade(&doc, "p3"), graded(Grade::Qualified));
        assert_eq!(grade(&doc, "pre"), None);
        // Regraded before the undo: kept.
        decide(&mut doc, 2025, "p4", graded(Grade::BasicallyQualified));
        undo_rest_qualified(&mut doc, 2025, &rest);
        assert_eq!(grade(&doc, "p2"), None);
        assert_eq!(grade(&doc, "p3"), None);
        assert_eq!(grade(&doc, "p4"), graded(Grade::BasicallyQualified));
        assert_eq!(grade(&doc, "p1"), graded(Grade::Excellent));
        assert!(grade_rest_qualified(&mut doc, 2025).len() == 2);
        assert!(
            grade_rest_qualified(&mut doc, 2025).is_empty(),
            "nobody left awaiting"
        );
    }

    #[test]
    fn the_filter_shows_rows_awaiting_a_grade_or_handed_in() {
        let mut doc = document(&[], full_members("p", 3), Vec::new());
        put_form(&mut doc, "f2", "p2", Some(day(2025, 12, 1)));
        put_form(&mut doc, "f3", "p3", None);
        grade_in_2025(&mut doc, "p1", Grade::Qualified);
        let shown = |f: RowFilter| {
            review_rows(&doc, 2025)
                .iter()
                .filter(|r| f.shows(r))
                .map(|r| r.member.id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(shown(RowFilter::All), ["p1", "p2", "p3"]);
        assert_eq!(shown(RowFilter::AwaitingGrade), ["p2", "p3"]);
        assert_eq!(
            shown(RowFilter::HandedIn),
            ["p2"],
            "a draft is not handed in"
        );
    }

    #[test]
    fn a_member_graded_basically_qualified_needs_a_mentor_and_unqualified_a_deadline() {
        let mut doc = document(&[], full_members("p", 2), Vec::new());
        let graded = |grade| Some(Decision::Graded { grade });
        decide(&mut doc, 2025, "p1", graded(Grade::BasicallyQualified));
        decide(&mut doc, 2025, "p2", graded(Grade::Unqualified));
        let review = doc.review(2025).unwrap().clone();
        assert_eq!(review.entry("p1").unwrap().remedy_warnings(2025).len(), 1);
        assert_eq!(review.entry("p2").unwrap().remedy_warnings(2025).len(), 1);
        edit_entry(&mut doc, 2025, "p1", |e| {
            e.remedy = Some(Remedy {
                mentor: PersonRef {
                    member_id: None,
                    name: "李书记".into(),
                },
                ..Remedy::default()
            })
        });
        edit_entry(&mut doc, 2025, "p2", |e| {
            e.fed_back_on = Some(day(2026, 1, 20));
            e.remedy = Some(Remedy {
                deadline: Some(day(2027, 3, 1)),
                ..Remedy::default()
            })
        });
        let review = doc.review(2025).unwrap();
        assert!(review.entry("p1").unwrap().remedy_warnings(2025).is_empty());
        assert_eq!(
            review.entry("p2").unwrap().remedy_warnings(2025),
            ["限期改正的期限一般不超过1年。"]
        );
    }

    #[test]
    fn basically_qualified_has_a_follow_up_date_not_a_correction_deadline() {
        assert_eq!(
            Grade::BasicallyQualified.remedy_date_label(),
            "整改期限/回访日期"
        );
        assert_eq!(
            Grade::Unqualified.remedy_date_label(),
            "限期改正至（不超过1年）"
        );
        let mut doc = document(&[], full_members("p", 1), Vec::new());
        grade_in_2025(&mut doc, "p1", Grade::BasicallyQualified);
        edit_entry(&mut doc, 2025, "p1", |e| {
            e.fed_back_on = Some(day(2026, 1, 20));
            e.remedy = Some(Remedy {
                mentor: PersonRef {
                    member_id: None,
                    name: "李书记".into(),
                },
                deadline: Some(day(2027, 3, 1)),
                ..Remedy::default()
            })
        });
        assert!(
            doc.review(2025)
                .unwrap()
                .entry("p1")
                .unwrap()
                .remedy_warnings(2025)
                .is_empty(),
            "限期改正's one-year limit is for 不合格"
        );
    }

    #[test]
    fn the_secretary_sees_who_handed_in_who_is_drafting_and_who_is_missing() {
        let mut doc = document(&[], full_members("p", 3), Vec::new());
        put_form(&mut doc, "f1", "p1", Some(day(2026, 1, 5)));
        put_form(&mut doc, "f2", "p2", None);
        let state = hand_in(&doc, 2025);
        let ids = |list: &[&Member]| list.iter().map(|m| m.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&state.done), ["p1"]);
        assert_eq!(ids(&state.drafts), ["p2"]);
        assert_eq!(ids(&state.missing), ["p3"]);
        assert_eq!(state.due(), 3);
    }

    #[test]
    fn poll_votes_beyond_the_ballots_returned_are_questioned() {
        let mut review = BranchReview::new(2025);
        review.ballots = Some(20);
        let entry = review.entry_mut("p1");
        entry.poll = Some(Poll {
            excellent: 15,
            qualified: 6,
            ..Poll::default()
        });
        let entry = review.entry("p1").unwrap().clone();
        assert_eq!(
            review.poll_warning(&entry).as_deref(),
            Some("测评票数合计 21 票，多于收回的测评票 20 张，请核对。")
        );
        review.ballots = Some(21);
        assert_eq!(review.poll_warning(&entry), None);
    }

    #[test]
    fn a_poll_adds_up_and_reads_by_grade() {
        let mut poll = Poll::default();
        poll.set(Grade::Excellent, 5);
        poll.set(Grade::Qualified, 12);
        poll.set(Grade::BasicallyQualified, 1);
        assert_eq!(poll.total(), 18);
        assert_eq!(poll.sentence(), "优秀 5、合格 12、基本合格 1、不合格 0");
        let mut doc = document(&[], full_members("p", 1), Vec::new());
        edit_entry(&mut doc, 2025, "p1", |e| e.poll = Some(poll));
        assert_eq!(
            doc.review(2025).unwrap().entry("p1").unwrap().poll,
            Some(poll)
        );
        edit_entry(&mut doc, 2025, "p1", |e| e.poll = None);
        assert!(doc.review(2025).unwrap().entries.is_empty());
    }

    #[test]
    fn reviews_stay_in_year_order() {
        let mut doc = document(&[], full_members("p", 1), Vec::new());
        review_mut(&mut doc, 2026);
        review_mut(&mut doc, 2024);
        review_mut(&mut doc, 2025);
        review_mut(&mut doc, 2025);
        let years: Vec<i32> = doc.reviews.iter().map(|r| r.year).collect();
        assert_eq!(years, [2024, 2025, 2026]);
    }

    #[test]
    fn clearing_a_decision_removes_an_empty_entry() {
        let mut doc = document(&[], full_members("p", 1), Vec::new());
        grade_in_2025(&mut doc, "p1", Grade::Qualified);
        assert_eq!(doc.review(2025).unwrap().entries.len(), 1);
        decide(&mut doc, 2025, "p1", None);
        assert!(doc.review(2025).unwrap().entries.is_empty());
    }

    #[test]
    fn decision_labels() {
        let not = |r: &str| Decision::NotGraded { reason: r.into() };
        assert_eq!(not("长期患病").label(), "不评定等次（长期患病）");
        assert_eq!(not(" ").label(), "不评定等次");
        assert_eq!(
            Decision::Graded {
                grade: Grade::BasicallyQualified
            }
            .label(),
            "基本合格"
        );
    }

    #[test]
    fn a_past_years_review_keeps_a_probationary_member_ungraded_after_their_confirmation() {
        use crate::domain::meeting::MeetingKind::DemocraticReview;
        use crate::domain::rules::fixtures::held;
        // 郑凯 became 正式党员 on 2026-01-20; the 2025 review met on the
        // day before, the day, the day after.
        let mut zheng = full("z");
        zheng.confirmed_on = Some(day(2026, 1, 20));
        let doc_at = |on: NaiveDate| {
            let mut doc = document(&[], vec![full("a"), zheng.clone()], Vec::new());
            let mut review = held("r", DemocraticReview, on);
            review.for_year = Some(2025);
            doc.meetings.push(review);
            doc
        };
        let graded = |doc: &Document| {
            review_rows(doc, 2025)
                .iter()
                .find(|r| r.member.id == "z")
                .map(|r| r.no_grade_reason.is_none())
                .unwrap()
        };
        assert!(
            !graded(&doc_at(day(2026, 1, 19))),
            "the day before: 预备党员"
        );
        assert!(graded(&doc_at(day(2026, 1, 20))), "the day of the 转正");
        assert!(graded(&doc_at(day(2026, 1, 21))), "the day after");
        // No review meeting held: the year's last day, when 郑凯 was 预备.
        let plain = document(&[], vec![full("a"), zheng.clone()], Vec::new());
        assert_eq!(review_day(&plain, 2025), day(2025, 12, 31));
        assert!(!graded(&plain));
        assert!(
            !crate::domain::assessment::grading::grade_check(&plain, 2025)
                .ungraded_without_reason
                .contains(&"z".to_string())
        );
    }

    #[test]
    fn rows_take_the_handed_in_summary_else_the_own_form() {
        let members = vec![
            full("a"),
            probationary("y"),
            left(full("gone"), Some(day(2025, 5, 1))),
        ];
        let mut doc = document(&[], members, Vec::new());
        let mut own = new_form("f-a", "a", 2025, AssessmentKind::FourQualified);
        own.self_grade = Some(Grade::Qualified);
        own.set_rating("political", Some("好"));
        doc.assessments.push(own.clone());
        let rows = review_rows(&doc, 2025);
        let ids: Vec<_> = rows.iter().map(|r| r.member.id.as_str()).collect();
        assert_eq!(ids, ["a", "y"]);
        assert_eq!(rows[0].self_grade(), Some(Grade::Qualified));
        assert_eq!(
            rows[0].four_qualified.as_ref().unwrap().ratings_in_order(),
            [Some("好"), None, None, None]
        );
        assert!(rows[1].no_grade_reason.is_some());

        own.self_grade = Some(Grade::Excellent);
        review_mut(&mut doc, 2025)
            .entry_mut("a")
            .put_summary(summary_of(&own, "2026-01-05 09:00"));
        decide(
            &mut doc,
            2025,
            "gone",
            Some(Decision::NotGraded {
                reason: "年中转出".into(),
            }),
        );
        let rows = review_rows(&doc, 2025);
        assert_eq!(rows[0].self_grade(), Some(Grade::Excellent));
        assert_eq!(rows.len(), 3, "a member who left shows when recorded");
    }
}
