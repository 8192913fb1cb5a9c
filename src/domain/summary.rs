//! The period summary a branch hands in with its 台账: for one month,
//! quarter or year, the meetings held against what the rules require, each
//! member's attendance, the make-up study (补学) still owed and how the
//! follow-up items (决议落实) of the period's meetings stand. Pure functions
//! of the document and "today", so every figure is tested natively.
//!
//! Percentages use integer arithmetic only: float formatting would add
//! noticeably to the wasm bundle.

use std::collections::HashSet;

use chrono::{NaiveDate, NaiveTime};

use crate::domain::meeting::{GroupScope, Meeting, MeetingState, Presence};
use crate::domain::roster::display_order;
use crate::domain::rules::attendance::{
    attendance_of, due_members, first_entries, makeup_status, pending_makeups, tally, MakeUpStatus,
    Tally,
};
use crate::domain::rules::compliance::{compliance, Owed, Period, PeriodKind, Requirement, Status};
use crate::domain::time::format_chinese_date;
use crate::domain::{Document, Member};

/// Shown instead of a rate when nobody was due.
pub const NO_RATE: &str = "—";

/// Everything the printed summary of one period shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeriodSummary {
    pub period: Period,
    /// The day the figures were taken: statuses and "overdue" depend on it.
    pub today: NaiveDate,
    /// What the rules require of this period itself (a quarter: 党员大会,
    /// 党课; a year: 组织生活会, 民主评议, 谈心谈话).
    pub requirements: Vec<Requirement>,
    /// The requirements of the shorter periods inside this one: a quarter's
    /// three months; a year's four quarters, then its twelve months. Empty
    /// for a month.
    pub nested: Vec<Requirement>,
    /// `nested` added up per line: "支委会：12 个月中已完成 11 个月，逾期 1 个月".
    pub cadences: Vec<Cadence>,
    /// The meetings held in the period, by date.
    pub meetings: Vec<HeldMeeting>,
    /// One row per member, in roster display order.
    pub attendance: Vec<MemberAttendance>,
    pub makeups: MakeUpSummary,
    pub follow_ups: FollowUpSummary,
    /// 党建与业务融合: tasks, 党小组 monthly work, study, commitments.
    pub fusion: crate::domain::fusion::FusionSummary,
}

/// One requirement line of the shorter periods, added up over the period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cadence {
    /// Month or quarter: how often the meeting is owed.
    pub every: PeriodKind,
    pub what: Owed,
    pub group_id: Option<String>,
    /// As in the compliance view: "支委会", "党小组会（第一党小组）".
    pub label: String,
    /// Months or quarters inside the period.
    pub periods: usize,
    /// Of those, how many had the meeting.
    pub done: usize,
    /// Of those, how many are over without it.
    pub overdue: usize,
    /// Meetings held in all of them together.
    pub held: usize,
}

impl Cadence {
    fn unit(&self) -> &'static str {
        match self.every {
            PeriodKind::Month => "个月",
            PeriodKind::Quarter => "个季度",
            PeriodKind::Year => "年",
        }
    }

    /// "支委会：12 个月中已完成 11 个月，逾期 1 个月", the overdue part only
    /// when there is some.
    pub fn sentence(&self) -> String {
        let unit = self.unit();
        let mut s = format!(
            "{}：{} {unit}中已完成 {} {unit}",
            self.label, self.periods, self.done
        );
        if self.overdue > 0 {
            s.push_str(&format!("，逾期 {} {unit}", self.overdue));
        }
        s
    }
}

/// A meeting held in the period, as the summary lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeldMeeting {
    pub meeting_id: String,
    pub date: NaiveDate,
    pub start_time: Option<NaiveTime>,
    /// 第 N 次, if the branch numbers its meetings.
    pub sequence: Option<u32>,
    /// The type, with the 党小组's name for a 党小组会: "党小组会（第一党小组）".
    pub label: String,
    pub theme: String,
    /// 应到 / 实到 / 请假 / 缺席 of those due.
    pub tally: Tally,
}

impl HeldMeeting {
    /// "应到 8 人，实到 7 人".
    pub fn attendance_sentence(&self) -> String {
        format!("应到 {} 人，实到 {} 人", self.tally.due, self.tally.present)
    }
}

/// One member's attendance over the meetings of the period they were due at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberAttendance {
    pub member_id: String,
    pub name: String,
    /// The member has left the branch (shown only if due in the period).
    pub left: bool,
    pub due: usize,
    pub present: usize,
    pub leave: usize,
    pub absent: usize,
    /// Due but not marked either way in the record.
    pub unmarked: usize,
    /// 出席 over 应到 as "92%", or "—" when the member was due at nothing.
    pub rate: String,
}

