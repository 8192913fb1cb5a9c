use chrono::NaiveTime;

use super::plan::{approving_meetings, edit_plan, schedule, year_tasks};
use super::report::edit_report;
use super::summary::{edit_summary, review_counts, year_figures};
use super::*;
use crate::domain::assessment::{review_mut, Decision, Grade};
use crate::domain::fusion::{KeyTask, TaskCategory};
use crate::domain::meeting::MeetingKind::*;
use crate::domain::meeting::Presence;
use crate::domain::rules::fixtures::*;
use crate::domain::validate::Known;
use crate::domain::{Kind, Role};

/// A branch of three (one 委员) with no 党小组: 支委会 every month but
/// December, a 党员大会 every quarter, 主题党日 in six months, the
/// 组织生活会 on 31 December and the next year's first 支委会 on 1 January.
fn constructed_year() -> crate::domain::Document {
    let members = vec![committee("c"), full("a"), full("b")];
    let mut meetings = Vec::new();
    for month in 1..=11 {
        let mut m = held(&format!("c{month}"), CommitteeMeeting, day(2026, month, 5));
        mark(&mut m, "c", Presence::Present);
        meetings.push(m);
    }
    for (q, month) in [3, 6, 9, 12].into_iter().enumerate() {
        let mut m = held(&format!("a{q}"), BranchAssembly, day(2026, month, 20));
        mark(&mut m, "c", Presence::Present);
        mark(&mut m, "a", Presence::Present);
        mark(&mut m, "b", Presence::Leave);
        meetings.push(m);
    }
    for month in [1, 3, 5, 7, 9, 11] {
        meetings.push(held(&format!("t{month}"), ThemeDay, day(2026, month, 28)));
    }
    meetings.push(held("life", OrganizationalLife, day(2026, 12, 31)));
    meetings.push(held("next", CommitteeMeeting, day(2027, 1, 1)));
    document(&[], members, meetings)
}

fn held_count(figures: &summary::YearFigures, label: &str) -> usize {
    figures
        .held_by_type
        .iter()
        .find(|(l, _)| l == label)
        .map_or(0, |(_, n)| *n)
}

#[test]
fn the_draft_counts_meetings_held_by_type_against_what_the_rules_ask() {
    let doc = constructed_year();
    let f = year_figures(&doc, 2026, day(2027, 1, 10)).unwrap();
    assert_eq!(held_count(&f, "支委会"), 11);
    assert_eq!(held_count(&f, "支部党员大会"), 4);
    assert_eq!(held_count(&f, "主题党日"), 6);
    let sentences: Vec<String> = f.cadences.iter().map(|c| c.sentence()).collect();
    for expected in [
        "支部党员大会：4 个季度中已完成 4 个季度",
        "支委会：12 个月中已完成 11 个月，逾期 1 个月",
        "主题党日：12 个月中已完成 6 个月，逾期 6 个月",
    ] {
        assert!(sentences.contains(&expected.to_string()), "{sentences:?}");
    }
    let year: Vec<String> = f.requirements.iter().map(|r| r.sentence()).collect();
    assert!(year.contains(&"组织生活会：应 1 次，已 1 次，已完成".to_string()));
    assert!(year.contains(&"民主评议党员：应 1 次，已 0 次，逾期未完成".to_string()));
    // 11 支委会 with the one 委员 due, 4 大会 with three due; 6 主题党日
    // with nobody marked; the 组织生活会 with nobody marked.
    assert_eq!((f.due, f.present), (11 + 12 + 18 + 3, 11 + 8));
    let draft = f.draft();
    assert!(draft.starts_with("（一）组织生活制度落实情况。召开支委会 11 次，"));
    assert!(draft.contains("出席率 43%"), "{draft}");
}

#[test]
fn a_meeting_on_december_31_counts_in_its_year_and_one_on_january_1_in_the_next() {
    let doc = constructed_year();
    let today = day(2027, 1, 10);
    let y2026 = year_figures(&doc, 2026, today).unwrap();
    let y2027 = year_figures(&doc, 2027, today).unwrap();
    assert_eq!(held_count(&y2026, "组织生活会"), 1);
    assert_eq!(held_count(&y2027, "组织生活会"), 0);
    assert_eq!(held_count(&y2026, "支委会"), 11);
    assert_eq!(held_count(&y2027, "支委会"), 1);
    let plan = schedule(&doc, 2026, today);
    let december = &plan.months[11];
    assert_eq!(december.month, 12);
    assert!(december.meetings.iter().any(|m| m.meeting_id == "life"));
    assert!(plan
        .months
        .iter()
        .all(|m| m.meetings.iter().all(|s| s.meeting_id != "next")));
    assert_eq!(
        schedule(&doc, 2027, today).months[0].meetings[0].meeting_id,
        "next"
    );
}

