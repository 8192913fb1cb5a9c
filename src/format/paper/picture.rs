//! A printout as a picture: its A4 pages laid out at 150 dpi, one under
//! the other, as a list of draw operations. The browser only executes them
//! on a canvas (`browser/paper_image.rs`); what is drawn where is decided
//! here, in plain Rust, and tested natively. Pages break where the print
//! view's do: rows never split, header rows repeat, a heading stays with
//! what follows it and signature blocks stay together.

use super::look::{self, Face, Type};
use super::text::{width as text_width, wrap};
use super::{placed, Align, Block, Cell, Paper, Paragraph, Signature, Style, Table};

/// Pixels per inch of the picture: A4 portrait is 1240 × 1754 px.
pub const DPI: f64 = 150.0;
/// Grey between two pages, in px.
pub const PAGE_GAP: f64 = 24.0;
/// Phones refuse larger canvases (iOS: about 16.7 million pixels).
const MAX_PIXELS: f64 = 16_000_000.0;
/// Room under the last page for the note that pages were left out, in px.
const NOTE_HEIGHT: f64 = 72.0;

/// The picture: its size in px and what to draw, in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Picture {
    pub width: f64,
    pub height: f64,
    pub ops: Vec<Draw>,
    /// Pages of the printout, and how many of them the picture holds.
    pub pages: usize,
    pub pages_drawn: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Draw {
    /// A white sheet of paper.
    Sheet { x: f64, y: f64, w: f64, h: f64 },
    /// A header or label cell's shading.
    Shade { x: f64, y: f64, w: f64, h: f64 },
    Line {
        x1: f64,
        y1: f64,
        x2: f64,
        y2: f64,
        /// Stroke width in px.
        width: f64,
    },
    /// One line of text inside the box from `left`, `width` wide, its
    /// middle at `middle`, aligned in the box by `align`.
    Text {
        text: String,
        left: f64,
        width: f64,
        middle: f64,
        face: Face,
        /// Font size in px.
        size: f64,
        bold: bool,
        align: TextAlign,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextAlign {
    Left,
    Center,
    Right,
}

fn px_per_mm() -> f64 {
    DPI / 25.4
}

fn px(pt: f64) -> f64 {
    pt * DPI / 72.0
}

/// The picture of `paper`.
pub fn picture(paper: &Paper) -> Picture {
    let mut layout = Layout::new(paper);
    layout.head(paper);
    for (i, block) in paper.blocks.iter().enumerate() {
        let next = paper.blocks.get(i + 1);
        // The end of the block before the signatures goes with them: a page
        // of signatures alone signs nothing.
        layout.tail = match next {
            Some(Block::Signatures(lines)) => {
                let last = i + 2 == paper.blocks.len();
                signatures_height(lines) + if last { layout.printed } else { 0.0 }
            }
            _ => 0.0,
        };
        layout.block(block, next);
    }
    if !paper.printed.is_empty() && !paper.printed_beside_signatures() {
        layout.before(look::PRINTED_BEFORE);
        layout.lines(
            std::slice::from_ref(&paper.printed),
            look::SMALL,
            layout.left,
            layout.width,
            TextAlign::Right,
        );
    }
    layout.finish(paper)
}

struct Layout {
    page_w: f64,
    page_h: f64,
    page: look::Page,
    /// The content box, in px within a page.
    left: f64,
    width: f64,
    top: f64,
    bottom: f64,
    y: f64,
    pages: Vec<Vec<Draw>>,
    orientation: look::Orientation,
    /// The height of the print date under the last block, which stays on
    /// the page of the signatures above it.
    printed: f64,
    /// The print date when it ends the closing signatures' last line.
    beside: Option<String>,
    /// The height that must fit below the last line or row of the block
    /// being laid out (the signatures after it), in px.
    tail: f64,
    /// Space the last block asked for below it, in px: it and the next
    /// block's space above collapse into the larger, as the print view's
    /// margins do, and neither is kept at the top of a page.
    gap: f64,
}

impl Layout {
    fn new(paper: &Paper) -> Layout {
        let page = paper.orientation.page();
        let mm = px_per_mm();
        Layout {
            page_w: (page.width * mm).round(),
            page_h: (page.height * mm).round(),
            left: page.left * mm,
            width: page.text_width() * mm,
            top: page.top * mm,
            bottom: (page.height - page.bottom) * mm,
            y: page.top * mm,
            pages: vec![Vec::new()],
            page,
            orientation: paper.orientation,
            beside: paper
                .printed_beside_signatures()
                .then(|| paper.printed.clone()),
            printed: if paper.printed.is_empty() || paper.printed_beside_signatures() {
                0.0
            } else {
                px(look::PRINTED_BEFORE) + px(look::SMALL.line)
            },
            gap: 0.0,
            tail: 0.0,
        }
    }

    fn draw(&mut self, op: Draw) {
        if let Some(page) = self.pages.last_mut() {
            page.push(op);
        }
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = self.top;
        self.gap = 0.0;
    }

    /// Space above a block, `pt`, collapsed with the space below the one
    /// before it.
    fn before(&mut self, pt: f64) {
        let space = self.gap.max(px(pt));
        self.gap = 0.0;
        if !self.at_top() {
            self.y += space;
        }
    }

    /// Space below a block, `pt`.
    fn after(&mut self, pt: f64) {
        self.gap = self.gap.max(px(pt));
    }

    fn at_top(&self) -> bool {
        self.y <= self.top + 0.5
    }

    /// Starts a new page unless `height` fits below, or the page is empty.
    fn keep(&mut self, height: f64) {
        if self.y + height > self.bottom + 0.5 && !self.at_top() {
            self.new_page();
        }
    }

    /// Lines of one type, each kept whole, drawn from `x` in a box `w` wide.
    fn lines(&mut self, lines: &[String], ty: Type, x: f64, w: f64, align: TextAlign) {
        let line = px(ty.line);
        for text in lines {
            self.keep(line);
            let middle = self.y + line / 2.0;
            self.text(text, x, w, middle, ty, align);
            self.y += line;
        }
    }

    fn text(&mut self, text: &str, left: f64, width: f64, middle: f64, ty: Type, align: TextAlign) {
        if text.is_empty() {
            return;
        }
        self.draw(Draw::Text {
            text: text.to_string(),
            left,
            width,
            middle,
            face: ty.face,
            size: px(ty.size),
            bold: ty.bold,
            align,
        });
    }

    fn ems(&self, w: f64, ty: Type) -> f64 {
        w / px(ty.size)
    }

    fn head(&mut self, paper: &Paper) {
        let (left, width) = (self.left, self.width);
        for (text, ty) in [(&paper.org, look::ORG), (&paper.title, look::TITLE)] {
            if !text.is_empty() {
                let lines = wrap(text, self.ems(width, ty));
                self.lines(&lines, ty, left, width, TextAlign::Center);
            }
        }
        if !paper.subtitle.is_empty() {
            let lines = wrap(&paper.subtitle, self.ems(width, look::SUBTITLE));
            self.lines(&lines, look::SUBTITLE, left, width, TextAlign::Center);
        }
        self.after(look::TITLE_AFTER);
    }

    fn block(&mut self, block: &Block, next: Option<&Block>) {
        // Headings and signatures ask for space above them themselves.
        if !matches!(
            block,
            Block::Heading(_) | Block::Signatures(_) | Block::PageBreak
        ) {
            self.before(0.0);
        }
        match block {
            Block::Heading(text) => {
                self.before(look::HEADING_BEFORE);
                let lines = wrap(text, self.ems(self.width, look::HEADING));
                let own = lines.len() as f64 * px(look::HEADING.line) + px(look::HEADING_AFTER);
                let follow = next.map(|b| self.lead_height(b)).unwrap_or(0.0);
                self.keep(own + follow);
                let (left, width) = (self.left, self.width);
                self.lines(&lines, look::HEADING, left, width, TextAlign::Left);
                self.after(look::HEADING_AFTER);
            }
            Block::Paragraph(p) => self.paragraph(p),
            Block::List { numbered, items } => {
                let ty = look::BODY;
                let indent = 2.0 * px(ty.size);
                for (i, item) in items.iter().enumerate() {
                    let marker = if *numbered {
                        format!("{}.", i + 1)
                    } else {
                        "·".to_string()
                    };
                    let lines = wrap(item, self.ems(self.width - indent, ty));
                    let line = px(ty.line);
                    let last_item = i + 1 == items.len();
                    for (j, text) in lines.iter().enumerate() {
                        let tail = if last_item && j == last_chunk(lines.len()) {
                            self.tail
                        } else {
                            0.0
                        };
                        self.keep(line * lines_kept(j, lines.len()) + tail);
                        let middle = self.y + line / 2.0;
                        if j == 0 {
                            self.text(&marker, self.left, indent, middle, ty, TextAlign::Left);
                        }
                        let (left, width) = (self.left + indent, self.width - indent);
                        self.text(text, left, width, middle, ty, TextAlign::Left);
                        self.y += line;
                    }
                }
                self.after(look::PARAGRAPH_AFTER);
            }
            Block::Table(table) => self.table(table),
            Block::Writing(count) => {
                let line = px(look::RULED_LINE);
                for i in 0..*count {
                    let tail = if i + 1 == *count { self.tail } else { 0.0 };
                    self.keep(line + tail);
                    self.y += line;
                    let y = self.y;
                    self.rule(self.left, self.left + self.width, y, 1.5);
                }
                self.after(look::PARAGRAPH_AFTER);
            }
            Block::Signatures(lines) => {
                let (with, date) = if next.is_none() {
                    (self.printed, self.beside.take())
                } else {
                    (0.0, None)
                };
                self.signatures(lines, with, date.as_deref());
            }
            Block::PageBreak => {
                if !self.at_top() {
                    self.new_page();
                }
            }
        }
    }

    /// The height of what must stay with a heading above it: the first
    /// lines a block will not leave behind on a page (two of a paragraph,
    /// or all of one of three lines or fewer), or a table's header and
    /// first row.
    fn lead_height(&self, block: &Block) -> f64 {
        match block {
            Block::Paragraph(p) => {
                let ty = paragraph_type(p.style);
                let indent = if p.style == Style::Body { "　　" } else { "" };
                let whole = format!("{indent}{}{}", p.lead, p.text);
                let n = wrap(&whole, self.ems(self.width, ty)).len();
                px(ty.line) * lines_kept(0, n)
            }
            Block::List { items, .. } => {
                let ty = look::BODY;
                let indent = 2.0 * px(ty.size);
                let n = items
                    .first()
                    .map(|item| wrap(item, self.ems(self.width - indent, ty)).len())
                    .unwrap_or(1);
                px(ty.line) * lines_kept(0, n)
            }
            Block::Table(table) => {
                let grid = self.grid(table);
                let head: f64 = grid.head_heights.iter().sum();
                head + grid.body_heights.first().copied().unwrap_or(0.0)
            }
            Block::Writing(n) => px(look::RULED_LINE) * (*n).min(2) as f64,
            Block::Signatures(lines) => signatures_height(lines),
            Block::Heading(_) | Block::PageBreak => 0.0,
        }
    }

    fn paragraph(&mut self, p: &Paragraph) {
        let ty = paragraph_type(p.style);
        let indent = if p.style == Style::Body { "　　" } else { "" };
        let whole = format!("{indent}{}{}", p.lead, p.text);
        let lines = wrap(&whole, self.ems(self.width, ty));
        let line = px(ty.line);
        let (left, width) = (self.left, self.width);
        for (i, text) in lines.iter().enumerate() {
            let tail = if i == last_chunk(lines.len()) {
                self.tail
            } else {
                0.0
            };
            self.keep(line * lines_kept(i, lines.len()) + tail);
            let middle = self.y + line / 2.0;
            let lead = format!("{indent}{}", p.lead);
            match text.strip_prefix(&lead) {
                Some(rest) if i == 0 && !p.lead.is_empty() => {
                    let bold = Type { bold: true, ..ty };
                    self.text(&lead, left, width, middle, bold, TextAlign::Left);
                    let shift = text_width(&lead) * px(ty.size);
                    self.text(
                        rest,
                        left + shift,
                        width - shift,
                        middle,
                        ty,
                        TextAlign::Left,
                    );
                }
                _ => self.text(text, left, width, middle, ty, TextAlign::Left),
            }
            self.y += line;
        }
        self.after(look::PARAGRAPH_AFTER);
    }

    /// The signature lines, on one page with `with` more below them.
    fn signatures(&mut self, lines: &[Vec<Signature>], with: f64, date: Option<&str>) {
        self.keep(signatures_height(lines) + with);
        self.before(look::SIGNATURES_BEFORE);
        let ty = look::BODY;
        let em = px(ty.size);
        let line = px(look::SIGNATURE_LINE);
        for (n, places) in lines.iter().enumerate() {
            let baseline = self.y + line - px(ty.line) / 2.0;
            for (i, place) in places.iter().enumerate() {
                let x = self.left + self.width / 2.0 * i as f64;
                let label = format!("{}：", place.label);
                self.text(&label, x, self.width / 2.0, baseline, ty, TextAlign::Left);
                let from = x + text_width(&label) * em;
                let rule = if place.short {
                    look::DATE_RULE
                } else {
                    look::SIGN_RULE
                } as f64
                    * em;
                let y = baseline + px(ty.size) / 2.0 + 2.0;
                self.rule(from, from + rule, y, 1.5);
            }
            if let Some(date) = date.filter(|_| n + 1 == lines.len()) {
                let (left, width) = (self.left, self.width);
                self.text(date, left, width, baseline, look::SMALL, TextAlign::Right);
            }
            self.y += line;
        }
    }

    fn rule(&mut self, x1: f64, x2: f64, y: f64, width: f64) {
        self.draw(Draw::Line {
            x1,
            y1: y,
            x2,
            y2: y,
            width,
        });
    }

    fn grid(&self, table: &Table) -> Grid {
        let size = px(look::CELL.size);
        let widths: Vec<f64> = table
            .widths(look::table_width_em(self.orientation))
            .into_iter()
            .map(|w| w * size)
            .collect();
        let mut xs = vec![self.left];
        for w in &widths {
            xs.push(xs.last().copied().unwrap_or(self.left) + w);
        }
        let min_row = if table.signing {
            look::SIGNING_ROW * px_per_mm()
        } else {
            0.0
        };
        let head_heights = row_heights(&table.head, &xs, 0.0);
        let body_heights = row_heights(&table.rows, &xs, min_row);
        Grid {
            xs,
            head_heights,
            body_heights,
        }
    }

    fn table(&mut self, table: &Table) {
        let grid = self.grid(table);
        let head_h: f64 = grid.head_heights.iter().sum();
        let body = placed(&table.rows);
        let groups = row_groups(&table.rows);
        let first = groups
            .first()
            .map(|g| grid.body_heights[g.clone()].iter().sum())
            .unwrap_or(0.0);
        self.keep(head_h + first);
        self.table_head(table, &grid);
        let count = groups.len();
        for (g, group) in groups.into_iter().enumerate() {
            let mut height: f64 = grid.body_heights[group.clone()].iter().sum();
            if g + 1 == count {
                height += self.tail;
            }
            if self.y + height > self.bottom + 0.5 && self.y > self.top + head_h + 0.5 {
                self.new_page();
                self.table_head(table, &grid);
            }
            let mut y = self.y;
            for r in group {
                for p in &body[r] {
                    let h: f64 = grid.body_heights
                        [r..(r + p.cell.rows).min(grid.body_heights.len())]
                        .iter()
                        .sum();
                    let align = match table.columns.get(p.col).map(|c| c.align) {
                        Some(Align::Center) => TextAlign::Center,
                        _ => TextAlign::Left,
                    };
                    self.cell(p.cell, &grid.xs, p.col, y, h, align);
                }
                y += grid.body_heights[r];
            }
            self.y = y;
        }
        self.after(look::TABLE_AFTER);
    }

    fn table_head(&mut self, table: &Table, grid: &Grid) {
        let mut y = self.y;
        for (r, row) in placed(&table.head).into_iter().enumerate() {
            for p in row {
                let h: f64 = grid.head_heights[r..(r + p.cell.rows).min(grid.head_heights.len())]
                    .iter()
                    .sum();
                self.cell(p.cell, &grid.xs, p.col, y, h, TextAlign::Center);
            }
            y += grid.head_heights[r];
        }
        self.y = y;
    }

    /// A cell's box, shading, borders and text, the text centred in the
    /// box's height.
    fn cell(&mut self, cell: &Cell, xs: &[f64], col: usize, y: f64, h: f64, align: TextAlign) {
        let last = xs.len() - 1;
        let x1 = xs[col.min(last)];
        let x2 = xs[(col + cell.cols).min(last)];
        if cell.label {
            self.draw(Draw::Shade {
                x: x1,
                y,
                w: x2 - x1,
                h,
            });
        }
        for (a, b, c, d) in [
            (x1, y, x2, y),
            (x1, y + h, x2, y + h),
            (x1, y, x1, y + h),
            (x2, y, x2, y + h),
        ] {
            self.draw(Draw::Line {
                x1: a,
                y1: b,
                x2: c,
                y2: d,
                width: 1.5,
            });
        }
        let ty = cell_type(cell);
        let pad_x = px(look::CELL_PAD_X);
        let inner = x2 - x1 - 2.0 * pad_x;
        let line = px(ty.line);
        if cell.text.is_empty() && cell.blank_lines > 0 {
            let ruled = px(look::RULED_LINE);
            for i in 1..=cell.blank_lines {
                let ry = y + px(look::CELL_PAD_Y) + ruled * i as f64;
                self.rule(x1 + pad_x, x2 - pad_x, ry.min(y + h - 2.0), 1.0);
            }
            return;
        }
        let lines = wrap(&cell.text, inner / px(ty.size));
        let text_h = lines.len() as f64 * line;
        let mut middle = y + (h - text_h) / 2.0 + line / 2.0;
        for text in &lines {
            self.text(text, x1 + pad_x, inner, middle, ty, align);
            middle += line;
        }
    }

    /// The running head and the page numbers, each page placed under the
    /// one before.
    fn finish(self, paper: &Paper) -> Picture {
        let pages = self.pages.len();
        let step = self.page_h + PAGE_GAP;
        let fit = ((MAX_PIXELS / self.page_w - NOTE_HEIGHT + PAGE_GAP) / step).floor() as usize;
        let drawn = pages.min(fit.max(1));
        let mut height = drawn as f64 * step - PAGE_GAP;
        if drawn < pages {
            height += NOTE_HEIGHT;
        }
        let mm = px_per_mm();
        let mut ops = Vec::new();
        for (i, page) in self.pages.into_iter().take(drawn).enumerate() {
            let dy = i as f64 * step;
            ops.push(Draw::Sheet {
                x: 0.0,
                y: dy,
                w: self.page_w,
                h: self.page_h,
            });
            let running = [
                (paper.running_head.clone(), self.page.head),
                (
                    format!("第 {} 页 共 {pages} 页", i + 1),
                    self.page.height - self.page.foot,
                ),
            ];
            for (text, at) in running {
                if !text.is_empty() {
                    ops.push(Draw::Text {
                        text,
                        left: self.left,
                        width: self.width,
                        middle: dy + at * mm,
                        face: look::RUNNING.face,
                        size: px(look::RUNNING.size),
                        bold: false,
                        align: TextAlign::Center,
                    });
                }
            }
            ops.extend(page.into_iter().map(|op| shift(op, dy)));
        }
        if drawn < pages {
            ops.push(Draw::Text {
                text: format!(
                    "图片只显示前 {drawn} 页（共 {pages} 页），完整内容请打印或存为 Word 文档"
                ),
                left: self.left,
                width: self.width,
                middle: height - NOTE_HEIGHT / 2.0,
                face: Face::FangSong,
                size: px(look::BODY.size),
                bold: false,
                align: TextAlign::Center,
            });
        }
        Picture {
            width: self.page_w,
            height,
            ops,
            pages,
            pages_drawn: drawn,
        }
    }
}

struct Grid {
    /// The x of each column's left edge, and of the table's right edge.
    xs: Vec<f64>,
    head_heights: Vec<f64>,
    body_heights: Vec<f64>,
}

/// The line of `n` from which the rest must go on one page.
fn last_chunk(n: usize) -> usize {
    if n <= 3 {
        0
    } else {
        n - 2
    }
}

/// How many lines from line `i` of `n` must go on the page together: a
/// paragraph leaves at least two lines at the foot of a page and takes at
/// least two to the next (the print view's orphans and widows), so one of
/// three lines or fewer never splits.
fn lines_kept(i: usize, n: usize) -> f64 {
    if n <= 3 {
        if i == 0 {
            n as f64
        } else {
            1.0
        }
    } else if i == 0 || i == n - 2 {
        2.0
    } else {
        1.0
    }
}

fn paragraph_type(style: Style) -> Type {
    match style {
        Style::Body | Style::Plain => look::BODY,
        Style::Small => look::SMALL,
    }
}

fn cell_type(cell: &Cell) -> Type {
    Type {
        bold: cell.label,
        ..look::CELL
    }
}

fn signatures_height(lines: &[Vec<Signature>]) -> f64 {
    px(look::SIGNATURES_BEFORE) + lines.len() as f64 * px(look::SIGNATURE_LINE)
}

/// Each row's height: its tallest cell, a cell spanning rows stretching
/// the last of them, and at least `min`.
fn row_heights(rows: &[Vec<Cell>], xs: &[f64], min: f64) -> Vec<f64> {
    let pad_x = px(look::CELL_PAD_X);
    let pad_y = px(look::CELL_PAD_Y);
    let last = xs.len().saturating_sub(1);
    let mut heights = vec![min; rows.len()];
    let mut spanning = Vec::new();
    let need = |cell: &Cell, col: usize| {
        let ty = cell_type(cell);
        let inner = xs[(col + cell.cols).min(last)] - xs[col.min(last)] - 2.0 * pad_x;
        let lines = if cell.text.is_empty() && cell.blank_lines > 0 {
            return cell.blank_lines as f64 * px(look::RULED_LINE) + 2.0 * pad_y + 4.0;
        } else {
            wrap(&cell.text, inner / px(ty.size)).len()
        };
        lines as f64 * px(ty.line) + 2.0 * pad_y + px(look::TABLE_RULE)
    };
    for (r, row) in placed(rows).into_iter().enumerate() {
        for p in row {
            let h = need(p.cell, p.col);
            if p.cell.rows > 1 {
                spanning.push((r, p.cell.rows, h));
            } else {
                heights[r] = heights[r].max(h);
            }
        }
    }
    for (r, n, h) in spanning {
        let end = (r + n).min(rows.len());
        let have: f64 = heights[r..end].iter().sum();
        if have < h {
            heights[end - 1] += h - have;
        }
    }
    heights
}

/// Rows that a row span ties together, each group kept on one page.
fn row_groups(rows: &[Vec<Cell>]) -> Vec<std::ops::Range<usize>> {
    let mut groups = Vec::new();
    let mut start = 0;
    let mut reach = 0;
    for (r, row) in rows.iter().enumerate() {
        for cell in row {
            reach = reach.max(r + cell.rows.max(1));
        }
        if reach <= r + 1 {
            groups.push(start..r + 1);
            start = r + 1;
        }
    }
    if start < rows.len() {
        groups.push(start..rows.len());
    }
    groups
}

fn shift(op: Draw, dy: f64) -> Draw {
    match op {
        Draw::Sheet { x, y, w, h } => Draw::Sheet { x, y: y + dy, w, h },
        Draw::Shade { x, y, w, h } => Draw::Shade { x, y: y + dy, w, h },
        Draw::Line {
            x1,
            y1,
            x2,
            y2,
            width,
        } => Draw::Line {
            x1,
            y1: y1 + dy,
            x2,
            y2: y2 + dy,
            width,
        },
        Draw::Text {
            text,
            left,
            width,
            middle,
            face,
            size,
            bold,
            align,
        } => Draw::Text {
            text,
            left,
            width,
            middle: middle + dy,
            face,
            size,
            bold,
            align,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::paper::Orientation;

    /// The page each text is drawn on, by its first characters.
    fn page_of(picture: &Picture, starts: &str) -> usize {
        let mut page = 0;
        for op in &picture.ops {
            match op {
                Draw::Sheet { .. } => page += 1,
                Draw::Text { text, .. } if text.trim_start().starts_with(starts) => return page,
                _ => {}
            }
        }
        panic!("{starts} is not drawn")
    }

    /// A portrait paper whose first page is filled by `ruled` lines.
    fn filled(ruled: usize) -> Paper {
        let mut paper = Paper {
            title: "记录".into(),
            ..Paper::default()
        };
        paper.blocks.push(Block::Writing(ruled));
        paper
    }

    #[test]
    fn a_heading_never_ends_a_page() {
        // Find the filling that leaves room for the heading alone.
        for ruled in 40..56 {
            let mut paper = filled(ruled);
            paper.heading("主要内容");
            paper.paragraph(Style::Body, "会议内容");
            let picture = picture(&paper);
            assert_eq!(
                page_of(&picture, "主要内容"),
                page_of(&picture, "会议内容"),
                "{ruled}"
            );
        }
    }

    #[test]
    fn a_heading_goes_to_the_next_page_with_the_two_lines_its_paragraph_keeps_together() {
        let two_lines =
            "书记王建国领学全会公报，围绕如何把全会精神落实到本职工作开展讨论。".repeat(2);
        for ruled in 40..56 {
            let mut paper = filled(ruled);
            paper.heading("主要内容");
            paper.paragraph(Style::Body, two_lines.clone());
            let picture = picture(&paper);
            assert_eq!(
                page_of(&picture, "主要内容"),
                page_of(&picture, "书记王建国"),
                "{ruled}"
            );
        }
    }

    #[test]
    fn a_paragraph_leaves_two_lines_on_a_page_and_takes_two_to_the_next() {
        let text = "一".repeat(150);
        for ruled in 40..56 {
            let mut paper = filled(ruled);
            paper.paragraph(Style::Plain, text.clone());
            let picture = picture(&paper);
            let mut per_page = vec![0; picture.pages + 1];
            let mut page = 0;
            for op in &picture.ops {
                match op {
                    Draw::Sheet { .. } => page += 1,
                    Draw::Text { text, .. } if text.starts_with('一') => per_page[page] += 1,
                    _ => {}
                }
            }
            let used: Vec<usize> = per_page.into_iter().filter(|n| *n > 0).collect();
            assert!(
                used.iter().all(|n| *n >= 2),
                "{ruled}: lines per page {used:?}"
            );
        }
    }

    #[test]
    fn signatures_never_stand_alone_on_a_page() {
        for ruled in 40..60 {
            let mut paper = filled(ruled);
            paper.paragraph(Style::Plain, "备注");
            paper.signatures(&["主持人（签字）", "记录人（签字）"], true);
            let picture = picture(&paper);
            assert_eq!(
                page_of(&picture, "备注"),
                page_of(&picture, "主持人（签字）"),
                "{ruled}"
            );
        }
    }

    #[test]
    fn the_print_date_ends_the_signatures_last_line_on_their_page() {
        for ruled in 40..60 {
            let mut paper = filled(ruled);
            paper.paragraph(Style::Plain, "备注");
            paper.signatures(&["主持人（签字）", "记录人（签字）"], true);
            paper.printed = "打印日期：2026年12月1日".into();
            let picture = picture(&paper);
            let page = page_of(&picture, "主持人（签字）");
            assert_eq!(page_of(&picture, "打印日期"), page, "{ruled}");
            let middle = |starts: &str| {
                picture.ops.iter().find_map(|op| match op {
                    Draw::Text { text, middle, .. } if text.starts_with(starts) => Some(*middle),
                    _ => None,
                })
            };
            assert_eq!(middle("打印日期"), middle("日期："), "on the 日期 line");
            let dates = picture
                .ops
                .iter()
                .filter(|op| matches!(op, Draw::Text { text, .. } if text.starts_with("打印日期")));
            assert_eq!(dates.count(), 1, "drawn once: {ruled}");
            assert_eq!(picture.pages, page, "no page after the signatures: {ruled}");
        }
    }

    #[test]
    fn a_landscape_picture_is_the_landscape_page() {
        let mut paper = filled(1);
        paper.orientation = Orientation::Landscape;
        let picture = picture(&paper);
        assert_eq!((picture.width, picture.height), (1754.0, 1240.0));
        let mut portrait = filled(1);
        portrait.orientation = Orientation::Portrait;
        let picture = super::picture(&portrait);
        assert_eq!((picture.width, picture.height), (1240.0, 1754.0));
    }

    #[test]
    fn a_picture_too_tall_for_a_phone_keeps_its_first_pages_and_says_so() {
        let picture = picture(&filled(60 * 12));
        assert!(picture.pages > picture.pages_drawn);
        assert!(picture.width * picture.height <= MAX_PIXELS);
        assert!(picture.ops.iter().any(|op| matches!(
            op,
            Draw::Text { text, .. } if text.contains("完整内容请打印或存为 Word 文档")
        )));
    }
}
