//! Every printout of the example branch, rendered as Word and as a picture,
//! read back and compared with its model: every cell under its header,
//! every line of text, in order.

use chrono::NaiveDate;

use super::*;
use crate::domain::fusion::sheets::SheetKind;
use crate::domain::report::branch_report;
use crate::domain::report::collection::{Collection, Expected, Received};
use crate::domain::report::overview::Span;
use crate::domain::rules::compliance::{Period, PeriodKind};
use crate::domain::sample::example_document;
use crate::domain::{Document, Member};
use crate::format::docx::document_xml;
use crate::format::paper::picture::{picture, Draw, Picture};
use crate::format::paper::{placed, text, Block, Cell, Orientation, Paper, Table};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

fn example() -> Document {
    example_document(today())
}

fn review_year(doc: &Document) -> i32 {
    doc.reviews.first().map(|r| r.year).unwrap()
}

/// Every printout of a document, named.
fn every_printout(doc: &Document) -> Vec<(String, Paper)> {
    let t = today();
    let mut out = vec![
        (
            "meeting record".to_string(),
            meeting_record(doc, doc.meeting("mt-ex-1").unwrap(), t),
        ),
        (
            "sign-in sheet".into(),
            sign_in_sheet(doc, doc.meeting("mt-ex-3").unwrap(), t),
        ),
        (
            "review tally".into(),
            review_tally(doc, review_year(doc), t),
        ),
    ];
    out.push(("handover record".into(), handover_record(doc, t)));
    out.push(("year plan".into(), year_plan_paper(doc, 2026, t)));
    out.push(("year summary".into(), year_summary_paper(doc, 2026, t)));
    out.push((
        "secretary report".into(),
        secretary_report_paper(doc, 2026, t),
    ));
    // A year nothing was written for: ruled lines to write on.
    out.push(("blank year plan".into(), year_plan_paper(doc, 2030, t)));
    out.push(("blank report".into(), secretary_report_paper(doc, 2030, t)));
    out.push(("development ledger".into(), development_ledger(doc, t)));
    out.push(("dues register".into(), dues_register(doc, 2026, t)));
    out.push(("dues public".into(), dues_public(doc, 2026, t)));
    for m in doc.members.iter().take(3) {
        if let Some(paper) = dues_member_record(doc, &m.id, 2026, t) {
            out.push((format!("dues record {}", m.id), paper));
        }
    }
    out.push((
        "election record".into(),
        meeting_record(doc, &with_an_election(doc), t),
    ));
    let committee = committee_of(doc, t);
    out.push((
        "committee summary".into(),
        committee_summary(&committee, "示例单位机关党委", 2026, Span::Year, t),
    ));
    out.push((
        "committee grades".into(),
        committee_grades(&committee, "示例单位机关党委", 2026, t),
    ));
    let dues = committee_dues(&committee, "示例单位机关党委", 2026, t);
    out.push(("committee dues".into(), dues));
    let appraisal = committee_appraisal(&committee, "示例单位机关党委", 2026, t);
    out.push(("committee appraisal".into(), appraisal));
    for a in &doc.applicants {
        let paper = development_record(doc, &a.id, t).unwrap();
        out.push((format!("development {}", a.id), paper));
        if let Some(notice) = development_notice(doc, &a.id, t) {
            out.push((format!("development notice {}", a.id), notice));
        }
    }
    for m in &doc.meetings {
        out.push((format!("record {}", m.id), meeting_record(doc, m, t)));
    }
    for talk in &doc.talks {
        out.push((format!("talk {}", talk.id), talk_record(doc, talk, t)));
    }
    for form in &doc.assessments {
        let paper = assessment_form(doc, &form.id, t).unwrap();
        out.push((format!("form {}", form.id), paper));
    }
    for kind in PeriodKind::ALL {
        let period = Period::containing(kind, t);
        out.push((
            format!("summary {kind:?}"),
            period_summary_paper(doc, period, t),
        ));
    }
    let mut kinds = vec![
        SheetKind::Tasks(2026),
        SheetKind::Progress(2026, 10),
        SheetKind::Groups(2026),
        SheetKind::Pledges(2026, None),
        SheetKind::Pledges(2026, doc.members.first().map(|m| m.id.clone())),
        SheetKind::Ledger(2026),
        SheetKind::Morning(2026, 10),
    ];
    kinds.extend(doc.studies.iter().map(|s| SheetKind::Opl(s.id.clone())));
    for kind in kinds {
        if let Some(paper) = fusion_sheet(doc, &kind, t) {
            out.push((format!("{kind:?}"), paper));
        }
    }
    out
}

