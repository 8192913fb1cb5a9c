//! The document: everything the app knows, as one value that is exported,
//! imported and validated as a whole, and stored in small records.

use serde::{Deserialize, Serialize};

use super::meeting::ChecklistTemplate;
use super::{Branch, Meeting, Member};

/// The shape of `Document`. Raise it with every change to the stored shape
/// and add a step to `backup::migrate` with a frozen fixture of the old one.
pub const SCHEMA_VERSION: u32 = 1;

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
        self.meetings
            .iter()
            .filter(|m| m.referenced_member_ids().any(|r| r == id))
            .count()
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
