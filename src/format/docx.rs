//! A printout (`format::paper::Paper`) as a Word document (`.docx`,
//! WordprocessingML) that Word, WPS and LibreOffice open as the same A4
//! paper as the print view: 公文 margins, the branch at the head of every
//! page and "第 1 页 共 2 页" at its foot, real tables (merged header cells
//! with `gridSpan` and `vMerge`, header rows repeated on each page, rows
//! that never split, rows tall enough to sign in), signature blocks kept on
//! one page, fixed line heights and the 禁则 that keeps "。" off the start
//! of a line. Secretaries edit and file it.

use super::paper::look::{self, Face, Orientation, Type};
use super::paper::text::{WORD_NO_LINE_END, WORD_NO_LINE_START};
use super::paper::{placed, Align, Block, Cell, Paper, Paragraph, Signature, Style, Table};
use super::zip::stored_zip;

pub const MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const TWIPS_PER_MM: f64 = 1440.0 / 25.4;

fn twips_mm(mm: f64) -> i64 {
    (mm * TWIPS_PER_MM).round() as i64
}

fn twips_pt(pt: f64) -> i64 {
    (pt * 20.0).round() as i64
}

/// The `.docx` file of `paper`.
pub fn docx(paper: &Paper) -> Vec<u8> {
    stored_zip(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes().to_vec()),
        ("_rels/.rels", PACKAGE_RELS.as_bytes().to_vec()),
        (
            "word/_rels/document.xml.rels",
            DOCUMENT_RELS.as_bytes().to_vec(),
        ),
        ("word/styles.xml", styles_xml().into_bytes()),
        ("word/settings.xml", settings_xml().into_bytes()),
        (
            "word/header1.xml",
            header_xml(&paper.running_head).into_bytes(),
        ),
        ("word/footer1.xml", footer_xml().into_bytes()),
        ("word/document.xml", document_xml(paper).into_bytes()),
    ])
}

/// The body of the document: what Word shows.
pub fn document_xml(paper: &Paper) -> String {
    let mut body = String::new();
    if !paper.org.is_empty() {
        body.push_str(&paragraph("Org", &paper.org));
    }
    body.push_str(&paragraph("Title", &paper.title));
    if !paper.subtitle.is_empty() {
        body.push_str(&paragraph("Subtitle", &paper.subtitle));
    }
    body.push_str(&gap(look::TITLE_AFTER - look::PARAGRAPH_AFTER, ""));
    for (i, block) in paper.blocks.iter().enumerate() {
        let last = i + 1 == paper.blocks.len();
        // The end of the block before the signatures stays on their page.
        let before_signatures = matches!(paper.blocks.get(i + 1), Some(Block::Signatures(_)));
        let keep = if before_signatures {
            "<w:keepNext/>"
        } else {
            ""
        };
        match block {
            Block::Heading(text) => body.push_str(&paragraph("Heading1", text)),
            Block::Paragraph(p) => body.push_str(&paragraph_xml(p, keep)),
            Block::List { numbered, items } => {
                for (i, item) in items.iter().enumerate() {
                    let marker = if *numbered {
                        format!("{}.", i + 1)
                    } else {
                        "·".into()
                    };
                    let keep = if i + 1 == items.len() { keep } else { "" };
                    body.push_str(&format!(
                        r#"<w:p><w:pPr><w:pStyle w:val="ListItem"/>{keep}</w:pPr>{}<w:r><w:tab/></w:r>{}</w:p>"#,
                        run(&marker, false),
                        run(item, false)
                    ));
                }
            }
            Block::Table(table) => {
                body.push_str(&table_xml(table, paper.orientation, keep));
                // The space under a table and the space above what follows
                // collapse into the larger, as in the print view: headings
                // and signatures ask for more above them themselves. The
                // print date under a last table asks for its own too, and
                // a body cannot end in a table.
                let own_space = match paper.blocks.get(i + 1) {
                    Some(Block::Heading(_) | Block::Signatures(_)) => true,
                    None => !paper.printed.is_empty(),
                    _ => false,
                };
                if !own_space {
                    body.push_str(&gap(look::TABLE_AFTER, keep));
                }
            }
            Block::Writing(count) => {
                for i in 0..*count {
                    let keep = if i + 1 == *count { keep } else { "" };
                    body.push_str(&format!(
                        r#"<w:p><w:pPr><w:pStyle w:val="Ruled"/>{keep}</w:pPr></w:p>"#
                    ));
                }
            }
            Block::Signatures(lines) => {
                // The print date under the last signatures stays with them,
                // on their last line where it has room.
                let beside = (last && paper.printed_beside_signatures())
                    .then_some(paper.printed.as_str());
                let with_next = last && !paper.printed.is_empty() && beside.is_none();
                body.push_str(&signatures_xml(
                    lines,
                    paper.orientation,
                    with_next,
                    beside,
                ));
            }
            Block::PageBreak => body.push_str(
                r#"<w:p><w:pPr><w:spacing w:after="0" w:line="20" w:lineRule="exact"/></w:pPr><w:r><w:br w:type="page"/></w:r></w:p>"#,
            ),
        }
    }
    if !paper.printed.is_empty() && !paper.printed_beside_signatures() {
        body.push_str(&paragraph("Printed", &paper.printed));
    }
    let page = paper.orientation.page();
    let (w, h) = (twips_mm(page.width), twips_mm(page.height));
    let orient = match paper.orientation {
        Orientation::Portrait => "",
        Orientation::Landscape => r#" w:orient="landscape""#,
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{body}<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/><w:pgSz w:w="{w}" w:h="{h}"{orient}/><w:pgMar w:top="{}" w:right="{}" w:bottom="{}" w:left="{}" w:header="{}" w:footer="{}" w:gutter="0"/></w:sectPr></w:body></w:document>"#,
        twips_mm(page.top),
        twips_mm(page.right),
        twips_mm(page.bottom),
        twips_mm(page.left),
        twips_mm(page.head),
        twips_mm(page.foot),
    )
}