/// The example's first 党员大会 as a 换届选举大会: five seats, six
/// candidates (差额), 监票人 and 计票人, ballots all returned, so the
/// ballot tables go through Word and the picture like every other table.
fn with_an_election(doc: &Document) -> crate::domain::meeting::Meeting {
    use crate::domain::meeting::{Candidate, Election, Presence};
    let mut meeting = doc.meeting("mt-ex-1").unwrap().clone();
    let present = meeting
        .attendance
        .iter()
        .filter(|a| a.status == Presence::Present)
        .count();
    let ballots = u32::try_from(present).unwrap();
    let people: Vec<&Member> = doc.members.iter().take(8).collect();
    let candidates = people[..6]
        .iter()
        .enumerate()
        .map(|(i, m)| Candidate {
            id: format!("c{i}"),
            member_id: Some(m.id.clone()),
            name: m.name.clone(),
            votes: ballots.saturating_sub(u32::try_from(i).unwrap() * 2),
        })
        .collect();
    meeting.elections = vec![Election {
        id: "e-test".into(),
        seats: Some(5),
        ballots_issued: Some(ballots),
        ballots_returned: Some(ballots),
        ballots_invalid: Some(0),
        candidates,
        scrutineers: vec![people[6].id.clone()],
        tellers: vec![people[7].id.clone()],
        ..Election::default()
    }];
    meeting
}

