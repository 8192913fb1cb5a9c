//! Start-up reads first what home can show, and the rest after the first
//! screen. Each record that home cannot show in a later year is filed under
//! its year (`Kind::filed_year`: a finished meeting under the year it was
//! held, a self-assessment under its year); open work and undated kinds are
//! filed under none. Records filed before last year wait for the second
//! read; every other record, and any the index does not name, is read
//! first. The index is stored beside the records and written after each
//! start from what was read (`changes`), so a record written meanwhile is
//! at worst read first once more; nothing else relies on it.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

/// The first year whose records start-up reads before the first screen:
/// this year's, and until the end of February last year's too, when home
/// still looks back at it (the 民主评议 and self-assessment of the year
/// before, as `ui::job::my_work` shows them).
pub fn first_year_read_first(today: NaiveDate) -> i32 {
    if today.month() <= 2 {
        today.year() - 1
    } else {
        today.year()
    }
}

/// Whether start-up reads a record filed under `filed` before the first
/// screen, when it reads first the years from `since`.
pub fn is_read_first(filed: Option<i32>, since: i32) -> bool {
    filed.is_none_or(|year| year >= since)
}

/// Of the stored names, those start-up reads first.
pub fn names_read_first<'a>(
    names: impl IntoIterator<Item = &'a str>,
    filed: &BTreeMap<String, i32>,
    since: i32,
) -> Vec<&'a str> {
    names
        .into_iter()
        .filter(|name| is_read_first(filed.get(*name).copied(), since))
        .collect()
}

/// The stretches of `names` (in the store's order) that are all read
/// first, as index ranges `[from, to]`: each is read in one request.
pub fn runs_read_first(names: &[&str], read_first: impl Fn(&str) -> bool) -> Vec<(usize, usize)> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (i, name) in names.iter().enumerate() {
        if !read_first(name) {
            continue;
        }
        match runs.last_mut() {
            Some((_, to)) if *to + 1 == i => *to = i,
            _ => runs.push((i, i)),
        }
    }
    runs
}

/// Whether two reads are worth it: only when at least half the records
/// can wait. Otherwise everything is read at once, as reading most of it
/// twice would cost more than the first screen gains.
pub fn worth_two_reads(read_first: usize, stored: usize) -> bool {
    read_first * 2 <= stored
}

