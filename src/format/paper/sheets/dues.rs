//! The 党费 printouts (`domain::dues::sheets` says what each holds): the
//! year's 党费收缴登记表 on A4 landscape, the 公示 sheet, and a member's own
//! 交纳记录. None carries an income or a base.

use chrono::NaiveDate;

use crate::domain::dues::rates::RULES;
use crate::domain::dues::sheets::{member_record, public, register};
use crate::domain::time::format_short_date;
use crate::domain::Document;
use crate::format::paper::{Column, Orientation, Paper, Style, Table};

/// The year's 党费收缴登记表: a row per member and month, the totals, the
/// 上缴 and the balance.
pub fn dues_register(doc: &Document, year: i32, today: NaiveDate) -> Paper {
    let register = register(doc, year, today);
    let title = format!("{year}年党费收缴登记表");
    let mut paper = Paper::new(doc, title.clone(), today);
    paper.orientation = Orientation::Landscape;
    paper.whole_page = true;
    let money = Column::CENTER;
    let mut columns: Vec<(String, Column)> = vec![
        ("序号".into(), Column::CENTER),
        ("姓名".into(), Column::LINE),
        ("月交额".into(), money),
    ];
    columns.extend((1..=12).map(|m| (format!("{m}月"), money)));
    columns.push(("合计".into(), money));
    let named: Vec<(&str, Column)> = columns.iter().map(|(h, c)| (h.as_str(), *c)).collect();
    let mut table = Table::grid(&named);
    for (i, row) in register.rows.iter().enumerate() {
        let mut cells = vec![(i + 1).to_string(), row.name.clone(), row.monthly.clone()];
        cells.extend(row.cells.iter().cloned());
        cells.push(row.total.to_string());
        table.row(cells);
    }
    let t = &register.totals;
    for (label, of) in [("应交", true), ("实交", false)] {
        let mut cells = vec![String::new(), label.to_string(), String::new()];
        cells.extend(
            t.months
                .iter()
                .map(|m| if of { m.owed } else { m.paid }.to_string()),
        );
        let year_total = t.year();
        cells.push(if of { year_total.owed } else { year_total.paid }.to_string());
        table.row(cells);
    }
    paper.table(table);
    paper.paragraph(
        Style::Plain,
        "“免”为经上级党委批准免交，“—”为当月不在本支部或尚未起交，空白为未交。",
    );
    if !register.notes.is_empty() {
        paper.heading("说明");
        paper.list(false, register.notes.clone());
    }
    paper.heading("上缴情况");
    let mut remitted = Table::grid(&[
        ("上缴日期", Column::LINE),
        ("金额（元）", Column::CENTER),
        ("经手人", Column::LINE),
        ("说明", Column::TEXT),
    ]);
    for r in &register.remittances {
        remitted.row([
            r.paid_on.map(format_short_date).unwrap_or_default(),
            r.amount.to_string(),
            r.handler.clone(),
            r.note.clone(),
        ]);
    }
    if !remitted.rows.is_empty() {
        paper.table(remitted);
    }
    let balance = format!(
        "上年结存 {} 元，本年收缴 {} 元，上缴 {} 元，结存 {} 元。",
        t.carried_in,
        t.year().paid,
        t.remitted,
        t.balance(),
    );
    paper.paragraph(Style::Plain, balance.clone());
    paper.signatures(&["收缴人", "党支部书记"], true);
    paper.share_text = format!("{title}\n{balance}\n{}", paper.as_text());
    paper.named(None, &title);
    paper
}

/// The 公示 sheet: who paid for which months and how much, and the year's
/// totals; no amounts owed, no bases.
pub fn dues_public(doc: &Document, year: i32, today: NaiveDate) -> Paper {
    let public = public(doc, year, today);
    let title = format!("{year}年党费交纳情况公示");
    let mut paper = Paper::new(doc, title.clone(), today);
    let mut table = Table::grid(&[
        ("序号", Column::CENTER),
        ("姓名", Column::LINE),
        ("交纳月份", Column::TEXT),
        ("交纳金额（元）", Column::CENTER),
    ]);
    for (i, row) in public.rows.iter().enumerate() {
        table.row([
            (i + 1).to_string(),
            row.name.clone(),
            row.months.clone(),
            row.amount.to_string(),
        ]);
    }
    table.row([
        String::new(),
        "合计".into(),
        String::new(),
        public.collected.to_string(),
    ]);
    paper.table(table);
    let totals = format!(
        "本年度共收缴党费 {} 元，上缴上级党委 {} 元，结存 {} 元。",
        public.collected, public.remitted, public.balance
    );
    paper.paragraph(Style::Plain, totals);
    paper.paragraph(Style::Plain, "如有疑问，请向党支部组织委员了解。");
    paper.signatures(&["党支部（盖章）"], true);
    paper.share_text = paper.as_text();
    paper.named(None, &title);
    paper
}

/// A member's own 交纳记录 for a year, if the member exists.
pub fn dues_member_record(
    doc: &Document,
    member_id: &str,
    year: i32,
    today: NaiveDate,
) -> Option<Paper> {
    let record = member_record(doc, member_id, year, today)?;
    let title = format!("{year}年党费交纳记录");
    let mut paper = Paper::new(doc, title.clone(), today);
    paper.subtitle = format!("党员：{}", record.name);
    let mut table = Table::grid(&[
        ("月份", Column::CENTER),
        ("应交", Column::CENTER),
        ("实交", Column::CENTER),
        ("交纳日期", Column::LINE),
        ("方式", Column::LINE),
        ("备注", Column::TEXT),
    ]);
    for row in &record.rows {
        table.row([
            format!("{}月", row.month),
            row.owed.clone(),
            row.paid.clone(),
            row.paid_on.clone(),
            row.way.clone(),
            row.remark.clone(),
        ]);
    }
    table.row([
        "合计".to_string(),
        record.owed.to_string(),
        record.paid.to_string(),
        String::new(),
        String::new(),
        String::new(),
    ]);
    paper.table(table);
    paper.paragraph(Style::Plain, format!("依据：{RULES}。"));
    paper.share_text = record.as_text();
    paper.named(None, &format!("{title}（{}）", record.name));
    Some(paper)
}
