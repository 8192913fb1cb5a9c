//! A realistic example branch, so a newcomer can look around before entering
//! their own: 25 members in three 党小组 and a few months of meetings.

use chrono::{Datelike, Months, NaiveDate, NaiveTime};

use super::assessment::form::{finish, new_form, reopen, AssessmentForm};
use super::assessment::review::{
    decide, members_to_review, review_mut, summary_of, ImportedSummary, StandardRating,
};
use super::assessment::{evidence, AssessmentKind, AssessmentSettings, Decision, Grade};

use super::meeting::{
    AbsenceReason, Attendance, FollowUp, MeetingKind, MeetingState, PersonRef, Phase, Presence,
    StudyMaterial, Vote,
};
use super::rules::recording::{hold, plan_meeting, Plan};
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
        assessment: AssessmentSettings::default(),
    };
    let mut doc = Document {
        branch,
        members,
        ..Document::default()
    };
    doc.meetings = example_meetings(&doc, today);
    doc.assessments = example_assessments(&doc, today);
    add_example_review(&mut doc, today.year() - 1);
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
    let base = |id: &str, kind: MeetingKind, date: NaiveDate, theme: &str| {
        let plan = Plan {
            group_id: None,
            date: Some(date),
            time: NaiveTime::from_hms_opt(14, 30, 0),
            place: "三楼党员活动室".into(),
            theme: theme.into(),
        };
        let mut m = plan_meeting(id, kind, plan, &[]);
        for item in m.checklist.iter_mut().filter(|c| c.phase != Phase::After) {
            item.done = true;
        }
        hold(&mut m, date);
        m.end_time = NaiveTime::from_hms_opt(16, 0, 0);
        m.host = person("m01");
        m.recorder = person("m02");
        m.sign_in_sheet_kept = true;
        m
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

/// 吴昊's finished 四个合格 form of last year and this year's draft, and the
/// secretary's 五个过硬 self-check of last year, reopened once.
fn example_assessments(doc: &Document, today: NaiveDate) -> Vec<AssessmentForm> {
    let last_year = today.year() - 1;
    let january = |day: u32| NaiveDate::from_ymd_opt(today.year(), 1, day).unwrap_or(today);
    let mut member_form = new_form("as-ex-1", "m10", last_year, AssessmentKind::FourQualified);
    fill(
        &mut member_form,
        &[
            (
                "political",
                "好",
                "坚持每周用“学习强国”自学，参加支部集中学习全部到场，能结合岗位谈学习体会。",
                "理论学习还不够系统，满足于读原文，思考不深。",
                "制定个人年度学习计划，每季度写一篇学习体会。",
            ),
            (
                "discipline",
                "好",
                "按时参加“三会一课”，请假 1 次已补学；每月按时足额交纳党费。",
                "对新修订的纪律处分条例学得不够细。",
                "逐章学习条例，参加支部组织的警示教育。",
            ),
            (
                "character",
                "较好",
                "积极参加社区志愿服务，孝敬父母，与同事相处融洽。",
                "有时对家人关心不够。",
                "合理安排工作和家庭时间。",
            ),
            (
                "contribution",
                "好",
                "牵头完成年度客户服务流程优化，投诉量同比下降三成；带教两名新同事。",
                "创新意识还不够强。",
                "围绕“党建+业务”主动认领一个攻关课题。",
            ),
        ],
    );
    member_form.set_dimension("理想信念", Some("好"));
    member_form.set_dimension("政治理论素质", Some("较好"));
    member_form.set_dimension("联系服务群众", Some("好"));
    member_form.self_grade = Some(Grade::Excellent);
    finish(&mut member_form, january(8));

    let mut draft = new_form(
        "as-ex-2",
        "m10",
        today.year(),
        AssessmentKind::FourQualified,
    );
    draft.set_rating("political", Some("好"));
    if let Some(entry) = draft.entry_mut("discipline") {
        entry.facts = evidence(doc, "m10", today.year()).lines().join("\n");
        entry.problems = "3月出差期间漏交一次党费，4月已补交。".into();
    }
    // Ticked honestly while drafting, with the problem explained above.
    draft.set_negative(&doc.branch.assessment.negative_situations[2], true);

    let mut secretary = new_form("as-ex-3", "m01", last_year, AssessmentKind::FiveExcellent);
    fill(
        &mut secretary,
        &[
            (
                "conviction",
                "好",
                "带头学习党的创新理论，全年讲党课 4 次。",
                "",
                "",
            ),
            (
                "politics",
                "好",
                "严格执行“三会一课”制度，重大事项均经支委会集体研究。",
                "",
                "",
            ),
            (
                "responsibility",
                "较好",
                "落实抓党建第一责任人职责，逐月对照检查支部工作。",
                "对党小组的指导还不够具体。",
                "每季度参加各党小组会至少一次。",
            ),
            (
                "ability",
                "较好",
                "推动“党建+业务”项目 3 个，均按期完成。",
                "统筹党建和业务的办法不多。",
                "学习兄弟支部的经验，建立项目清单。",
            ),
            (
                "conduct",
                "好",
                "严守中央八项规定精神，没有违规违纪情况。",
                "",
                "",
            ),
        ],
    );
    finish(&mut secretary, january(6));
    reopen(&mut secretary, january(10));
    finish(&mut secretary, january(12));
    vec![member_form, draft, secretary]
}

type Filled<'a> = (&'a str, &'a str, &'a str, &'a str, &'a str);

