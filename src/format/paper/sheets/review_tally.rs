//! 民主评议党员情况汇总表 for a year: a wide table on A4 landscape, with two
//! header rows ("“四个合格”自评" over 政治/纪律/品德/作用, "民主测评票数"
//! over the four grades).

use chrono::NaiveDate;

use crate::domain::assessment::grading::EXCELLENT_RULE;
use crate::domain::assessment::{grade_check, review_rows, Grade};
use crate::domain::fusion::MemberCommitments;
use crate::domain::Document;
use crate::format::paper::{Cell, Column, Orientation, Paper, Style, Table};

pub fn review_tally(doc: &Document, year: i32, today: NaiveDate) -> Paper {
    let title = format!("{year}年度民主评议党员情况汇总表");
    let mut paper = Paper::new(doc, title.clone(), today);
    paper.orientation = Orientation::Landscape;
    paper.whole_page = true;
    let report = grade_check(doc, year);
    let ballots = doc.review(year).and_then(|r| r.ballots);
    let mut summary = format!(
        "党员总数 {} 人，参加评定等次 {} 人，评定为优秀 {} 人（{}，最多 {} 人）。",
        report.members, report.graded, report.excellent, EXCELLENT_RULE, report.max_excellent
    );
    if let Some(n) = ballots {
        summary.push_str(&format!("民主测评收回有效票 {n} 张。"));
    }
    paper.share_text = format!("{title}\n{summary}");
    paper.paragraph(Style::Plain, summary);
    for warning in &report.warnings {
        paper.paragraph(Style::Plain, format!("注：{warning}"));
    }
    paper.table(tally_table(doc, year));
    let pledges: Vec<String> = doc
        .members
        .iter()
        .filter_map(|m| {
            let c = doc.commitments_of(&MemberCommitments::id_for(&m.id, year))?;
            let outcome = c.outcome();
            (!outcome.is_empty()).then(|| format!("{}：{outcome}", m.name))
        })
        .collect();
    if !pledges.is_empty() {
        paper.heading("承诺践诺评诺情况");
        paper.list(false, pledges);
    }
    paper.signatures(&["党支部书记（签字）", "党支部（盖章）"], true);
    paper
}

/// One row per member reviewed: 序号, 姓名, 类别, the four self-ratings,
/// 自评等次, the votes per grade and the grade decided.
fn tally_table(doc: &Document, year: i32) -> Table {
    let narrow = Column::CENTER;
    let first = vec![
        Cell::label("序号").span(1, 2),
        Cell::label("姓名").span(1, 2),
        Cell::label("类别").span(1, 2),
        Cell::label("“四个合格”自评").span(4, 1),
        Cell::label("自评等次").span(1, 2),
        Cell::label("民主测评票数").span(4, 1),
        Cell::label("评定等次").span(1, 2),
    ];
    let second: Vec<Cell> = ["政治", "纪律", "品德", "作用"]
        .into_iter()
        .chain(Grade::ALL.map(|g| g.label()))
        .map(Cell::label)
        .collect();
    let mut table = Table {
        columns: vec![
            narrow,
            Column::LINE,
            Column::LINE,
            narrow,
            narrow,
            narrow,
            narrow,
            narrow,
            narrow,
            narrow,
            narrow,
            narrow,
            Column::TEXT,
        ],
        head: vec![first, second],
        rows: Vec::new(),
        signing: false,
    };
    for (i, r) in review_rows(doc, year).into_iter().enumerate() {
        let ratings: Vec<String> = match &r.four_qualified {
            Some(s) => s
                .ratings_in_order()
                .into_iter()
                .map(|x| x.unwrap_or("").to_string())
                .collect(),
            None => vec![String::new(); 4],
        };
        let decided = match (r.no_grade_reason, r.decision) {
            (Some(_), _) => "不评定等次（预备党员）".to_string(),
            (None, Some(decision)) => decision.label(),
            (None, None) => String::new(),
        };
        let votes: Vec<String> = match doc
            .review(year)
            .and_then(|rv| rv.entry(&r.member.id))
            .and_then(|e| e.poll)
        {
            Some(p) => Grade::ALL.map(|g| p.votes(g).to_string()).to_vec(),
            None => vec![String::new(); 4],
        };
        let mut row = vec![
            (i + 1).to_string(),
            r.member.name.clone(),
            r.member.standing.label().to_string(),
        ];
        row.extend(ratings.into_iter().take(4));
        row.resize(7, String::new());
        row.push(r.self_grade().map(|g| g.label()).unwrap_or("").to_string());
        row.extend(votes);
        row.push(decided);
        table.row(row);
    }
    table
}
