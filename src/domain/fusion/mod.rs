//! 党建与业务融合: the practices that tie party work to the unit's business
//! (`../shared/fusion.md`): the key-task list (清单化管理), each 党小组's
//! monthly key work and review, members' 承诺践诺评诺, and the study forms
//! that are not full meetings (党员每月一讲, OPL 一点课, 五分钟晨学).
//! Nothing here ranks members against each other.

pub mod commitments;
pub mod group_work;
pub mod sheets;
pub mod study;
pub mod tasks;

pub use commitments::{Commitment, CommitmentKind, Fulfilment, MemberCommitments};
pub use group_work::{GroupMonth, GroupMonthStatus, GroupReview};
pub use study::{StudyForm, StudySession};
pub use tasks::{KeyTask, TaskCategory, TaskKind, TaskOwner, TaskSource, TaskStatus};

use chrono::{Datelike, NaiveDate};

use crate::domain::Document;

/// How a 党小组's months stand over a period: months so far, 已确定 and
/// 已回顾 (a reviewed month counts as set too).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupMonthsLine {
    pub group_id: String,
    pub group_name: String,
    pub months: usize,
    pub set: usize,
    pub reviewed: usize,
}

impl GroupMonthsLine {
    /// "第一党小组：重点工作 3 个月中已确定 3 个月，已回顾 2 个月".
    pub fn sentence(&self) -> String {
        format!(
            "{}：重点工作 {} 个月中已确定 {} 个月，已回顾 {} 个月",
            self.group_name, self.months, self.set, self.reviewed
        )
    }
}

