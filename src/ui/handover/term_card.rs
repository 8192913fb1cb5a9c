//! 任期: how long a term lasts here (3 years, 5 for 村、社区), the day the
//! committee in office was elected, and the reminder from six months before
//! it ends.

use leptos::prelude::*;

use crate::browser::clock;
use crate::domain::handover::{current_term, term_notice};
use crate::ui::state::use_app;
use crate::ui::widgets::{DateInput, Segmented};

#[component]
pub fn TermCard() -> impl IntoView {
    let state = use_app();
    let years = Signal::derive(move || state.doc.with(|d| d.branch.rules.committee_term_years));
    let elected_on = move || state.doc.with(|d| d.branch.committee_elected_on);
    let term = move || state.doc.with(|d| current_term(d).map(|t| t.sentence()));
    let notice = move || {
        state
            .doc
            .with(|d| term_notice(d, clock::today()).map(|n| n.advice()))
    };
    view! {
        <section class="card form">
            <h2 class="card-title">"任期"</h2>
            <Segmented
                name="term-years"
                label="每届任期"
                options=vec![(3u8, "3 年"), (5u8, "5 年（村、社区）")]
                value=years
                on_change=Callback::new(move |y: u8| {
                    state.edit_branch(move |b| b.rules.committee_term_years = y)
                })
            />
            <small class="muted">
                "《中国共产党支部工作条例（试行）》：村、社区党支部委员会每届任期5年，其他基层单位党支部委员会一般每届任期3年。"
            </small>
            <DateInput
                label="本届支部委员会选举日期"
                name="committee-elected-on"
                value=Signal::derive(elected_on)
                on_change=move |d| state.edit_branch(move |b| b.committee_elected_on = d)
            >
                "在本应用中记录了换届选举的党员大会后，以其日期为准。"
            </DateInput>
            {move || term().map(|t| view! { <p>{t}</p> })}
            {move || notice().map(|n| view! { <p class="warning">{n}</p> })}
        </section>
    }
}
