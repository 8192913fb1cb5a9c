//! Planned meetings as an iCalendar file (RFC 5545), so members can put them
//! in their phone's calendar. Pure: the DTSTAMP is a parameter, and times are
//! written in UTC so no VTIMEZONE is needed.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};

use super::meeting::{Meeting, MeetingKind, MeetingState};
use super::time::{cst_to_utc, format_compact_date, format_utc_stamp};
use super::{Branch, Document};

pub const PRODID: &str = "-//zhibu//支部工作手册//ZH";
/// Length of an event whose end time was not given.
pub const DEFAULT_DURATION_MINUTES: i64 = 90;
/// RFC 5545 §3.1: lines SHOULD NOT be longer than 75 octets.
const MAX_LINE_OCTETS: usize = 75;

/// A calendar of every planned meeting that has a date.
pub fn planned_calendar(doc: &Document, dtstamp: DateTime<Utc>) -> String {
    let planned = doc
        .meetings
        .iter()
        .filter(|m| m.state == MeetingState::Planned);
    calendar(planned, &doc.branch, dtstamp)
}

/// A calendar of the given meetings; meetings without a date are left out,
/// since an event needs a day.
pub fn calendar<'a>(
    meetings: impl IntoIterator<Item = &'a Meeting>,
    branch: &Branch,
    dtstamp: DateTime<Utc>,
) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
    ];
    if !branch.name.trim().is_empty() {
        lines.push(format!("X-WR-CALNAME:{}", escape_text(&branch.name)));
    }
    for meeting in meetings {
        lines.extend(event_lines(meeting, branch, dtstamp));
    }
    lines.push("END:VCALENDAR".to_string());
    lines
        .iter()
        .map(|l| fold_line(l) + "\r\n")
        .collect::<String>()
}

/// The VEVENT of one meeting, or nothing when it has no date.
fn event_lines(meeting: &Meeting, branch: &Branch, dtstamp: DateTime<Utc>) -> Vec<String> {
    let Some(date) = meeting.effective_date() else {
        return Vec::new();
    };
    let summary = escape_text(&summary(meeting, branch));
    let mut lines = vec![
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}@zhibu", escape_text(&meeting.id)),
        format!("DTSTAMP:{}", utc_stamp(dtstamp)),
    ];
    lines.extend(when_lines(meeting, date));
    lines.push(format!("SUMMARY:{summary}"));
    if !meeting.place.trim().is_empty() {
        lines.push(format!("LOCATION:{}", escape_text(&meeting.place)));
    }
    if let Some(text) = description(meeting) {
        lines.push(format!("DESCRIPTION:{}", escape_text(&text)));
    }
    lines.extend([
        "BEGIN:VALARM".to_string(),
        "ACTION:DISPLAY".to_string(),
        "TRIGGER:-P1D".to_string(),
        format!("DESCRIPTION:{summary}"),
        "END:VALARM".to_string(),
        "END:VEVENT".to_string(),
    ]);
    lines
}

/// DTSTART and DTEND: a timed event in UTC, or an all-day event when only
/// the day is known (DTEND is exclusive, hence the next day).
fn when_lines(meeting: &Meeting, date: NaiveDate) -> [String; 2] {
    // The actual start wins over the planned one, as the held date does.
    match meeting.start_time.or(meeting.planned_time) {
        Some(start) => {
            let begins = date.and_time(start);
            let ends = end_of(begins, meeting.end_time);
            [
                format!("DTSTART:{}", utc_stamp(cst_to_utc(begins))),
                format!("DTEND:{}", utc_stamp(cst_to_utc(ends))),
            ]
        }
        None => {
            let next = date.succ_opt().unwrap_or(date);
            [
                format!("DTSTART;VALUE=DATE:{}", format_compact_date(date)),
                format!("DTEND;VALUE=DATE:{}", format_compact_date(next)),
            ]
        }
    }
}

/// The given end time on the same day, unless missing or not after the
/// start; then the default duration.
fn end_of(begins: NaiveDateTime, end_time: Option<NaiveTime>) -> NaiveDateTime {
    match end_time {
        Some(end) if end > begins.time() => begins.date().and_time(end),
        _ => begins + Duration::minutes(DEFAULT_DURATION_MINUTES),
    }
}

fn utc_stamp(at: DateTime<Utc>) -> String {
    format_utc_stamp(at)
}

