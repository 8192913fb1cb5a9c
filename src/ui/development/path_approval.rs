//! The 上级党委's 审批 on the path page: once a 支部大会 passed a 接收 or a
//! 转正, the path waits for it ("待上级党委审批", three months: 细则第二十四条、
//! 第三十四条), and the secretary records the day it came. An approved 转正
//! makes the person a 正式党员 on the roster from the end of the 预备期.

use leptos::prelude::*;

use crate::browser::clock;
use crate::domain::development::meetings::Awaiting;
use crate::domain::development::rules::{approval_due, probation_ends};
use crate::domain::development::{Applicant, Step};
use crate::domain::time::format_chinese_date;
use crate::ui::state::use_app;
use crate::ui::widgets::DateBox;

/// What the card shows: the approval awaited, and for a 转正 the day the
/// 预备期 ends (the 转正日期 once approved).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pending {
    pub awaiting: Awaiting,
    pub probation_ends: Option<chrono::NaiveDate>,
}

impl Pending {
    pub fn of(a: &Applicant) -> Option<Pending> {
        let awaiting = crate::domain::development::meetings::awaiting_approval(a)?;
        let probation_ends = a
            .done_on(Step::AdmissionAssembly)
            .map(|on| probation_ends(on, a.extension.as_ref().map(|e| e.months)));
        Some(Pending {
            awaiting,
            probation_ends,
        })
    }

    fn sentence(&self) -> String {
        let Awaiting { step, passed_on } = self.awaiting;
        let what = if step == Step::ConfirmationApproval {
            "转为正式党员"
        } else {
            "接收为预备党员"
        };
        let mut s = format!(
            "{}支部大会通过{what}，{}（应在{}前审批）。",
            format_chinese_date(passed_on),
            self.awaiting.label(),
            format_chinese_date(approval_due(passed_on).0)
        );
        if let (Step::ConfirmationApproval, Some(ends)) = (step, self.probation_ends) {
            s.push_str(&format!(
                "批准后，党员名册登记为正式党员，转正日期为预备期满之日{}（党龄自此算起）。",
                format_chinese_date(ends)
            ));
        }
        s
    }
}

#[component]
pub fn ApprovalCard(id: String, #[prop(into)] pending: Signal<Option<Pending>>) -> impl IntoView {
    let state = use_app();
    let day = RwSignal::new(Some(clock::today()));
    let problem = RwSignal::new(None::<String>);
    let record = Callback::new(move |()| {
        let Some(p) = pending.get_untracked() else {
            return;
        };
        match state.record_approval(&id, p.awaiting.step, day.get_untracked()) {
            Ok(()) => {
                problem.set(None);
                state.confirm("已登记上级党委审批");
            }
            Err(why) => problem.set(Some(why)),
        }
    });
    view! {
        <Show when=move || pending.with(Option::is_some)>
            <section class="card form" data-testid="path-approval">
                <h2 class="card-title">
                    {move || pending.get().map(|p| p.awaiting.label()).unwrap_or_default()}
                </h2>
                <p>{move || pending.get().map(|p| p.sentence()).unwrap_or_default()}</p>
                <div class="stack">
                    <DateBox
                        name="approval-on"
                        aria_label="上级党委批准的日期"
                        value=day
                        on_change=move |d| day.set(d)
                    />
                    <button
                        class="button small primary"
                        type="button"
                        disabled=move || day.with(Option::is_none)
                        on:click=move |_| record.run(())
                    >
                        "登记上级党委审批"
                    </button>
                </div>
                {move || problem.get().map(|why| view! { <p class="warning small">{why}</p> })}
            </section>
        </Show>
    }
}
