//! Who is due (应到) at a meeting, how the attendance adds up, who was away
//! and why, and the make-up study (补学) that those away still owe.

use chrono::NaiveDate;

use crate::domain::meeting::{
    AbsenceReason, Attendance, Meeting, MeetingKind, MeetingState, Presence, RollEntry,
};
use crate::domain::roster::{by_group, in_display_order, in_group_order};
use crate::domain::{Branch, Document, Member, MemberStatus, Standing};

impl Presence {
    pub const ALL: [Presence; 3] = [Presence::Present, Presence::Leave, Presence::Absent];

    pub fn label(self) -> &'static str {
        match self {
            Presence::Present => "出席",
            Presence::Leave => "请假",
            Presence::Absent => "缺席",
        }
    }

    /// 请假 and 缺席: the member was away.
    pub fn is_away(self) -> bool {
        self != Presence::Present
    }

    /// The reasons that fit: 请假 is asked for (因公、因病、因事), 缺席 may be
    /// 无故.
    pub fn reasons(self) -> &'static [AbsenceReason] {
        match self {
            Presence::Present => &[],
            Presence::Leave => &[
                AbsenceReason::Work,
                AbsenceReason::Illness,
                AbsenceReason::Personal,
                AbsenceReason::Other,
            ],
            Presence::Absent => &[AbsenceReason::NoReason, AbsenceReason::Other],
        }
    }
}

impl AbsenceReason {
    /// Every reason a choice offers, in the order each choice lists its
    /// own (`Presence::reasons`): the 签到 row shows them all and hides
    /// those that do not fit.
    pub const OFFERED: [AbsenceReason; 5] = [
        AbsenceReason::Work,
        AbsenceReason::Illness,
        AbsenceReason::Personal,
        AbsenceReason::NoReason,
        AbsenceReason::Other,
    ];

    pub const ALL: [AbsenceReason; 5] = [
        AbsenceReason::Work,
        AbsenceReason::Illness,
        AbsenceReason::Personal,
        AbsenceReason::Other,
        AbsenceReason::NoReason,
    ];

    pub fn label(self) -> &'static str {
        match self {
            AbsenceReason::Work => "因公",
            AbsenceReason::Illness => "因病",
            AbsenceReason::Personal => "因事",
            AbsenceReason::Other => "其他",
            AbsenceReason::NoReason => "无故",
        }
    }
}

/// Whether the member belonged to the branch on `date`: joined on or
/// before it (转入或入党), and not yet left. A member who left after a
/// meeting was still due at it.
pub fn was_active_on(member: &Member, date: Option<NaiveDate>) -> bool {
    if let (Some(joined), Some(date)) = (member.joined_on, date) {
        if date < joined {
            return false;
        }
    }
    match (&member.status, date) {
        (MemberStatus::Active, _) => true,
        (MemberStatus::Left { on: Some(left), .. }, Some(date)) => date < *left,
        (MemberStatus::Left { .. }, _) => false,
    }
}

/// One member due at a meeting, with what they were that day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Due<'a> {
    pub member: &'a Member,
    pub standing: Standing,
    /// Had a vote: 正式党员 not under 留党察看 nor 中止.
    pub votes: bool,
    pub committee: bool,
    /// Attendance 不作硬性要求: due only as part of the vote base of a
    /// 支部党员大会, owing no 补学.
    pub exempt: bool,
}

/// The members due (应到) at a meeting, in the roster's stored order (a
/// list shown or printed puts them in the branch's order with
/// `roster::in_display_order`; counting and the roll need no order, so
/// the store's code never weighs the tables that order names). A held
/// meeting's are those of its roll, as they stood that day; a planned
/// meeting's are those in the branch on its day, as they stood that day
/// (`standing_on`): the committee for a 支委会, the group for one
/// 党小组's meeting, otherwise the whole branch. A member excused from
/// attendance (不作硬性要求) is not due, except at a meeting that counts
/// as a 支部党员大会: relief from 组织活动 and 学习 is not relief from the
/// vote base, which only a recorded exclusion changes (经报上级党组织同意
/// 并经党员大会通过).
pub fn due<'a>(meeting: &Meeting, members: &'a [Member]) -> Vec<Due<'a>> {
    if let Some(roll) = &meeting.roll {
        return members
            .iter()
            .filter_map(|m| {
                let entry = roll.iter().find(|e| e.member_id == m.id)?;
                Some(Due {
                    member: m,
                    standing: entry.standing,
                    votes: entry.votes,
                    committee: entry.committee,
                    exempt: entry.exempt,
                })
            })
            .collect();
    }
    standing_on_the_day(meeting, members)
}

