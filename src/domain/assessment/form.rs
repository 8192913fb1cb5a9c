//! One member's self-assessment for one year against one set of standards,
//! and the edits the form page makes to it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::grades::{no_grade_reason, Grade};
use super::standards::{standard, standards, AssessmentKind, DIMENSIONS};
use crate::domain::kind::{Kind, Packing};
use crate::domain::limits;
use crate::domain::time::format_chinese_date;
use crate::domain::validate::{Checker, Checks, Known};
use crate::domain::{Document, Member};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssessmentForm {
    pub id: String,
    pub member_id: String,
    pub year: i32,
    pub kind: AssessmentKind,
    /// One per standard of the kind, by key.
    #[serde(default)]
    pub entries: Vec<StandardEntry>,
    /// The optional 测评表 dimensions the member chose to rate.
    #[serde(default)]
    pub dimensions: Vec<DimensionRating>,
    /// The negative situations (反向情形) the member ticked, as worded when
    /// ticked: the branch's list may be edited later.
    #[serde(default)]
    pub negatives: Vec<String>,
    /// 优秀 / 合格 / 基本合格 / 不合格 on a 四个合格 form; none for 预备党员
    /// and on a 五个过硬 self-check, which is a cadre's, not a 民主评议 form.
    #[serde(default)]
    pub self_grade: Option<Grade>,
    /// A 五个过硬 self-check's overall self-rating, on the scale of the
    /// 述职评议考核 (好 / 较好 / 一般 / 差).
    #[serde(default)]
    pub overall: Option<String>,
    #[serde(default)]
    pub state: FormState,
    /// Every 完成 and 重新打开, oldest first.
    #[serde(default)]
    pub log: Vec<FormEvent>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StandardEntry {
    /// `Standard::key`.
    pub key: String,
    /// One of the branch's rating scale, as chosen.
    #[serde(default)]
    pub rating: Option<String>,
    /// 自评情况: facts and examples.
    #[serde(default)]
    pub facts: String,
    /// 存在问题.
    #[serde(default)]
    pub problems: String,
    /// 整改措施.
    #[serde(default)]
    pub measures: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DimensionRating {
    /// One of `DIMENSIONS`.
    pub name: String,
    #[serde(default)]
    pub rating: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type", deny_unknown_fields)]
pub enum FormState {
    #[default]
    Draft,
    Finished {
        on: NaiveDate,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormEvent {
    pub on: NaiveDate,
    pub action: FormAction,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FormAction {
    Finished,
    Reopened,
}

impl FormAction {
    pub fn label(self) -> &'static str {
        match self {
            FormAction::Finished => "完成",
            FormAction::Reopened => "重新打开",
        }
    }
}

impl FormEvent {
    /// "2026年1月5日 重新打开".
    pub fn sentence(&self) -> String {
        format!("{} {}", format_chinese_date(self.on), self.action.label())
    }
}

/// A blank form with one empty entry per standard.
pub fn new_form(id: &str, member_id: &str, year: i32, kind: AssessmentKind) -> AssessmentForm {
    AssessmentForm {
        id: id.to_string(),
        member_id: member_id.to_string(),
        year,
        kind,
        entries: standards(kind)
            .iter()
            .map(|s| StandardEntry {
                key: s.key.to_string(),
                rating: None,
                facts: String::new(),
                problems: String::new(),
                measures: String::new(),
            })
            .collect(),
        dimensions: Vec::new(),
        negatives: Vec::new(),
        self_grade: None,
        overall: None,
        state: FormState::Draft,
        log: Vec::new(),
    }
}

impl AssessmentForm {
    pub fn is_finished(&self) -> bool {
        matches!(self.state, FormState::Finished { .. })
    }

    pub fn finished_on(&self) -> Option<NaiveDate> {
        match self.state {
            FormState::Finished { on } => Some(on),
            FormState::Draft => None,
        }
    }

    pub fn entry(&self, key: &str) -> Option<&StandardEntry> {
        self.entries.iter().find(|e| e.key == key)
    }

    /// The entry of a standard of this form's kind, added if a form saved
    /// without it lacks it.
    pub fn entry_mut(&mut self, key: &str) -> Option<&mut StandardEntry> {
        standard(self.kind, key)?;
        let i = match self.entries.iter().position(|e| e.key == key) {
            Some(i) => i,
            None => {
                self.entries.push(StandardEntry {
                    key: key.to_string(),
                    rating: None,
                    facts: String::new(),
                    problems: String::new(),
                    measures: String::new(),
                });
                self.entries.len() - 1
            }
        };
        self.entries.get_mut(i)
    }

    /// The rating of each standard, in the order of `standards(kind)`.
    pub fn ratings(&self) -> Vec<Option<&str>> {
        standards(self.kind)
            .iter()
            .map(|s| self.entry(s.key).and_then(|e| e.rating.as_deref()))
            .collect()
    }

    /// Sets or clears a standard's rating; false for an unknown key.
    pub fn set_rating(&mut self, key: &str, rating: Option<&str>) -> bool {
        match self.entry_mut(key) {
            Some(entry) => {
                entry.rating = rating.map(str::to_string);
                true
            }
            None => false,
        }
    }

    pub fn dimension(&self, name: &str) -> Option<&str> {
        self.dimensions
            .iter()
            .find(|d| d.name == name)
            .and_then(|d| d.rating.as_deref())
    }

    /// Rates an optional dimension; clearing the rating removes it, so the
    /// form lists only the dimensions the member chose.
    pub fn set_dimension(&mut self, name: &str, rating: Option<&str>) -> bool {
        if !DIMENSIONS.contains(&name) {
            return false;
        }
        self.dimensions.retain(|d| d.name != name);
        if let Some(r) = rating {
            self.dimensions.push(DimensionRating {
                name: name.to_string(),
                rating: Some(r.to_string()),
            });
            // Keep the 测评表's order whatever order they were tapped in.
            self.dimensions.sort_by_key(|d| {
                DIMENSIONS
                    .iter()
                    .position(|n| *n == d.name)
                    .unwrap_or(usize::MAX)
            });
        }
        true
    }

    pub fn has_negative(&self, situation: &str) -> bool {
        self.negatives.iter().any(|n| n == situation)
    }

    /// Ticks or unticks a negative situation.
    pub fn set_negative(&mut self, situation: &str, ticked: bool) {
        self.negatives.retain(|n| n != situation);
        if ticked {
            self.negatives.push(situation.to_string());
        }
    }

    /// Sets the self-grade, unless the member receives no grade; then the
    /// reason is returned for the form to show.
    /// `on` is the day the year's review grades (`review::review_day`).
    pub fn set_self_grade(
        &mut self,
        member: &Member,
        grade: Option<Grade>,
        on: NaiveDate,
    ) -> Result<(), &'static str> {
        if let (Some(reason), Some(_)) = (no_grade_reason(member, on), grade) {
            return Err(reason);
        }
        self.self_grade = grade;
        Ok(())
    }

    /// What is still blank, as gentle hints ("政治合格：未选评价"). Nothing
    /// here stops a form from being finished.
    pub fn unfilled(&self, member: &Member, on: NaiveDate) -> Vec<String> {
        let mut out = Vec::new();
        for s in standards(self.kind) {
            let entry = self.entry(s.key);
            if entry.and_then(|e| e.rating.as_ref()).is_none() {
                out.push(format!("{}：未选评价", s.title));
            }
            if entry.is_none_or(|e| e.facts.trim().is_empty()) {
                out.push(format!("{}：未填写自评情况", s.title));
            }
        }
        if self.kind.is_member_review()
            && self.self_grade.is_none()
            && no_grade_reason(member, on).is_none()
        {
            out.push("未选自评等次".to_string());
        }
        out
    }
}

/// Marks the form 完成 and records the day; false if it already was.
pub fn finish(form: &mut AssessmentForm, on: NaiveDate) -> bool {
    if form.is_finished() {
        return false;
    }
    form.state = FormState::Finished { on };
    form.log.push(FormEvent {
        on,
        action: FormAction::Finished,
    });
    true
}

/// Opens a finished form for changes and records the day; false if it was
/// not finished.
pub fn reopen(form: &mut AssessmentForm, on: NaiveDate) -> bool {
    if !form.is_finished() {
        return false;
    }
    form.state = FormState::Draft;
    form.log.push(FormEvent {
        on,
        action: FormAction::Reopened,
    });
    true
}

/// The member's form of that year and kind, if there is one.
pub fn form_for<'a>(
    doc: &'a Document,
    member_id: &str,
    year: i32,
    kind: AssessmentKind,
) -> Option<&'a AssessmentForm> {
    // A member may have started the year's form on two phones (the
    // secretary's draft, their own): the finished one counts.
    let mut forms = doc
        .assessments
        .iter()
        .filter(|f| f.member_id == member_id && f.year == year && f.kind == kind);
    let first = forms.clone().next();
    forms.find(|f| f.is_finished()).or(first)
}

#[cfg(test)]
mod form_for_tests {
    use super::*;
    use crate::domain::rules::fixtures::{day, document, full};

    #[test]
    fn of_two_forms_for_one_year_the_finished_one_counts() {
        let mut doc = document(&[], vec![full("a")], Vec::new());
        doc.assessments
            .push(new_form("draft", "a", 2026, AssessmentKind::FourQualified));
        let mut done = new_form("done", "a", 2026, AssessmentKind::FourQualified);
        finish(&mut done, day(2026, 12, 1));
        doc.assessments.push(done);
        let found = form_for(&doc, "a", 2026, AssessmentKind::FourQualified).unwrap();
        assert_eq!(found.id, "done");
    }
}

/// All forms of a member, newest year first, 四个合格 before 五个过硬.
pub fn forms_of<'a>(doc: &'a Document, member_id: &str) -> Vec<&'a AssessmentForm> {
    let mut forms: Vec<&AssessmentForm> = doc
        .assessments
        .iter()
        .filter(|f| f.member_id == member_id)
        .collect();
    forms.sort_by_key(|f| (std::cmp::Reverse(f.year), f.kind));
    forms
}

