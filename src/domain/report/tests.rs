use super::branch_order::by_branch_name;
use super::collection::{Collection, Expected, Outcome, Received};
use super::overview::{branch_years, cell, csv, overview, Mark, Order, Span};
use super::*;
use crate::domain::meeting::MeetingKind::*;
use crate::domain::rules::fixtures::*;

fn received(doc: &Document, year: i32, today: NaiveDate, made_at: &str) -> Received {
    Received {
        report: branch_report(doc, year, today),
        made_at: made_at.into(),
    }
}

/// Two 党小组, a committee, four members (one 预备党员); a 支委会 on 31
/// January and another on 1 March, 党小组会 of group a in January only.
fn branch(name: &str) -> Document {
    let mut doc = document(
        &["a", "b"],
        vec![full("m1"), full("m2"), full("m3"), probationary("m4")],
        vec![
            held("c1", CommitteeMeeting, day(2026, 1, 31)),
            held("c2", CommitteeMeeting, day(2026, 3, 1)),
            {
                let mut g = held("g1", GroupMeeting, day(2026, 1, 10));
                g.group_id = Some("a".into());
                g
            },
            held("ol", OrganizationalLife, day(2026, 12, 1)),
        ],
    );
    doc.branch.name = name.into();
    doc
}

fn line(report: &BranchReport, item: Item, month: u32) -> &ReportLine {
    report
        .lines
        .iter()
        .find(|l| l.item == item && l.start == day(2026, month, 1))
        .unwrap()
}

#[test]
fn the_report_counts_members_and_meetings_by_month_as_the_compliance_rules_do() {
    let report = branch_report(&branch("第一党支部"), 2026, day(2026, 12, 6));
    assert_eq!(
        report.membership,
        Membership {
            total: 4,
            full: 3,
            probationary: 1,
            groups: 2
        }
    );
    assert_eq!(line(&report, Item::Committee, 1).held, 1, "31 January");
    assert_eq!(line(&report, Item::Committee, 2).held, 0);
    assert_eq!(line(&report, Item::Committee, 3).held, 1, "1 March");
    let groups = line(&report, Item::Group, 1);
    assert_eq!((groups.required, groups.held), (2, 1), "a met, b did not");
    assert_eq!(line(&report, Item::Assembly, 1).end, day(2026, 3, 31));
    let year = report
        .lines
        .iter()
        .find(|l| l.item == Item::OrganizationalLife)
        .unwrap();
    assert_eq!((year.required, year.held), (1, 1));
    assert_eq!(report.as_of, day(2026, 12, 6));
    assert_eq!(
        branch_report(&branch("x"), 2025, day(2026, 12, 6)).as_of,
        day(2025, 12, 31)
    );
}

#[test]
fn a_month_without_its_meeting_is_due_on_its_last_day_and_overdue_the_day_after() {
    let report = branch_report(&branch("第一党支部"), 2026, day(2026, 12, 6));
    let feb = Span::Month(2);
    assert_eq!(
        cell(&report, Item::Committee, feb, day(2026, 2, 28)).mark,
        Mark::Due
    );
    assert_eq!(
        cell(&report, Item::Committee, feb, day(2026, 3, 1)).mark,
        Mark::Overdue
    );
    assert_eq!(
        cell(&report, Item::Committee, Span::Month(1), day(2026, 3, 1)).mark,
        Mark::Done
    );
    // The year: January and March met, February to November over and
    // missed but for March, December still running.
    let year = cell(&report, Item::Committee, Span::Year, day(2026, 12, 6));
    assert_eq!((year.periods, year.done, year.overdue), (12, 2, 9));
    assert_eq!(year.text(), "逾期 9");
}

#[test]
fn months_after_the_reports_day_are_not_reported_rather_than_overdue() {
    let report = branch_report(&branch("第一党支部"), 2026, day(2026, 6, 30));
    let later = day(2027, 1, 10);
    assert_eq!(
        cell(&report, Item::Committee, Span::Month(6), later).mark,
        Mark::Overdue
    );
    assert_eq!(
        cell(&report, Item::Committee, Span::Month(7), later).mark,
        Mark::NotReported
    );
    let year = cell(&report, Item::Committee, Span::Year, later);
    assert_eq!(year.periods, 6, "January to June");
}

