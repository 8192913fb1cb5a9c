//! The days an 积极分子 or 发展对象 handed in a 思想汇报 and the days the
//! 支部 reviewed them (考察, every half year: 细则第十一条), entered on the
//! path page; what is due next follows from the latest.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::edit_path;
use crate::domain::development::path::{add_day, Applicant};
use crate::domain::limits;
use crate::domain::time::{format_chinese_date, format_short_date};
use crate::ui::state::use_app;
use crate::ui::widgets::DateBox;

#[component]
pub fn ReportsAndReviews(
    id: String,
    #[prop(into)] reports: Signal<Vec<NaiveDate>>,
    #[prop(into)] reviews: Signal<Vec<NaiveDate>>,
) -> impl IntoView {
    view! {
        <section class="card form" data-testid="path-dates">
            <h2 class="card-title">"思想汇报与考察"</h2>
            <DayList
                id=id.clone()
                label="思想汇报（递交日期）"
                name="report"
                days=reports
                list=|a| &mut a.reports
            />
            <DayList
                id=id
                label="党支部考察（每半年一次，《细则》第十一条）"
                name="review"
                days=reviews
                list=|a| &mut a.reviews
            />
        </section>
    }
}

/// One list of days: each as a chip that can be taken back, and a day to add.
#[component]
fn DayList(
    id: String,
    label: &'static str,
    name: &'static str,
    days: Signal<Vec<NaiveDate>>,
    list: fn(&mut Applicant) -> &mut Vec<NaiveDate>,
) -> impl IntoView {
    let state = use_app();
    let typed = RwSignal::new(None::<NaiveDate>);
    let full = move || days.with(|d| d.len() >= limits::FUSION_ITEMS);
    let add_id = id.clone();
    let add = move |_| {
        if let Some(day) = typed.get_untracked() {
            edit_path(state, &add_id, move |a| add_day(list(a), day));
            typed.set(None);
        }
    };
    view! {
        <div class="path-days">
            <h3 class="sub-title">{label}</h3>
            <Show when=move || days.with(Vec::is_empty)>
                <p class="muted small">"尚未记录。"</p>
            </Show>
            <ul class="chips" data-testid=format!("{name}-days")>
                // The latest first: what is due next counts from it.
                <For
                    each=move || {
                        let mut latest_first = days.get();
                        latest_first.sort_by(|a, b| b.cmp(a));
                        latest_first
                    }
                    key=|d| *d
                    let:day
                >
                    {
                        let id = id.clone();
                        view! {
                            <li class="chip">
                                {format_short_date(day)}
                                <button
                                    class="chip-remove"
                                    type="button"
                                    aria-label=format!("删除{}", format_chinese_date(day))
                                    on:click=move |_| {
                                        edit_path(
                                            state,
                                            &id,
                                            move |a| list(a).retain(|d| *d != day),
                                        );
                                    }
                                >
                                    "×"
                                </button>
                            </li>
                        }
                    }
                </For>
            </ul>
            <div class="inline-add">
                <DateBox
                    name=format!("new-{name}")
                    aria_label=format!("{label}：新增日期")
                    value=typed
                    on_change=move |d| typed.set(d)
                />
                <button
                    class="button small"
                    type="button"
                    disabled=move || typed.with(Option::is_none) || full()
                    on:click=add
                >
                    "记录"
                </button>
            </div>
        </div>
    }
}
