//! 党小组每月重点工作: each 党小组 sets at least one key task a month and
//! reviews it at a 党小组会 (完成情况、差距短板、整改措施、下月打算): that
//! month's, or the next month's first, as many groups review the month just
//! past. A local practice (`LocalRules::group_monthly_work`), not a national
//! rule. One record per group and month.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::kind::{Kind, Packing};
use crate::domain::limits;
use crate::domain::meeting::{MeetingKind, MeetingState};
use crate::domain::validate::{Checks, Known};
use crate::domain::{Document, Meeting};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupWorkItem {
    pub id: String,
    #[serde(default)]
    pub text: String,
    /// The key task it carries forward, if it is one of the branch's list.
    #[serde(default)]
    pub task_id: Option<String>,
}

/// The review written at the month's 党小组会.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupReview {
    /// The 党小组会 that reviewed the month.
    #[serde(default)]
    pub meeting_id: Option<String>,
    /// 完成情况.
    #[serde(default)]
    pub done: String,
    /// 差距短板.
    #[serde(default)]
    pub gaps: String,
    /// 整改措施.
    #[serde(default)]
    pub fixes: String,
    /// 下月打算.
    #[serde(default)]
    pub next: String,
}

impl GroupReview {
    pub fn is_written(&self) -> bool {
        [&self.done, &self.gaps, &self.fixes, &self.next]
            .iter()
            .any(|t| !t.trim().is_empty())
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupMonth {
    /// `gm-<group>-<yyyy>-<mm>`: one record per group and month, so two
    /// phones that set the same month's work meet in one record.
    pub id: String,
    pub group_id: String,
    pub year: i32,
    pub month: u32,
    #[serde(default)]
    pub items: Vec<GroupWorkItem>,
    #[serde(default)]
    pub review: GroupReview,
}

impl GroupMonth {
    pub fn id_for(group_id: &str, year: i32, month: u32) -> String {
        format!("gm-{group_id}-{year}-{month:02}")
    }

    pub fn new(group_id: &str, year: i32, month: u32) -> GroupMonth {
        GroupMonth {
            id: GroupMonth::id_for(group_id, year, month),
            group_id: group_id.to_string(),
            year,
            month,
            ..GroupMonth::default()
        }
    }
}

/// What the compliance view says of a group's month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupMonthStatus {
    /// No key work set.
    NotSet,
    /// 已确定: key work set, not yet reviewed at a 党小组会.
    Set,
    /// 已回顾: reviewed at a held 党小组会 of the month or the next month's
    /// first.
    Reviewed,
}

impl GroupMonthStatus {
    pub fn label(self) -> &'static str {
        match self {
            GroupMonthStatus::NotSet => "未确定",
            GroupMonthStatus::Set => "已确定",
            GroupMonthStatus::Reviewed => "已回顾",
        }
    }
}

fn is_held_group_meeting(meeting: &Meeting, group_id: &str) -> bool {
    meeting.kind == MeetingKind::GroupMeeting
        && meeting.state == MeetingState::Held
        && meeting.group_id.as_deref() == Some(group_id)
        && meeting.date.is_some()
}

fn month_of(date: NaiveDate) -> (i32, u32) {
    (date.year(), date.month())
}

/// The first month the branch kept its work in the app: the earliest month
/// of a meeting, talk, study session or group month it holds, and never
/// later than today's (a branch with no records yet began this month). The
/// months before it were kept on paper, if at all: nothing here calls them
/// 未确定.
pub fn first_month_in_use(doc: &Document, today: NaiveDate) -> (i32, u32) {
    let now = month_of(today);
    first_record_month(doc).map_or(now, |m| m.min(now))
}

/// The earliest month any dated record of the branch falls in.
pub fn first_record_month(doc: &Document) -> Option<(i32, u32)> {
    doc.meetings
        .iter()
        .filter_map(Meeting::effective_date)
        .chain(doc.talks.iter().filter_map(|t| t.date))
        .chain(doc.studies.iter().filter_map(|s| s.date))
        .map(month_of)
        .chain(doc.group_months.iter().map(|g| (g.year, g.month)))
        .min()
}

fn next_month(year: i32, month: u32) -> (i32, u32) {
    if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    }
}

/// The group's first held 党小组会 of a month.
fn first_of_month<'a>(
    meetings: &'a [Meeting],
    group_id: &str,
    (year, month): (i32, u32),
) -> Option<&'a Meeting> {
    meetings
        .iter()
        .filter(|m| is_held_group_meeting(m, group_id))
        .filter(|m| m.date.map(month_of) == Some((year, month)))
        .min_by_key(|m| (m.date, m.start_time, m.id.as_str()))
}