/// Who is due at `meeting`, from the roster as it stood on the meeting's
/// day, whatever roll it holds.
pub fn standing_on_the_day<'a>(meeting: &Meeting, members: &'a [Member]) -> Vec<Due<'a>> {
    let date = meeting.effective_date();
    let assembly = meeting.counts_as(&MeetingKind::BranchAssembly);
    members
        .iter()
        .filter(|m| was_active_on(m, date) && belongs_to_audience(meeting, m, date))
        .filter(|m| assembly || !m.exempt_on(date))
        .map(|m| Due {
            member: m,
            standing: m.standing_on(date),
            votes: m.votes_on(date),
            committee: m.committee_on(date),
            exempt: m.exempt_on(date),
        })
        .collect()
}

/// `due`, in the branch's order of names: for the lists that show them.
/// One 党小组's own meeting lists its members as a group does, led by its
/// 党小组长 (`roster::in_group_order`); the branch's, the committee first.
pub fn due_in_order<'a>(branch: &Branch, meeting: &Meeting, members: &'a [Member]) -> Vec<Due<'a>> {
    let mut due = due(meeting, members);
    if meeting.group_id.is_some() && meeting.kind != MeetingKind::CommitteeMeeting {
        in_group_order(branch, members, &mut due, |d| d.member);
    } else {
        in_display_order(branch, members, &mut due, |d| d.member);
    }
    due
}

/// `due`, as the 签到 list shows them: by 党小组 (`roster::by_group`).
pub fn due_by_group<'a>(
    branch: &Branch,
    meeting: &Meeting,
    members: &'a [Member],
) -> Vec<(String, Vec<Due<'a>>)> {
    by_group(branch, members, due(meeting, members), |d| d.member)
}

/// `due_members`, in the branch's order of names.
pub fn due_members_in_order<'a>(
    branch: &Branch,
    meeting: &Meeting,
    members: &'a [Member],
) -> Vec<&'a Member> {
    due_in_order(branch, meeting, members)
        .into_iter()
        .map(|d| d.member)
        .collect()
}

/// The members due, without what they were: for lists and the record.
pub fn due_members<'a>(meeting: &Meeting, members: &'a [Member]) -> Vec<&'a Member> {
    due(meeting, members)
        .into_iter()
        .map(|d| d.member)
        .collect()
}

/// The roll of a meeting as held: who was due on its day, and as what.
pub fn roll_for(meeting: &Meeting, members: &[Member]) -> Vec<RollEntry> {
    standing_on_the_day(meeting, members)
        .into_iter()
        .map(|d| RollEntry {
            member_id: d.member.id.clone(),
            standing: d.standing,
            votes: d.votes,
            committee: d.committee,
            exempt: d.exempt,
        })
        .collect()
}

/// Fixes the roll of every held meeting that has none (records of the first
/// version, which worked out who was due from the roster as it is): what
/// they print does not change, and later roster changes no longer alter
/// them. Returns the ids of the meetings changed.
pub fn freeze_missing_rolls(doc: &mut Document) -> Vec<String> {
    let mut changed = Vec::new();
    for i in 0..doc.meetings.len() {
        let meeting = &doc.meetings[i];
        if meeting.state == MeetingState::Held && meeting.roll.is_none() {
            let roll = roll_for(meeting, &doc.members);
            changed.push(meeting.id.clone());
            doc.meetings[i].roll = Some(roll);
        }
    }
    changed
}

