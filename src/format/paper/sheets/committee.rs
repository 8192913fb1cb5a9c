//! The 党委's printouts from its branches' 报上级 reports: 各党支部组织生活
//! 制度落实情况汇总表 (A4 landscape, a row per branch, the overview's
//! cells), 民主评议结果汇总 (counts per grade), 党费收缴汇总 (each branch's
//! year totals) and the 述职评议表 on which the 党委 rates each secretary's
//! 述职. Only figures, and the 述职人 a 述职 names: a report carries no
//! other name.

use chrono::{Datelike, NaiveDate};

use crate::domain::assessment::grades::Grade;
use crate::domain::report::collection::Collection;
use crate::domain::report::overview::{overview, Order, Row, Span};
use crate::domain::report::{yuan_text, Item};
use crate::domain::year_work::report::reporter_in;
use crate::domain::Document;
use crate::format::paper::{Cell, Column, Orientation, Paper, Style, Table};

fn committee_paper(title: &str, organisation: &str, today: NaiveDate) -> Paper {
    let mut paper = Paper::new(&Document::default(), title, today);
    paper.org = organisation.to_string();
    paper.running_head = organisation.to_string();
    paper.named(None, title);
    paper
}

/// 各党支部组织生活制度落实情况汇总表 of `year` (or one month of it).
pub fn committee_summary(
    collection: &Collection,
    organisation: &str,
    year: i32,
    span: Span,
    today: NaiveDate,
) -> Paper {
    let title = match span {
        Span::Year => format!("{year}年各党支部组织生活制度落实情况汇总表"),
        Span::Month(m) => format!("{year}年{m}月各党支部组织生活制度落实情况汇总表"),
    };
    let mut paper = committee_paper(&title, organisation, today);
    paper.orientation = Orientation::Landscape;
    paper.whole_page = true;
    let tally = collection.tally(year);
    paper.subtitle = tally.sentence();
    let mut columns: Vec<(&str, Column)> = vec![
        ("序号", Column::CENTER),
        ("党支部", Column::TEXT),
        ("党员数", Column::CENTER),
    ];
    columns.extend(Item::ALL.iter().map(|i| (i.label(), Column::CENTER)));
    columns.push(("学时", Column::TEXT));
    columns.push(("党费", Column::TEXT));
    let mut table = Table::grid(&columns);
    let rows = overview(collection, year, span, today, Order::Name, None);
    for (i, row) in rows.iter().enumerate() {
        table.row(summary_cells(i, row));
    }
    paper.table(table);
    paper.paragraph(
        Style::Plain,
        "“已完成”为每个应开会议的月份（季度、年度）都已召开；“逾期 n”为已过期未开的月份（季度）数；“n/m”为进行中；“未报”为没有报送或报送时尚未到该期；“不要求”为按支部规则不要求（如未设党小组）。数字来自各党支部报送的报上级材料。",
    );
    if !tally.missing.is_empty() {
        paper.paragraph(
            Style::Plain,
            format!("未报送的党支部：{}。", tally.missing.join("、")),
        );
    }
    paper.signatures(&["填表人", "党委（盖章）"], true);
    paper.share_text = paper.as_text();
    paper
}

fn summary_cells(i: usize, row: &Row) -> Vec<String> {
    let mut cells = vec![(i + 1).to_string(), row.name.clone(), row.members_text()];
    cells.extend(row.cells.iter().map(|c| c.text()));
    cells.push(row.study_text());
    cells.push(row.dues_text());
    cells
}

