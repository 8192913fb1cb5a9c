//! A printout as a model in plain Rust, built once per sheet
//! (`sheets/`) and rendered three ways from the same value: the print view
//! (`ui/print/sheet.rs`), the Word file (`format/docx.rs`) and the picture
//! (`picture.rs` lays it out as draw operations, `browser/paper_image.rs`
//! draws them). So the PDF, the Word file and the picture are the same paper:
//! tables stay tables with their merged headers, rows never split, signature
//! blocks stay together, and "。" never starts a line.

pub mod look;
pub mod picture;
pub mod sheets;
pub mod text;

use chrono::NaiveDate;

pub use look::Orientation;

use crate::domain::time::format_chinese_date;
use crate::domain::Document;

/// One printout.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Paper {
    /// The organisation above the title: "上级党委 · 第一党支部".
    pub org: String,
    /// The branch's name, at the head of every printed page.
    pub running_head: String,
    pub title: String,
    /// The line under the title ("2026年"), or empty.
    pub subtitle: String,
    pub orientation: Orientation,
    /// On a narrow screen the print view shows the whole page scaled down,
    /// as a document viewer does, rather than columns a character wide.
    pub whole_page: bool,
    pub blocks: Vec<Block>,
    /// "打印日期：2026年12月1日".
    pub printed: String,
    /// The files' name without extension: "2026-12-18 支部党员大会记录".
    pub file_name: String,
    /// What 分享文字版 sends.
    pub share_text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A section heading; it stays on the page of what follows it.
    Heading(String),
    Paragraph(Paragraph),
    List {
        numbered: bool,
        items: Vec<String>,
    },
    Table(Table),
    /// Ruled lines left for handwriting where a record has no text yet (a
    /// filed record never says 未填写).
    Writing(usize),
    /// The lines people sign on, each holding one or two places; the block
    /// is never split over two pages.
    Signatures(Vec<Vec<Signature>>),
    /// What follows starts a new page (one 承诺书 per member).
    PageBreak,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Paragraph {
    /// A bold lead-in: the speaker of a speech.
    pub lead: String,
    pub text: String,
    pub style: Style,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Style {
    /// Body text with its first line indented two characters.
    #[default]
    Body,
    /// A line without indent: a list of names, a vote's sentence.
    Plain,
    /// Small print: the rule a vote was decided under, a note.
    Small,
}

/// A place to sign: "主持人（签字）：＿＿＿＿".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    pub label: String,
    /// A date's short rule instead of a signature's.
    pub short: bool,
}

/// A table as paper has it: header rows (repeated on every page) whose
/// cells may span columns and rows, body rows that never split over a page,
/// and columns sized from what they hold.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub head: Vec<Vec<Cell>>,
    pub rows: Vec<Vec<Cell>>,
    /// Rows people sign in: at least `look::SIGNING_ROW` tall.
    pub signing: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    pub fit: Fit,
    pub align: Align,
}

/// How a column takes its width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    /// Kept on one line (numbers, names, dates), up to `LINE_CAP` ems.
    Line,
    /// Wraps; takes the room left over.
    Text,
    /// Room for a handwritten name.
    Sign,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    /// A label (a header cell, or the label of a form row): bold, shaded.
    pub label: bool,
    /// Grid columns and rows it covers (each at least 1).
    pub cols: usize,
    pub rows: usize,
    /// Ruled lines for handwriting when `text` is empty.
    pub blank_lines: usize,
}

/// The widest a one-line column grows before its text wraps, in ems.
pub const LINE_CAP: f64 = 8.0;
/// A wrapping column is never narrower than this many characters of its
/// text (a name never breaks one character per line).
const TEXT_FLOOR: f64 = 4.0;
/// A header's label may wrap, but not below two characters a line.
const HEAD_FLOOR: f64 = 2.0;
/// Room for a signature, in ems: at least and at most wanted.
const SIGN_LEAST: f64 = 8.0;
const SIGN_WANT: f64 = 12.0;

impl Paper {
    /// An empty printout of `doc`'s branch, titled `title`, printed on
    /// `printed_on`.
    pub fn new(doc: &Document, title: impl Into<String>, printed_on: NaiveDate) -> Paper {
        let branch = &doc.branch;
        let org = if branch.parent_org.is_empty() {
            branch.name.clone()
        } else {
            format!("{} · {}", branch.parent_org, branch.name)
        };
        let title = title.into();
        Paper {
            org,
            running_head: branch.name.clone(),
            file_name: file_name(None, &title),
            title,
            printed: format!("打印日期：{}", format_chinese_date(printed_on)),
            ..Paper::default()
        }
    }

