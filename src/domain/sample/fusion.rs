//! The example branch's 融合 records, on the example's calendar
//! (`crate::domain::sample`): this year's key-task list deployed at the
//! year's first 支委会 and checked month by month, each milestone met as the
//! progress notes say; the tasks the 组织生活会 found; each 党小组's monthly
//! key work reviewed at its meeting, in its own words; every member's 承诺,
//! none of them a points target; and the year's 党员每月一讲, OPL lessons,
//! 晨学 and training outside the branch.

use chrono::{Datelike, Days, Months, NaiveDate};

use super::texts::{GROUP_MONTHS, MONTHLY_TALKS};
use super::{meeting_day_from, Event, ExampleYear};
use crate::domain::fusion::commitments::{
    Commitment, CommitmentKind, Fulfilment, KeptNote, MemberCommitments,
};
use crate::domain::fusion::group_work::{GroupMonth, GroupReview, GroupWorkItem};
use crate::domain::fusion::study::{StudyForm, StudySession};
use crate::domain::fusion::tasks::{
    KeyTask, Milestone, ProgressNote, TaskCategory, TaskKind, TaskOwner, TaskSource, TaskStatus,
};
use crate::domain::meeting::PersonRef;
use crate::domain::rules::attendance::was_active_on;
use crate::domain::Document;

fn person(id: &str) -> PersonRef {
    PersonRef {
        member_id: Some(id.into()),
        name: String::new(),
    }
}

/// A stable hash, so the example is the same whatever day it is made on.
fn hash(text: &str) -> u64 {
    crate::domain::sample::hash(text)
}

pub(crate) fn add_example_fusion(doc: &mut Document, year: &ExampleYear) {
    doc.tasks = example_tasks(year);
    doc.group_months = example_group_months(year);
    doc.commitments = example_commitments(doc, year);
    doc.studies = example_studies(doc, year);
    // Stored records come back in the order of their keys.
    doc.studies.sort_by(|a, b| a.id.cmp(&b.id));
    doc.group_months.sort_by(|a, b| a.id.cmp(&b.id));
    doc.commitments.sort_by(|a, b| a.id.cmp(&b.id));
}

/// The held meetings of `event` in the twelve months, with their month.
fn held(year: &ExampleYear, event: Event) -> impl Iterator<Item = (NaiveDate, &str, NaiveDate)> {
    year.slots
        .iter()
        .filter(move |s| s.event == event && !s.id.ends_with("-late"))
        .map(|s| (year.months[s.month], s.id.as_str(), s.date))
}

/// The last meeting day of `month` in `year`: a milestone's date.
fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let last = first.checked_add_months(Months::new(1))?.pred_opt()?;
    Some(crate::domain::sample::meeting_day_until(last))
}

fn milestone(id: &str, year: i32, month: u32, what: &str) -> Milestone {
    Milestone {
        id: id.into(),
        date: month_end(year, month),
        what: what.into(),
    }
}

fn note(id: String, date: NaiveDate, text: &str, meeting: &str) -> ProgressNote {
    ProgressNote {
        id,
        date: Some(date),
        text: text.into(),
        meeting_id: Some(meeting.into()),
    }
}

/// The 支委会 that deployed this year's list: January's, or in January
/// December's (the year's list is settled before it starts).
fn deploying_committee(year: &ExampleYear) -> Option<(&str, NaiveDate)> {
    let month = year.deploying_month()?;
    year.slot(Event::Committee, month)
        .map(|s| (s.id.as_str(), s.date))
}

