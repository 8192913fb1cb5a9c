//! 留党察看, from a day until a day.

use leptos::prelude::*;

use super::period_field::{Period, PeriodField};
use crate::domain::roster::Probation;

/// 留党察看: while it lasts the member has no vote and is not counted as a
/// voter (党章 §40).
#[component]
pub fn ProbationField(probation: RwSignal<Option<Probation>>) -> impl IntoView {
    let period = Signal::derive(move || probation.with(|p| p.as_ref().map(|p| (p.from, p.until))));
    let set =
        move |p: Option<Period>| probation.set(p.map(|(from, until)| Probation { from, until }));
    view! {
        <PeriodField
            name="probation"
            date_names=("probation-from", "probation-until")
            text="留党察看（察看期间没有表决权、选举权和被选举权）"
            until_label="止（可不填）"
            row_class="row"
            period=period
            on_change=set
        />
    }
}
