//! A printed record as a Word document (`.docx`, WordprocessingML) that Word
//! and WPS open with the A4 page of the print view: 公文 margins, a 宋体
//! title, 仿宋 body, 黑体 section headings, and tables whose head rows repeat
//! on every page. Secretaries edit and file it.

use super::paper::{Block, Cell, PaperText, Table};
use super::zip::stored_zip;

/// A4 in twentieths of a point, and the 公文 margins (GB/T 9704: top 37 mm,
/// bottom 35 mm, left 28 mm, right 26 mm).
const PAGE_WIDTH: usize = 11906;
const PAGE_HEIGHT: usize = 16838;
const MARGIN_TOP: usize = 2098;
const MARGIN_BOTTOM: usize = 1984;
const MARGIN_LEFT: usize = 1588;
const MARGIN_RIGHT: usize = 1474;
const TEXT_WIDTH: usize = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

pub const MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The `.docx` file of `paper`.
pub fn docx(paper: &PaperText) -> Vec<u8> {
    stored_zip(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes().to_vec()),
        ("_rels/.rels", PACKAGE_RELS.as_bytes().to_vec()),
        (
            "word/_rels/document.xml.rels",
            DOCUMENT_RELS.as_bytes().to_vec(),
        ),
        ("word/styles.xml", STYLES.as_bytes().to_vec()),
        ("word/document.xml", document_xml(paper).into_bytes()),
    ])
}

/// The body of the document: what Word shows.
pub fn document_xml(paper: &PaperText) -> String {
    let mut body = String::new();
    if !paper.org.is_empty() {
        body.push_str(&paragraph("Org", &paper.org));
    }
    body.push_str(&paragraph("Title", &paper.title));
    for block in &paper.blocks {
        match block {
            Block::Heading(text) => body.push_str(&paragraph("Heading1", text)),
            Block::Paragraph(text) => body.push_str(&paragraph("Normal", text)),
            Block::Table(table) => body.push_str(&table_xml(table)),
        }
    }
    if !paper.footer.is_empty() {
        body.push_str(&paragraph("Footer", &paper.footer));
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>{body}<w:sectPr><w:pgSz w:w="{PAGE_WIDTH}" w:h="{PAGE_HEIGHT}"/><w:pgMar w:top="{MARGIN_TOP}" w:right="{MARGIN_RIGHT}" w:bottom="{MARGIN_BOTTOM}" w:left="{MARGIN_LEFT}" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    )
}

fn paragraph(style: &str, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{}</w:p>"#,
        runs(text, false)
    )
}

