//! 年度 of the forms on the 评议 tab: this year and the four before it.

use leptos::prelude::*;

use crate::browser::clock;
use crate::ui::widgets::SelectField;

#[component]
pub(super) fn AssessYearSelect(year: RwSignal<i32>) -> impl IntoView {
    let this_year = chrono::Datelike::year(&clock::today());
    view! {
        <SelectField
            label="年度"
            name="year"
            on_change=move |picked: String| {
                if let Ok(y) = picked.parse() {
                    year.set(y)
                }
            }
        >
            {(this_year - 4..=this_year)
                .rev()
                .map(|y| {
                    view! {
                        <option value=y.to_string() selected=move || year.get() == y>
                            {format!("{y} 年度")}
                        </option>
                    }
                })
                .collect_view()}
        </SelectField>
    }
}
