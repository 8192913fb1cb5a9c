//! The rules the branch's 民主评议 decisions are checked against: 评定为
//! “优秀”的比例一般不超过党员总数的1/3 (共产党员网, 民主评议专题), 预备党员
//! 参加评议但不评定等次, and every member either graded or marked with the
//! reason why not. The checks warn; they never block: the branch decides.

use super::grades::{is_gradeable, Grade};
use super::review::{members_to_review, Decision};
use crate::domain::{Document, Member};

/// The most 优秀 the one-third rule allows for a branch of `members`
/// (党员总数): rounded down, so 9 allow 3, 10 allow 3 and 2 allow none.
pub fn max_excellent(members: usize) -> usize {
    members / 3
}

/// The branch's decisions of a year against the rules.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GradeReport {
    /// Members given a grade (预备党员 given one by mistake not counted).
    pub graded: usize,
    /// 党员总数: the members in the branch at the year's end, 预备党员
    /// included; the base of the one-third rule.
    pub members: usize,
    pub excellent: usize,
    pub max_excellent: usize,
    /// Clear sentences for the review page; empty when all is in order.
    pub warnings: Vec<String>,
    /// Members due a decision who have neither a grade nor a reason.
    pub ungraded_without_reason: Vec<String>,
}

impl GradeReport {
    pub fn too_many_excellent(&self) -> bool {
        self.excellent > self.max_excellent
    }
}

pub fn grade_check(doc: &Document, year: i32) -> GradeReport {
    let mut report = GradeReport::default();
    let on = super::review::review_day(doc, year);
    let entries = doc
        .review(year)
        .map(|r| r.entries.as_slice())
        .unwrap_or(&[]);
    let mut probationary_graded = Vec::new();
    for entry in entries {
        let Some(Decision::Graded { grade }) = &entry.decision else {
            continue;
        };
        match doc.member(&entry.member_id) {
            Some(m) if !is_gradeable(m, on) => probationary_graded.push(m.name.clone()),
            _ => {
                report.graded += 1;
                if *grade == Grade::Excellent {
                    report.excellent += 1;
                }
            }
        }
    }
    report.members = members_to_review(doc, year).len();
    report.max_excellent = max_excellent(report.members);
    let decided = |id: &str| {
        entries
            .iter()
            .any(|e| e.member_id == id && e.decision.is_some())
    };
    let undecided: Vec<&Member> = members_to_review(doc, year)
        .into_iter()
        .filter(|m| is_gradeable(m, on) && !decided(&m.id))
        .collect();
    report.ungraded_without_reason = undecided.iter().map(|m| m.id.clone()).collect();

    if report.too_many_excellent() {
        report.warnings.push(excellent_warning(&report));
    }
    if !probationary_graded.is_empty() {
        report.warnings.push(format!(
            "{}是预备党员，参加民主评议但不评定等次，请改为“不评定等次”。",
            probationary_graded.join("、")
        ));
    }
    if !undecided.is_empty() {
        let names: Vec<&str> = undecided.iter().map(|m| m.name.as_str()).collect();
        report.warnings.push(format!(
            "还有 {} 名党员既未评定等次，也未注明不评定等次的原因：{}。",
            names.len(),
            names.join("、")
        ));
    }
    report
}

/// The official wording of the one-third rule.
pub const EXCELLENT_RULE: &str = "评定为“优秀”的比例一般不超过党员总数的1/3";