/// A line break in the text becomes a break in the run.
fn runs(text: &str, bold: bool) -> String {
    let props = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    let lines: Vec<String> = text
        .split('\n')
        .map(|line| format!(r#"<w:t xml:space="preserve">{}</w:t>"#, escape(line)))
        .collect();
    format!("<w:r>{props}{}</w:r>", lines.join("<w:br/>"))
}

fn table_xml(table: &Table) -> String {
    let widths = column_widths(table);
    let columns = widths.len();
    let grid: String = widths
        .iter()
        .map(|w| format!(r#"<w:gridCol w:w="{w}"/>"#))
        .collect();
    let rows: String = table
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| row_xml(row, i < table.header_rows, columns, &widths))
        .collect();
    let border = r#"w:val="single" w:sz="4" w:space="0" w:color="000000""#;
    format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="{TEXT_WIDTH}" w:type="dxa"/><w:tblBorders><w:top {border}/><w:left {border}/><w:bottom {border}/><w:right {border}/><w:insideH {border}/><w:insideV {border}/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl><w:p><w:pPr><w:pStyle w:val="Gap"/></w:pPr></w:p>"#
    )
}

/// Each column as wide as its longest single-column text asks (between 4 and
/// 20 characters' worth), so a form's labels stay narrow beside its values.
fn column_widths(table: &Table) -> Vec<usize> {
    let columns = table.columns().max(1);
    let mut want = vec![4usize; columns];
    for row in &table.rows {
        let mut at = 0;
        for cell in row {
            let span = cell.span.max(1);
            if span == 1 && at < columns {
                want[at] = want[at].max(cell.text.chars().count().min(20));
            }
            at += span;
        }
    }
    let total: usize = want.iter().sum();
    want.iter().map(|w| TEXT_WIDTH * w / total).collect()
}

fn row_xml(row: &[Cell], head: bool, columns: usize, widths: &[usize]) -> String {
    let repeat = if head { "<w:tblHeader/>" } else { "" };
    let mut at = 0;
    let mut cells = String::new();
    for cell in row {
        let span = cell.span.max(1);
        let width: usize = widths.iter().skip(at).take(span).sum();
        cells.push_str(&cell_xml(cell, width));
        at += span;
    }
    // A short row is padded, so every row fills the grid.
    if at < columns {
        let pad = Cell {
            text: String::new(),
            header: false,
            span: columns - at,
        };
        cells.push_str(&cell_xml(&pad, widths.iter().skip(at).sum()));
    }
    format!("<w:tr><w:trPr><w:cantSplit/>{repeat}</w:trPr>{cells}</w:tr>")
}

fn cell_xml(cell: &Cell, width: usize) -> String {
    let span = cell.span.max(1);
    let span_xml = if span > 1 {
        format!(r#"<w:gridSpan w:val="{span}"/>"#)
    } else {
        String::new()
    };
    let shade = if cell.header {
        r#"<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>"#
    } else {
        ""
    };
    format!(
        r#"<w:tc><w:tcPr><w:tcW w:w="{}" w:type="dxa"/>{span_xml}{shade}<w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="Cell"/></w:pPr>{}</w:p></w:tc>"#,
        width,
        runs(&cell.text, cell.header)
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

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"#;

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

/// 仿宋 四号 (14 pt) body with 1.5 lines; 宋体 二号 (22 pt) bold title;
/// 黑体 三号 (16 pt) headings; 宋体 小四 (12 pt) in tables.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋" w:cs="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="560"/><w:jc w:val="both"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:firstLine="0"/><w:jc w:val="center"/><w:spacing w:before="120" w:after="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体"/><w:b/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Org"><w:name w:val="Org"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:firstLine="0"/><w:jc w:val="center"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:ind w:firstLine="0"/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Cell"><w:name w:val="Table Cell"/><w:pPr><w:spacing w:line="300" w:lineRule="auto"/></w:pPr><w:rPr><w:rFonts w:eastAsia="宋体"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Gap"><w:name w:val="Table Gap"/><w:rPr><w:sz w:val="12"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="Printed Date"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:firstLine="0"/><w:jc w:val="right"/><w:spacing w:before="360"/></w:pPr><w:rPr><w:sz w:val="24"/></w:rPr></w:style></w:styles>"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> PaperText {
        PaperText {
            org: "示例单位 · 第一党支部".into(),
            title: "党支部工作记录".into(),
            blocks: vec![
                Block::Table(Table {
                    header_rows: 1,
                    rows: vec![
                        vec![Cell {
                            text: "议题".into(),
                            header: true,
                            span: 2,
                        }],
                        vec![
                            Cell {
                                text: "会议主题".into(),
                                header: true,
                                span: 1,
                            },
                            Cell {
                                text: "学习 <党章> & 讨论".into(),
                                header: false,
                                span: 1,
                            },
                        ],
                    ],
                }),
                Block::Heading("会议记录".into()),
                Block::Paragraph("第一行\n第二行\u{7}".into()),
            ],
            footer: "打印日期：2026年12月1日".into(),
        }
    }

    #[test]
    fn the_document_says_what_the_page_says_with_markup_escaped() {
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
    fn the_page_is_a4_with_official_margins_and_head_rows_repeat() {
        let xml = document_xml(&sample());
        assert!(xml.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#));
        assert!(xml.contains(r#"w:top="2098" w:right="1474" w:bottom="1984" w:left="1588""#));
        assert_eq!(xml.matches("<w:tblHeader/>").count(), 1);
        assert!(xml.contains(r#"<w:gridSpan w:val="2"/>"#));
        assert!(STYLES.contains(r#"w:eastAsia="宋体"/><w:b/><w:sz w:val="44"/>"#));
        assert!(STYLES.contains(r#"w:eastAsia="仿宋""#));
    }

    #[test]
    fn a_form_keeps_its_labels_narrow_beside_long_values() {
        let table = Table {
            header_rows: 0,
            rows: vec![vec![
                Cell {
                    text: "会议类型".into(),
                    header: true,
                    span: 1,
                },
                Cell {
                    text: "学习贯彻党的二十届四中全会精神暨专题组织生活会".into(),
                    header: false,
                    span: 1,
                },
            ]],
        };
        let widths = column_widths(&table);
        assert_eq!(widths.len(), 2);
        assert!(widths[0] * 3 < widths[1], "{widths:?}");
        assert!(widths.iter().sum::<usize>() <= TEXT_WIDTH);
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
            "word/_rels/document.xml.rels",
        ] {
            assert!(
                file.windows(part.len()).any(|w| w == part.as_bytes()),
                "{part}"
            );
        }
    }
}
