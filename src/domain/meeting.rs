//! A meeting or study session and everything its record (党支部工作记录)
//! holds. The rules that read these records live in `crate::domain::rules`.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub id: String,
    pub kind: MeetingKind,
    /// The 党小组 that meets, for 党小组会; `None` means the whole branch.
    #[serde(default)]
    pub group_id: Option<String>,
    #[serde(default)]
    pub state: MeetingState,
    /// 第 N 次 in its year, if the branch numbers them.
    #[serde(default)]
    pub sequence: Option<u32>,
    #[serde(default)]
    pub planned_date: Option<NaiveDate>,
    #[serde(default)]
    pub planned_time: Option<NaiveTime>,
    /// The day it was actually held.
    #[serde(default)]
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub start_time: Option<NaiveTime>,
    #[serde(default)]
    pub end_time: Option<NaiveTime>,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub theme: String,
    #[serde(default)]
    pub agenda: Vec<String>,
    #[serde(default)]
    pub host: PersonRef,
    #[serde(default)]
    pub recorder: PersonRef,
    /// 讲课人, for 党课 and study sessions.
    #[serde(default)]
    pub lecturer: PersonRef,
    /// 列席人员, as typed.
    #[serde(default)]
    pub observers: String,
    #[serde(default)]
    pub checklist: Vec<ChecklistItem>,
    #[serde(default)]
    pub attendance: Vec<Attendance>,
    #[serde(default)]
    pub materials: Vec<StudyMaterial>,
    /// 主要内容.
    #[serde(default)]
    pub minutes: String,
    /// 发言摘要.
    #[serde(default)]
    pub speeches: Vec<Speech>,
    #[serde(default)]
    pub votes: Vec<Vote>,
    #[serde(default)]
    pub follow_ups: Vec<FollowUp>,
    #[serde(default)]
    pub remarks: String,
    /// Paper kept elsewhere: browser storage holds no attachments.
    #[serde(default)]
    pub sign_in_sheet_kept: bool,
    #[serde(default)]
    pub photos_kept: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type", deny_unknown_fields)]
pub enum MeetingKind {
    BranchAssembly,
    CommitteeMeeting,
    GroupMeeting,
    PartyLecture,
    ThemeDay,
    OrganizationalLife,
    DemocraticReview,
    HeartToHeart,
    /// 集中学习 and the branch's own study forms (党员每月一讲, OPL 一点课…).
    Study {
        name: String,
    },
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingState {
    #[default]
    Planned,
    Held,
}

/// Someone from the roster, or a name typed by hand (a guest lecturer).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonRef {
    #[serde(default)]
    pub member_id: Option<String>,
    #[serde(default)]
    pub name: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Before,
    During,
    After,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    pub id: String,
    pub phase: Phase,
    pub text: String,
    #[serde(default)]
    pub done: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attendance {
    pub member_id: String,
    pub status: Presence,
    #[serde(default)]
    pub reason: Option<AbsenceReason>,
    /// 补学 done later by a member who was away.
    #[serde(default)]
    pub makeup: Option<MakeUp>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    Present,
    Leave,
    Absent,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AbsenceReason {
    Work,
    Illness,
    Personal,
    Other,
    NoReason,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MakeUp {
    pub done_on: NaiveDate,
    #[serde(default)]
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StudyMaterial {
    pub id: String,
    pub title: String,
    /// Source, pages or a link, as typed.
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub covered: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Speech {
    pub id: String,
    pub speaker: PersonRef,
    pub summary: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vote {
    pub id: String,
    /// What was put to the vote (决议事项).
    pub motion: String,
    pub in_favour: u32,
    pub against: u32,
    pub abstain: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    pub id: String,
    pub task: String,
    #[serde(default)]
    pub owner: PersonRef,
    #[serde(default)]
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub done_on: Option<NaiveDate>,
}

impl MeetingKind {
    /// The national types, in the order the meeting list offers them.
    pub const NATIONAL: [MeetingKind; 8] = [
        MeetingKind::BranchAssembly,
        MeetingKind::CommitteeMeeting,
        MeetingKind::GroupMeeting,
        MeetingKind::PartyLecture,
        MeetingKind::ThemeDay,
        MeetingKind::OrganizationalLife,
        MeetingKind::DemocraticReview,
        MeetingKind::HeartToHeart,
    ];

    pub fn label(&self) -> &str {
        match self {
            MeetingKind::BranchAssembly => "支部党员大会",
            MeetingKind::CommitteeMeeting => "支委会",
            MeetingKind::GroupMeeting => "党小组会",
            MeetingKind::PartyLecture => "党课",
            MeetingKind::ThemeDay => "主题党日",
            MeetingKind::OrganizationalLife => "组织生活会",
            MeetingKind::DemocraticReview => "民主评议党员",
            MeetingKind::HeartToHeart => "谈心谈话",
            MeetingKind::Study { name } => name,
        }
    }
}

impl Meeting {
    /// The day that counts for lists and compliance: held date, else planned.
    pub fn effective_date(&self) -> Option<NaiveDate> {
        self.date.or(self.planned_date)
    }

    /// Every member id the record mentions, so the roster can tell which
    /// members may not be deleted.
    pub fn referenced_member_ids(&self) -> impl Iterator<Item = &str> {
        let people = [&self.host, &self.recorder, &self.lecturer]
            .into_iter()
            .chain(self.speeches.iter().map(|s| &s.speaker))
            .chain(self.follow_ups.iter().map(|f| &f.owner))
            .filter_map(|p| p.member_id.as_deref());
        self.attendance
            .iter()
            .map(|a| a.member_id.as_str())
            .chain(people)
    }
}

/// A branch's own checklist for one meeting type, replacing the default.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistTemplate {
    pub kind: MeetingKind,
    pub items: Vec<TemplateItem>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateItem {
    pub phase: Phase,
    pub text: String,
}
