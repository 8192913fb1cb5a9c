//! A realistic example branch, so a newcomer can look around before entering
//! their own: 25 members in three 党小组 and a few months of meetings.

use chrono::{Datelike, Months, NaiveDate, NaiveTime};

use super::assessment::form::{finish, new_form, reopen, AssessmentForm};
use super::assessment::review::{
    decide, members_to_review, review_mut, summary_of, ImportedSummary, Poll, Remedy,
    StandardRating,
};
use super::assessment::{evidence, AssessmentKind, AssessmentSettings, Decision, Grade};

use super::branch::ThemeDay;
use super::meeting::{
    AbsenceReason, Attendance, Counts, FollowUp, MeetingKind, MeetingState, PersonRef, Phase,
    Presence, StudyMaterial, Vote, VoteKind,
};
use super::rules::recording::{hold, plan_meeting, Plan};
use super::talk::Talk;
use super::{
    Branch, Document, LocalRules, Meeting, Member, MemberStatus, PartyGroup, Reduction, Role,
    Standing,
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

/// The example's branch name: a document with it and the example's first
/// meeting is the example, shown with a banner until it is cleared.
pub const EXAMPLE_BRANCH: &str = "示例单位第一党支部";

/// Whether `doc` is still the example data (edited or not).
pub fn is_example(doc: &Document) -> bool {
    doc.branch.name == EXAMPLE_BRANCH && doc.meeting("mt-ex-1").is_some()
}

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
        .map(|(i, name)| example_member(i, name, today))
        .collect();
    let branch = Branch {
        name: EXAMPLE_BRANCH.into(),
        parent_org: "示例单位机关党委".into(),
        groups,
        rules: LocalRules {
            theme_day: Some(ThemeDay::DayOfMonth { day: 15 }),
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
    doc.talks = example_talks(today);
    doc.assessments = example_assessments(&doc, today);
    add_example_review(&mut doc, today.year() - 1);
    // Added after the forms were filled in, so the forms read as they
    // were (and as the version 2 and 3 files froze them).
    super::fusion::example::add_example_fusion(&mut doc, today);
    super::dues::example::add_example_dues(&mut doc, today);
    doc
}

/// The committee: 书记, 副书记 and three 委员 with their 分工, one of whom
/// also leads a 党小组; three 预备党员 admitted at different times, one of
/// whom is due for 转正 at the example's 党员大会; a member transferred out
/// two months ago.
fn example_member(i: usize, name: &str, today: NaiveDate) -> Member {
    let months_ago = |n: u32| today.checked_sub_months(Months::new(n));
    let roles = match i {
        0 => vec![Role::Secretary],
        1 => vec![Role::DeputySecretary],
        2 | 4 => vec![Role::CommitteeMember],
        3 => vec![Role::CommitteeMember, Role::GroupLeader],
        5 | 7 => vec![Role::GroupLeader],
        _ => Vec::new(),
    };
    let duty = match i {
        2 => "组织委员",
        3 => "宣传委员",
        4 => "纪检委员",
        _ => "",
    };
    Member {
        id: format!("m{:02}", i + 1),
        name: name.to_string(),
        group_id: Some(format!("g{}", i % 3 + 1)),
        standing: if i >= 22 {
            Standing::Probationary
        } else {
            Standing::Full
        },
        // 郑凯 was admitted 13 months ago: his 转正 is on the agenda of last
        // month's 党员大会. 谢欣怡 and 韩冬 were admitted this spring.
        admitted_on: match i {
            22 => months_ago(13),
            23 | 24 => months_ago(7),
            _ => None,
        },
        roles,
        duty: duty.into(),
        status: if i == 21 {
            MemberStatus::Left {
                on: months_ago(2),
                why: Some(Reduction::TransferredOut),
                reason: "转至示例单位第二党支部".into(),
            }
        } else {
            MemberStatus::Active
        },
        joined_on: match i {
            22 => months_ago(13),
            23 | 24 => months_ago(7),
            _ => NaiveDate::from_ymd_opt(2018, 3, 1),
        },
        probation: None,
        exempt: None,
        note: String::new(),
    }
}

fn example_meetings(doc: &Document, today: NaiveDate) -> Vec<Meeting> {
    let month_start = today.with_day(1).unwrap_or(today);
    let last_month = month_start
        .checked_sub_months(Months::new(1))
        .unwrap_or(month_start);
    let person = |id: &str| PersonRef {
        member_id: Some(id.into()),
        name: String::new(),
    };
    // Everyone due that day, as frozen when the meeting was marked held.
    let attendance = |meeting: &Meeting, absent: &[(&str, AbsenceReason)], leave: bool| {
        let due = meeting.roll.iter().flatten();
        due.map(|m| match absent.iter().find(|(id, _)| *id == m.member_id) {
            Some((_, reason)) => Attendance {
                member_id: m.member_id.clone(),
                status: if leave {
                    Presence::Leave
                } else {
                    Presence::Absent
                },
                reason: Some(*reason),
                makeup: None,
            },
            None => Attendance {
                member_id: m.member_id.clone(),
                status: Presence::Present,
                reason: None,
                makeup: None,
            },
        })
        .collect::<Vec<Attendance>>()
    };
    let base = |id: &str, kind: MeetingKind, date: NaiveDate, theme: &str, group: Option<&str>| {
        let plan = Plan {
            group_id: group.map(str::to_string),
            date: Some(date),
            time: NaiveTime::from_hms_opt(14, 30, 0),
            place: "三楼党员活动室".into(),
            theme: theme.into(),
        };
        let mut m = plan_meeting(id, kind, plan, &[]);
        for item in m.checklist.iter_mut().filter(|c| c.phase != Phase::After) {
            item.done = true;
        }
        hold(&mut m, date, &doc.members);
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
        None,
    );
    assembly.agenda = vec![
        "集中学习全会公报".into(),
        "讨论本支部贯彻落实措施".into(),
        "讨论郑凯同志预备党员转正事项".into(),
    ];
    assembly.attendance = attendance(
        &assembly,
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
    // 18 of the 19 voting members present in favour, one abstaining; 周敏,
    // away on business, handed in a written opinion in favour beforehand.
    assembly.votes = vec![Vote {
        id: "v-1".into(),
        motion: "关于郑凯同志由中共预备党员转为中共正式党员的决议".into(),
        in_favour: 18,
        against: 0,
        abstain: 1,
        kind: VoteKind::ConfirmFull,
        written: Some(Counts {
            in_favour: 1,
            against: 0,
            abstain: 0,
        }),
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
        None,
    );
    committee.attendance = attendance(&committee, &[], true);
    let mut planned = base(
        "mt-ex-3",
        MeetingKind::ThemeDay,
        month_start.with_day(15).unwrap_or(month_start),
        "“党建+业务”主题党日",
        None,
    );
    planned.state = MeetingState::Planned;
    planned.roll = None;
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
    // Last year's 组织生活会, held as a 党员大会 together with 民主评议党员
    // in January (or a few days ago, early in the year).
    let january = NaiveDate::from_ymd_opt(today.year(), 1, 15).unwrap_or(today);
    let review_day = january.min(
        today
            .checked_sub_days(chrono::Days::new(3))
            .unwrap_or(today),
    );
    let mut life = base(
        "mt-ex-4",
        MeetingKind::OrganizationalLife,
        review_day,
        &format!("{}年度组织生活会暨民主评议党员", today.year() - 1),
        None,
    );
    life.also = vec![MeetingKind::DemocraticReview, MeetingKind::BranchAssembly];
    life.for_year = Some(today.year() - 1);
    life.agenda = vec![
        "通报上年度组织生活会整改落实情况".into(),
        "党员对照“四个合格”逐一发言，开展批评和自我批评".into(),
        "民主测评".into(),
    ];
    life.attendance = attendance(&life, &[("m17", AbsenceReason::Illness)], true);
    life.minutes = "支部书记代表支委会作对照检查，党员逐一发言，开展批评和自我批评；发放民主测评票，收回有效票。".into();
    for item in life.checklist.iter_mut() {
        item.done = true;
    }
    vec![assembly, committee, planned, life]
}

/// The secretary's talks with two members, and a 委员's with a 预备党员.
fn example_talks(today: NaiveDate) -> Vec<Talk> {
    let month_start = today.with_day(1).unwrap_or(today);
    let earlier = |months: u32, day: u32| {
        month_start
            .checked_sub_months(Months::new(months))
            .and_then(|m| m.with_day(day))
    };
    let person = |id: &str| PersonRef {
        member_id: Some(id.into()),
        name: String::new(),
    };
    vec![
        Talk {
            id: "tk-ex-1".into(),
            date: earlier(2, 12),
            talker: person("m01"),
            talkees: vec!["m20".into()],
            place: "书记办公室".into(),
            topic: "帮扶谈心".into(),
            content: "了解近期工作和家庭情况，谈民主评议结果和整改打算。".into(),
            opinions: "希望支部多组织结合业务的学习。".into(),
            follow_up: "下月再谈一次，了解整改进展。".into(),
        },
        Talk {
            id: "tk-ex-2".into(),
            date: earlier(1, 8),
            talker: person("m01"),
            talkees: vec!["m10".into()],
            place: "三楼党员活动室".into(),
            topic: "听取对支部工作的意见".into(),
            content: "交流“党建+业务”项目推进情况。".into(),
            opinions: "建议主题党日多安排志愿服务。".into(),
            follow_up: String::new(),
        },
        Talk {
            id: "tk-ex-3".into(),
            date: earlier(3, 20),
            talker: person("m02"),
            talkees: vec!["m23".into()],
            place: "二楼会议室".into(),
            topic: "预备期考察谈话".into(),
            content: "了解预备期学习、工作表现，提出转正前的努力方向。".into(),
            opinions: String::new(),
            follow_up: "转正前由培养联系人再谈一次。".into(),
        },
    ]
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
    secretary.overall = Some("好".into());
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
    // 民主测评 by the 20 正式党员 present; the 支委会's opinion, the feedback and the
    // help for the member graded 基本合格.
    review.ballots = Some(20);
    let fed_back = NaiveDate::from_ymd_opt(year + 1, 1, 20);
    for entry in review.entries.iter_mut() {
        let poll = match &entry.decision {
            Some(Decision::Graded {
                grade: Grade::Excellent,
            }) => (14, 6, 0, 0),
            Some(Decision::Graded {
                grade: Grade::BasicallyQualified,
            }) => (0, 8, 11, 1),
            Some(Decision::Graded { .. }) => (3, 16, 1, 0),
            _ => continue,
        };
        entry.poll = Some(Poll {
            excellent: poll.0,
            qualified: poll.1,
            basically_qualified: poll.2,
            unqualified: poll.3,
        });
        entry.fed_back_on = fed_back;
    }
    let m20 = review.entry_mut("m20");
    m20.opinion =
        "全年请假较多，两次未按时交纳党费，学习不够主动。建议评定为基本合格，由党小组长结对帮扶。"
            .into();
    m20.remedy = Some(Remedy {
        mentor: PersonRef {
            member_id: Some("m08".into()),
            name: String::new(),
        },
        deadline: NaiveDate::from_ymd_opt(year + 1, 6, 30),
        measures: "每月与帮扶人谈心一次，按时参加组织生活和交纳党费，半年后由支委会回访。".into(),
    });
    review.entry_mut("m20").put_summary(ImportedSummary {
        kind: AssessmentKind::FourQualified,
        form_id: "as-lx3k9a-7f2c".into(),
        self_grade: Some(Grade::Qualified),
        overall: None,
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

    #[test]
    fn the_example_is_recognised_until_it_is_renamed_or_cleared() {
        let mut doc = example_document(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap());
        assert!(is_example(&doc));
        doc.branch.name = "机关第二党支部".into();
        assert!(!is_example(&doc));
        assert!(!is_example(&Document::default()));
    }

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
        assert_eq!(crate::domain::document::check(&doc), Vec::new());
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

    /// What an inspecting 上级党委 checks on the example's paper: figures
    /// that add up, a valid quorum where one is needed, a vote with its
    /// basis, and the year's 组织生活会 and 民主评议 counted for last year.
    #[test]
    fn example_records_pass_an_inspection() {
        use crate::domain::record_sheet::meeting_sheet;
        use crate::domain::rules::compliance::{compliance, Period, PeriodKind, Status};
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let doc = example_document(today);
        for meeting in doc
            .meetings
            .iter()
            .filter(|m| m.state == MeetingState::Held)
        {
            let sheet = meeting_sheet(&doc, meeting);
            assert_eq!(sheet.due, sheet.present + sheet.away, "{}", meeting.id);
            assert!(!sheet.quorum.contains("未达到"), "{}", sheet.quorum);
            for vote in &sheet.votes {
                assert_eq!(vote.result, "通过");
                assert!(!vote.basis.is_empty());
            }
        }
        let assembly = meeting_sheet(&doc, &doc.meetings[0]);
        assert_eq!(assembly.due, 24, "the member transferred out is not due");
        assert!(assembly.votes[0].motion.contains("郑凯"));
        let zheng = doc.member("m23").unwrap();
        assert_eq!(
            zheng.standing,
            Standing::Probationary,
            "转正 still to be approved"
        );
        let life = meeting_sheet(&doc, &doc.meetings[3]);
        assert!(life.kind.contains("民主评议党员"), "{}", life.kind);
        assert!(
            life.quorum.contains("应到会有表决权党员"),
            "{}",
            life.quorum
        );
        let last_year = Period::containing(
            PeriodKind::Year,
            NaiveDate::from_ymd_opt(2025, 6, 1).unwrap(),
        );
        let yearly = compliance(&doc, last_year, today);
        for label in ["组织生活会", "民主评议党员"] {
            let line = yearly.iter().find(|r| r.label.starts_with(label)).unwrap();
            assert_eq!(line.status, Status::Done, "{}", line.sentence());
        }
        let review = doc.review(2025).unwrap();
        for entry in &review.entries {
            assert_eq!(review.poll_warning(entry), None);
            assert!(entry.remedy_warnings(2025).is_empty());
        }
    }

    #[test]
    fn example_is_valid_in_january_too() {
        let doc = example_document(NaiveDate::from_ymd_opt(2027, 1, 31).unwrap());
        assert_eq!(crate::domain::document::check(&doc), Vec::new());
    }
}