    pub fn heading(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Heading(text.into()));
    }

    pub fn paragraph(&mut self, style: Style, text: impl Into<String>) {
        self.blocks.push(Block::Paragraph(Paragraph {
            lead: String::new(),
            text: text.into(),
            style,
        }));
    }

    /// Body text: one paragraph per line of `text`, blank lines dropped,
    /// or `blank` ruled lines when there is none.
    pub fn prose(&mut self, text: &str, blank: usize) {
        let lines = paragraphs(text);
        if lines.is_empty() && blank > 0 {
            self.blocks.push(Block::Writing(blank));
        }
        for line in lines {
            self.paragraph(Style::Body, line);
        }
    }

    pub fn list(&mut self, numbered: bool, items: Vec<String>) {
        self.blocks.push(Block::List { numbered, items });
    }

    pub fn table(&mut self, table: Table) {
        self.blocks.push(Block::Table(table));
    }

    /// The signature lines: `places` two to a line, a date on its own.
    pub fn signatures(&mut self, places: &[&str], dated: bool) {
        let mut lines: Vec<Vec<Signature>> = places
            .chunks(2)
            .map(|pair| {
                pair.iter()
                    .map(|label| Signature {
                        label: label.to_string(),
                        short: false,
                    })
                    .collect()
            })
            .collect();
        if dated {
            lines.push(vec![Signature {
                label: "日期".into(),
                short: true,
            }]);
        }
        self.blocks.push(Block::Signatures(lines));
    }

    /// Whether the print date goes at the right of the closing signatures'
    /// last line (their "日期：", whose right half is free) rather than on a
    /// line of its own under them: inside the block that never splits, and
    /// no taller, so it never opens a page alone (the 民主评议汇总表 of the
    /// example printed a third page holding only the print date).
    pub fn printed_beside_signatures(&self) -> bool {
        !self.printed.is_empty()
            && matches!(
                self.blocks.last(),
                Some(Block::Signatures(lines)) if lines.last().is_some_and(|l| l.len() == 1)
            )
    }

    /// Names the files after the record's own date and kind:
    /// "2026-12-18 支部党员大会记录".
    pub fn named(&mut self, date: Option<NaiveDate>, what: &str) {
        self.file_name = file_name(date, what);
    }

    /// The printout as plain text, for 分享文字版 where a sheet has no
    /// shorter text of its own: every heading, line, field and table row.
    pub fn as_text(&self) -> String {
        let mut out = vec![format!("{} {}", self.running_head, self.title)];
        out.push(self.subtitle.clone());
        for block in &self.blocks {
            match block {
                Block::Heading(text) => out.push(text.clone()),
                Block::Paragraph(p) => out.push(format!("{}{}", p.lead, p.text)),
                Block::List { numbered, items } => {
                    out.extend(items.iter().enumerate().map(|(i, item)| {
                        if *numbered {
                            format!("{}. {item}", i + 1)
                        } else {
                            format!("· {item}")
                        }
                    }))
                }
                Block::Table(table) => out.extend(table.as_lines()),
                Block::Writing(_) | Block::Signatures(_) | Block::PageBreak => {}
            }
        }
        out.retain(|l| !l.trim().is_empty());
        out.join("\n")
    }
}

/// "2026-12-18 支部党员大会记录", without the characters file systems refuse.
pub fn file_name(date: Option<NaiveDate>, what: &str) -> String {
    let name = match date {
        Some(d) => format!("{} {what}", d.format("%Y-%m-%d")),
        None => what.to_string(),
    };
    let clean: String = name
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() => ' ',
            c => c,
        })
        .take(80)
        .collect();
    clean.trim().trim_end_matches('.').to_string()
}

/// The non-empty lines of a text, trimmed.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

impl Column {
    pub const LINE: Column = Column {
        fit: Fit::Line,
        align: Align::Left,
    };
    /// Numbers and short values, centred.
    pub const CENTER: Column = Column {
        fit: Fit::Line,
        align: Align::Center,
    };
    pub const TEXT: Column = Column {
        fit: Fit::Text,
        align: Align::Left,
    };
    pub const SIGN: Column = Column {
        fit: Fit::Sign,
        align: Align::Left,
    };
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            label: false,
            cols: 1,
            rows: 1,
            blank_lines: 0,
        }
    }

    pub fn label(text: impl Into<String>) -> Cell {
        Cell {
            label: true,
            ..Cell::new(text)
        }
    }

    /// The cell covering `cols` columns and `rows` rows.
    pub fn span(self, cols: usize, rows: usize) -> Cell {
        Cell {
            cols: cols.max(1),
            rows: rows.max(1),
            ..self
        }
    }

    /// Ruled lines for handwriting while the cell is empty.
    pub fn blank(self, lines: usize) -> Cell {
        Cell {
            blank_lines: lines,
            ..self
        }
    }
}