impl Kind for AssessmentForm {
    fn title(&self, doc: &crate::domain::Document) -> String {
        format!(
            "自评表：{} {}年度",
            doc.member_name(&self.member_id),
            self.year
        )
    }

    fn filed_year(&self) -> Option<i32> {
        Some(self.year)
    }

    const NOUN: &'static str = "自评表";
    const COUNTER: &'static str = "份";
    const SKIPPABLE: bool = true;

    fn check(list: &[Self], known: &Known, checks: &mut Checks) {
        let mut ids = std::collections::HashSet::new();
        let mut forms = std::collections::HashSet::new();
        for (i, form) in list.iter().enumerate() {
            let mut c = checks.item(i);
            c.unique_id(&mut ids, &form.id, "自评表");
            c.member("member_id", &form.member_id, known);
            if !limits::YEARS.contains(&form.year) {
                c.problem("year", format!("年度 {} 不在合理范围内", form.year));
            }
            if !forms.insert((form.member_id.as_str(), form.year, form.kind)) {
                c.problem(
                    "kind",
                    format!(
                        "同一名党员 {} 年度的“{}”自评表有两份",
                        form.year,
                        form.kind.label()
                    ),
                );
            }
            form.check_content(&mut c);
        }
    }

    /// A member's form goes to the secretary in their return; members
    /// never get each other's.
    fn pack(&self, packing: &Packing, _: bool) -> Option<Self> {
        packing
            .carries_private_to(&self.member_id)
            .then(|| self.clone())
    }