/// What to write to turn the stored index `stored` into `expected`: each
/// name with the year to file it under, or `None` to take it out.
pub fn changes(
    expected: &BTreeMap<String, i32>,
    stored: &BTreeMap<String, i32>,
) -> Vec<(String, Option<i32>)> {
    let filed = expected
        .iter()
        .filter(|(name, year)| stored.get(*name) != Some(year))
        .map(|(name, year)| (name.clone(), Some(*year)));
    let gone = stored
        .keys()
        .filter(|name| !expected.contains_key(*name))
        .map(|name| (name.clone(), None));
    filed.chain(gone).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::document::filed_years;
    use crate::domain::kind::Kind;
    use crate::domain::meeting::{MakeUp, MeetingKind, Presence, Vote};
    use crate::domain::rules::fixtures::{self, held, mark, planned};
    use crate::domain::Document;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("a date")
    }

    #[test]
    fn start_up_reads_first_last_year_until_the_end_of_february() {
        assert_eq!(first_year_read_first(day("2026-01-01")), 2025);
        assert_eq!(first_year_read_first(day("2026-02-28")), 2025);
        assert_eq!(first_year_read_first(day("2026-03-01")), 2026);
        assert_eq!(first_year_read_first(day("2026-12-31")), 2026);
        assert_eq!(first_year_read_first(day("2027-01-01")), 2026);
        // A leap year's last day of February still looks back.
        assert_eq!(first_year_read_first(day("2028-02-29")), 2027);
    }

    #[test]
    fn what_is_read_first_is_read_in_stretches_of_the_stores_order() {
        let names = [
            "branch",
            "meeting/a",
            "meeting/b",
            "meeting/c",
            "meeting/d",
            "roster",
        ];
        let waits = |name: &str| name == "meeting/b" || name == "meeting/c";
        assert_eq!(runs_read_first(&names, |n| !waits(n)), [(0, 1), (4, 5)]);
        assert_eq!(runs_read_first(&names, |_| true), [(0, 5)]);
        assert!(runs_read_first(&names, |_| false).is_empty());
    }

    #[test]
    fn a_record_waits_only_when_filed_before_the_first_year_read() {
        assert!(is_read_first(None, 2025), "open work is read first");
        assert!(is_read_first(Some(2026), 2025));
        assert!(
            is_read_first(Some(2025), 2025),
            "the first year is read first"
        );
        assert!(!is_read_first(Some(2024), 2025), "the year before waits");
    }

    #[test]
    fn names_the_index_does_not_know_are_read_first() {
        let filed = BTreeMap::from([
            ("meeting/old".to_string(), 2019),
            ("meeting/recent".to_string(), 2026),
        ]);
        let names = ["branch", "meeting/new", "meeting/old", "meeting/recent"];
        assert_eq!(
            names_read_first(names, &filed, 2025),
            ["branch", "meeting/new", "meeting/recent"]
        );
    }

    #[test]
    fn home_is_read_first_only_when_half_the_records_can_wait() {
        assert!(worth_two_reads(100, 903), "ten years");
        assert!(worth_two_reads(50, 100));
        assert!(!worth_two_reads(51, 100), "reading most of it twice");
        assert!(!worth_two_reads(1, 1));
    }

    #[test]
    fn the_index_is_written_only_where_it_differs() {
        let stored = BTreeMap::from([
            ("meeting/a".to_string(), 2019),
            ("meeting/b".to_string(), 2020),
            ("meeting/gone".to_string(), 2018),
        ]);
        let expected = BTreeMap::from([
            ("meeting/a".to_string(), 2019),
            ("meeting/b".to_string(), 2021),
            ("meeting/new".to_string(), 2022),
        ]);
        assert_eq!(
            changes(&expected, &stored),
            [
                ("meeting/b".to_string(), Some(2021)),
                ("meeting/new".to_string(), Some(2022)),
                ("meeting/gone".to_string(), None),
            ]
        );
        assert!(changes(&expected, &expected).is_empty());
    }

    #[test]
    fn a_finished_meeting_is_filed_under_the_year_it_was_held() {
        let mut meeting = held("m1", MeetingKind::GroupMeeting, fixtures::day(2019, 12, 31));
        mark(&mut meeting, "a", Presence::Present);
        assert_eq!(meeting.filed_year(), Some(2019));
    }

    #[test]
    fn a_planned_meeting_is_read_first_in_any_year() {
        let meeting = planned("m1", MeetingKind::GroupMeeting, fixtures::day(2019, 3, 1));
        assert_eq!(meeting.filed_year(), None);
    }

    #[test]
    fn a_meeting_with_a_makeup_owed_is_read_first_until_it_is_made_up() {
        let mut meeting = held("m1", MeetingKind::GroupMeeting, fixtures::day(2019, 3, 1));
        mark(&mut meeting, "a", Presence::Leave);
        assert_eq!(meeting.filed_year(), None, "home counts the 补学 owed");
        meeting.attendance[0].makeup = Some(MakeUp {
            done_on: fixtures::day(2019, 3, 5),
            way: None,
            note: String::new(),
        });
        assert_eq!(meeting.filed_year(), Some(2019));
    }

    #[test]
    fn absence_from_a_meeting_that_owes_no_makeup_does_not_keep_it_open() {
        // Those away from a 支委会 are told of it; they owe no 补学.
        let mut meeting = held(
            "m1",
            MeetingKind::CommitteeMeeting,
            fixtures::day(2019, 3, 1),
        );
        mark(&mut meeting, "a", Presence::Absent);
        assert_eq!(meeting.filed_year(), Some(2019));
    }

    #[test]
    fn a_meeting_with_a_vote_is_read_first() {
        let mut meeting = held("m1", MeetingKind::BranchAssembly, fixtures::day(2019, 3, 1));
        let vote: Vote = serde_json::from_value(serde_json::json!({
            "id": "v1", "motion": "转正", "in_favour": 20, "against": 0, "abstain": 0
        }))
        .expect("a vote");
        meeting.votes.push(vote);
        assert_eq!(meeting.filed_year(), None, "home's 转正 reminders read it");
    }

    #[test]
    fn every_dated_record_is_filed_and_the_roster_never_is() {
        let mut doc = Document {
            members: vec![fixtures::full("a")],
            ..Document::default()
        };
        doc.meetings = vec![
            held("old", MeetingKind::GroupMeeting, fixtures::day(2019, 5, 1)),
            planned(
                "next",
                MeetingKind::GroupMeeting,
                fixtures::day(2026, 12, 20),
            ),
        ];
        let years = filed_years(&doc);
        assert_eq!(years, BTreeMap::from([("meeting/old".to_string(), 2019)]));
    }
}
