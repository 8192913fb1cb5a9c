//! The study forms the seed documents name that are not full meeting
//! records: 党员每月一讲 (members take turns to teach), OPL 一点课 (a
//! one-page lesson) and 五分钟晨学 (a quick log), and the training a member
//! takes outside the branch (党校轮训, 网络培训), entered with the 学时 its
//! organiser gave. With the study meetings they add up to each member's
//! yearly 学时, beside §20 of the 《中国共产党党员教育管理工作条例》.
//!
//! These records are the one place a 每月一讲, OPL or 晨学 is entered: a
//! branch study type of the same name is not offered for meetings, and a
//! meeting of that name on the day of such a record is not counted twice.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::kind::{Kind, Packing};
use crate::domain::limits;
use crate::domain::meeting::{MeetingKind, MeetingState, PersonRef};
use crate::domain::rules::attendance::is_present;
use crate::domain::validate::{Checks, Known};
use crate::domain::{Meeting, Member};

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
    /// Training outside the branch: 党校轮训, 网络培训, a 上级's course.
    Outside,
}

impl StudyForm {
    pub const ALL: [StudyForm; 4] = [
        StudyForm::MonthlyTalk,
        StudyForm::OnePointLesson,
        StudyForm::MorningStudy,
        StudyForm::Outside,
    ];

    /// The forms the branch itself holds.
    pub const BRANCH: [StudyForm; 3] = [
        StudyForm::MonthlyTalk,
        StudyForm::OnePointLesson,
        StudyForm::MorningStudy,
    ];

    pub fn label(self) -> &'static str {
        match self {
            StudyForm::MonthlyTalk => "党员每月一讲",
            StudyForm::OnePointLesson => "OPL一点课",
            StudyForm::MorningStudy => "五分钟晨学",
            StudyForm::Outside => "支部以外的培训",
        }
    }

    /// The names branches give the form, written without spaces.
    fn names(self) -> &'static [&'static str] {
        match self {
            StudyForm::MonthlyTalk => &["党员每月一讲", "每月一讲"],
            StudyForm::OnePointLesson => &["opl一点课", "opl", "一点课"],
            StudyForm::MorningStudy => &["五分钟晨学", "晨学"],
            StudyForm::Outside => &[],
        }
    }

    /// The branch form a study type's name means ("OPL 一点课", "晨学"),
    /// if it names one.
    pub fn named(name: &str) -> Option<StudyForm> {
        let key: String = name
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        StudyForm::BRANCH
            .into_iter()
            .find(|f| f.names().contains(&key.as_str()))
    }

    /// The categories the form's sheet offers.
    pub fn categories(self) -> &'static [&'static str] {
        match self {
            StudyForm::MonthlyTalk => &["理论", "党务知识", "业务"],
            StudyForm::OnePointLesson => &["基础知识", "改善案例", "问题案例"],
            StudyForm::MorningStudy => &[],
            StudyForm::Outside => &["党校轮训", "集中培训", "网络培训", "其他"],
        }
    }

    /// What the speaker is called on this form.
    pub fn speaker_label(self) -> &'static str {
        match self {
            StudyForm::MonthlyTalk => "主讲人",
            StudyForm::OnePointLesson => "讲师",
            StudyForm::MorningStudy => "领学人",
            StudyForm::Outside => "主讲人（可不填）",
        }
    }

    /// Minutes a session usually takes, offered when a new one is made.
    /// Training outside the branch counts the 学时 its organiser gave.
    pub fn usual_minutes(self) -> u32 {
        match self {
            StudyForm::MonthlyTalk => 30,
            StudyForm::OnePointLesson => 15,
            StudyForm::MorningStudy => 5,
            StudyForm::Outside => 0,
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
    /// 学时 the organiser gave, in tenths (8 学时 is 80), for training
    /// outside the branch; the branch's own sessions count their minutes.
    #[serde(default)]
    pub credited_tenths: u32,
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

/// A member's study in a year: the branch's own study in minutes (and the
/// sessions attended whose length is not recorded, so that total is a
/// floor, and the screen says so), and the 学时 of training outside the
/// branch as its organisers gave them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StudyTime {
    pub minutes: u32,
    pub sessions: u32,
    pub without_length: u32,
    /// 支部以外的培训, in tenths of a 学时.
    pub outside_tenths: u32,
    pub outside_sessions: u32,
}

impl StudyTime {
    /// The branch's own study in 学时, at the branch's minutes per 学时,
    /// to one decimal.
    pub fn branch_hours(&self, minutes_per_hour: u32) -> f64 {
        let per = minutes_per_hour.max(1);
        (f64::from(self.minutes) / f64::from(per) * 10.0).round() / 10.0
    }

    pub fn outside_hours(&self) -> f64 {
        f64::from(self.outside_tenths) / 10.0
    }

    /// All 学时: the branch's own and those from outside.
    pub fn hours(&self, minutes_per_hour: u32) -> f64 {
        ((self.branch_hours(minutes_per_hour) + self.outside_hours()) * 10.0).round() / 10.0
    }
}

/// "12.5" from tenths of a 学时.
pub fn tenths_text(tenths: u64) -> String {
    match tenths % 10 {
        0 => (tenths / 10).to_string(),
        d => format!("{}.{d}", tenths / 10),
    }
}

/// §20 of the 《中国共产党党员教育管理工作条例》 (2019), as written.
pub const ARTICLE_20: &str = "市、县党委或者基层党委每年应当组织党员集中轮训，主要依托县级党校（行政学校）、基层党校等进行。根据事业发展和党的建设重点任务，结合本地区本部门本单位中心工作和党员实际，确定培训内容和方式。党员每年集中学习培训时间一般不少于32学时。";

/// What is counted, in the words the 学时 page and the evidence use.
pub const COUNTED: &str = "统计本支部组织的学习：党课、主题党日、集中学习，以及每月一讲、OPL、晨学记录中本人出席或主讲的。党校轮训、网络培训等不是本支部组织的，由本人登记为“支部以外的培训”，按主办单位认定的学时计入。";

/// "本支部 12.5 学时 + 支部以外 8 学时，共 20.5 学时"; with no minutes per
/// 学时 set, the branch's own study in minutes.
pub fn hours_sentence(time: &StudyTime, minutes_per_hour: Option<u16>) -> String {
    let own = match minutes_per_hour {
        Some(per) => format!("本支部 {} 学时", time.branch_hours(u32::from(per))),
        None => format!("本支部 {} 分钟", time.minutes),
    };
    if time.outside_sessions == 0 {
        return own;
    }
    let outside = format!("支部以外 {} 学时", time.outside_hours());
    match minutes_per_hour {
        Some(per) => format!("{own} + {outside}，共 {} 学时", time.hours(u32::from(per))),
        None => format!("{own} + {outside}"),
    }
}

/// A study meeting named after a branch form ("党员每月一讲") held on the
/// day of a study record of that form the member took part in: the same
/// lesson entered twice, counted once (as the study record).
fn entered_twice(meeting: &Meeting, member_id: &str, sessions: &[StudySession]) -> bool {
    let MeetingKind::Study { name } = &meeting.kind else {
        return false;
    };
    let Some(form) = StudyForm::named(name) else {
        return false;
    };
    sessions.iter().any(|s| {
        s.form == form && s.date.is_some() && s.date == meeting.date && s.took_part(member_id)
    })
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
            && !entered_twice(m, member_id, sessions)
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
        if s.form == StudyForm::Outside {
            time.outside_sessions += 1;
            time.outside_tenths += s.credited_tenths;
            continue;
        }
        time.sessions += 1;
        if s.minutes == 0 {
            time.without_length += 1;
        }
        time.minutes += s.minutes;
    }
    time
}