fn paragraph(style: &str, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{}</w:p>"#,
        run(text, false)
    )
}

/// A paragraph; `keep` is `<w:keepNext/>` to keep it with the next.
fn paragraph_xml(p: &Paragraph, keep: &str) -> String {
    let style = match p.style {
        Style::Body => "Normal",
        Style::Plain => "Plain",
        Style::Small => "Small",
    };
    let lead = if p.lead.is_empty() {
        String::new()
    } else {
        run(&p.lead, true)
    };
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="{style}"/>{keep}</w:pPr>{lead}{}</w:p>"#,
        run(&p.text, false)
    )
}

/// An empty paragraph `pt` tall; `keep` as for `paragraph_xml`.
fn gap(pt: f64, keep: &str) -> String {
    format!(
        r#"<w:p><w:pPr>{keep}<w:spacing w:after="0" w:line="{}" w:lineRule="exact"/></w:pPr></w:p>"#,
        twips_pt(pt.max(1.0))
    )
}

/// A run; a line break in the text becomes a break in the run.
fn run(text: &str, bold: bool) -> String {
    if text.is_empty() {
        return String::new();
    }
    let props = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    let lines: Vec<String> = text
        .split('\n')
        .map(|line| format!(r#"<w:t xml:space="preserve">{}</w:t>"#, escape(line)))
        .collect();
    format!("<w:r>{props}{}</w:r>", lines.join("<w:br/>"))
}

/// Each line of signatures one paragraph, the second place at a tab in the
/// middle; every line keeps with the next and none splits, so the block
/// stays on one page (and with the paragraph after it when `with_next`).
/// `printed`, the print date, ends the last line at a right tab.
fn signatures_xml(
    lines: &[Vec<Signature>],
    orientation: Orientation,
    with_next: bool,
    printed: Option<&str>,
) -> String {
    let width = twips_mm(orientation.page().text_width());
    let middle = width / 2;
    let mut out = String::new();
    for (i, places) in lines.iter().enumerate() {
        let date = printed.filter(|_| i + 1 == lines.len());
        let keep = if i + 1 < lines.len() || with_next {
            "<w:keepNext/>"
        } else {
            ""
        };
        let before = if i == 0 {
            twips_pt(look::SIGNATURES_BEFORE)
        } else {
            0
        };
        let mut runs = String::new();
        for (j, place) in places.iter().enumerate() {
            if j > 0 {
                runs.push_str("<w:r><w:tab/></w:r>");
            }
            runs.push_str(&run(&format!("{}：", place.label), false));
            let rule = if place.short {
                look::DATE_RULE
            } else {
                look::SIGN_RULE
            };
            let blank = "\u{3000}".repeat(rule);
            runs.push_str(&format!(
                r#"<w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">{blank}</w:t></w:r>"#
            ));
        }
        let tab = match date {
            Some(date) => {
                let size = (look::SMALL.size * 2.0).round();
                runs.push_str(&format!(
                    r#"<w:r><w:tab/></w:r><w:r><w:rPr><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
                    escape(date)
                ));
                format!(r#"<w:tab w:val="right" w:pos="{width}"/>"#)
            }
            None => format!(r#"<w:tab w:val="left" w:pos="{middle}"/>"#),
        };
        out.push_str(&format!(
            r#"<w:p><w:pPr><w:pStyle w:val="Signature"/>{keep}<w:keepLines/><w:tabs>{tab}</w:tabs><w:spacing w:before="{before}"/></w:pPr>{runs}</w:p>"#
        ));
    }
    out
}

/// Column widths in twips, summing exactly to the text width.
fn column_twips(table: &Table, orientation: Orientation) -> Vec<i64> {
    let total = twips_mm(orientation.page().text_width());
    let em = twips_pt(look::CELL.size) as f64;
    let mut widths: Vec<i64> = table
        .widths(look::table_width_em(orientation))
        .into_iter()
        .map(|w| (w * em).round() as i64)
        .collect();
    let sum: i64 = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += total - sum;
    }
    widths
}

/// A table; `keep` (`<w:keepNext/>`) keeps its last row with what follows.
fn table_xml(table: &Table, orientation: Orientation, keep: &str) -> String {
    let widths = column_twips(table, orientation);
    let total: i64 = widths.iter().sum();
    let grid: String = widths
        .iter()
        .map(|w| format!(r#"<w:gridCol w:w="{w}"/>"#))
        .collect();
    let mut rows = rows_xml(table, &table.head, true, &widths, "");
    rows.push_str(&rows_xml(table, &table.rows, false, &widths, keep));
    // Border sizes are in eighths of a point.
    let border = format!(
        r#"w:val="single" w:sz="{}" w:space="0" w:color="000000""#,
        (look::TABLE_RULE * 8.0).round()
    );
    let (pad_x, pad_y) = (twips_pt(look::CELL_PAD_X), twips_pt(look::CELL_PAD_Y));
    format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:tblBorders><w:top {border}/><w:left {border}/><w:bottom {border}/><w:right {border}/><w:insideH {border}/><w:insideV {border}/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="{pad_y}" w:type="dxa"/><w:left w:w="{pad_x}" w:type="dxa"/><w:bottom w:w="{pad_y}" w:type="dxa"/><w:right w:w="{pad_x}" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>"#
    )
}

/// Rows of one part of a table. A cell spanning rows starts a vertical
/// merge (`vMerge restart`); each row it covers below holds a continuing
/// cell of the same width (`vMerge`) where the grid has it.
fn rows_xml(table: &Table, rows: &[Vec<Cell>], head: bool, widths: &[i64], keep: &str) -> String {
    let columns = widths.len();
    // For each grid column a cell above still covers: its rows left and
    // how many columns it spans, keyed by the column it starts at.
    let mut covering: Vec<Option<(usize, usize, bool)>> = vec![None; columns];
    let height = if table.signing && !head {
        format!(
            r#"<w:trHeight w:val="{}" w:hRule="atLeast"/>"#,
            twips_mm(look::SIGNING_ROW)
        )
    } else {
        String::new()
    };
    let repeat = if head { "<w:tblHeader/>" } else { "" };
    let mut out = String::new();
    let count = rows.len();
    for (r, row) in placed(rows).into_iter().enumerate() {
        // Word keeps a row with the next paragraph when its cells do.
        let keep = if r + 1 == count { keep } else { "" };
        let mut cells = String::new();
        let mut next = row.iter().peekable();
        let mut col = 0;
        while col < columns {
            if let Some((left, span, label)) = covering[col] {
                let width = widths[col..(col + span).min(columns)].iter().sum();
                cells.push_str(&continued_cell(width, span, label, keep));
                covering[col] = (left > 1).then_some((left - 1, span, label));
                col += span;
                continue;
            }
            match next.peek() {
                Some(p) if p.col == col => {
                    let span = p.cell.cols.min(columns - col).max(1);
                    let width = widths[col..col + span].iter().sum();
                    let align = if head {
                        Align::Center
                    } else if p.cell.label {
                        Align::Left
                    } else {
                        table
                            .columns
                            .get(col)
                            .map(|c| c.align)
                            .unwrap_or(Align::Left)
                    };
                    cells.push_str(&cell_xml(p.cell, width, span, align, keep));
                    if p.cell.rows > 1 {
                        covering[col] = Some((p.cell.rows - 1, span, p.cell.label));
                    }
                    col += span;
                    next.next();
                }
                // A short row is padded to the next cell or the grid's end.
                _ => {
                    let next_start = next.peek().map(|p| p.col).unwrap_or(columns).min(columns);
                    let mut until = col + 1;
                    while until < next_start && covering[until].is_none() {
                        until += 1;
                    }
                    let span = until - col;
                    let width = widths[col..until].iter().sum();
                    let pad = Cell::new("").span(span, 1);
                    cells.push_str(&cell_xml(&pad, width, span, Align::Left, keep));
                    col = until;
                }
            }
        }
        out.push_str(&format!(
            "<w:tr><w:trPr><w:cantSplit/>{height}{repeat}</w:trPr>{cells}</w:tr>"
        ));
    }
    out
}

fn cell_props(width: i64, span: usize, merge: &str, label: bool) -> String {
    let span_xml = if span > 1 {
        format!(r#"<w:gridSpan w:val="{span}"/>"#)
    } else {
        String::new()
    };
    let shade = if label {
        r#"<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>"#
    } else {
        ""
    };
    format!(
        r#"<w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span_xml}{merge}{shade}<w:vAlign w:val="center"/></w:tcPr>"#
    )
}

fn cell_xml(cell: &Cell, width: i64, span: usize, align: Align, keep: &str) -> String {
    let merge = if cell.rows > 1 {
        r#"<w:vMerge w:val="restart"/>"#
    } else {
        ""
    };
    let style = match (cell.label, align) {
        (true, Align::Center) => "CellHeadCenter",
        (true, Align::Left) => "CellHead",
        (false, Align::Center) => "CellCenter",
        (false, Align::Left) => "Cell",
    };
    let mut paragraphs = String::new();
    if cell.text.is_empty() && cell.blank_lines > 0 {
        for _ in 0..cell.blank_lines {
            paragraphs.push_str(&format!(
                r#"<w:p><w:pPr><w:pStyle w:val="CellRuled"/>{keep}</w:pPr></w:p>"#
            ));
        }
    } else {
        for line in cell.text.split('\n') {
            paragraphs.push_str(&format!(
                r#"<w:p><w:pPr><w:pStyle w:val="{style}"/>{keep}</w:pPr>{}</w:p>"#,
                run(line, false)
            ));
        }
    }
    format!(
        "<w:tc>{}{paragraphs}</w:tc>",
        cell_props(width, span, merge, cell.label)
    )
}

/// The cell under a cell that spans rows.
fn continued_cell(width: i64, span: usize, label: bool, keep: &str) -> String {
    format!(
        r#"<w:tc>{}<w:p><w:pPr><w:pStyle w:val="Cell"/>{keep}</w:pPr></w:p></w:tc>"#,
        cell_props(width, span, "<w:vMerge/>", label)
    )
}

/// Text as XML character data: markup escaped, and the control characters
/// XML 1.0 forbids left out (a pasted record may carry them).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

fn font_name(face: Face) -> &'static str {
    match face {
        Face::Song => "宋体",
        Face::FangSong => "仿宋",
        Face::Hei => "黑体",
    }
}

/// A type's run properties: face, weight, size.
fn type_rpr(ty: Type) -> String {
    let size = (ty.size * 2.0).round() as i64;
    let bold = if ty.bold { "<w:b/>" } else { "" };
    format!(
        r#"<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="{}" w:cs="Times New Roman"/>{bold}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>"#,
        font_name(ty.face)
    )
}

/// Exact line height of a type, with space before and after, in pt.
fn spacing(ty: Type, before: f64, after: f64) -> String {
    format!(
        r#"<w:spacing w:before="{}" w:after="{}" w:line="{}" w:lineRule="exact"/>"#,
        twips_pt(before),
        twips_pt(after),
        twips_pt(ty.line)
    )
}

fn style(id: &str, ppr: &str, ty: Type) -> String {
    format!(
        r#"<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{id}"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>{ppr}</w:pPr>{}</w:style>"#,
        type_rpr(ty)
    )
}

/// Every style the body uses, from the sizes in `look`.
fn styles_xml() -> String {
    let no_indent = r#"<w:ind w:firstLine="0" w:firstLineChars="0"/>"#;
    let body = look::BODY;
    let first_line = twips_pt(2.0 * body.size);
    let ruled = format!(
        r#"<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="555555"/></w:pBdr><w:spacing w:before="0" w:after="0" w:line="{}" w:lineRule="exact"/>"#,
        twips_pt(look::RULED_LINE)
    );
    let cell = look::CELL;
    let cell_spacing = spacing(cell, 0.0, 0.0);
    let head = Type { bold: true, ..cell };
    let styles = [
        style(
            "Org",
            &format!(
                "{}{no_indent}<w:jc w:val=\"center\"/>",
                spacing(look::ORG, 0.0, 0.0)
            ),
            look::ORG,
        ),
        style(
            "Title",
            &format!(
                "<w:keepNext/>{}{no_indent}<w:jc w:val=\"center\"/>",
                spacing(look::TITLE, 0.0, 0.0)
            ),
            look::TITLE,
        ),
        style(
            "Subtitle",
            &format!(
                "<w:keepNext/>{}{no_indent}<w:jc w:val=\"center\"/>",
                spacing(look::SUBTITLE, 0.0, 0.0)
            ),
            look::SUBTITLE,
        ),
        style(
            "Heading1",
            &format!(
                "<w:keepNext/><w:keepLines/>{}{no_indent}<w:outlineLvl w:val=\"0\"/>",
                spacing(look::HEADING, look::HEADING_BEFORE, look::HEADING_AFTER)
            ),
            look::HEADING,
        ),
        style(
            "Plain",
            &format!("{}{no_indent}", spacing(body, 0.0, look::PARAGRAPH_AFTER)),
            body,
        ),
        style(
            "Small",
            &format!(
                "{}{no_indent}",
                spacing(look::SMALL, 0.0, look::PARAGRAPH_AFTER)
            ),
            look::SMALL,
        ),
        style(
            "ListItem",
            &format!(
                r#"{}<w:ind w:left="{first_line}" w:hanging="{first_line}"/>"#,
                spacing(body, 0.0, 0.0)
            ),
            body,
        ),
        style("Ruled", &format!("{ruled}{no_indent}"), body),
        style(
            "Signature",
            &format!(
                r#"<w:spacing w:after="0" w:line="{}" w:lineRule="exact"/>{no_indent}"#,
                twips_pt(look::SIGNATURE_LINE)
            ),
            body,
        ),
        style(
            "Cell",
            &format!("{cell_spacing}{no_indent}<w:jc w:val=\"left\"/>"),
            cell,
        ),
        style(
            "CellCenter",
            &format!("{cell_spacing}{no_indent}<w:jc w:val=\"center\"/>"),
            cell,
        ),
        style(
            "CellHead",
            &format!("{cell_spacing}{no_indent}<w:jc w:val=\"left\"/>"),
            head,
        ),
        style(
            "CellHeadCenter",
            &format!("{cell_spacing}{no_indent}<w:jc w:val=\"center\"/>"),
            head,
        ),
        style("CellRuled", &format!("{ruled}{no_indent}"), cell),
        style(
            "Printed",
            &format!(
                "{}{no_indent}<w:jc w:val=\"right\"/>",
                spacing(look::SMALL, look::PRINTED_BEFORE, 0.0)
            ),
            look::SMALL,
        ),
        style(
            "Running",
            &format!(
                "{}{no_indent}<w:jc w:val=\"center\"/>",
                spacing(look::RUNNING, 0.0, 0.0)
            ),
            look::RUNNING,
        ),
    ]
    .concat();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋" w:cs="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:kinsoku/>{}</w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr>{}<w:ind w:firstLineChars="200" w:firstLine="{first_line}"/><w:jc w:val="both"/></w:pPr>{}</w:style>{styles}</w:styles>"#,
        spacing(body, 0.0, 0.0),
        spacing(body, 0.0, look::PARAGRAPH_AFTER),
        type_rpr(body),
    )
}

/// The 禁则 for Chinese: what may not start or end a line.
fn settings_xml() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="{W}"><w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="doNotCompress"/><w:noLineBreaksAfter w:lang="zh-CN" w:val="{}"/><w:noLineBreaksBefore w:lang="zh-CN" w:val="{}"/></w:settings>"#,
        escape(WORD_NO_LINE_END),
        escape(WORD_NO_LINE_START)
    )
}

fn header_xml(running_head: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr xmlns:w="{W}">{}</w:hdr>"#,
        paragraph("Running", running_head)
    )
}

