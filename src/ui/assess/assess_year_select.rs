//! 年度 of the forms on the 评议 tab: this year and the four before it.

use leptos::prelude::*;

use crate::browser::clock;

#[component]
pub(super) fn AssessYearSelect(year: RwSignal<i32>) -> impl IntoView {
    let this_year = chrono::Datelike::year(&clock::today());
    view! {
        <label class="field">
            <span>"年度"</span>
            <select
                name="year"
                on:change=move |ev| {
                    if let Ok(y) = event_target_value(&ev).parse() {
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
            </select>
        </label>
    }
}
