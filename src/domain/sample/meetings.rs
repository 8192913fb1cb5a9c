//! The example's meetings: every slot of its calendar held and recorded as
//! a recorder would have done it (that day's roll, one or two away with a
//! reason, 补学 made up except last month's, votes that add up), and this
//! month's 主题党日 planned.

use chrono::{Datelike, Days, NaiveDate, NaiveTime};

use super::calendar::{meeting_day_from, Event, ExampleYear, Slot};
use super::texts::{
    theme_day_theme, ASSEMBLIES, COMMITTEE_BUSINESS, GROUP_MONTHS, GROUP_STUDY, LECTURES,
    THEME_DAYS,
};
use crate::domain::meeting::{
    AbsenceReason, Attendance, Counts, FollowUp, MakeUp, MakeUpWay, MeetingKind, MeetingState,
    PersonRef, Phase, Presence, StudyMaterial, Vote, VoteKind,
};
use crate::domain::rules::recording::{hold, plan_meeting, Plan};
use crate::domain::time::quarter_of;
use crate::domain::{Document, Meeting};

/// Each 党小组's leader, who hosts its meeting, and the member who records.
pub const GROUP_LEADERS: [&str; 3] = ["m04", "m08", "m06"];
const GROUP_RECORDERS: [&str; 3] = ["m07", "m11", "m09"];
const GROUP_ROOMS: [&str; 3] = ["一楼小会议室", "二楼小会议室", "三楼党员活动室"];
/// 何平, away ill around the 组织生活会 (and 不评定等次 for it).
pub const ILL_MEMBER: &str = "m17";

/// A small stable hash (FNV-1a), so a meeting has the same absences
/// whatever day the example is made on.
pub fn hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

pub fn person(id: &str) -> PersonRef {
    PersonRef {
        member_id: Some(id.into()),
        name: String::new(),
    }
}

fn time(h: u32, m: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(h, m, 0)
}

/// The day `days` after `date`, moved on to a meeting day.
pub fn days_after(date: NaiveDate, days: u64) -> NaiveDate {
    meeting_day_from(date.checked_add_days(Days::new(days)).unwrap_or(date))
}

pub fn example_meetings(doc: &Document, year: &ExampleYear) -> Vec<Meeting> {
    let mut out = Vec::new();
    let mut lectures = 0;
    for slot in &year.slots {
        let meeting = match slot.event {
            Event::MonthlyTalk => continue,
            Event::Committee => committee(doc, year, slot),
            Event::Lecture => {
                lectures += 1;
                lecture(doc, year, slot, lectures - 1)
            }
            Event::Life => life(doc, year, slot),
            Event::ThemeDay | Event::ThemeAssembly => theme_day(doc, year, slot),
            Event::Group(g) => group_meeting(doc, year, slot, g),
            Event::Assembly => assembly(doc, year, slot),
        };
        out.push(meeting);
    }
    out.push(planned_theme_day(doc, year));
    out
}

/// What every held meeting shares: the type's checklist ticked (last
/// month's 会后 items still open), the roll of that day, the times, the
/// place and who hosted and recorded.
struct Setting<'a> {
    kind: MeetingKind,
    group: Option<&'a str>,
    hours: ((u32, u32), (u32, u32)),
    place: &'a str,
    theme: String,
    host: &'a str,
    recorder: &'a str,
}

fn held(doc: &Document, year: &ExampleYear, slot: &Slot, s: Setting) -> Meeting {
    let plan = Plan {
        group_id: s.group.map(str::to_string),
        date: Some(slot.date),
        time: time(s.hours.0 .0, s.hours.0 .1),
        place: s.place.into(),
        theme: s.theme,
    };
    let mut m = plan_meeting(&slot.id, s.kind, plan, &doc.templates);
    let recent = slot.month == year.last_month();
    for item in m.checklist.iter_mut() {
        item.done = !(recent && item.phase == Phase::After);
    }
    hold(&mut m, slot.date, &doc.members);
    m.end_time = time(s.hours.1 .0, s.hours.1 .1);
    m.host = person(s.host);
    m.recorder = person(s.recorder);
    m.sign_in_sheet_kept = true;
    m
}