/// "第 1 页 共 2 页", from Word's own page fields.
fn footer_xml() -> String {
    let field = |instr: &str| {
        format!(r#"<w:fldSimple w:instr=" {instr} "><w:r><w:t>1</w:t></w:r></w:fldSimple>"#)
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr xmlns:w="{W}"><w:p><w:pPr><w:pStyle w:val="Running"/></w:pPr>{}{}{}{}{}</w:p></w:ftr>"#,
        run("第 ", false),
        field("PAGE"),
        run(" 页 共 ", false),
        field("NUMPAGES"),
        run(" 页", false),
    )
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>"#;

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::paper::Column;

    fn sample() -> Paper {
        let mut paper = Paper {
            org: "示例单位 · 第一党支部".into(),
            running_head: "第一党支部".into(),
            title: "党支部工作记录".into(),
            printed: "打印日期：2026年12月1日".into(),
            ..Paper::default()
        };
        paper.table(Table::fields([("会议主题", "学习 <党章> & 讨论")]));
        paper.heading("会议记录");
        paper.paragraph(Style::Body, "第一行\n第二行\u{7}");
        paper.signatures(&["主持人（签字）", "记录人（签字）"], true);
        paper
    }

    #[test]
    fn the_document_says_what_the_paper_says_with_markup_escaped() {
        let xml = document_xml(&sample());
        assert!(xml.contains(r#"<w:pStyle w:val="Title"/></w:pPr><w:r><w:t xml:space="preserve">党支部工作记录</w:t>"#));
        assert!(xml.contains("学习 &lt;党章&gt; &amp; 讨论"));
        assert!(
            xml.contains(r#"第一行</w:t><w:br/><w:t xml:space="preserve">第二行</w:t>"#),
            "{xml}"
        );
        assert!(!xml.contains('\u{7}'));
    }

    #[test]
    fn the_page_is_a4_with_official_margins_a_running_head_and_page_numbers() {
        let xml = document_xml(&sample());
        assert!(
            xml.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#),
            "{xml}"
        );
        assert!(xml.contains(r#"w:top="2098" w:right="1474" w:bottom="1984" w:left="1587""#));
        assert!(xml.contains(r#"<w:footerReference w:type="default" r:id="rIdFooter"/>"#));
        let footer = footer_xml();
        assert!(
            footer.contains(r#"w:instr=" PAGE ""#) && footer.contains(r#"w:instr=" NUMPAGES ""#)
        );
        assert!(header_xml("第一党支部").contains("第一党支部"));
        let mut landscape = sample();
        landscape.orientation = Orientation::Landscape;
        assert!(document_xml(&landscape)
            .contains(r#"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>"#));
    }

    #[test]
    fn the_signature_block_keeps_together_with_the_print_date_on_its_last_line() {
        let xml = document_xml(&sample());
        let first = xml.find("主持人（签字）").unwrap();
        let block = &xml[xml[..first].rfind("<w:p>").unwrap()..];
        // Two lines, the first keeping with the second, neither splitting;
        // the print date ends the second ("日期：", whose right half is
        // free) at a right tab, so it never opens a page of its own.
        assert_eq!(block.matches(r#"<w:pStyle w:val="Signature"/>"#).count(), 2);
        assert_eq!(block.matches("<w:keepNext/>").count(), 1);
        assert_eq!(block.matches("<w:keepLines/>").count(), 2);
        assert!(block.contains("记录人（签字）"));
        let last = &block[block.rfind("<w:p>").unwrap()..];
        assert!(last.contains("日期：") && last.contains("打印日期：2026年12月1日"));
        let width = twips_mm(Orientation::Portrait.page().text_width());
        assert!(last.contains(&format!(r#"<w:tab w:val="right" w:pos="{width}"/>"#)));
        assert!(!xml.contains(r#"<w:pStyle w:val="Printed"/>"#));
    }

    #[test]
    fn a_print_date_under_two_signatures_keeps_its_own_line_with_them() {
        let mut paper = sample();
        paper.blocks.pop();
        paper.signatures(&["主持人（签字）", "记录人（签字）"], false);
        let xml = document_xml(&paper);
        let first = xml.find("主持人（签字）").unwrap();
        let block = &xml[xml[..first].rfind("<w:p>").unwrap()..];
        assert_eq!(
            block.matches("<w:keepNext/>").count(),
            1,
            "kept with the date"
        );
        assert!(block.contains(r#"<w:pStyle w:val="Printed"/>"#));
    }

    #[test]
    fn the_space_under_a_table_collapses_into_the_larger_space_above_what_follows() {
        let table = || {
            let mut table = Table::grid(&[("事项", Column::TEXT)]);
            table.row(["第一项"]);
            table
        };
        let mut paper = Paper::default();
        paper.table(table());
        paper.table(table());
        paper.heading("补学情况");
        paper.table(table());
        paper.signatures(&["党支部书记（签字）"], true);
        paper.table(table());
        paper.printed = "打印日期：2026年12月6日".into();
        let xml = document_xml(&paper);
        let after: Vec<&str> = xml
            .split("</w:tbl>")
            .skip(1)
            .map(|rest| &rest[..rest.find("<w:t").unwrap_or(rest.len())])
            .collect();
        let gap = format!(r#"w:line="{}""#, twips_pt(look::TABLE_AFTER));
        // Two tables need a paragraph between them, or Word joins them.
        assert!(after[0].contains(&gap), "{}", after[0]);
        for (i, next) in after.iter().enumerate().skip(1) {
            assert!(!next.contains(&gap), "table {i}: {next}");
        }
    }

    #[test]
    fn the_end_of_what_precedes_the_signatures_stays_with_them() {
        let mut paper = sample();
        let mut table = Table::grid(&[("事项", Column::TEXT)]);
        table.row(["第一项"]);
        table.row(["第二项"]);
        paper.table(table);
        paper.signatures(&["党支部书记（签字）"], true);
        let xml = document_xml(&paper);
        let rows: Vec<&str> = xml.split("<w:tr>").skip(1).collect();
        let last_table_rows = &rows[rows.len() - 2..];
        assert!(!last_table_rows[0].contains("<w:keepNext/>"));
        assert!(
            last_table_rows[1].contains("<w:keepNext/>"),
            "the last row keeps with the next"
        );
        // And the paragraph before the first signatures of `sample`.
        let first = xml.find("主持人（签字）").unwrap();
        let before = &xml[..first];
        let previous = &before[before[..before.rfind("<w:p>").unwrap()]
            .rfind("<w:p>")
            .unwrap()..];
        assert!(
            previous.contains("第一行") && previous.contains("<w:keepNext/>"),
            "{previous}"
        );
    }

    #[test]
    fn closing_punctuation_is_kept_off_the_start_of_a_line() {
        let settings = settings_xml();
        assert!(settings.contains("noLineBreaksBefore"));
        assert!(WORD_NO_LINE_START.contains('。') && WORD_NO_LINE_START.contains('，'));
        assert!(styles_xml().contains("<w:kinsoku/>"));
    }

    #[test]
    fn every_part_word_needs_is_in_the_archive() {
        let file = docx(&sample());
        assert_eq!(&file[..4], b"PK\x03\x04");
        for part in [
            "[Content_Types].xml",
            "_rels/.rels",
            "word/document.xml",
            "word/styles.xml",
            "word/settings.xml",
            "word/header1.xml",
            "word/footer1.xml",
            "word/_rels/document.xml.rels",
        ] {
            assert!(
                file.windows(part.len()).any(|w| w == part.as_bytes()),
                "{part}"
            );
        }
    }

    #[test]
    fn every_style_the_document_names_is_defined() {
        let mut paper = sample();
        let mut table = Table::grid(&[("序号", Column::CENTER), ("签名", Column::SIGN)]);
        table.row(["1", ""]);
        table
            .rows
            .push(vec![Cell::label("自评"), Cell::new("").blank(2)]);
        paper.table(table);
        paper.list(true, vec!["一".into()]);
        paper.blocks.push(Block::Writing(2));
        paper.paragraph(Style::Small, "注");
        paper.paragraph(Style::Plain, "名单");
        paper.blocks.push(Block::PageBreak);
        paper.subtitle = "2026年".into();
        let xml = document_xml(&paper) + &header_xml("x") + &footer_xml();
        let styles = styles_xml();
        for used in xml.split(r#"<w:pStyle w:val=""#).skip(1) {
            let id = &used[..used.find('"').unwrap()];
            assert!(
                styles.contains(&format!(r#"w:styleId="{id}""#)),
                "style {id} is not defined"
            );
        }
    }
}
