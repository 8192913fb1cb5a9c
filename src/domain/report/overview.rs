//! The 党委's overview: branches × requirements for a year or one month,
//! each cell 已完成 / 待完成 / 逾期 / 未报, with 学时 and 党费 beside; the
//! same rows as the CSV for the 组织部's spreadsheet and as the printed
//! 汇总表.

use chrono::{Datelike, NaiveDate};

use super::branch_order::by_branch_name;
use super::collection::Collection;
use super::{yuan_text, BranchReport, Item};
use crate::domain::fusion::study::tenths_text;
use crate::domain::rules::compliance::Status;

/// The part of the year the overview shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span {
    Year,
    /// 1–12.
    Month(u32),
}

impl Span {
    /// "全年", "3月".
    pub fn label(self) -> String {
        match self {
            Span::Year => "全年".into(),
            Span::Month(m) => format!("{m}月"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Done,
    /// Not met, the period still running.
    Due,
    Overdue,
    /// The branch's rules ask nothing of it (no 党小组, no 支委会).
    NotRequired,
    /// No report covers it.
    NotReported,
}

impl Mark {
    pub fn label(self) -> &'static str {
        match self {
            Mark::Done => "已完成",
            Mark::Due => "待完成",
            Mark::Overdue => "逾期",
            Mark::NotRequired => "不要求",
            Mark::NotReported => "未报",
        }
    }

    /// For styling: "done", "due", "overdue", "none", "missing".
    pub fn class(self) -> &'static str {
        match self {
            Mark::Done => "done",
            Mark::Due => "due",
            Mark::Overdue => "overdue",
            Mark::NotRequired => "none",
            Mark::NotReported => "missing",
        }
    }
}

/// One requirement of one branch over the span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cell {
    pub mark: Mark,
    /// Periods (months, quarters, the year) the span holds for it, as far
    /// as the report covers them.
    pub periods: u32,
    pub done: u32,
    pub overdue: u32,
}

impl Cell {
    /// "已完成", "逾期 2", "9/12", "未报".
    pub fn text(&self) -> String {
        match self.mark {
            Mark::Overdue if self.periods > 1 => format!("逾期 {}", self.overdue),
            Mark::Due if self.periods > 1 => format!("{}/{}", self.done, self.periods),
            mark => mark.label().to_string(),
        }
    }
}

/// One branch's row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row<'a> {
    pub name: String,
    pub branch_id: Option<String>,
    pub report: Option<&'a BranchReport>,
    /// In the order of `Item::ALL`.
    pub cells: Vec<Cell>,
}

impl Row<'_> {
    pub fn overdue(&self) -> u32 {
        self.cells.iter().map(|c| c.overdue).sum()
    }

    /// "18.5/24 达标" style figures; "—" when not reported.
    pub fn members_text(&self) -> String {
        self.report
            .map_or("—".into(), |r| r.membership.total.to_string())
    }

    /// "20/25（人均 31.2）": members who reached their 学时, of all.
    pub fn study_text(&self) -> String {
        let Some(r) = self.report else {
            return "未报".into();
        };
        let s = &r.study;
        if s.members == 0 {
            return "—".into();
        }
        let average = s.total_tenths / u64::from(s.members);
        let mut text = format!(
            "{}/{}达标，人均 {}",
            s.reached,
            s.members,
            tenths_text(average)
        );
        if s.unit_unset {
            text.push_str("（未设学时折算）");
        }
        text
    }

    /// "实交 1234.50，上缴 1200.00"; "未记账" when the report has no ledger.
    pub fn dues_text(&self) -> String {
        match self.report {
            None => "未报".into(),
            Some(r) => match r.dues {
                None => "未记账".into(),
                Some(d) => format!(
                    "实交 {}，上缴 {}",
                    yuan_text(d.paid_fen),
                    yuan_text(d.remitted_fen)
                ),
            },
        }
    }
}

/// How the rows are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    #[default]
    Name,
    /// Most 逾期 first, 未报 before everyone.
    Behind,
}

/// The overview's rows for `year`: a row per report, then a row per
/// branch on the 组织员's list that has not reported; marks as of `today`.
/// `parent` keeps only the branches of one 党总支 (by `parent_org`).
pub fn overview<'a>(
    collection: &'a Collection,
    year: i32,
    span: Span,
    today: NaiveDate,
    order: Order,
    parent: Option<&str>,
) -> Vec<Row<'a>> {
    let mut rows: Vec<Row<'a>> = collection
        .of_year(year)
        .into_iter()
        .map(|r| &r.report)
        .filter(|r| parent.is_none_or(|p| r.parent_org == p))
        .map(|r| Row {
            name: r.branch_name.clone(),
            branch_id: Some(r.branch_id.clone()),
            report: Some(r),
            cells: Item::ALL.iter().map(|i| cell(r, *i, span, today)).collect(),
        })
        .collect();
    if parent.is_none() {
        rows.extend(collection.tally(year).missing.into_iter().map(|name| {
            Row {
                name,
                branch_id: None,
                report: None,
                cells: Item::ALL
                    .iter()
                    .map(|_| Cell {
                        mark: Mark::NotReported,
                        periods: 0,
                        done: 0,
                        overdue: 0,
                    })
                    .collect(),
            }
        }));
    }
    match order {
        Order::Name => rows.sort_by(|a, b| by_branch_name(&a.name, &b.name)),
        Order::Behind => rows.sort_by(|a, b| {
            (b.report.is_none(), b.overdue(), &a.name).cmp(&(
                a.report.is_none(),
                a.overdue(),
                &b.name,
            ))
        }),
    }
    rows
}

