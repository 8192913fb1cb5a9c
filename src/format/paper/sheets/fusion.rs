//! The 融合 printouts (`domain::fusion::sheets` says what each holds): wide
//! ledgers on A4 landscape; a 承诺书 or a 回顾表 is one page per member or
//! group.

use chrono::NaiveDate;

use crate::domain::fusion::sheets::{pages, Page, SheetKind};
use crate::domain::Document;
use crate::format::paper::{file_name, Block, Column, Orientation, Paper, Style, Table};

/// The printout, or `None` when what it names does not exist.
pub fn fusion_sheet(doc: &Document, kind: &SheetKind, today: NaiveDate) -> Option<Paper> {
    let list = pages(doc, kind)?;
    let title = kind.title();
    let mut paper = Paper::new(doc, title, today);
    paper.file_name = match kind {
        SheetKind::Tasks(y) | SheetKind::Groups(y) | SheetKind::Ledger(y) => {
            file_name(None, &format!("{y}年 {title}"))
        }
        SheetKind::Progress(y, m) | SheetKind::Morning(y, m) => {
            file_name(None, &format!("{y}年{m}月 {title}"))
        }
        SheetKind::Pledges(y, member) => {
            let name = member
                .as_deref()
                .and_then(|id| doc.member(id))
                .map(|m| format!(" {}", m.name))
                .unwrap_or_default();
            file_name(None, &format!("{y}年 {title}{name}"))
        }
        SheetKind::Opl(id) => {
            let study = doc.study(id)?;
            file_name(study.date, &format!("{title} {}", study.title.trim()))
        }
    };
    if matches!(
        kind,
        SheetKind::Tasks(_) | SheetKind::Progress(..) | SheetKind::Groups(_) | SheetKind::Ledger(_)
    ) {
        paper.orientation = Orientation::Landscape;
    }
    let text: Vec<String> = list.iter().map(Page::as_text).collect();
    paper.share_text = format!("{title}\n{}", text.join("\n\n"));
    if list.is_empty() {
        paper.paragraph(Style::Plain, "还没有可以打印的内容。");
    }
    for (i, page) in list.into_iter().enumerate() {
        if i > 0 {
            paper.blocks.push(Block::PageBreak);
        }
        add_page(&mut paper, page);
    }
    Some(paper)
}

fn add_page(paper: &mut Paper, page: Page) {
    if !page.subtitle.is_empty() {
        paper.paragraph(Style::Plain, page.subtitle);
    }
    if !page.fields.is_empty() {
        paper.table(Table::fields(page.fields));
    }
    if let Some(t) = page.table {
        let columns: Vec<(&str, Column)> = t.columns.iter().map(|c| (*c, column(c))).collect();
        let mut table = Table::grid(&columns);
        for row in t.rows {
            table.row(row);
        }
        paper.table(table);
    }
    for (heading, body) in page.blocks {
        paper.heading(heading);
        paper.prose(&body, 0);
    }
    if !page.signatures.is_empty() {
        paper.signatures(&page.signatures, true);
    }
}

/// Short columns keep to one line; text columns take the rest.
fn column(name: &str) -> Column {
    match name {
        "序号" | "月份" | "人数" => Column::CENTER,
        "状态" | "自评" | "时限" | "日期" | "来源" | "责任主体" | "清单" | "类别" | "姓名"
        | "领学人" | "科室" => Column::LINE,
        _ => Column::TEXT,
    }
}