/// Whether `meeting` may review the group's key work of `year`-`month`: a
/// held 党小组会 of the group in that month, or the group's first held
/// 党小组会 of the next month.
pub fn is_review_meeting(
    meeting: &Meeting,
    group_id: &str,
    year: i32,
    month: u32,
    meetings: &[Meeting],
) -> bool {
    if !is_held_group_meeting(meeting, group_id) {
        return false;
    }
    let held = meeting.date.map(month_of);
    if held == Some((year, month)) {
        return true;
    }
    let next = next_month(year, month);
    held == Some(next)
        && first_of_month(meetings, group_id, next).is_some_and(|first| first.id == meeting.id)
}

/// The meeting a review of the month sits at: the one it names, while that
/// may review it, else the month's first held 党小组会, else the next
/// month's first.
pub fn review_meeting<'a>(
    month: Option<&GroupMonth>,
    group_id: &str,
    year: i32,
    month_no: u32,
    meetings: &'a [Meeting],
) -> Option<&'a Meeting> {
    let named = month
        .and_then(|m| m.review.meeting_id.as_deref())
        .and_then(|id| meetings.iter().find(|m| m.id == id))
        .filter(|m| is_review_meeting(m, group_id, year, month_no, meetings));
    named
        .or_else(|| first_of_month(meetings, group_id, (year, month_no)))
        .or_else(|| first_of_month(meetings, group_id, next_month(year, month_no)))
}

/// The months a held 党小组会 may review, latest first: its own month, and
/// the month before when it is the group's first meeting of its month.
pub fn months_reviewable_at(meeting: &Meeting, meetings: &[Meeting]) -> Vec<(i32, u32)> {
    let (Some(group_id), Some(date)) = (meeting.group_id.as_deref(), meeting.date) else {
        return Vec::new();
    };
    if !is_held_group_meeting(meeting, group_id) {
        return Vec::new();
    }
    let (year, month) = month_of(date);
    let mut out = vec![(year, month)];
    let before = if month == 1 {
        (year - 1, 12)
    } else {
        (year, month - 1)
    };
    if is_review_meeting(meeting, group_id, before.0, before.1, meetings) {
        out.push(before);
    }
    out
}

/// The month's status: 已回顾 only when the review is written and names a
/// held 党小组会 of the group that may review it.
pub fn status(month: Option<&GroupMonth>, meetings: &[Meeting]) -> GroupMonthStatus {
    let Some(m) = month else {
        return GroupMonthStatus::NotSet;
    };
    let reviewed_at_meeting = m.review.is_written()
        && m.review.meeting_id.as_deref().is_some_and(|id| {
            meetings.iter().any(|mt| {
                mt.id == id && is_review_meeting(mt, &m.group_id, m.year, m.month, meetings)
            })
        });
    let set = m.items.iter().any(|i| !i.text.trim().is_empty());
    match (set, reviewed_at_meeting) {
        (_, true) => GroupMonthStatus::Reviewed,
        (true, false) => GroupMonthStatus::Set,
        (false, false) => GroupMonthStatus::NotSet,
    }
}

impl Kind for GroupMonth {
    fn title(&self, doc: &crate::domain::Document) -> String {
        format!(
            "{} {}年{}月重点工作",
            doc.branch.group_name(&self.group_id).unwrap_or("党小组"),
            self.year,
            self.month
        )
    }

    fn filed_year(&self) -> Option<i32> {
        Some(self.year)
    }

    const NOUN: &'static str = "党小组月度重点工作";
    const COUNTER: &'static str = "份";
    const SKIPPABLE: bool = true;

    fn check(list: &[Self], known: &Known, checks: &mut Checks) {
        let mut ids = std::collections::HashSet::new();
        for (i, month) in list.iter().enumerate() {
            let mut c = checks.item(i);
            c.unique_id(&mut ids, &month.id, "月度重点工作");
            c.group("group_id", &month.group_id, known);
            if !(1..=12).contains(&month.month) {
                c.problem("month", format!("月份“{}”不对", month.month));
            }
            c.count("items", month.items.len(), limits::FUSION_ITEMS, "重点工作");
            for text in [
                &month.review.done,
                &month.review.gaps,
                &month.review.fixes,
                &month.review.next,
            ] {
                c.length("review", text, limits::TEXT);
            }
        }
    }

    /// Members see this year's and last year's months; a return carries the months the
    /// 党小组长 wrote on the phone (the month's 重点工作 and its 回顾).
    fn pack(&self, packing: &Packing, written_here: bool) -> Option<Self> {
        let members_keep_it = self.year >= packing.since_year;
        packing
            .carries_shared(members_keep_it, written_here)
            .then(|| self.clone())
    }

    /// A group's month names its work, not its members: its deletion goes
    /// where the month does.
    fn pack_deletion(packing: &Packing, written_here: bool) -> bool {
        packing.carries_shared_deletion(written_here)
    }

    fn mentions(&self, _: &str) -> bool {
        false
    }
}

