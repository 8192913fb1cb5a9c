//! The 党委's printouts from its branches' 报上级 reports: 各党支部组织生活
//! 制度落实情况汇总表 (A4 landscape, a row per branch, the overview's
//! cells) and 民主评议结果汇总 (counts per grade). Only figures: a report
//! carries no names.

use chrono::NaiveDate;

use crate::domain::assessment::grades::Grade;
use crate::domain::report::collection::Collection;
use crate::domain::report::overview::{overview, Order, Row, Span};
use crate::domain::report::Item;
use crate::domain::Document;
use crate::format::paper::{Column, Orientation, Paper, Style, Table};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::report::branch_report;
    use crate::domain::report::collection::{Expected, Received};
    use crate::domain::sample::example_document;

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
}