/// 补学 owed and done for the period's meetings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MakeUpSummary {
    /// Still owed, by members still in the branch (as on the home page).
    pub pending: usize,
    /// Made up, by anyone on the roster, whenever it was done.
    pub done: usize,
    /// The owed ones, oldest meeting first.
    pub pending_items: Vec<PendingMakeUp>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingMakeUp {
    pub member_id: String,
    pub member_name: String,
    pub meeting_id: String,
    pub meeting_date: NaiveDate,
    /// As in `HeldMeeting::label`.
    pub meeting_label: String,
    pub meeting_theme: String,
}

impl PendingMakeUp {
    /// "张三：2026年3月10日 支部党员大会".
    pub fn describe(&self) -> String {
        format!(
            "{}：{} {}",
            self.member_name,
            format_chinese_date(self.meeting_date),
            self.meeting_label
        )
    }
}

/// The follow-up items (决议落实) agreed at the period's meetings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FollowUpSummary {
    /// Not done yet; includes the overdue ones.
    pub open: usize,
    /// Done on or before the deadline, or done with no deadline.
    pub closed_on_time: usize,
    /// Done after the deadline.
    pub closed_late: usize,
    /// Open with a deadline before today (a part of `open`).
    pub overdue: usize,
    /// The open ones, in the order of their meetings.
    pub open_items: Vec<OpenFollowUp>,
}

impl FollowUpSummary {
    pub fn total(&self) -> usize {
        self.open + self.closed_on_time + self.closed_late
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenFollowUp {
    pub meeting_id: String,
    pub meeting_date: NaiveDate,
    pub follow_up_id: String,
    pub task: String,
    /// 责任人, as the record names them; may be empty.
    pub owner: String,
    pub due: Option<NaiveDate>,
    pub overdue: bool,
}

/// The summary of `period`, with statuses as of `today`.
pub fn period_summary(doc: &Document, period: Period, today: NaiveDate) -> PeriodSummary {
    let held = held_in(doc, &period);
    let nested = nested_requirements(doc, &period, today);
    PeriodSummary {
        period,
        today,
        requirements: compliance(doc, period, today),
        cadences: cadences(&nested),
        nested,
        meetings: held.iter().map(|(d, m)| held_meeting(doc, m, *d)).collect(),
        attendance: member_attendance(doc, &period, &held),
        makeups: makeups(doc, &held),
        follow_ups: follow_ups(doc, &held, today),
        fusion: crate::domain::fusion::fusion_summary(doc, period.start, period.end, today),
    }
}

/// `part` of `whole` as a whole-number percent, rounded half up: 2 of 3 is
/// "67%", 1 of 8 is "13%"; "—" when `whole` is zero.
pub fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        return NO_RATE.to_string();
    }
    // round(100·p/w) = floor((200·p + w) / 2w), in u128 so nothing overflows.
    let (p, w) = (part as u128, whole as u128);
    format!("{}%", (200 * p + w) / (2 * w))
}

/// Meetings recorded as held on a day inside the period, by day and then by
/// start time (stored order otherwise), with that day.
fn held_in<'a>(doc: &'a Document, period: &Period) -> Vec<(NaiveDate, &'a Meeting)> {
    let mut held: Vec<(NaiveDate, &Meeting)> = doc
        .meetings
        .iter()
        .filter(|m| m.state == MeetingState::Held)
        .filter_map(|m| Some((m.date?, m)))
        .filter(|(d, _)| period.contains(*d))
        .collect();
    held.sort_by_key(|(d, m)| (*d, m.start_time.is_none(), m.start_time));
    held
}

/// The shorter periods inside `period`, longest kind first, each in order.
fn sub_periods(period: &Period) -> Vec<Period> {
    let kinds: &[PeriodKind] = match period.kind {
        PeriodKind::Month => &[],
        PeriodKind::Quarter => &[PeriodKind::Month],
        PeriodKind::Year => &[PeriodKind::Quarter, PeriodKind::Month],
    };
    let mut out = Vec::new();
    for kind in kinds {
        let mut p = Period::containing(*kind, period.start);
        // At most 12 steps; the bound also stops at chrono's limits.
        for _ in 0..12 {
            if p.start > period.end {
                break;
            }
            out.push(p);
            let next = p.next();
            if next == p {
                break;
            }
            p = next;
        }
    }
    out
}

fn nested_requirements(doc: &Document, period: &Period, today: NaiveDate) -> Vec<Requirement> {
    sub_periods(period)
        .into_iter()
        .flat_map(|p| compliance(doc, p, today))
        .collect()
}