/// The body that meets: the committee at a 支委会, one group at one
/// 党小组's meeting, else the whole branch. What else the event counts as
/// never narrows it, and may not widen it (`Meeting::may_also_count_as`).
fn belongs_to_audience(meeting: &Meeting, member: &Member, date: Option<NaiveDate>) -> bool {
    match (&meeting.kind, &meeting.group_id) {
        (MeetingKind::CommitteeMeeting, _) => member.committee_on(date),
        (_, Some(group)) => member.group_id.as_ref() == Some(group),
        _ => true,
    }
}

/// The attendance entry of one member; the first wins if a record holds two.
pub fn attendance_of<'a>(meeting: &'a Meeting, member_id: &str) -> Option<&'a Attendance> {
    meeting.attendance.iter().find(|a| a.member_id == member_id)
}

/// Marked 出席; an unmarked member does not count as present.
pub fn is_present(meeting: &Meeting, member_id: &str) -> bool {
    attendance_of(meeting, member_id).is_some_and(|a| a.status == Presence::Present)
}

/// 应到 / 实到 / 请假 / 缺席, and those due but not yet marked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub due: usize,
    pub present: usize,
    pub leave: usize,
    pub absent: usize,
    pub unmarked: usize,
}

impl Tally {
    /// Everyone due who did not attend, the chair's "缺席 N 人" (请假 included).
    pub fn away(&self) -> usize {
        self.leave + self.absent
    }

    /// Nobody is marked yet: a meeting not started, neither valid nor not.
    pub fn nobody_marked(&self) -> bool {
        self.present + self.away() == 0
    }

    /// "应到 20 人，实到 17 人，请假 2 人，缺席 1 人", with unmarked people
    /// mentioned only when there are some, so a finished record reads cleanly.
    pub fn sentence(&self) -> String {
        let mut s = format!(
            "应到 {} 人，实到 {} 人，请假 {} 人，缺席 {} 人",
            self.due, self.present, self.leave, self.absent
        );
        if self.unmarked > 0 {
            s.push_str(&format!("，未登记 {} 人", self.unmarked));
        }
        s
    }
}

/// Counts the attendance of those due; entries for anyone else (列席, or
/// members not due) do not change the numbers.
pub fn tally(meeting: &Meeting, members: &[Member]) -> Tally {
    let mut t = Tally::default();
    for m in due_members(meeting, members) {
        t.due += 1;
        match attendance_of(meeting, &m.id).map(|a| a.status) {
            Some(Presence::Present) => t.present += 1,
            Some(Presence::Leave) => t.leave += 1,
            Some(Presence::Absent) => t.absent += 1,
            None => t.unmarked += 1,
        }
    }
    t
}

/// One person due who did not attend, for the chair's report and the record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AwayPerson {
    pub member_id: String,
    pub name: String,
    pub status: Presence,
    pub reason: Option<AbsenceReason>,
    /// An 其他 reason in the recorder's words.
    pub reason_note: String,
}

impl AwayPerson {
    /// "张三（请假，因病）", "张三（请假，外出培训）" for 其他 in the
    /// recorder's words, or "张三（缺席）" when no reason was recorded.
    pub fn describe(&self) -> String {
        match self.reason {
            Some(AbsenceReason::Other) if !self.reason_note.trim().is_empty() => format!(
                "{}（{}，{}）",
                self.name,
                self.status.label(),
                self.reason_note.trim()
            ),
            Some(r) => format!("{}（{}，{}）", self.name, self.status.label(), r.label()),
            None => format!("{}（{}）", self.name, self.status.label()),
        }
    }
}

/// Those due who were on leave or absent, in the roster's stored order.
pub fn away_people(meeting: &Meeting, members: &[Member]) -> Vec<AwayPerson> {
    due_members(meeting, members)
        .into_iter()
        .filter_map(|m| {
            let a = attendance_of(meeting, &m.id)?;
            a.status.is_away().then(|| AwayPerson {
                member_id: m.id.clone(),
                name: m.name.clone(),
                status: a.status,
                reason: a.reason,
                reason_note: a.reason_note.clone(),
            })
        })
        .collect()
}

