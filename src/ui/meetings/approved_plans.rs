//! 审议事项: the year's work plan this 支委会 approved (the plan names the
//! meeting, `YearPlan::approved_in`), so the meeting and the plan link
//! each other.

use leptos::prelude::*;

use crate::domain::year_work::plan::plans_approved_in;
use crate::ui::handles::MeetingHandle;
use crate::ui::link::A;

#[component]
pub fn ApprovedPlans(meeting: MeetingHandle) -> impl IntoView {
    let state = meeting.state;
    let years = Memo::new(move |_| {
        let id = meeting.with(|m| m.id.clone()).unwrap_or_default();
        state.doc.with(|d| plans_approved_in(d, &id))
    });
    move || {
        let years = years.get();
        (!years.is_empty()).then(|| {
            view! {
                <section class="card" data-testid="approved-plans">
                    <h3 class="card-title">"审议事项"</h3>
                    {years
                        .into_iter()
                        .map(|y| {
                            view! {
                                <p>
                                    <A href=format!("/mine/year/{y}/plan") attr:class="button">
                                        {format!("审议通过{y}年度党支部工作计划 ›")}
                                    </A>
                                </p>
                            }
                        })
                        .collect_view()}
                </section>
            }
        })
    }
}