/// Adds up the nested lines per period kind, meeting type and 党小组, in
/// the order they first appear.
fn cadences(nested: &[Requirement]) -> Vec<Cadence> {
    let mut out: Vec<Cadence> = Vec::new();
    for r in nested {
        let same =
            |c: &Cadence| c.every == r.period.kind && c.what == r.what && c.group_id == r.group_id;
        let i = match out.iter().position(same) {
            Some(i) => i,
            None => {
                out.push(Cadence {
                    every: r.period.kind,
                    what: r.what.clone(),
                    group_id: r.group_id.clone(),
                    label: r.label.clone(),
                    periods: 0,
                    done: 0,
                    overdue: 0,
                    held: 0,
                });
                out.len() - 1
            }
        };
        let Some(c) = out.get_mut(i) else { continue };
        c.periods += 1;
        c.held += r.held;
        match r.status {
            Status::Done => c.done += 1,
            Status::Overdue => c.overdue += 1,
            Status::Due => {}
        }
    }
    out
}

/// "支委会", or "党小组会（第一党小组）" for a group's meeting.
pub fn meeting_label(doc: &Document, meeting: &Meeting) -> String {
    let group = meeting
        .group_id
        .as_deref()
        .filter(|_| meeting.kind.group_scope() != GroupScope::None)
        .and_then(|id| doc.branch.groups.iter().find(|g| g.id == id));
    match group {
        Some(g) => format!("{}（{}）", meeting.kind.label(), g.name),
        None => meeting.kind.label().to_string(),
    }
}

fn held_meeting(doc: &Document, meeting: &Meeting, date: NaiveDate) -> HeldMeeting {
    HeldMeeting {
        meeting_id: meeting.id.clone(),
        date,
        start_time: meeting.start_time,
        sequence: meeting.sequence,
        label: meeting_label(doc, meeting),
        theme: meeting.theme.clone(),
        tally: tally(meeting, &doc.members),
    }
}

/// One row per member who belonged to the branch during the period: current
/// members unless they joined after it, and members who left only if they
/// were due at least once.
fn member_attendance(
    doc: &Document,
    period: &Period,
    held: &[(NaiveDate, &Meeting)],
) -> Vec<MemberAttendance> {
    // Who was due where, computed once per meeting rather than per member.
    let due: Vec<(&Meeting, HashSet<&str>)> = held
        .iter()
        .map(|(_, m)| {
            let ids = due_members(m, &doc.members)
                .into_iter()
                .map(|p| p.id.as_str())
                .collect();
            (*m, ids)
        })
        .collect();
    display_order(&doc.branch, &doc.members)
        .into_iter()
        .map(|member| member_row(member, &due))
        .filter(|row| row.due > 0 || in_branch_during(doc, &row.member_id, period))
        .collect()
}

fn member_row(member: &Member, due: &[(&Meeting, HashSet<&str>)]) -> MemberAttendance {
    let mut row = MemberAttendance {
        member_id: member.id.clone(),
        name: member.name.clone(),
        left: !member.is_active(),
        due: 0,
        present: 0,
        leave: 0,
        absent: 0,
        unmarked: 0,
        rate: String::new(),
    };
    for (meeting, ids) in due {
        if !ids.contains(member.id.as_str()) {
            continue;
        }
        row.due += 1;
        match attendance_of(meeting, &member.id).map(|a| a.status) {
            Some(Presence::Present) => row.present += 1,
            Some(Presence::Leave) => row.leave += 1,
            Some(Presence::Absent) => row.absent += 1,
            None => row.unmarked += 1,
        }
    }
    row.rate = percent(row.present, row.due);
    row
}

/// A current member who had joined by the period's last day.
fn in_branch_during(doc: &Document, member_id: &str, period: &Period) -> bool {
    doc.member(member_id)
        .is_some_and(|m| m.is_active() && m.joined_on.is_none_or(|j| j <= period.end))
}

