//! 党支部工作记录 of one meeting and the 签到表 of a planned one.

use chrono::NaiveDate;

use crate::domain::record_sheet::{meeting_sheet, sign_in_rows, when};
use crate::domain::{Document, Meeting};
use crate::format::paper::{Block, Cell, Column, Paper, Paragraph, Style, Table};

/// The record a secretary files: the meeting's facts as a form, then each
/// part that has something to say, and the signatures.
pub fn meeting_record(doc: &Document, meeting: &Meeting, today: NaiveDate) -> Paper {
    let sheet = meeting_sheet(doc, meeting);
    let mut paper = Paper::new(doc, "党支部工作记录", today);
    paper.named(
        meeting.effective_date(),
        &format!("{}记录", meeting.kind.label()),
    );
    paper.share_text = sheet.as_text(&doc.branch.name);
    let kind = if sheet.sequence.is_empty() {
        sheet.kind.clone()
    } else {
        format!("{}（{}）", sheet.kind, sheet.sequence)
    };
    let fields = [
        ("会议类型", kind),
        ("所属年度", sheet.for_year.clone()),
        ("时间", sheet.when.clone()),
        ("地点", sheet.place.clone()),
        ("主题", sheet.theme.clone()),
        ("主持人", sheet.host.clone()),
        ("记录人", sheet.recorder.clone()),
        ("讲课人", sheet.lecturer.clone()),
        ("列席人员", sheet.observers.clone()),
        ("到会情况", sheet.attendance()),
        ("缺席人员及原因", sheet.away_names.clone()),
        ("会议是否有效", sheet.quorum.clone()),
    ];
    // Optional facts are left out when empty; the rest always print, so a
    // blank place can be filled in by hand.
    let optional = ["所属年度", "讲课人", "列席人员", "会议是否有效"];
    paper.table(Table::fields(fields.into_iter().filter(
        |(label, value)| !value.is_empty() || !optional.contains(label),
    )));
    if !sheet.present_names.is_empty() {
        paper.heading("出席人员");
        paper.paragraph(Style::Plain, sheet.present_names.join("、"));
    }
    if !sheet.agenda.is_empty() {
        paper.heading("议题");
        paper.list(true, sheet.agenda.clone());
    }
    if !sheet.materials.is_empty() {
        paper.heading("学习篇目");
        paper.list(true, sheet.materials.clone());
    }
    paper.heading("主要内容");
    paper.prose(&sheet.minutes, 10);
    if !sheet.speeches.is_empty() {
        paper.heading("发言摘要");
        for (who, what) in &sheet.speeches {
            paper.blocks.push(Block::Paragraph(Paragraph {
                lead: format!("{who}："),
                text: what.clone(),
                style: Style::Body,
            }));
        }
    }
    if !sheet.votes.is_empty() {
        paper.heading("决议及表决情况");
        let mut table = Table::grid(&[
            ("序号", Column::CENTER),
            ("表决事项", Column::TEXT),
            ("赞成", Column::CENTER),
            ("反对", Column::CENTER),
            ("弃权", Column::CENTER),
            ("结果", Column::CENTER),
        ]);
        for (i, v) in sheet.votes.iter().enumerate() {
            table.row([
                (i + 1).to_string(),
                v.motion.clone(),
                v.in_favour.to_string(),
                v.against.to_string(),
                v.abstain.to_string(),
                v.result.clone(),
            ]);
        }
        paper.table(table);
        for (i, v) in sheet.votes.iter().enumerate() {
            paper.paragraph(Style::Plain, format!("第 {} 项：{}。", i + 1, v.sentence));
        }
        let mut bases: Vec<&str> = Vec::new();
        for v in &sheet.votes {
            if !bases.contains(&v.basis.as_str()) {
                bases.push(&v.basis);
            }
        }
        for basis in bases {
            paper.paragraph(Style::Small, basis);
        }
    }
    super::election::elections(&mut paper, &sheet.elections);
    if !sheet.excluded.is_empty() {
        paper.heading("不计算在应到会人数之内的党员");
        paper.paragraph(
            Style::Plain,
            format!(
                "{}（经报上级党组织同意并经党员大会通过）",
                sheet.excluded.join("、")
            ),
        );
    }
    if !sheet.follow_ups.is_empty() {
        paper.heading("决议落实");
        let mut table = Table::grid(&[
            ("事项", Column::TEXT),
            ("责任人", Column::LINE),
            ("时限", Column::LINE),
            ("状态", Column::LINE),
        ]);
        for f in &sheet.follow_ups {
            table.row([
                f.task.clone(),
                f.owner.clone(),
                f.due.clone(),
                f.state.clone(),
            ]);
        }
        paper.table(table);
    }
    if !sheet.tasks.is_empty() {
        paper.heading("重点任务");
        paper.list(false, sheet.tasks.clone());
    }
    if !sheet.makeups.is_empty() {
        paper.heading("补学情况");
        paper.paragraph(Style::Plain, sheet.makeups.join("；"));
    }
    if !sheet.remarks.trim().is_empty() || !sheet.kept.is_empty() {
        paper.heading("备注");
        paper.prose(&sheet.remarks, 0);
        if !sheet.kept.is_empty() {
            paper.paragraph(Style::Body, format!("留存材料：{}", sheet.kept));
        }
    }
    paper.signatures(&["主持人（签字）", "记录人（签字）"], true);
    paper
}

/// The 签到表: who is due, each in a row tall enough to sign in.
pub fn sign_in_sheet(doc: &Document, meeting: &Meeting, today: NaiveDate) -> Paper {
    let kind = meeting.kind.label();
    let rows = sign_in_rows(doc, meeting);
    let time = when(meeting);
    let mut paper = Paper::new(doc, format!("{kind}签到表"), today);
    paper.named(meeting.effective_date(), &format!("{kind}签到表"));
    paper.whole_page = true;
    paper.share_text = format!(
        "{kind}签到表\n{}\n{time} {}\n应到 {} 人",
        meeting.theme,
        meeting.place,
        rows.len()
    );
    paper.paragraph(Style::Plain, format!("主题：{}", meeting.theme));
    paper.paragraph(
        Style::Plain,
        format!("时间：{time}　　地点：{}", meeting.place),
    );
    paper.paragraph(
        Style::Plain,
        format!("应到 {} 人　　实到＿＿人", rows.len()),
    );
    let mut table = Table::grid(&[
        ("序号", Column::CENTER),
        ("姓名", Column::LINE),
        ("党小组", Column::LINE),
        ("签名", Column::SIGN),
        ("备注", Column::TEXT),
    ]);
    table.signing = true;
    for (i, r) in rows.into_iter().enumerate() {
        table.rows.push(vec![
            Cell::new((i + 1).to_string()),
            Cell::new(r.name),
            Cell::new(r.group),
            Cell::new(""),
            Cell::new(r.note),
        ]);
    }
    paper.table(table);
    paper
}
