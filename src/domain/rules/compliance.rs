//! What the branch has held in a period against what the rules require:
//! every month 支委会, 党小组会 (each 党小组) and 主题党日; every quarter
//! 支部党员大会 and, where the local rule is on, 党课; every year 组织生活会,
//! 民主评议党员 and 谈心谈话 with every member. Only meetings recorded as
//! held, with the day they were held, count: a plan is not a meeting. A
//! requirement of the branch is met only by a meeting of the branch: one
//! 党小组's 组织生活会 or 民主评议 is the group's.

use chrono::{Datelike, Months, NaiveDate};

use crate::domain::meeting::{Meeting, MeetingKind, MeetingState};
use crate::domain::talk::talked_with;
use crate::domain::time::quarter_of;
use crate::domain::{Document, Role};

use super::attendance::was_active_on;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PeriodKind {
    Month,
    Quarter,
    Year,
}

impl PeriodKind {
    pub const ALL: [PeriodKind; 3] = [PeriodKind::Month, PeriodKind::Quarter, PeriodKind::Year];

    fn months(self) -> u32 {
        match self {
            PeriodKind::Month => 1,
            PeriodKind::Quarter => 3,
            PeriodKind::Year => 12,
        }
    }

    /// How the home page names the current period.
    pub fn current_label(self) -> &'static str {
        match self {
            PeriodKind::Month => "本月",
            PeriodKind::Quarter => "本季度",
            PeriodKind::Year => "本年度",
        }
    }
}

/// A calendar month, quarter or year; both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Period {
    pub kind: PeriodKind,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Period {
    /// The month, quarter or year that `date` falls in.
    pub fn containing(kind: PeriodKind, date: NaiveDate) -> Period {
        let first_month = match kind {
            PeriodKind::Month => date.month(),
            PeriodKind::Quarter => (quarter_of(date.month()) - 1) * 3 + 1,
            PeriodKind::Year => 1,
        };
        // Day 1 exists in every month, so these only fail at chrono's limits.
        let start = date
            .with_day(1)
            .and_then(|d| d.with_month(first_month))
            .unwrap_or(date);
        let end = start
            .checked_add_months(Months::new(kind.months()))
            .and_then(|next| next.pred_opt())
            .unwrap_or(NaiveDate::MAX);
        Period { kind, start, end }
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// Over once its last day has passed; only then is a gap overdue.
    pub fn is_over(&self, today: NaiveDate) -> bool {
        today > self.end
    }

    pub fn next(&self) -> Period {
        Period::containing(self.kind, self.end.succ_opt().unwrap_or(self.end))
    }

    pub fn previous(&self) -> Period {
        Period::containing(self.kind, self.start.pred_opt().unwrap_or(self.start))
    }

    /// "2026年3月", "2026年第一季度", "2026年度".
    pub fn label(&self) -> String {
        let year = self.start.year();
        match self.kind {
            PeriodKind::Month => format!("{year}年{}月", self.start.month()),
            PeriodKind::Quarter => {
                let q = ["一", "二", "三", "四"];
                let i = quarter_of(self.start.month()) as usize - 1;
                format!("{year}年第{}季度", q.get(i).copied().unwrap_or("一"))
            }
            PeriodKind::Year => format!("{year}年度"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Done,
    /// Not yet met, but the period is still running.
    Due,
    /// Not met and the period is over.
    Overdue,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Done => "已完成",
            Status::Due => "待完成",
            Status::Overdue => "逾期未完成",
        }
    }

    pub fn of(held: usize, required: usize, period: &Period, today: NaiveDate) -> Status {
        if held >= required {
            Status::Done
        } else if period.is_over(today) {
            Status::Overdue
        } else {
            Status::Due
        }
    }
}

/// What a requirement asks for.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Owed {
    Meeting(MeetingKind),
    /// 谈心谈话 with every member: counted in people, from the talks.
    Talks,
    /// 书记讲党课, where the branch's rule asks for it.
    SecretaryLecture,
}

/// One line of the compliance view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Requirement {
    pub period: Period,
    pub what: Owed,
    /// The 党小组 a 党小组会 requirement belongs to.
    pub group_id: Option<String>,
    /// "支委会", "党小组会（第一党小组）", "谈心谈话（每名党员每年至少1次）".
    pub label: String,
    pub required: usize,
    pub held: usize,
    pub status: Status,
}

