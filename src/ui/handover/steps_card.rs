//! 换届步骤: 请示 → 批复 → 候选人 → 选举大会 → 支委会分工 → 报批. The
//! election, the 分工 and the report are read from the meetings' records;
//! the rest are ticked with their day.

use leptos::prelude::*;

use super::step_list::StepList;
use crate::browser::clock;
use crate::domain::handover::{under_way, Handover};
use crate::domain::time::format_chinese_date;
use crate::ui::state::use_app;

#[component]
pub fn StepsCard() -> impl IntoView {
    let state = use_app();
    let current = move || state.doc.with(|d| under_way(d).cloned());
    let done_before = move || {
        state.doc.with(|d| {
            let open = under_way(d).map(|h| h.id.clone());
            d.handovers
                .iter()
                .filter(|h| Some(&h.id) != open.as_ref())
                .map(|h| format!("{}开始的换届工作已完成", format_chinese_date(h.started_on)))
                .collect::<Vec<_>>()
        })
    };
    let start = move |_| state.add_handover(Handover::new(clock::new_id("h"), clock::today()));
    view! {
        <section class="card form" data-testid="handover-steps">
            <h2 class="card-title">"换届步骤"</h2>
            {move || match current() {
                Some(h) => view! { <StepList id=h.id /> }.into_any(),
                None => {
                    view! {
                        <p class="muted small">
                            "任期届满前，向上级党组织报送换届请示时开始登记。"
                        </p>
                        <button class="button" type="button" on:click=start>
                            "开始换届工作"
                        </button>
                    }
                        .into_any()
                }
            }}
            {move || {
                done_before()
                    .into_iter()
                    .map(|line| view! { <p class="muted small">{line}</p> })
                    .collect_view()
            }}
        </section>
    }
}