fn example_tasks(year: &ExampleYear) -> Vec<KeyTask> {
    let plan = year.plan_year();
    let deployed = deploying_committee(year);
    let after_deployment = |date: NaiveDate| deployed.is_some_and(|(_, d)| date > d);
    let status_of = |progress: &[ProgressNote], done: bool| match (done, progress.is_empty()) {
        (true, _) => TaskStatus::Done,
        (false, false) => TaskStatus::InProgress,
        (false, true) => TaskStatus::NotStarted,
    };
    let group_notes = |group: usize, prefix: &str| -> Vec<ProgressNote> {
        held(year, Event::Group(group))
            .filter(|(first, _, date)| first.year() == plan && after_deployment(*date))
            .enumerate()
            .map(|(i, (first, id, date))| {
                let text = GROUP_MONTHS[group][first.month0() as usize].done;
                note(format!("{prefix}-{}", i + 1), date, text, id)
            })
            .collect()
    };
    let committee_in = |y: i32, month: u32| {
        held(year, Event::Committee)
            .find(|(first, _, _)| first.year() == y && first.month() == month)
    };

    let service = group_notes(0, "pn-1");
    let service_done = held(year, Event::Group(0))
        .any(|(first, _, _)| first.year() == plan && first.month() == 11);
    let targets = group_notes(1, "pn-3");

    // The 党员先锋岗: people chosen in February, posts up in March, checked
    // and closed in April.
    let mut posts = Vec::new();
    if let Some((_, id, date)) = committee_in(plan, 2).filter(|c| after_deployment(c.2)) {
        posts.push(note(
            "pn-2-1".into(),
            date,
            "研究确定 3 个党员先锋岗人选。",
            id,
        ));
    }
    let posts_closed = committee_in(plan, 4).filter(|c| after_deployment(c.2));
    if let Some((_, id, date)) = posts_closed {
        posts.push(note(
            "pn-2-2".into(),
            date,
            "3 个先锋岗已于 3 月挂牌，亮身份活动开展正常。",
            id,
        ));
    }

    let mut tasks = vec![
        KeyTask {
            id: "kt-ex-1".into(),
            year: plan,
            kind: TaskKind::Duty,
            category: TaskCategory::Fused,
            title: "“党建+客户服务”流程优化攻坚".into(),
            source: TaskSource::Committee,
            owner: TaskOwner::Group("g1".into()),
            measures: "党员带头梳理客户服务流程，设立党员先锋岗，每月在党小组会上通报进展。".into(),
            milestones: vec![
                milestone("ms-1", plan, 3, "完成流程梳理"),
                milestone("ms-2", plan, 6, "优化方案试运行"),
                milestone("ms-3", plan, 9, "优化流程全面推行"),
                milestone("ms-4", plan, 11, "回访客户，总结成效"),
            ],
            status: status_of(&service, service_done),
            progress: service,
            deployed_in: deployed.map(|(id, _)| id.to_string()),
            ..KeyTask::default()
        },
        KeyTask {
            id: "kt-ex-2".into(),
            year: plan,
            kind: TaskKind::Duty,
            category: TaskCategory::Party,
            title: "开展“党员先锋岗”亮身份活动".into(),
            source: TaskSource::Superior,
            owner: TaskOwner::Branch,
            measures: "全体党员在岗位上亮明身份，设立 3 个党员先锋岗。".into(),
            milestones: vec![milestone("ms-5", plan, 3, "先锋岗挂牌")],
            status: status_of(&posts, false),
            progress: posts,
            deployed_in: deployed.map(|(id, _)| id.to_string()),
            ..KeyTask::default()
        },
        KeyTask {
            id: "kt-ex-3".into(),
            year: plan,
            kind: TaskKind::Duty,
            category: TaskCategory::Business,
            title: "年度重点业务指标攻坚".into(),
            source: TaskSource::Committee,
            owner: TaskOwner::Group("g2".into()),
            measures: "分解年度指标到人，党员认领难点任务。".into(),
            milestones: vec![
                milestone("ms-6", plan, 3, "一季度完成全年指标的 25%"),
                milestone("ms-7", plan, 6, "上半年实现“双过半”"),
                milestone("ms-8", plan, 9, "前三季度完成全年指标的 75%"),
                milestone("ms-9", plan, 12, "完成全年指标"),
            ],
            status: status_of(&targets, false),
            progress: targets,
            deployed_in: deployed.map(|(id, _)| id.to_string()),
            ..KeyTask::default()
        },
    ];
    if let Some((_, _, day)) = posts_closed {
        tasks[1].close(day);
        tasks[1].evidence = "先锋岗名单和挂牌照片已留存纸质材料。".into();
    }
    tasks.extend(life_tasks(year));
    tasks
}