/// "缺席 2 人：张三（请假，因病）、李四（缺席，无故）", or "无人缺席".
pub fn away_sentence(meeting: &Meeting, members: &[Member]) -> String {
    let away = away_people(meeting, members);
    if away.is_empty() {
        return "无人缺席".to_string();
    }
    let names: Vec<String> = away.iter().map(AwayPerson::describe).collect();
    format!("缺席 {} 人：{}", away.len(), names.join("、"))
}

/// Where a member's 补学 stands for one meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MakeUpStatus {
    /// Attended, nothing to make up.
    NotNeeded,
    Pending,
    Done(NaiveDate),
}

impl MakeUpStatus {
    pub fn label(self) -> &'static str {
        match self {
            MakeUpStatus::NotNeeded => "",
            MakeUpStatus::Pending => "待补学",
            MakeUpStatus::Done(_) => "已补学",
        }
    }
}

/// Where a member's 补学 stands for one meeting: only a study-type
/// session (`MeetingKind::owes_makeup`) leaves study to make up, and a
/// member excused from attendance (不作硬性要求) owes none.
pub fn makeup_status(meeting: &Meeting, attendance: &Attendance) -> MakeUpStatus {
    if !attendance.status.is_away() || !meeting.owes_makeup() || was_exempt(meeting, attendance) {
        return MakeUpStatus::NotNeeded;
    }
    match &attendance.makeup {
        Some(done) => MakeUpStatus::Done(done.done_on),
        None => MakeUpStatus::Pending,
    }
}

/// Excused from attendance at this meeting, as its roll says.
fn was_exempt(meeting: &Meeting, attendance: &Attendance) -> bool {
    meeting
        .roll
        .iter()
        .flatten()
        .any(|e| e.member_id == attendance.member_id && e.exempt)
}

/// A 补学 still owed, for the home page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MakeUpTask {
    pub meeting_id: String,
    pub member_id: String,
}

/// Every 补学 still owed, oldest meeting first. Only held meetings owe study,
/// and members who have since left owe nothing.
pub fn pending_makeups(doc: &Document) -> Vec<MakeUpTask> {
    let mut held: Vec<&Meeting> = doc
        .meetings
        .iter()
        .filter(|m| m.state == MeetingState::Held)
        .collect();
    // Stable sort: meetings without a date keep their stored order, last.
    held.sort_by_key(|m| (m.effective_date().is_none(), m.effective_date()));
    held.into_iter()
        .flat_map(|meeting| pending_in(meeting, doc))
        .collect()
}

fn pending_in<'a>(
    meeting: &'a Meeting,
    doc: &'a Document,
) -> impl Iterator<Item = MakeUpTask> + 'a {
    let due: Vec<&str> = due_members(meeting, &doc.members)
        .into_iter()
        .map(|m| m.id.as_str())
        .collect();
    first_entries(meeting)
        .filter(move |a| due.contains(&a.member_id.as_str()))
        .filter(|a| makeup_status(meeting, a) == MakeUpStatus::Pending)
        .filter(|a| doc.member(&a.member_id).is_some_and(Member::is_active))
        .map(|a| MakeUpTask {
            meeting_id: meeting.id.clone(),
            member_id: a.member_id.clone(),
        })
}

