//! What the overview shows: the year or one month, by name or the furthest
//! behind first, and (when there are several) one 党总支's branches.

use leptos::prelude::*;

use super::Committee;
use crate::browser::clock;
use crate::domain::report::overview::{parents, spans, Order, Span};

#[component]
pub(super) fn OverviewFilters(
    committee: Committee,
    year: RwSignal<i32>,
    span: RwSignal<Span>,
    order: RwSignal<Order>,
    /// The 党总支 chosen; empty for all.
    parent: RwSignal<String>,
) -> impl IntoView {
    let today = clock::today();
    view! {
        <div class="row">
            <select
                name="overview-span"
                aria-label="期间"
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    span.set(value.parse().map(Span::Month).unwrap_or(Span::Year));
                }
            >
                {move || {
                    spans(year.get(), today)
                        .into_iter()
                        .map(|s| {
                            let value = match s {
                                Span::Year => String::new(),
                                Span::Month(m) => m.to_string(),
                            };
                            view! {
                                <option value=value selected=move || span.get() == s>
                                    {s.label()}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
            <select
                name="overview-order"
                aria-label="排序"
                on:change=move |ev| {
                    order
                        .set(
                            if event_target_value(&ev) == "behind" {
                                Order::Behind
                            } else {
                                Order::Name
                            },
                        )
                }
            >
                <option value="name">"按名称"</option>
                <option value="behind">"未报、逾期多的在前"</option>
            </select>
            {move || {
                let options = committee.collection.with(|c| parents(c, year.get()));
                (options.len() > 1)
                    .then(|| {
                        view! {
                            <select
                                name="overview-parent"
                                aria-label="党总支"
                                on:change=move |ev| parent.set(event_target_value(&ev))
                            >
                                <option value="">"全部党总支"</option>
                                {options
                                    .into_iter()
                                    .map(|p| {
                                        view! { <option value=p.clone()>{p.clone()}</option> }
                                    })
                                    .collect_view()}
                            </select>
                        }
                    })
            }}
        </div>
    }
}
