//! A realistic example branch, so a newcomer can look around before entering
//! their own: 25 members in three 党小组 and a few months of meetings.

use chrono::{Datelike, Months, NaiveDate, NaiveTime};

use super::meeting::{
    AbsenceReason, Attendance, FollowUp, MeetingKind, MeetingState, PersonRef, Phase, Presence,
    StudyMaterial, Vote,
};
use super::rules::checklist::{checklist_from, default_template};
use super::{
    Branch, Document, LocalRules, Meeting, Member, MemberStatus, PartyGroup, Role, Standing,
};

const NAMES: [&str; 25] = [
    "王建国",
    "李红梅",
    "张伟",
    "刘洋",
    "陈静",
    "杨帆",
    "赵丽",
    "黄海",
    "周敏",
    "吴昊",
    "徐晓燕",
    "孙磊",
    "马超",
    "朱婷",
    "胡斌",
    "郭颖",
    "何平",
    "高雪",
    "林峰",
    "罗娟",
    "梁志强",
    "宋佳",
    "郑凯",
    "谢欣怡",
    "韩冬",
];

pub fn example_document(today: NaiveDate) -> Document {
    let groups: Vec<PartyGroup> = ["第一党小组", "第二党小组", "第三党小组"]
        .iter()
        .enumerate()
        .map(|(i, name)| PartyGroup {
            id: format!("g{}", i + 1),
            name: name.to_string(),
        })
        .collect();
    let members: Vec<Member> = NAMES
        .iter()
        .enumerate()
        .map(|(i, name)| Member {
            id: format!("m{:02}", i + 1),
            name: name.to_string(),
            group_id: Some(format!("g{}", i % 3 + 1)),
            standing: if i >= 22 {
                Standing::Probationary
            } else {
                Standing::Full
            },
            role: match i {
                0 => Role::Secretary,
                1 => Role::DeputySecretary,
                2..=4 => Role::CommitteeMember,
                5..=7 => Role::GroupLeader,
                _ => Role::Member,
            },
            status: if i == 21 {
                MemberStatus::Left {
                    on: today.checked_sub_months(Months::new(2)),
                    reason: "组织关系转出".into(),
                }
            } else {
                MemberStatus::Active
            },
            note: String::new(),
            joined_on: None,
        })
        .collect();
    let branch = Branch {
        name: "示例单位第一党支部".into(),
        parent_org: "示例单位机关党委".into(),
        groups,
        rules: LocalRules {
            theme_day_of_month: Some(15),
            ..LocalRules::default()
        },
        study_kinds: vec![
            "党员每月一讲".into(),
            "OPL 一点课".into(),
            "五分钟晨学".into(),
        ],
    };
    let mut doc = Document {
        branch,
        members,
        meetings: Vec::new(),
        templates: Vec::new(),
    };
    doc.meetings = example_meetings(&doc, today);
    doc
}