/// One branch's years side by side, latest first: for each year it
/// reported (under any name), its row of the year's overview, named after
/// the year ("2026年"). The 组织员 compares a branch with itself, never
/// ranks branches.
pub fn branch_years<'a>(
    collection: &'a Collection,
    branch_id: &str,
    today: NaiveDate,
) -> Vec<Row<'a>> {
    let mut reports: Vec<&BranchReport> = collection
        .reports
        .iter()
        .map(|r| &r.report)
        .filter(|r| r.branch_id == branch_id)
        .collect();
    reports.sort_by_key(|r| std::cmp::Reverse(r.year));
    reports
        .into_iter()
        .map(|r| Row {
            name: format!("{}年", r.year),
            branch_id: Some(r.branch_id.clone()),
            report: Some(r),
            cells: Item::ALL
                .iter()
                .map(|i| cell(r, *i, Span::Year, today))
                .collect(),
        })
        .collect()
}

/// The 党总支 the reports of `year` name, for the filter.
pub fn parents(collection: &Collection, year: i32) -> Vec<String> {
    let mut out: Vec<String> = collection
        .of_year(year)
        .iter()
        .map(|r| r.report.parent_org.clone())
        .filter(|p| !p.is_empty())
        .collect();
    out.sort_by(|a, b| by_branch_name(a, b));
    out.dedup();
    out
}

/// One requirement of a report over the span. A period the report's day
/// had not reached is 未报; one it reached is marked as of `today`.
pub fn cell(report: &BranchReport, item: Item, span: Span, today: NaiveDate) -> Cell {
    let mid_month = |m: u32| NaiveDate::from_ymd_opt(report.year, m, 15);
    let lines = report
        .lines
        .iter()
        .filter(|l| l.item == item)
        .filter(|l| match span {
            Span::Year => true,
            Span::Month(m) => mid_month(m).is_some_and(|d| l.start <= d && d <= l.end),
        });
    let mut c = Cell {
        mark: Mark::NotRequired,
        periods: 0,
        done: 0,
        overdue: 0,
    };
    let mut unreported = 0;
    for line in lines {
        if line.start > report.as_of {
            unreported += 1;
            continue;
        }
        c.periods += 1;
        match line.status(today) {
            Status::Done => c.done += 1,
            Status::Overdue => c.overdue += 1,
            Status::Due => {}
        }
    }
    c.mark = if c.overdue > 0 {
        Mark::Overdue
    } else if c.periods == 0 && unreported > 0 {
        Mark::NotReported
    } else if c.periods == 0 {
        Mark::NotRequired
    } else if c.done == c.periods {
        Mark::Done
    } else {
        Mark::Due
    };
    c
}

/// The overview as CSV (UTF-8 with a BOM, so spreadsheet programs read the
/// Chinese), one row per branch.
pub fn csv(rows: &[Row], year: i32, span: Span) -> String {
    let mut out = String::from('\u{feff}');
    let mut header: Vec<String> = vec![format!("{year}年{}", span.label()), "党员数".into()];
    header.extend(Item::ALL.iter().map(|i| i.label().to_string()));
    header.extend([
        "学时".to_string(),
        "党费".to_string(),
        "报送日期".to_string(),
    ]);
    push_csv_line(&mut out, &header);
    for row in rows {
        let mut line = vec![row.name.clone(), row.members_text()];
        line.extend(row.cells.iter().map(Cell::text));
        line.push(row.study_text());
        line.push(row.dues_text());
        line.push(row.report.map_or("未报".into(), |r| {
            crate::domain::time::format_iso_date(r.as_of)
        }));
        push_csv_line(&mut out, &line);
    }
    out
}

fn push_csv_line(out: &mut String, fields: &[String]) {
    let quoted: Vec<String> = fields
        .iter()
        .map(|f| {
            // A field starting like a formula is not run by the spreadsheet.
            let f = if f.starts_with(['=', '+', '-', '@']) {
                format!("'{f}")
            } else {
                f.clone()
            };
            if f.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f
            }
        })
        .collect();
    out.push_str(&quoted.join(","));
    out.push_str("\r\n");
}

/// The months a year's overview offers: the whole year, then each month.
pub fn spans(year: i32, today: NaiveDate) -> Vec<Span> {
    let last = if year < today.year() {
        12
    } else {
        today.month()
    };
    std::iter::once(Span::Year)
        .chain((1..=last).map(Span::Month))
        .collect()
}
