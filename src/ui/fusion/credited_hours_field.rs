//! 学时 of a training outside the branch, as its organiser credited them:
//! in half hours, kept in tenths.

use leptos::prelude::*;

use crate::ui::handles::StudyHandle;
use crate::ui::widgets::ChangeField;

#[component]
pub(super) fn CreditedHoursField(study: StudyHandle) -> impl IntoView {
    view! {
        <ChangeField
            label="学时（主办单位认定）"
            name="study-credited-hours"
            kind="number"
            range=(0, 200)
            step="0.5"
            value=study
                .part(|s| {
                    let tenths = s.credited_tenths;
                    if tenths % 10 == 0 {
                        (tenths / 10).to_string()
                    } else {
                        format!("{}.{}", tenths / 10, tenths % 10)
                    }
                })
            on_change=move |typed: String| {
                let hours = typed.parse::<f64>().unwrap_or(0.0);
                let tenths = (hours * 10.0).round().clamp(0.0, 2000.0) as u32;
                study.edit(move |s| s.credited_tenths = tenths);
            }
        />
    }
}
