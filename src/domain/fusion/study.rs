//! The study forms the seed documents name that are not full meeting
//! records: 党员每月一讲 (members take turns to teach), OPL 一点课 (a
//! one-page lesson) and 五分钟晨学 (a quick log). With the study meetings
//! they add up to each member's yearly 学时, beside the 32 学时 of the
//! 《党员教育管理工作条例》§20.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::kind::{Keyed, Kind, Packing, Scope};
use crate::domain::limits;
use crate::domain::meeting::{MeetingKind, MeetingState, PersonRef};
use crate::domain::rules::attendance::is_present;
use crate::domain::validate::{Checks, Known};
use crate::domain::{Meeting, Member};
use std::borrow::Cow;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StudyForm {
    /// 党员每月一讲.
    #[default]
    MonthlyTalk,
    /// OPL 一点课.
    OnePointLesson,
    /// 五分钟晨学.
    MorningStudy,
}

impl StudyForm {
    pub const ALL: [StudyForm; 3] = [
        StudyForm::MonthlyTalk,
        StudyForm::OnePointLesson,
        StudyForm::MorningStudy,
    ];

    pub fn label(self) -> &'static str {
        match self {
            StudyForm::MonthlyTalk => "党员每月一讲",
            StudyForm::OnePointLesson => "OPL一点课",
            StudyForm::MorningStudy => "五分钟晨学",
        }
    }

    /// The categories the form's sheet offers.
    pub fn categories(self) -> &'static [&'static str] {
        match self {
            StudyForm::MonthlyTalk => &["理论", "党务知识", "业务"],
            StudyForm::OnePointLesson => &["基础知识", "改善案例", "问题案例"],
            StudyForm::MorningStudy => &[],
        }
    }

    /// What the speaker is called on this form.
    pub fn speaker_label(self) -> &'static str {
        match self {
            StudyForm::MonthlyTalk => "主讲人",
            StudyForm::OnePointLesson => "讲师",
            StudyForm::MorningStudy => "领学人",
        }
    }

    /// Minutes a session usually takes, offered when a new one is made.
    pub fn usual_minutes(self) -> u32 {
        match self {
            StudyForm::MonthlyTalk => 30,
            StudyForm::OnePointLesson => 15,
            StudyForm::MorningStudy => 5,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StudySession {
    pub id: String,
    #[serde(default)]
    pub form: StudyForm,
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// 主讲人 / 讲师 / 领学人.
    #[serde(default)]
    pub speaker: PersonRef,
    /// 题目 / 内容.
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub category: String,
    /// OPL 要点 (≤ 300 字), or what was read at a 晨学.
    #[serde(default)]
    pub points: String,
    /// Members who took part (学员 / 签到).
    #[serde(default)]
    pub attendees: Vec<String>,
    /// 人数, when names were not taken (晨学).
    #[serde(default)]
    pub headcount: Option<u32>,
    #[serde(default)]
    pub minutes: u32,
    /// 科室, optional.
    #[serde(default)]
    pub department: String,
}

impl StudySession {
    pub fn referenced_member_ids(&self) -> impl Iterator<Item = &str> {
        self.attendees
            .iter()
            .map(String::as_str)
            .chain(self.speaker.member_id.as_deref())
    }

    pub fn took_part(&self, member_id: &str) -> bool {
        self.speaker.member_id.as_deref() == Some(member_id)
            || self.attendees.iter().any(|a| a == member_id)
    }

    /// 人数: the names taken, else the count written down.
    pub fn people(&self) -> u32 {
        if self.attendees.is_empty() {
            self.headcount.unwrap_or(0)
        } else {
            self.attendees.len() as u32
        }
    }

    fn in_year(&self, year: i32) -> bool {
        self.date.is_some_and(|d| d.year() == year)
    }
}

/// 党员每月一讲 this year: who has spoken, and who of the active members has
/// not yet (in roster order). A planned talk (a date ahead) counts once given.
pub fn monthly_talk_rotation<'a>(
    sessions: &[StudySession],
    members: &'a [Member],
    year: i32,
    today: NaiveDate,
) -> (Vec<&'a Member>, Vec<&'a Member>) {
    let spoke = |m: &Member| {
        sessions.iter().any(|s| {
            s.form == StudyForm::MonthlyTalk
                && s.in_year(year)
                && s.date.is_some_and(|d| d <= today)
                && s.speaker.member_id.as_deref() == Some(m.id.as_str())
        })
    };
    members
        .iter()
        .filter(|m| crate::domain::rules::attendance::was_active_on(m, Some(today)))
        .partition(|m| spoke(m))
}

/// Meetings that are study and count towards 学时.
pub fn is_study_meeting(kind: &MeetingKind) -> bool {
    matches!(
        kind,
        MeetingKind::PartyLecture | MeetingKind::ThemeDay | MeetingKind::Study { .. }
    )
}

fn meeting_minutes(m: &Meeting) -> Option<u32> {
    let (start, end) = (m.start_time?, m.end_time?);
    let minutes = (end - start).num_minutes();
    (minutes > 0).then_some(minutes as u32)
}

/// A member's study in a year: minutes counted, and sessions attended whose
/// length is not recorded (so the total is a floor, and the screen says so).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StudyTime {
    pub minutes: u32,
    pub sessions: u32,
    pub without_length: u32,
}

impl StudyTime {
    /// 学时, at the branch's minutes per 学时, to one decimal.
    pub fn hours(&self, minutes_per_hour: u32) -> f64 {
        let per = minutes_per_hour.max(1);
        (f64::from(self.minutes) / f64::from(per) * 10.0).round() / 10.0
    }
}