fn makeups(doc: &Document, held: &[(NaiveDate, &Meeting)]) -> MakeUpSummary {
    let ids: HashSet<&str> = held.iter().map(|(_, m)| m.id.as_str()).collect();
    let pending_items: Vec<PendingMakeUp> = pending_makeups(doc)
        .into_iter()
        .filter(|t| ids.contains(t.meeting_id.as_str()))
        .filter_map(|t| {
            let (date, meeting) = held.iter().find(|(_, m)| m.id == t.meeting_id)?;
            let member = doc.member(&t.member_id)?;
            Some(PendingMakeUp {
                member_id: t.member_id,
                member_name: member.name.clone(),
                meeting_id: t.meeting_id,
                meeting_date: *date,
                meeting_label: meeting_label(doc, meeting),
                meeting_theme: meeting.theme.clone(),
            })
        })
        .collect();
    let done = held
        .iter()
        .flat_map(|(_, m)| first_entries(m).map(move |a| (m, a)))
        .filter(|(m, a)| matches!(makeup_status(m, a), MakeUpStatus::Done(_)))
        .map(|(_, a)| a)
        .filter(|a| doc.member(&a.member_id).is_some())
        .count();
    MakeUpSummary {
        pending: pending_items.len(),
        done,
        pending_items,
    }
}