/// What the 组织生活会 found and the fix it set, on the list of the year it
/// was held: checked at the 支委会 after each quarter and closed once done.
fn life_tasks(year: &ExampleYear) -> Vec<KeyTask> {
    let held_in = year.review_year + 1;
    let committee_in = |month: u32| {
        held(year, Event::Committee)
            .find(|(first, _, _)| first.year() == held_in && first.month() == month)
    };
    let mut problem = KeyTask {
        id: "kt-ex-4".into(),
        year: held_in,
        kind: TaskKind::Problem,
        category: TaskCategory::Fused,
        title: "理论学习与业务工作结合不够紧密".into(),
        source: TaskSource::OrganizationalLife,
        owner: TaskOwner::Branch,
        measures: "每次集中学习安排一名党员结合岗位谈体会。".into(),
        deployed_in: Some("mt-ex-4".into()),
        ..KeyTask::default()
    };
    if let Some((_, id, date)) = committee_in(4) {
        problem.progress.push(note(
            "pn-4-1".into(),
            date,
            "一季度集中学习都安排了党员结合岗位谈体会，共 6 人次。",
            id,
        ));
        problem.status = TaskStatus::InProgress;
    }
    if let Some((_, id, date)) = committee_in(7) {
        problem.progress.push(note(
            "pn-4-2".into(),
            date,
            "已形成常态，列入支部学习制度。",
            id,
        ));
        problem.close(date);
        problem.evidence = "学习记录和交流发言材料已留存。".into();
    }
    let topics = [
        (4, "一季度围绕窗口高峰分流开展专题研讨。"),
        (7, "二季度围绕新业务推广开展专题研讨。"),
        (10, "三季度围绕数据质量开展专题研讨。"),
        (
            12,
            "四季度围绕客户回访开展专题研讨，全年 4 次研讨均已完成。",
        ),
    ];
    let mut remedy = KeyTask {
        id: "kt-ex-5".into(),
        year: held_in,
        kind: TaskKind::Remedy,
        category: TaskCategory::Fused,
        title: "每季度开展一次“党建+业务”专题研讨".into(),
        source: TaskSource::OrganizationalLife,
        owner: TaskOwner::Member("m03".into()),
        measures: "组织委员牵头，每季度确定一个业务难题开展研讨。".into(),
        milestones: vec![
            milestone("ms-10", held_in, 3, "第一季度研讨"),
            milestone("ms-11", held_in, 6, "第二季度研讨"),
            milestone("ms-12", held_in, 9, "第三季度研讨"),
            milestone("ms-13", held_in, 11, "第四季度研讨"),
        ],
        deployed_in: Some("mt-ex-4".into()),
        ..KeyTask::default()
    };
    for (i, (month, text)) in topics.iter().enumerate() {
        if let Some((_, id, date)) = committee_in(*month) {
            remedy
                .progress
                .push(note(format!("pn-5-{}", i + 1), date, text, id));
            remedy.status = TaskStatus::InProgress;
            if *month == 12 {
                remedy.close(date);
                remedy.evidence = "4 次研讨的记录和形成的改进措施已留存。".into();
            }
        }
    }
    vec![problem, remedy]
}

/// Each 党小组's key work for every month of the twelve, reviewed at its
/// meeting (the late one at the next month's first), and this month's set.
fn example_group_months(year: &ExampleYear) -> Vec<GroupMonth> {
    let plan = year.plan_year();
    let deployed = deploying_committee(year).map(|(_, d)| d);
    let task_of = |group: usize, first: NaiveDate| {
        let linked =
            first.year() == plan && deployed.is_some_and(|d| first >= d.with_day(1).unwrap_or(d));
        match group {
            0 if linked => Some("kt-ex-1".to_string()),
            1 if linked => Some("kt-ex-3".to_string()),
            _ => None,
        }
    };
    let mut out = Vec::new();
    for (group, texts) in GROUP_MONTHS.iter().enumerate() {
        let gid = format!("g{}", group + 1);
        for (i, first) in year.months.iter().enumerate() {
            let text = &texts[first.month0() as usize];
            let next = &texts[(first.month0() as usize + 1) % 12];
            let mut month = GroupMonth::new(&gid, first.year(), first.month());
            month.items.push(GroupWorkItem {
                id: "gw-1".into(),
                text: text.work.into(),
                task_id: task_of(group, *first),
            });
            let at = year
                .slots
                .iter()
                .filter(|s| s.event == Event::Group(group))
                .find(|s| {
                    if s.id.ends_with("-late") {
                        s.month == i + 1
                    } else {
                        s.month == i
                    }
                })
                .map(|s| s.id.clone());
            if let Some(meeting) = at {
                month.review = GroupReview {
                    meeting_id: Some(meeting),
                    done: text.done.into(),
                    gaps: text.gap.into(),
                    fixes: text.fix.into(),
                    next: next.work.into(),
                };
            }
            out.push(month);
        }
        let now = year.this_month;
        let mut set = GroupMonth::new(&gid, now.year(), now.month());
        set.items.push(GroupWorkItem {
            id: "gw-1".into(),
            text: texts[now.month0() as usize].work.into(),
            task_id: task_of(group, now),
        });
        out.push(set);
    }
    out
}

