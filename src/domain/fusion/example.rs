//! The example branch's 融合 records: this year's key-task list deployed at
//! last month's 支委会 and checked at the 党小组会, each 党小组's key work
//! for last month (reviewed) and this month (set), three members'
//! commitments, and the year's 党员每月一讲, OPL lessons and 晨学.

use chrono::{Datelike, Months, NaiveDate, NaiveTime};

use super::commitments::{Commitment, CommitmentKind, KeptNote, MemberCommitments};
use super::group_work::{GroupMonth, GroupReview, GroupWorkItem};
use super::study::{StudyForm, StudySession};
use super::tasks::{
    KeyTask, Milestone, ProgressNote, TaskCategory, TaskKind, TaskOwner, TaskSource, TaskStatus,
};
use crate::domain::meeting::{Attendance, MeetingKind, PersonRef, Presence};
use crate::domain::rules::attendance::was_active_on;
use crate::domain::rules::recording::{hold, plan_meeting, Plan};
use crate::domain::Document;

fn on(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

pub fn add_example_fusion(doc: &mut Document, today: NaiveDate) {
    let year = today.year();
    let month_start = today.with_day(1).unwrap_or(today);
    let last_month = month_start
        .checked_sub_months(Months::new(1))
        .unwrap_or(month_start);
    let committee_day = last_month.with_day(5);
    let group_day = last_month.with_day(25);
    add_group_meetings(doc, group_day.unwrap_or(last_month));
    doc.tasks = example_tasks(year, committee_day, group_day);
    doc.group_months = example_group_months(last_month, month_start);
    doc.commitments = example_commitments(year, today);
    doc.studies = example_studies(doc, today);
    // Stored records come back in the order of their keys.
    doc.studies.sort_by(|a, b| a.id.cmp(&b.id));
    doc.group_months.sort_by(|a, b| a.id.cmp(&b.id));
}

/// Each 党小组's meeting last month, where it reviewed the month's key work.
fn add_group_meetings(doc: &mut Document, day: NaiveDate) {
    for (group, leader) in [("g1", "m04"), ("g2", "m08"), ("g3", "m06")] {
        let plan = Plan {
            group_id: Some(group.into()),
            date: Some(day),
            time: NaiveTime::from_hms_opt(16, 0, 0),
            place: "小会议室".into(),
            theme: "回顾本月重点工作，研究下月打算".into(),
        };
        let mut m = plan_meeting(
            &format!("mt-ex-{group}"),
            MeetingKind::GroupMeeting,
            plan,
            &[],
        );
        for item in m.checklist.iter_mut() {
            item.done = true;
        }
        hold(&mut m, day, &doc.members);
        m.end_time = NaiveTime::from_hms_opt(17, 0, 0);
        let leader = PersonRef {
            member_id: Some(leader.into()),
            name: String::new(),
        };
        m.host = leader.clone();
        m.recorder = leader;
        m.attendance = m
            .roll
            .iter()
            .flatten()
            .map(|r| Attendance {
                member_id: r.member_id.clone(),
                status: Presence::Present,
                reason: None,
                makeup: None,
            })
            .collect();
        m.minutes =
            "党小组组长通报本月重点工作完成情况，党员逐一发言，查找差距，研究下月打算。".into();
        m.sign_in_sheet_kept = true;
        doc.meetings.push(m);
    }
}

fn example_tasks(
    year: i32,
    committee_day: Option<NaiveDate>,
    group_day: Option<NaiveDate>,
) -> Vec<KeyTask> {
    let milestone = |id: &str, month: u32, what: &str| Milestone {
        id: id.into(),
        date: on(year, month, 28),
        what: what.into(),
    };
    let note =
        |id: &str, date: Option<NaiveDate>, text: &str, meeting: Option<&str>| ProgressNote {
            id: id.into(),
            date,
            text: text.into(),
            meeting_id: meeting.map(str::to_string),
        };
    vec![
        KeyTask {
            id: "kt-ex-1".into(),
            year,
            kind: TaskKind::Duty,
            category: TaskCategory::Fused,
            title: "“党建+客户服务”流程优化攻坚".into(),
            source: TaskSource::Committee,
            owner: TaskOwner::Group("g1".into()),
            measures: "党员带头梳理客户服务流程，设立党员先锋岗，每月在党小组会上通报进展。".into(),
            milestones: vec![
                milestone("ms-1", 3, "完成流程梳理"),
                milestone("ms-2", 6, "优化方案试运行"),
                milestone("ms-3", 11, "全面推行并总结"),
            ],
            progress: vec![note(
                "pn-1",
                group_day,
                "已完成流程梳理，形成优化方案初稿，下月试运行。",
                Some("mt-ex-g1"),
            )],
            status: TaskStatus::InProgress,
            deployed_in: Some("mt-ex-2".into()),
            ..KeyTask::default()
        },
        KeyTask {
            id: "kt-ex-2".into(),
            year,
            kind: TaskKind::Duty,
            category: TaskCategory::Party,
            title: "开展“党员先锋岗”亮身份活动".into(),
            source: TaskSource::Superior,
            owner: TaskOwner::Branch,
            measures: "全体党员在岗位上亮明身份，设立 3 个党员先锋岗。".into(),
            progress: vec![note(
                "pn-2",
                committee_day,
                "3 个先锋岗已挂牌。",
                Some("mt-ex-2"),
            )],
            status: TaskStatus::Closed,
            closed_on: committee_day,
            evidence: "先锋岗名单和挂牌照片已留存纸质材料。".into(),
            ..KeyTask::default()
        },
        KeyTask {
            id: "kt-ex-3".into(),
            year,
            kind: TaskKind::Duty,
            category: TaskCategory::Business,
            title: "年度重点业务指标攻坚".into(),
            source: TaskSource::Committee,
            owner: TaskOwner::Group("g2".into()),
            measures: "分解年度指标到人，党员认领难点任务。".into(),
            progress: vec![note(
                "pn-3",
                group_day,
                "完成全年指标的 85%，差距在第四季度补齐。",
                Some("mt-ex-g2"),
            )],
            status: TaskStatus::InProgress,
            deployed_in: Some("mt-ex-2".into()),
            ..KeyTask::default()
        },
        KeyTask {
            id: "kt-ex-4".into(),
            year,
            kind: TaskKind::Problem,
            category: TaskCategory::Fused,
            title: "理论学习与业务工作结合不够紧密".into(),
            source: TaskSource::OrganizationalLife,
            owner: TaskOwner::Branch,
            measures: "每次集中学习安排一名党员结合岗位谈体会。".into(),
            status: TaskStatus::Closed,
            closed_on: on(year, 6, 30),
            evidence: "学习记录和交流发言材料已留存。".into(),
            ..KeyTask::default()
        },
        KeyTask {
            id: "kt-ex-5".into(),
            year,
            kind: TaskKind::Remedy,
            category: TaskCategory::Fused,
            title: "每季度开展一次“党建+业务”专题研讨".into(),
            source: TaskSource::OrganizationalLife,
            owner: TaskOwner::Member("m03".into()),
            measures: "组织委员牵头，每季度确定一个业务难题开展研讨。".into(),
            milestones: vec![
                milestone("ms-4", 3, "第一季度研讨"),
                milestone("ms-5", 6, "第二季度研讨"),
                milestone("ms-6", 9, "第三季度研讨"),
                milestone("ms-7", 12, "第四季度研讨"),
            ],
            status: TaskStatus::InProgress,
            ..KeyTask::default()
        },
    ]
}

fn example_group_months(last_month: NaiveDate, this_month: NaiveDate) -> Vec<GroupMonth> {
    let work = [
        (
            "g1",
            "kt-ex-1",
            "完成客户服务流程梳理",
            "试运行优化后的服务流程",
        ),
        (
            "g2",
            "kt-ex-3",
            "第四季度业务指标分解到人",
            "开展指标攻坚“回头看”",
        ),
        ("g3", "", "组织党员参加社区志愿服务", "开展一次业务技能比武"),
    ];
    let mut out = Vec::new();
    for (group, task, last, now) in work {
        let item = |id: &str, text: &str| GroupWorkItem {
            id: id.into(),
            text: text.into(),
            task_id: (!task.is_empty()).then(|| task.to_string()),
        };
        let mut reviewed = GroupMonth::new(group, last_month.year(), last_month.month());
        reviewed.items.push(item("gw-1", last));
        reviewed.review = GroupReview {
            meeting_id: Some(format!("mt-ex-{group}")),
            done: format!("{last}，按计划完成。"),
            gaps: "个别党员参与不够主动。".into(),
            fixes: "由党小组组长一对一沟通，明确分工。".into(),
            next: now.into(),
        };
        out.push(reviewed);
        let mut set = GroupMonth::new(group, this_month.year(), this_month.month());
        set.items.push(item("gw-2", now));
        out.push(set);
    }
    out
}

/// (类别, 承诺内容, 时限).
type Pledge = (CommitmentKind, &'static str, &'static str);

fn example_commitments(year: i32, today: NaiveDate) -> Vec<MemberCommitments> {
    let published = on(year, 1, 10).filter(|d| *d <= today).or(Some(today));
    let pledges: [(&str, [Pledge; 3]); 3] = [
        (
            "m04",
            [
                (
                    CommitmentKind::Study,
                    "每月精读一篇党的创新理论文章并写体会",
                    "全年",
                ),
                (CommitmentKind::Work, "牵头完成客户服务流程优化", "11月底"),
                (
                    CommitmentKind::Service,
                    "每季度参加一次社区志愿服务",
                    "全年",
                ),
            ],
        ),
        (
            "m10",
            [
                (
                    CommitmentKind::Study,
                    "学习强国每日学习，年积分不少于 10000",
                    "全年",
                ),
                (CommitmentKind::Work, "业务差错率控制在 0.5% 以内", "全年"),
                (
                    CommitmentKind::Discipline,
                    "严守工作纪律，不迟到早退",
                    "全年",
                ),
            ],
        ),
        (
            "m11",
            [
                (
                    CommitmentKind::Study,
                    "参加党员每月一讲并主讲一次",
                    "年底前",
                ),
                (CommitmentKind::Work, "完成两项业务流程改进建议", "9月底"),
                (CommitmentKind::Service, "结对帮扶一名新入职同事", "全年"),
            ],
        ),
    ];
    pledges
        .iter()
        .map(|(member, items)| {
            let mut record = MemberCommitments::new(member, year);
            record.published_on = published;
            record.items = items
                .iter()
                .enumerate()
                .map(|(i, (kind, text, deadline))| Commitment {
                    id: format!("cmi-{}", i + 1),
                    kind: *kind,
                    text: (*text).into(),
                    deadline: (*deadline).into(),
                    notes: if i == 0 {
                        vec![KeptNote {
                            id: "kn-1".into(),
                            date: on(year, 6, 30).filter(|d| *d <= today),
                            text: "上半年按计划完成，体会已交党小组。".into(),
                        }]
                    } else {
                        Vec::new()
                    },
                    self_rating: None,
                })
                .collect();
            record
        })
        .collect()
}

fn example_studies(doc: &Document, today: NaiveDate) -> Vec<StudySession> {
    let year = today.year();
    let active: Vec<String> = doc
        .members
        .iter()
        .filter(|m| was_active_on(m, Some(today)))
        .map(|m| m.id.clone())
        .collect();
    let speaker = |id: &str| PersonRef {
        member_id: Some(id.into()),
        name: String::new(),
    };
    let talks = [
        ("m01", "理论", "新时代党的建设总要求"),
        ("m02", "党务知识", "党员发展工作流程"),
        ("m05", "业务", "客户投诉处理的几点做法"),
        ("m07", "理论", "学习《中国共产党章程》总纲"),
        ("m09", "业务", "数据安全与保密常识"),
        ("m12", "党务知识", "党费收缴使用管理规定"),
        ("m13", "业务", "业务流程中的风险点"),
        ("m15", "理论", "全面从严治党的新要求"),
        ("m16", "业务", "服务礼仪与沟通"),
        ("m18", "党务知识", "“三会一课”怎么开"),
        ("m19", "理论", "四中全会精神学习体会"),
    ];
    let mut out = Vec::new();
    for (month, (who, category, title)) in (1..=12).zip(talks) {
        let Some(date) = on(year, month, 10).filter(|d| *d < today) else {
            break;
        };
        out.push(StudySession {
            id: format!("st-ex-talk-{month}"),
            form: StudyForm::MonthlyTalk,
            date: Some(date),
            speaker: speaker(who),
            title: title.into(),
            category: category.into(),
            attendees: active.clone(),
            minutes: 30,
            ..StudySession::default()
        });
    }
    let opl = [
        (4, "m08", "基础知识", "电子发票查验三步法", "一、登录查验平台；二、录入发票代码、号码和金额；三、核对查验结果并截图留存。常见错误：金额填含税价。"),
        (9, "m06", "改善案例", "客户回访单从 3 页减到 1 页", "问题：回访单项目重复，客户不愿填写。做法：合并重复项，改为勾选。效果：回收率由 60% 提高到 92%。"),
    ];
    for (month, who, category, title, points) in opl {
        let Some(date) = on(year, month, 18).filter(|d| *d < today) else {
            continue;
        };
        out.push(StudySession {
            id: format!("st-ex-opl-{month}"),
            form: StudyForm::OnePointLesson,
            date: Some(date),
            speaker: speaker(who),
            title: title.into(),
            category: category.into(),
            points: points.into(),
            attendees: active.iter().take(12).cloned().collect(),
            minutes: 15,
            ..StudySession::default()
        });
    }
    let month_start = today.with_day(1).unwrap_or(today);
    let last_month = month_start
        .checked_sub_months(Months::new(1))
        .unwrap_or(month_start);
    let readings = [
        "学习习近平总书记重要讲话一段",
        "学习《党章》第一章",
        "学习本单位安全生产规定",
        "学习一则廉洁警示案例",
    ];
    for (week, text) in readings.iter().enumerate() {
        let Some(date) = last_month.checked_add_days(chrono::Days::new(week as u64 * 7 + 2)) else {
            continue;
        };
        out.push(StudySession {
            id: format!("st-ex-am-{}", week + 1),
            form: StudyForm::MorningStudy,
            date: Some(date),
            speaker: speaker(["m04", "m06", "m08", "m04"][week]),
            title: (*text).into(),
            headcount: Some(15 + week as u32),
            minutes: 5,
            department: "综合科".into(),
            ..StudySession::default()
        });
    }
    out
}
