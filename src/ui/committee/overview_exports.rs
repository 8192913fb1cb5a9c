//! What the overview gives out: its CSV (all 党总支's branches, in the
//! order shown) and the four printouts of the year.

use leptos::prelude::*;

use super::Committee;
use crate::browser::clock;
use crate::domain::report::overview::{csv, overview, Order, Span};
use crate::ui::file_offer::{FileOffer, OfferedFile};
use crate::ui::link::A;

#[component]
pub(super) fn OverviewExports(
    committee: Committee,
    year: RwSignal<i32>,
    span: RwSignal<Span>,
    order: RwSignal<Order>,
) -> impl IntoView {
    let today = clock::today();
    let csv_file = move |()| {
        let (y, s) = (year.get_untracked(), span.get_untracked());
        let text = committee.collection.with_untracked(|c| {
            let rows = overview(c, y, s, today, order.get_untracked(), None);
            csv(&rows, y, s)
        });
        Some(OfferedFile {
            name: format!("各党支部组织生活落实情况-{y}年{}.csv", s.label()),
            text,
            mime: "text/csv",
        })
    };
    view! {
        <div class="row">
            <FileOffer label="导出 CSV" make=csv_file />
            <A href=move || format!("/committee/print/summary/{}", year.get()) attr:class="button">
                "打印汇总表"
            </A>
            <A href=move || format!("/committee/print/grades/{}", year.get()) attr:class="button">
                "民主评议结果汇总"
            </A>
            <A href=move || format!("/committee/print/dues/{}", year.get()) attr:class="button">
                "党费收缴汇总"
            </A>
            <A
                href=move || format!("/committee/print/appraisal/{}", year.get())
                attr:class="button"
            >
                "述职评议表"
            </A>
        </div>
    }
}