#[test]
fn the_schedule_asks_what_the_rules_ask_beside_the_meetings_planned() {
    let mut doc = document(&["g1"], vec![committee("c")], vec![]);
    doc.meetings
        .push(planned("p", BranchAssembly, day(2026, 4, 15)));
    doc.meetings[0].theme = "学习党章".into();
    let plan = schedule(&doc, 2026, day(2026, 1, 5));
    assert_eq!(plan.months.len(), 12);
    assert_eq!(
        plan.months[3].required_text(),
        "支委会、党小组会（g1小组）、主题党日；本季度：支部党员大会、党课"
    );
    assert_eq!(plan.months[4].quarter, Vec::<String>::new());
    assert_eq!(
        plan.months[3].meetings[0].line(),
        "4月15日 支部党员大会：学习党章"
    );
    assert!(!plan.months[3].meetings[0].held);
    assert_eq!(plan.yearly[0], "组织生活会");
    // The local rule off, no 党课 in the quarter.
    doc.branch.rules.party_lecture_quarterly = false;
    let plan = schedule(&doc, 2026, day(2026, 1, 5));
    assert_eq!(plan.months[0].quarter, ["支部党员大会"]);
}

#[test]
fn the_printed_schedule_names_each_kind_once_a_month_with_its_days_and_the_branchs_themes() {
    let mut doc = document(&["g1", "g2", "g3"], vec![committee("c")], vec![]);
    let mut add = |id: &str, kind, on, group: Option<&str>, theme: &str| {
        let mut m = planned(id, kind, on);
        m.group_id = group.map(String::from);
        m.theme = theme.into();
        doc.meetings.push(m);
    };
    add(
        "c3",
        CommitteeMeeting,
        day(2026, 3, 2),
        None,
        "研究年度计划",
    );
    // Two groups on one day, the third the day after.
    for (g, d) in [("g1", 10), ("g2", 10), ("g3", 11)] {
        add(
            g,
            GroupMeeting,
            day(2026, 3, d),
            Some(g),
            &format!("{g}的月度工作"),
        );
    }
    // The month's last day; a meeting of 1 April is April's.
    add("t", ThemeDay, day(2026, 3, 31), None, " ");
    add("c4", CommitteeMeeting, day(2026, 4, 1), None, "研究党费");
    let plan = schedule(&doc, 2026, day(2026, 1, 5));
    let march = &plan.months[2];
    assert_eq!(
        march.required_text(),
        "支委会、党小组会（3个党小组各1次）、主题党日"
    );
    assert_eq!(
        march.planned_text(),
        "支委会 2日；党小组会 3次（10、11日）；主题党日 31日"
    );
    assert_eq!(
        march.themes_text(),
        "支委会：研究年度计划",
        "the groups' themes are theirs; a blank theme is no entry"
    );
    assert_eq!(plan.months[3].planned_text(), "支委会 1日");
    assert_eq!(plan.months[3].themes_text(), "支委会：研究党费");
    assert_eq!(plan.months[4].planned_text(), "");
    assert_eq!(plan.months[4].themes_text(), "");
}

#[test]
fn a_plan_may_be_approved_at_a_committee_meeting_of_its_year_or_the_last_quarter_before() {
    let mut doc = document(
        &[],
        vec![],
        vec![
            held("sep", CommitteeMeeting, day(2025, 9, 30)),
            held("oct", CommitteeMeeting, day(2025, 10, 1)),
            planned("jan", CommitteeMeeting, day(2026, 1, 8)),
            held("assembly", BranchAssembly, day(2026, 1, 9)),
        ],
    );
    let ids: Vec<String> = approving_meetings(&doc, 2026)
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert_eq!(ids, ["jan", "oct"]);
    edit_plan(&mut doc, 2026, |p| p.approved_in = Some("jan".into()));
    let plan = doc.year_plan("2026").unwrap().clone();
    assert_eq!(
        plan::approval(&doc, &plan).as_deref(),
        Some("2026年1月8日支委会")
    );
    assert_eq!(
        plan::plans_approved_in(&doc, "jan"),
        [2026],
        "the meeting links back"
    );
    assert!(plan::plans_approved_in(&doc, "oct").is_empty());
    // A package without the meeting: the plan reads as not linked.
    doc.meetings.retain(|m| m.id != "jan");
    assert_eq!(plan::approval(&doc, &plan), None);
}