fn example_meetings(doc: &Document, today: NaiveDate) -> Vec<Meeting> {
    let month_start = today.with_day(1).unwrap_or(today);
    let last_month = month_start
        .checked_sub_months(Months::new(1))
        .unwrap_or(month_start);
    let active: Vec<&Member> = doc.members.iter().filter(|m| m.is_active()).collect();
    let person = |id: &str| PersonRef {
        member_id: Some(id.into()),
        name: String::new(),
    };
    let attendance = |absent: &[(&str, AbsenceReason)], leave: bool| -> Vec<Attendance> {
        active
            .iter()
            .map(|m| match absent.iter().find(|(id, _)| *id == m.id) {
                Some((_, reason)) => Attendance {
                    member_id: m.id.clone(),
                    status: if leave {
                        Presence::Leave
                    } else {
                        Presence::Absent
                    },
                    reason: Some(*reason),
                    makeup: None,
                },
                None => Attendance {
                    member_id: m.id.clone(),
                    status: Presence::Present,
                    reason: None,
                    makeup: None,
                },
            })
            .collect()
    };
    let base = |id: &str, kind: MeetingKind, date: NaiveDate, theme: &str| Meeting {
        checklist: {
            let mut items = checklist_from(&default_template(&kind), &format!("{id}-c"));
            for item in items.iter_mut().filter(|c| c.phase != Phase::After) {
                item.done = true;
            }
            items
        },
        id: id.into(),
        kind,
        group_id: None,
        state: MeetingState::Held,
        sequence: None,
        planned_date: Some(date),
        planned_time: NaiveTime::from_hms_opt(14, 30, 0),
        date: Some(date),
        start_time: NaiveTime::from_hms_opt(14, 30, 0),
        end_time: NaiveTime::from_hms_opt(16, 0, 0),
        place: "三楼党员活动室".into(),
        theme: theme.into(),
        agenda: Vec::new(),
        host: person("m01"),
        recorder: person("m02"),
        lecturer: PersonRef::default(),
        observers: String::new(),
        attendance: Vec::new(),
        materials: Vec::new(),
        minutes: String::new(),
        speeches: Vec::new(),
        votes: Vec::new(),
        follow_ups: Vec::new(),
        remarks: String::new(),
        sign_in_sheet_kept: true,
        photos_kept: false,
    };
    let mut assembly = base(
        "mt-ex-1",
        MeetingKind::BranchAssembly,
        last_month.with_day(20).unwrap_or(last_month),
        "学习贯彻党的二十届四中全会精神",
    );
    assembly.agenda = vec![
        "集中学习全会公报".into(),
        "讨论本支部贯彻落实措施".into(),
        "表决接收预备党员事项".into(),
    ];
    assembly.attendance = attendance(
        &[
            ("m09", AbsenceReason::Work),
            ("m14", AbsenceReason::Illness),
        ],
        true,
    );
    assembly.materials = vec![StudyMaterial {
        id: "sm-1".into(),
        title: "中国共产党第二十届中央委员会第四次全体会议公报".into(),
        source: "人民日报".into(),
        covered: true,
    }];
    assembly.minutes = "书记王建国领学全会公报，围绕如何把全会精神落实到本职工作开展讨论。".into();
    assembly.votes = vec![Vote {
        id: "v-1".into(),
        motion: "关于接收谢欣怡同志为中共预备党员的决议".into(),
        in_favour: 18,
        against: 0,
        abstain: 1,
    }];
    assembly.follow_ups = vec![FollowUp {
        id: "f-1".into(),
        task: "各党小组结合业务制定学习计划".into(),
        owner: person("m06"),
        due: last_month.checked_add_months(Months::new(1)),
        done_on: None,
    }];
    let mut committee = base(
        "mt-ex-2",
        MeetingKind::CommitteeMeeting,
        last_month.with_day(5).unwrap_or(last_month),
        "研究部署本月党建工作",
    );
    committee.attendance = attendance(&[], true)
        .into_iter()
        .filter(|a| ["m01", "m02", "m03", "m04", "m05"].contains(&a.member_id.as_str()))
        .collect();
    let mut planned = base(
        "mt-ex-3",
        MeetingKind::ThemeDay,
        month_start.with_day(15).unwrap_or(month_start),
        "“党建+业务”主题党日",
    );
    planned.state = MeetingState::Planned;
    planned.date = None;
    planned.start_time = None;
    planned.end_time = None;
    planned.sign_in_sheet_kept = false;
    for item in planned.checklist.iter_mut() {
        item.done = item.phase == Phase::Before && item.id.ends_with("-1");
    }
    if planned.planned_date < Some(today) {
        planned.planned_date = today.checked_add_days(chrono::Days::new(3));
    }
    vec![assembly, committee, planned]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::validate;

    #[test]
    fn example_branch_is_valid_and_realistic() {
        let doc = example_document(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap());
        assert_eq!(doc.members.len(), 25);
        assert_eq!(doc.branch.groups.len(), 3);
        assert!(doc
            .members
            .iter()
            .any(|m| m.standing == Standing::Probationary));
        assert!(doc.members.iter().any(|m| !m.is_active()));
        assert_eq!(validate::check(&doc), Vec::new());
    }

    #[test]
    fn example_is_valid_in_january_too() {
        let doc = example_document(NaiveDate::from_ymd_opt(2027, 1, 31).unwrap());
        assert_eq!(validate::check(&doc), Vec::new());
    }
}
