//! A 预备党员's 预备期 on the path page: from the 支部大会 that admitted
//! them to its end (one year, later by an extension: 细则第三十二条), and the
//! entry of a 延长预备期 or 取消预备党员资格 that a 支部大会 decided at a
//! meeting not kept here. Decided at a meeting kept here, they are put to
//! the vote on its 表决 tab and recorded from there.

use super::ExtendOrCancel;
use chrono::NaiveDate;
use leptos::prelude::*;

use crate::browser::clock;
use crate::domain::development::meetings::Decision;
use crate::domain::development::rules::probation_ends;
use crate::domain::development::{Applicant, Phase, Step};
use crate::domain::time::format_chinese_date;
use crate::ui::state::use_app;
use crate::ui::widgets::FormDate;

/// What the card shows of the path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Probation {
    pub phase: Phase,
    pub admitted: Option<NaiveDate>,
    pub ends: Option<NaiveDate>,
    pub extended: Option<(NaiveDate, u32)>,
    pub cancelled_on: Option<NaiveDate>,
}

impl Probation {
    pub fn of(a: &Applicant) -> Probation {
        let admitted = a.done_on(Step::AdmissionAssembly);
        let months = a.extension.as_ref().map(|e| e.months);
        Probation {
            phase: a.phase(),
            admitted,
            ends: admitted.map(|on| probation_ends(on, months)),
            extended: a.extension.as_ref().map(|e| (e.decided_on, e.months)),
            cancelled_on: a.stopped.as_ref().filter(|s| s.cancelled).map(|s| s.on),
        }
    }
}

#[component]
pub fn ProbationCard(id: String, #[prop(into)] probation: Signal<Probation>) -> impl IntoView {
    let state = use_app();
    let shown =
        move || probation.with(|p| p.phase == Phase::Probationary || p.cancelled_on.is_some());
    let day = RwSignal::new(Some(clock::today()));
    let decide = Callback::new(move |decision: Decision| {
        if let Some(on) = day.get_untracked() {
            state.probation_decided(&id, decision, on);
        }
    });
    let period = move || {
        probation.with(|p| {
            let mut s = match (p.admitted, p.ends) {
                (Some(from), Some(to)) => {
                    format!(
                        "预备期：{}起，至{}止",
                        format_chinese_date(from),
                        format_chinese_date(to)
                    )
                }
                _ => "尚未记录支部大会接收的日期。".to_string(),
            };
            if let Some((on, m)) = p.extended {
                s.push_str(&format!(
                    "（{}支部大会决定延长{m}个月）",
                    format_chinese_date(on)
                ));
            }
            s
        })
    };
    view! {
        <Show when=shown>
            <section class="card form" data-testid="path-probation">
                <h2 class="card-title">"预备期"</h2>
                <p>{period}</p>
                {move || {
                    probation
                        .with(|p| p.cancelled_on)
                        .map(|on| {
                            view! {
                                <p class="warning">
                                    {format!(
                                        "{}已取消预备党员资格。",
                                        format_chinese_date(on),
                                    )}
                                </p>
                            }
                        })
                }}
                <Show when=move || probation.with(|p| p.phase == Phase::Probationary)>
                    <details class="other-decisions">
                        <summary class="small">"登记支部大会的其他决定"</summary>
                        <p class="muted small">
                            "在本机记录的支部大会上，可在会议的“表决”中列入表决，通过后一键记入。会议未在本机记录时，在此登记：延长预备期须不少于半年、不超过一年；取消预备党员资格须报上级党组织批准。"
                        </p>
                        <FormDate
                            label="支部大会日期"
                            name="probation-decided-on"
                            value=day
                        />
                        <ExtendOrCancel
                            name="probation-extend-months"
                            extend="登记延长预备期"
                            cancel="登记取消预备党员资格"
                            on_decide=decide
                        />
                    </details>
                </Show>
            </section>
        </Show>
    }
}