#[test]
fn the_plan_lists_the_years_key_tasks_and_its_fusion_items_apart() {
    let mut doc = document(&[], vec![], vec![]);
    let task = |id: &str, year: i32, category: TaskCategory| KeyTask {
        id: id.into(),
        year,
        category,
        title: format!("任务{id}"),
        ..KeyTask::default()
    };
    doc.tasks = vec![
        task("p", 2026, TaskCategory::Party),
        task("f", 2026, TaskCategory::Fused),
        task("old", 2025, TaskCategory::Party),
    ];
    let (tasks, fused) = year_tasks(&doc, 2026);
    assert_eq!(
        tasks.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
        ["p"]
    );
    assert_eq!(
        fused.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
        ["f"]
    );
    edit_plan(&mut doc, 2026, |p| p.goals = "建设过硬支部".into());
    let text = year_texts(&doc, 2026).plan;
    assert_eq!(
        text,
        "2026年度党支部工作计划\n一、指导思想和工作目标\n建设过硬支部\n二、重点任务\n1. 任务p（责任清单 · 党建 · 支部）\n三、党建与业务融合\n1. 任务f（责任清单 · 融合 · 支部）"
    );
}

#[test]
fn review_results_are_counted_by_grade_without_names() {
    let members = vec![full("a"), full("b"), full("c"), probationary("p")];
    let mut doc = document(&[], members, vec![]);
    let review = review_mut(&mut doc, 2026);
    for (id, grade) in [
        ("a", Grade::Excellent),
        ("b", Grade::Qualified),
        ("c", Grade::Qualified),
    ] {
        review.entry_mut(id).decision = Some(Decision::Graded { grade });
    }
    review.entry_mut("p").decision = Some(Decision::NotGraded {
        reason: "预备党员".into(),
    });
    let counts = review_counts(&doc, 2026);
    assert_eq!(counts.graded, [1, 2, 0, 0]);
    assert_eq!(counts.not_graded, 1);
    assert_eq!(
        counts.sentence(),
        "优秀 1 名，合格 2 名，基本合格 0 名，不合格 0 名，不评定等次 1 名"
    );
    let draft = year_figures(&doc, 2026, day(2027, 1, 5)).unwrap().draft();
    assert!(
        draft.contains("民主评议党员：优秀 1 名，合格 2 名"),
        "{draft}"
    );
    for name in ["党员a", "党员b", "党员c", "党员p"] {
        assert!(!draft.contains(name), "{draft}");
    }
    assert_eq!(review_counts(&doc, 2025).decided(), 0);
}

#[test]
fn study_hours_are_counted_against_what_each_member_owes_once_the_unit_is_set() {
    let mut secretary = member("s", crate::domain::Standing::Full, &[Role::Secretary]);
    secretary.name = "书记".into();
    let mut lesson = held("l", PartyLecture, day(2026, 6, 1));
    lesson.start_time = NaiveTime::from_hms_opt(9, 0, 0);
    lesson.end_time = NaiveTime::from_hms_opt(11, 0, 0);
    mark(&mut lesson, "a", Presence::Present);
    mark(&mut lesson, "s", Presence::Present);
    let mut doc = document(&[], vec![full("a"), full("b"), secretary], vec![lesson]);
    let f = year_figures(&doc, 2026, day(2026, 12, 31)).unwrap();
    assert_eq!((f.study.members, f.study.reached), (3, None));
    doc.branch.rules.minutes_per_study_hour = Some(60);
    doc.branch.rules.study_hours_yearly = 2;
    doc.branch.rules.leaders_study_hours_yearly = 3;
    let f = year_figures(&doc, 2026, day(2026, 12, 31)).unwrap();
    // a: 2 of 2; b: none; the secretary: 2 of 3.
    assert_eq!(f.study.reached, Some(1));
    assert!(f
        .draft()
        .contains("学时：3 名党员中 1 名达到本年度学时要求"));
}

