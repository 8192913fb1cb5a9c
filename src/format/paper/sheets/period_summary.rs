//! 党支部工作情况汇总 for a month, quarter or year: what the rules require
//! against what was held, attendance per member, 补学 and follow-ups.

use chrono::NaiveDate;

use crate::domain::rules::compliance::Period;
use crate::domain::summary::{period_summary, PeriodSummary};
use crate::domain::time::format_short_date;
use crate::domain::Document;
use crate::format::paper::{file_name, Column, Paper, Style, Table};

pub fn period_summary_paper(doc: &Document, period: Period, today: NaiveDate) -> Paper {
    let summary = period_summary(doc, period, today);
    let title = format!("党支部工作情况汇总（{}）", period.label());
    let mut paper = Paper::new(doc, title.clone(), today);
    paper.file_name = file_name(None, &format!("{} 党支部工作情况汇总", period.label()));
    paper.whole_page = true;
    paper.share_text = summary_text(&summary, &title);

    paper.heading("组织生活制度落实情况");
    let mut table = Table::grid(&[
        ("项目", Column::TEXT),
        ("应开", Column::CENTER),
        ("已开", Column::CENTER),
        ("情况", Column::LINE),
    ]);
    for r in &summary.requirements {
        table.row([
            r.label.clone(),
            format!("{}{}", r.required, r.unit()),
            format!("{}{}", r.held, r.unit()),
            r.status.label().to_string(),
        ]);
    }
    paper.table(table);
    if !summary.cadences.is_empty() {
        paper.list(
            false,
            summary.cadences.iter().map(|c| c.sentence()).collect(),
        );
    }

    paper.heading("召开的会议");
    if summary.meetings.is_empty() {
        paper.paragraph(Style::Body, "本期没有标记为已召开的会议。");
    } else {
        let mut table = Table::grid(&[
            ("日期", Column::LINE),
            ("会议", Column::TEXT),
            ("主题", Column::TEXT),
            ("出席", Column::CENTER),
        ]);
        for m in &summary.meetings {
            table.row([
                format_short_date(m.date),
                m.label.clone(),
                m.theme.clone(),
                format!("{}/{}", m.tally.present, m.tally.due),
            ]);
        }
        paper.table(table);
    }

    if !summary.attendance.is_empty() {
        paper.heading("党员出席情况");
        let mut table = Table::grid(&[
            ("姓名", Column::LINE),
            ("应到", Column::CENTER),
            ("出席", Column::CENTER),
            ("请假", Column::CENTER),
            ("缺席", Column::CENTER),
            ("出席率", Column::CENTER),
        ]);
        for a in &summary.attendance {
            table.row([
                if a.left {
                    format!("{}（已减少）", a.name)
                } else {
                    a.name.clone()
                },
                a.due.to_string(),
                a.present.to_string(),
                a.leave.to_string(),
                a.absent.to_string(),
                a.rate.clone(),
            ]);
        }
        paper.table(table);
    }

    paper.heading("补学情况");
    paper.paragraph(
        Style::Body,
        format!(
            "待补学 {} 人次，已补学 {} 人次。",
            summary.makeups.pending, summary.makeups.done
        ),
    );
    if !summary.makeups.pending_items.is_empty() {
        paper.list(
            false,
            summary
                .makeups
                .pending_items
                .iter()
                .map(|p| p.describe())
                .collect(),
        );
    }

    let f = &summary.follow_ups;
    paper.heading("决议落实情况");
    paper.paragraph(
        Style::Body,
        format!(
            "本期会议确定的落实事项共 {} 项：按期完成 {} 项，逾期完成 {} 项，未完成 {} 项（其中已逾期 {} 项）。",
            f.total(),
            f.closed_on_time,
            f.closed_late,
            f.open,
            f.overdue,
        ),
    );
    if !f.open_items.is_empty() {
        let mut table = Table::grid(&[
            ("未完成事项", Column::TEXT),
            ("责任人", Column::LINE),
            ("时限", Column::LINE),
        ]);
        for o in &f.open_items {
            table.row([
                if o.overdue {
                    format!("{}（已逾期）", o.task)
                } else {
                    o.task.clone()
                },
                o.owner.clone(),
                o.due.map(format_short_date).unwrap_or_default(),
            ]);
        }
        paper.table(table);
    }

    if !summary.fusion.is_empty() {
        paper.heading("党建与业务融合");
        paper.list(false, summary.fusion.lines());
    }
    paper.signatures(&["党支部书记（签字）"], true);
    paper
}

fn summary_text(s: &PeriodSummary, title: &str) -> String {
    let mut lines = vec![title.to_string()];
    lines.extend(s.requirements.iter().map(|r| r.sentence()));
    lines.extend(s.cadences.iter().map(|c| c.sentence()));
    lines.push(format!("召开会议 {} 次", s.meetings.len()));
    lines.push(format!(
        "补学：待补 {} 人次，已补 {} 人次",
        s.makeups.pending, s.makeups.done
    ));
    lines.push(format!(
        "决议落实：共 {} 项，按期完成 {}，逾期完成 {}，未完成 {}（其中逾期 {}）",
        s.follow_ups.total(),
        s.follow_ups.closed_on_time,
        s.follow_ups.closed_late,
        s.follow_ups.open,
        s.follow_ups.overdue
    ));
    lines.extend(s.fusion.lines());
    lines.join("\n")
}
