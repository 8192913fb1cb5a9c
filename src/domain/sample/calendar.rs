//! When the example's year happened, worked out from today so it holds on
//! any day: twelve months ending last month, each meeting on a workday
//! (Monday to Friday, not a 法定节假日: `crate::domain::workdays`), in the
//! order a branch holds them (the 支委会 first, then study, the 主题党日 on
//! the 15th or the next workday, the 党小组会, the 党员大会), and the days
//! people were admitted, transferred out or reviewed.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use crate::domain::time::quarter_of;
use crate::domain::workdays::is_workday;

/// What is held on a slot of the calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// 支委会.
    Committee,
    /// 党员每月一讲, a study record rather than a meeting.
    MonthlyTalk,
    /// 党课 (quarterly).
    Lecture,
    /// 组织生活会暨民主评议党员, held as a 党员大会.
    Life,
    /// 主题党日.
    ThemeDay,
    /// 主题党日暨支部党员大会: the quarter's 党员大会 held on its 主题党日.
    ThemeAssembly,
    /// 党小组会 of the group with this index (0, 1, 2).
    Group(usize),
    /// The quarter's 支部党员大会.
    Assembly,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slot {
    pub id: String,
    pub event: Event,
    pub date: NaiveDate,
    /// Index into `ExampleYear::months`.
    pub month: usize,
}

/// The 党小组 whose meeting of one month was put off to the first days of
/// the next (组长外出培训): the example's honest gap in the compliance view.
pub const LATE_GROUP: usize = 2;
/// Which month (index into `months`) that was.
pub const LATE_MONTH: usize = 6;

#[derive(Clone, Debug)]
pub struct ExampleYear {
    pub today: NaiveDate,
    /// The first day of today's month.
    pub this_month: NaiveDate,
    /// The first days of the twelve months, oldest first; the last is last
    /// month.
    pub months: Vec<NaiveDate>,
    pub slots: Vec<Slot>,
    /// The year whose 组织生活会暨民主评议 the example shows, held in January
    /// of the year after.
    pub review_year: i32,
    /// 郑凯's 入党 (the 支部大会 that admitted him, a year and a little
    /// more before last month's 党员大会 discussed his 转正).
    pub zheng_admitted: NaiveDate,
    /// The 党员大会 that admitted 谢欣怡 and 韩冬, about seven months ago.
    pub intake: NaiveDate,
    /// 宋佳's transfer to another branch, two months ago.
    pub song_left: NaiveDate,
}

