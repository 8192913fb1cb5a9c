//! The six steps of one 换届, each with the day it was done: typed, or read
//! from the meetings' records.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::handover::{checklist, Step};
use crate::domain::time::format_chinese_date;
use crate::ui::handles::HandoverHandle;
use crate::ui::state::use_app;
use crate::ui::widgets::DateBox;

/// The six steps of one 换届, each with its day.
#[component]
pub fn StepList(id: String) -> impl IntoView {
    let state = use_app();
    let handover = HandoverHandle::new(state, Signal::stored(id));
    let lines = move || {
        state
            .doc
            .with(|d| handover.with(|h| checklist(d, h)))
            .unwrap_or_default()
    };
    let set = move |step: Step, on: Option<NaiveDate>| handover.edit(move |h| h.set(step, on));
    view! {
        <ol class="handover-steps">
            {move || {
                lines()
                    .into_iter()
                    .map(|line| {
                        let step = line.step;
                        view! {
                            <li class="handover-step" class:done=line.done_on.is_some()>
                                <span>{step.label()}</span>
                                {if line.from_records {
                                    view! {
                                        <span class="muted small">
                                            {format!(
                                                "{}（据会议记录）",
                                                line.done_on.map(format_chinese_date).unwrap_or_default(),
                                            )}
                                        </span>
                                    }
                                        .into_any()
                                } else {
                                    view! {
                                        <DateBox
                                            name=format!("step-{}", step.short())
                                            aria_label=format!("{}完成日期", step.short())
                                            value=line.done_on
                                            on_change=move |on| set(step, on)
                                        />
                                    }
                                        .into_any()
                                }}
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ol>
    }
}
