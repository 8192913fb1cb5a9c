//! 报送年度: this year or the last, for the 报上级 figures.

use leptos::prelude::*;

use super::Outgoing;

#[component]
pub(super) fn ReportYearSelect(
    what: RwSignal<Outgoing>,
    report_year: RwSignal<i32>,
) -> impl IntoView {
    let this_year = chrono::Datelike::year(&crate::browser::clock::today());
    view! {
        <label class="field">
            <span>"报送年度"</span>
            <select
                name="report-year"
                on:change=move |ev| {
                    if let Ok(year) = event_target_value(&ev).parse::<i32>() {
                        report_year.set(year);
                        what.set(Outgoing::Report(year));
                    }
                }
            >
                {[this_year, this_year - 1]
                    .into_iter()
                    .map(|y| {
                        view! {
                            <option value=y.to_string() selected=move || report_year.get() == y>
                                {format!("{y}年度")}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