pub fn study_time(
    member_id: &str,
    year: i32,
    meetings: &[Meeting],
    sessions: &[StudySession],
) -> StudyTime {
    let mut time = StudyTime::default();
    for m in meetings.iter().filter(|m| {
        m.state == MeetingState::Held
            && is_study_meeting(&m.kind)
            && m.date.is_some_and(|d| d.year() == year)
            && is_present(m, member_id)
    }) {
        time.sessions += 1;
        match meeting_minutes(m) {
            Some(n) => time.minutes += n,
            None => time.without_length += 1,
        }
    }
    for s in sessions
        .iter()
        .filter(|s| s.in_year(year) && s.took_part(member_id))
    {
        time.sessions += 1;
        if s.minutes == 0 {
            time.without_length += 1;
        }
        time.minutes += s.minutes;
    }
    time
}

impl Kind for StudySession {
    const NOUN: &'static str = "学习记录";
    const COUNTER: &'static str = "条";
    const SKIPPABLE: bool = true;

    fn check(list: &[Self], known: &Known, checks: &mut Checks) {
        let mut ids = std::collections::HashSet::new();
        for (i, session) in list.iter().enumerate() {
            let mut c = checks.item(i);
            c.unique_id(&mut ids, &session.id, "学习记录");
            session.speaker.check(known, &mut c.below("speaker."));
            for (j, id) in session.attendees.iter().enumerate() {
                c.member(&format!("attendees[{j}]"), id, known);
            }
            c.length("title", &session.title, limits::SHORT * 2);
            c.length("points", &session.points, limits::TEXT);
        }
    }

    /// Members see this year's and last year's sessions; a return carries
    /// the sessions recorded on the phone.
    fn pack(&self, packing: &Packing, written_here: bool) -> Option<Self> {
        let travels = match packing.scope {
            Scope::Full => true,
            Scope::Branch => self.date.is_none_or(|d| d.year() >= packing.since_year),
            Scope::Return => written_here,
        };
        travels.then(|| self.clone())
    }

    fn pack_deletion(packing: &Packing, written_here: bool) -> bool {
        packing.scope != Scope::Return || written_here
    }

    fn mentions(&self, member_id: &str) -> bool {
        self.referenced_member_ids().any(|r| r == member_id)
    }
}

impl Keyed for StudySession {
    const KEY_FIELD: &'static str = "id";

    fn key(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meeting::{Attendance, Presence};
    use crate::domain::rules::fixtures::{day, held, member};
    use crate::domain::Standing;
    use chrono::NaiveTime;

    fn session(form: StudyForm, on: NaiveDate, who: &[&str], minutes: u32) -> StudySession {
        StudySession {
            id: format!("s-{on}"),
            form,
            date: Some(on),
            attendees: who.iter().map(|s| s.to_string()).collect(),
            minutes,
            ..StudySession::default()
        }
    }

    #[test]
    fn study_time_adds_study_meetings_attended_and_study_sessions_of_the_year() {
        let mut lecture = held("l", MeetingKind::PartyLecture, day(2026, 3, 1));
        lecture.start_time = NaiveTime::from_hms_opt(14, 0, 0);
        lecture.end_time = NaiveTime::from_hms_opt(15, 30, 0);
        lecture.attendance.push(Attendance {
            member_id: "a".into(),
            status: Presence::Present,
            reason: None,
            makeup: None,
        });
        let mut committee = held("c", MeetingKind::CommitteeMeeting, day(2026, 3, 2));
        committee.start_time = lecture.start_time;
        committee.end_time = lecture.end_time;
        committee.attendance = lecture.attendance.clone();
        let mut theme_day = held("t", MeetingKind::ThemeDay, day(2026, 4, 1));
        theme_day.attendance = lecture.attendance.clone();
        let sessions = [
            session(StudyForm::MorningStudy, day(2026, 5, 6), &["a", "b"], 5),
            session(StudyForm::OnePointLesson, day(2026, 5, 7), &["b"], 15),
            session(StudyForm::MorningStudy, day(2025, 5, 6), &["a"], 5),
        ];
        let t = study_time("a", 2026, &[lecture, committee, theme_day], &sessions);
        assert_eq!(
            t,
            StudyTime {
                minutes: 95,
                sessions: 3,
                without_length: 1
            }
        );
        assert_eq!(t.hours(45), 2.1);
        assert_eq!(t.hours(60), 1.6);
    }

    #[test]
    fn the_rotation_lists_who_has_not_spoken_this_year() {
        let named = |id: &str, name: &str| {
            let mut m = member(id, Standing::Full, &[]);
            m.name = name.into();
            m
        };
        let members = [named("a", "甲"), named("b", "乙"), named("c", "丙")];
        let mut given = session(StudyForm::MonthlyTalk, day(2026, 2, 1), &[], 30);
        given.speaker.member_id = Some("b".into());
        let mut planned = session(StudyForm::MonthlyTalk, day(2026, 12, 1), &[], 30);
        planned.speaker.member_id = Some("c".into());
        let mut last_year = session(StudyForm::MonthlyTalk, day(2025, 2, 1), &[], 30);
        last_year.speaker.member_id = Some("a".into());
        let (spoke, not_yet) = monthly_talk_rotation(
            &[given, planned, last_year],
            &members,
            2026,
            day(2026, 6, 1),
        );
        let names = |v: Vec<&Member>| v.iter().map(|m| m.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(spoke), ["乙"]);
        assert_eq!(names(not_yet), ["甲", "丙"]);
    }
}
