//! 重点任务清单: one list of the branch's key tasks, tagged 党建 / 业务 /
//! 融合, deployed at a 支委会 (一起部署), checked at 党小组会 and 支委会
//! (一起检查) and ticked off one by one (逐项销号). 责任清单, 问题清单 and
//! 整改清单 are the same list with a kind.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::kind::{Kind, Packing};
use crate::domain::limits;
use crate::domain::validate::{Checks, Known};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskKind {
    /// 责任清单: what the branch undertakes this year.
    #[default]
    Duty,
    /// 问题清单: a problem found, usually at a 组织生活会 (查摆).
    Problem,
    /// 整改清单: the fix for a problem.
    Remedy,
}

impl TaskKind {
    pub const ALL: [TaskKind; 3] = [TaskKind::Duty, TaskKind::Problem, TaskKind::Remedy];

    pub fn label(self) -> &'static str {
        match self {
            TaskKind::Duty => "责任清单",
            TaskKind::Problem => "问题清单",
            TaskKind::Remedy => "整改清单",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskCategory {
    Party,
    Business,
    #[default]
    Fused,
}

impl TaskCategory {
    pub const ALL: [TaskCategory; 3] = [
        TaskCategory::Party,
        TaskCategory::Business,
        TaskCategory::Fused,
    ];

    pub fn label(self) -> &'static str {
        match self {
            TaskCategory::Party => "党建",
            TaskCategory::Business => "业务",
            TaskCategory::Fused => "融合",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskSource {
    /// 上级部署.
    Superior,
    /// 支委会研究确定.
    #[default]
    Committee,
    /// 组织生活会查摆.
    OrganizationalLife,
    /// 谈心谈话.
    Talk,
    Other,
}

impl TaskSource {
    pub const ALL: [TaskSource; 5] = [
        TaskSource::Superior,
        TaskSource::Committee,
        TaskSource::OrganizationalLife,
        TaskSource::Talk,
        TaskSource::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            TaskSource::Superior => "上级部署",
            TaskSource::Committee => "支委会",
            TaskSource::OrganizationalLife => "组织生活会查摆",
            TaskSource::Talk => "谈心谈话",
            TaskSource::Other => "其他",
        }
    }
}

/// 责任主体: the branch, a 党小组 or a member.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "id")]
pub enum TaskOwner {
    #[default]
    Branch,
    Group(String),
    Member(String),
}

impl TaskOwner {
    /// Who it is, by name; `None` when the group or member is gone.
    pub fn name(&self, doc: &crate::domain::Document) -> Option<String> {
        match self {
            TaskOwner::Branch => Some("支部".into()),
            TaskOwner::Group(id) => doc
                .branch
                .groups
                .iter()
                .find(|g| &g.id == id)
                .map(|g| g.name.clone()),
            TaskOwner::Member(id) => doc.member(id).map(|m| m.name.clone()),
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    #[default]
    NotStarted,
    InProgress,
    Done,
    /// 销号: checked and closed, with evidence.
    Closed,
}

impl TaskStatus {
    pub const ALL: [TaskStatus; 4] = [
        TaskStatus::NotStarted,
        TaskStatus::InProgress,
        TaskStatus::Done,
        TaskStatus::Closed,
    ];

    pub fn label(self) -> &'static str {
        match self {
            TaskStatus::NotStarted => "未开始",
            TaskStatus::InProgress => "推进中",
            TaskStatus::Done => "已完成",
            TaskStatus::Closed => "已销号",
        }
    }

    pub fn is_open(self) -> bool {
        !matches!(self, TaskStatus::Closed)
    }
}

/// 时序节点.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    pub id: String,
    #[serde(default)]
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub what: String,
}

/// A dated progress note; one written at a meeting names it (一起检查).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgressNote {
    pub id: String,
    #[serde(default)]
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub text: String,
    /// The 支委会 or 党小组会 that checked the task.
    #[serde(default)]
    pub meeting_id: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyTask {
    pub id: String,
    /// The year whose list the task is on.
    pub year: i32,
    #[serde(default)]
    pub kind: TaskKind,
    #[serde(default)]
    pub category: TaskCategory,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub source: TaskSource,
    #[serde(default)]
    pub owner: TaskOwner,
    /// 具体举措.
    #[serde(default)]
    pub measures: String,
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    #[serde(default)]
    pub progress: Vec<ProgressNote>,
    #[serde(default)]
    pub status: TaskStatus,
    /// 销号 date.
    #[serde(default)]
    pub closed_on: Option<NaiveDate>,
    /// 佐证: what shows it was done ("已留存纸质材料").
    #[serde(default)]
    pub evidence: String,
    /// The 支委会 that deployed it (一起部署).
    #[serde(default)]
    pub deployed_in: Option<String>,
}

impl KeyTask {
    /// Whether the meeting `id` checked this task.
    pub fn checked_in(&self, meeting_id: &str) -> bool {
        self.progress
            .iter()
            .any(|p| p.meeting_id.as_deref() == Some(meeting_id))
    }

    /// The latest progress note, for a ledger's 进展 column.
    pub fn latest_progress(&self) -> Option<&ProgressNote> {
        self.progress
            .iter()
            .filter(|p| !p.text.trim().is_empty())
            .max_by_key(|p| p.date)
    }

    /// Progress noted in the month `(year, month)`.
    pub fn progress_in(&self, year: i32, month: u32) -> impl Iterator<Item = &ProgressNote> {
        self.progress.iter().filter(move |p| {
            p.date
                .is_some_and(|d| d.year() == year && d.month() == month)
        })
    }

    /// The progress note the meeting `meeting_id` wrote, if it checked the
    /// task.
    pub fn progress_at(&self, meeting_id: &str) -> Option<&ProgressNote> {
        self.progress
            .iter()
            .find(|p| p.meeting_id.as_deref() == Some(meeting_id))
    }

    /// Records that a meeting checked the task (一起检查), with an empty
    /// note to write its progress in; a task not started is then under way.
    /// Unchecking takes back only a note nothing was written in.
    pub fn check_at(
        &mut self,
        meeting_id: &str,
        checked: bool,
        note_id: &str,
        date: Option<NaiveDate>,
    ) {
        let here = |p: &ProgressNote| p.meeting_id.as_deref() == Some(meeting_id);
        if checked && !self.progress.iter().any(here) {
            self.progress.push(ProgressNote {
                id: note_id.to_string(),
                date,
                text: String::new(),
                meeting_id: Some(meeting_id.to_string()),
            });
            if self.status == TaskStatus::NotStarted {
                self.status = TaskStatus::InProgress;
            }
        } else if !checked {
            self.progress
                .retain(|p| !here(p) || !p.text.trim().is_empty());
        }
    }

    /// Writes the progress the meeting `meeting_id` noted.
    pub fn write_progress_at(&mut self, meeting_id: &str, text: &str) {
        if let Some(p) = self
            .progress
            .iter_mut()
            .find(|p| p.meeting_id.as_deref() == Some(meeting_id))
        {
            p.text = text.to_string();
        }
    }

    /// Closes the task (销号) on `day`.
    pub fn close(&mut self, day: NaiveDate) {
        self.status = TaskStatus::Closed;
        self.closed_on = Some(day);
    }

    pub fn referenced_member_ids(&self) -> impl Iterator<Item = &str> {
        match &self.owner {
            TaskOwner::Member(id) => Some(id.as_str()),
            _ => None,
        }
        .into_iter()
    }
}

/// How a period's tasks stand: what was deployed, checked and closed in it,
/// by kind. For the 融合 section of a period summary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TaskFigures {
    /// (kind, deployed, checked, closed, still open at the end).
    pub by_kind: Vec<(TaskKind, usize, usize, usize, usize)>,
}

/// Task figures for `from..=to`, from records only: deployed = at a meeting
/// dated in the period; checked = with a progress note dated in it; closed =
/// 销号 in it; open = on the period's years' lists and not closed by its end.
pub fn figures(
    tasks: &[KeyTask],
    meeting_date: impl Fn(&str) -> Option<NaiveDate>,
    from: NaiveDate,
    to: NaiveDate,
) -> TaskFigures {
    let within = |d: Option<NaiveDate>| d.is_some_and(|d| d >= from && d <= to);
    let by_kind = TaskKind::ALL
        .iter()
        .map(|&kind| {
            let of_kind = || tasks.iter().filter(move |t| t.kind == kind);
            let deployed = of_kind()
                .filter(|t| within(t.deployed_in.as_deref().and_then(&meeting_date)))
                .count();
            let checked = of_kind()
                .filter(|t| t.progress.iter().any(|p| within(p.date)))
                .count();
            let closed = of_kind()
                .filter(|t| t.status == TaskStatus::Closed && within(t.closed_on))
                .count();
            let open = of_kind()
                .filter(|t| t.year >= from.year() && t.year <= to.year())
                .filter(|t| {
                    !(t.status == TaskStatus::Closed && t.closed_on.is_none_or(|d| d <= to))
                })
                .count();
            (kind, deployed, checked, closed, open)
        })
        .collect();
    TaskFigures { by_kind }
}

impl Kind for KeyTask {
    fn title(&self, _doc: &crate::domain::Document) -> String {
        format!("重点任务：{}", self.title.trim())
    }

    fn filed_year(&self) -> Option<i32> {
        Some(self.year)
    }

    const NOUN: &'static str = "重点任务";
    const COUNTER: &'static str = "项";
    const SKIPPABLE: bool = true;

    fn check(list: &[Self], known: &Known, checks: &mut Checks) {
        let mut ids = std::collections::HashSet::new();
        for (i, task) in list.iter().enumerate() {
            let mut c = checks.item(i);
            c.unique_id(&mut ids, &task.id, "任务");
            match &task.owner {
                TaskOwner::Member(id) => c.member("owner", id, known),
                TaskOwner::Group(id) => c.group("owner", id, known),
                _ => {}
            }
            // `deployed_in` is not checked against the file's meetings: a
            // 党小组长's 交给书记 carries the task's progress without the
            // 支委会 that deployed it (the secretary holds that meeting), and
            // a task whose meeting is gone reads as deployed nowhere.
            c.length("title", &task.title, limits::SHORT * 2);
            c.length("measures", &task.measures, limits::TEXT);
            c.length("evidence", &task.evidence, limits::TEXT);
            c.count(
                "progress",
                task.progress.len(),
                limits::FUSION_ITEMS,
                "进展",
            );
            for (j, note) in task.progress.iter().enumerate() {
                c.length(&format!("progress[{j}].text"), &note.text, limits::TEXT);
            }
        }
    }

    /// Members see this year's tasks and the open ones; a return carries
    /// the tasks whose progress was written on the phone.
    fn pack(&self, packing: &Packing, written_here: bool) -> Option<Self> {
        let members_keep_it = self.year >= packing.since_year || self.status.is_open();
        packing
            .carries_shared(members_keep_it, written_here)
            .then(|| self.clone())
    }

    fn pack_deletion(packing: &Packing, written_here: bool) -> bool {
        packing.carries_shared_deletion(written_here)
    }

    fn mentions(&self, member_id: &str) -> bool {
        self.referenced_member_ids().any(|r| r == member_id)
    }
}

crate::domain::kind::keyed_by_id!(KeyTask);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules::fixtures::day;

    fn task(id: &str, kind: TaskKind) -> KeyTask {
        KeyTask {
            id: id.into(),
            year: 2026,
            kind,
            ..KeyTask::default()
        }
    }

    #[test]
    fn a_meeting_checks_a_task_by_writing_a_note_that_names_it() {
        let mut t = task("t1", TaskKind::Duty);
        assert!(!t.checked_in("mt-1"));
        t.progress.push(ProgressNote {
            id: "p1".into(),
            date: Some(day(2026, 3, 5)),
            text: "已完成方案".into(),
            meeting_id: Some("mt-1".into()),
        });
        assert!(t.checked_in("mt-1"));
        assert_eq!(t.progress_in(2026, 3).count(), 1);
        assert_eq!(t.progress_in(2026, 4).count(), 0);
    }

    #[test]
    fn figures_count_deployed_checked_and_closed_in_the_period_by_kind() {
        let mut a = task("a", TaskKind::Duty);
        a.deployed_in = Some("c1".into());
        a.close(day(2026, 6, 30));
        let mut b = task("b", TaskKind::Duty);
        b.deployed_in = Some("c2".into());
        b.progress.push(ProgressNote {
            id: "p".into(),
            date: Some(day(2026, 5, 2)),
            ..ProgressNote::default()
        });
        let mut c = task("c", TaskKind::Problem);
        c.close(day(2026, 9, 1));
        let meeting = |id: &str| match id {
            "c1" => Some(day(2026, 4, 10)),
            "c2" => Some(day(2026, 7, 1)),
            _ => None,
        };
        let q2 = figures(&[a, b, c], meeting, day(2026, 4, 1), day(2026, 6, 30));
        assert_eq!(q2.by_kind[0], (TaskKind::Duty, 1, 1, 1, 1));
        assert_eq!(q2.by_kind[1], (TaskKind::Problem, 0, 0, 0, 1));
        assert_eq!(q2.by_kind[2], (TaskKind::Remedy, 0, 0, 0, 0));
    }
}
