//! 工作日: Monday to Friday, except the 法定节假日, plus the weekend days
//! worked in exchange (调休上班). The State Council publishes each year's
//! days every November (《国务院办公厅关于20XX年部分节假日安排的通知》);
//! they are data, kept in `YEARS` below, not a rule the code could work out.
//!
//! Covered: 2025 and 2026. Outside these years only weekends are known to
//! be days off: a weekday inside a holiday not yet in the table counts as a
//! workday. Add a year's row when its notice is out.

use chrono::{Datelike, NaiveDate, Weekday};

/// A (month, day) of the year.
type MonthDay = (u32, u32);

/// One year's notice: the days off (inclusive ranges) and the weekend days
/// worked instead.
struct HolidayYear {
    year: i32,
    /// From one day to another, both included.
    off: &'static [(MonthDay, MonthDay)],
    /// A Saturday or Sunday that is a workday.
    worked: &'static [MonthDay],
}

const YEARS: [HolidayYear; 2] = [
    // 国办发明电〔2024〕12号, 2024-11-12, as 新华社 published it
    // (https://m.gmw.cn/2024-11/12/content_1303894933.htm).
    HolidayYear {
        year: 2025,
        off: &[
            ((1, 1), (1, 1)),   // 元旦
            ((1, 28), (2, 4)),  // 春节
            ((4, 4), (4, 6)),   // 清明节
            ((5, 1), (5, 5)),   // 劳动节
            ((5, 31), (6, 2)),  // 端午节
            ((10, 1), (10, 8)), // 国庆节、中秋节
        ],
        worked: &[(1, 26), (2, 8), (4, 27), (9, 28), (10, 11)],
    },
    // 《国务院办公厅关于2026年部分节假日安排的通知》, 2025-11-04, as 新华社
    // published it (https://politics.gmw.cn/2025-11/04/content_38391083.htm).
    HolidayYear {
        year: 2026,
        off: &[
            ((1, 1), (1, 3)),   // 元旦
            ((2, 15), (2, 23)), // 春节
            ((4, 4), (4, 6)),   // 清明节
            ((5, 1), (5, 5)),   // 劳动节
            ((6, 19), (6, 21)), // 端午节
            ((9, 25), (9, 27)), // 中秋节
            ((10, 1), (10, 7)), // 国庆节
        ],
        worked: &[(1, 4), (2, 14), (2, 28), (5, 9), (9, 20), (10, 10)],
    },
];

/// The years whose holidays are known.
pub fn covered_years() -> impl Iterator<Item = i32> {
    YEARS.iter().map(|y| y.year)
}

/// Whether `date` is a workday: a weekday that is no 法定节假日, or a
/// weekend day worked in exchange. Outside the covered years, any weekday.
pub fn is_workday(date: NaiveDate) -> bool {
    let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
    let Some(year) = YEARS.iter().find(|y| y.year == date.year()) else {
        return !weekend;
    };
    let md = (date.month(), date.day());
    if year.worked.contains(&md) {
        return true;
    }
    let holiday = year.off.iter().any(|(from, to)| *from <= md && md <= *to);
    !weekend && !holiday
}

/// The first workday on or after `date`.
pub fn on_or_after(date: NaiveDate) -> NaiveDate {
    date.iter_days()
        .take(40)
        .find(|d| is_workday(*d))
        .unwrap_or(date)
}

/// The last workday on or before `date`.
pub fn on_or_before(date: NaiveDate) -> NaiveDate {
    let mut day = date;
    for _ in 0..40 {
        if is_workday(day) {
            return day;
        }
        match day.pred_opt() {
            Some(d) => day = d,
            None => break,
        }
    }
    date
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules::fixtures::day;

    #[test]
    fn weekends_are_days_off_and_weekdays_workdays() {
        assert!(is_workday(day(2026, 3, 11)), "a Wednesday");
        assert!(!is_workday(day(2026, 3, 14)), "a Saturday");
        assert!(!is_workday(day(2026, 3, 15)), "a Sunday");
    }

    #[test]
    fn a_legal_holiday_is_no_workday_from_its_first_day_to_its_last() {
        // 2026 春节: 2月15日至23日.
        assert!(!is_workday(day(2026, 2, 16)), "a Monday in the holiday");
        assert!(!is_workday(day(2026, 2, 23)), "its last day, a Monday");
        assert!(is_workday(day(2026, 2, 24)), "the day after");
        // 2025 国庆节、中秋节: 10月1日至8日.
        assert!(!is_workday(day(2025, 10, 8)));
        assert!(is_workday(day(2025, 10, 9)));
        assert!(is_workday(day(2025, 9, 30)), "the day before");
    }

    #[test]
    fn a_weekend_day_worked_in_exchange_is_a_workday() {
        assert!(is_workday(day(2026, 2, 14)), "Saturday before 春节");
        assert!(is_workday(day(2026, 2, 28)), "Saturday after 春节");
        assert!(is_workday(day(2025, 1, 26)), "Sunday before 春节");
        assert!(is_workday(day(2026, 10, 10)), "Saturday after 国庆");
        assert!(!is_workday(day(2026, 10, 11)), "the Sunday after it");
    }

    #[test]
    fn outside_the_covered_years_only_weekends_are_known() {
        assert_eq!(covered_years().collect::<Vec<_>>(), [2025, 2026]);
        assert!(is_workday(day(2027, 10, 1)), "a Friday, not yet known");
        assert!(!is_workday(day(2027, 10, 2)), "a Saturday");
    }

    #[test]
    fn the_nearest_workday_skips_a_whole_holiday() {
        assert_eq!(on_or_after(day(2026, 10, 1)), day(2026, 10, 8));
        assert_eq!(on_or_after(day(2026, 10, 8)), day(2026, 10, 8));
        assert_eq!(on_or_before(day(2026, 10, 7)), day(2026, 9, 30));
        assert_eq!(on_or_before(day(2026, 2, 22)), day(2026, 2, 14));
    }

    #[test]
    fn each_covered_year_has_the_workdays_its_notice_leaves() {
        // 261 weekdays each; 2025: 18 of them off, 5 weekend days worked;
        // 2026: 19 off, 6 worked.
        for (year, expected) in [(2025, 248), (2026, 248)] {
            let n = day(year, 1, 1)
                .iter_days()
                .take_while(|d| d.year() == year)
                .filter(|d| is_workday(*d))
                .count();
            assert_eq!(n, expected, "{year}");
        }
    }
}
