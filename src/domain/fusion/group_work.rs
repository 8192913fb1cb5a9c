//! 党小组每月重点工作: each 党小组 sets at least one key task a month and
//! reviews it in that month's 党小组会 (完成情况、差距短板、整改措施、下月打算).
//! One record per group and month.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::kind::{Keyed, Kind, Packing, Scope};
use crate::domain::limits;
use crate::domain::meeting::{MeetingKind, MeetingState};
use crate::domain::validate::{Checks, Known};
use crate::domain::Meeting;
use std::borrow::Cow;

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
    /// 已确定: key work set, not yet reviewed at a 党小组会 of the month.
    Set,
    /// 已回顾: reviewed at the month's held 党小组会.
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

/// Whether `meeting` is a held 党小组会 of `group_id` in the month: the only
/// meeting at which a month's key work counts as reviewed.
pub fn is_review_meeting(meeting: &Meeting, group_id: &str, year: i32, month: u32) -> bool {
    meeting.kind == MeetingKind::GroupMeeting
        && meeting.state == MeetingState::Held
        && meeting.group_id.as_deref() == Some(group_id)
        && meeting
            .date
            .is_some_and(|d: NaiveDate| d.year() == year && d.month() == month)
}

/// The month's status: 已回顾 only when the review is written and names a
/// held 党小组会 of the group dated in that month.
pub fn status(month: Option<&GroupMonth>, meetings: &[Meeting]) -> GroupMonthStatus {
    let Some(m) = month else {
        return GroupMonthStatus::NotSet;
    };
    let reviewed_at_meeting = m.review.is_written()
        && m.review.meeting_id.as_deref().is_some_and(|id| {
            meetings
                .iter()
                .any(|mt| mt.id == id && is_review_meeting(mt, &m.group_id, m.year, m.month))
        });
    let set = m.items.iter().any(|i| !i.text.trim().is_empty());
    match (set, reviewed_at_meeting) {
        (_, true) => GroupMonthStatus::Reviewed,
        (true, false) => GroupMonthStatus::Set,
        (false, false) => GroupMonthStatus::NotSet,
    }
}

impl Kind for GroupMonth {
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

    /// Members see this year's and last year's months.
    fn pack(&self, packing: &Packing, _: bool) -> Option<Self> {
        let travels = match packing.scope {
            Scope::Full => true,
            Scope::Branch => self.year >= packing.since_year,
            Scope::Return => false,
        };
        travels.then(|| self.clone())
    }

    /// A group's month names its work, not its members.
    fn pack_deletion(packing: &Packing, _: bool) -> bool {
        packing.scope != Scope::Return
    }

    fn mentions(&self, _: &str) -> bool {
        false
    }
}

impl Keyed for GroupMonth {
    const KEY_FIELD: &'static str = "id";

    fn key(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.id)
    }
}

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
    fn a_review_at_another_month_another_group_or_a_planned_meeting_does_not_count() {
        let mut m = month_with_work();
        m.review.done = "回访 120 户".into();
        m.review.meeting_id = Some("x".into());
        for other in [
            group_meeting("x", "g1", day(2026, 4, 2), MeetingState::Held),
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
}