/// "支部党员大会：学习二十大精神"; a 党小组会 names its group.
pub fn summary(meeting: &Meeting, branch: &Branch) -> String {
    let group = meeting
        .group_id
        .as_deref()
        .filter(|_| meeting.kind == MeetingKind::GroupMeeting)
        .and_then(|id| branch.group_name(id));
    let kind = match group {
        Some(name) => format!("{}（{}）", meeting.kind.label(), name),
        None => meeting.kind.label().to_string(),
    };
    match meeting.theme.trim() {
        "" => kind,
        theme => format!("{kind}：{theme}"),
    }
}

/// The agenda as numbered lines, or nothing when there is none.
fn description(meeting: &Meeting) -> Option<String> {
    let items: Vec<String> = meeting
        .agenda
        .iter()
        .map(|a| a.trim())
        .filter(|a| !a.is_empty())
        .enumerate()
        .map(|(i, a)| format!("{}. {a}", i + 1))
        .collect();
    (!items.is_empty()).then(|| format!("议题：\n{}", items.join("\n")))
}

/// Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma
/// and line breaks; other control characters are not allowed and dropped.
pub fn escape_text(text: &str) -> String {
    let normalized = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(normalized.len());
    for c in normalized.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line into physical lines of at most 75 octets, never
/// inside a UTF-8 character; continuation lines start with one space.
pub fn fold_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 32);
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meeting::MeetingKind::*;
    use crate::domain::rules::fixtures::*;
    use chrono::TimeZone;

    fn stamp() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 1, 8, 30, 0).unwrap()
    }

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    /// The test's own reader: unfold (RFC 5545 §3.1), split each line at
    /// the first colon into name;params and value, unescape the value.
    fn unfold(ics: &str) -> Vec<String> {
        ics.replace("\r\n ", "")
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    }

    fn unescape(value: &str) -> String {
        let mut out = String::new();
        let mut chars = value.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        }
        out
    }

    fn parse(ics: &str) -> Vec<(String, String)> {
        unfold(ics)
            .iter()
            .map(|l| {
                let (name, value) = l.split_once(':').unwrap();
                (name.to_string(), unescape(value))
            })
            .collect()
    }

    fn value<'a>(props: &'a [(String, String)], name: &str) -> Vec<&'a str> {
        props
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    #[test]
    fn escapes_text() {
        assert_eq!(escape_text(r"a\b"), r"a\\b");
        assert_eq!(escape_text("甲,乙;丙"), r"甲\,乙\;丙");
        assert_eq!(escape_text("一\n二\r\n三\r四"), r"一\n二\n三\n四");
        assert_eq!(escape_text("制\u{7}表\t符"), "制表\t符");
        assert_eq!(escape_text("：，；"), "：，；");
    }

    #[test]
    fn short_lines_are_not_folded() {
        let line = "A".repeat(75);
        assert_eq!(fold_line(&line), line);
        assert_eq!(fold_line(""), "");
    }

    #[test]
    fn long_chinese_line_folds_at_character_boundaries() {
        let line = format!(
            "SUMMARY:{}",
            "学习贯彻党的二十大精神专题组织生活会".repeat(6)
        );
        let folded = fold_line(&line);
        let physical: Vec<&str> = folded.split("\r\n").collect();
        assert!(physical.len() > 1);
        for (i, p) in physical.iter().enumerate() {
            assert!(p.len() <= 75, "line {i} has {} octets", p.len());
            if i > 0 {
                assert!(p.starts_with(' ') && !p[1..].starts_with(' '));
            }
        }
        assert_eq!(folded.replace("\r\n ", ""), line);
    }

    #[test]
    fn folding_handles_four_byte_characters_at_the_edge() {
        let line = format!("X:{}", "a".repeat(71) + &"😀".repeat(10));
        let folded = fold_line(&line);
        assert!(folded.split("\r\n").all(|p| p.len() <= 75));
        assert_eq!(folded.replace("\r\n ", ""), line);
    }

    fn sample_doc() -> Document {
        let mut timed = planned("m1", BranchAssembly, day(2026, 5, 1));
        timed.planned_time = Some(time(9, 0));
        timed.theme = "学习党章, 讨论; 表决".into();
        timed.place = "三楼会议室\\A".into();
        timed.agenda = vec!["学习原文".into(), "  ".into(), "讨论接收预备党员".into()];
        let mut all_day = planned("m2", GroupMeeting, day(2026, 12, 31));
        all_day.group_id = Some("g1".into());
        let mut with_end = planned("m3", PartyLecture, day(2026, 6, 1));
        with_end.planned_time = Some(time(7, 30));
        with_end.end_time = Some(time(8, 0));
        let done = held("h", ThemeDay, day(2026, 4, 1));
        let undated = meeting("u", ThemeDay);
        document(
            &["g1"],
            vec![],
            vec![timed, all_day, with_end, done, undated],
        )
    }

    #[test]
    fn calendar_round_trips_through_a_parser() {
        let ics = planned_calendar(&sample_doc(), stamp());
        let props = parse(&ics);
        assert_eq!(
            value(&props, "BEGIN"),
            [
                "VCALENDAR",
                "VEVENT",
                "VALARM",
                "VEVENT",
                "VALARM",
                "VEVENT",
                "VALARM"
            ]
        );
        assert_eq!(value(&props, "PRODID"), [PRODID]);
        assert_eq!(value(&props, "VERSION"), ["2.0"]);
        assert_eq!(value(&props, "X-WR-CALNAME"), ["第一党支部"]);
        assert_eq!(value(&props, "UID"), ["m1@zhibu", "m2@zhibu", "m3@zhibu"]);
        assert_eq!(value(&props, "DTSTAMP"), ["20260301T083000Z"; 3]);
        assert_eq!(
            value(&props, "SUMMARY"),
            [
                "支部党员大会：学习党章, 讨论; 表决",
                "党小组会（g1小组）",
                "党课"
            ]
        );
        assert_eq!(value(&props, "LOCATION"), ["三楼会议室\\A"]);
        assert_eq!(
            value(&props, "DESCRIPTION")[0],
            "议题：\n1. 学习原文\n2. 讨论接收预备党员"
        );
        assert_eq!(value(&props, "TRIGGER"), ["-P1D"; 3]);
        assert_eq!(value(&props, "ACTION"), ["DISPLAY"; 3]);
        assert_eq!(value(&props, "END").last(), Some(&"VCALENDAR"));
    }

    #[test]
    fn times_are_utc_from_beijing_time_with_default_duration() {
        let props = parse(&planned_calendar(&sample_doc(), stamp()));
        // 09:00 in Beijing is 01:00 UTC; no end given, so 90 minutes.
        assert_eq!(value(&props, "DTSTART")[0], "20260501T010000Z");
        assert_eq!(value(&props, "DTEND")[0], "20260501T023000Z");
        // 07:30 Beijing is the previous day in UTC; the given end is used.
        assert_eq!(value(&props, "DTSTART")[1], "20260531T233000Z");
        assert_eq!(value(&props, "DTEND")[1], "20260601T000000Z");
    }

    #[test]
    fn date_only_meeting_is_an_all_day_event() {
        let props = parse(&planned_calendar(&sample_doc(), stamp()));
        assert_eq!(value(&props, "DTSTART;VALUE=DATE"), ["20261231"]);
        assert_eq!(value(&props, "DTEND;VALUE=DATE"), ["20270101"]);
    }

    #[test]
    fn end_before_start_falls_back_to_default_duration() {
        let begins = day(2026, 5, 1).and_time(time(22, 0));
        assert_eq!(
            end_of(begins, Some(time(21, 0))),
            day(2026, 5, 1).and_time(time(23, 30))
        );
        assert_eq!(
            end_of(begins, Some(time(22, 0))),
            day(2026, 5, 1).and_time(time(23, 30))
        );
        assert_eq!(
            end_of(begins, Some(time(22, 45))),
            day(2026, 5, 1).and_time(time(22, 45))
        );
    }

    #[test]
    fn every_line_ends_with_crlf_and_fits() {
        let mut doc = sample_doc();
        doc.meetings[0].theme =
            "深入学习贯彻习近平新时代中国特色社会主义思想主题教育专题学习".repeat(3);
        let ics = planned_calendar(&doc, stamp());
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(!ics.replace("\r\n", "").contains('\n'));
        assert!(!ics.replace("\r\n", "").contains('\r'));
        assert!(ics.split("\r\n").all(|l| l.len() <= 75));
        let props = parse(&ics);
        assert!(value(&props, "SUMMARY")[0].ends_with("主题教育专题学习"));
    }

    #[test]
    fn empty_calendar_is_still_valid() {
        let ics = planned_calendar(&document(&[], vec![], vec![]), stamp());
        let props = parse(&ics);
        assert_eq!(value(&props, "BEGIN"), ["VCALENDAR"]);
        assert_eq!(value(&props, "END"), ["VCALENDAR"]);
    }

    #[test]
    fn summary_without_theme_is_the_type() {
        let branch = Branch::default();
        let study = planned(
            "s",
            Study {
                name: "OPL 一点课".into(),
            },
            day(2026, 5, 1),
        );
        assert_eq!(summary(&study, &branch), "OPL 一点课");
    }
}