fn follow_ups(doc: &Document, held: &[(NaiveDate, &Meeting)], today: NaiveDate) -> FollowUpSummary {
    let mut s = FollowUpSummary::default();
    for (date, meeting) in held {
        for f in &meeting.follow_ups {
            match (f.done_on, f.due) {
                (Some(done), Some(due)) if done > due => s.closed_late += 1,
                (Some(_), _) => s.closed_on_time += 1,
                (None, due) => {
                    let overdue = due.is_some_and(|d| d < today);
                    s.open += 1;
                    if overdue {
                        s.overdue += 1;
                    }
                    s.open_items.push(OpenFollowUp {
                        meeting_id: meeting.id.clone(),
                        meeting_date: *date,
                        follow_up_id: f.id.clone(),
                        task: f.task.clone(),
                        owner: doc.person_name(&f.owner),
                        due,
                        overdue,
                    });
                }
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meeting::MeetingKind::*;
    use crate::domain::meeting::{FollowUp, PersonRef};
    use crate::domain::rules::fixtures::*;

    fn month_of(y: i32, m: u32) -> Period {
        Period::containing(PeriodKind::Month, day(y, m, 1))
    }

    fn quarter_of(y: i32, m: u32) -> Period {
        Period::containing(PeriodKind::Quarter, day(y, m, 1))
    }

    fn year_of(y: i32) -> Period {
        Period::containing(PeriodKind::Year, day(y, 1, 1))
    }

    fn row<'a>(s: &'a PeriodSummary, id: &str) -> &'a MemberAttendance {
        s.attendance
            .iter()
            .find(|r| r.member_id == id)
            .unwrap_or_else(|| panic!("no row for {id}"))
    }

    fn rows(s: &PeriodSummary) -> Vec<&str> {
        s.attendance.iter().map(|r| r.member_id.as_str()).collect()
    }

    fn follow_up(id: &str, due: Option<NaiveDate>, done_on: Option<NaiveDate>) -> FollowUp {
        FollowUp {
            id: id.into(),
            task: format!("事项{id}"),
            owner: PersonRef::default(),
            due,
            done_on,
        }
    }

    #[test]
    fn percent_rounds_half_up_with_integers() {
        assert_eq!(percent(2, 3), "67%");
        assert_eq!(percent(1, 3), "33%");
        assert_eq!(percent(1, 8), "13%"); // 12.5 rounds up
        assert_eq!(percent(1, 200), "1%"); // 0.5 rounds up
        assert_eq!(percent(1, 201), "0%"); // 0.497… rounds down
        assert_eq!(percent(11, 12), "92%");
        assert_eq!(percent(0, 5), "0%");
        assert_eq!(percent(5, 5), "100%");
        assert_eq!(percent(0, 0), "—");
        assert_eq!(percent(3, 0), "—");
        assert_eq!(percent(usize::MAX, usize::MAX), "100%");
    }

    #[test]
    fn only_meetings_held_inside_the_period_are_listed() {
        let mut plan = planned("plan", BranchAssembly, day(2026, 3, 15));
        plan.theme = "计划中".into();
        let doc = document(
            &[],
            full_members("p", 2),
            vec![
                held("feb28", CommitteeMeeting, day(2026, 2, 28)),
                held("mar31", ThemeDay, day(2026, 3, 31)),
                held("mar1", BranchAssembly, day(2026, 3, 1)),
                held("apr1", ThemeDay, day(2026, 4, 1)),
                plan,
            ],
        );
        let s = period_summary(&doc, month_of(2026, 3), day(2026, 4, 5));
        let ids: Vec<_> = s.meetings.iter().map(|m| m.meeting_id.as_str()).collect();
        assert_eq!(ids, ["mar1", "mar31"]);
        assert_eq!(s.meetings[0].label, "支部党员大会");
        assert_eq!(s.meetings[1].date, day(2026, 3, 31));
    }

    #[test]
    fn meetings_on_one_day_are_ordered_by_start_time() {
        let mut late = held("late", ThemeDay, day(2026, 3, 5));
        late.start_time = NaiveTime::from_hms_opt(15, 0, 0);
        let mut early = held("early", CommitteeMeeting, day(2026, 3, 5));
        early.start_time = NaiveTime::from_hms_opt(9, 0, 0);
        let untimed = held("untimed", PartyLecture, day(2026, 3, 5));
        let doc = document(&[], vec![], vec![untimed, late, early]);
        let s = period_summary(&doc, month_of(2026, 3), day(2026, 3, 6));
        let ids: Vec<_> = s.meetings.iter().map(|m| m.meeting_id.as_str()).collect();
        assert_eq!(ids, ["early", "late", "untimed"]);
    }

    #[test]
    fn held_meetings_carry_theme_label_and_tally() {
        let members = full_members("p", 3);
        let mut m = held("m", GroupMeeting, day(2026, 3, 10));
        m.group_id = Some("g1".into());
        m.theme = "学习党章".into();
        m.sequence = Some(3);
        let members: Vec<_> = members.into_iter().map(|p| in_group(p, "g1")).collect();
        mark(&mut m, "p1", Presence::Present);
        mark(&mut m, "p2", Presence::Present);
        mark(&mut m, "p3", Presence::Leave);
        let doc = document(&["g1"], members, vec![m]);
        let s = period_summary(&doc, month_of(2026, 3), day(2026, 3, 31));
        let h = &s.meetings[0];
        assert_eq!(h.label, "党小组会（g1小组）");
        assert_eq!(h.theme, "学习党章");
        assert_eq!(h.sequence, Some(3));
        assert_eq!((h.tally.due, h.tally.present, h.tally.leave), (3, 2, 1));
        assert_eq!(h.attendance_sentence(), "应到 3 人，实到 2 人");
    }

    #[test]
    fn requirements_are_the_compliance_lines_of_the_period() {
        let doc = document(
            &["g1"],
            vec![],
            vec![held("c", CommitteeMeeting, day(2026, 3, 3))],
        );
        let period = month_of(2026, 3);
        let today = day(2026, 4, 2);
        let s = period_summary(&doc, period, today);
        assert_eq!(s.requirements, compliance(&doc, period, today));
        let statuses: Vec<_> = s.requirements.iter().map(|r| r.status).collect();
        assert_eq!(statuses, [Status::Done, Status::Overdue, Status::Overdue]);
        assert!(s.nested.is_empty());
        assert!(s.cadences.is_empty());
    }

    #[test]
    fn a_quarter_adds_up_its_months() {
        let doc = document(
            &["g1"],
            vec![],
            vec![
                held("c1", CommitteeMeeting, day(2026, 1, 31)),
                held("c2", CommitteeMeeting, day(2026, 2, 1)),
                held("c3", CommitteeMeeting, day(2026, 2, 20)),
                held("a", BranchAssembly, day(2026, 3, 31)),
            ],
        );
        // Mid-March: January and February are over, March still runs.
        let s = period_summary(&doc, quarter_of(2026, 1), day(2026, 3, 15));
        let labels: Vec<_> = s.requirements.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["支部党员大会", "党课"]);
        assert_eq!(s.requirements[0].held, 1);
        assert_eq!(s.nested.len(), 9); // 3 months × (支委会, 1 小组, 主题党日)
        let committee = &s.cadences[0];
        assert_eq!(committee.label, "支委会");
        assert_eq!(
            (
                committee.periods,
                committee.done,
                committee.overdue,
                committee.held
            ),
            (3, 2, 0, 3)
        );
        assert_eq!(committee.sentence(), "支委会：3 个月中已完成 2 个月");
        let group = &s.cadences[1];
        assert_eq!(group.group_id.as_deref(), Some("g1"));
        assert_eq!((group.done, group.overdue), (0, 2));
        assert_eq!(
            group.sentence(),
            "党小组会（g1小组）：3 个月中已完成 0 个月，逾期 2 个月"
        );
        assert_eq!(s.cadences.len(), 3);
    }

    #[test]
    fn a_year_adds_up_quarters_then_months() {
        let doc = document(
            &[],
            vec![],
            vec![
                held("a1", BranchAssembly, day(2026, 1, 1)),
                held("a4", BranchAssembly, day(2026, 12, 31)),
                held("outside", BranchAssembly, day(2027, 1, 1)),
            ],
        );
        let s = period_summary(&doc, year_of(2026), day(2027, 2, 1));
        // 4 quarters × 2 lines, then 12 months × 2 lines (no groups).
        assert_eq!(s.nested.len(), 8 + 24);
        assert_eq!(s.nested[0].period, quarter_of(2026, 1));
        assert_eq!(s.nested[8].period, month_of(2026, 1));
        assert_eq!(s.nested[31].period, month_of(2026, 12));
        let assembly = &s.cadences[0];
        assert_eq!(assembly.every, PeriodKind::Quarter);
        assert_eq!(
            (
                assembly.periods,
                assembly.done,
                assembly.overdue,
                assembly.held
            ),
            (4, 2, 2, 2)
        );
        assert_eq!(
            assembly.sentence(),
            "支部党员大会：4 个季度中已完成 2 个季度，逾期 2 个季度"
        );
        let labels: Vec<_> = s.cadences.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels, ["支部党员大会", "党课", "支委会", "主题党日"]);
        let year_lines: Vec<_> = s.requirements.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            year_lines,
            [
                "组织生活会",
                "民主评议党员",
                "谈心谈话（每名党员每年至少1次）"
            ]
        );
    }

    #[test]
    fn attendance_rate_per_member_over_the_meetings_they_were_due_at() {
        let members = vec![committee("c"), full("a")];
        let mut m1 = held("m1", BranchAssembly, day(2026, 3, 2));
        mark(&mut m1, "c", Presence::Present);
        mark(&mut m1, "a", Presence::Present);
        let mut m2 = held("m2", CommitteeMeeting, day(2026, 3, 3));
        mark(&mut m2, "c", Presence::Leave);
        let mut m3 = held("m3", ThemeDay, day(2026, 3, 4));
        mark(&mut m3, "c", Presence::Present);
        mark(&mut m3, "a", Presence::Absent);
        let doc = document(&[], members, vec![m1, m2, m3]);
        let s = period_summary(&doc, month_of(2026, 3), day(2026, 3, 31));
        let c = row(&s, "c");
        assert_eq!((c.due, c.present, c.leave, c.absent), (3, 2, 1, 0));
        assert_eq!(c.rate, "67%");
        // Not on the committee: due at two of the three.
        let a = row(&s, "a");
        assert_eq!((a.due, a.present, a.absent, a.unmarked), (2, 1, 1, 0));
        assert_eq!(a.rate, "50%");
        assert_eq!(a.name, "党员a");
    }

    #[test]
    fn unmarked_members_are_due_but_not_present() {
        let doc = document(
            &[],
            full_members("p", 1),
            vec![held("m", BranchAssembly, day(2026, 3, 2))],
        );
        let s = period_summary(&doc, month_of(2026, 3), day(2026, 3, 31));
        let p = row(&s, "p1");
        assert_eq!((p.due, p.present, p.unmarked), (1, 0, 1));
        assert_eq!(p.rate, "0%");
    }

    #[test]
    fn a_member_due_at_nothing_shows_a_dash() {
        let mut m = held("m", CommitteeMeeting, day(2026, 3, 2));
        mark(&mut m, "c", Presence::Present);
        let doc = document(&[], vec![committee("c"), full("a")], vec![m]);
        let s = period_summary(&doc, month_of(2026, 3), day(2026, 3, 31));
        assert_eq!(row(&s, "c").rate, "100%");
        let a = row(&s, "a");
        assert_eq!((a.due, a.rate.as_str()), (0, "—"));
    }

    #[test]
    fn a_member_who_joined_mid_period_is_due_only_from_joining() {
        let mut newcomer = full("new");
        newcomer.joined_on = Some(day(2026, 2, 15));
        let mut later = full("later");
        later.joined_on = Some(day(2026, 4, 1));
        let mut before = held("before", BranchAssembly, day(2026, 2, 14));
        mark(&mut before, "old", Presence::Present);
        let mut on_the_day = held("on", ThemeDay, day(2026, 2, 15));
        mark(&mut on_the_day, "old", Presence::Present);
        mark(&mut on_the_day, "new", Presence::Present);
        let mut after = held("after", PartyLecture, day(2026, 3, 1));
        mark(&mut after, "old", Presence::Present);
        mark(&mut after, "new", Presence::Absent);
        let doc = document(
            &[],
            vec![full("old"), newcomer, later],
            vec![before, on_the_day, after],
        );
        let s = period_summary(&doc, quarter_of(2026, 1), day(2026, 3, 31));
        let new = row(&s, "new");
        assert_eq!((new.due, new.present, new.absent), (2, 1, 1));
        assert_eq!(new.rate, "50%");
        assert_eq!(row(&s, "old").rate, "100%");
        // Joined after the quarter: not a row of it, but of the next one.
        assert_eq!(rows(&s), ["new", "old"]);
        let q2 = period_summary(&doc, quarter_of(2026, 4), day(2026, 6, 30));
        assert_eq!(row(&q2, "later").rate, "—");
    }

    #[test]
    fn members_who_left_appear_only_if_they_were_due() {
        let members = vec![
            full("stay"),
            left(full("mid"), Some(day(2026, 3, 10))),
            left(full("before"), Some(day(2026, 2, 20))),
            left(full("unknown"), None),
        ];
        let mut m1 = held("m1", BranchAssembly, day(2026, 3, 2));
        mark(&mut m1, "stay", Presence::Present);
        mark(&mut m1, "mid", Presence::Present);
        // On the day of leaving, no longer due.
        let mut m2 = held("m2", ThemeDay, day(2026, 3, 10));
        mark(&mut m2, "stay", Presence::Present);
        let doc = document(&[], members, vec![m1, m2]);
        let s = period_summary(&doc, month_of(2026, 3), day(2026, 3, 31));
        assert_eq!(rows(&s), ["stay", "mid"]);
        let mid = row(&s, "mid");
        assert!(mid.left);
        assert_eq!((mid.due, mid.present, mid.rate.as_str()), (1, 1, "100%"));
        assert!(!row(&s, "stay").left);
        // In a month with no meetings they drop out entirely.
        let april = period_summary(&doc, month_of(2026, 4), day(2026, 4, 30));
        assert_eq!(rows(&april), ["stay"]);
    }

    #[test]
    fn group_meetings_count_only_that_groups_members() {
        let members = vec![
            in_group(full("a"), "g1"),
            in_group(full("b"), "g2"),
            full("none"),
        ];
        let mut g1 = held("g1m", GroupMeeting, day(2026, 3, 5));
        g1.group_id = Some("g1".into());
        mark(&mut g1, "a", Presence::Present);
        // A guest entry for someone of another group changes nothing.
        mark(&mut g1, "b", Presence::Absent);
        let mut g2 = held("g2m", GroupMeeting, day(2026, 3, 6));
        g2.group_id = Some("g2".into());
        mark(&mut g2, "b", Presence::Leave);
        let doc = document(&["g1", "g2"], members, vec![g1, g2]);
        let s = period_summary(&doc, month_of(2026, 3), day(2026, 3, 31));
        let a = row(&s, "a");
        assert_eq!((a.due, a.present), (1, 1));
        let b = row(&s, "b");
        assert_eq!((b.due, b.present, b.leave, b.absent), (1, 0, 1, 0));
        assert_eq!(b.rate, "0%");
        assert_eq!(row(&s, "none").rate, "—");
        assert_eq!(s.meetings[1].label, "党小组会（g2小组）");
        assert_eq!(s.meetings[0].tally.due, 1);
    }

    #[test]
    fn attendance_rows_follow_the_roster_display_order() {
        let members = vec![
            left(full("gone"), Some(day(2026, 3, 20))),
            full("m"),
            member(
                "s",
                crate::domain::Standing::Full,
                &[crate::domain::Role::Secretary],
            ),
        ];
        let doc = document(
            &[],
            members,
            vec![held("x", BranchAssembly, day(2026, 3, 1))],
        );
        let s = period_summary(&doc, month_of(2026, 3), day(2026, 3, 31));
        assert_eq!(rows(&s), ["s", "m", "gone"]);
    }

    #[test]
    fn makeups_pending_and_done_for_the_periods_meetings() {
        let members = vec![
            full("a"),
            full("b"),
            left(full("gone"), Some(day(2026, 3, 20))),
        ];
        let mut m1 = held("m1", BranchAssembly, day(2026, 3, 2));
        m1.theme = "传达会议精神".into();
        mark(&mut m1, "a", Presence::Leave);
        mark(&mut m1, "b", Presence::Absent);
        m1.attendance[1].makeup = made_up(day(2026, 4, 10));
        mark(&mut m1, "gone", Presence::Leave);
        let mut m2 = held("m2", ThemeDay, day(2026, 3, 25));
        mark(&mut m2, "a", Presence::Absent);
        // Outside the period: neither counted nor listed.
        let mut feb = held("feb", ThemeDay, day(2026, 2, 25));
        mark(&mut feb, "b", Presence::Absent);
        let doc = document(&[], members, vec![m2, feb, m1]);
        let s = period_summary(&doc, month_of(2026, 3), day(2026, 4, 30));
        assert_eq!(s.makeups.pending, 2);
        assert_eq!(s.makeups.done, 1);
        let items: Vec<_> = s
            .makeups
            .pending_items
            .iter()
            .map(|p| (p.member_id.as_str(), p.meeting_id.as_str()))
            .collect();
        assert_eq!(items, [("a", "m1"), ("a", "m2")]);
        let first = &s.makeups.pending_items[0];
        assert_eq!(first.member_name, "党员a");
        assert_eq!(first.meeting_theme, "传达会议精神");
        assert_eq!(first.describe(), "党员a：2026年3月2日 支部党员大会");
    }

    #[test]
    fn no_meetings_means_an_empty_summary() {
        let doc = document(&[], full_members("p", 2), vec![]);
        let s = period_summary(&doc, month_of(2026, 3), day(2026, 3, 10));
        assert!(s.meetings.is_empty());
        assert_eq!(s.makeups, MakeUpSummary::default());
        assert_eq!(s.follow_ups, FollowUpSummary::default());
        assert!(s.attendance.iter().all(|r| r.rate == NO_RATE));
        assert_eq!(s.attendance.len(), 2);
        assert!(s.requirements.iter().all(|r| r.status == Status::Due));
    }

    #[test]
    fn follow_ups_open_on_time_late_and_overdue() {
        let today = day(2026, 4, 15);
        let mut m = held("m", BranchAssembly, day(2026, 3, 10));
        m.follow_ups = vec![
            follow_up("late", Some(day(2026, 3, 31)), Some(day(2026, 4, 1))),
            follow_up("on_due_day", Some(day(2026, 3, 31)), Some(day(2026, 3, 31))),
            follow_up("early", Some(day(2026, 3, 31)), Some(day(2026, 3, 20))),
            follow_up("no_deadline_done", None, Some(day(2026, 4, 2))),
            follow_up("overdue", Some(day(2026, 4, 14)), None),
            follow_up("due_today", Some(today), None),
            follow_up("no_deadline_open", None, None),
        ];
        m.follow_ups[4].owner = PersonRef {
            member_id: Some("a".into()),
            name: String::new(),
        };
        m.follow_ups[5].owner = PersonRef {
            member_id: None,
            name: "王五".into(),
        };
        // A follow-up of a meeting outside the period does not count.
        let mut other = held("other", BranchAssembly, day(2026, 4, 2));
        other.follow_ups = vec![follow_up("x", Some(day(2026, 4, 3)), None)];
        let doc = document(&[], vec![full("a")], vec![m, other]);
        let s = period_summary(&doc, month_of(2026, 3), today);
        let f = &s.follow_ups;
        assert_eq!(
            (f.open, f.closed_on_time, f.closed_late, f.overdue),
            (3, 3, 1, 1)
        );
        assert_eq!(f.total(), 7);
        let open: Vec<_> = f
            .open_items
            .iter()
            .map(|o| (o.follow_up_id.as_str(), o.owner.as_str(), o.overdue))
            .collect();
        assert_eq!(
            open,
            [
                ("overdue", "党员a", true),
                ("due_today", "王五", false),
                ("no_deadline_open", "", false)
            ]
        );
        assert_eq!(f.open_items[0].task, "事项overdue");
        assert_eq!(f.open_items[0].meeting_date, day(2026, 3, 10));
    }

    #[test]
    fn planned_meetings_owe_no_follow_ups_or_makeups() {
        let mut plan = planned("plan", BranchAssembly, day(2026, 3, 10));
        plan.follow_ups = vec![follow_up("f", Some(day(2026, 3, 11)), None)];
        mark(&mut plan, "a", Presence::Leave);
        let doc = document(&[], vec![full("a")], vec![plan]);
        let s = period_summary(&doc, month_of(2026, 3), day(2026, 4, 1));
        assert_eq!(s.follow_ups, FollowUpSummary::default());
        assert_eq!(s.makeups, MakeUpSummary::default());
        assert_eq!(row(&s, "a").rate, "—");
    }

    #[test]
    fn sub_periods_cover_the_period_exactly() {
        assert!(sub_periods(&month_of(2026, 2)).is_empty());
        let q = sub_periods(&quarter_of(2026, 10));
        let starts: Vec<_> = q.iter().map(|p| p.start).collect();
        assert_eq!(
            starts,
            [day(2026, 10, 1), day(2026, 11, 1), day(2026, 12, 1)]
        );
        let y = sub_periods(&year_of(2028));
        assert_eq!(y.len(), 16);
        assert_eq!(y[3].end, day(2028, 12, 31));
        assert_eq!(y[5].end, day(2028, 2, 29));
        assert_eq!(y[15].start, day(2028, 12, 1));
    }
}