#[test]
fn dues_totals_come_from_the_ledger_and_only_where_it_is_kept() {
    let today = day(2026, 11, 27);
    let mut doc = crate::domain::sample::example_document(today);
    let totals = crate::domain::dues::ledger::year_totals(&doc, 2026, today);
    let f = year_figures(&doc, 2026, today).unwrap();
    let dues = f.dues.unwrap();
    assert_eq!(dues.paid, totals.year().paid);
    assert_eq!(dues.remitted, totals.remitted);
    assert_eq!(dues.balance, totals.balance());
    assert!(f
        .draft()
        .contains(&format!("实交 {} 元", totals.year().paid)));
    // A member's phone keeps no ledger: no 党费 section, nothing made up.
    doc.dues.clear();
    doc.dues_books.clear();
    let f = year_figures(&doc, 2026, today).unwrap();
    assert_eq!(f.dues, None);
    assert!(!f.draft().contains("党费"));
}

#[test]
fn a_new_draft_never_replaces_edited_text_unless_the_secretary_says_so() {
    let mut doc = constructed_year();
    let draft = year_figures(&doc, 2026, day(2027, 1, 10)).unwrap().draft();
    let mut taken = false;
    edit_summary(&mut doc, 2026, |s| taken = s.take_draft(&draft, false));
    assert!(taken, "a blank summary takes the draft");
    let summary = doc.year_summary("2026").unwrap();
    assert!(!summary.is_edited());
    // The records change: an untouched draft follows them unasked.
    edit_summary(&mut doc, 2026, |s| taken = s.take_draft("新草稿", false));
    assert!(taken);
    assert_eq!(doc.year_summary("2026").unwrap().work, "新草稿");
    // The secretary edits: the next draft waits to be asked for.
    edit_summary(&mut doc, 2026, |s| s.work.push_str("书记补充的文字"));
    assert!(doc.year_summary("2026").unwrap().is_edited());
    edit_summary(&mut doc, 2026, |s| taken = s.take_draft(&draft, false));
    assert!(!taken);
    assert_eq!(
        doc.year_summary("2026").unwrap().work,
        "新草稿书记补充的文字"
    );
    edit_summary(&mut doc, 2026, |s| taken = s.take_draft(&draft, true));
    assert!(taken);
    assert_eq!(doc.year_summary("2026").unwrap().work, draft);
    // Text written with no draft at all is the secretary's too.
    let mut own = summary::YearSummary::new(2027);
    own.work = "自己写的".into();
    assert!(own.is_edited());
    assert!(!own.take_draft(&draft, false));
}

#[test]
fn the_texts_for_the_higher_committee_hold_what_was_written_and_nothing_blank() {
    let mut doc = constructed_year();
    doc.members[0].roles = vec![Role::Secretary];
    assert!(year_texts(&doc, 2026).is_empty());
    edit_plan(&mut doc, 2026, |_| {});
    edit_summary(&mut doc, 2026, |_| {});
    edit_report(&mut doc, 2026, day(2026, 12, 20), |_| {});
    assert!(year_texts(&doc, 2026).is_empty(), "begun and left blank");
    edit_summary(&mut doc, 2026, |s| s.shortcomings = "学习形式单一".into());
    edit_report(&mut doc, 2026, day(2026, 12, 20), |r| {
        r.duties = "带头讲党课".into();
        r.plans = "加强学习".into();
    });
    let texts = year_texts(&doc, 2026);
    assert_eq!(
        texts.summary,
        "2026年度党支部工作总结\n二、存在的问题和不足\n学习形式单一"
    );
    assert_eq!(
        texts.report,
        "2026年度党支部书记抓基层党建工作述职报告\n述职人：党员c\n一、履职情况\n带头讲党课\n三、下一步打算\n加强学习"
    );
    assert!(year_texts(&doc, 2025).is_empty());
    // The 党委 reads the 述职人 back out of the text (its 述职评议表).
    assert_eq!(report::reporter_in(&texts.report), Some("党员c"));
    assert_eq!(report::reporter_in(&texts.summary), None);
    assert_eq!(report::reporter_in(""), None);
    if let Some(r) = doc.secretary_report_mut("2026") {
        r.member_id = None;
    }
    let unnamed = year_texts(&doc, 2026).report;
    assert!(unnamed.contains("\n一、履职情况\n"), "{unnamed}");
    assert_eq!(report::reporter_in(&unnamed), None);
}