impl Requirement {
    /// 谈心谈话 is counted in people, everything else in meetings.
    pub fn unit(&self) -> &'static str {
        match self.what {
            Owed::Talks => "人",
            _ => "次",
        }
    }

    /// "支委会：应 1 次，已 0 次，待完成".
    pub fn sentence(&self) -> String {
        let unit = self.unit();
        format!(
            "{}：应 {} {unit}，已 {} {unit}，{}",
            self.label,
            self.required,
            self.held,
            self.status.label()
        )
    }
}

/// Every requirement of `period`, evaluated as of `today`.
pub fn compliance(doc: &Document, period: Period, today: NaiveDate) -> Vec<Requirement> {
    let held: Vec<&Meeting> = held_in(doc, &period).collect();
    let count = |kind: &MeetingKind| held.iter().filter(|m| m.counts_for_branch(kind)).count();
    let line = |what: Owed, label: String, required: usize, done: usize| Requirement {
        period,
        what,
        group_id: None,
        label,
        required,
        held: done,
        status: Status::of(done, required, &period, today),
    };
    let simple = |kind: MeetingKind| {
        let done = count(&kind);
        line(
            Owed::Meeting(kind.clone()),
            kind.label().to_string(),
            1,
            done,
        )
    };
    match period.kind {
        PeriodKind::Month => {
            let mut out = Vec::new();
            if doc.branch.has_committee(&doc.members) {
                out.push(simple(MeetingKind::CommitteeMeeting));
            }
            out.extend(group_meetings(doc, &held, &period, today));
            out.push(simple(MeetingKind::ThemeDay));
            out
        }
        PeriodKind::Quarter => {
            let mut out = vec![simple(MeetingKind::BranchAssembly)];
            if doc.branch.rules.party_lecture_quarterly {
                out.push(simple(MeetingKind::PartyLecture));
            }
            out
        }
        PeriodKind::Year => {
            let year = period.start.year();
            let yearly = |kind: MeetingKind| {
                let done = doc
                    .meetings
                    .iter()
                    .filter(|m| m.state == MeetingState::Held && m.counts_for_branch(&kind))
                    .filter(|m| m.counted_year() == Some(year))
                    .count();
                line(
                    Owed::Meeting(kind.clone()),
                    kind.label().to_string(),
                    1,
                    done,
                )
            };
            let (talked, members) = heart_to_heart_coverage(doc, &period, today);
            let mut out = vec![
                yearly(MeetingKind::OrganizationalLife),
                yearly(MeetingKind::DemocraticReview),
                line(
                    Owed::Talks,
                    "谈心谈话（每名党员每年至少1次）".to_string(),
                    members,
                    talked,
                ),
            ];
            if doc.branch.rules.secretary_lecture_yearly {
                let done = held
                    .iter()
                    .filter(|m| m.counts_for_branch(&MeetingKind::PartyLecture))
                    .filter(|m| given_by_secretary(doc, m))
                    .count();
                out.push(line(
                    Owed::SecretaryLecture,
                    "书记讲党课（每年至少1次）".to_string(),
                    1,
                    done,
                ));
            }
            out
        }
    }
}

/// Given by the one who was 书记 on the day, not by today's.
fn given_by_secretary(doc: &Document, meeting: &Meeting) -> bool {
    meeting
        .lecturer
        .member_id
        .as_deref()
        .and_then(|id| doc.member(id))
        .is_some_and(|m| m.roles_on(meeting.date).contains(&Role::Secretary))
}

/// Meetings recorded as held on a day inside the period.
fn held_in<'a>(doc: &'a Document, period: &'a Period) -> impl Iterator<Item = &'a Meeting> {
    doc.meetings
        .iter()
        .filter(|m| m.state == MeetingState::Held && m.date.is_some_and(|d| period.contains(d)))
}

