//! 所属年度 of a yearly meeting: the year it is held or the one before (a
//! 组织生活会 early in the year is often the last year's).

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::browser::clock;
use crate::domain::rules::recording::default_year_for;
use crate::ui::widgets::SelectField;

#[component]
pub(super) fn ForYearSelect(
    date: RwSignal<Option<NaiveDate>>,
    /// The year chosen; none while the date's usual year stands.
    for_year: RwSignal<Option<i32>>,
) -> impl IntoView {
    view! {
        <SelectField
            label="所属年度"
            name="for-year"
            on_change=move |v: String| for_year.set(v.parse().ok())
        >
            {move || {
                let on = date.get().unwrap_or_else(clock::today);
                let chosen = for_year.get().unwrap_or_else(|| default_year_for(on));
                let held = chrono::Datelike::year(&on);
                [held - 1, held]
                    .map(|y| {
                        view! {
                            <option value=y.to_string() selected=y == chosen>
                                {format!("{y}年度")}
                            </option>
                        }
                    })
            }}
        </SelectField>
    }
}