impl Kind for StudySession {
    fn title(&self, _doc: &crate::domain::Document) -> String {
        format!("{}：{}", self.form.label(), self.title.trim())
    }

    fn filed_year(&self) -> Option<i32> {
        self.date.map(|d| d.year())
    }

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
            if session.credited_tenths > limits::CREDITED_TENTHS {
                c.over_limit(
                    "credited_tenths",
                    // Written from tenths, not as a float: float formatting
                    // would weigh on the link's first load, which checks
                    // every package it opens.
                    format!(
                        "学时过多：{}，上限 {}",
                        tenths_text(u64::from(session.credited_tenths)),
                        limits::CREDITED_TENTHS / 10
                    ),
                );
            }
        }
    }

    /// Members see this year's and last year's sessions; a return carries
    /// the sessions recorded on the phone.
    fn pack(&self, packing: &Packing, written_here: bool) -> Option<Self> {
        let members_keep_it = self.date.is_none_or(|d| d.year() >= packing.since_year);
        packing
            .carries_shared(members_keep_it, written_here)
            .then(|| self.clone())
    }

    fn pack_deletion(packing: &Packing, written_here: bool) -> bool {
        packing.carries_shared_deletion(written_here)
    }

    fn mentions(&self, member_id: &str) -> bool {
        self.referenced_member_ids().any(|r| r == member_id)
    }
}