/// Marks the roll: those in `away` on leave with their reason, the rest
/// present. Those away from a study meeting before last month have made it
/// up a few days later; last month's still owe it.
fn mark(m: &mut Meeting, year: &ExampleYear, slot: &Slot, away: &[(String, AbsenceReason)]) {
    let owes = m.owes_makeup();
    let makeup = |member: &str| {
        (owes && slot.month < year.last_month()).then(|| MakeUp {
            done_on: days_after(slot.date, 3 + hash(member) % 4),
            way: Some(if member == ILL_MEMBER {
                MakeUpWay::Talk
            } else {
                MakeUpWay::SelfStudy
            }),
            note: if member == ILL_MEMBER {
                "党小组长上门送学".into()
            } else {
                [
                    "自学会议材料，已交学习体会",
                    "观看会议录像并自学材料",
                    "由党小组长补课",
                ][(hash(&format!("{}{member}", m.id)) % 3) as usize]
                    .into()
            },
        })
    };
    m.attendance = m
        .roll
        .iter()
        .flatten()
        .map(|r| match away.iter().find(|(id, _)| *id == r.member_id) {
            Some((id, reason)) => Attendance {
                member_id: id.clone(),
                status: Presence::Leave,
                reason: Some(*reason),
                makeup: makeup(id),
                reason_note: String::new(),
            },
            None => Attendance {
                member_id: r.member_id.clone(),
                status: Presence::Present,
                reason: None,
                makeup: None,
                reason_note: String::new(),
            },
        })
        .collect();
}

/// Who is away: 何平 while ill around the 组织生活会, and `count` more (in
/// all) chosen by a stable hash among those due who neither host, record
/// nor speak.
fn choose_away(
    m: &Meeting,
    year: &ExampleYear,
    count: usize,
    busy: &[&str],
) -> Vec<(String, AbsenceReason)> {
    let date = m.date.unwrap_or(year.today);
    let ill = (date - year.life_day()).num_days().abs() <= 40;
    let mut away: Vec<(String, AbsenceReason)> = Vec::new();
    let due: Vec<&str> = m
        .roll
        .iter()
        .flatten()
        .map(|r| r.member_id.as_str())
        .collect();
    if ill && due.contains(&ILL_MEMBER) {
        away.push((ILL_MEMBER.into(), AbsenceReason::Illness));
    }
    let mut others: Vec<&str> = due
        .into_iter()
        .filter(|id| !busy.contains(id) && *id != ILL_MEMBER)
        .collect();
    others.sort_by_key(|id| hash(&format!("{}/{id}", m.id)));
    for id in others {
        if away.len() >= count {
            break;
        }
        let reason = match hash(&format!("{id}/{}", m.id)) % 4 {
            0 | 1 => AbsenceReason::Work,
            2 => AbsenceReason::Personal,
            _ => AbsenceReason::Illness,
        };
        away.push((id.to_string(), reason));
    }
    away
}

/// One or two away from a meeting of the whole branch.
fn branch_away(m: &Meeting) -> usize {
    1 + (hash(&m.id) % 2) as usize
}

fn material(id: &str, (title, source): (&str, &str)) -> StudyMaterial {
    StudyMaterial {
        id: format!("sm-{id}"),
        title: title.into(),
        source: source.into(),
        covered: true,
    }
}

