//! Any printout (`format::paper::Paper`) as an A4 sheet in the page: the
//! print view of every record. Every text is a text node; nothing is read
//! back out of it (the Word file and the picture are made from the same
//! model).

use leptos::prelude::*;

use crate::format::paper::look::table_width_em;
use crate::format::paper::{
    placed, Align, Block, Cell, Orientation, Paper, Paragraph, Placed, Signature, Style, Table,
};

#[component]
pub fn PaperSheet(paper: Paper) -> impl IntoView {
    let landscape = paper.orientation == Orientation::Landscape;
    // A landscape ledger on a phone reads as label–value lines, unless the
    // sheet is shown as its whole page.
    let reflow = landscape && !paper.whole_page;
    let subtitle = (!paper.subtitle.is_empty())
        .then(|| view! { <p class="paper-subtitle">{paper.subtitle.clone()}</p> });
    let orientation = paper.orientation;
    let beside = paper.printed_beside_signatures();
    let count = paper.blocks.len();
    let printed = paper.printed;
    let under = (!beside).then(|| view! { <p class="paper-printed">{printed.clone()}</p> });
    view! {
        <article class="paper" class:whole-page=paper.whole_page class:landscape=landscape>
            <header class="paper-head">
                <p class="paper-org">{paper.org}</p>
                <h1 class="paper-title">{paper.title}</h1>
                {subtitle}
            </header>
            {paper
                .blocks
                .into_iter()
                .enumerate()
                .map(|(i, block)| {
                    let printed = (beside && i + 1 == count).then(|| printed.clone());
                    view! {
                        <PaperBlock
                            block=block
                            orientation=orientation
                            reflow=reflow
                            printed=printed
                        />
                    }
                })
                .collect_view()}
            {under}
        </article>
    }
}

#[component]
fn PaperBlock(
    block: Block,
    orientation: Orientation,
    reflow: bool,
    /// The print date, on the closing signatures' last line.
    printed: Option<String>,
) -> impl IntoView {
    match block {
        Block::Heading(text) => view! { <h2 class="paper-heading">{text}</h2> }.into_any(),
        Block::Paragraph(p) => view! { <PaperParagraph p=p /> }.into_any(),
        Block::List { numbered, items } => {
            let items = items
                .into_iter()
                .map(|i| view! { <li>{i}</li> })
                .collect_view();
            if numbered {
                view! { <ol class="paper-list">{items}</ol> }.into_any()
            } else {
                view! { <ul class="paper-list">{items}</ul> }.into_any()
            }
        }
        Block::Table(table) => {
            view! { <PaperTable table=table orientation=orientation reflow=reflow /> }.into_any()
        }
        Block::Writing(count) => view! { <RuledLines count=count /> }.into_any(),
        Block::Signatures(lines) => view! { <Signatures lines=lines printed=printed /> }.into_any(),
        Block::PageBreak => view! { <div class="page-break"></div> }.into_any(),
    }
}

#[component]
fn PaperParagraph(p: Paragraph) -> impl IntoView {
    let class = match p.style {
        Style::Body => "body",
        Style::Plain => "plain",
        Style::Small => "small-print",
    };
    let lead = (!p.lead.is_empty()).then(|| view! { <strong>{p.lead}</strong> });
    view! { <p class=class>{lead}{p.text}</p> }
}

/// Ruled lines left for handwriting.
#[component]
fn RuledLines(count: usize) -> impl IntoView {
    view! {
        <div class="ruled-lines" aria-label="留空供手写">
            {(0..count).map(|_| view! { <span class="ruled-line"></span> }).collect_view()}
        </div>
    }
}

/// The lines people sign on; `printed` at the right of the last, inside
/// the block no page breaks. Its look is set here rather than in the
/// stylesheet every first load carries.
#[component]
fn Signatures(lines: Vec<Vec<Signature>>, printed: Option<String>) -> impl IntoView {
    let last = lines.len().saturating_sub(1);
    let mut printed = printed;
    view! {
        <div class="signatures">
            {lines
                .into_iter()
                .enumerate()
                .map(|(i, places)| {
                    let date = if i == last { printed.take() } else { None };
                    view! {
                        <p class="signature-line">
                            {places
                                .into_iter()
                                .map(|s| {
                                    view! {
                                        <span class="signature">
                                            {format!("{}：", s.label)}
                                            <span class="sign-line" class:short=s.short></span>
                                        </span>
                                    }
                                })
                                .collect_view()}
                            {date
                                .map(|date| {
                                    view! {
                                        <span
                                            class="paper-printed"
                                            style:margin-left="auto"
                                            style:white-space="nowrap"
                                            style:font-size="calc(10.5 * var(--pt))"
                                            style:line-height="calc(16 * var(--pt))"
                                            style:color="#333"
                                        >
                                            {date}
                                        </span>
                                    }
                                })}
                        </p>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// `rows` as table rows, each cell where `placed` puts it, drawn by `cell`.
fn table_rows<V: IntoView>(rows: &[Vec<Cell>], cell: impl Fn(Placed) -> V) -> impl IntoView {
    placed(rows)
        .into_iter()
        .map(|row| view! { <tr>{row.into_iter().map(&cell).collect_view()}</tr> })
        .collect_view()
}

/// A table with its header rows, merged cells and the column widths the
/// Word file and the picture use.
#[component]
fn PaperTable(table: Table, orientation: Orientation, reflow: bool) -> impl IntoView {
    let widths = table.widths(table_width_em(orientation));
    let total: f64 = widths.iter().sum::<f64>().max(1.0);
    let labels = table.column_labels();
    let form = table.is_form();
    let aligns: Vec<Align> = table.columns.iter().map(|c| c.align).collect();
    let head = table_rows(&table.head, |p| view! { <HeadCell cell=p.cell.clone() /> });
    let body = table_rows(&table.rows, |p| {
        let label = labels.get(p.col).cloned().unwrap_or_default();
        let center = aligns.get(p.col) == Some(&Align::Center);
        view! { <BodyCell cell=p.cell.clone() label=label center=center /> }
    });
    view! {
        <table
            class="paper-table"
            class:form-table=form
            class:grid-table=!form
            class:signing=table.signing
            class:ledger=reflow && !form
        >
            <colgroup>
                {widths
                    .into_iter()
                    .map(|w| view! { <col style:width=format!("{:.2}%", w * 100.0 / total) /> })
                    .collect_view()}
            </colgroup>
            {(!form).then(|| view! { <thead>{head}</thead> })}
            <tbody>{body}</tbody>
        </table>
    }
}

#[component]
fn HeadCell(cell: Cell) -> impl IntoView {
    view! {
        <th scope="col" colspan=cell.cols.to_string() rowspan=cell.rows.to_string()>
            {cell.text}
        </th>
    }
}

#[component]
fn BodyCell(cell: Cell, label: String, center: bool) -> impl IntoView {
    let (cols, rows) = (cell.cols.to_string(), cell.rows.to_string());
    if cell.label {
        return view! {
            <th scope="row" colspan=cols rowspan=rows>
                {cell.text}
            </th>
        }
        .into_any();
    }
    let content = if cell.text.is_empty() && cell.blank_lines > 0 {
        view! { <RuledLines count=cell.blank_lines /> }.into_any()
    } else {
        cell.text
            .split('\n')
            .map(|line| view! { <span class="cell-line">{line.to_string()}</span> })
            .collect_view()
            .into_any()
    };
    view! {
        <td colspan=cols rowspan=rows data-label=label class:center=center>
            {content}
        </td>
    }
    .into_any()
}