fn excellent_warning(report: &GradeReport) -> String {
    let limit = if report.max_excellent == 0 {
        "按三分之一计算不能评定优秀".to_string()
    } else {
        format!("最多 {} 人", report.max_excellent)
    };
    format!(
        "评定为“优秀”的有 {} 人，超过了党员总数（{} 人）的三分之一（{limit}）。{EXCELLENT_RULE}，请再斟酌。",
        report.excellent, report.members
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::grades::no_grade_reason;
    use crate::domain::assessment::review::{decide, BranchReview};
    use crate::domain::rules::fixtures::{day, document, full_members, left, probationary};

    fn doc_with(n: usize) -> Document {
        document(&[], full_members("p", n), Vec::new())
    }

    fn grade_all(doc: &mut Document, excellent: usize) {
        let ids: Vec<String> = doc.members.iter().map(|m| m.id.clone()).collect();
        for (i, id) in ids.iter().enumerate() {
            let grade = if i < excellent {
                Grade::Excellent
            } else {
                Grade::Qualified
            };
            decide(doc, 2025, id, Some(Decision::Graded { grade }));
        }
    }

    #[test]
    fn labels() {
        let labels: Vec<_> = Grade::ALL.iter().map(|g| g.label()).collect();
        assert_eq!(labels, ["优秀", "合格", "基本合格", "不合格"]);
    }

    #[test]
    fn nine_graded_allow_three_and_a_fourth_warns() {
        let mut doc = doc_with(9);
        grade_all(&mut doc, 3);
        let r = grade_check(&doc, 2025);
        assert_eq!((r.graded, r.excellent, r.max_excellent), (9, 3, 3));
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
        grade_all(&mut doc, 4);
        let r = grade_check(&doc, 2025);
        assert!(r.too_many_excellent());
        assert_eq!(r.warnings.len(), 1);
        assert!(
            r.warnings[0].contains("评定为“优秀”的有 4 人"),
            "{:?}",
            r.warnings
        );
        assert!(r.warnings[0].contains("最多 3 人"));
    }

    #[test]
    fn the_one_third_counts_every_member_of_the_branch_not_only_those_graded() {
        // 9 members, 3 of them 预备党员 (not graded): 党员总数 9 allows 3 优秀,
        // where a third of the 6 graded would allow only 2.
        let mut members = full_members("p", 6);
        members.extend((1..=3).map(|i| probationary(&format!("y{i}"))));
        let mut doc = document(&[], members, Vec::new());
        for (i, id) in ["p1", "p2", "p3", "p4", "p5", "p6"].iter().enumerate() {
            let grade = if i < 3 {
                Grade::Excellent
            } else {
                Grade::Qualified
            };
            decide(&mut doc, 2025, id, Some(Decision::Graded { grade }));
        }
        let r = grade_check(&doc, 2025);
        assert_eq!((r.graded, r.members, r.max_excellent), (6, 9, 3));
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    }

    #[test]
    fn ten_graded_still_allow_three() {
        let mut doc = doc_with(10);
        grade_all(&mut doc, 3);
        assert!(grade_check(&doc, 2025).warnings.is_empty());
        grade_all(&mut doc, 4);
        let r = grade_check(&doc, 2025);
        assert_eq!((r.graded, r.max_excellent), (10, 3));
        assert!(r.too_many_excellent());
    }

    #[test]
    fn two_graded_allow_no_excellent() {
        let mut doc = doc_with(2);
        grade_all(&mut doc, 0);
        assert!(grade_check(&doc, 2025).warnings.is_empty());
        grade_all(&mut doc, 1);
        let r = grade_check(&doc, 2025);
        assert_eq!(r.max_excellent, 0);
        assert!(r.warnings[0].contains("不能评定优秀"), "{:?}", r.warnings);
        assert_eq!(max_excellent(0), 0);
        assert_eq!(max_excellent(3), 1);
        assert_eq!(max_excellent(12), 4);
    }

    #[test]
    fn probationary_members_are_not_graded_and_need_no_reason() {
        let mut members = full_members("p", 3);
        members.push(probationary("y1"));
        let mut doc = document(&[], members, Vec::new());
        grade_all(&mut doc, 0);
        let r = grade_check(&doc, 2025);
        assert_eq!(r.graded, 3, "the 预备党员's grade is not counted");
        assert!(
            r.warnings[0].contains("党员y1是预备党员"),
            "{:?}",
            r.warnings
        );
        decide(
            &mut doc,
            2025,
            "y1",
            Some(Decision::NotGraded {
                reason: "预备党员".into(),
            }),
        );
        assert!(grade_check(&doc, 2025).warnings.is_empty());
        decide(&mut doc, 2025, "y1", None);
        let r = grade_check(&doc, 2025);
        assert!(r.ungraded_without_reason.is_empty());
        assert!(r.warnings.is_empty());
        let on = crate::domain::assessment::review_day(&doc, 2025);
        assert!(!is_gradeable(&doc.members[3], on));
        assert!(no_grade_reason(&doc.members[3], on)
            .unwrap()
            .contains("不评定等次"));
    }

    #[test]
    fn every_member_needs_a_grade_or_a_reason() {
        let mut members = full_members("p", 3);
        // Left during 2025: not reviewed for 2025. Left in 2026: reviewed.
        members.push(left(
            full_members("gone", 1).remove(0),
            Some(day(2025, 6, 1)),
        ));
        members.push(left(
            full_members("late", 1).remove(0),
            Some(day(2026, 3, 1)),
        ));
        let mut doc = document(&[], members, Vec::new());
        decide(
            &mut doc,
            2025,
            "p1",
            Some(Decision::Graded {
                grade: Grade::Qualified,
            }),
        );
        decide(
            &mut doc,
            2025,
            "p2",
            Some(Decision::NotGraded {
                reason: "长期患病，无法参加评议".into(),
            }),
        );
        let r = grade_check(&doc, 2025);
        assert_eq!(r.ungraded_without_reason, ["p3", "late1"]);
        assert!(r.warnings[0].contains("还有 2 名党员"), "{:?}", r.warnings);
        assert_eq!(r.graded, 1);
        assert_eq!(BranchReview::new(2025).entries.len(), 0);
    }
}
