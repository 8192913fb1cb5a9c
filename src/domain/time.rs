//! Dates as the branch sees them: China Standard Time, whatever zone the
//! device is set to.

use chrono::{
    DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone,
    Timelike, Utc,
};

const CST_OFFSET_SECONDS: i32 = 8 * 3600;

pub fn cst() -> FixedOffset {
    FixedOffset::east_opt(CST_OFFSET_SECONDS).unwrap_or_else(|| Utc.fix())
}

/// The instant `millis` after the Unix epoch, in China Standard Time.
pub fn from_unix_millis(millis: f64) -> DateTime<FixedOffset> {
    let utc = DateTime::<Utc>::from_timestamp_millis(millis as i64).unwrap_or_default();
    utc.with_timezone(&cst())
}

/// Today's date in China Standard Time.
pub fn cst_date(millis: f64) -> NaiveDate {
    from_unix_millis(millis).date_naive()
}

// Dates and times are written by hand rather than through chrono's
// `format`, whose machinery would add its weight to the page's first load.

/// `2026-11-27 15:04` for "last backup" lines and file names.
pub fn format_minutes(at: &DateTime<FixedOffset>) -> String {
    format!(
        "{} {}",
        format_iso_date(at.date_naive()),
        format_hh_mm(at.time())
    )
}

/// `2026-11-27`, as forms and file names write dates.
pub fn format_iso_date(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// `2026-11-27` back into a date; `None` for anything else. Hand-written:
/// chrono's parser is most of a kilobyte of start-up code for one field.
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let mut parts = text.trim().split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

/// `20261127`, for calendar files and compact file names.
pub fn format_compact_date(date: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// `14:30`.
pub fn format_hh_mm(time: NaiveTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// `20261127T063000Z`, a UTC instant as calendar files write it.
pub fn format_utc_stamp(at: DateTime<Utc>) -> String {
    let t = at.time();
    format!(
        "{}T{:02}{:02}{:02}Z",
        format_compact_date(at.date_naive()),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// `2026年3月`, a month as lists head it.
pub fn format_chinese_month(date: NaiveDate) -> String {
    format!("{}年{}月", date.year(), date.month())
}

/// `14:30` as a time field gives it; `None` for anything else.
pub fn parse_hh_mm(text: &str) -> Option<NaiveTime> {
    let (h, m) = text.trim().split_once(':')?;
    NaiveTime::from_hms_opt(h.parse().ok()?, m.get(..2).unwrap_or(m).parse().ok()?, 0)
}

/// `2026年11月27日`, the way dates are written on paper.
pub fn format_chinese_date(date: NaiveDate) -> String {
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

/// `2026.3.5`, for narrow table columns on paper.
pub fn format_short_date(date: NaiveDate) -> String {
    format!("{}.{}.{}", date.year(), date.month(), date.day())
}

/// A local CST wall-clock time as UTC, for calendar files.
pub fn cst_to_utc(local: NaiveDateTime) -> DateTime<Utc> {
    match cst().from_local_datetime(&local).single() {
        Some(t) => t.with_timezone(&Utc),
        None => Utc.from_utc_datetime(&local),
    }
}

/// Quarter (1–4) of a month (1–12).
pub fn quarter_of(month: u32) -> u32 {
    (month.clamp(1, 12) - 1) / 3 + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_read_back_as_written_and_nothing_else_reads() {
        let date = NaiveDate::from_ymd_opt(2026, 2, 28).unwrap();
        assert_eq!(parse_iso_date(&format_iso_date(date)), Some(date));
        for bad in [
            "2026-02-30",
            "2026-2-28",
            "26-02-28",
            "2026-02-28-1",
            "",
            "二〇二六-02-28",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn late_evening_utc_is_already_tomorrow_in_beijing() {
        // 2026-12-31 16:30 UTC is 2027-01-01 00:30 in Beijing.
        let millis = Utc
            .with_ymd_and_hms(2026, 12, 31, 16, 30, 0)
            .single()
            .map(|t| t.timestamp_millis() as f64)
            .unwrap_or_default();
        assert_eq!(
            cst_date(millis),
            NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()
        );
    }

    #[test]
    fn chinese_date_has_no_leading_zeros() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        assert_eq!(format_chinese_date(d), "2026年3月5日");
    }

    #[test]
    fn hand_written_formats() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        let t = NaiveTime::from_hms_opt(9, 7, 0).unwrap();
        assert_eq!(format_iso_date(d), "2026-03-05");
        assert_eq!(format_compact_date(d), "20260305");
        assert_eq!(format_hh_mm(t), "09:07");
        assert_eq!(format_chinese_month(d), "2026年3月");
        assert_eq!(parse_hh_mm("14:30"), NaiveTime::from_hms_opt(14, 30, 0));
        assert_eq!(parse_hh_mm("14:30:15"), NaiveTime::from_hms_opt(14, 30, 0));
        assert_eq!(parse_hh_mm("25:00"), None);
        assert_eq!(parse_hh_mm(""), None);
        let at = Utc.with_ymd_and_hms(2026, 3, 5, 6, 30, 1).single().unwrap();
        assert_eq!(format_utc_stamp(at), "20260305T063001Z");
        assert_eq!(
            format_minutes(&at.with_timezone(&cst())),
            "2026-03-05 14:30"
        );
    }

    #[test]
    fn quarters() {
        assert_eq!(quarter_of(1), 1);
        assert_eq!(quarter_of(3), 1);
        assert_eq!(quarter_of(4), 2);
        assert_eq!(quarter_of(12), 4);
    }

    #[test]
    fn beijing_wall_clock_to_utc() {
        let local = NaiveDate::from_ymd_opt(2026, 5, 1)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        assert_eq!(cst_to_utc(local).hour(), 1);
    }
}