/// A cell placed on the table's grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placed<'a> {
    /// The grid column it starts at.
    pub col: usize,
    pub cell: &'a Cell,
}

/// Each row's cells with the grid column each starts at: a column still
/// covered by a cell above (a row span) is skipped.
pub fn placed(rows: &[Vec<Cell>]) -> Vec<Vec<Placed<'_>>> {
    // How many more rows each column is covered for from above.
    let mut covered: Vec<usize> = Vec::new();
    rows.iter()
        .map(|row| {
            let mut col = 0;
            let mut out = Vec::with_capacity(row.len());
            for cell in row {
                while covered.get(col).is_some_and(|n| *n > 0) {
                    col += 1;
                }
                out.push(Placed { col, cell });
                let end = col + cell.cols.max(1);
                if covered.len() < end {
                    covered.resize(end, 0);
                }
                for c in &mut covered[col..end] {
                    // This row counts as one of the cell's rows.
                    *c = cell.rows.max(1);
                }
                col = end;
            }
            for c in &mut covered {
                *c = c.saturating_sub(1);
            }
            out
        })
        .collect()
}

impl Table {
    /// A form: each field a row of a label and its value.
    pub fn fields<L: Into<String>, V: Into<String>>(
        fields: impl IntoIterator<Item = (L, V)>,
    ) -> Table {
        Table {
            columns: vec![Column::LINE, Column::TEXT],
            head: Vec::new(),
            rows: fields
                .into_iter()
                .map(|(label, value)| vec![Cell::label(label), Cell::new(value)])
                .collect(),
            signing: false,
        }
    }

    /// A list table with one header row.
    pub fn grid(columns: &[(&str, Column)]) -> Table {
        Table {
            columns: columns.iter().map(|(_, c)| *c).collect(),
            head: vec![columns.iter().map(|(h, _)| Cell::label(*h)).collect()],
            rows: Vec::new(),
            signing: false,
        }
    }