#[test]
fn one_record_of_each_kind_a_year_and_the_reporter_on_the_roster() {
    let known = Known {
        members: ["a"].into_iter().collect(),
        groups: Default::default(),
        meetings: Default::default(),
    };
    let mut out = Vec::new();
    let plans = [
        YearPlan::new(2026),
        YearPlan::new(2026),
        YearPlan::new(1900),
    ];
    YearPlan::check(
        &plans,
        &known,
        &mut crate::domain::validate::Checks::list(&mut out, "year_plans"),
    );
    assert_eq!(out.len(), 2, "{out:?}");
    out.clear();
    let reports = [
        SecretaryReport::new(2026, Some("a".into())),
        SecretaryReport::new(2027, Some("gone".into())),
    ];
    SecretaryReport::check(
        &reports,
        &known,
        &mut crate::domain::validate::Checks::list(&mut out, "secretary_reports"),
    );
    assert_eq!(out.len(), 1, "{out:?}");
    assert!(reports[1].mentions("gone") && !reports[0].mentions("gone"));
}

#[test]
fn development_steps_count_in_the_year_their_day_falls_in_from_january_1_to_december_31() {
    use super::summary::{development_counts, DevelopmentCounts};
    use crate::domain::development::{Applicant, Step};
    use crate::domain::report::{branch_report, DevelopmentFigures};
    let mut doc = constructed_year();
    assert_eq!(development_counts(&doc, 2026), None, "no paths kept here");
    let today = day(2027, 1, 10);
    assert!(year_figures(&doc, 2026, today)
        .unwrap()
        .sections()
        .iter()
        .all(|(h, _)| *h != "发展党员"));
    // Applied the day before the year, named 积极分子 on its first day,
    // 发展对象 on its last, admitted the day after.
    let mut a = Applicant::new("fz-1".into(), "甲某".into(), day(2025, 12, 31));
    a.set_done(Step::NameActivist, Some(day(2026, 1, 1)));
    a.set_done(Step::NameCandidate, Some(day(2026, 12, 31)));
    a.set_done(Step::AdmissionAssembly, Some(day(2027, 1, 1)));
    // 转正 counts on the 党委's approval, not the 支部大会 before it.
    let mut b = Applicant::new("fz-2".into(), "乙某".into(), day(2023, 6, 1));
    b.set_done(Step::AdmissionAssembly, Some(day(2025, 3, 1)));
    b.set_done(Step::ConfirmationAssembly, Some(day(2025, 12, 20)));
    b.set_done(Step::ConfirmationApproval, Some(day(2026, 1, 5)));
    doc.applicants = vec![a, b];
    let counts = |year| development_counts(&doc, year).unwrap();
    assert_eq!(
        counts(2026),
        DevelopmentCounts {
            applied: 0,
            activists: 1,
            candidates: 1,
            admitted: 0,
            confirmed: 1,
        }
    );
    assert_eq!((counts(2025).applied, counts(2025).admitted), (1, 1));
    assert_eq!((counts(2027).admitted, counts(2027).confirmed), (1, 0));
    let figures = year_figures(&doc, 2026, today).unwrap();
    let sections = figures.sections();
    let (_, lines) = sections.iter().find(|(h, _)| *h == "发展党员").unwrap();
    assert_eq!(
        lines,
        &vec![
            "新递交入党申请 0 人，确定入党积极分子 1 名，确定发展对象 1 名，接收预备党员 0 名，预备党员转正 1 名"
                .to_string()
        ]
    );
    let draft = figures.draft();
    assert!(draft.contains("（三）发展党员。"), "{draft}");
    assert!(!draft.contains("甲某") && !draft.contains("乙某"));
    // The 报上级 package carries the same counts.
    assert_eq!(
        branch_report(&doc, 2026, today).development,
        Some(DevelopmentFigures {
            applied: 0,
            activists: 1,
            candidates: 1,
            admitted: 0,
            confirmed: 1,
        })
    );
}