/// 民主评议结果汇总: each branch's counts per grade, and the totals.
pub fn committee_grades(
    collection: &Collection,
    organisation: &str,
    year: i32,
    today: NaiveDate,
) -> Paper {
    let title = format!("{year}年度各党支部民主评议党员结果汇总表");
    let mut paper = committee_paper(&title, organisation, today);
    let mut columns: Vec<(&str, Column)> = vec![("序号", Column::CENTER), ("党支部", Column::TEXT)];
    columns.extend(Grade::ALL.iter().map(|g| (g.label(), Column::CENTER)));
    columns.push(("不评定等次", Column::CENTER));
    columns.push(("未定", Column::CENTER));
    let mut table = Table::grid(&columns);
    let mut totals = [0u32; 6];
    for (i, received) in collection.of_year(year).iter().enumerate() {
        let g = &received.report.grades;
        let counts = [
            g.excellent,
            g.qualified,
            g.basically_qualified,
            g.unqualified,
            g.not_graded,
            g.undecided,
        ];
        for (t, c) in totals.iter_mut().zip(counts) {
            *t += c;
        }
        let mut cells = vec![(i + 1).to_string(), received.report.branch_name.clone()];
        cells.extend(counts.iter().map(u32::to_string));
        table.row(cells);
    }
    let mut cells = vec![String::new(), "合计".to_string()];
    cells.extend(totals.iter().map(u32::to_string));
    table.row(cells);
    paper.table(table);
    paper.signatures(&["填表人", "党委（盖章）"], true);
    paper.share_text = paper.as_text();
    paper
}

/// 党费收缴汇总: each branch's 应交, 实交 and 上缴 of `year` as its report
/// totals them, the rate of 实交 to 应交, and the totals of the branches
/// that keep a ledger. A branch without a ledger or without a report says
/// so in its row.
pub fn committee_dues(
    collection: &Collection,
    organisation: &str,
    year: i32,
    today: NaiveDate,
) -> Paper {
    let title = format!("{year}年度各党支部党费收缴情况汇总表");
    let mut paper = committee_paper(&title, organisation, today);
    paper.subtitle = "单位：元".into();
    let mut table = Table::grid(&[
        ("序号", Column::CENTER),
        ("党支部", Column::TEXT),
        ("党员数", Column::CENTER),
        ("应交", Column::CENTER),
        ("实交", Column::CENTER),
        ("收缴率", Column::CENTER),
        ("上缴", Column::CENTER),
        // Short notes on one line: the branch's name takes the room left.
        ("备注", Column::LINE),
    ]);
    let (mut owed, mut paid, mut remitted, mut members) = (0i64, 0i64, 0i64, 0u32);
    let mut row_number = 0;
    for received in collection.of_year(year) {
        let r = &received.report;
        row_number += 1;
        let mut cells = vec![
            row_number.to_string(),
            r.branch_name.clone(),
            r.membership.total.to_string(),
        ];
        match r.dues {
            Some(d) => {
                owed += d.owed_fen;
                paid += d.paid_fen;
                remitted += d.remitted_fen;
                members += r.membership.total;
                let partial = (r.as_of < year_end(year))
                    .then(|| format!("截至{}月{}日", r.as_of.month(), r.as_of.day()));
                cells.extend([
                    yuan_text(d.owed_fen),
                    yuan_text(d.paid_fen),
                    rate(d.paid_fen, d.owed_fen),
                    yuan_text(d.remitted_fen),
                    partial.unwrap_or_default(),
                ]);
            }
            None => cells.extend(["", "", "", "", "未记账"].map(String::from)),
        }
        table.row(cells);
    }
    for name in collection.tally(year).missing {
        row_number += 1;
        table.row([
            row_number.to_string(),
            name,
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            "未报".into(),
        ]);
    }
    table.row([
        String::new(),
        "合计".into(),
        members.to_string(),
        yuan_text(owed),
        yuan_text(paid),
        rate(paid, owed),
        yuan_text(remitted),
        String::new(),
    ]);
    paper.table(table);
    paper.paragraph(
        Style::Plain,
        "金额为各党支部报上级材料中的党费全年合计，不含个人收入和缴纳基数；“未记账”为报送的手机没有党费台账，“截至”为报送时年度未满的统计日；合计只计记有党费台账的党支部，党员数亦同。",
    );
    paper.signatures(&["填表人", "党委（盖章）"], true);
    paper.share_text = paper.as_text();
    paper
}