#[test]
fn a_branch_without_groups_owes_no_group_meeting() {
    let mut doc = branch("第二党支部");
    doc.branch.groups.clear();
    let report = branch_report(&doc, 2026, day(2026, 12, 6));
    assert_eq!(
        cell(&report, Item::Group, Span::Year, day(2026, 12, 6)).mark,
        Mark::NotRequired
    );
}

#[test]
fn of_two_reports_of_one_branch_and_year_the_newer_is_kept_in_either_order() {
    let doc = branch("第一党支部");
    let older = received(&doc, 2026, day(2026, 6, 30), "2026-06-30 09:00");
    let newer = received(&doc, 2026, day(2026, 12, 6), "2026-12-06 09:00");
    for (first, second) in [(&older, &newer), (&newer, &older)] {
        let mut c = Collection::default();
        assert_eq!(c.receive(first.clone()), Outcome::New);
        c.receive(second.clone());
        assert_eq!(c.reports, vec![newer.clone()]);
    }
    let mut c = Collection::default();
    c.receive(newer.clone());
    assert_eq!(c.receive(newer.clone()), Outcome::Kept, "the same twice");
    c.receive(received(&doc, 2025, day(2026, 12, 6), "2026-12-06 09:00"));
    assert_eq!(c.reports.len(), 2, "another year is another report");
}

#[test]
fn a_renamed_branch_stays_one_branch_and_its_old_name_on_the_list_counts_as_reported() {
    let mut doc = branch("第一党支部");
    let before = received(&doc, 2026, day(2026, 6, 30), "2026-06-30 09:00");
    doc.branch.rename("机关第一党支部".into());
    doc.branch.rename("机关第一党支部（综合）".into());
    let after = received(&doc, 2026, day(2026, 12, 6), "2026-12-06 09:00");
    assert_eq!(before.report.branch_id, after.report.branch_id);
    let mut c = Collection {
        expected: Expected::with_names("第一党支部\n第 二 党支部\n第二党支部", None),
        ..Collection::default()
    };
    c.receive(before);
    assert_eq!(
        c.receive(after),
        Outcome::Replaced {
            renamed_from: Some("第一党支部".into())
        }
    );
    assert_eq!(c.of_year(2026).len(), 1);
    let tally = c.tally(2026);
    assert_eq!(
        tally.sentence(),
        "已报 1 / 应报 2",
        "the list's repeat counts once"
    );
    assert_eq!(tally.missing, vec!["第 二 党支部".to_string()]);
}

#[test]
fn a_name_the_branch_reported_under_in_another_year_counts_for_the_list_of_this_year() {
    let mut doc = branch("第一党支部");
    let mut c = Collection {
        expected: Expected::with_names("第一党支部\n第二党支部", None),
        ..Collection::default()
    };
    c.receive(received(&doc, 2025, day(2025, 12, 31), "2026-01-05 09:00"));
    doc.branch.rename("机关第一党支部".into());
    // A new year's report: nothing replaced, the list keeps the old name.
    assert_eq!(
        c.receive(received(&doc, 2026, day(2026, 12, 6), "2026-12-06 09:00")),
        Outcome::New
    );
    assert_eq!(c.expected.names[0], "第一党支部");
    let tally = c.tally(2026);
    assert_eq!(tally.sentence(), "已报 1 / 应报 2");
    assert_eq!(tally.missing, vec!["第二党支部".to_string()]);
    // A year the branch has not reported: its names count for nothing.
    assert_eq!(c.tally(2024).missing.len(), 2);
}