type Pledge = (CommitmentKind, &'static str, &'static str);

const STUDY_PLEDGES: [Pledge; 8] = [
    (
        CommitmentKind::Study,
        "每月精读一篇党的创新理论文章并写体会",
        "全年",
    ),
    (
        CommitmentKind::Study,
        "全年读完 4 本理论书籍，在党小组会上交流一次",
        "年底前",
    ),
    (
        CommitmentKind::Study,
        "按时参加支部集中学习，缺席的一周内补学",
        "全年",
    ),
    (CommitmentKind::Study, "每季度写一篇学习心得", "每季度"),
    (CommitmentKind::Study, "在党小组会上领学党章一次", "6月底"),
    (
        CommitmentKind::Study,
        "参加党员每月一讲并主讲一次",
        "年底前",
    ),
    (
        CommitmentKind::Study,
        "逐章学习《中国共产党纪律处分条例》",
        "9月底",
    ),
    (
        CommitmentKind::Study,
        "结合岗位学习新修订的业务规定，年内作一次岗位讲解",
        "年底前",
    ),
];

const WORK_PLEDGES: [Pledge; 8] = [
    (CommitmentKind::Work, "业务差错率控制在 0.5% 以内", "全年"),
    (CommitmentKind::Work, "提出两项业务流程改进建议", "9月底"),
    (
        CommitmentKind::Work,
        "带教一名新入职同事，三个月内能独立上岗",
        "6月底",
    ),
    (
        CommitmentKind::Work,
        "认领一项业务难点任务并按期完成",
        "年底前",
    ),
    (
        CommitmentKind::Work,
        "个人业务指标按季度达到序时进度",
        "全年",
    ),
    (
        CommitmentKind::Work,
        "提出一项合理化建议并推动落实",
        "年底前",
    ),
    (CommitmentKind::Work, "做好窗口服务，全年无有效投诉", "全年"),
    (
        CommitmentKind::Work,
        "整理本岗位操作要点，形成一页纸指引",
        "6月底",
    ),
];

const OTHER_PLEDGES: [Pledge; 8] = [
    (
        CommitmentKind::Service,
        "每季度参加一次社区志愿服务",
        "全年",
    ),
    (
        CommitmentKind::Discipline,
        "严守工作纪律，不迟到早退",
        "全年",
    ),
    (CommitmentKind::Service, "结对帮扶一名新入职同事", "全年"),
    (CommitmentKind::Discipline, "按月足额交纳党费", "全年"),
    (
        CommitmentKind::Service,
        "到社区“双报到”，全年服务不少于 4 次",
        "全年",
    ),
    (
        CommitmentKind::Discipline,
        "严守中央八项规定精神，不收受客户礼品",
        "全年",
    ),
    (
        CommitmentKind::Service,
        "参加支部组织的公益活动不少于两次",
        "全年",
    ),
    (
        CommitmentKind::Discipline,
        "遵守保密规定，不在微信群传送工作资料",
        "全年",
    ),
];

const KEPT_NOTES: [&str; 4] = [
    "上半年按计划完成，体会已交党小组。",
    "上半年已完成一半，在党小组会上作了交流。",
    "上半年按计划推进，进度符合时限。",
    "已按计划完成阶段任务。",
];

