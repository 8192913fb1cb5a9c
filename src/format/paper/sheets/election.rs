//! The ballots of an election on paper (a meeting record's and the
//! 换届工作记录's 选举情况): the figures the chair announces, each
//! candidate's votes, the 监票人 and 计票人, the result in the rules' words
//! and its report; where the rules come from once under all the ballots.
//! And the 支部委员会换届工作记录 itself.

use chrono::NaiveDate;

use crate::domain::handover::handover_sheet;
use crate::domain::record_sheet::ElectionSheet;
use crate::domain::Document;
use crate::format::paper::{Block, Column, Paper, Paragraph, Style, Table};

/// Each ballot under the heading 选举情况, then where their rules come
/// from, each once.
pub fn elections(paper: &mut Paper, sheets: &[ElectionSheet]) {
    if sheets.is_empty() {
        return;
    }
    paper.heading("选举情况");
    let dash = |s: &str| {
        if s.is_empty() {
            "—".to_string()
        } else {
            s.to_string()
        }
    };
    for sheet in sheets {
        paper.blocks.push(Block::Paragraph(Paragraph {
            lead: sheet.title.clone(),
            text: String::new(),
            style: Style::Plain,
        }));
        paper.table(Table::fields([
            ("到会情况", sheet.attendance.clone()),
            ("选票", dash(&sheet.ballots)),
            ("候选人", dash(&sheet.margin)),
            ("监票人", dash(&sheet.scrutineers)),
            ("计票人", dash(&sheet.tellers)),
        ]));
        let mut table = Table::grid(&[
            ("序号", Column::CENTER),
            ("被选举人", Column::TEXT),
            ("得票", Column::CENTER),
            ("结果", Column::CENTER),
        ]);
        for (i, (name, votes, outcome)) in sheet.candidates.iter().enumerate() {
            table.row([
                (i + 1).to_string(),
                name.clone(),
                votes.to_string(),
                outcome.clone(),
            ]);
        }
        paper.table(table);
        paper.paragraph(
            Style::Plain,
            format!("{}。{}。", sheet.threshold, sheet.result),
        );
        if !sheet.report.is_empty() {
            paper.paragraph(Style::Plain, format!("{}。", sheet.report));
        }
    }
    let mut bases: Vec<&str> = Vec::new();
    for sheet in sheets {
        if !bases.contains(&sheet.basis.as_str()) {
            bases.push(&sheet.basis);
        }
    }
    for basis in bases {
        paper.paragraph(Style::Small, basis);
    }
}

/// 支部委员会换届工作记录: the term, the steps with their days, the
/// renewal's ballots and who held which post when.
pub fn handover_record(doc: &Document, today: NaiveDate) -> Paper {
    let sheet = handover_sheet(doc, today);
    let mut paper = Paper::new(doc, "支部委员会换届工作记录", today);
    paper.named(None, "支部委员会换届工作记录");
    paper.share_text = sheet.as_text(&doc.branch.name);
    paper.paragraph(Style::Plain, sheet.term.clone());
    if !sheet.notice.is_empty() {
        paper.paragraph(Style::Plain, sheet.notice.clone());
    }
    paper.heading("换届步骤");
    let mut steps = Table::grid(&[
        ("序号", Column::CENTER),
        ("步骤", Column::LINE),
        ("内容", Column::TEXT),
        ("完成日期", Column::CENTER),
    ]);
    for (i, (short, label, on)) in sheet.steps.iter().enumerate() {
        let what = label
            .split_once('：')
            .map_or(label.clone(), |(_, rest)| rest.to_string());
        steps.row([(i + 1).to_string(), short.clone(), what, on.clone()]);
    }
    paper.table(steps);
    elections(&mut paper, &sheet.elections);
    if !sheet.committee.is_empty() {
        paper.heading("支部委员会组成");
        let mut committee = Table::grid(&[
            ("职务", Column::LINE),
            ("姓名", Column::LINE),
            ("任职起止", Column::TEXT),
        ]);
        for (post, name, span) in &sheet.committee {
            committee.row([post.clone(), name.clone(), span.clone()]);
        }
        paper.table(committee);
    }
    paper.signatures(&["党支部（盖章）"], true);
    paper
}
