//! 连续无故不参加组织生活: a private reminder for the secretary. The
//! 《党员教育管理工作条例》 asks the branch to 批评教育 a member who misses
//! 组织生活 without reason (§29) and treats six months in a row as 自行脱党
//! (§31). The app only points out the record; it never ranks members.

use chrono::{Datelike, NaiveDate};

use super::attendance::first_entries;
use crate::domain::meeting::{AbsenceReason, MeetingState, Presence};
use crate::domain::{Document, Member};

/// A member whose every recorded meeting in the latest `months` months with
/// meetings was missed 无故.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AbsenceStreak<'a> {
    pub member: &'a Member,
    /// Months in the run: months with a meeting recorded for the member,
    /// every one missed 无故. Months without one are not counted.
    pub months: u32,
    pub last: NaiveDate,
}

impl AbsenceStreak<'_> {
    pub fn sentence(&self) -> String {
        format!(
            "{}连续 {} 个月无故未参加组织生活（最近一次 {} 年 {} 月）。",
            self.member.name,
            self.months,
            self.last.year(),
            self.last.month()
        )
    }
}

/// How a member's month went, from the meetings held that month.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Month {
    /// Attended, or was away with a reason, at least once.
    Accounted,
    /// Marked 无故 at every meeting recorded that month.
    Unexcused,
}

/// Active members whose latest run of 无故 months is at least `at_least`
/// long. Only months that had a meeting for the member count (§31's
/// "连续6个月不参加党的组织生活" needs 组织生活 to miss): a month without one
/// neither breaks nor lengthens a run; any month they attended (or were
/// excused) ends it.
pub fn absence_streaks(doc: &Document, at_least: u32) -> Vec<AbsenceStreak<'_>> {
    let mut months: std::collections::BTreeMap<(&str, i32, u32), (Month, NaiveDate)> =
        std::collections::BTreeMap::new();
    for meeting in doc
        .meetings
        .iter()
        .filter(|m| m.state == MeetingState::Held)
    {
        let Some(date) = meeting.date else { continue };
        for entry in first_entries(meeting) {
            let unexcused =
                entry.status == Presence::Absent && entry.reason == Some(AbsenceReason::NoReason);
            let this = if unexcused {
                Month::Unexcused
            } else {
                Month::Accounted
            };
            let key = (entry.member_id.as_str(), date.year(), date.month());
            let slot = months.entry(key).or_insert((this, date));
            if this == Month::Accounted {
                slot.0 = Month::Accounted;
            }
            slot.1 = slot.1.max(date);
        }
    }
    doc.members
        .iter()
        .filter(|m| m.is_active())
        .filter_map(|member| {
            let mine = months
                .range((member.id.as_str(), i32::MIN, 0)..=(member.id.as_str(), i32::MAX, 13))
                .rev();
            let mut last = None;
            let mut months = 0u32;
            for (_, &(how, date)) in mine {
                if how == Month::Accounted {
                    break;
                }
                last.get_or_insert(date);
                months += 1;
            }
            let last = last?;
            (months >= at_least).then_some(AbsenceStreak {
                member,
                months,
                last,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meeting::MeetingKind::*;
    use crate::domain::rules::fixtures::*;

    fn month_of(
        doc: &mut Document,
        id: &str,
        on: NaiveDate,
        status: Presence,
        reason: Option<AbsenceReason>,
    ) {
        let mut m = held(id, ThemeDay, on);
        match reason {
            Some(r) => mark_away(&mut m, "a", status, r),
            None => mark(&mut m, "a", status),
        }
        mark(&mut m, "b", Presence::Present);
        doc.meetings.push(m);
    }

    /// A month whose meeting `a` missed 无故.
    fn missed_without_reason(doc: &mut Document, id: &str, on: NaiveDate) {
        month_of(doc, id, on, Presence::Absent, Some(AbsenceReason::NoReason));
    }

    /// `a` missed 无故 the meeting on the 10th of each of `months` of 2026;
    /// the meetings' ids are `prefix` and the month's place in the list.
    fn missed_months_without_reason(doc: &mut Document, prefix: &str, months: &[u32]) {
        for (i, month) in months.iter().enumerate() {
            missed_without_reason(doc, &format!("{prefix}{i}"), day(2026, *month, 10));
        }
    }

    #[test]
    fn months_missed_without_reason_in_a_row_are_pointed_out_to_the_secretary() {
        let mut doc = document(&[], vec![full("a"), full("b")], Vec::new());
        month_of(&mut doc, "m1", day(2026, 1, 10), Presence::Present, None);
        missed_months_without_reason(&mut doc, "x", &[2, 3, 5]);
        let streaks = absence_streaks(&doc, 3);
        assert_eq!(streaks.len(), 1);
        assert_eq!(streaks[0].member.id, "a");
        // February, March and May: April had no meeting and neither breaks
        // nor lengthens the run.
        assert_eq!(streaks[0].months, 3);
        assert!(streaks[0]
            .sentence()
            .ends_with("连续 3 个月无故未参加组织生活（最近一次 2026 年 5 月）。"));
        assert!(absence_streaks(&doc, 4).is_empty());
    }

    #[test]
    fn an_excused_absence_or_attending_once_in_a_month_ends_the_run() {
        let mut doc = document(&[], vec![full("a"), full("b")], Vec::new());
        missed_without_reason(&mut doc, "m1", day(2026, 2, 10));
        month_of(
            &mut doc,
            "m2",
            day(2026, 3, 10),
            Presence::Leave,
            Some(AbsenceReason::Illness),
        );
        missed_without_reason(&mut doc, "m3", day(2026, 4, 10));
        month_of(&mut doc, "m4", day(2026, 4, 20), Presence::Present, None);
        missed_without_reason(&mut doc, "m5", day(2026, 5, 10));
        let streaks = absence_streaks(&doc, 1);
        assert_eq!(streaks.len(), 1);
        assert_eq!(streaks[0].months, 1, "only May counts");
    }

    #[test]
    fn members_who_left_are_not_reminded_of() {
        let mut doc = document(
            &[],
            vec![left(full("a"), Some(day(2026, 6, 1))), full("b")],
            Vec::new(),
        );
        missed_months_without_reason(&mut doc, "x", &[2, 3, 4]);
        assert!(absence_streaks(&doc, 3).is_empty());
    }

    /// N23: 无故 in January and June with no meeting between is two months
    /// of missed 组织生活, not six: the 自行脱党 reminder counts months that
    /// had meetings. Six such months do reach it; five do not.
    #[test]
    fn the_six_month_run_counts_only_months_that_had_meetings() {
        let mut doc = document(&[], vec![full("a"), full("b")], Vec::new());
        missed_months_without_reason(&mut doc, "x", &[1, 6]);
        let streaks = absence_streaks(&doc, 1);
        assert_eq!(streaks[0].months, 2);
        assert!(absence_streaks(&doc, 6).is_empty());

        missed_months_without_reason(&mut doc, "y", &[7, 8, 9]);
        assert!(absence_streaks(&doc, 6).is_empty(), "five months");
        missed_without_reason(&mut doc, "z", day(2026, 11, 10));
        let six = absence_streaks(&doc, 6);
        assert_eq!(six.len(), 1);
        assert_eq!(six[0].months, 6);
    }
}
