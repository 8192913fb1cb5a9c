//! Reads a print view's sheet (`article.paper`) back into plain text blocks
//! (`format::paper`), so the Word file and the picture of a record carry
//! exactly what the A4 page shows, for every kind of record at once.

use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::format::paper::{Block, Cell, PaperText, Table};

/// The sheet on screen, if a print view is open.
pub fn current_paper() -> Option<PaperText> {
    let article = web_sys::window()?
        .document()?
        .query_selector("article.paper")
        .ok()??;
    let mut paper = PaperText::default();
    read_children(&article, &mut paper);
    Some(paper)
}

fn text(element: &Element) -> String {
    element
        .text_content()
        .unwrap_or_default()
        .trim()
        .to_string()
}

fn read_children(parent: &Element, paper: &mut PaperText) {
    let children = parent.children();
    for i in 0..children.length() {
        if let Some(child) = children.item(i) {
            read(&child, paper);
        }
    }
}

fn read(element: &Element, paper: &mut PaperText) {
    let class = element.class_name();
    let has = |name: &str| class.split_whitespace().any(|c| c == name);
    match element.tag_name().to_ascii_lowercase().as_str() {
        _ if has("paper-org") => paper.org = text(element),
        _ if has("paper-printed") => paper.footer = text(element),
        // Lines left blank for handwriting say nothing in a file.
        _ if has("ruled-lines") => {}
        "h1" if paper.title.is_empty() => paper.title = text(element),
        "h1" | "h2" | "h3" | "h4" => push_text(paper, Block::Heading(text(element))),
        "table" => paper.blocks.push(Block::Table(read_table(element))),
        "ul" | "ol" => {
            let numbered = element.tag_name().eq_ignore_ascii_case("ol");
            let items = element.children();
            for i in 0..items.length() {
                if let Some(item) = items.item(i) {
                    let line = if numbered {
                        format!("{}. {}", i + 1, text(&item))
                    } else {
                        format!("· {}", text(&item))
                    };
                    push_text(paper, Block::Paragraph(line));
                }
            }
        }
        "p" | "li" => push_text(paper, Block::Paragraph(text(element))),
        _ if element.children().length() == 0 => push_text(paper, Block::Paragraph(text(element))),
        _ => read_children(element, paper),
    }
}

fn push_text(paper: &mut PaperText, block: Block) {
    let empty = matches!(&block, Block::Heading(t) | Block::Paragraph(t) if t.is_empty());
    if !empty {
        paper.blocks.push(block);
    }
}

fn read_table(table: &Element) -> Table {
    let mut out = Table::default();
    let Ok(rows) = table.query_selector_all("tr") else {
        return out;
    };
    for i in 0..rows.length() {
        let Some(row) = rows.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let in_head = row
            .parent_element()
            .is_some_and(|p| p.tag_name().eq_ignore_ascii_case("thead"));
        if in_head {
            out.header_rows += 1;
        }
        let cells = row.children();
        let mut line = Vec::new();
        for j in 0..cells.length() {
            if let Some(cell) = cells.item(j) {
                line.push(Cell {
                    text: text(&cell),
                    header: cell.tag_name().eq_ignore_ascii_case("th"),
                    span: cell
                        .get_attribute("colspan")
                        .and_then(|s| s.parse().ok())
                        .unwrap_or(1),
                });
            }
        }
        out.rows.push(line);
    }
    out
}