#[test]
fn only_a_first_or_newer_report_is_taken() {
    let doc = branch("第一党支部");
    let older = received(&doc, 2026, day(2026, 6, 30), "2026-06-30 09:00");
    let newer = received(&doc, 2026, day(2026, 12, 6), "2026-12-06 09:00");
    let remade = received(&doc, 2026, day(2026, 12, 6), "2026-12-06 09:01");
    let mut c = Collection::default();
    assert!(c.takes(&newer), "the first of its branch and year");
    c.receive(newer.clone());
    assert!(!c.takes(&newer), "the same again");
    assert!(!c.takes(&older), "older figures");
    assert!(c.takes(&remade), "the same day's figures, made later");
    assert!(c.takes(&received(&doc, 2025, day(2025, 12, 31), "2026-01-05 09:00")));
}

#[test]
fn two_phones_of_a_branch_never_renamed_report_as_one_branch() {
    let a = branch("示例单位 第一党支部");
    let b = branch("示例单位第一党支部");
    assert_eq!(a.branch.identity(), b.branch.identity());
    assert_ne!(
        a.branch.identity(),
        branch("示例单位第二党支部").branch.identity()
    );
}

#[test]
fn the_overview_lists_reports_then_branches_not_reported_and_sorts_the_behind_first() {
    let mut c = Collection {
        expected: Expected::with_names("甲支部\n乙支部\n丙支部", None),
        ..Collection::default()
    };
    let mut good = branch("甲支部");
    for m in 1..=12 {
        good.meetings
            .push(held(&format!("c-{m}"), CommitteeMeeting, day(2026, m, 20)));
    }
    c.receive(received(&good, 2026, day(2026, 12, 31), "2027-01-05 10:00"));
    c.receive(received(
        &branch("乙支部"),
        2026,
        day(2026, 12, 31),
        "2027-01-06 10:00",
    ));
    let today = day(2027, 1, 10);
    let rows = overview(&c, 2026, Span::Year, today, Order::Behind, None);
    let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["丙支部", "乙支部", "甲支部"]);
    assert_eq!(rows[2].cells[0].mark, Mark::Done);
    assert_eq!(rows[0].cells[0].mark, Mark::NotReported);
    assert_eq!(rows[1].cells[0].text(), "逾期 10");
    assert_eq!(c.tally(2026).sentence(), "已报 2 / 应报 3");
    let text = csv(&rows, 2026, Span::Year);
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[0],
        "2026年全年,党员数,支委会,党员大会,党小组会,党课,主题党日,组织生活会,民主评议,学时,党费,报送日期"
    );
    assert!(lines[1].starts_with("丙支部,—,未报,未报"), "{}", lines[1]);
    assert!(lines[3].starts_with("甲支部,4,已完成"), "{}", lines[3]);
}

#[test]
fn grades_are_counted_not_named() {
    use crate::domain::assessment::review::{review_mut, Decision};
    let mut doc = branch("第一党支部");
    let review = review_mut(&mut doc, 2026);
    review.entry_mut("m1").decision = Some(Decision::Graded {
        grade: Grade::Excellent,
    });
    review.entry_mut("m2").decision = Some(Decision::Graded {
        grade: Grade::Qualified,
    });
    review.entry_mut("m3").decision = Some(Decision::NotGraded {
        reason: "长期患病".into(),
    });
    review.entry_mut("m4");
    let g = branch_report(&doc, 2026, day(2026, 12, 6)).grades;
    assert_eq!(
        (
            g.excellent,
            g.qualified,
            g.not_graded,
            g.undecided,
            g.graded()
        ),
        (1, 1, 1, 1, 2)
    );
}