    fn pack_deletion(packing: &Packing, written_here: bool) -> bool {
        packing.carries_private_deletion(written_here)
    }

    fn mentions(&self, member_id: &str) -> bool {
        self.member_id == member_id
    }
}

crate::domain::kind::keyed_by_id!(AssessmentForm);

impl AssessmentForm {
    /// Entries, dimensions, ticked situations and log.
    fn check_content(&self, c: &mut Checker) {
        let mut keys = std::collections::HashSet::new();
        for (j, e) in self.entries.iter().enumerate() {
            let mut e_c = c.below(&format!("entries[{j}]."));
            check_standard_key(self.kind, &e.key, &mut keys, &mut e_c);
            check_rating(e.rating.as_deref(), "rating", &mut e_c);
            for (field, text) in [
                ("facts", &e.facts),
                ("problems", &e.problems),
                ("measures", &e.measures),
            ] {
                e_c.length(field, text, limits::FORM_TEXT);
            }
        }
        check_dimensions(&self.dimensions, &mut c.below("dimensions"));
        check_negatives(&self.negatives, &mut c.below("negatives"));
        c.count(
            "log",
            self.log.len(),
            limits::FORM_EVENTS,
            "完成和重新打开的记录",
        );
    }
}

/// A standard's key must be one of the kind's, once.
pub(crate) fn check_standard_key<'k>(
    kind: AssessmentKind,
    key: &'k str,
    seen: &mut std::collections::HashSet<&'k str>,
    c: &mut Checker,
) {
    if standard(kind, key).is_none() {
        c.problem("key", format!("“{key}”不是“{}”的标准", kind.label()));
    } else if !seen.insert(key) {
        c.problem("key", format!("标准“{key}”填写了两次"));
    }
}

pub(crate) fn check_rating(rating: Option<&str>, field: &str, c: &mut Checker) {
    if let Some(r) = rating {
        c.length(field, r, limits::RATING);
    }
}

/// `c` is at the list itself (`…dimensions`).
pub(crate) fn check_dimensions(dimensions: &[DimensionRating], c: &mut Checker) {
    let mut seen = std::collections::HashSet::new();
    for (j, d) in dimensions.iter().enumerate() {
        let mut d_c = c.below(&format!("[{j}]."));
        if !DIMENSIONS.contains(&d.name.as_str()) {
            d_c.problem("name", format!("测评项目“{}”无法识别", d.name));
        } else if !seen.insert(d.name.as_str()) {
            d_c.problem("name", format!("测评项目“{}”评了两次", d.name));
        }
        check_rating(d.rating.as_deref(), "rating", &mut d_c);
    }
}

