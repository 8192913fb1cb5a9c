//! The overview: a row per branch, a column per requirement, each cell
//! 已完成 / 待完成 / 逾期 / 未报; the year or one month; by name or the
//! furthest behind first; one 党总支's branches. A branch's name opens its
//! figures. The CSV and the printed 汇总表 from here.

use leptos::prelude::*;

use leptos::task::spawn_local;

use super::overview_exports::OverviewExports;
use super::overview_filters::OverviewFilters;
use super::{Committee, ItemHeads};
use crate::browser::clock;
use crate::browser::page_events::after_next_paint;
use crate::domain::report::overview::{overview, Cell, Order, Row, Span};

/// Rows drawn in the frame a year is first shown: more than a phone's
/// first screen holds, and a desktop's. The rest of a year's fifty
/// branches follow once that frame is painted, so the year is on screen
/// without waiting for rows below it.
const FIRST_ROWS: usize = 15;

/// A row's height in the table (14 px text, 6 px padding, the border).
const ROW_PX: usize = 35;

#[component]
pub(super) fn OverviewCard(
    committee: Committee,
    year: RwSignal<i32>,
    span: RwSignal<Span>,
    chosen: RwSignal<Option<String>>,
) -> impl IntoView {
    let today = clock::today();
    let order = RwSignal::new(Order::Name);
    let parent = RwSignal::new(String::new());
    let parent_choice = move || Some(parent.get()).filter(|p| !p.is_empty());
    let rows = Memo::new(move |_| {
        let parent = parent_choice();
        committee.collection.with(|c| {
            overview(
                c,
                year.get(),
                span.get(),
                today,
                order.get(),
                parent.as_deref(),
            )
            .iter()
            .map(ShownRow::of)
            .collect::<Vec<_>>()
        })
    });
    // The year whose rows are all drawn; until then, the first rows. The
    // rest are added in the frame after the first screen is shown, so that
    // frame is never held up by rows below it, and a tap in between is
    // answered first.
    let all_rows_of = RwSignal::new(None::<i32>);
    Effect::new(move |_| {
        let shown = year.get();
        let more = rows.with(|r| r.len() > FIRST_ROWS);
        if more && all_rows_of.get_untracked() != Some(shown) {
            spawn_local(async move {
                after_next_paint().await;
                after_next_paint().await;
                all_rows_of.set(Some(shown));
            });
        }
    });
    view! {
        <section class="card committee-overview" data-testid="committee-overview">
            <h2 class="card-title">"落实情况总览"</h2>
            <OverviewFilters committee=committee year=year span=span order=order parent=parent />
            // Wider than a phone: the table scrolls in its own region, which
            // a keyboard can reach; the page itself never scrolls sideways.
            <div
                class="table-scroll"
                role="region"
                aria-label="各党支部落实情况表，可左右滑动"
                tabindex="0"
                // Below a phone's first screen the table is neither laid out
                // nor drawn until scrolled near (its rows are in the page all
                // along: found, read aloud). Set here, not in the stylesheet
                // the welcome screen inlines. Its height until then: the
                // header and every row, so the page's length does not jump.
                style:content-visibility="auto"
                style:contain-intrinsic-size=move || {
                    format!("auto {}px", ROW_PX * (1 + rows.with(Vec::len)))
                }
            >
                <table class="overview-table">
                    <thead>
                        <tr>
                            <th scope="col">"党支部"</th>
                            <ItemHeads />
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            rows.with(|r| shown_rows(&r[..r.len().min(FIRST_ROWS)], chosen))
                        }}
                        {move || {
                            (all_rows_of.get() == Some(year.get()))
                                .then(|| {
                                    rows.with(|r| {
                                        shown_rows(r.get(FIRST_ROWS..).unwrap_or_default(), chosen)
                                    })
                                })
                        }}
                    </tbody>
                </table>
            </div>
            <OverviewExports committee=committee year=year span=span order=order />
        </section>
    }
}

/// What a row of the table shows, owned, so the rows are worked out once
/// for the first screen and the rest.
#[derive(Clone, PartialEq)]
struct ShownRow {
    name: String,
    branch_id: Option<String>,
    cells: Vec<Cell>,
    study: String,
    dues: String,
}

impl ShownRow {
    fn of(row: &Row<'_>) -> ShownRow {
        ShownRow {
            name: row.name.clone(),
            branch_id: row.branch_id.clone(),
            cells: row.cells.clone(),
            study: row.study_text(),
            dues: row.dues_text(),
        }
    }
}

/// The table's rows for `rows`; a branch's name opens its figures.
fn shown_rows(rows: &[ShownRow], chosen: RwSignal<Option<String>>) -> impl IntoView {
    rows.iter()
        .map(|row| {
            let name = row.name.clone();
            let head = match row.branch_id.clone() {
                Some(id) => view! {
                    <button
                        class="link-button"
                        type="button"
                        on:click=move |_| chosen.set(Some(id.clone()))
                    >
                        {name}
                    </button>
                }
                .into_any(),
                None => view! { <span>{name}</span> }.into_any(),
            };
            view! {
                <tr>
                    <th scope="row">{head}</th>
                    {row
                        .cells
                        .iter()
                        .map(|cell| {
                            view! {
                                <td class=format!("mark-{}", cell.mark.class())>{cell.text()}</td>
                            }
                        })
                        .collect_view()}
                    <td>{row.study.clone()}</td>
                    <td>{row.dues.clone()}</td>
                </tr>
            }
        })
        .collect_view()
}
