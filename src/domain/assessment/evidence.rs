//! What the branch's own records say about a member in a year, shown beside
//! the form: attendance per meeting type, absences and their 补学, meetings
//! where the member hosted, lectured or spoke, and the follow-up items they
//! owned. Each item reads as one Chinese sentence that can go straight into
//! 自评情况. Only meetings recorded as held, with their day, count.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::domain::meeting::{AbsenceReason, Meeting, MeetingKind, MeetingState, Presence};
use crate::domain::rules::attendance::{attendance_of, due_members, makeup_status, MakeUpStatus};
use crate::domain::time::format_chinese_date;
use crate::domain::Document;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Evidence {
    pub member_id: String,
    pub year: i32,
    /// One row per meeting type the member was due at, 谈心谈话 aside.
    pub attendance: Vec<KindAttendance>,
    /// Held 谈心谈话 the member took part in.
    pub heart_to_heart: usize,
    pub absences: Vec<Absence>,
    pub contributions: Vec<Contribution>,
    pub follow_ups: Vec<OwnedFollowUp>,
    /// 承诺践诺, study time and lessons given: the 融合 records, one
    /// sentence each (for 发挥作用合格).
    pub fusion: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KindAttendance {
    pub kind: MeetingKind,
    pub due: usize,
    pub present: usize,
    pub leave: usize,
    pub absent: usize,
    /// Due but not marked in the record.
    pub unmarked: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Absence {
    pub meeting_id: String,
    pub date: NaiveDate,
    pub kind: MeetingKind,
    pub status: Presence,
    pub reason: Option<AbsenceReason>,
    pub makeup: MakeUpStatus,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    Hosted,
    Lectured,
    Spoke,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contribution {
    pub meeting_id: String,
    pub date: NaiveDate,
    pub kind: MeetingKind,
    pub theme: String,
    pub parts: Vec<Part>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnedFollowUp {
    pub meeting_id: String,
    pub meeting_date: NaiveDate,
    pub kind: MeetingKind,
    pub task: String,
    pub due: Option<NaiveDate>,
    pub done_on: Option<NaiveDate>,
}

impl Part {
    pub fn label(self) -> &'static str {
        match self {
            Part::Hosted => "主持会议",
            Part::Lectured => "讲课",
            Part::Spoke => "发言",
        }
    }
}

impl KindAttendance {
    /// Whole percent, rounded down so that missing one of many meetings
    /// never reads as 100%; `None` when nothing was due.
    pub fn rate_percent(&self) -> Option<usize> {
        (self.due > 0).then(|| self.present * 100 / self.due)
    }

    /// "2025年应参加支部党员大会 4 次，出席 3 次，出席率 75%，请假 1 次。"
    pub fn sentence(&self, year: i32) -> String {
        let mut s = format!(
            "{year}年应参加{} {} 次，出席 {} 次，出席率 {}%",
            self.kind.label(),
            self.due,
            self.present,
            self.rate_percent().unwrap_or(0)
        );
        for (n, what) in [
            (self.leave, "请假"),
            (self.absent, "缺席"),
            (self.unmarked, "未登记"),
        ] {
            if n > 0 {
                s.push_str(&format!("，{what} {n} 次"));
            }
        }
        s.push('。');
        s
    }
}

impl Absence {
    /// "2025年3月10日支部党员大会请假（因病），已于2025年3月20日补学。"
    pub fn sentence(&self) -> String {
        let reason = self
            .reason
            .map(|r| format!("（{}）", r.label()))
            .unwrap_or_default();
        let makeup = match self.makeup {
            MakeUpStatus::Done(on) => format!("已于{}补学", format_chinese_date(on)),
            _ => "尚未补学".to_string(),
        };
        format!(
            "{}{}{}{reason}，{makeup}。",
            format_chinese_date(self.date),
            self.kind.label(),
            self.status.label()
        )
    }
}

impl Contribution {
    /// "2025年4月1日在党课“学习新党章”上讲课、发言。"
    pub fn sentence(&self) -> String {
        let theme = if self.theme.trim().is_empty() {
            String::new()
        } else {
            format!("“{}”", self.theme.trim())
        };
        let parts: Vec<&str> = self.parts.iter().map(|p| p.label()).collect();
        format!(
            "{}在{}{theme}上{}。",
            format_chinese_date(self.date),
            self.kind.label(),
            parts.join("、")
        )
    }
}

impl OwnedFollowUp {
    pub fn is_done(&self) -> bool {
        self.done_on.is_some()
    }

    /// Done by its due day, or done with no due day set.
    pub fn done_on_time(&self) -> bool {
        match (self.done_on, self.due) {
            (Some(done), Some(due)) => done <= due,
            (Some(_), None) => true,
            (None, _) => false,
        }
    }

    /// "负责落实“制定学习计划”（2025年10月20日支部党员大会确定，期限2025年11月20日），已按期完成。"
    pub fn sentence(&self) -> String {
        let due = self
            .due
            .map(|d| format!("，期限{}", format_chinese_date(d)))
            .unwrap_or_default();
        let outcome = match self.done_on {
            Some(_) if self.done_on_time() => "已按期完成".to_string(),
            Some(on) => format!("于{}完成", format_chinese_date(on)),
            None => "尚未完成".to_string(),
        };
        format!(
            "负责落实“{}”（{}{}确定{due}），{outcome}。",
            self.task.trim(),
            format_chinese_date(self.meeting_date),
            self.kind.label()
        )
    }
}

impl Evidence {
    pub fn is_empty(&self) -> bool {
        self.attendance.is_empty()
            && self.heart_to_heart == 0
            && self.absences.is_empty()
            && self.contributions.is_empty()
            && self.follow_ups.is_empty()
            && self.fusion.is_empty()
    }

    pub fn follow_ups_done(&self) -> usize {
        self.follow_ups.iter().filter(|f| f.is_done()).count()
    }

    pub fn follow_ups_on_time(&self) -> usize {
        self.follow_ups.iter().filter(|f| f.done_on_time()).count()
    }

    /// "2025年负责落实会议确定的事项 3 项，已完成 2 项，其中按期完成 1 项。"
    pub fn follow_up_sentence(&self) -> Option<String> {
        if self.follow_ups.is_empty() {
            return None;
        }
        Some(format!(
            "{}年负责落实会议确定的事项 {} 项，已完成 {} 项，其中按期完成 {} 项。",
            self.year,
            self.follow_ups.len(),
            self.follow_ups_done(),
            self.follow_ups_on_time()
        ))
    }

    pub fn heart_to_heart_sentence(&self) -> Option<String> {
        (self.heart_to_heart > 0)
            .then(|| format!("{}年参加谈心谈话 {} 次。", self.year, self.heart_to_heart))
    }

    /// Every item as one sentence, in the order the panel shows them.
    pub fn lines(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .attendance
            .iter()
            .map(|a| a.sentence(self.year))
            .collect();
        out.extend(self.heart_to_heart_sentence());
        out.extend(self.absences.iter().map(Absence::sentence));
        out.extend(self.contributions.iter().map(Contribution::sentence));
        out.extend(self.follow_up_sentence());
        out.extend(self.follow_ups.iter().map(OwnedFollowUp::sentence));
        out.extend(self.fusion.iter().cloned());
        out
    }
}

/// The evidence of one member for one year.
pub fn evidence(doc: &Document, member_id: &str, year: i32) -> Evidence {
    let mut meetings: Vec<(NaiveDate, &Meeting)> = doc
        .meetings
        .iter()
        .filter(|m| m.state == MeetingState::Held)
        .filter_map(|m| Some((m.date?, m)))
        .filter(|(date, _)| date.year() == year)
        .collect();
    meetings.sort_by_key(|(date, _)| *date);
    let mut ev = Evidence {
        member_id: member_id.to_string(),
        year,
        ..Evidence::default()
    };
    let mut rows: BTreeMap<MeetingKind, KindAttendance> = BTreeMap::new();
    ev.heart_to_heart = doc
        .talks
        .iter()
        .filter(|t| t.date.is_some_and(|d| d.year() == year))
        .filter(|t| t.talkees.iter().any(|id| id == member_id))
        .count();
    for (date, meeting) in meetings {
        if is_due(doc, meeting, member_id) {
            let row = rows
                .entry(meeting.kind.clone())
                .or_insert_with(|| empty_row(&meeting.kind));
            count_presence(row, meeting, member_id);
            ev.absences.extend(absence(meeting, date, member_id));
        }
        ev.contributions
            .extend(contribution(meeting, date, member_id));
        ev.follow_ups
            .extend(owned_follow_ups(meeting, date, member_id));
    }
    ev.attendance = rows.into_values().collect();
    ev.fusion = fusion_lines(doc, member_id, year);
    ev
}

/// Lessons the member gave at 党员每月一讲 or OPL, their commitments and
/// how they were kept, and the year's 学时.
fn fusion_lines(doc: &Document, member_id: &str, year: i32) -> Vec<String> {
    use crate::domain::fusion::study::study_time;
    let mut out = Vec::new();
    let mut taught: Vec<_> = doc
        .studies
        .iter()
        .filter(|s| s.speaker.member_id.as_deref() == Some(member_id))
        .filter_map(|s| Some((s.date.filter(|d| d.year() == year)?, s)))
        .collect();
    taught.sort_by_key(|(d, _)| *d);
    for (date, s) in taught {
        let title = if s.title.trim().is_empty() {
            String::new()
        } else {
            format!("“{}”", s.title.trim())
        };
        out.push(format!(
            "{}在{}{}{title}。",
            format_chinese_date(date),
            s.form.label(),
            if s.form == crate::domain::fusion::StudyForm::MorningStudy {
                "领学"
            } else {
                "主讲"
            }
        ));
    }
    let id = crate::domain::fusion::MemberCommitments::id_for(member_id, year);
    if let Some(pledges) = doc.commitments_of(&id) {
        for c in pledges.written() {
            let notes = c.notes.iter().filter(|n| !n.text.trim().is_empty()).count();
            let mut line = format!("承诺（{}）：“{}”", c.kind.label(), c.text.trim());
            if notes > 0 {
                line.push_str(&format!("，践诺记录 {notes} 条"));
            }
            if let Some(r) = c.self_rating {
                line.push_str(&format!("，自评{}", r.label()));
            }
            if let Some(r) = pledges.branch_rating(&c.id).and_then(|r| r.rating) {
                line.push_str(&format!("，支部评价{}", r.label()));
            }
            line.push('。');
            out.push(line);
        }
    }
    let time = study_time(member_id, year, &doc.meetings, &doc.studies);
    if time.sessions + time.outside_sessions > 0 {
        let rules = &doc.branch.rules;
        let owed = doc
            .member(member_id)
            .map_or(rules.study_hours_yearly, |m| rules.study_hours_owed(m));
        let mut line = format!(
            "{year}年学习：{}（参加本支部组织的学习 {} 次",
            crate::domain::fusion::study::hours_sentence(&time, rules.minutes_per_study_hour),
            time.sessions,
        );
        if time.without_length > 0 {
            line.push_str(&format!("，其中 {} 次未记时长", time.without_length));
        }
        line.push_str(&format!("；全年一般不少于 {owed} 学时）。"));
        out.push(line);
    }
    out
}

fn is_due(doc: &Document, meeting: &Meeting, member_id: &str) -> bool {
    due_members(meeting, &doc.members)
        .iter()
        .any(|m| m.id == member_id)
}

fn empty_row(kind: &MeetingKind) -> KindAttendance {
    KindAttendance {
        kind: kind.clone(),
        due: 0,
        present: 0,
        leave: 0,
        absent: 0,
        unmarked: 0,
    }
}

fn count_presence(row: &mut KindAttendance, meeting: &Meeting, member_id: &str) {
    row.due += 1;
    match attendance_of(meeting, member_id).map(|a| a.status) {
        Some(Presence::Present) => row.present += 1,
        Some(Presence::Leave) => row.leave += 1,
        Some(Presence::Absent) => row.absent += 1,
        None => row.unmarked += 1,
    }
}

fn absence(meeting: &Meeting, date: NaiveDate, member_id: &str) -> Option<Absence> {
    let a = attendance_of(meeting, member_id)?;
    a.status.is_away().then(|| Absence {
        meeting_id: meeting.id.clone(),
        date,
        kind: meeting.kind.clone(),
        status: a.status,
        reason: a.reason,
        makeup: makeup_status(meeting, a),
    })
}

fn contribution(meeting: &Meeting, date: NaiveDate, member_id: &str) -> Option<Contribution> {
    let is_me = |p: &crate::domain::meeting::PersonRef| p.member_id.as_deref() == Some(member_id);
    let mut parts = Vec::new();
    if is_me(&meeting.host) {
        parts.push(Part::Hosted);
    }
    if is_me(&meeting.lecturer) {
        parts.push(Part::Lectured);
    }
    if meeting.speeches.iter().any(|s| is_me(&s.speaker)) {
        parts.push(Part::Spoke);
    }
    (!parts.is_empty()).then(|| Contribution {
        meeting_id: meeting.id.clone(),
        date,
        kind: meeting.kind.clone(),
        theme: meeting.theme.clone(),
        parts,
    })
}

fn owned_follow_ups<'a>(
    meeting: &'a Meeting,
    date: NaiveDate,
    member_id: &'a str,
) -> impl Iterator<Item = OwnedFollowUp> + 'a {
    meeting
        .follow_ups
        .iter()
        .filter(move |f| f.owner.member_id.as_deref() == Some(member_id))
        .map(move |f| OwnedFollowUp {
            meeting_id: meeting.id.clone(),
            meeting_date: date,
            kind: meeting.kind.clone(),
            task: f.task.clone(),
            due: f.due,
            done_on: f.done_on,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meeting::MeetingKind::*;
    use crate::domain::meeting::{FollowUp, PersonRef, Speech};
    use crate::domain::rules::fixtures::*;

    fn me() -> PersonRef {
        PersonRef {
            member_id: Some("a".into()),
            name: String::new(),
        }
    }

    fn follow_up(id: &str, due: Option<NaiveDate>, done: Option<NaiveDate>) -> FollowUp {
        FollowUp {
            id: id.into(),
            task: format!("事项{id}"),
            owner: me(),
            due,
            done_on: done,
        }
    }

    /// Member a in 党小组 g1, joined on 2025-04-01; b in g2 who left on
    /// 2025-09-01.
    fn branch(meetings: Vec<Meeting>) -> Document {
        let mut a = in_group(full("a"), "g1");
        a.joined_on = Some(day(2025, 4, 1));
        let b = left(in_group(full("b"), "g2"), Some(day(2025, 9, 1)));
        document(&["g1", "g2"], vec![a, b], meetings)
    }

    fn assembly(id: &str, on: NaiveDate, a: Option<Presence>, b: Option<Presence>) -> Meeting {
        let mut m = held(id, BranchAssembly, on);
        if let Some(p) = a {
            mark(&mut m, "a", p);
        }
        if let Some(p) = b {
            mark(&mut m, "b", p);
        }
        m
    }

    fn group_meeting(id: &str, group: Option<&str>, on: NaiveDate) -> Meeting {
        let mut m = held(id, GroupMeeting, on);
        m.group_id = group.map(str::to_string);
        mark(&mut m, "a", Presence::Present);
        mark(&mut m, "b", Presence::Present);
        m
    }

    #[test]
    fn a_member_who_joined_mid_year_is_counted_from_joining() {
        let meetings = vec![
            // Before a joined: not due.
            assembly("q1", day(2025, 3, 20), None, Some(Presence::Present)),
            assembly(
                "q2",
                day(2025, 6, 20),
                Some(Presence::Present),
                Some(Presence::Present),
            ),
            assembly("q3", day(2025, 9, 20), Some(Presence::Leave), None),
            assembly("q4", day(2025, 12, 20), Some(Presence::Present), None),
            // Another year, and a plan: neither counts.
            assembly("old", day(2024, 12, 20), Some(Presence::Absent), None),
            planned("plan", BranchAssembly, day(2025, 11, 1)),
        ];
        let doc = branch(meetings);
        let ev = evidence(&doc, "a", 2025);
        assert_eq!(ev.attendance.len(), 1);
        let row = &ev.attendance[0];
        assert_eq!((row.due, row.present, row.leave), (3, 2, 1));
        assert_eq!(row.rate_percent(), Some(66), "rounded down");
        assert_eq!(
            row.sentence(2025),
            "2025年应参加支部党员大会 3 次，出席 2 次，出席率 66%，请假 1 次。"
        );
        assert_eq!(ev.absences.len(), 1);
        assert_eq!(
            ev.absences[0].sentence(),
            "2025年9月20日支部党员大会请假，尚未补学。"
        );
    }

    #[test]
    fn a_member_who_left_is_counted_until_leaving() {
        let meetings = vec![
            assembly("q1", day(2025, 3, 20), None, Some(Presence::Present)),
            assembly("q2", day(2025, 6, 20), None, Some(Presence::Absent)),
            assembly("q3", day(2025, 9, 20), None, None),
        ];
        let mut doc = branch(meetings);
        doc.meetings[1].attendance[0].reason = Some(AbsenceReason::Work);
        doc.meetings[1].attendance[0].makeup = made_up(day(2025, 7, 1));
        let ev = evidence(&doc, "b", 2025);
        let row = &ev.attendance[0];
        assert_eq!(
            (row.due, row.present, row.absent, row.unmarked),
            (2, 1, 1, 0)
        );
        assert_eq!(
            ev.absences[0].sentence(),
            "2025年6月20日支部党员大会缺席（因公），已于2025年7月1日补学。"
        );
    }

    #[test]
    fn group_meetings_count_only_for_the_members_group() {
        let meetings = vec![
            group_meeting("own", Some("g1"), day(2025, 5, 10)),
            group_meeting("other", Some("g2"), day(2025, 5, 11)),
            group_meeting("whole", None, day(2025, 5, 12)),
        ];
        let doc = branch(meetings);
        let ev = evidence(&doc, "a", 2025);
        assert_eq!(ev.attendance.len(), 1);
        assert_eq!(ev.attendance[0].kind, GroupMeeting);
        assert_eq!((ev.attendance[0].due, ev.attendance[0].present), (2, 2));
        let ev_b = evidence(&doc, "b", 2025);
        assert_eq!(
            ev_b.attendance[0].due, 2,
            "g2's own meeting and the whole branch's"
        );
    }

    #[test]
    fn unmarked_meetings_are_due_but_not_present() {
        let doc = branch(vec![assembly("q", day(2025, 6, 1), None, None)]);
        let row = &evidence(&doc, "a", 2025).attendance[0];
        assert_eq!((row.due, row.present, row.unmarked), (1, 0, 1));
        assert!(row.sentence(2025).ends_with("出席率 0%，未登记 1 次。"));
    }

    #[test]
    fn hosting_lecturing_and_speaking_are_listed() {
        let mut lecture = held("l", PartyLecture, day(2025, 7, 1));
        lecture.theme = "学习新党章".into();
        lecture.lecturer = me();
        lecture.speeches.push(Speech {
            id: "s".into(),
            speaker: me(),
            summary: "谈体会".into(),
        });
        let mut committee_meeting = held("c", CommitteeMeeting, day(2025, 8, 1));
        committee_meeting.host = me();
        let doc = branch(vec![committee_meeting, lecture]);
        let ev = evidence(&doc, "a", 2025);
        let lines: Vec<String> = ev.contributions.iter().map(|c| c.sentence()).collect();
        assert_eq!(
            lines,
            [
                "2025年7月1日在党课“学习新党章”上讲课、发言。",
                "2025年8月1日在支委会上主持会议。",
            ]
        );
        // Not a committee member: hosting does not make the 支委会 due.
        assert!(ev.attendance.iter().all(|r| r.kind != CommitteeMeeting));
    }

    #[test]
    fn follow_ups_closed_on_time_late_and_open() {
        let mut m = held("m", BranchAssembly, day(2025, 6, 1));
        m.follow_ups = vec![
            follow_up("1", Some(day(2025, 7, 1)), Some(day(2025, 7, 1))),
            follow_up("2", Some(day(2025, 7, 1)), Some(day(2025, 7, 2))),
            follow_up("3", None, Some(day(2025, 8, 1))),
            follow_up("4", Some(day(2025, 12, 1)), None),
        ];
        let mut someone_else = follow_up("5", None, None);
        someone_else.owner = PersonRef::default();
        m.follow_ups.push(someone_else);
        let doc = branch(vec![m]);
        let ev = evidence(&doc, "a", 2025);
        assert_eq!(ev.follow_ups.len(), 4);
        assert_eq!((ev.follow_ups_done(), ev.follow_ups_on_time()), (3, 2));
        assert_eq!(
            ev.follow_up_sentence().unwrap(),
            "2025年负责落实会议确定的事项 4 项，已完成 3 项，其中按期完成 2 项。"
        );
        assert_eq!(
            ev.follow_ups[1].sentence(),
            "负责落实“事项2”（2025年6月1日支部党员大会确定，期限2025年7月1日），于2025年7月2日完成。"
        );
        assert!(ev.follow_ups[3].sentence().ends_with("尚未完成。"));
    }

    #[test]
    fn heart_to_heart_is_counted_apart_from_attendance_rates() {
        let mut doc = branch(vec![]);
        doc.talks.push(crate::domain::Talk {
            id: "t".into(),
            date: Some(day(2025, 10, 1)),
            talkees: vec!["a".into()],
            ..Default::default()
        });
        let ev = evidence(&doc, "a", 2025);
        assert!(ev.attendance.is_empty());
        assert_eq!(ev.lines(), ["2025年参加谈心谈话 1 次。"]);
        assert!(evidence(&doc, "b", 2025).is_empty());
    }

    #[test]
    fn lines_gather_every_item_once() {
        let mut m = assembly("q", day(2025, 6, 1), Some(Presence::Absent), None);
        m.host = me();
        m.follow_ups = vec![follow_up("1", None, None)];
        let doc = branch(vec![m]);
        let lines = evidence(&doc, "a", 2025).lines();
        assert_eq!(lines.len(), 5, "{lines:?}");
        assert!(lines.iter().all(|l| l.ends_with('。') && !l.contains('\n')));
    }
}