/// Each member's first attendance entry: a record edited by hand may hold
/// two, and the first is the one `attendance_of` reads.
pub fn first_entries(meeting: &Meeting) -> impl Iterator<Item = &Attendance> {
    meeting
        .attendance
        .iter()
        .enumerate()
        .filter(|(i, a)| {
            !meeting.attendance[..*i]
                .iter()
                .any(|earlier| earlier.member_id == a.member_id)
        })
        .map(|(_, a)| a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meeting::MeetingKind::*;
    use crate::domain::rules::fixtures::*;
    use crate::domain::{Role, Standing};

    #[test]
    fn the_reasons_offered_hold_each_choices_reasons_in_its_order() {
        for presence in Presence::ALL {
            let shown: Vec<AbsenceReason> = AbsenceReason::OFFERED
                .into_iter()
                .filter(|r| presence.reasons().contains(r))
                .collect();
            assert_eq!(shown, presence.reasons(), "{presence:?}");
        }
    }

    #[test]
    fn labels() {
        let presence: Vec<_> = Presence::ALL.iter().map(|p| p.label()).collect();
        assert_eq!(presence, ["出席", "请假", "缺席"]);
        let reasons: Vec<_> = AbsenceReason::ALL.iter().map(|r| r.label()).collect();
        assert_eq!(reasons, ["因公", "因病", "因事", "其他", "无故"]);
    }

    #[test]
    fn members_who_left_before_the_meeting_are_not_due() {
        let members = vec![
            full("a"),
            left(full("b"), Some(day(2026, 3, 1))),
            left(full("c"), None),
        ];
        let m = held("m1", BranchAssembly, day(2026, 3, 10));
        let ids: Vec<_> = due_members(&m, &members)
            .iter()
            .map(|m| m.id.as_str())
            .collect();
        assert_eq!(ids, ["a"]);
    }

    #[test]
    fn members_who_left_after_the_meeting_were_still_due() {
        let members = vec![full("a"), left(full("b"), Some(day(2026, 3, 11)))];
        let m = held("m1", BranchAssembly, day(2026, 3, 10));
        assert_eq!(due_members(&m, &members).len(), 2);
        // Leaving on the meeting day itself means not due that day.
        let same_day = held("m2", BranchAssembly, day(2026, 3, 11));
        assert_eq!(due_members(&same_day, &members).len(), 1);
    }

    #[test]
    fn undated_meeting_counts_only_current_members() {
        let members = vec![full("a"), left(full("b"), Some(day(2030, 1, 1)))];
        let m = meeting("m1", BranchAssembly);
        assert_eq!(due_members(&m, &members).len(), 1);
    }

    #[test]
    fn planned_date_is_used_when_not_yet_held() {
        let members = vec![full("a"), left(full("b"), Some(day(2026, 6, 1)))];
        let m = planned("m1", BranchAssembly, day(2026, 5, 1));
        assert_eq!(due_members(&m, &members).len(), 2);
    }

    #[test]
    fn a_group_meetings_list_is_led_by_its_leader_before_a_committee_member() {
        let mut leader = in_group(full("b"), "g1");
        leader.roles = vec![Role::GroupLeader];
        let members = vec![
            in_group(committee("a"), "g1"),
            leader,
            in_group(full("c"), "g1"),
        ];
        let doc = document(&["g1"], members.clone(), Vec::new());
        let mut m = planned("m1", GroupMeeting, day(2026, 3, 10));
        m.group_id = Some("g1".into());
        let ids = |m: &Meeting| -> Vec<String> {
            due_in_order(&doc.branch, m, &members)
                .iter()
                .map(|d| d.member.id.clone())
                .collect()
        };
        assert_eq!(ids(&m), ["b", "a", "c"], "the group's own meeting");
        m.group_id = None;
        m.kind = BranchAssembly;
        assert_eq!(
            ids(&m),
            ["a", "b", "c"],
            "the branch's: the committee first"
        );
    }

    #[test]
    fn group_meeting_is_due_for_its_group_only() {
        let members = vec![
            in_group(full("a"), "g1"),
            in_group(full("b"), "g2"),
            full("c"),
        ];
        let mut m = held("m1", GroupMeeting, day(2026, 3, 10));
        m.group_id = Some("g1".into());
        let ids: Vec<_> = due_members(&m, &members)
            .iter()
            .map(|m| m.id.as_str())
            .collect();
        assert_eq!(ids, ["a"]);
        m.group_id = None;
        assert_eq!(due_members(&m, &members).len(), 3);
    }

    #[test]
    fn committee_meeting_is_due_for_the_committee() {
        let members = vec![
            member("s", Standing::Full, &[Role::Secretary]),
            member("d", Standing::Full, &[Role::DeputySecretary]),
            committee("c"),
            member("l", Standing::Full, &[Role::GroupLeader]),
            full("m"),
        ];
        let m = held("m1", CommitteeMeeting, day(2026, 3, 10));
        let ids: Vec<_> = due_members(&m, &members)
            .iter()
            .map(|m| m.id.as_str())
            .collect();
        assert_eq!(ids, ["s", "d", "c"]);
    }

    #[test]
    fn tally_counts_due_members_and_unmarked_ones() {
        let members = full_members("p", 6);
        let mut m = held("m1", BranchAssembly, day(2026, 3, 10));
        mark(&mut m, "p1", Presence::Present);
        mark(&mut m, "p2", Presence::Present);
        mark(&mut m, "p3", Presence::Leave);
        mark(&mut m, "p4", Presence::Absent);
        // An entry for someone not on the roster (a guest) changes nothing.
        mark(&mut m, "guest", Presence::Present);
        let t = tally(&m, &members);
        assert_eq!(
            t,
            Tally {
                due: 6,
                present: 2,
                leave: 1,
                absent: 1,
                unmarked: 2
            }
        );
        assert_eq!(t.away(), 2);
        assert_eq!(
            t.sentence(),
            "应到 6 人，实到 2 人，请假 1 人，缺席 1 人，未登记 2 人"
        );
    }

    #[test]
    fn the_list_of_who_is_due_follows_the_meeting_without_its_marks() {
        let members = full_members("p", 3);
        let mut m = held("m1", BranchAssembly, day(2026, 3, 10));
        let before = m.without_marks();
        mark(&mut m, "p2", Presence::Leave);
        mark(&mut m, "p3", Presence::Absent);
        // A tap changes the marks only: the list need not be made again.
        assert_eq!(m.without_marks(), before);
        assert!(m.without_marks().attendance.is_empty());
        let due_ids = |m: &Meeting| -> Vec<String> {
            due(m, &members)
                .iter()
                .map(|d| d.member.id.clone())
                .collect()
        };
        assert_eq!(due_ids(&m.without_marks()), due_ids(&m));
        // What decides who is due still tells the two apart.
        let mut moved = m.clone();
        moved.date = Some(day(2026, 3, 11));
        assert_ne!(moved.without_marks(), before);
    }

    #[test]
    fn duplicated_entry_counts_once_by_the_first() {
        let members = full_members("p", 1);
        let mut m = held("m1", BranchAssembly, day(2026, 3, 10));
        mark(&mut m, "p1", Presence::Present);
        mark(&mut m, "p1", Presence::Absent);
        let t = tally(&m, &members);
        assert_eq!((t.due, t.present, t.absent), (1, 1, 0));
        assert_eq!(t.sentence(), "应到 1 人，实到 1 人，请假 0 人，缺席 0 人");
    }

    #[test]
    fn away_people_carry_reasons() {
        let members = full_members("p", 3);
        let mut m = held("m1", BranchAssembly, day(2026, 3, 10));
        mark(&mut m, "p1", Presence::Present);
        mark_away(&mut m, "p2", Presence::Leave, AbsenceReason::Illness);
        mark(&mut m, "p3", Presence::Absent);
        let away = away_people(&m, &members);
        assert_eq!(away.len(), 2);
        assert_eq!(away[0].describe(), "党员p2（请假，因病）");
        assert_eq!(away[1].describe(), "党员p3（缺席）");
        assert_eq!(
            away_sentence(&m, &members),
            "缺席 2 人：党员p2（请假，因病）、党员p3（缺席）"
        );
    }

    #[test]
    fn nobody_away() {
        let members = full_members("p", 2);
        let mut m = held("m1", BranchAssembly, day(2026, 3, 10));
        mark_all_present(&mut m, &members);
        assert_eq!(away_sentence(&m, &members), "无人缺席");
    }

    #[test]
    fn only_a_study_type_session_leaves_study_to_make_up() {
        for (kind, owes) in [
            (BranchAssembly, true),
            (GroupMeeting, true),
            (PartyLecture, true),
            (ThemeDay, true),
            (CommitteeMeeting, false),
            (OrganizationalLife, false),
            (DemocraticReview, false),
        ] {
            let mut m = held("m1", kind.clone(), day(2026, 3, 10));
            mark(&mut m, "p1", Presence::Leave);
            let status = makeup_status(&m, &m.attendance[0]);
            assert_eq!(status == MakeUpStatus::Pending, owes, "{kind:?}");
        }
    }

    #[test]
    fn a_member_excused_from_attendance_is_not_due_at_a_study_and_owes_no_makeup() {
        let mut members = full_members("p", 3);
        members[2].exempt = Some(crate::domain::roster::Exemption {
            reason: "年老体弱".into(),
            since: Some(day(2026, 1, 1)),
        });
        let earlier = held("m0", ThemeDay, day(2025, 12, 31));
        assert_eq!(due_members(&earlier, &members).len(), 3, "the day before");
        let on_the_day = held("m1", ThemeDay, day(2026, 1, 1));
        assert_eq!(
            due_members(&on_the_day, &members).len(),
            2,
            "the day it began"
        );
        let mut lecture = held("m2", PartyLecture, day(2026, 3, 10));
        mark(&mut lecture, "p3", Presence::Absent);
        let doc = document(&[], members, vec![lecture]);
        assert!(pending_makeups(&doc).is_empty());
    }

    #[test]
    fn a_member_excused_from_attendance_stays_in_the_vote_base_of_a_branch_assembly() {
        use crate::domain::rules::quorum::quorum;
        use crate::domain::rules::recording::hold;
        let mut members = full_members("p", 3);
        members[2].exempt = Some(crate::domain::roster::Exemption {
            reason: "年老体弱".into(),
            since: Some(day(2026, 1, 1)),
        });
        let mut m = planned("m1", BranchAssembly, day(2026, 3, 10));
        assert_eq!(due_members(&m, &members).len(), 3);
        hold(&mut m, day(2026, 3, 10), &members);
        mark(&mut m, "p1", Presence::Present);
        mark(&mut m, "p2", Presence::Present);
        mark_away(&mut m, "p3", Presence::Leave, AbsenceReason::Illness);
        let q = quorum(&m, &members).unwrap();
        assert_eq!((q.due, q.present), (3, 2), "应到会有表决权党员 3 人");
        assert_eq!(tally(&m, &members).due, 3);
        // Away, and owing no 补学: 送学上门 is the branch's to arrange.
        assert_eq!(makeup_status(&m, &m.attendance[2]), MakeUpStatus::NotNeeded);
        // A 主题党日 held as a 党员大会 is a 党员大会.
        let mut theme_day = planned("m2", ThemeDay, day(2026, 3, 20));
        theme_day.also.push(BranchAssembly);
        assert_eq!(due_members(&theme_day, &members).len(), 3);
    }

    #[test]
    fn a_held_meetings_roll_does_not_change_when_the_roster_does() {
        use crate::domain::rules::recording::hold;
        let mut members = full_members("p", 3);
        let mut m = planned("m1", BranchAssembly, day(2026, 3, 10));
        hold(&mut m, day(2026, 3, 10), &members);
        mark_all_present(&mut m, &members);
        // A member joins afterwards, with no date given, and another is made
        // a 预备党员 by mistake: the held meeting's figures stay.
        members.push(full("new"));
        members[0].standing = Standing::Probationary;
        let t = tally(&m, &members);
        assert_eq!((t.due, t.present, t.unmarked), (3, 3, 0));
        let due = due(&m, &members);
        assert!(due.iter().all(|d| d.votes), "as they stood that day");
    }

    #[test]
    fn a_member_who_joined_after_a_meeting_was_not_due_at_it() {
        let mut members = full_members("p", 2);
        members[1].joined_on = Some(day(2026, 4, 1));
        let before = planned("m1", BranchAssembly, day(2026, 3, 10));
        let after = planned("m2", BranchAssembly, day(2026, 4, 1));
        assert_eq!(due_members(&before, &members).len(), 1);
        assert_eq!(due_members(&after, &members).len(), 2);
    }

    #[test]
    fn meetings_held_before_rolls_were_kept_are_fixed_as_they_printed() {
        let members = full_members("p", 2);
        let mut m = held("m1", BranchAssembly, day(2026, 3, 10));
        m.roll = None;
        let mut doc = document(
            &[],
            members,
            vec![m, planned("m2", ThemeDay, day(2026, 5, 1))],
        );
        assert_eq!(freeze_missing_rolls(&mut doc), ["m1"]);
        assert_eq!(doc.meetings[0].roll.as_ref().map(Vec::len), Some(2));
        assert!(
            doc.meetings[1].roll.is_none(),
            "a planned meeting follows the roster"
        );
        assert!(freeze_missing_rolls(&mut doc).is_empty());
    }

    #[test]
    fn a_group_meeting_is_due_for_its_group_and_an_organizational_life_may_be() {
        let members = vec![in_group(full("a"), "g1"), in_group(full("b"), "g2")];
        let mut life = held("m1", OrganizationalLife, day(2026, 3, 10));
        assert_eq!(due_members(&life, &members).len(), 2);
        life.group_id = Some("g1".into());
        assert_eq!(due_members(&life, &members).len(), 1);
    }

    #[test]
    fn makeup_status_follows_presence_and_makeup() {
        let mut m = held("m1", BranchAssembly, day(2026, 3, 10));
        mark(&mut m, "p1", Presence::Present);
        mark(&mut m, "p2", Presence::Leave);
        mark(&mut m, "p3", Presence::Absent);
        m.attendance[2].makeup = made_up(day(2026, 3, 20));
        let s: Vec<_> = m.attendance.iter().map(|a| makeup_status(&m, a)).collect();
        assert_eq!(
            s,
            [
                MakeUpStatus::NotNeeded,
                MakeUpStatus::Pending,
                MakeUpStatus::Done(day(2026, 3, 20))
            ]
        );
        assert_eq!(s[1].label(), "待补学");
        assert_eq!(s[2].label(), "已补学");
    }

    #[test]
    fn a_duplicated_entry_does_not_override_the_first() {
        let mut m = held("m1", BranchAssembly, day(2026, 3, 10));
        mark(&mut m, "a", Presence::Present);
        mark(&mut m, "a", Presence::Leave);
        let doc = document(&[], vec![full("a")], vec![m]);
        assert!(pending_makeups(&doc).is_empty());
        assert_eq!(first_entries(&doc.meetings[0]).count(), 1);
    }

    #[test]
    fn pending_makeups_across_meetings_oldest_first() {
        let members = vec![full("a"), full("b"), left(full("gone"), None)];
        let mut later = held("later", BranchAssembly, day(2026, 5, 1));
        mark(&mut later, "a", Presence::Absent);
        let mut earlier = held("earlier", ThemeDay, day(2026, 4, 1));
        mark(&mut earlier, "b", Presence::Leave);
        mark(&mut earlier, "b", Presence::Leave);
        mark(&mut earlier, "gone", Presence::Leave);
        let mut done = held("done", PartyLecture, day(2026, 3, 1));
        mark(&mut done, "a", Presence::Leave);
        done.attendance[0].makeup = made_up(day(2026, 3, 5));
        let mut not_yet_held = planned("plan", BranchAssembly, day(2026, 6, 1));
        mark(&mut not_yet_held, "a", Presence::Leave);
        let doc = document(&[], members, vec![later, earlier, done, not_yet_held]);
        let tasks: Vec<_> = pending_makeups(&doc)
            .into_iter()
            .map(|t| (t.meeting_id, t.member_id))
            .collect();
        assert_eq!(
            tasks,
            [
                ("earlier".to_string(), "b".to_string()),
                ("later".to_string(), "a".to_string())
            ]
        );
    }
}