fn committee(doc: &Document, year: &ExampleYear, slot: &Slot) -> Meeting {
    let first = year.months[slot.month];
    let mut agenda = vec![COMMITTEE_BUSINESS[first.month0() as usize].to_string()];
    if year.deploying_month() == Some(slot.month) {
        agenda.push(format!("研究确定{}年重点任务清单", year.plan_year()));
    }
    if slot.month == year.last_month() {
        agenda.push("研究郑凯同志预备党员转正事宜".into());
    }
    if year.month_of(year.intake) == Some(slot.month) {
        agenda.push("研究接收谢欣怡、韩冬同志为预备党员的有关事项".into());
    }
    if year.slot(Event::ThemeAssembly, slot.month).is_some() {
        agenda.push("研究主题党日暨支部党员大会议程".into());
    }
    agenda.push("安排本月主题党日和党小组会".into());
    let mut m = held(
        doc,
        year,
        slot,
        Setting {
            kind: MeetingKind::CommitteeMeeting,
            group: None,
            hours: ((16, 30), (17, 30)),
            place: "二楼会议室",
            theme: agenda[0].clone(),
            host: "m01",
            recorder: "m03",
        },
    );
    m.minutes = format!(
        "书记王建国主持，逐项研究：{}。与会委员充分讨论，形成一致意见。",
        agenda.join("；")
    );
    m.agenda = agenda;
    let count = usize::from(hash(&m.id).is_multiple_of(5));
    let away = choose_away(&m, year, count, &["m01", "m03"]);
    mark(&mut m, year, slot, &away);
    m
}

fn lecture(doc: &Document, year: &ExampleYear, slot: &Slot, turn: usize) -> Meeting {
    let (topic, by) = LECTURES[turn % LECTURES.len()];
    let mut m = held(
        doc,
        year,
        slot,
        Setting {
            kind: MeetingKind::PartyLecture,
            group: None,
            hours: ((15, 0), (16, 30)),
            place: "三楼党员活动室",
            theme: topic.into(),
            host: "m02",
            recorder: "m04",
        },
    );
    let speaker = if by.starts_with('m') {
        m.lecturer = person(by);
        doc.member(by).map(|p| p.name.clone()).unwrap_or_default()
    } else {
        m.lecturer = PersonRef {
            member_id: None,
            name: by.into(),
        };
        by.to_string()
    };
    m.minutes = format!("{speaker}讲授专题党课“{topic}”，党员结合本职工作交流体会。");
    let mut busy = vec!["m02", "m04"];
    if by.starts_with('m') {
        busy.push(by);
    }
    let away = choose_away(&m, year, branch_away(&m), &busy);
    mark(&mut m, year, slot, &away);
    m
}

fn theme_day(doc: &Document, year: &ExampleYear, slot: &Slot) -> Meeting {
    let first = year.months[slot.month];
    let text = &THEME_DAYS[first.month0() as usize];
    let also_assembly = slot.event == Event::ThemeAssembly;
    let host = if first.month() % 2 == 1 || also_assembly {
        "m01"
    } else {
        "m02"
    };
    let mut m = held(
        doc,
        year,
        slot,
        Setting {
            kind: MeetingKind::ThemeDay,
            group: None,
            hours: ((14, 30), (17, 0)),
            place: text.place,
            theme: theme_day_theme(first.year(), first.month()),
            host,
            recorder: "m04",
        },
    );
    m.materials = vec![material(&slot.id, text.material)];
    m.minutes = text.minutes.into();
    if also_assembly {
        let (_, business, done) = ASSEMBLIES[(quarter_of(first.month()) - 1) as usize];
        m.also = vec![MeetingKind::BranchAssembly];
        m.agenda = std::iter::once(m.theme.clone())
            .chain(business.iter().map(|s| s.to_string()))
            .collect();
        m.minutes = format!("{}会上召开支部党员大会：{done}", m.minutes);
    }
    let away = choose_away(&m, year, branch_away(&m), &[host, "m04"]);
    mark(&mut m, year, slot, &away);
    m
}

