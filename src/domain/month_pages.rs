//! Long lists a page at a time: items newest first, grouped by month, cut
//! into pages of whole months of about `PAGE_SIZE` items. A small branch
//! sees everything on one page; ten years of a branch (600 meetings) are
//! thirty pages, of which a screen shows one.

use chrono::{Datelike, NaiveDate};

use super::time::format_chinese_month;

/// A page holds whole months until it has at least this many items.
pub const PAGE_SIZE: usize = 20;

/// A month of a list; items with no date yet come last, on their own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Month {
    Dated { year: i32, month: u32 },
    Undated,
}

impl Month {
    fn of(date: Option<NaiveDate>) -> Month {
        date.map_or(Month::Undated, |d| Month::Dated {
            year: d.year(),
            month: d.month(),
        })
    }

    /// "2026年11月", or "日期未定".
    pub fn label(&self) -> String {
        match *self {
            Month::Dated { year, month } => NaiveDate::from_ymd_opt(year, month, 1)
                .map(format_chinese_month)
                .unwrap_or_default(),
            Month::Undated => "日期未定".into(),
        }
    }
}

/// One month of a page and its items, newest first.
#[derive(Debug, PartialEq)]
pub struct MonthGroup<'a, T> {
    pub month: Month,
    pub items: Vec<&'a T>,
}

/// One page of a list.
#[derive(Debug, PartialEq)]
pub struct ListPage<'a, T> {
    pub months: Vec<MonthGroup<'a, T>>,
    /// This page's number, from 1 (the newest); a number past the end is
    /// the last page.
    pub page: usize,
    /// How many pages there are (1 when the list is empty).
    pub pages: usize,
    /// Items on all the pages together.
    pub total: usize,
}

/// Page `page` (from 1) of `items`, each dated by `date`.
pub fn month_page<'a, T>(
    items: impl IntoIterator<Item = &'a T>,
    date: impl Fn(&T) -> Option<NaiveDate>,
    page: usize,
) -> ListPage<'a, T> {
    let mut items: Vec<&T> = items.into_iter().collect();
    let total = items.len();
    // Newest first; undated last (`Reverse(None)` sorts after every date).
    items.sort_by_key(|item| std::cmp::Reverse(date(item)));
    let mut months: Vec<MonthGroup<T>> = Vec::new();
    for item in items {
        let month = Month::of(date(item));
        match months.last_mut() {
            Some(group) if group.month == month => group.items.push(item),
            _ => months.push(MonthGroup {
                month,
                items: vec![item],
            }),
        }
    }
    let mut pages: Vec<Vec<MonthGroup<T>>> = vec![Vec::new()];
    let mut on_page = 0;
    for group in months {
        if on_page >= PAGE_SIZE {
            pages.push(Vec::new());
            on_page = 0;
        }
        on_page += group.items.len();
        if let Some(last) = pages.last_mut() {
            last.push(group);
        }
    }
    let count = pages.len();
    let page = page.clamp(1, count);
    ListPage {
        months: pages.swap_remove(page - 1),
        page,
        pages: count,
        total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meeting::{Meeting, MeetingKind, MeetingState};
    use crate::domain::rules::fixtures::day;
    use crate::domain::rules::recording::{plan_meeting, MeetingFilter, Plan};

    fn meeting(id: &str, date: Option<NaiveDate>, kind: MeetingKind) -> Meeting {
        let plan = Plan {
            group_id: None,
            date,
            time: None,
            place: String::new(),
            theme: format!("主题{id}"),
        };
        plan_meeting(id, kind, plan, &[])
    }

    /// Five meetings a month for ten years, as the bench's branch holds.
    fn ten_years() -> Vec<Meeting> {
        let mut out = Vec::new();
        for year in 2017..=2026 {
            for month in 1..=12 {
                for k in 0..5 {
                    let id = format!("y{year}m{month}k{k}");
                    out.push(meeting(
                        &id,
                        Some(day(year, month, 5 + k)),
                        MeetingKind::GroupMeeting,
                    ));
                }
            }
        }
        out
    }

    fn list_page<'a>(
        meetings: &'a [Meeting],
        filter: &MeetingFilter,
        page: usize,
    ) -> ListPage<'a, Meeting> {
        month_page(
            meetings.iter().filter(|m| filter.admits(m)),
            Meeting::effective_date,
            page,
        )
    }

    #[test]
    fn a_small_branch_sees_every_meeting_on_one_page_newest_month_first() {
        let meetings = vec![
            meeting("a", Some(day(2026, 9, 3)), MeetingKind::GroupMeeting),
            meeting("b", Some(day(2026, 11, 20)), MeetingKind::ThemeDay),
            meeting("c", None, MeetingKind::GroupMeeting),
            meeting("d", Some(day(2026, 11, 2)), MeetingKind::CommitteeMeeting),
        ];
        let page = list_page(&meetings, &MeetingFilter::default(), 1);
        assert_eq!((page.page, page.pages, page.total), (1, 1, 4));
        let shown: Vec<(String, Vec<&str>)> = page
            .months
            .iter()
            .map(|g| {
                (
                    g.month.label(),
                    g.items.iter().map(|m| m.id.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            shown,
            vec![
                ("2026年11月".to_string(), vec!["b", "d"]),
                ("2026年9月".to_string(), vec!["a"]),
                ("日期未定".to_string(), vec!["c"]),
            ]
        );
    }

    #[test]
    fn ten_years_are_pages_of_whole_months_and_each_meeting_is_on_one() {
        let meetings = ten_years();
        let first = list_page(&meetings, &MeetingFilter::default(), 1);
        assert_eq!((first.pages, first.total), (30, 600));
        assert_eq!(first.months[0].month.label(), "2026年12月");
        let mut seen = 0;
        for n in 1..=first.pages {
            let page = list_page(&meetings, &MeetingFilter::default(), n);
            let count: usize = page.months.iter().map(|g| g.items.len()).sum();
            assert!(count <= PAGE_SIZE + 5, "page {n} holds {count}");
            assert!(
                page.months.iter().all(|g| g.items.len() == 5),
                "whole months"
            );
            seen += count;
        }
        assert_eq!(seen, 600);
        let last = list_page(&meetings, &MeetingFilter::default(), 99);
        assert_eq!(last.page, 30, "a page past the end is the last");
        assert_eq!(last.months.last().unwrap().month.label(), "2017年1月");
    }

    #[test]
    fn filters_narrow_the_pages_and_the_count() {
        let mut meetings = ten_years();
        meetings[3].theme = "学习贯彻二十届四中全会精神".into();
        meetings[3].state = MeetingState::Held;
        let found = list_page(
            &meetings,
            &MeetingFilter {
                query: "四中全会".into(),
                ..MeetingFilter::default()
            },
            1,
        );
        assert_eq!((found.pages, found.total), (1, 1));
        assert_eq!(found.months[0].month.label(), "2017年1月");
        let held = MeetingFilter {
            state: Some(MeetingState::Held),
            ..MeetingFilter::default()
        };
        assert_eq!(list_page(&meetings, &held, 1).total, 1);
        let kind = MeetingFilter {
            kind: MeetingKind::ThemeDay.label().into(),
            ..MeetingFilter::default()
        };
        let none = list_page(&meetings, &kind, 1);
        assert_eq!((none.pages, none.total, none.months.len()), (1, 0, 0));
    }
}