/// One 党小组会 a month for each 党小组; a branch without groups owes none.
fn group_meetings(
    doc: &Document,
    held: &[&Meeting],
    period: &Period,
    today: NaiveDate,
) -> Vec<Requirement> {
    doc.branch
        .groups
        .iter()
        .map(|g| {
            let done = held
                .iter()
                .filter(|m| {
                    m.counts_as(&MeetingKind::GroupMeeting) && m.group_id.as_deref() == Some(&g.id)
                })
                .count();
            Requirement {
                period: *period,
                what: Owed::Meeting(MeetingKind::GroupMeeting),
                group_id: Some(g.id.clone()),
                label: format!("党小组会（{}）", g.name),
                required: 1,
                held: done,
                status: Status::of(done, 1, period, today),
            }
        })
        .collect()
}

/// (members who had a talk, members who should): the 谈话人 and 谈话对象 of
/// the year's talks, among those who belong to the branch at the year's
/// end (or today, while it runs), so people who left are not owed a talk.
fn heart_to_heart_coverage(doc: &Document, period: &Period, today: NaiveDate) -> (usize, usize) {
    let as_of = Some(period.end.min(today));
    let talked = talked_with(&doc.talks, period.start.year());
    let members: Vec<&str> = doc
        .members
        .iter()
        .filter(|m| was_active_on(m, as_of))
        .map(|m| m.id.as_str())
        .collect();
    let covered = members.iter().filter(|id| talked.contains(*id)).count();
    (covered, members.len())
}

/// What is still owed this month, this quarter and this year, for the home
/// page; each line carries its period for "本月 / 本季度 / 本年度".
pub fn due_this_month(doc: &Document, today: NaiveDate) -> Vec<Requirement> {
    PeriodKind::ALL
        .iter()
        .flat_map(|kind| compliance(doc, Period::containing(*kind, today), today))
        .filter(|r| r.status != Status::Done)
        .collect()
}

/// The earliest meeting planned for `requirement` inside its period (for
/// a 组织生活会 or 民主评议, its 所属年度): the home page says "已安排 12-18"
/// and opens it instead of a new plan. Talks are not planned as meetings.
pub fn planned_for<'a>(doc: &'a Document, requirement: &Requirement) -> Option<&'a Meeting> {
    let kind = match &requirement.what {
        Owed::Meeting(kind) => kind,
        Owed::SecretaryLecture => &MeetingKind::PartyLecture,
        Owed::Talks => return None,
    };
    let period = &requirement.period;
    doc.meetings
        .iter()
        .filter(|m| m.state == MeetingState::Planned)
        .filter(|m| match &requirement.group_id {
            Some(group) => m.counts_as(kind) && m.group_id.as_deref() == Some(group),
            None => m.counts_for_branch(kind),
        })
        .filter_map(|m| Some((m.effective_date()?, m)))
        .filter(|(day, m)| {
            if kind.is_yearly() {
                m.counted_year() == Some(period.start.year())
            } else {
                period.contains(*day)
            }
        })
        .min_by_key(|(day, _)| *day)
        .map(|(_, m)| m)
}

/// The next planned meeting on or after today: earliest day, then earliest
/// time, meetings without a time after those with one.
pub fn next_planned(doc: &Document, today: NaiveDate) -> Option<&Meeting> {
    doc.meetings
        .iter()
        .filter(|m| m.state == MeetingState::Planned)
        .filter_map(|m| Some((m.effective_date()?, m)))
        .filter(|(date, _)| *date >= today)
        .min_by_key(|(date, m)| (*date, m.planned_time.is_none(), m.planned_time))
        .map(|(_, m)| m)
}

