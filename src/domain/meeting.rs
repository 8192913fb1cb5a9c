//! A meeting or study session and everything its record (党支部工作记录)
//! holds. The rules that read these records live in `crate::domain::rules`.

use std::collections::HashSet;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::kind::{Kind, Packing, Scope};
use super::limits;
use super::validate::{Checker, Checks, Known};

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
    /// 同时计为: the other requirements this one event meets (a 主题党日
    /// held as a 支部党员大会, a 组织生活会 with 民主评议党员).
    #[serde(default)]
    pub also: Vec<MeetingKind>,
    /// 所属年度 of a yearly item: a "2026年度组织生活会" held in March 2027
    /// counts for 2026. `None`: the year it was held.
    #[serde(default)]
    pub for_year: Option<i32>,
    /// Who was due, and their standing then, fixed when the meeting was
    /// marked 已召开: later changes to the roster never alter a held
    /// meeting's record.
    #[serde(default)]
    pub roll: Option<Vec<RollEntry>>,
    /// Members not counted in 应到会人数 by a recorded decision (经上级党组织
    /// 同意并经党员大会通过), with the reason.
    #[serde(default)]
    pub excluded: Vec<Exclusion>,
    /// Elections held at the meeting, each its own ballot: 委员 (换届、补选)
    /// at a 支部党员大会, 书记 and 副书记 at a 支委会.
    #[serde(default)]
    pub elections: Vec<Election>,
}

/// One member due at a held meeting, as they stood that day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RollEntry {
    pub member_id: String,
    pub standing: super::Standing,
    /// Had a vote that day: 正式党员 not under 留党察看.
    pub votes: bool,
    /// Was on the 支部委员会 that day.
    #[serde(default)]
    pub committee: bool,
    /// Attendance was 不作硬性要求 that day: due at a 支部党员大会 only for
    /// the vote base, and owes no 补学.
    #[serde(default)]
    pub exempt: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exclusion {
    pub member_id: String,
    /// "外出半年以上未转关系", "年老体弱卧床不起"…
    #[serde(default)]
    pub reason: String,
}

/// One ballot of an election (《中国共产党基层组织选举工作条例》, 2020).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Election {
    pub id: String,
    #[serde(default)]
    pub office: Office,
    /// 补选: a seat that fell vacant during the term, not a 换届.
    #[serde(default)]
    pub by_election: bool,
    /// 应选人数.
    #[serde(default)]
    pub seats: Option<u32>,
    /// 发出选票.
    #[serde(default)]
    pub ballots_issued: Option<u32>,
    /// 收回选票.
    #[serde(default)]
    pub ballots_returned: Option<u32>,
    /// 无效票: ballots choosing more than the seats, or unreadable.
    #[serde(default)]
    pub ballots_invalid: Option<u32>,
    #[serde(default)]
    pub candidates: Vec<Candidate>,
    /// 监票人 (member ids), chosen from those who are not candidates.
    #[serde(default)]
    pub scrutineers: Vec<String>,
    /// 计票人 (member ids), who count under the 监票人's eye.
    #[serde(default)]
    pub tellers: Vec<String>,
    /// The day the result went to the 上级党组织: 书记、副书记 for 批准,
    /// 委员 for 备案.
    #[serde(default)]
    pub reported_on: Option<NaiveDate>,
    /// The day the 上级党组织 approved a 书记 or 副书记.
    #[serde(default)]
    pub approved_on: Option<NaiveDate>,
}

/// What an election fills.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Office {
    /// 支部委员会委员, elected by the 支部党员大会.
    #[default]
    CommitteeMember,
    /// 书记, elected by the 支委会 (or, without a committee, the 党员大会).
    Secretary,
    DeputySecretary,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Candidate {
    pub id: String,
    /// The member on the roster; `None` for a name typed by hand (records
    /// of the first versions).
    #[serde(default)]
    pub member_id: Option<String>,
    pub name: String,
    #[serde(default)]
    pub votes: u32,
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

impl PersonRef {
    /// A person picked from the roster must be on it; a typed name is kept
    /// within the limit.
    pub fn check(&self, known: &Known, c: &mut Checker) {
        if let Some(id) = &self.member_id {
            c.member("member_id", id, known);
        }
        c.length("name", &self.name, limits::SHORT);
    }
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
    /// The reason in the recorder's words, for `AbsenceReason::Other`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason_note: String,
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
    /// How it was made up; older records say nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub way: Option<MakeUpWay>,
    #[serde(default)]
    pub note: String,
}

/// How a member who was away made up the study.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MakeUpWay {
    /// 自学 the materials.
    SelfStudy,
    /// 补课: the group or secretary went over it again.
    Class,
    /// 谈话: a talk about it.
    Talk,
}