/// A 党小组会: study, then the month's key work reviewed (the late one
/// reviews the month before, which it was put off from).
fn group_meeting(doc: &Document, year: &ExampleYear, slot: &Slot, g: usize) -> Meeting {
    let late = slot.id.ends_with("-late");
    let reviewed = if late {
        year.months[slot.month - 1]
    } else {
        year.months[slot.month]
    };
    let text = &GROUP_MONTHS[g][reviewed.month0() as usize];
    // Each group's own work names its meeting, so three groups' meetings
    // of a month read apart in the list.
    let theme = if late {
        format!(
            "补开{}月党小组会（组长外出培训推迟召开），{}月重点工作回顾：{}",
            reviewed.month(),
            reviewed.month(),
            text.work
        )
    } else {
        format!("{}月重点工作回顾：{}", reviewed.month(), text.work)
    };
    let id = format!("g{}", g + 1);
    let mut m = held(
        doc,
        year,
        slot,
        Setting {
            kind: MeetingKind::GroupMeeting,
            group: Some(&id),
            hours: ((16, 0), (17, 0)),
            place: GROUP_ROOMS[g],
            theme,
            host: GROUP_LEADERS[g],
            recorder: GROUP_RECORDERS[g],
        },
    );
    m.agenda = vec![
        format!("学习{}", GROUP_STUDY[reviewed.month0() as usize]),
        format!("回顾{}月重点工作", reviewed.month()),
        "研究下月打算".into(),
    ];
    m.minutes = format!(
        "集中学习{}。组长通报{}月重点工作“{}”：{}党员逐一发言，查找差距：{}研究措施：{}",
        GROUP_STUDY[reviewed.month0() as usize],
        reviewed.month(),
        text.work,
        text.done,
        text.gap,
        text.fix
    );
    let count = usize::from(hash(&m.id).is_multiple_of(3));
    let away = choose_away(&m, year, count, &[GROUP_LEADERS[g], GROUP_RECORDERS[g]]);
    mark(&mut m, year, slot, &away);
    m
}

/// A vote about one member (`about`: their roster id), as the 表决 panel
/// names them, so the roster and the reminders follow it.
fn vote(
    id: &str,
    motion: String,
    kind: VoteKind,
    room: (u32, u32),
    written: u32,
    about: &str,
) -> Vote {
    Vote {
        id: id.into(),
        motion,
        in_favour: room.0,
        against: 0,
        abstain: room.1,
        kind,
        written: (written > 0).then_some(Counts {
            in_favour: written,
            against: 0,
            abstain: 0,
        }),
        member_id: Some(about.to_string()),
        applicant_id: None,
    }
}

/// (voters present, voters away) at a held meeting.
fn voters(m: &Meeting) -> (u32, u32) {
    let mut out = (0, 0);
    for r in m.roll.iter().flatten().filter(|r| r.votes) {
        let present = m
            .attendance
            .iter()
            .any(|a| a.member_id == r.member_id && a.status == Presence::Present);
        if present {
            out.0 += 1;
        } else {
            out.1 += 1;
        }
    }
    out
}

fn assembly(doc: &Document, year: &ExampleYear, slot: &Slot) -> Meeting {
    let first = year.months[slot.month];
    let (theme, business, done) = ASSEMBLIES[(quarter_of(first.month()) - 1) as usize];
    let last = slot.month == year.last_month();
    let intake = slot.date == year.intake;
    let mut m = held(
        doc,
        year,
        slot,
        Setting {
            kind: MeetingKind::BranchAssembly,
            group: None,
            hours: ((14, 30), (16, 0)),
            place: "三楼党员活动室",
            theme: theme.into(),
            host: "m01",
            recorder: "m02",
        },
    );
    m.agenda = business.iter().map(|s| s.to_string()).collect();
    m.minutes = done.into();
    if intake {
        // The two admitted today were 发展对象 until the vote: they sat in,
        // they were not due.
        if let Some(roll) = m.roll.as_mut() {
            roll.retain(|r| r.member_id != "m24" && r.member_id != "m25");
        }
        m.observers = "发展对象谢欣怡、韩冬".into();
        m.agenda
            .push("讨论接收谢欣怡、韩冬同志为中共预备党员".into());
        m.minutes.push_str(
            "发展对象汇报对党的认识和入党动机，入党介绍人介绍情况，支委会报告审查情况，与会党员充分讨论后逐个举手表决。",
        );
    }
    if last {
        m.agenda.push("讨论郑凯同志预备党员转正事项".into());
        m.minutes.push_str(
            "郑凯同志汇报预备期表现，入党介绍人介绍情况，支委会报告考察意见，与会党员充分讨论后举手表决。",
        );
        // 周敏, away on business, handed in a written opinion beforehand;
        // 朱婷 was ill.
        let away = vec![
            ("m09".to_string(), AbsenceReason::Work),
            ("m14".to_string(), AbsenceReason::Illness),
        ];
        mark(&mut m, year, slot, &away);
    } else {
        let away = choose_away(&m, year, branch_away(&m), &["m01", "m02"]);
        mark(&mut m, year, slot, &away);
    }
    let (present, away) = voters(&m);
    if intake {
        let written = away.min(1);
        m.votes = vec![
            vote(
                "v-1",
                "关于接收谢欣怡同志为中共预备党员的决议".into(),
                VoteKind::AdmitProbationary,
                (present, 0),
                written,
                "m24",
            ),
            vote(
                "v-2",
                "关于接收韩冬同志为中共预备党员的决议".into(),
                VoteKind::AdmitProbationary,
                (present.saturating_sub(1), present.min(1)),
                written,
                "m25",
            ),
        ];
        m.follow_ups = vec![follow_up(
            year,
            slot,
            "f-1",
            "将接收预备党员的材料报机关党委审批",
            "m03",
        )];
    }
    if last {
        m.votes = vec![vote(
            "v-1",
            "关于郑凯同志由中共预备党员转为中共正式党员的决议".into(),
            VoteKind::ConfirmFull,
            (present.saturating_sub(1), present.min(1)),
            1,
            "m23",
        )];
        m.follow_ups = vec![follow_up(
            year,
            slot,
            "f-1",
            "将郑凯同志转正材料报机关党委审批",
            "m03",
        )];
    }
    m
}