    /// Adds a body row of plain cells.
    pub fn row<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>) {
        self.rows.push(cells.into_iter().map(Cell::new).collect());
    }

    /// A form has no header rows: its labels sit beside their values.
    pub fn is_form(&self) -> bool {
        self.head.is_empty()
    }

    /// The label of each column: the header cell nearest the body that
    /// covers it alone, or the spanning one above it.
    pub fn column_labels(&self) -> Vec<String> {
        let mut labels = vec![String::new(); self.columns.len()];
        let mut exact = vec![false; self.columns.len()];
        for row in placed(&self.head) {
            for p in row {
                for col in p.col..(p.col + p.cell.cols).min(labels.len()) {
                    if !exact[col] {
                        labels[col] = p.cell.text.clone();
                        exact[col] = p.cell.cols == 1;
                    }
                }
            }
        }
        labels
    }

    /// Each body row as one line: "label：value；…" (a form's own labels,
    /// else the column labels), empty cells left out.
    pub fn as_lines(&self) -> Vec<String> {
        let labels = self.column_labels();
        placed(&self.rows)
            .into_iter()
            .map(|row| {
                let mut parts = Vec::new();
                let mut pending: Option<&str> = None;
                for p in row {
                    if p.cell.label {
                        pending = Some(&p.cell.text);
                        continue;
                    }
                    if p.cell.text.trim().is_empty() {
                        pending = None;
                        continue;
                    }
                    let label = pending
                        .take()
                        .or_else(|| labels.get(p.col).map(String::as_str))
                        .unwrap_or_default();
                    let text = p.cell.text.replace('\n', " ");
                    parts.push(if label.is_empty() {
                        text
                    } else {
                        format!("{label}：{text}")
                    });
                }
                parts.join("；")
            })
            .filter(|l| !l.is_empty())
            .collect()
    }

    /// Column widths in ems of the cell type, filling `available`: each
    /// column between the least its content allows (a name on one line, a
    /// header wrapped no further than two characters) and what it would
    /// take unwrapped; room left over goes to the columns that wrap.
    pub fn widths(&self, available: f64) -> Vec<f64> {
        let n = self.columns.len();
        if n == 0 {
            return Vec::new();
        }
        let pad = look::cell_pad_em();
        let mut least = vec![0.0f64; n];
        let mut want = vec![0.0f64; n];
        let mut spanning: Vec<(usize, usize, f64, f64)> = Vec::new();
        for (head, rows) in [(true, &self.head), (false, &self.rows)] {
            for row in placed(rows) {
                for p in row {
                    if p.col >= n {
                        continue;
                    }
                    let fit = self.columns[p.col].fit;
                    let (l, w) = cell_extent(p.cell, fit, head);
                    if p.cell.cols == 1 {
                        least[p.col] = least[p.col].max(l);
                        want[p.col] = want[p.col].max(w);
                    } else {
                        spanning.push((p.col, (p.col + p.cell.cols).min(n), l, w));
                    }
                }
            }
        }
        for (col, fit) in self.columns.iter().map(|c| c.fit).enumerate() {
            if fit == Fit::Sign {
                least[col] = least[col].max(SIGN_LEAST);
                want[col] = want[col].max(SIGN_WANT);
            }
            least[col] += pad;
            want[col] = want[col].max(least[col] - pad) + pad;
        }
        // A spanning cell widens the columns under it evenly where they are
        // too narrow for it together.
        for (from, to, l, w) in spanning {
            let count = (to - from) as f64;
            let have: f64 = least[from..to].iter().sum();
            if have < l + pad {
                least[from..to]
                    .iter_mut()
                    .for_each(|x| *x += (l + pad - have) / count);
            }
            let have: f64 = want[from..to].iter().sum();
            if have < w + pad {
                want[from..to]
                    .iter_mut()
                    .for_each(|x| *x += (w + pad - have) / count);
            }
            for col in from..to {
                want[col] = want[col].max(least[col]);
            }
        }
        let sum_least: f64 = least.iter().sum();
        let sum_want: f64 = want.iter().sum();
        if sum_want <= available {
            let grows: Vec<bool> = self.columns.iter().map(|c| c.fit != Fit::Line).collect();
            let grows = if grows.contains(&true) {
                grows
            } else {
                vec![true; n]
            };
            let base: f64 = (0..n).filter(|i| grows[*i]).map(|i| want[i]).sum();
            let extra = available - sum_want;
            (0..n)
                .map(|i| {
                    if grows[i] && base > 0.0 {
                        want[i] + extra * want[i] / base
                    } else {
                        want[i]
                    }
                })
                .collect()
        } else if let Some(widths) =
            wrap_text_columns_first(&self.columns, &least, &want, available)
        {
            widths
        } else if sum_least <= available {
            let k = (available - sum_least) / (sum_want - sum_least);
            (0..n)
                .map(|i| least[i] + (want[i] - least[i]) * k)
                .collect()
        } else {
            least.iter().map(|l| l * available / sum_least).collect()
        }
    }
}

/// Where the line is too short for every column unwrapped: the columns
/// that keep to one line (and the room to sign) get all they want, and the
/// text columns share the rest, if that leaves them their least.
fn wrap_text_columns_first(
    columns: &[Column],
    least: &[f64],
    want: &[f64],
    available: f64,
) -> Option<Vec<f64>> {
    let text = |i: usize| columns[i].fit == Fit::Text;
    let n = columns.len();
    let fixed: f64 = (0..n).filter(|i| !text(*i)).map(|i| want[i]).sum();
    let text_least: f64 = (0..n).filter(|i| text(*i)).map(|i| least[i]).sum();
    let text_more: f64 = (0..n)
        .filter(|i| text(*i))
        .map(|i| want[i] - least[i])
        .sum();
    if fixed + text_least > available || text_more <= 0.0 {
        return None;
    }
    let k = (available - fixed - text_least) / text_more;
    Some(
        (0..n)
            .map(|i| {
                if text(i) {
                    least[i] + (want[i] - least[i]) * k
                } else {
                    want[i]
                }
            })
            .collect(),
    )
}