/// Every member's 承诺 for the year, made at its January 主题党日 (or, for
/// a member who joined later, at the first 主题党日 after), with a note at
/// the July 党小组会 once the half year is past, and the self-rating at
/// the year's end.
fn example_commitments(doc: &Document, year: &ExampleYear) -> Vec<MemberCommitments> {
    let pledge_year = year.pledge_year();
    let theme_days: Vec<NaiveDate> = year
        .slots
        .iter()
        .filter(|s| matches!(s.event, Event::ThemeDay | Event::ThemeAssembly))
        .map(|s| s.date)
        .filter(|d| d.year() == pledge_year)
        .collect();
    let year_over = pledge_year < year.today.year();
    let mut out = Vec::new();
    for (i, member) in doc.members.iter().enumerate() {
        let Some(published) = theme_days
            .iter()
            .copied()
            .find(|d| was_active_on(member, Some(*d)))
        else {
            continue;
        };
        let group = member
            .group_id
            .as_deref()
            .and_then(|g| g.strip_prefix('g'))
            .and_then(|n| n.parse::<usize>().ok())
            .map_or(0, |n| n.saturating_sub(1));
        let july = year
            .slots
            .iter()
            .find(|s| {
                s.event == Event::Group(group)
                    && year.months[s.month].year() == pledge_year
                    && year.months[s.month].month() == 7
            })
            .map(|s| s.date)
            .filter(|d| was_active_on(member, Some(*d)));
        let work = if member.id == "m04" {
            (CommitmentKind::Work, "牵头完成客户服务流程优化", "11月底")
        } else {
            WORK_PLEDGES[(i * 3) % WORK_PLEDGES.len()]
        };
        let pledges = [
            STUDY_PLEDGES[i % STUDY_PLEDGES.len()],
            work,
            OTHER_PLEDGES[(i * 5) % OTHER_PLEDGES.len()],
        ];
        let mut record = MemberCommitments::new(&member.id, pledge_year);
        record.published_on = Some(published);
        record.items = pledges
            .iter()
            .enumerate()
            .map(|(j, (kind, text, deadline))| Commitment {
                id: format!("cmi-{}", j + 1),
                kind: *kind,
                text: (*text).into(),
                deadline: (*deadline).into(),
                notes: match (j, july) {
                    (0, Some(date)) => vec![KeptNote {
                        id: "kn-1".into(),
                        date: Some(date),
                        text: KEPT_NOTES[(hash(&member.id) % 4) as usize].into(),
                    }],
                    _ => Vec::new(),
                },
                self_rating: year_over.then(|| {
                    if j == 1 && hash(&member.id).is_multiple_of(5) {
                        Fulfilment::Partly
                    } else {
                        Fulfilment::Kept
                    }
                }),
            })
            .collect();
        out.push(record);
    }
    out
}

