//! How printed paper looks, in one place for all three renderers: the A4
//! page and its 公文 margins (GB/T 9704), the faces and sizes of each kind of
//! text, line heights and cell padding. The Word writer and the picture read
//! these; `style/print.css` repeats them in pt (a test compares the two).

/// Page orientation. Wide tables (a 民主评议汇总表, a 融合 ledger) print on
/// A4 landscape.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Orientation {
    #[default]
    Portrait,
    Landscape,
}

/// A page's size and margins, in millimetres.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Page {
    pub width: f64,
    pub height: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
    pub left: f64,
    /// From the paper's edge to the running head and to the page number.
    pub head: f64,
    pub foot: f64,
}

impl Orientation {
    /// A4 portrait with the 公文 margins (top 37 mm, bottom 35 mm, left
    /// 28 mm, right 26 mm); landscape keeps the side margins and narrows the
    /// top and bottom so a ledger has room for its rows.
    pub fn page(self) -> Page {
        match self {
            Orientation::Portrait => Page {
                width: 210.0,
                height: 297.0,
                top: 37.0,
                right: 26.0,
                bottom: 35.0,
                left: 28.0,
                head: 15.0,
                foot: 18.0,
            },
            Orientation::Landscape => Page {
                width: 297.0,
                height: 210.0,
                top: 28.0,
                right: 26.0,
                bottom: 25.0,
                left: 28.0,
                head: 12.0,
                foot: 12.0,
            },
        }
    }
}

impl Page {
    pub fn text_width(&self) -> f64 {
        self.width - self.left - self.right
    }

    pub fn text_height(&self) -> f64 {
        self.height - self.top - self.bottom
    }
}

pub const MM_PER_PT: f64 = 25.4 / 72.0;

/// The typeface families of 公文: 宋体 for titles and tables, 仿宋 for the
/// body, 黑体 for section headings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Face {
    Song,
    FangSong,
    Hei,
}

/// A kind of text: face, size and the height of each of its lines (fixed,
/// so Word, the browser and the picture break pages alike).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Type {
    pub face: Face,
    pub size: f64,
    pub line: f64,
    pub bold: bool,
}

const fn kind(face: Face, size: f64, line: f64, bold: bool) -> Type {
    Type {
        face,
        size,
        line,
        bold,
    }
}

/// The organisation above the title.
pub const ORG: Type = kind(Face::FangSong, 14.0, 22.0, false);
/// 二号宋体 bold.
pub const TITLE: Type = kind(Face::Song, 22.0, 32.0, true);
/// The line under the title ("2026年").
pub const SUBTITLE: Type = kind(Face::FangSong, 14.0, 22.0, false);
/// 三号黑体 section headings.
pub const HEADING: Type = kind(Face::Hei, 16.0, 24.0, false);
/// 四号仿宋 body.
pub const BODY: Type = kind(Face::FangSong, 14.0, 22.0, false);
/// 小四宋体 in tables.
pub const CELL: Type = kind(Face::Song, 12.0, 17.0, false);
/// Notes, the rule a vote was decided under, the print date.
pub const SMALL: Type = kind(Face::FangSong, 10.5, 16.0, false);
/// The running head and the page number.
pub const RUNNING: Type = kind(Face::FangSong, 10.0, 14.0, false);

/// Space after a paragraph, before and after a heading, after the title,
/// after a table, above the signatures and above the print date, in pt.
pub const PARAGRAPH_AFTER: f64 = 4.0;
pub const HEADING_BEFORE: f64 = 12.0;
pub const HEADING_AFTER: f64 = 6.0;
pub const TITLE_AFTER: f64 = 14.0;
pub const TABLE_AFTER: f64 = 8.0;
pub const SIGNATURES_BEFORE: f64 = 20.0;
/// Each line of the signatures: room to sign above the rule.
pub const SIGNATURE_LINE: f64 = 30.0;
/// The rule to sign on and the shorter one for a date, in ems of the body:
/// two places to a line fit half the line each ("谈话对象（签字）：" and its
/// rule take 15 of a portrait line's 31).
pub const SIGN_RULE: usize = 6;
pub const DATE_RULE: usize = 5;
pub const PRINTED_BEFORE: f64 = 14.0;
/// A ruled line left for handwriting.
pub const RULED_LINE: f64 = 26.0;

/// A table's rules, in pt. Each row is this much taller than its cells'
/// content and padding: Word and LibreOffice add the rule above it.
pub const TABLE_RULE: f64 = 0.5;
/// Inside a table cell, in pt: left and right, top and bottom.
pub const CELL_PAD_X: f64 = 4.0;
pub const CELL_PAD_Y: f64 = 3.0;
/// A row people sign in (a 签到表) is at least this tall, in mm: a
/// handwritten name needs about a centimetre.
pub const SIGNING_ROW: f64 = 12.0;

/// A table's text width in ems of the cell type.
pub fn table_width_em(orientation: Orientation) -> f64 {
    orientation.page().text_width() / (CELL.size * MM_PER_PT)
}

/// Room a column keeps beyond its text and padding, in ems of the cell
/// type: Chromium and LibreOffice wrap a text that fills its cell to the
/// last point ("王建国" became "王建/国").
pub const COLUMN_SLACK: f64 = 0.5;

/// A cell's horizontal padding with the slack, in ems of the cell type.
pub fn cell_pad_em() -> f64 {
    2.0 * CELL_PAD_X / CELL.size + COLUMN_SLACK
}

#[cfg(test)]
mod tests {
    use super::*;

    const PRINT_CSS: &str = include_str!("../../../style/print.css");

    /// The declarations of the first rule whose selector list contains
    /// `selector`.
    fn rule(selector: &str) -> &'static str {
        let at = PRINT_CSS
            .find(&format!("{selector} {{"))
            .or_else(|| PRINT_CSS.find(&format!("{selector},")))
            .unwrap_or_else(|| panic!("no rule for {selector}"));
        let body = &PRINT_CSS[at..];
        &body[body.find('{').unwrap_or(0)..body.find('}').unwrap_or(body.len())]
    }

    #[test]
    fn the_print_view_uses_the_sizes_word_and_the_picture_use() {
        for (selector, ty) in [
            (".paper", BODY),
            (".paper-title", TITLE),
            (".paper-heading", HEADING),
            (".paper-table", CELL),
            (".paper p.small-print", SMALL),
        ] {
            let css = rule(selector);
            assert!(
                css.contains(&format!("font-size: calc({} * var(--pt))", ty.size)),
                "{selector} font size {}: {css}",
                ty.size
            );
            assert!(
                css.contains(&format!("line-height: calc({} * var(--pt))", ty.line)),
                "{selector} line height {}: {css}",
                ty.line
            );
        }
        for (orientation, name) in [
            (Orientation::Portrait, "@page"),
            (Orientation::Landscape, "@page wide"),
        ] {
            let p = orientation.page();
            let margins = format!(
                "margin: {}mm {}mm {}mm {}mm;",
                p.top, p.right, p.bottom, p.left
            );
            assert!(rule(name).contains(&margins), "{name}: {margins}");
        }
        assert!(rule(".paper-table th, .paper-table td").contains(&format!(
            "padding: calc({CELL_PAD_Y} * var(--pt)) calc({CELL_PAD_X} * var(--pt))"
        )));
        assert!(rule(".paper-table.signing tbody tr").contains(&format!("height: {SIGNING_ROW}mm")));
        assert!(rule(".sign-line").contains(&format!("width: {SIGN_RULE}em")));
        assert!(rule(".sign-line.short").contains(&format!("width: {DATE_RULE}em")));
    }
}