crate::domain::kind::keyed_by_id!(StudySession);

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
            reason_note: String::new(),
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
                without_length: 1,
                ..StudyTime::default()
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

    fn present(meeting: &mut Meeting, who: &str) {
        meeting.attendance.push(Attendance {
            member_id: who.into(),
            status: Presence::Present,
            reason: None,
            makeup: None,
            reason_note: String::new(),
        });
    }

    /// N24: a 每月一讲 entered as a study meeting and as a study record on
    /// the same day is one lesson, counted once; on another day, or under a
    /// name that is no branch form, both count.
    #[test]
    fn a_lesson_entered_as_a_meeting_and_a_study_record_counts_once() {
        let on = day(2026, 3, 10);
        let mut meeting = held(
            "m",
            MeetingKind::Study {
                name: "党员每月一讲".into(),
            },
            on,
        );
        meeting.start_time = NaiveTime::from_hms_opt(12, 30, 0);
        meeting.end_time = NaiveTime::from_hms_opt(13, 0, 0);
        present(&mut meeting, "a");
        let record = session(StudyForm::MonthlyTalk, on, &["a"], 30);
        let once = study_time(
            "a",
            2026,
            std::slice::from_ref(&meeting),
            std::slice::from_ref(&record),
        );
        assert_eq!((once.sessions, once.minutes), (1, 30));

        let mut other_day = record.clone();
        other_day.date = Some(day(2026, 3, 11));
        let both = study_time("a", 2026, std::slice::from_ref(&meeting), &[other_day]);
        assert_eq!((both.sessions, both.minutes), (2, 60));

        let mut study = meeting.clone();
        study.kind = MeetingKind::Study {
            name: "集中学习".into(),
        };
        let both = study_time("a", 2026, &[study], std::slice::from_ref(&record));
        assert_eq!((both.sessions, both.minutes), (2, 60));

        let mut absent = record;
        absent.attendees.clear();
        let meeting_only = study_time("a", 2026, &[meeting], &[absent]);
        assert_eq!((meeting_only.sessions, meeting_only.minutes), (1, 30));
    }

    #[test]
    fn study_type_names_that_mean_a_branch_form_are_recognised() {
        assert_eq!(
            StudyForm::named("OPL 一点课"),
            Some(StudyForm::OnePointLesson)
        );
        assert_eq!(
            StudyForm::named(" 党员每月一讲"),
            Some(StudyForm::MonthlyTalk)
        );
        assert_eq!(StudyForm::named("晨学"), Some(StudyForm::MorningStudy));
        assert_eq!(StudyForm::named("集中学习"), None);
        assert_eq!(StudyForm::named("读书班"), None);
    }

    /// N17: 党校轮训 and 网络培训 are not the branch's study; the member adds
    /// the 学时 the organiser gave, which no minutes-per-学时 setting changes.
    #[test]
    fn training_outside_the_branch_counts_the_hours_its_organiser_gave() {
        let mut school = session(StudyForm::Outside, day(2026, 6, 3), &["a", "b"], 0);
        school.credited_tenths = 80;
        let mut online = session(StudyForm::Outside, day(2026, 9, 1), &["a"], 0);
        online.credited_tenths = 15;
        let talk = session(StudyForm::MonthlyTalk, day(2026, 6, 4), &["a"], 30);
        let t = study_time("a", 2026, &[], &[school, online, talk]);
        assert_eq!((t.outside_sessions, t.outside_tenths), (2, 95));
        assert_eq!((t.sessions, t.minutes, t.without_length), (1, 30, 0));
        assert_eq!(t.hours(60), 10.0);
        assert_eq!(t.hours(45), 10.2);
        assert_eq!(t.branch_hours(60), 0.5);
    }

    #[test]
    fn the_hours_sentence_adds_outside_hours_and_says_minutes_until_the_unit_is_set() {
        let time = StudyTime {
            minutes: 750,
            sessions: 9,
            without_length: 0,
            outside_tenths: 80,
            outside_sessions: 1,
        };
        assert_eq!(
            hours_sentence(&time, Some(60)),
            "本支部 12.5 学时 + 支部以外 8 学时，共 20.5 学时"
        );
        assert_eq!(
            hours_sentence(&time, None),
            "本支部 750 分钟 + 支部以外 8 学时"
        );
        let own = StudyTime {
            outside_tenths: 0,
            outside_sessions: 0,
            ..time
        };
        assert_eq!(hours_sentence(&own, Some(45)), "本支部 16.7 学时");
    }

    #[test]
    fn article_20_is_quoted_whole_and_without_a_setting_in_it() {
        assert!(ARTICLE_20.starts_with("市、县党委或者基层党委每年应当组织党员集中轮训"));
        assert!(ARTICLE_20.ends_with("党员每年集中学习培训时间一般不少于32学时。"));
    }

    #[test]
    fn credited_hours_over_the_limit_are_reported_and_kept() {
        let mut doc = crate::domain::Document::default();
        let mut over = session(StudyForm::Outside, day(2026, 6, 3), &[], 0);
        over.credited_tenths = limits::CREDITED_TENTHS + 1;
        let mut at = session(StudyForm::Outside, day(2026, 6, 4), &[], 0);
        at.credited_tenths = limits::CREDITED_TENTHS;
        doc.studies = vec![over, at];
        let problems = crate::domain::document::check(&doc);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].1.path.ends_with("credited_tenths"));
        assert!(problems[0].1.message.contains("200.1"));
    }

    #[test]
    fn tenths_are_written_with_a_decimal_only_where_there_is_one() {
        assert_eq!(tenths_text(0), "0");
        assert_eq!(tenths_text(320), "32");
        assert_eq!(tenths_text(325), "32.5");
        assert_eq!(tenths_text(2001), "200.1");
    }
}