/// `c` is at the list itself (`…negatives`).
pub(crate) fn check_negatives(negatives: &[String], c: &mut Checker) {
    c.count("", negatives.len(), limits::NEGATIVES, "勾选的反向情形");
    for (j, n) in negatives.iter().enumerate() {
        c.length(&format!("[{j}]"), n, limits::SHORT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules::fixtures::{day, full, probationary};

    #[test]
    fn a_new_form_has_one_blank_entry_per_standard() {
        let f = new_form("a1", "m1", 2025, AssessmentKind::FiveExcellent);
        assert_eq!(f.entries.len(), 5);
        assert_eq!(f.ratings(), [None; 5]);
        assert!(!f.is_finished());
    }

    #[test]
    fn finishing_and_reopening_are_logged_with_their_dates() {
        let mut f = new_form("a1", "m1", 2025, AssessmentKind::FourQualified);
        assert!(!reopen(&mut f, day(2026, 1, 1)), "a draft is already open");
        assert!(finish(&mut f, day(2026, 1, 5)));
        assert!(
            !finish(&mut f, day(2026, 1, 6)),
            "finishing twice logs once"
        );
        assert_eq!(f.finished_on(), Some(day(2026, 1, 5)));
        assert!(reopen(&mut f, day(2026, 1, 8)));
        assert_eq!(f.state, FormState::Draft);
        assert!(finish(&mut f, day(2026, 1, 9)));
        let log: Vec<String> = f.log.iter().map(FormEvent::sentence).collect();
        assert_eq!(
            log,
            [
                "2026年1月5日 完成",
                "2026年1月8日 重新打开",
                "2026年1月9日 完成"
            ]
        );
    }

    #[test]
    fn ratings_dimensions_and_negatives() {
        let mut f = new_form("a1", "m1", 2025, AssessmentKind::FourQualified);
        assert!(f.set_rating("discipline", Some("较好")));
        assert!(!f.set_rating("no_such", Some("好")));
        assert_eq!(f.ratings(), [None, Some("较好"), None, None]);
        assert!(f.set_dimension("廉洁自律", Some("好")));
        assert!(f.set_dimension("理想信念", Some("较好")));
        assert!(!f.set_dimension("颜值", Some("好")));
        let names: Vec<_> = f.dimensions.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["理想信念", "廉洁自律"]);
        f.set_dimension("理想信念", None);
        assert_eq!(f.dimension("理想信念"), None);
        f.set_negative("无故不参加组织生活", true);
        assert!(f.has_negative("无故不参加组织生活"));
        f.set_negative("无故不参加组织生活", false);
        assert!(f.negatives.is_empty());
    }

    #[test]
    fn a_missing_entry_is_added_when_edited() {
        let mut f = new_form("a1", "m1", 2025, AssessmentKind::FourQualified);
        f.entries.clear();
        f.entry_mut("character").unwrap().facts = "孝敬父母".into();
        assert_eq!(f.entries.len(), 1);
        assert_eq!(f.ratings(), [None; 4]);
    }

    #[test]
    fn probationary_members_get_no_self_grade_and_are_told_why() {
        let mut f = new_form("a1", "y1", 2025, AssessmentKind::FourQualified);
        let why = f
            .set_self_grade(
                &probationary("y1"),
                Some(Grade::Excellent),
                day(2025, 12, 31),
            )
            .unwrap_err();
        assert!(why.contains("预备党员"));
        assert_eq!(f.self_grade, None);
        assert!(f
            .set_self_grade(&probationary("y1"), None, day(2025, 12, 31))
            .is_ok());
        assert!(f
            .set_self_grade(&full("m1"), Some(Grade::Qualified), day(2025, 12, 31))
            .is_ok());
        assert!(!f
            .unfilled(&probationary("y1"), day(2025, 12, 31))
            .contains(&"未选自评等次".to_string()));
    }

    #[test]
    fn unfilled_lists_blanks_without_blocking() {
        let mut f = new_form("a1", "m1", 2025, AssessmentKind::FourQualified);
        assert_eq!(f.unfilled(&full("m1"), day(2025, 12, 31)).len(), 9);
        for s in standards(f.kind) {
            f.set_rating(s.key, Some("好"));
            f.entry_mut(s.key).unwrap().facts = "按时参加组织生活".into();
        }
        assert_eq!(f.unfilled(&full("m1"), day(2025, 12, 31)), ["未选自评等次"]);
        assert!(finish(&mut f, day(2026, 1, 5)));
    }
}