crate::domain::kind::keyed_by_id!(GroupMonth);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules::fixtures::{day, held};

    fn group_meeting(id: &str, group: &str, on: NaiveDate, state: MeetingState) -> Meeting {
        let mut m = held(id, MeetingKind::GroupMeeting, on);
        m.group_id = Some(group.into());
        m.state = state;
        m
    }

    fn month_with_work() -> GroupMonth {
        let mut m = GroupMonth::new("g1", 2026, 3);
        m.items.push(GroupWorkItem {
            id: "i1".into(),
            text: "完成一季度客户回访".into(),
            task_id: None,
        });
        m
    }

    #[test]
    fn a_month_is_set_once_it_has_key_work_and_reviewed_only_at_that_months_group_meeting() {
        let held = group_meeting("gm", "g1", day(2026, 3, 20), MeetingState::Held);
        assert_eq!(status(None, &[]), GroupMonthStatus::NotSet);
        let mut m = month_with_work();
        assert_eq!(
            status(Some(&m), std::slice::from_ref(&held)),
            GroupMonthStatus::Set
        );
        m.review.done = "回访 120 户".into();
        assert_eq!(
            status(Some(&m), std::slice::from_ref(&held)),
            GroupMonthStatus::Set,
            "a review that names no meeting does not count"
        );
        m.review.meeting_id = Some("gm".into());
        assert_eq!(status(Some(&m), &[held]), GroupMonthStatus::Reviewed);
    }

    #[test]
    fn a_review_at_a_later_or_earlier_month_another_group_or_a_planned_meeting_does_not_count() {
        let mut m = month_with_work();
        m.review.done = "回访 120 户".into();
        m.review.meeting_id = Some("x".into());
        for other in [
            group_meeting("x", "g1", day(2026, 5, 6), MeetingState::Held),
            group_meeting("x", "g1", day(2026, 2, 26), MeetingState::Held),
            group_meeting("x", "g2", day(2026, 3, 20), MeetingState::Held),
            group_meeting("x", "g1", day(2026, 3, 20), MeetingState::Planned),
        ] {
            assert_eq!(status(Some(&m), &[other]), GroupMonthStatus::Set);
        }
    }

    #[test]
    fn an_empty_review_at_the_right_meeting_is_not_a_review() {
        let mut m = month_with_work();
        m.review.meeting_id = Some("gm".into());
        let held = group_meeting("gm", "g1", day(2026, 3, 20), MeetingState::Held);
        assert_eq!(status(Some(&m), &[held]), GroupMonthStatus::Set);
    }

    /// N18: the month may be reviewed at the next month's first 党小组会,
    /// but not at a later one of that month, nor at another group's.
    #[test]
    fn a_month_may_be_reviewed_at_the_next_months_first_group_meeting_only() {
        let mut m = month_with_work();
        m.review.done = "回访 120 户".into();
        let first = group_meeting("first", "g1", day(2026, 4, 3), MeetingState::Held);
        let second = group_meeting("second", "g1", day(2026, 4, 24), MeetingState::Held);
        let other_group = group_meeting("other", "g2", day(2026, 4, 1), MeetingState::Held);
        let meetings = [first, second, other_group];
        m.review.meeting_id = Some("first".into());
        assert_eq!(status(Some(&m), &meetings), GroupMonthStatus::Reviewed);
        m.review.meeting_id = Some("second".into());
        assert_eq!(status(Some(&m), &meetings), GroupMonthStatus::Set);
        m.review.meeting_id = Some("other".into());
        assert_eq!(status(Some(&m), &meetings), GroupMonthStatus::Set);
        // On the last day of March or the first of April, the edges.
        let march_31 = group_meeting("a", "g1", day(2026, 3, 31), MeetingState::Held);
        let april_1 = group_meeting("b", "g1", day(2026, 4, 1), MeetingState::Held);
        let both = [march_31, april_1];
        for id in ["a", "b"] {
            m.review.meeting_id = Some(id.into());
            assert_eq!(status(Some(&m), &both), GroupMonthStatus::Reviewed, "{id}");
        }
    }

    #[test]
    fn a_groups_first_meeting_of_a_month_offers_the_month_before_too() {
        let first = group_meeting("first", "g1", day(2026, 1, 5), MeetingState::Held);
        let second = group_meeting("second", "g1", day(2026, 1, 22), MeetingState::Held);
        let meetings = [first.clone(), second.clone()];
        assert_eq!(
            months_reviewable_at(&first, &meetings),
            [(2026, 1), (2025, 12)]
        );
        assert_eq!(months_reviewable_at(&second, &meetings), [(2026, 1)]);
        let month = GroupMonth::new("g1", 2025, 12);
        assert_eq!(
            review_meeting(Some(&month), "g1", 2025, 12, &meetings).map(|m| m.id.as_str()),
            Some("first")
        );
    }
}
