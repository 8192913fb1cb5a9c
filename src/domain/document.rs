//! The document: everything the app knows, as one value that is exported,
//! imported and validated as a whole, and stored in small records.

use serde::{Deserialize, Serialize};

use super::assessment::{AssessmentForm, BranchReview};
use super::meeting::ChecklistTemplate;
use super::{Branch, Meeting, Member, Talk};

/// The shape of `Document` and of its stored records. Raise it with every
/// change to the stored shape and add a step to `format::migrate` with a
/// frozen fixture of the old one.
pub const SCHEMA_VERSION: u32 = 3;

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

    pub fn talk_mut(&mut self, id: &str) -> Option<&mut Talk> {
        self.talks.iter_mut().find(|t| t.id == id)
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
        meetings + forms + reviews + talks
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