/// The months of `from..=to` up to `today`, as (year, month).
pub fn months_between(from: NaiveDate, to: NaiveDate, today: NaiveDate) -> Vec<(i32, u32)> {
    let end = to.min(today);
    let mut out = Vec::new();
    let (mut y, mut m) = (from.year(), from.month());
    while (y, m) <= (end.year(), end.month()) {
        out.push((y, m));
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    out
}

/// One line per 党小组 for the months of `from..=to` up to `today`, from
/// the first month the branch used the app.
pub fn group_months_lines(
    doc: &Document,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> Vec<GroupMonthsLine> {
    let (year, month) = group_work::first_month_in_use(doc, today);
    let months: Vec<(i32, u32)> = months_between(from, to, today)
        .into_iter()
        .filter(|&m| m >= (year, month))
        .collect();
    doc.branch
        .groups
        .iter()
        .map(|g| {
            let statuses: Vec<GroupMonthStatus> = months
                .iter()
                .map(|&(y, m)| {
                    let record = doc.group_month(&GroupMonth::id_for(&g.id, y, m));
                    group_work::status(record, &doc.meetings)
                })
                .collect();
            GroupMonthsLine {
                group_id: g.id.clone(),
                group_name: g.name.clone(),
                months: months.len(),
                set: statuses
                    .iter()
                    .filter(|s| **s != GroupMonthStatus::NotSet)
                    .count(),
                reviewed: statuses
                    .iter()
                    .filter(|s| **s == GroupMonthStatus::Reviewed)
                    .count(),
            }
        })
        .collect()
}

/// What the period summary says of the 融合 work.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FusionSummary {
    pub tasks: tasks::TaskFigures,
    pub groups: Vec<GroupMonthsLine>,
    /// Study sessions held in the period, by form.
    pub studies: Vec<(StudyForm, usize)>,
    /// Members with commitments for the period's years.
    pub members_with_commitments: usize,
}

impl FusionSummary {
    /// The section's sentences: tasks by kind, each group's months, study,
    /// commitments.
    pub fn lines(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .tasks
            .by_kind
            .iter()
            .filter(|(_, a, b, c, d)| a + b + c + d > 0)
            .map(|(kind, deployed, checked, closed, open)| {
                format!(
                    "{}：部署 {deployed} 项，检查 {checked} 项，销号 {closed} 项，未销号 {open} 项",
                    kind.label()
                )
            })
            .collect();
        out.extend(
            self.groups
                .iter()
                .filter(|g| g.months > 0)
                .map(GroupMonthsLine::sentence),
        );
        if !self.studies.is_empty() {
            let parts: Vec<String> = self
                .studies
                .iter()
                .map(|(f, n)| format!("{} {n} 次", f.label()))
                .collect();
            out.push(format!("学习：{}", parts.join("，")));
        }
        if self.members_with_commitments > 0 {
            out.push(format!(
                "承诺践诺：{} 名党员作出公开承诺",
                self.members_with_commitments
            ));
        }
        out
    }

    pub fn is_empty(&self) -> bool {
        self.tasks
            .by_kind
            .iter()
            .all(|(_, a, b, c, d)| a + b + c + d == 0)
            && self.groups.iter().all(|g| g.set == 0)
            && self.studies.is_empty()
            && self.members_with_commitments == 0
    }
}

pub fn fusion_summary(
    doc: &Document,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> FusionSummary {
    let meeting_date = |id: &str| doc.meeting(id).and_then(|m| m.date);
    let within = |d: Option<NaiveDate>| d.is_some_and(|d| d >= from && d <= to);
    FusionSummary {
        tasks: tasks::figures(&doc.tasks, meeting_date, from, to),
        groups: if doc.branch.rules.group_monthly_work {
            group_months_lines(doc, from, to, today)
        } else {
            Vec::new()
        },
        studies: StudyForm::BRANCH
            .iter()
            .map(|&f| {
                let n = doc
                    .studies
                    .iter()
                    .filter(|s| s.form == f && within(s.date))
                    .count();
                (f, n)
            })
            .filter(|(_, n)| *n > 0)
            .collect(),
        members_with_commitments: doc
            .commitments
            .iter()
            .filter(|c| {
                c.year >= from.year() && c.year <= to.year() && c.written().next().is_some()
            })
            .map(|c| c.member_id.as_str())
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules::fixtures::day;

    #[test]
    fn group_work_counts_months_from_the_one_the_branch_began_using_the_app() {
        use crate::domain::meeting::MeetingKind;
        use crate::domain::rules::fixtures::{document, held};
        let mut first = held("m1", MeetingKind::GroupMeeting, day(2026, 12, 3));
        first.group_id = Some("g1".into());
        let doc = document(&["g1"], Vec::new(), vec![first]);
        let months = |from, to, today| group_months_lines(&doc, from, to, today)[0].months;
        let today = day(2027, 1, 15);
        for (from, to, counted, what) in [
            (day(2026, 11, 1), day(2026, 11, 30), 0, "the month before"),
            (day(2026, 12, 1), day(2026, 12, 31), 1, "the month it began"),
            (day(2027, 1, 1), day(2027, 1, 31), 1, "the month after"),
            (
                day(2026, 1, 1),
                day(2026, 12, 31),
                1,
                "a year: only December",
            ),
        ] {
            assert_eq!(months(from, to, today), counted, "{what}");
        }
        // No records yet: the branch began this month.
        let blank = document(&["g1"], Vec::new(), Vec::new());
        let lines =
            group_months_lines(&blank, day(2026, 1, 1), day(2026, 12, 31), day(2026, 12, 6));
        assert_eq!(lines[0].months, 1);
        assert_eq!(
            group_work::first_month_in_use(&blank, day(2026, 12, 6)),
            (2026, 12)
        );
    }

    #[test]
    fn the_example_years_summary_counts_tasks_groups_study_and_commitments() {
        let today = day(2026, 11, 27);
        let doc = crate::domain::sample::example_document(today);
        let s = fusion_summary(&doc, day(2026, 1, 1), day(2026, 12, 31), today);
        let lines = s.lines();
        // Three duties deployed at January's 支委会, each checked since, the
        // 先锋岗 closed in April; the 组织生活会's problem (closed in July)
        // and its fix (研讨 every quarter, still open).
        for line in [
            "责任清单：部署 3 项，检查 3 项，销号 1 项，未销号 2 项",
            "问题清单：部署 1 项，检查 1 项，销号 1 项，未销号 0 项",
            "整改清单：部署 1 项，检查 1 项，销号 0 项，未销号 1 项",
            // January to November set; November's review waits for its
            // 党小组会, which is not recorded yet.
            "第一党小组：重点工作 11 个月中已确定 11 个月，已回顾 10 个月",
            // January to October's lessons; training outside the branch is
            // no branch study.
            "学习：党员每月一讲 10 次，OPL一点课 3 次，五分钟晨学 4 次",
            // The 23 members of January, the two admitted in spring, and the
            // member who has since left.
            "承诺践诺：25 名党员作出公开承诺",
        ] {
            assert!(lines.contains(&line.to_string()), "{line}\n{lines:?}");
        }
        assert!(!s.is_empty());
        let blank = fusion_summary(
            &Document::default(),
            day(2026, 1, 1),
            day(2026, 12, 31),
            today,
        );
        assert!(blank.is_empty());
    }

    #[test]
    fn months_run_from_the_start_to_today_or_the_end() {
        assert_eq!(
            months_between(day(2025, 11, 1), day(2026, 12, 31), day(2026, 2, 10)),
            [(2025, 11), (2025, 12), (2026, 1), (2026, 2)]
        );
        assert!(months_between(day(2027, 1, 1), day(2027, 3, 31), day(2026, 2, 10)).is_empty());
    }

    /// N18: 党小组每月重点工作 is a local practice: a branch that does not
    /// keep it has no line for it in its summary.
    #[test]
    fn the_summary_has_no_group_work_lines_where_the_branch_does_not_keep_it() {
        let today = day(2026, 11, 27);
        let mut doc = crate::domain::sample::example_document(today);
        doc.branch.rules.group_monthly_work = false;
        let s = fusion_summary(&doc, day(2026, 1, 1), day(2026, 12, 31), today);
        assert!(s.groups.is_empty());
        assert!(!s.lines().iter().any(|l| l.contains("党小组")));
    }
}