/// A day a meeting may fall on: a workday from Monday to Friday (a
/// weekend day worked in exchange for a holiday is a workday, but nobody
/// plans a meeting on one).
pub fn is_meeting_day(date: NaiveDate) -> bool {
    is_workday(date) && !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The first meeting day on or after `date`.
pub fn meeting_day_from(date: NaiveDate) -> NaiveDate {
    date.iter_days()
        .take(40)
        .find(|d| is_meeting_day(*d))
        .unwrap_or(date)
}

/// The last meeting day on or before `date`.
pub fn meeting_day_until(date: NaiveDate) -> NaiveDate {
    let mut day = date;
    for _ in 0..40 {
        if is_meeting_day(day) {
            return day;
        }
        match day.pred_opt() {
            Some(d) => day = d,
            None => break,
        }
    }
    date
}

/// The `n`th meeting day before `date` (1 is the one just before).
pub fn meeting_days_before(date: NaiveDate, n: usize) -> NaiveDate {
    let mut day = date;
    for _ in 0..n {
        day = meeting_day_until(day.pred_opt().unwrap_or(day));
    }
    day
}

fn last_day_of(month: NaiveDate) -> NaiveDate {
    month
        .checked_add_months(Months::new(1))
        .and_then(|d| d.pred_opt())
        .unwrap_or(month)
}

/// The meeting day in `month` on or after its `day`th and `not_before`;
/// a month whose remaining days are all off takes its last meeting day.
fn day_in(month: NaiveDate, day: u32, not_before: NaiveDate) -> NaiveDate {
    let last = last_day_of(month);
    let wanted = month.with_day(day.min(last.day())).unwrap_or(month);
    let found = meeting_day_from(wanted.max(not_before));
    if found <= last {
        found
    } else {
        meeting_day_until(last).max(not_before)
    }
}

impl ExampleYear {
    pub fn new(today: NaiveDate) -> ExampleYear {
        let this_month = today.with_day(1).unwrap_or(today);
        let months: Vec<NaiveDate> = (1..=12)
            .rev()
            .map(|n| {
                this_month
                    .checked_sub_months(Months::new(n))
                    .unwrap_or(this_month)
            })
            .collect();
        let review_year = if today.month() == 1 {
            today.year() - 2
        } else {
            today.year() - 1
        };
        let slots = schedule(&months, review_year);
        let last = months.len() - 1;
        let find = |event: Event, month: usize| {
            slots
                .iter()
                .find(|s| s.event == event && s.month == month)
                .map(|s| s.date)
        };
        // 期满 a week before last month's 支委会 took up his 转正.
        let committee = find(Event::Committee, last).unwrap_or(today);
        let zheng_admitted = meeting_day_until(
            committee
                .checked_sub_months(Months::new(12))
                .and_then(|d| d.checked_sub_days(Days::new(7)))
                .unwrap_or(committee),
        );
        let seven_months_ago = today.checked_sub_months(Months::new(7)).unwrap_or(today);
        let intake = slots
            .iter()
            .filter(|s| s.event == Event::Assembly && s.month != last)
            .min_by_key(|s| (s.date - seven_months_ago).num_days().abs())
            .map_or(seven_months_ago, |s| s.date);
        let song_left = meeting_day_from(
            months[10]
                .checked_add_days(Days::new(11))
                .unwrap_or(months[10]),
        );
        ExampleYear {
            today,
            this_month,
            months,
            slots,
            review_year,
            zheng_admitted,
            intake,
            song_left,
        }
    }

    pub fn last_month(&self) -> usize {
        self.months.len() - 1
    }

    /// The slot of `event` in month `month`, if one was held.
    pub fn slot(&self, event: Event, month: usize) -> Option<&Slot> {
        self.slots
            .iter()
            .find(|s| s.event == event && s.month == month)
    }

    /// The day of the 组织生活会暨民主评议.
    pub fn life_day(&self) -> NaiveDate {
        self.slots
            .iter()
            .find(|s| s.event == Event::Life)
            .map_or(self.today, |s| s.date)
    }

    /// The day the 民主评议 result was told to each member.
    pub fn feedback_day(&self) -> NaiveDate {
        meeting_day_from(
            self.life_day()
                .checked_add_days(Days::new(5))
                .unwrap_or(self.today),
        )
    }

    /// The month index of `date`, if it is in the twelve months.
    pub fn month_of(&self, date: NaiveDate) -> Option<usize> {
        self.months
            .iter()
            .position(|m| m.year() == date.year() && m.month() == date.month())
    }

    /// The year whose key-task list the example shows: this year's, which
    /// a January sees deployed at December's 支委会.
    pub fn plan_year(&self) -> i32 {
        self.today.year()
    }

    /// The month whose 支委会 deployed this year's key-task list: January,
    /// or while January runs, the December before.
    pub fn deploying_month(&self) -> Option<usize> {
        let plan = self.plan_year();
        NaiveDate::from_ymd_opt(plan, 1, 1)
            .and_then(|d| self.month_of(d))
            .or_else(|| NaiveDate::from_ymd_opt(plan - 1, 12, 1).and_then(|d| self.month_of(d)))
    }

    /// The year whose 承诺 the example shows: made at that year's January
    /// 主题党日, so in January still last year's.
    pub fn pledge_year(&self) -> i32 {
        if self.today.month() == 1 {
            self.today.year() - 1
        } else {
            self.today.year()
        }
    }

    /// The day of this month's 主题党日, still to be held: the 15th or the
    /// next meeting day, and never before today.
    pub fn planned_theme_day(&self) -> NaiveDate {
        let fifteenth = self.this_month.with_day(15).unwrap_or(self.this_month);
        meeting_day_from(fifteenth.max(self.today))
    }
}

fn code(event: Event) -> String {
    match event {
        Event::Committee => "zw".into(),
        Event::MonthlyTalk => "yj".into(),
        Event::Lecture => "dk".into(),
        Event::Life => "sh".into(),
        Event::ThemeDay => "zt".into(),
        Event::ThemeAssembly => "ztdh".into(),
        Event::Group(g) => format!("g{}", g + 1),
        Event::Assembly => "dh".into(),
    }
}

/// The ids the rest of the app (and its tests) know the example by: last
/// month's 党员大会, 支委会 and 党小组会, and the 组织生活会.
fn slot_id(event: Event, month: usize, first: NaiveDate, last: usize) -> String {
    match (event, month == last) {
        (Event::Assembly, true) => "mt-ex-1".into(),
        (Event::Committee, true) => "mt-ex-2".into(),
        (Event::Group(g), true) => format!("mt-ex-g{}", g + 1),
        (Event::Life, _) => "mt-ex-4".into(),
        _ => format!("mt-ex-{}{:02}-{}", first.year(), first.month(), code(event)),
    }
}

fn schedule(months: &[NaiveDate], review_year: i32) -> Vec<Slot> {
    let last = months.len() - 1;
    // Each quarter's 党课 in its first month here, its 党员大会 in its
    // last: every quarter of the twelve months has both.
    let quarter = |m: &NaiveDate| (m.year(), quarter_of(m.month()));
    let first_of_quarter = |i: usize| i == 0 || quarter(&months[i - 1]) != quarter(&months[i]);
    let last_of_quarter = |i: usize| i == last || quarter(&months[i + 1]) != quarter(&months[i]);
    // One quarter's 党员大会 is held on its 主题党日: a whole quarter before
    // last month's, June's by preference (七一).
    let whole = |i: usize| {
        last_of_quarter(i) && i != last && i >= 2 && quarter(&months[i - 2]) == quarter(&months[i])
    };
    let theme_assembly = (0..months.len())
        .filter(|i| whole(*i))
        .find(|i| months[*i].month() == 6)
        .or_else(|| (0..months.len()).find(|i| whole(*i)));

    let mut slots = Vec::new();
    for (i, first) in months.iter().enumerate() {
        let life = first.month() == 1 && first.year() == review_year + 1;
        // (event, preferred day, put off from the month before)
        let mut plan: Vec<(Event, u32, bool)> = Vec::new();
        if i == LATE_MONTH + 1 {
            plan.push((Event::Group(LATE_GROUP), 2, true));
        }
        plan.push((Event::Committee, 4, false));
        plan.push((Event::MonthlyTalk, 9, false));
        if first_of_quarter(i) {
            plan.push((Event::Lecture, 11, false));
        }
        if life {
            plan.push((Event::Life, 13, false));
        }
        if Some(i) == theme_assembly {
            plan.push((Event::ThemeAssembly, 15, false));
        } else {
            plan.push((Event::ThemeDay, 15, false));
        }
        for g in 0..3 {
            if !(g == LATE_GROUP && i == LATE_MONTH) {
                plan.push((Event::Group(g), 20 + g as u32, false));
            }
        }
        if last_of_quarter(i) && Some(i) != theme_assembly {
            plan.push((Event::Assembly, 24, false));
        }
        // Each on a day of its own, after the one before; the three 党小组
        // may meet on the same day, each in its own room.
        let mut previous: Option<(Event, NaiveDate)> = None;
        for (event, day, late) in plan {
            let not_before = match previous {
                None => *first,
                Some((Event::Group(_), date)) if matches!(event, Event::Group(_)) => date,
                Some((_, date)) => date.succ_opt().unwrap_or(date),
            };
            let date = day_in(*first, day, not_before);
            previous = Some((event, date));
            let id = if late {
                format!(
                    "mt-ex-{}{:02}-g{}-late",
                    first.year(),
                    first.month(),
                    LATE_GROUP + 1
                )
            } else {
                slot_id(event, i, *first, last)
            };
            slots.push(Slot {
                id,
                event,
                date,
                month: i,
            });
        }
    }
    slots
}
