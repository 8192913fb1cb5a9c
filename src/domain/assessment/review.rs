//! The branch's side of 民主评议党员: per year, per member, the grade the
//! branch decided (or why it gave none) and a summary of the self-assessment
//! the member handed in. Kept apart from the members' own forms, which live
//! on their own devices.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::form::{form_for, AssessmentForm, DimensionRating};
use super::grades::{no_grade_reason, Grade};
use super::standards::{standards, AssessmentKind};
use crate::domain::roster::display_order;
use crate::domain::rules::attendance::was_active_on;
use crate::domain::{Document, Member};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BranchReview {
    pub year: i32,
    #[serde(default)]
    pub entries: Vec<ReviewEntry>,
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
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type", deny_unknown_fields)]
pub enum Decision {
    Graded {
        grade: Grade,
    },
    /// 不定等次, with the reason recorded.
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
        }
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
                });
                self.entries.len() - 1
            }
        };
        &mut self.entries[i]
    }
}

impl ReviewEntry {
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
    /// "优秀", or "不定等次（长期患病）".
    pub fn label(&self) -> String {
        match self {
            Decision::Graded { grade } => grade.label().to_string(),
            Decision::NotGraded { reason } if reason.trim().is_empty() => "不定等次".into(),
            Decision::NotGraded { reason } => format!("不定等次（{}）", reason.trim()),
        }
    }
}

/// The summary the branch keeps of a form.
pub fn summary_of(form: &AssessmentForm, exported_at: &str) -> ImportedSummary {
    ImportedSummary {
        kind: form.kind,
        form_id: form.id.clone(),
        self_grade: form.self_grade,
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
    review
        .entries
        .retain(|e| e.decision.is_some() || !e.imported.is_empty());
}

/// The members a year's review is due for: those in the branch on the last
/// day of that year, in roster order.
pub fn members_to_review(doc: &Document, year: i32) -> Vec<&Member> {
    let Some(last_day) = NaiveDate::from_ymd_opt(year, 12, 31) else {
        return Vec::new();
    };
    display_order(&doc.members)
        .into_iter()
        .filter(|m| was_active_on(m, Some(last_day)))
        .collect()
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
}

/// The review table of a year: everyone due a review, and anyone else the
/// branch recorded something for, in roster order.
pub fn review_rows(doc: &Document, year: i32) -> Vec<ReviewRow<'_>> {
    let review = doc.review(year);
    let due: Vec<&str> = members_to_review(doc, year)
        .iter()
        .map(|m| m.id.as_str())
        .collect();
    display_order(&doc.members)
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
                no_grade_reason: no_grade_reason(member),
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
        decide(
            &mut doc,
            2025,
            "p1",
            Some(Decision::Graded {
                grade: Grade::Qualified,
            }),
        );
        assert_eq!(doc.review(2025).unwrap().entries.len(), 1);
        decide(&mut doc, 2025, "p1", None);
        assert!(doc.review(2025).unwrap().entries.is_empty());
    }

    #[test]
    fn decision_labels() {
        let not = |r: &str| Decision::NotGraded { reason: r.into() };
        assert_eq!(not("长期患病").label(), "不定等次（长期患病）");
        assert_eq!(not(" ").label(), "不定等次");
        assert_eq!(
            Decision::Graded {
                grade: Grade::BasicallyQualified
            }
            .label(),
            "基本合格"
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
