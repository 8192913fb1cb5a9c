//! The document: everything the app knows, as one value that is exported,
//! imported and validated as a whole, and stored in small records.

use serde::{Deserialize, Serialize};

use super::assessment::{AssessmentForm, BranchReview};
use super::fusion::{GroupMonth, KeyTask, MemberCommitments, StudySession};
use super::meeting::ChecklistTemplate;
use super::{Branch, Meeting, Member, Talk};

/// The shape of `Document` and of its stored records. Raise it with every
/// change to the stored shape and add a step to `format::migrate` with a
/// frozen fixture of the old one.
pub const SCHEMA_VERSION: u32 = 5;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub branch: Branch,
    #[serde(default)]
    pub members: Vec<Member>,
    #[serde(default)]
    pub meetings: Vec<Meeting>,
    /// The branch's edits of the default checklists, one per meeting type.
    #[serde(default)]
    pub templates: Vec<ChecklistTemplate>,
    /// Self-assessment forms: one per member, year and kind.
    #[serde(default)]
    pub assessments: Vec<AssessmentForm>,
    /// The branch's 民主评议 decisions, one per year.
    #[serde(default)]
    pub reviews: Vec<BranchReview>,
    /// 谈心谈话 records.
    #[serde(default)]
    pub talks: Vec<Talk>,
    /// 重点任务清单 (with 问题清单 and 整改清单).
    #[serde(default)]
    pub tasks: Vec<KeyTask>,
    /// Each 党小组's monthly key work and review.
    #[serde(default)]
    pub group_months: Vec<GroupMonth>,
    /// Members' 承诺践诺评诺, one record per member and year.
    #[serde(default)]
    pub commitments: Vec<MemberCommitments>,
    /// 党员每月一讲, OPL 一点课, 五分钟晨学.
    #[serde(default)]
    pub studies: Vec<StudySession>,
}

impl Document {
    /// True when nothing has been entered yet: no branch name, no members, no
    /// meetings. Such a document may be replaced without asking.
    pub fn is_blank(&self) -> bool {
        self.branch.name.trim().is_empty() && self.members.is_empty() && self.meetings.is_empty()
    }

    pub fn member(&self, id: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.id == id)
    }

    pub fn member_mut(&mut self, id: &str) -> Option<&mut Member> {
        self.members.iter_mut().find(|m| m.id == id)
    }

    pub fn meeting(&self, id: &str) -> Option<&Meeting> {
        self.meetings.iter().find(|m| m.id == id)
    }

    pub fn meeting_mut(&mut self, id: &str) -> Option<&mut Meeting> {
        self.meetings.iter_mut().find(|m| m.id == id)
    }

    pub fn assessment(&self, id: &str) -> Option<&AssessmentForm> {
        self.assessments.iter().find(|a| a.id == id)
    }

    pub fn assessment_mut(&mut self, id: &str) -> Option<&mut AssessmentForm> {
        self.assessments.iter_mut().find(|a| a.id == id)
    }

    pub fn review(&self, year: i32) -> Option<&BranchReview> {
        self.reviews.iter().find(|r| r.year == year)
    }

    pub fn talk(&self, id: &str) -> Option<&Talk> {
        self.talks.iter().find(|t| t.id == id)
    }

    pub fn task(&self, id: &str) -> Option<&KeyTask> {
        self.tasks.iter().find(|t| t.id == id)
    }

    pub fn task_mut(&mut self, id: &str) -> Option<&mut KeyTask> {
        self.tasks.iter_mut().find(|t| t.id == id)
    }

    pub fn group_month(&self, id: &str) -> Option<&GroupMonth> {
        self.group_months.iter().find(|g| g.id == id)
    }

    pub fn group_month_mut(&mut self, id: &str) -> Option<&mut GroupMonth> {
        self.group_months.iter_mut().find(|g| g.id == id)
    }

    pub fn commitments_of(&self, id: &str) -> Option<&MemberCommitments> {
        self.commitments.iter().find(|c| c.id == id)
    }

    pub fn commitments_of_mut(&mut self, id: &str) -> Option<&mut MemberCommitments> {
        self.commitments.iter_mut().find(|c| c.id == id)
    }

    pub fn study(&self, id: &str) -> Option<&StudySession> {
        self.studies.iter().find(|s| s.id == id)
    }

    /// The name a person reference stands for: the member's name, or the
    /// name typed by hand.
    pub fn person_name(&self, person: &super::meeting::PersonRef) -> String {
        match &person.member_id {
            Some(id) => self.member(id).map(|m| m.name.clone()).unwrap_or_default(),
            None => person.name.clone(),
        }
    }

    /// How many records mention this member: a member who appears in records
    /// can only be marked as left, never deleted.
    pub fn references_to_member(&self, id: &str) -> usize {
        let meetings = self
            .meetings
            .iter()
            .filter(|m| m.referenced_member_ids().any(|r| r == id))
            .count();
        let forms = self
            .assessments
            .iter()
            .filter(|a| a.member_id == id)
            .count();
        let reviews = self
            .reviews
            .iter()
            .filter(|r| r.entry(id).is_some())
            .count();
        let talks = self
            .talks
            .iter()
            .filter(|t| t.referenced_member_ids().any(|r| r == id))
            .count();
        let tasks = self
            .tasks
            .iter()
            .filter(|t| t.referenced_member_ids().any(|r| r == id))
            .count();
        let commitments = self
            .commitments
            .iter()
            .filter(|c| c.member_id == id)
            .count();
        let studies = self
            .studies
            .iter()
            .filter(|s| s.referenced_member_ids().any(|r| r == id))
            .count();
        meetings + forms + reviews + talks + tasks + commitments + studies
    }

    /// A short summary for confirmations: "3 个党小组、25 名党员、12 次会议".
    pub fn summary(&self) -> String {
        format!(
            "{} 个党小组、{} 名党员、{} 次会议",
            self.branch.groups.len(),
            self.members.len(),
            self.meetings.len()
        )
    }
}