fn fill(form: &mut AssessmentForm, rows: &[Filled]) {
    for (key, rating, facts, problems, measures) in rows {
        if let Some(entry) = form.entry_mut(key) {
            entry.rating = Some(rating.to_string());
            entry.facts = facts.to_string();
            entry.problems = problems.to_string();
            entry.measures = measures.to_string();
        }
    }
}

/// Last year's 民主评议: every member reviewed has a grade or a reason, with
/// 优秀 within one third, and three handed-in self-assessments.
fn add_example_review(doc: &mut Document, year: i32) {
    let excellent = ["m03", "m06", "m10", "m12", "m15"];
    let due: Vec<(String, Standing)> = members_to_review(doc, year)
        .iter()
        .map(|m| (m.id.clone(), m.standing))
        .collect();
    for (id, standing) in due {
        let decision = match id.as_str() {
            _ if standing == Standing::Probationary => continue,
            "m17" => Decision::NotGraded {
                reason: "长期患病，无法参加评议".into(),
            },
            "m20" => Decision::Graded {
                grade: Grade::BasicallyQualified,
            },
            _ if excellent.contains(&id.as_str()) => Decision::Graded {
                grade: Grade::Excellent,
            },
            _ => Decision::Graded {
                grade: Grade::Qualified,
            },
        };
        decide(doc, year, &id, Some(decision));
    }
    let handed_in: Vec<(String, ImportedSummary)> = doc
        .assessments
        .iter()
        .filter(|f| f.year == year)
        .map(|f| {
            let at = f
                .finished_on()
                .map(|d| format!("{d} 20:15"))
                .unwrap_or_default();
            (f.member_id.clone(), summary_of(f, &at))
        })
        .collect();
    let review = review_mut(doc, year);
    for (id, summary) in handed_in {
        review.entry_mut(&id).put_summary(summary);
    }
    review.entry_mut("m20").put_summary(ImportedSummary {
        kind: AssessmentKind::FourQualified,
        form_id: "as-lx3k9a-7f2c".into(),
        self_grade: Some(Grade::Qualified),
        ratings: [
            ("political", "较好"),
            ("discipline", "一般"),
            ("character", "较好"),
            ("contribution", "一般"),
        ]
        .iter()
        .map(|(key, rating)| StandardRating {
            key: key.to_string(),
            rating: Some(rating.to_string()),
        })
        .collect(),
        dimensions: Vec::new(),
        negatives: vec![AssessmentSettings::default().negative_situations[2].clone()],
        finished_on: NaiveDate::from_ymd_opt(year + 1, 1, 9),
        exported_at: format!("{}-01-09 21:40", year + 1),
    });
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
    fn example_forms_and_review_exercise_the_assessment() {
        let doc = example_document(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap());
        let kinds: Vec<_> = doc
            .assessments
            .iter()
            .map(|f| (f.member_id.as_str(), f.year, f.is_finished()))
            .collect();
        assert_eq!(
            kinds,
            [
                ("m10", 2025, true),
                ("m10", 2026, false),
                ("m01", 2025, true)
            ]
        );
        assert!(
            !doc.assessments[1].entries[1].facts.is_empty(),
            "evidence pulled in"
        );
        assert_eq!(doc.assessments[2].log.len(), 3);
        let report = crate::domain::assessment::grade_check(&doc, 2025);
        assert!(report.warnings.is_empty(), "{:?}", report.warnings);
        assert_eq!((report.graded, report.excellent), (21, 5));
        let review = doc.review(2025).unwrap();
        assert_eq!(
            review
                .entries
                .iter()
                .filter(|e| !e.imported.is_empty())
                .count(),
            3
        );
    }

    #[test]
    fn example_is_valid_in_january_too() {
        let doc = example_document(NaiveDate::from_ymd_opt(2027, 1, 31).unwrap());
        assert_eq!(validate::check(&doc), Vec::new());
    }
}
