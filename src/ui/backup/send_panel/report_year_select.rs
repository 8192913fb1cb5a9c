//! 报送年度: this year or the last, for the 报上级 figures.

use leptos::prelude::*;

use super::Outgoing;
use crate::ui::widgets::SelectField;

#[component]
pub(super) fn ReportYearSelect(
    what: RwSignal<Outgoing>,
    report_year: RwSignal<i32>,
) -> impl IntoView {
    let this_year = chrono::Datelike::year(&crate::browser::clock::today());
    view! {
        <SelectField
            label="报送年度"
            name="report-year"
            on_change=move |picked: String| {
                if let Ok(year) = picked.parse::<i32>() {
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
        </SelectField>
    }
}