/// The least and the wanted width of a cell's text, in ems, padding aside.
fn cell_extent(cell: &Cell, fit: Fit, head: bool) -> (f64, f64) {
    let natural = text::widest_line(&cell.text);
    let piece = text::longest_piece(&cell.text);
    let least = if head {
        piece.max(natural.min(HEAD_FLOOR))
    } else {
        match fit {
            Fit::Line => piece.max(natural.min(LINE_CAP)),
            Fit::Text | Fit::Sign => piece.max(natural.min(TEXT_FLOOR)),
        }
    };
    (least, natural)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally_head() -> Table {
        let mut table = Table {
            columns: vec![Column::CENTER; 6],
            head: vec![
                vec![
                    Cell::label("序号").span(1, 2),
                    Cell::label("姓名").span(1, 2),
                    Cell::label("“四个合格”自评").span(2, 1),
                    Cell::label("民主测评票数").span(2, 1),
                ],
                vec![
                    Cell::label("政治"),
                    Cell::label("纪律"),
                    Cell::label("优秀"),
                    Cell::label("合格"),
                ],
            ],
            ..Table::default()
        };
        table.row(["1", "王建国", "好", "较好", "20", "1"]);
        table
    }

    #[test]
    fn a_second_header_row_sits_under_its_merged_cells() {
        let table = tally_head();
        let head = placed(&table.head);
        let cols: Vec<Vec<(usize, &str)>> = head
            .iter()
            .map(|row| row.iter().map(|p| (p.col, p.cell.text.as_str())).collect())
            .collect();
        assert_eq!(
            cols,
            vec![
                vec![
                    (0, "序号"),
                    (1, "姓名"),
                    (2, "“四个合格”自评"),
                    (4, "民主测评票数")
                ],
                vec![(2, "政治"), (3, "纪律"), (4, "优秀"), (5, "合格")],
            ]
        );
        assert_eq!(
            table.column_labels(),
            vec!["序号", "姓名", "政治", "纪律", "优秀", "合格"]
        );
        assert_eq!(
            table.as_lines(),
            vec!["序号：1；姓名：王建国；政治：好；纪律：较好；优秀：20；合格：1"]
        );
    }

    #[test]
    fn widths_fill_the_line_and_keep_names_whole() {
        let mut table = Table::grid(&[
            ("序号", Column::CENTER),
            ("姓名", Column::LINE),
            ("评定等次", Column::TEXT),
        ]);
        table.row(["24", "欧阳建国", "不评定等次（预备党员）"]);
        let widths = table.widths(30.0);
        assert!((widths.iter().sum::<f64>() - 30.0).abs() < 1e-6);
        assert!(widths[1] >= 4.0 + look::cell_pad_em(), "{widths:?}");
        assert!(widths[2] > widths[1], "{widths:?}");
        // Squeezed: the name still fits on one line, the text column gives.
        let narrow = table.widths(14.0);
        assert!(narrow[1] >= 4.0 + look::cell_pad_em(), "{narrow:?}");
        assert!(narrow[2] >= 4.0, "{narrow:?}");
    }

    #[test]
    fn a_long_text_column_wraps_before_a_header_does() {
        let mut table = Table::grid(&[
            ("自评等次", Column::CENTER),
            ("基本合格", Column::CENTER),
            ("评定等次", Column::TEXT),
        ]);
        table.row(["优秀", "1", "不评定等次（长期患病，无法参加评议）"]);
        let widths = table.widths(20.0);
        let pad = look::cell_pad_em();
        assert!(
            widths[0] >= 4.0 + pad && widths[1] >= 4.0 + pad,
            "{widths:?}"
        );
        assert!(widths[2] < 17.0, "{widths:?}");
    }

    #[test]
    fn a_form_keeps_its_labels_narrow_beside_long_values() {
        let table = Table::fields([
            (
                "会议类型",
                "学习贯彻党的二十届四中全会精神暨专题组织生活会".repeat(2),
            ),
            ("缺席人员及原因", "周敏（请假，因公）".into()),
        ]);
        let widths = table.widths(36.0);
        assert!(widths[0] < 8.0 + look::cell_pad_em(), "{widths:?}");
        assert!(
            widths[0] >= 7.0,
            "the longest label on one line: {widths:?}"
        );
    }

    #[test]
    fn a_spanning_header_widens_the_columns_under_it() {
        let table = tally_head();
        let widths = table.widths(60.0);
        let under = widths[4] + widths[5];
        assert!(under >= 6.0 + look::cell_pad_em(), "{widths:?}");
    }

    #[test]
    fn file_names_carry_the_records_date_and_no_forbidden_characters() {
        let date = NaiveDate::from_ymd_opt(2026, 12, 18);
        assert_eq!(
            file_name(date, "支部党员大会记录"),
            "2026-12-18 支部党员大会记录"
        );
        assert_eq!(file_name(None, "a/b:c?"), "a-b-c-");
    }
}