fn example_studies(doc: &Document, year: &ExampleYear) -> Vec<StudySession> {
    let active_on = |date: NaiveDate| -> Vec<&str> {
        doc.members
            .iter()
            .filter(|m| was_active_on(m, Some(date)))
            .map(|m| m.id.as_str())
            .collect()
    };
    // Those at work that day: one or two are away, and the member who is
    // ill around the 组织生活会.
    let present = |id: &str, date: NaiveDate, among: Vec<&str>, speaker: &str| -> Vec<String> {
        let ill = (date - year.life_day()).num_days().abs() <= 40;
        let away = 1 + hash(id) % 2;
        let mut ranked: Vec<&str> = among
            .iter()
            .copied()
            .filter(|m| *m != speaker && *m != "m17")
            .collect();
        ranked.sort_by_key(|m| hash(&format!("{id}/{m}")));
        let mut kept: Vec<String> = ranked
            .into_iter()
            .skip(away as usize)
            .map(str::to_string)
            .collect();
        if !ill && among.contains(&"m17") && speaker != "m17" {
            kept.push("m17".into());
        }
        kept.sort();
        kept
    };
    let mut out = Vec::new();
    let talks = year.slots.iter().filter(|s| s.event == Event::MonthlyTalk);
    for (turn, slot) in talks.enumerate() {
        let first = year.months[slot.month];
        let members = active_on(slot.date);
        let speaker = members[turn % members.len()];
        let (category, title) = MONTHLY_TALKS[first.month0() as usize];
        let id = format!("st-ex-talk-{}{:02}", first.year(), first.month());
        out.push(StudySession {
            attendees: present(&id, slot.date, members.clone(), speaker),
            id,
            form: StudyForm::MonthlyTalk,
            date: Some(slot.date),
            speaker: person(speaker),
            title: title.into(),
            category: category.into(),
            minutes: 30,
            ..StudySession::default()
        });
    }
    let lessons = [
        (2, "m08", "g2", "基础知识", "电子发票查验三步法", "一、登录查验平台；二、录入发票代码、号码和金额；三、核对查验结果并截图留存。常见错误：金额填成含税价。"),
        (6, "m06", "g3", "改善案例", "客户回访单从 3 页减到 1 页", "问题：回访单项目重复，客户不愿填写。做法：合并重复项，改为勾选。效果：回收率由 60% 提高到 92%。"),
        (10, "m04", "g1", "问题案例", "一笔重复录入的差错是怎样发生的", "经过：同一笔业务被两人先后录入。原因：交接时未在台账上标记。措施：录入前先查台账，录入后当场标记。"),
    ];
    for (month, speaker, group, category, title, points) in lessons {
        let first = year.months[month];
        let date = meeting_day_from(first.with_day(18).unwrap_or(first));
        let id = format!("st-ex-opl-{}{:02}", first.year(), first.month());
        let group_members: Vec<&str> = doc
            .members
            .iter()
            .filter(|m| m.group_id.as_deref() == Some(group) && was_active_on(m, Some(date)))
            .map(|m| m.id.as_str())
            .collect();
        out.push(StudySession {
            attendees: present(&id, date, group_members, speaker),
            id,
            form: StudyForm::OnePointLesson,
            date: Some(date),
            speaker: person(speaker),
            title: title.into(),
            category: category.into(),
            points: points.into(),
            minutes: 15,
            ..StudySession::default()
        });
    }
    let last = year.months[year.last_month()];
    let monday = last
        .iter_days()
        .find(|d| d.weekday() == chrono::Weekday::Mon)
        .unwrap_or(last);
    let readings = [
        "学习习近平总书记重要讲话一段",
        "学习《党章》第一章",
        "学习本单位安全生产规定",
        "学习一则廉洁警示案例",
    ];
    for (week, text) in readings.iter().enumerate() {
        let date = meeting_day_from(
            monday
                .checked_add_days(Days::new(week as u64 * 7))
                .unwrap_or(monday),
        );
        if date.month() != last.month() {
            continue;
        }
        out.push(StudySession {
            id: format!("st-ex-am-{}", week + 1),
            form: StudyForm::MorningStudy,
            date: Some(date),
            speaker: person(["m04", "m06", "m08", "m04"][week]),
            title: (*text).into(),
            headcount: Some(15 + week as u32),
            minutes: 5,
            department: "综合科".into(),
            ..StudySession::default()
        });
    }
    out.extend(outside_training(doc, year, &present));
    out
}

/// Who of `among` was there on a day, for a session with a speaker.
type Present<'a> = dyn Fn(&str, NaiveDate, Vec<&str>, &str) -> Vec<String> + 'a;

/// Training outside the branch, entered with the 学时 its organiser gave:
/// the 机关党委's yearly 集中轮训 at the county 党校 for the members, a
/// two-day course for the 书记 and 委员, and an online course.
fn outside_training(doc: &Document, year: &ExampleYear, present: &Present) -> Vec<StudySession> {
    let committee = ["m01", "m02", "m03", "m04", "m05"];
    let courses: [(usize, u32, &str, &str, u32); 3] = [
        (
            4,
            13,
            "机关党委党员集中轮训（县委党校，1 天）",
            "党校轮训",
            80,
        ),
        (
            8,
            10,
            "基层党组织书记和委员培训班（县委党校，2 天）",
            "党校轮训",
            160,
        ),
        (10, 25, "中国干部网络学院专题网上学习", "网络培训", 60),
    ];
    courses
        .iter()
        .enumerate()
        .map(|(n, (month, day, title, category, tenths))| {
            let first = year.months[*month];
            let date = meeting_day_from(first.with_day(*day).unwrap_or(first));
            let id = format!("st-ex-out-{}", n + 1);
            let active: Vec<&str> = doc
                .members
                .iter()
                .filter(|m| was_active_on(m, Some(date)))
                .map(|m| m.id.as_str())
                .collect();
            let attendees = match n {
                0 => present(&id, date, active, ""),
                1 => committee.iter().map(|s| s.to_string()).collect(),
                _ => committee
                    .iter()
                    .chain(["m10", "m12"].iter())
                    .map(|s| s.to_string())
                    .collect(),
            };
            StudySession {
                id,
                form: StudyForm::Outside,
                date: Some(date),
                title: (*title).into(),
                category: (*category).into(),
                attendees,
                credited_tenths: *tenths,
                ..StudySession::default()
            }
        })
        .collect()
}