fn year_end(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// 实交 of 应交, "98.5%"; blank when nothing was owed.
fn rate(paid: i64, owed: i64) -> String {
    if owed <= 0 {
        return String::new();
    }
    // Tenths of a percent, rounded half up, in i128 so nothing overflows.
    let tenths = (i128::from(paid) * 2000 + i128::from(owed)) / (2 * i128::from(owed));
    format!("{}.{}%", tenths / 10, (tenths % 10).abs())
}

/// The 等次 a 述职 is rated at (the usual four of 述职评议).
pub const APPRAISAL_GRADES: [&str; 4] = ["好", "较好", "一般", "差"];

/// 述职评议表: a row per branch (those that reported, then those of the
/// list that have not), its 述职人 as the 述职 names them (blank to write
/// in where no 述职 came), a column per 等次 to tick and room for
/// comments. One sheet for each member of the 党委 who rates.
pub fn committee_appraisal(
    collection: &Collection,
    organisation: &str,
    year: i32,
    today: NaiveDate,
) -> Paper {
    let title = format!("{year}年度党支部书记抓基层党建工作述职评议表");
    let mut paper = committee_paper(&title, organisation, today);
    let mut first = vec![
        Cell::label("序号").span(1, 2),
        Cell::label("党支部").span(1, 2),
        Cell::label("述职人").span(1, 2),
        Cell::label("评议等次").span(APPRAISAL_GRADES.len(), 1),
    ];
    first.push(Cell::label("意见和建议").span(1, 2));
    let mut columns = vec![Column::CENTER, Column::TEXT, Column::SIGN];
    columns.extend(APPRAISAL_GRADES.map(|_| Column::CENTER));
    columns.push(Column::TEXT);
    let mut table = Table {
        columns,
        head: vec![first, APPRAISAL_GRADES.map(Cell::label).to_vec()],
        rows: Vec::new(),
        signing: true,
    };
    let reported = collection.of_year(year).into_iter().map(|r| {
        let reporter = reporter_in(&r.report.texts.secretary_report).unwrap_or_default();
        (r.report.branch_name.clone(), reporter.to_string())
    });
    let missing = collection
        .tally(year)
        .missing
        .into_iter()
        .map(|name| (name, String::new()));
    for (i, (branch, reporter)) in reported.chain(missing).enumerate() {
        let mut row = vec![(i + 1).to_string(), branch, reporter];
        row.extend(APPRAISAL_GRADES.map(|_| String::new()));
        row.push(String::new());
        table.row(row);
    }
    paper.paragraph(
        Style::Plain,
        "请对每名党支部书记的述职在“好”“较好”“一般”“差”中选一个等次，在相应栏内划“√”。",
    );
    paper.table(table);
    paper.signatures(&["评议人（签字）"], true);
    paper.share_text = paper.as_text();
    paper
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::report::branch_report;
    use crate::domain::report::collection::{Expected, Received};
    use crate::domain::sample::example_document;

    /// The sheet's table (each 党委 sheet has one).
    fn first_table(paper: &Paper) -> &Table {
        paper
            .blocks
            .iter()
            .find_map(|b| match b {
                crate::format::paper::Block::Table(t) => Some(t),
                _ => None,
            })
            .expect("a table")
    }

    #[test]
    fn the_summary_sheet_has_a_row_per_branch_and_names_who_has_not_reported() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        let doc = example_document(today);
        let mut c = Collection {
            expected: Expected::with_names("示例单位第一党支部\n第二党支部", None),
            ..Collection::default()
        };
        c.receive(Received {
            report: branch_report(&doc, 2026, today),
            made_at: "2026-12-06 10:00".into(),
        });
        let paper = committee_summary(&c, "示例单位机关党委", 2026, Span::Year, today);
        assert_eq!(paper.subtitle, "已报 1 / 应报 2");
        let text = paper.as_text();
        assert!(text.contains("示例单位第一党支部"), "{text}");
        assert!(text.contains("未报送的党支部：第二党支部。"), "{text}");
        assert!(!text.contains("王建国"));
        let grades = committee_grades(&c, "示例单位机关党委", 2026, today);
        assert!(grades.as_text().contains("合计"));
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
    }

    /// The example branch, a second branch without a 党费 ledger and
    /// without a 述职, and a third on the list that has not reported.
    fn three_branches() -> Collection {
        let doc = example_document(today());
        let first = branch_report(&doc, 2026, today());
        let mut second = first.clone();
        second.branch_id = "zb-second".into();
        second.branch_name = "机关第二党支部".into();
        second.dues = None;
        second.texts = Default::default();
        let mut c = Collection {
            expected: Expected::with_names(
                "示例单位第一党支部\n机关第二党支部\n机关第三党支部",
                None,
            ),
            ..Collection::default()
        };
        for report in [first, second] {
            c.receive(Received {
                report,
                made_at: "2026-12-06 10:00".into(),
            });
        }
        c
    }

    #[test]
    fn the_dues_summary_totals_the_branches_that_keep_a_ledger_and_says_why_the_others_are_blank() {
        let c = three_branches();
        let first = c.of_year(2026)[1].report.clone();
        assert_eq!(first.branch_name, "示例单位第一党支部");
        let d = first.dues.unwrap();
        let paper = committee_dues(&c, "示例单位机关党委", 2026, today());
        let table = first_table(&paper);
        let texts: Vec<Vec<&str>> = table
            .rows
            .iter()
            .map(|r| r.iter().map(|c| c.text.as_str()).collect())
            .collect();
        assert_eq!(texts.len(), 4, "three branches and the totals");
        assert_eq!(texts[0][1], "机关第二党支部");
        assert_eq!(texts[0][7], "未记账");
        assert_eq!(texts[1][3], yuan_text(d.owed_fen));
        assert_eq!(texts[1][4], yuan_text(d.paid_fen));
        assert_eq!(texts[1][6], yuan_text(d.remitted_fen));
        assert_eq!(texts[1][7], "截至12月6日", "the year still runs");
        assert_eq!((texts[2][1], texts[2][7]), ("机关第三党支部", "未报"));
        // Only the branch with a ledger counts in the totals.
        assert_eq!(texts[3][1], "合计");
        assert_eq!(texts[3][2], first.membership.total.to_string());
        assert_eq!(texts[3][3..5], [texts[1][3], texts[1][4]]);
        assert_eq!(texts[3][5], rate(d.paid_fen, d.owed_fen));
        assert!(!paper.as_text().contains("王建国"));
    }

    #[test]
    fn the_collection_rate_is_paid_over_owed_in_tenths_rounded_half_up() {
        assert_eq!(rate(1, 3), "33.3%");
        assert_eq!(rate(2, 3), "66.7%");
        assert_eq!(rate(1995, 2000), "99.8%", "99.75 rounds up");
        assert_eq!(rate(1994, 2000), "99.7%");
        assert_eq!(rate(2100, 2000), "105.0%", "补交 of earlier years");
        assert_eq!(rate(0, 0), "", "nothing owed: no rate");
    }

    #[test]
    fn the_appraisal_sheet_names_each_reporter_and_leaves_four_grades_to_tick() {
        let c = three_branches();
        let doc = example_document(today());
        let reporter = doc
            .secretary_report("2026")
            .and_then(|r| r.member_id.as_deref())
            .and_then(|id| doc.member(id))
            .map(|m| m.name.clone())
            .unwrap();
        let paper = committee_appraisal(&c, "示例单位机关党委", 2026, today());
        let table = first_table(&paper);
        assert_eq!(
            table.column_labels(),
            [
                "序号",
                "党支部",
                "述职人",
                "好",
                "较好",
                "一般",
                "差",
                "意见和建议"
            ]
        );
        let rows: Vec<Vec<&str>> = table
            .rows
            .iter()
            .map(|r| r.iter().map(|c| c.text.as_str()).collect())
            .collect();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0][1..3], ["机关第二党支部", ""], "no 述职 came");
        assert_eq!(rows[1][1..3], ["示例单位第一党支部", reporter.as_str()]);
        assert_eq!(rows[2][1..3], ["机关第三党支部", ""], "not reported");
        assert!(rows.iter().all(|r| r[3..].iter().all(|c| c.is_empty())));
        assert!(table.signing, "rows tall enough to tick and write in");
    }
}