#[test]
fn a_branchs_years_compare_side_by_side_latest_first_under_a_new_name_too() {
    let mut c = Collection::default();
    // A branch `id` named `name`, reporting `year` in January after it.
    let report = |name: &str, id: &str, year: i32, extra: &dyn Fn(&mut Document)| {
        let mut doc = branch(name);
        doc.branch.id = id.into();
        extra(&mut doc);
        received(
            &doc,
            year,
            day(year, 12, 31),
            &format!("{}-01-05 10:00", year + 1),
        )
    };
    let every_month = |doc: &mut Document| {
        for m in 1..=12 {
            doc.meetings
                .push(held(&format!("c-{m}"), CommitteeMeeting, day(2025, m, 20)));
        }
    };
    c.receive(report("甲支部", "b-1", 2025, &every_month));
    c.receive(report("甲支部（更名后）", "b-1", 2026, &|_| {}));
    c.receive(report("乙支部", "b-2", 2026, &|_| {}));

    let rows = branch_years(&c, "b-1", day(2027, 1, 10));
    let years: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        years,
        ["2026年", "2025年"],
        "only this branch, latest first"
    );
    assert_eq!(
        rows[1].cells[0].mark,
        Mark::Done,
        "2025: a 支委会 every month"
    );
    assert_eq!(rows[0].cells[0].text(), "逾期 10", "2026: two of twelve");
    assert!(branch_years(&c, "b-9", day(2027, 1, 10)).is_empty());
}

#[test]
fn a_years_reports_are_kept_under_keys_that_start_with_the_year() {
    use super::collection::{report_key, report_year_prefix, year_of_report_key};
    let key = report_key("zb-0001", 2026);
    assert_eq!(key, "reports/2026/zb-0001");
    assert!(key.starts_with(&report_year_prefix(2026)));
    assert!(!report_key("zb-0001", 2025).starts_with(&report_year_prefix(2026)));
    assert_eq!(year_of_report_key(&key), Some(2026));
    assert_eq!(year_of_report_key("expected"), None);
    assert_eq!(year_of_report_key("reports/x/zb-1"), None);
}

#[test]
fn a_report_stored_by_the_first_layout_moves_to_its_year() {
    use super::collection::moved_report_key;
    assert_eq!(
        moved_report_key("report/zb-0001/2025").as_deref(),
        Some("reports/2025/zb-0001")
    );
    // A branch id with a slash in it keeps it: the year is the last part.
    assert_eq!(
        moved_report_key("report/zb/x/2024").as_deref(),
        Some("reports/2024/zb/x")
    );
    for stays in [
        "expected",
        "reports/2025/zb-0001",
        "report/zb-0001/年",
        "report//2025",
    ] {
        assert_eq!(moved_report_key(stays), None, "{stays}");
    }
}

#[test]
fn the_overview_by_name_orders_the_numbers_in_branch_names_by_value() {
    let names = "机关第19党支部\n机关第1党支部\n机关第2党支部\n机关第20党支部\n机关第10党支部";
    let c = Collection {
        expected: Expected::with_names(names, None),
        ..Collection::default()
    };
    let rows = overview(&c, 2026, Span::Year, day(2026, 12, 31), Order::Name, None);
    let shown: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        shown,
        [
            "机关第1党支部",
            "机关第2党支部",
            "机关第10党支部",
            "机关第19党支部",
            "机关第20党支部"
        ]
    );
}

#[test]
fn branch_names_with_chinese_numerals_order_by_value() {
    let mut names = vec![
        "第十一党支部",
        "第二党支部",
        "第十党支部",
        "第一党支部",
        "第二十党支部",
        "第三党支部",
    ];
    names.sort_by(|a, b| by_branch_name(a, b));
    assert_eq!(
        names,
        [
            "第一党支部",
            "第二党支部",
            "第三党支部",
            "第十党支部",
            "第十一党支部",
            "第二十党支部"
        ]
    );
}

#[test]
fn branch_names_with_full_width_digits_order_like_ascii_digits() {
    for (a, b, order) in [
        ("第２党支部", "第10党支部", std::cmp::Ordering::Less),
        ("第10党支部", "第９党支部", std::cmp::Ordering::Greater),
    ] {
        assert_eq!(by_branch_name(a, b), order, "{a} against {b}");
    }
    // The same number written two ways keeps one fixed order.
    assert_ne!(
        by_branch_name("第2党支部", "第二党支部"),
        std::cmp::Ordering::Equal
    );
    assert_eq!(
        by_branch_name("甲支部", "甲支部"),
        std::cmp::Ordering::Equal
    );
}