/// Planned meetings whose day has passed but whose record was not finished,
/// oldest first: a reminder to fill in the record while it is fresh.
pub fn unrecorded_planned(doc: &Document, today: NaiveDate) -> Vec<&Meeting> {
    let mut past: Vec<(NaiveDate, &Meeting)> = doc
        .meetings
        .iter()
        .filter(|m| m.state == MeetingState::Planned)
        .filter_map(|m| Some((m.effective_date()?, m)))
        .filter(|(date, _)| *date < today)
        .collect();
    past.sort_by_key(|(date, _)| *date);
    past.into_iter().map(|(_, m)| m).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meeting::MeetingKind::*;
    use crate::domain::rules::fixtures::*;
    use chrono::NaiveTime;

    fn month_of(y: i32, m: u32) -> Period {
        Period::containing(PeriodKind::Month, day(y, m, 1))
    }

    fn find<'a>(reqs: &'a [Requirement], label: &str) -> &'a Requirement {
        reqs.iter().find(|r| r.label == label).unwrap()
    }

    #[test]
    fn periods_have_the_right_ends() {
        let m = Period::containing(PeriodKind::Month, day(2028, 2, 14));
        assert_eq!((m.start, m.end), (day(2028, 2, 1), day(2028, 2, 29)));
        let q = Period::containing(PeriodKind::Quarter, day(2026, 5, 20));
        assert_eq!((q.start, q.end), (day(2026, 4, 1), day(2026, 6, 30)));
        let q4 = Period::containing(PeriodKind::Quarter, day(2026, 12, 31));
        assert_eq!((q4.start, q4.end), (day(2026, 10, 1), day(2026, 12, 31)));
        let y = Period::containing(PeriodKind::Year, day(2026, 7, 1));
        assert_eq!((y.start, y.end), (day(2026, 1, 1), day(2026, 12, 31)));
    }

    #[test]
    fn period_labels() {
        assert_eq!(month_of(2026, 3).label(), "2026年3月");
        assert_eq!(
            Period::containing(PeriodKind::Quarter, day(2026, 11, 1)).label(),
            "2026年第四季度"
        );
        assert_eq!(
            Period::containing(PeriodKind::Year, day(2026, 11, 1)).label(),
            "2026年度"
        );
        assert_eq!(PeriodKind::Quarter.current_label(), "本季度");
    }

    #[test]
    fn next_and_previous_cross_year_ends() {
        let dec = month_of(2026, 12);
        assert_eq!(dec.next(), month_of(2027, 1));
        assert_eq!(month_of(2027, 1).previous(), dec);
        let q1 = Period::containing(PeriodKind::Quarter, day(2027, 2, 1));
        assert_eq!(q1.previous().start, day(2026, 10, 1));
        let y = Period::containing(PeriodKind::Year, day(2026, 6, 1));
        assert_eq!(y.next().start, day(2027, 1, 1));
    }

    #[test]
    fn march_31_and_april_1_fall_in_different_months_and_quarters() {
        let doc = document(
            &[],
            vec![],
            vec![
                held("a", BranchAssembly, day(2026, 3, 31)),
                held("c", CommitteeMeeting, day(2026, 4, 1)),
            ],
        );
        let today = day(2026, 6, 1);
        let march = compliance(&doc, month_of(2026, 3), today);
        let april = compliance(&doc, month_of(2026, 4), today);
        assert_eq!(find(&march, "支委会").status, Status::Overdue);
        assert_eq!(find(&april, "支委会").status, Status::Done);
        let q1 = Period::containing(PeriodKind::Quarter, day(2026, 3, 31));
        let q2 = q1.next();
        assert_eq!(find(&compliance(&doc, q1, today), "支部党员大会").held, 1);
        assert_eq!(find(&compliance(&doc, q2, today), "支部党员大会").held, 0);
    }

    #[test]
    fn december_31_and_january_1_fall_in_different_years() {
        let doc = document(
            &[],
            vec![],
            vec![
                held("o", OrganizationalLife, day(2026, 12, 31)),
                held("r", DemocraticReview, day(2027, 1, 1)),
            ],
        );
        let today = day(2027, 1, 15);
        let y2026 = compliance(
            &doc,
            Period::containing(PeriodKind::Year, day(2026, 1, 1)),
            today,
        );
        let y2027 = compliance(
            &doc,
            Period::containing(PeriodKind::Year, day(2027, 1, 1)),
            today,
        );
        assert_eq!(find(&y2026, "组织生活会").status, Status::Done);
        assert_eq!(find(&y2026, "民主评议党员").status, Status::Overdue);
        assert_eq!(find(&y2027, "组织生活会").status, Status::Due);
        assert_eq!(find(&y2027, "民主评议党员").status, Status::Done);
    }

    #[test]
    fn planned_meetings_and_held_without_date_do_not_count() {
        let mut no_date = held("x", CommitteeMeeting, day(2026, 3, 5));
        no_date.date = None;
        no_date.planned_date = Some(day(2026, 3, 5));
        let doc = document(
            &[],
            vec![],
            vec![planned("p", CommitteeMeeting, day(2026, 3, 10)), no_date],
        );
        let reqs = compliance(&doc, month_of(2026, 3), day(2026, 3, 20));
        assert_eq!(find(&reqs, "支委会").held, 0);
    }

    #[test]
    fn status_depends_on_whether_the_period_is_over() {
        let doc = document(&[], vec![], vec![]);
        let march = month_of(2026, 3);
        let on_last_day = compliance(&doc, march, day(2026, 3, 31));
        assert_eq!(find(&on_last_day, "主题党日").status, Status::Due);
        let day_after = compliance(&doc, march, day(2026, 4, 1));
        assert_eq!(find(&day_after, "主题党日").status, Status::Overdue);
        let before = compliance(&doc, march, day(2026, 1, 1));
        assert_eq!(find(&before, "主题党日").status, Status::Due);
    }

    #[test]
    fn each_group_owes_its_own_group_meeting() {
        let mut g1 = held("g", GroupMeeting, day(2026, 3, 5));
        g1.group_id = Some("g1".into());
        let mut whole_branch = held("w", GroupMeeting, day(2026, 3, 6));
        whole_branch.group_id = None;
        let doc = document(&["g1", "g2"], vec![], vec![g1, whole_branch]);
        let reqs = compliance(&doc, month_of(2026, 3), day(2026, 3, 20));
        let g1_req = find(&reqs, "党小组会（g1小组）");
        assert_eq!((g1_req.held, g1_req.status), (1, Status::Done));
        assert_eq!(g1_req.group_id.as_deref(), Some("g1"));
        assert_eq!(find(&reqs, "党小组会（g2小组）").status, Status::Due);
        let labels: Vec<_> = reqs.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "支委会",
                "党小组会（g1小组）",
                "党小组会（g2小组）",
                "主题党日"
            ]
        );
    }

    #[test]
    fn branch_without_groups_owes_no_group_meeting() {
        let doc = document(&[], vec![], vec![]);
        let reqs = compliance(&doc, month_of(2026, 3), day(2026, 3, 20));
        assert!(reqs.iter().all(|r| r.what != Owed::Meeting(GroupMeeting)));
    }

    #[test]
    fn party_lecture_only_under_the_local_rule() {
        let mut doc = document(&[], vec![], vec![]);
        let q = Period::containing(PeriodKind::Quarter, day(2026, 3, 1));
        assert!(compliance(&doc, q, day(2026, 3, 1))
            .iter()
            .any(|r| r.what == Owed::Meeting(PartyLecture)));
        doc.branch.rules.party_lecture_quarterly = false;
        let reqs = compliance(&doc, q, day(2026, 3, 1));
        assert!(reqs.iter().all(|r| r.what != Owed::Meeting(PartyLecture)));
        assert_eq!(reqs.len(), 1);
    }

    #[test]
    fn heart_to_heart_counts_who_was_talked_with_in_the_talks() {
        use crate::domain::Talk;
        let talk = |id: &str, on: NaiveDate, with: &[&str]| Talk {
            id: id.into(),
            date: Some(on),
            talkees: with.iter().map(|s| s.to_string()).collect(),
            ..Talk::default()
        };
        let members = vec![
            full("a"),
            full("b"),
            full("c"),
            left(full("gone"), Some(day(2026, 2, 1))),
        ];
        let mut doc = document(&[], members, vec![]);
        doc.talks = vec![
            talk("t1", day(2026, 3, 1), &["a", "gone"]),
            talk("t2", day(2026, 5, 1), &["a"]),
            talk("t0", day(2025, 12, 31), &["b"]),
        ];
        let year = Period::containing(PeriodKind::Year, day(2026, 1, 1));
        let talks = |doc: &Document| {
            compliance(doc, year, day(2026, 6, 1))
                .into_iter()
                .find(|r| r.what == Owed::Talks)
                .unwrap()
        };
        let r = talks(&doc);
        assert_eq!((r.held, r.required, r.status), (1, 3, Status::Due));
        assert_eq!(
            r.sentence(),
            "谈心谈话（每名党员每年至少1次）：应 3 人，已 1 人，待完成"
        );
        doc.talks.push(talk("t3", day(2026, 6, 1), &["b", "c"]));
        assert_eq!(talks(&doc).status, Status::Done);
    }

    #[test]
    fn a_branch_without_a_committee_owes_no_monthly_committee_meeting() {
        let mut small = document(&[], full_members("p", 6), vec![]);
        small.branch.rules.committee = crate::domain::branch::CommitteeRule::ByRoster;
        let month = compliance(&small, month_of(2026, 3), day(2026, 4, 2));
        assert!(month.iter().all(|r| r.label != "支委会"));
        let mut big = document(&[], full_members("p", 7), vec![]);
        big.branch.rules.committee = crate::domain::branch::CommitteeRule::ByRoster;
        let month = compliance(&big, month_of(2026, 3), day(2026, 4, 2));
        assert_eq!(find(&month, "支委会").status, Status::Overdue);
    }

    #[test]
    fn one_event_counts_for_every_requirement_it_meets() {
        let mut theme_day = held("t", ThemeDay, day(2026, 3, 20));
        theme_day.also = vec![BranchAssembly, PartyLecture];
        let doc = document(&[], full_members("p", 7), vec![theme_day]);
        let q1 = Period::containing(PeriodKind::Quarter, day(2026, 3, 1));
        let quarter = compliance(&doc, q1, day(2026, 4, 2));
        assert_eq!(find(&quarter, "支部党员大会").status, Status::Done);
        assert_eq!(find(&quarter, "党课").status, Status::Done);
        let month = compliance(&doc, month_of(2026, 3), day(2026, 4, 2));
        assert_eq!(find(&month, "主题党日").status, Status::Done);
    }

    #[test]
    fn a_yearly_item_counts_for_its_year_of_record() {
        // "2025年度组织生活会" held in March 2026, with the 民主评议 in it.
        let mut life = held("o", OrganizationalLife, day(2026, 3, 8));
        life.for_year = Some(2025);
        life.also = vec![DemocraticReview];
        let doc = document(&[], vec![], vec![life]);
        let year = |y| Period::containing(PeriodKind::Year, day(y, 6, 1));
        let y2025 = compliance(&doc, year(2025), day(2026, 4, 1));
        let y2026 = compliance(&doc, year(2026), day(2026, 4, 1));
        assert_eq!(find(&y2025, "组织生活会").status, Status::Done);
        assert_eq!(find(&y2025, "民主评议党员").status, Status::Done);
        assert_eq!(find(&y2026, "组织生活会").status, Status::Due);
    }

    #[test]
    fn one_groups_meeting_never_meets_a_branch_yearly_requirement() {
        let mut group_life = held("o", OrganizationalLife, day(2026, 11, 8));
        group_life.group_id = Some("g1".into());
        group_life.also = vec![DemocraticReview, BranchAssembly];
        let mut group_meeting = held("g", GroupMeeting, day(2026, 11, 9));
        group_meeting.group_id = Some("g1".into());
        group_meeting.also = vec![OrganizationalLife, BranchAssembly, PartyLecture];
        let doc = document(
            &["g1"],
            full_members("p", 7),
            vec![group_life, group_meeting],
        );
        let year = compliance(
            &doc,
            Period::containing(PeriodKind::Year, day(2026, 1, 1)),
            day(2027, 1, 2),
        );
        assert_eq!(find(&year, "组织生活会").status, Status::Overdue);
        assert_eq!(find(&year, "民主评议党员").status, Status::Overdue);
        let q4 = compliance(
            &doc,
            Period::containing(PeriodKind::Quarter, day(2026, 11, 1)),
            day(2027, 1, 2),
        );
        assert_eq!(find(&q4, "支部党员大会").held, 0);
        assert_eq!(find(&q4, "党课").held, 0);
        let november = compliance(&doc, month_of(2026, 11), day(2027, 1, 2));
        assert_eq!(find(&november, "党小组会（g1小组）").held, 1);
    }

    #[test]
    fn a_committee_meeting_ticked_as_a_branch_assembly_meets_no_assembly_requirement() {
        let mut committee = held("c", CommitteeMeeting, day(2026, 5, 8));
        committee.also = vec![BranchAssembly];
        let doc = document(&[], full_members("p", 7), vec![committee]);
        let q2 = compliance(
            &doc,
            Period::containing(PeriodKind::Quarter, day(2026, 5, 1)),
            day(2026, 7, 2),
        );
        assert_eq!(find(&q2, "支部党员大会").status, Status::Overdue);
        assert_eq!(
            find(
                &compliance(&doc, month_of(2026, 5), day(2026, 7, 2)),
                "支委会"
            )
            .held,
            1
        );
    }

    #[test]
    fn the_lecture_counts_for_the_one_who_was_secretary_that_day() {
        use crate::domain::roster::change_posts;
        use crate::domain::Role;
        let mut old = full("s");
        old.roles = vec![Role::Secretary];
        old.posts_since = Some(day(2023, 1, 1));
        change_posts(&mut old, Vec::new(), String::new(), day(2026, 6, 1));
        let mut lecture = held("l", PartyLecture, day(2026, 5, 31));
        lecture.lecturer.member_id = Some("s".into());
        let mut doc = document(&[], vec![old], vec![lecture]);
        doc.branch.rules.secretary_lecture_yearly = true;
        let year = Period::containing(PeriodKind::Year, day(2026, 1, 1));
        let done = |doc: &Document| {
            compliance(doc, year, day(2026, 12, 1))
                .into_iter()
                .find(|r| r.what == Owed::SecretaryLecture)
                .unwrap()
                .held
        };
        assert_eq!(done(&doc), 1, "书记 the day before handing over");
        doc.meetings[0].date = Some(day(2026, 6, 1));
        assert_eq!(done(&doc), 0, "no longer 书记 that day");
    }

    #[test]
    fn the_secretarys_lecture_is_owed_only_under_its_rule() {
        use crate::domain::Role;
        let mut secretary = full("s");
        secretary.roles = vec![Role::Secretary];
        let mut lecture = held("l", PartyLecture, day(2026, 5, 1));
        lecture.lecturer.member_id = Some("s".into());
        let mut doc = document(&[], vec![secretary], vec![lecture]);
        let year = Period::containing(PeriodKind::Year, day(2026, 1, 1));
        assert!(compliance(&doc, year, day(2026, 6, 1))
            .iter()
            .all(|r| r.what != Owed::SecretaryLecture));
        doc.branch.rules.secretary_lecture_yearly = true;
        let line = compliance(&doc, year, day(2026, 6, 1))
            .into_iter()
            .find(|r| r.what == Owed::SecretaryLecture)
            .unwrap();
        assert_eq!(line.status, Status::Done);
    }

    #[test]
    fn due_this_month_lists_open_items_of_month_quarter_and_year() {
        let mut g1 = held("g", GroupMeeting, day(2026, 4, 3));
        g1.group_id = Some("g1".into());
        let doc = document(
            &["g1"],
            vec![full("a")],
            vec![
                held("c", CommitteeMeeting, day(2026, 4, 2)),
                g1,
                held("a", BranchAssembly, day(2026, 3, 10)),
                held("o", OrganizationalLife, day(2026, 1, 10)),
            ],
        );
        let open: Vec<_> = due_this_month(&doc, day(2026, 4, 15))
            .into_iter()
            .map(|r| (r.period.kind, r.label))
            .collect();
        assert_eq!(
            open,
            [
                (PeriodKind::Month, "主题党日".to_string()),
                (PeriodKind::Quarter, "支部党员大会".to_string()),
                (PeriodKind::Quarter, "党课".to_string()),
                (PeriodKind::Year, "民主评议党员".to_string()),
                (
                    PeriodKind::Year,
                    "谈心谈话（每名党员每年至少1次）".to_string()
                ),
            ]
        );
    }

    #[test]
    fn requirement_sentence() {
        let doc = document(&[], vec![], vec![]);
        let reqs = compliance(&doc, month_of(2026, 3), day(2026, 4, 2));
        assert_eq!(
            find(&reqs, "支委会").sentence(),
            "支委会：应 1 次，已 0 次，逾期未完成"
        );
    }

    #[test]
    fn next_planned_is_the_earliest_from_today() {
        let time = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
        let mut afternoon = planned("pm", ThemeDay, day(2026, 4, 10));
        afternoon.planned_time = Some(time(15));
        let mut morning = planned("am", PartyLecture, day(2026, 4, 10));
        morning.planned_time = Some(time(9));
        let untimed = planned("any", CommitteeMeeting, day(2026, 4, 10));
        let doc = document(
            &[],
            vec![],
            vec![
                planned("past", BranchAssembly, day(2026, 4, 1)),
                held("done", BranchAssembly, day(2026, 4, 5)),
                planned("later", BranchAssembly, day(2026, 5, 1)),
                untimed,
                afternoon,
                morning,
                meeting("undated", BranchAssembly),
            ],
        );
        assert_eq!(next_planned(&doc, day(2026, 4, 2)).unwrap().id, "am");
        assert_eq!(next_planned(&doc, day(2026, 4, 1)).unwrap().id, "past");
        assert_eq!(next_planned(&doc, day(2026, 4, 11)).unwrap().id, "later");
        assert!(next_planned(&doc, day(2026, 5, 2)).is_none());
    }

    #[test]
    fn unrecorded_planned_meetings_oldest_first() {
        let doc = document(
            &[],
            vec![],
            vec![
                planned("b", ThemeDay, day(2026, 4, 3)),
                planned("a", ThemeDay, day(2026, 4, 1)),
                planned("today", ThemeDay, day(2026, 4, 5)),
                held("h", ThemeDay, day(2026, 4, 2)),
            ],
        );
        let ids: Vec<_> = unrecorded_planned(&doc, day(2026, 4, 5))
            .iter()
            .map(|m| m.id.as_str())
            .collect();
        assert_eq!(ids, ["a", "b"]);
    }

    #[test]
    fn a_requirement_is_planned_by_a_meeting_of_its_kind_in_its_period() {
        let mut group_plan = planned("g", GroupMeeting, day(2026, 12, 18));
        group_plan.group_id = Some("g2".into());
        let doc = document(
            &["g1", "g2"],
            vec![],
            vec![
                planned("next-month", ThemeDay, day(2027, 1, 15)),
                planned("theme", ThemeDay, day(2026, 12, 18)),
                planned("later", ThemeDay, day(2026, 12, 30)),
                held("held", CommitteeMeeting, day(2026, 12, 2)),
                group_plan,
            ],
        );
        let today = day(2026, 12, 6);
        let rows = compliance(&doc, month_of(2026, 12), today);
        let plan = |label: &str| planned_for(&doc, find(&rows, label)).map(|m| m.id.as_str());
        assert_eq!(plan("主题党日"), Some("theme"), "the earliest in the month");
        assert_eq!(plan("党小组会（g2小组）"), Some("g"));
        assert_eq!(plan("党小组会（g1小组）"), None, "another group's plan");
        let next_month = compliance(&doc, month_of(2027, 1), today);
        assert_eq!(
            planned_for(&doc, find(&next_month, "主题党日")).map(|m| m.id.as_str()),
            Some("next-month")
        );
        assert_eq!(
            planned_for(
                &doc,
                find(&compliance(&doc, month_of(2026, 11), today), "主题党日")
            ),
            None,
            "the month before"
        );
    }
}