/// A follow-up due a few days after the meeting, done on time unless that
/// is this month.
fn follow_up(year: &ExampleYear, slot: &Slot, id: &str, task: &str, owner: &str) -> FollowUp {
    let due = days_after(slot.date, 4);
    FollowUp {
        id: id.into(),
        task: task.into(),
        owner: person(owner),
        due: Some(due),
        done_on: (due < year.this_month).then_some(due),
    }
}

/// Last year's 组织生活会, held as a 党员大会 together with 民主评议党员 in
/// January.
fn life(doc: &Document, year: &ExampleYear, slot: &Slot) -> Meeting {
    let mut m = held(
        doc,
        year,
        slot,
        Setting {
            kind: MeetingKind::OrganizationalLife,
            group: None,
            hours: ((9, 0), (11, 30)),
            place: "三楼党员活动室",
            theme: format!("{}年度组织生活会暨民主评议党员", year.review_year),
            host: "m01",
            recorder: "m02",
        },
    );
    m.also = vec![MeetingKind::DemocraticReview, MeetingKind::BranchAssembly];
    m.for_year = Some(year.review_year);
    m.agenda = vec![
        "通报上年度组织生活会整改落实情况".into(),
        "支委会作对照检查，党员对照“四个合格”逐一发言，开展批评和自我批评".into(),
        "民主测评".into(),
    ];
    m.minutes = "支部书记代表支委会作对照检查，党员逐一发言，开展批评和自我批评；发放民主测评票，当场收回。".into();
    for item in m.checklist.iter_mut() {
        item.done = true;
    }
    let away = choose_away(&m, year, 1, &["m01", "m02"]);
    mark(&mut m, year, slot, &away);
    m.follow_ups = vec![follow_up(
        year,
        slot,
        "f-1",
        "形成查摆问题整改清单，报机关党委",
        "m01",
    )];
    m
}

/// This month's 主题党日, planned on the 15th (or the next meeting day, and
/// not before today), its 会前 preparation begun.
fn planned_theme_day(doc: &Document, year: &ExampleYear) -> Meeting {
    let day = year.planned_theme_day();
    let text = &THEME_DAYS[day.month0() as usize];
    let plan = Plan {
        group_id: None,
        date: Some(day),
        time: time(14, 30),
        place: text.place.into(),
        theme: theme_day_theme(day.year(), day.month()),
    };
    let mut m = plan_meeting("mt-ex-3", MeetingKind::ThemeDay, plan, &doc.templates);
    m.state = MeetingState::Planned;
    for item in m.checklist.iter_mut() {
        item.done = item.phase == Phase::Before && item.id.ends_with("-1");
    }
    m.materials = vec![material("mt-ex-3", text.material)];
    m
}