/// A 党委 that received this branch's year and waits for a second branch.
fn committee_of(doc: &Document, t: NaiveDate) -> Collection {
    let mut c = Collection {
        expected: Expected::with_names(&format!("{}\n第二党支部", doc.branch.name), None),
        ..Collection::default()
    };
    c.receive(Received {
        report: branch_report(doc, 2026, t),
        made_at: "2026-11-27 10:00".into(),
    });
    c
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every text of the paper outside its tables, in order.
fn texts_in_order(paper: &Paper) -> Vec<String> {
    let mut out = vec![paper.title.clone()];
    for block in &paper.blocks {
        match block {
            Block::Heading(t) => out.push(t.clone()),
            Block::Paragraph(p) => out.push(format!("{}{}", p.lead, p.text)),
            Block::List { items, .. } => out.extend(items.iter().cloned()),
            Block::Signatures(lines) => {
                out.extend(lines.iter().flatten().map(|s| format!("{}：", s.label)))
            }
            Block::Table(_) | Block::Writing(_) | Block::PageBreak => {}
        }
    }
    out.push(paper.printed.clone());
    out.into_iter()
        .map(|t| squeeze(&t))
        .filter(|t| !t.is_empty())
        .collect()
}

fn assert_in_order(haystack: &str, needles: &[String], what: &str) {
    let mut at = 0;
    for needle in needles {
        match haystack[at..].find(needle.as_str()) {
            Some(i) => at += i + needle.len(),
            None => panic!("{what}: {needle:?} is missing or out of order"),
        }
    }
}

fn tables(paper: &Paper) -> Vec<&Table> {
    paper
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}

// ---- Word, read back -------------------------------------------------

#[derive(Debug, PartialEq)]
enum Merge {
    None,
    Restart,
    Continue,
}

#[derive(Debug)]
struct WordCell {
    col: usize,
    span: usize,
    merge: Merge,
    text: String,
}

#[derive(Debug)]
struct WordRow {
    header: bool,
    cant_split: bool,
    min_height: Option<i64>,
    cells: Vec<WordCell>,
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    s.split(open)
        .skip(1)
        .map(|part| part.split(close).next().unwrap_or_default())
        .collect()
}

fn attr(s: &str, name: &str) -> Option<String> {
    let at = s.find(&format!("{name}=\""))? + name.len() + 2;
    Some(s[at..].split('"').next()?.to_string())
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// The text of a piece of WordprocessingML: its paragraphs joined by
/// line breaks.
fn word_text(xml: &str) -> String {
    between(xml, "<w:p>", "</w:p>")
        .into_iter()
        .map(|p| {
            between(p, "<w:t xml:space=\"preserve\">", "</w:t>")
                .into_iter()
                .map(unescape)
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn word_tables(xml: &str) -> Vec<Vec<WordRow>> {
    between(xml, "<w:tbl>", "</w:tbl>")
        .into_iter()
        .map(|table| {
            between(table, "<w:tr>", "</w:tr>")
                .into_iter()
                .map(|row| {
                    let props = row.split("</w:trPr>").next().unwrap_or_default();
                    let mut col = 0;
                    let cells = between(row, "<w:tc>", "</w:tc>")
                        .into_iter()
                        .map(|cell| {
                            let span = between(cell, "<w:gridSpan ", "/>")
                                .first()
                                .and_then(|a| attr(a, "w:val"))
                                .map(|v| v.parse().unwrap())
                                .unwrap_or(1);
                            let merge = if cell.contains(r#"<w:vMerge w:val="restart"/>"#) {
                                Merge::Restart
                            } else if cell.contains("<w:vMerge/>") {
                                Merge::Continue
                            } else {
                                Merge::None
                            };
                            let out = WordCell {
                                col,
                                span,
                                merge,
                                text: word_text(cell),
                            };
                            col += span;
                            out
                        })
                        .collect();
                    WordRow {
                        header: props.contains("<w:tblHeader/>"),
                        cant_split: props.contains("<w:cantSplit/>"),
                        min_height: between(props, "<w:trHeight ", "/>")
                            .first()
                            .and_then(|a| attr(a, "w:val"))
                            .map(|v| v.parse().unwrap()),
                        cells,
                    }
                })
                .collect()
        })
        .collect()
}

/// The model's rows (head, then body) as Word must have them: each placed
/// cell at its grid column, and a continuing cell where a row span covers.
fn assert_word_rows(name: &str, table: &Table, rows: &[WordRow]) {
    let model: Vec<(bool, &Vec<Cell>)> = table
        .head
        .iter()
        .map(|r| (true, r))
        .chain(table.rows.iter().map(|r| (false, r)))
        .collect();
    assert_eq!(rows.len(), model.len(), "{name}: rows");
    let head_placed = placed(&table.head);
    let body_placed = placed(&table.rows);
    let all_placed: Vec<_> = head_placed.iter().chain(body_placed.iter()).collect();
    let mut covered: Vec<Vec<usize>> = vec![Vec::new(); rows.len()];
    for (r, ((head, _), word)) in model.iter().zip(rows).enumerate() {
        assert_eq!(word.header, *head, "{name}: row {r} repeats as a header");
        assert!(word.cant_split, "{name}: row {r} may split");
        let width: usize = word.cells.iter().map(|c| c.span).sum();
        assert_eq!(width, table.columns.len(), "{name}: row {r} fills the grid");
        for p in all_placed[r] {
            let cell = word
                .cells
                .iter()
                .find(|c| c.col == p.col && c.merge != Merge::Continue)
                .unwrap_or_else(|| panic!("{name}: row {r} has no cell at column {}", p.col));
            // A blank cell's ruled lines are empty paragraphs.
            assert_eq!(
                cell.text.trim_matches('\n'),
                p.cell.text,
                "{name}: row {r}, column {}",
                p.col
            );
            assert_eq!(cell.span, p.cell.cols, "{name}: row {r}, column {}", p.col);
            let expected = if p.cell.rows > 1 {
                Merge::Restart
            } else {
                Merge::None
            };
            assert_eq!(cell.merge, expected, "{name}: row {r}, column {}", p.col);
            for below in 1..p.cell.rows {
                covered[r + below].push(p.col);
            }
        }
        for col in &covered[r] {
            assert!(
                word.cells
                    .iter()
                    .any(|c| c.col == *col && c.merge == Merge::Continue),
                "{name}: row {r} continues the merged cell of column {col}"
            );
        }
        if table.signing && !head {
            assert!(
                word.min_height.unwrap_or(0) >= 680,
                "{name}: row {r} is tall enough to sign in"
            );
        }
    }
}

#[test]
fn every_printouts_word_file_carries_every_cell_under_its_header_and_every_line() {
    let doc = example();
    for (name, paper) in every_printout(&doc) {
        let xml = document_xml(&paper);
        let model = tables(&paper);
        let word = word_tables(&xml);
        assert_eq!(word.len(), model.len(), "{name}: tables");
        for (table, rows) in model.iter().zip(&word) {
            assert_word_rows(&name, table, rows);
        }
        assert_in_order(&squeeze(&word_text(&xml)), &texts_in_order(&paper), &name);
    }
}

// ---- The picture, read back -----------------------------------------

/// A run of text drawn in one box: a cell's or a paragraph's lines.
#[derive(Debug)]
struct Drawn {
    left: f64,
    right: f64,
    text: String,
    page: usize,
}

/// The picture's texts, consecutive lines in the same box joined.
fn drawn(picture: &Picture) -> Vec<Drawn> {
    let mut out: Vec<Drawn> = Vec::new();
    let mut page = 0;
    let mut last_middle = f64::MIN;
    let running =
        crate::format::paper::look::RUNNING.size * crate::format::paper::picture::DPI / 72.0;
    for op in &picture.ops {
        match op {
            Draw::Sheet { .. } => page += 1,
            // The running head and the page number are no part of the text.
            Draw::Text { size, .. } if (*size - running).abs() < 0.01 => {}
            Draw::Text {
                text,
                left,
                width,
                middle,
                ..
            } => {
                let right = left + width;
                match out.last_mut() {
                    Some(d)
                        if d.page == page
                            && (d.left - left).abs() < 0.01
                            && (d.right - right).abs() < 0.01
                            && *middle > last_middle
                            && *middle - last_middle < 40.0 =>
                    {
                        d.text.push_str(&squeeze(text))
                    }
                    _ => out.push(Drawn {
                        left: *left,
                        right,
                        text: squeeze(text),
                        page,
                    }),
                }
                last_middle = *middle;
            }
            _ => {}
        }
    }
    out
}

/// Each body cell, in order, drawn inside the box of the header cell
/// above its column (the bottom header row's, or a spanning one's) on its
/// page: the header is drawn again on every page the rows run onto.
fn assert_picture_table(name: &str, table: &Table, texts: &[Drawn], from: &mut usize) {
    let labels = table.column_labels();
    let start = *from;
    // The first text equal to the column's label on `page`, from the
    // table's start: its header cell.
    let header_box = |page: usize, col: usize| -> Option<(f64, f64)> {
        let label = squeeze(&labels[col]);
        texts[start..]
            .iter()
            .find(|d| d.page == page && d.text == label)
            .map(|d| (d.left, d.right))
    };
    for (r, row) in placed(&table.rows).into_iter().enumerate() {
        for p in row {
            let expected = squeeze(&p.cell.text);
            if expected.is_empty() {
                continue;
            }
            let under = |d: &Drawn| {
                if table.is_form() {
                    return true;
                }
                let (left, right) = header_box(d.page, p.col).unwrap_or_else(|| {
                    panic!("{name}: no header {:?} on page {}", labels[p.col], d.page)
                });
                d.left >= left - 0.5 && d.right <= right + 0.5
            };
            let found = texts[*from..]
                .iter()
                .position(|d| d.text == expected && under(d))
                .unwrap_or_else(|| {
                    panic!(
                        "{name}: row {r}'s {expected:?} is not drawn under {:?}",
                        labels[p.col]
                    )
                });
            *from += found + 1;
        }
    }
}

#[test]
fn every_printouts_picture_carries_every_cell_under_its_header_and_every_line() {
    let doc = example();
    for (name, paper) in every_printout(&doc) {
        let pic = picture(&paper);
        if pic.pages > pic.pages_drawn {
            // Too tall for a phone (the branch's 25 pledges): the picture
            // keeps its first pages and says where the rest is, which
            // picture::tests checks; one member's pledge is checked whole.
            assert!(
                drawn(&pic)
                    .iter()
                    .any(|d| d.text.contains("完整内容请打印")),
                "{name}"
            );
            continue;
        }
        let texts = drawn(&pic);
        let mut from = 0;
        for table in tables(&paper) {
            assert_picture_table(&name, table, &texts, &mut from);
        }
        let all: String = texts.iter().map(|d| d.text.as_str()).collect();
        assert_in_order(&squeeze(&all), &texts_in_order(&paper), &name);
    }
}

// ---- The sheets the phone-and-paper issue found wrong ----------------

/// The example branch with `extra` more members.
fn with_members(extra: usize) -> Document {
    let mut doc = example();
    let template: Member = doc.members[1].clone();
    for i in 0..extra {
        let mut m = template.clone();
        m.id = format!("m-extra-{i}");
        m.name = format!("新党员{}", i + 1);
        doc.members.push(m);
    }
    doc
}

#[test]
fn the_review_tally_keeps_its_two_header_rows_and_every_member_in_word_and_picture() {
    let doc = with_members(20);
    let year = review_year(&doc);
    let paper = review_tally(&doc, year, today());
    assert_eq!(paper.orientation, Orientation::Landscape);
    let table = tables(&paper)[0];
    assert!(table.rows.len() >= 40, "{} members", table.rows.len());
    assert_eq!(table.head.len(), 2);

    // Word: the second header row's 纪律 sits in the grid column of the
    // model's 纪律, under the merged "“四个合格”自评", and the last member's
    // 纪律 value in that column.
    let xml = document_xml(&paper);
    let word = &word_tables(&xml)[0];
    assert_word_rows("tally", table, word);
    let discipline = word[1].cells.iter().find(|c| c.text == "纪律").unwrap();
    let merged = word[0]
        .cells
        .iter()
        .find(|c| c.text == "“四个合格”自评")
        .unwrap();
    assert!(merged.col <= discipline.col && discipline.col < merged.col + merged.span);
    assert_eq!(word.iter().filter(|r| r.header).count(), 2);
    let last = word.last().unwrap();
    let model_last = table.rows.last().unwrap();
    assert_eq!(
        last.cells
            .iter()
            .find(|c| c.col == discipline.col)
            .unwrap()
            .text,
        model_last[discipline.col].text
    );
    assert!(last.cells.iter().any(|c| c.text == model_last[1].text));

    // Names never break: the name column holds the longest name whole.
    let widths = table.widths(crate::format::paper::look::table_width_em(
        paper.orientation,
    ));
    let longest = table
        .rows
        .iter()
        .map(|r| text::width(&r[1].text))
        .fold(0.0, f64::max);
    assert!(widths[1] >= longest, "{widths:?}");

    // The picture: the A4 landscape pages themselves, every member drawn,
    // the header repeated on every page.
    let pic = picture(&paper);
    assert_eq!(pic.width, 1754.0);
    assert!(pic.pages >= 2, "{} pages", pic.pages);
    assert_eq!(pic.pages, pic.pages_drawn);
    let texts = drawn(&pic);
    let mut from = 0;
    assert_picture_table("tally", table, &texts, &mut from);
    for page in 1..=pic.pages {
        let on_page: Vec<&str> = texts
            .iter()
            .filter(|d| d.page == page)
            .map(|d| d.text.as_str())
            .collect();
        if on_page.iter().any(|t| t.starts_with("新党员")) {
            for label in ["“四个合格”自评", "纪律", "民主测评票数", "基本合格"]
            {
                assert!(
                    on_page.contains(&label),
                    "page {page} repeats the header {label}"
                );
            }
        }
    }
}

#[test]
fn the_sign_in_sheet_is_a_table_with_rows_to_sign_in() {
    let doc = example();
    let paper = sign_in_sheet(&doc, doc.meeting("mt-ex-3").unwrap(), today());
    let table = tables(&paper)[0];
    assert!(table.signing);
    assert_eq!(table.rows.len(), 24);
    let xml = document_xml(&paper);
    let word = &word_tables(&xml)[0];
    assert_word_rows("sign-in", table, word);
    // 12 mm rows in Word (680 twips).
    assert!(word[1..].iter().all(|r| r.min_height == Some(680)));
    // The picture is the portrait A4 page with a grid, not a list of
    // "序号：" lines: 24 rows of at least 12 mm each.
    let pic = picture(&paper);
    assert_eq!(pic.width, 1240.0);
    assert!(pic.height < 1754.0 * 3.0, "{} px", pic.height);
    let texts = drawn(&pic);
    assert!(!texts.iter().any(|d| d.text.contains("序号：")));
    let row_tops: Vec<f64> = pic
        .ops
        .iter()
        .filter_map(|op| match op {
            Draw::Line { y1, y2, .. } if (y1 - y2).abs() < 0.01 => Some(*y1),
            _ => None,
        })
        .collect();
    let mut distinct: Vec<f64> = Vec::new();
    for y in row_tops {
        if !distinct.iter().any(|d| (d - y).abs() < 0.5) {
            distinct.push(y);
        }
    }
    distinct.sort_by(f64::total_cmp);
    let twelve_mm = 12.0 * crate::format::paper::picture::DPI / 25.4;
    let tall = distinct
        .windows(2)
        .filter(|w| w[1] - w[0] >= twelve_mm - 0.5)
        .count();
    assert!(tall >= 24, "{tall} rows of 12 mm");
}

#[test]
fn the_meeting_record_names_its_file_after_the_meeting_and_keeps_signatures_together() {
    let doc = example();
    let meeting = doc.meeting("mt-ex-1").unwrap();
    let paper = meeting_record(&doc, meeting, today());
    let date = meeting.effective_date().unwrap();
    assert_eq!(
        paper.file_name,
        format!("{} 支部党员大会记录", date.format("%Y-%m-%d"))
    );
    let pic = picture(&paper);
    let texts = drawn(&pic);
    let page_of = |label: &str| {
        texts
            .iter()
            .find(|d| d.text.starts_with(label))
            .unwrap()
            .page
    };
    assert_eq!(page_of("主持人（签字）"), page_of("日期："));
    assert_eq!(page_of("记录人（签字）"), page_of("日期："));
}

#[test]
fn no_line_of_any_picture_starts_with_closing_punctuation() {
    let doc = example();
    for (name, paper) in every_printout(&doc) {
        let pic = picture(&paper);
        for op in &pic.ops {
            if let Draw::Text { text, .. } = op {
                let first = text.chars().next().unwrap();
                assert!(
                    !text::no_line_start(first) || text.chars().all(text::no_line_start),
                    "{name}: a line starts with {text:?}"
                );
            }
        }
    }
}

#[test]
fn the_year_plan_prints_the_schedule_by_month_and_the_summary_its_figures_after_the_text() {
    let doc = example();
    let plan = year_plan_paper(&doc, 2026, today());
    assert_eq!(plan.file_name, "2026年度党支部工作计划");
    assert!(
        plan.subtitle.ends_with("支委会研究通过）"),
        "{}",
        plan.subtitle
    );
    let schedule = tables(&plan)[0];
    assert_eq!(schedule.rows.len(), 12);
    let text = plan.as_text();
    assert!(
        text.contains("月份：1月；按制度召开：支委会、党小组会（3个党小组各1次）"),
        "{text}"
    );
    assert!(text.contains("本季度：支部党员大会、党课"), "{text}");
    let summary = year_summary_paper(&doc, 2026, today());
    let text = summary.as_text();
    let written = text.find("一、主要工作和成效").unwrap();
    let figures = text.find("附：2026年度主要工作数据").unwrap();
    assert!(written < figures);
    assert!(
        text.contains("民主评议党员") || text.contains("学时："),
        "{text}"
    );
    assert!(summary
        .share_text
        .starts_with("2026年度党支部工作总结\n一、主要工作和成效"));
    let report = secretary_report_paper(&doc, 2026, today());
    let text = report.as_text();
    for heading in ["一、履职情况", "二、存在问题", "三、下一步打算"] {
        assert!(text.contains(heading), "{text}");
    }
    assert!(report.subtitle.starts_with("述职人："));
}

#[test]
fn the_development_record_lists_every_step_with_its_day_and_materials_and_the_flags() {
    let mut doc = example();
    let id = doc.applicants[0].id.clone();
    let paper = development_record(&doc, &id, today()).unwrap();
    let rows: Vec<&Vec<Cell>> = paper
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) if t.head.len() == 1 => Some(t.rows.iter().collect::<Vec<_>>()),
            _ => None,
        })
        .flatten()
        .collect();
    assert_eq!(rows.len(), 25);
    let admitted = &rows[14];
    assert!(admitted[0].text.contains("15. 支部大会讨论接收预备党员"));
    assert!(!admitted[1].text.is_empty());
    assert!(!paper.as_text().contains("需要说明的问题"));
    // A step out of order shows in the rule's words.
    let a = doc.applicant_mut(&id).unwrap();
    let assembly = a
        .done_on(crate::domain::development::Step::AdmissionAssembly)
        .unwrap();
    a.set_done(crate::domain::development::Step::Oath, assembly.pred_opt());
    let text = development_record(&doc, &id, today()).unwrap().as_text();
    assert!(text.contains("需要说明的问题"), "{text}");
    assert!(text.contains("不得程序倒置"), "{text}");
    assert!(development_record(&doc, "nobody", today()).is_none());
}

/// Each member's base (收入) in the example ledger, as the sheets would
/// print it, to look for where it must not be.
fn example_bases(doc: &Document) -> Vec<String> {
    use crate::domain::dues::rates::Basis;
    doc.dues
        .iter()
        .flat_map(|a| a.terms.iter())
        .filter_map(|t| match &t.basis {
            Basis::Income { base } => Some(base.to_string()),
            Basis::Amount { .. } => None,
        })
        .collect()
}

#[test]
fn the_dues_public_sheet_shows_names_and_amounts_never_a_base_or_an_income() {
    let doc = example();
    let bases = example_bases(&doc);
    assert!(!bases.is_empty(), "the example fixes bases");
    let public = dues_public(&doc, 2026, today());
    let text = public.as_text();
    assert!(text.contains(&doc.members[0].name), "{text}");
    for word in ["基数", "收入", "工资", "比例"] {
        assert!(!text.contains(word), "the 公示 says {word}: {text}");
    }
    for base in &bases {
        assert!(
            !text.contains(base.as_str()),
            "the 公示 prints a base {base}"
        );
    }
}

#[test]
fn a_members_own_dues_record_holds_their_line_only() {
    let doc = example();
    let me = &doc.members[0];
    let paper = dues_member_record(&doc, &me.id, 2026, today()).unwrap();
    let text = paper.as_text();
    assert!(text.contains(&me.name), "{text}");
    for other in doc.members.iter().skip(1) {
        assert!(
            !text.contains(other.name.as_str()),
            "{}'s record names {}",
            me.name,
            other.name
        );
    }
    for word in ["基数", "收入"] {
        assert!(!text.contains(word), "{text}");
    }
    let sent = crate::domain::dues::sheets::member_record(&doc, &me.id, 2026, today())
        .unwrap()
        .as_text();
    for other in doc.members.iter().skip(1) {
        assert!(!sent.contains(other.name.as_str()), "{sent}");
    }
}

#[test]
fn an_election_records_ballot_table_is_in_the_word_file_with_each_candidates_votes() {
    let doc = example();
    let meeting = with_an_election(&doc);
    let paper = meeting_record(&doc, &meeting, today());
    let ballot = tables(&paper)
        .into_iter()
        .find(|t| t.head.iter().flatten().any(|h| h.text == "得票"))
        .expect("a ballot table");
    let first = &meeting.elections[0].candidates[0];
    let word = word_text(&document_xml(&paper));
    assert!(word.contains(&first.name), "{word}");
    assert!(word.contains("监票人"), "{word}");
    assert!(ballot.rows.len() >= 6, "one row per candidate");
}