impl MakeUpWay {
    pub const ALL: [MakeUpWay; 3] = [MakeUpWay::SelfStudy, MakeUpWay::Class, MakeUpWay::Talk];

    pub fn label(self) -> &'static str {
        match self {
            MakeUpWay::SelfStudy => "自学",
            MakeUpWay::Class => "补课",
            MakeUpWay::Talk => "谈话",
        }
    }
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
    /// Votes in the room.
    pub in_favour: u32,
    pub against: u32,
    pub abstain: u32,
    #[serde(default)]
    pub kind: VoteKind,
    /// 书面意见: absent 正式党员's opinions handed in before the meeting,
    /// counted for 接收预备党员 and 转正.
    #[serde(default)]
    pub written: Option<Counts>,
    /// The member a 接收、转正、延长预备期 or 取消预备党员资格 vote is about.
    #[serde(default)]
    pub member_id: Option<String>,
    /// The 发展党员 path the vote decides a step of (`Applicant::id`), when
    /// it was put to the vote from the path: once passed, the path records
    /// the step with this meeting. Paths stay on the phone that keeps them,
    /// so elsewhere the id names nothing and is left alone.
    #[serde(default)]
    pub applicant_id: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoteKind {
    #[default]
    General,
    /// 接收预备党员.
    AdmitProbationary,
    /// 预备党员转正.
    ConfirmFull,
    /// 延长预备期 (党章 §7: 不能超过一年).
    ExtendProbation,
    /// 取消预备党员资格.
    CancelProbation,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counts {
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
    /// 谈心谈话 is a talk, not a meeting: `super::talk`.
    pub const NATIONAL: [MeetingKind; 7] = [
        MeetingKind::BranchAssembly,
        MeetingKind::CommitteeMeeting,
        MeetingKind::GroupMeeting,
        MeetingKind::PartyLecture,
        MeetingKind::ThemeDay,
        MeetingKind::OrganizationalLife,
        MeetingKind::DemocraticReview,
    ];

    /// The name in lists: "支委会".
    pub fn label(&self) -> &str {
        match self {
            MeetingKind::BranchAssembly => "支部党员大会",
            MeetingKind::CommitteeMeeting => "支委会",
            MeetingKind::GroupMeeting => "党小组会",
            MeetingKind::PartyLecture => "党课",
            MeetingKind::ThemeDay => "主题党日",
            MeetingKind::OrganizationalLife => "组织生活会",
            MeetingKind::DemocraticReview => "民主评议党员",
            MeetingKind::Study { name } => name,
        }
    }

    /// The name on paper: "党支部委员会会议".
    pub fn formal_label(&self) -> &str {
        match self {
            MeetingKind::CommitteeMeeting => "党支部委员会会议",
            MeetingKind::BranchAssembly => "支部党员大会",
            other => other.label(),
        }
    }

    /// A body that decides by vote (党员大会, 支委会); other meetings do not
    /// vote: a 主题党日's 民主议事 goes to one of these.
    pub fn decides(&self) -> bool {
        matches!(
            self,
            MeetingKind::BranchAssembly | MeetingKind::CommitteeMeeting
        )
    }

    /// Those away owe 补学 after a study-type session (三会一课, 主题党日,
    /// 集中学习). After a 支委会 the absent 委员 are told of it (会后通报);
    /// after a 组织生活会 or 民主评议 the absent member gives a 书面对照检查
    /// or has a 单独谈话.
    pub fn owes_makeup(&self) -> bool {
        !matches!(
            self,
            MeetingKind::CommitteeMeeting
                | MeetingKind::OrganizationalLife
                | MeetingKind::DemocraticReview
        )
    }

    /// Held once a year and counted for its 所属年度.
    pub fn is_yearly(&self) -> bool {
        matches!(
            self,
            MeetingKind::OrganizationalLife | MeetingKind::DemocraticReview
        )
    }

    /// One 党小组 meets (a 党小组会), or may meet on its own (组织生活会,
    /// 民主评议 "可以在党小组范围内进行").
    pub fn group_scope(&self) -> GroupScope {
        match self {
            MeetingKind::GroupMeeting => GroupScope::Required,
            MeetingKind::OrganizationalLife | MeetingKind::DemocraticReview => GroupScope::Allowed,
            _ => GroupScope::None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupScope {
    None,
    Allowed,
    Required,
}

impl PersonRef {
    /// Nobody chosen and no name typed.
    pub fn is_empty(&self) -> bool {
        self.member_id.is_none() && self.name.trim().is_empty()
    }
}

impl Meeting {
    /// The meeting without its attendance marks: all that decides who is
    /// due and in what order. A list of who is due follows this, so a tap
    /// on 出席 or 请假 does not sort the names again.
    pub fn without_marks(&self) -> Meeting {
        Meeting {
            attendance: Vec::new(),
            ..self.clone()
        }
    }

    /// The day that counts for lists and compliance: held date, else planned.
    pub fn effective_date(&self) -> Option<NaiveDate> {
        self.date.or(self.planned_date)
    }

    /// Whether those away from this meeting owe 补学: its own type or one it
    /// also counts as is a study-type session. A 组织生活会 or 民主评议 held as
    /// a 党员大会 is still one: the 党员大会 is its form, and the one away gives
    /// a 书面对照检查 or has a 单独谈话 rather than 补学.
    pub fn owes_makeup(&self) -> bool {
        self.kind.owes_makeup()
            || self
                .also
                .iter()
                .any(|k| k.owes_makeup() && *k != MeetingKind::BranchAssembly)
    }

    /// Whether this event counts as a `kind`: its own type or one it is also
    /// counted as, where it may be (`may_also_count_as`): a record stored
    /// before the rule, say a 支委会 ticked as 党员大会, is read by the rule.
    pub fn counts_as(&self, kind: &MeetingKind) -> bool {
        &self.kind == kind || (self.also.contains(kind) && self.may_also_count_as(kind).is_ok())
    }

    /// One 党小组 meets: a 党小组会, or a 组织生活会 or 民主评议 held in a
    /// group.
    pub fn is_one_group(&self) -> bool {
        self.kind == MeetingKind::GroupMeeting || self.group_id.is_some()
    }

    /// Whether this event may also count as `kind` (同时计为), and why not.
    /// A 支部党员大会 is the whole branch (《支部工作条例》): never a
    /// 支委会 or one 党小组's meeting. A 支委会 is the committee's own body
    /// and counts as nothing else. One group's meeting counts only at its
    /// group's level (组织生活会, 民主评议's 自评互评), never as a meeting of
    /// the whole branch.
    pub fn may_also_count_as(&self, kind: &MeetingKind) -> Result<(), &'static str> {
        use MeetingKind::*;
        if &self.kind == kind {
            return Err("本身就是这类会议");
        }
        match kind {
            GroupMeeting => return Err("党小组会由一个党小组召开，不能由其他会议同时计为"),
            CommitteeMeeting => return Err("支委会是支部委员会的会议，不能由其他会议同时计为"),
            _ => {}
        }
        if self.kind == CommitteeMeeting {
            return Err("支委会只计为支委会：党员大会、主题党日、党课等由全体党员参加");
        }
        if self.is_one_group() && matches!(kind, BranchAssembly | ThemeDay | PartyLecture) {
            return Err("一个党小组的会议不能计为全支部的党员大会、主题党日或党课");
        }
        Ok(())
    }

    /// Whether this event meets the branch's own requirement of `kind`: a
    /// 党小组's 组织生活会 or 民主评议 is the group's, not the branch's.
    pub fn counts_for_branch(&self, kind: &MeetingKind) -> bool {
        self.counts_as(kind) && (*kind == MeetingKind::GroupMeeting || !self.is_one_group())
    }

    /// Drops what the event may no longer also count as, after its type or
    /// 党小组 changed.
    pub fn drop_uncountable_also(&mut self) {
        let keep: Vec<MeetingKind> = self
            .also
            .iter()
            .filter(|k| self.may_also_count_as(k).is_ok())
            .cloned()
            .collect();
        self.also = keep;
    }

    /// The year a yearly item counts for: its 所属年度, else the year held.
    pub fn counted_year(&self) -> Option<i32> {
        self.for_year
            .or_else(|| self.effective_date().map(|d| chrono::Datelike::year(&d)))
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
            .chain(self.excluded.iter().map(|e| e.member_id.as_str()))
            .chain(self.roll.iter().flatten().map(|e| e.member_id.as_str()))
            .chain(self.votes.iter().filter_map(|v| v.member_id.as_deref()))
            .chain(
                self.elections
                    .iter()
                    .flat_map(Election::referenced_member_ids),
            )
    }
}

impl Election {
    /// Every member the ballot names: candidates, 监票人, 计票人.
    pub fn referenced_member_ids(&self) -> impl Iterator<Item = &str> {
        self.candidates
            .iter()
            .filter_map(|c| c.member_id.as_deref())
            .chain(self.scrutineers.iter().map(String::as_str))
            .chain(self.tellers.iter().map(String::as_str))
    }
}

impl Kind for Meeting {
    fn title(&self, _doc: &crate::domain::Document) -> String {
        if self.theme.trim().is_empty() {
            format!("会议记录：{}", self.kind.label())
        } else {
            format!("会议记录：{}", self.theme.trim())
        }
    }

    /// Open work stays on home's first read in any year: a meeting still
    /// planned (home's coming and unrecorded meetings), one where someone
    /// away has no 补学 recorded (home's 补学 count), one with a vote
    /// (home's 转正 reminders read the last decision).
    fn filed_year(&self) -> Option<i32> {
        let makeup_open = self.owes_makeup()
            && self
                .attendance
                .iter()
                .any(|a| a.status.is_away() && a.makeup.is_none());
        let open = self.state == MeetingState::Planned || makeup_open || !self.votes.is_empty();
        if open {
            None
        } else {
            self.effective_date().map(|d| chrono::Datelike::year(&d))
        }
    }

    const NOUN: &'static str = "会议记录";
    const COUNTER: &'static str = "份";
    const SKIPPABLE: bool = true;

    fn check(list: &[Self], known: &Known, checks: &mut Checks) {
        let mut seen = HashSet::new();
        for (i, m) in list.iter().enumerate() {
            let mut c = checks.item(i);
            c.unique_id(&mut seen, &m.id, "会议");
            m.check_into(known, &mut c);
        }
    }

    /// Members get the meetings of this year and last (what the plan and
    /// this year's self-assessment need; years of history stay with the
    /// secretary); a return carries the meetings recorded on the phone.
    /// A vote names the 发展党员 path it was put from only where the path
    /// goes too: a full backup made with what is private.
    fn pack(&self, packing: &Packing, written_here: bool) -> Option<Self> {
        let members_keep_it = self.counted_year().is_none_or(|y| y >= packing.since_year);
        let travels = packing.carries_shared(members_keep_it, written_here);
        let paths_travel = packing.scope == Scope::Full && packing.with_private;
        travels.then(|| {
            let mut packed = self.clone();
            if !paths_travel {
                for vote in &mut packed.votes {
                    vote.applicant_id = None;
                }
            }
            packed
        })
    }

    /// A deleted meeting stays deleted on members' phones; a member's
    /// phone sends back only the deletions made there.
    fn pack_deletion(packing: &Packing, written_here: bool) -> bool {
        packing.carries_shared_deletion(written_here)
    }

    fn mentions(&self, member_id: &str) -> bool {
        self.referenced_member_ids().any(|r| r == member_id)
    }
}

/// Meetings from a package about to be merged into `local`: a vote that
/// names no 发展党员 path (no package for members carries one, nor a phone
/// that keeps no paths: `Meeting::pack`) keeps the path this phone links
/// it to, so the link is never taken for a change.
pub fn keep_vote_paths(incoming: &mut [Meeting], local: &[Meeting]) {
    for meeting in incoming {
        let Some(mine) = local.iter().find(|m| m.id == meeting.id) else {
            continue;
        };
        for vote in meeting
            .votes
            .iter_mut()
            .filter(|v| v.applicant_id.is_none())
        {
            if let Some(kept) = mine.votes.iter().find(|v| v.id == vote.id) {
                vote.applicant_id = kept.applicant_id.clone();
            }
        }
    }
}

crate::domain::kind::keyed_by_id!(Meeting);

impl Meeting {
    fn check_into(&self, known: &Known, c: &mut Checker) {
        if let Some(g) = &self.group_id {
            c.group("group_id", g, known);
        }
        for (field, text, max) in [
            ("theme", &self.theme, limits::SHORT * 2),
            ("place", &self.place, limits::SHORT),
            ("minutes", &self.minutes, limits::TEXT),
            ("remarks", &self.remarks, limits::TEXT),
            ("observers", &self.observers, limits::TEXT),
        ] {
            c.length(field, text, max);
        }
        if let Some(y) = self.for_year {
            if !limits::YEARS.contains(&y) {
                c.problem("for_year", format!("所属年度 {y} 不在合理范围内"));
            }
        }
        for (j, v) in self.votes.iter().enumerate() {
            c.length(&format!("votes[{j}].motion"), &v.motion, limits::SHORT * 2);
            if let Some(id) = &v.member_id {
                c.member(&format!("votes[{j}].member_id"), id, known);
            }
        }
        for (j, e) in self.roll.iter().flatten().enumerate() {
            c.member(&format!("roll[{j}].member_id"), &e.member_id, known);
        }
        for (j, e) in self.excluded.iter().enumerate() {
            c.member(&format!("excluded[{j}].member_id"), &e.member_id, known);
            c.length(&format!("excluded[{j}].reason"), &e.reason, limits::SHORT);
        }
        for (k, election) in self.elections.iter().enumerate() {
            for (j, cand) in election.candidates.iter().enumerate() {
                c.length(
                    &format!("elections[{k}].candidates[{j}].name"),
                    &cand.name,
                    limits::SHORT,
                );
            }
            for id in election.referenced_member_ids() {
                c.member(&format!("elections[{k}]"), id, known);
            }
        }
        let mut attended = HashSet::new();
        for (j, a) in self.attendance.iter().enumerate() {
            let field = format!("attendance[{j}].member_id");
            c.member(&field, &a.member_id, known);
            if !attended.insert(a.member_id.as_str()) {
                c.problem(&field, "同一名党员的出席情况记录了两次");
            }
            c.length(
                &format!("attendance[{j}].reason_note"),
                &a.reason_note,
                limits::SHORT,
            );
        }
        let people = [
            ("host".to_string(), &self.host),
            ("recorder".to_string(), &self.recorder),
            ("lecturer".to_string(), &self.lecturer),
        ]
        .into_iter()
        .chain(
            self.speeches
                .iter()
                .enumerate()
                .map(|(j, s)| (format!("speeches[{j}].speaker"), &s.speaker)),
        )
        .chain(
            self.follow_ups
                .iter()
                .enumerate()
                .map(|(j, f)| (format!("follow_ups[{j}].owner"), &f.owner)),
        );
        for (field, person) in people {
            person.check(known, &mut c.below(&format!("{field}.")));
        }
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

impl Kind for ChecklistTemplate {
    fn title(&self, _doc: &crate::domain::Document) -> String {
        format!("{}清单模板", self.kind.label())
    }

    fn filed_year(&self) -> Option<i32> {
        None
    }

    const NOUN: &'static str = "清单模板";
    const COUNTER: &'static str = "个";
    /// Part of the branch's own settings: a broken one stops an import.
    const SKIPPABLE: bool = false;

    /// The branch's own wording, naming nothing else.
    fn check(_: &[Self], _: &Known, _: &mut Checks) {}

    /// Members use the branch's checklists; a return does not send them
    /// back.
    fn pack(&self, packing: &Packing, _: bool) -> Option<Self> {
        (packing.scope != Scope::Return).then(|| self.clone())
    }

    /// Templates are one record, never deleted.
    fn pack_deletion(_: &Packing, _: bool) -> bool {
        false
    }

    fn mentions(&self, _: &str) -> bool {
        false
    }
}
