//! A branch's year on paper (`domain::year_work` says what each holds): the
//! 年度工作计划 with its 三会一课 schedule and key tasks, the 年度工作总结
//! with the year's figures after the secretary's text, and the 书记抓基层党建
//! 工作述职报告. Where nothing is written yet, ruled lines are left to write
//! on by hand.

use chrono::NaiveDate;

use crate::domain::year_work::plan::{approval, schedule, task_line, year_tasks, YearPlan};
use crate::domain::year_work::report::{report_text, reporter, SecretaryReport, HEADINGS};
use crate::domain::year_work::summary::{summary_text, year_figures, YearSummary};
use crate::domain::Document;
use crate::format::paper::{Column, Paper, Style, Table};

/// The 年度工作计划 of `year`, from what is written (or blank lines) and
/// what the app knows: the schedule and the year's tasks.
pub fn year_plan_paper(doc: &Document, year: i32, today: NaiveDate) -> Paper {
    let plan = doc
        .year_plan(&year.to_string())
        .cloned()
        .unwrap_or_else(|| YearPlan::new(year));
    let title = format!("{year}年度党支部工作计划");
    let mut paper = Paper::new(doc, title.clone(), today);
    if let Some(approved) = approval(doc, &plan) {
        paper.subtitle = format!("（{approved}研究通过）");
    }
    paper.heading("一、指导思想和工作目标");
    paper.prose(&plan.goals, 4);

    paper.heading("二、“三会一课”等组织生活安排");
    let plan_of_meetings = schedule(doc, year, today);
    if !plan_of_meetings.yearly.is_empty() {
        paper.paragraph(
            Style::Body,
            format!("全年：{}。", plan_of_meetings.yearly.join("、")),
        );
    }
    let mut table = Table::grid(&[
        ("月份", Column::CENTER),
        ("按制度召开", Column::TEXT),
        ("已安排的会议", Column::TEXT),
    ]);
    for month in &plan_of_meetings.months {
        table.row([
            format!("{}月", month.month),
            month.required_text(),
            month.planned_text(),
        ]);
    }
    paper.table(table);
    // The branch's themes below the table, each once: in its cells they
    // made the schedule run to pages.
    let themes: Vec<String> = plan_of_meetings
        .months
        .iter()
        .map(|m| (m.month, m.themes_text()))
        .filter(|(_, t)| !t.is_empty())
        .map(|(month, t)| format!("{month}月 {t}"))
        .collect();
    if !themes.is_empty() {
        paper.paragraph(
            Style::Plain,
            "支部会议主题（党小组会的主题见各党小组月度工作）：",
        );
        paper.list(false, themes);
    }

    let (tasks, fused) = year_tasks(doc, year);
    paper.heading("三、重点任务");
    if tasks.is_empty() {
        paper.prose("", 3);
    } else {
        paper.list(true, tasks.iter().map(|t| task_line(doc, t)).collect());
    }
    paper.heading("四、党建与业务融合");
    if !fused.is_empty() {
        paper.list(true, fused.iter().map(|t| task_line(doc, t)).collect());
    }
    paper.prose(&plan.fusion, if fused.is_empty() { 3 } else { 0 });
    paper.heading("五、其他工作安排");
    paper.prose(&plan.other, 3);
    paper.signatures(&["党支部书记（签字）", "党支部（盖章）"], true);
    paper.share_text = crate::domain::year_work::plan::plan_text(doc, &plan, true);
    paper.named(None, &title);
    paper
}

/// The 年度工作总结 of `year`: the secretary's three sections, then the
/// year's figures as computed today.
pub fn year_summary_paper(doc: &Document, year: i32, today: NaiveDate) -> Paper {
    let summary = doc
        .year_summary(&year.to_string())
        .cloned()
        .unwrap_or_else(|| YearSummary::new(year));
    let title = format!("{year}年度党支部工作总结");
    let mut paper = Paper::new(doc, title.clone(), today);
    for (heading, text, blank) in [
        ("一、主要工作和成效", &summary.work, 8),
        ("二、存在的问题和不足", &summary.shortcomings, 4),
        ("三、下一年度工作打算", &summary.next_year, 4),
    ] {
        paper.heading(heading);
        paper.prose(text, blank);
    }
    if let Some(figures) = year_figures(doc, year, today) {
        paper.heading(format!("附：{year}年度主要工作数据"));
        for (heading, lines) in figures.sections() {
            paper.paragraph(Style::Plain, heading);
            paper.list(false, lines);
        }
    }
    paper.signatures(&["党支部书记（签字）", "党支部（盖章）"], true);
    paper.share_text = summary_text(&summary);
    paper.named(None, &title);
    paper
}

/// The 书记抓基层党建工作述职报告 of `year`, under the suggested headings.
pub fn secretary_report_paper(doc: &Document, year: i32, today: NaiveDate) -> Paper {
    let report = doc
        .secretary_report(&year.to_string())
        .cloned()
        .unwrap_or_else(|| SecretaryReport::new(year, None));
    let title = format!("{year}年度党支部书记抓基层党建工作述职报告");
    let mut paper = Paper::new(doc, title.clone(), today);
    if let Some(name) = reporter(doc, &report) {
        paper.subtitle = format!("述职人：{name}");
    }
    for ((heading, _), text) in HEADINGS.iter().zip(report.sections()) {
        paper.heading(*heading);
        paper.prose(text, 5);
    }
    paper.signatures(&["述职人（签字）"], true);
    paper.share_text = report_text(doc, &report);
    paper.named(None, &title);
    paper
}
