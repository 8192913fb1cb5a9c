//! 中止表决权、选举权和被选举权: a member 被依法留置、逮捕 (《中国共产党
//! 基层组织选举工作条例》§5). Kept on this phone only.

use leptos::prelude::*;

use super::period_field::{Period, PeriodField};
use crate::domain::roster::Suspension;

#[component]
pub fn SuspensionField(suspension: RwSignal<Option<Suspension>>) -> impl IntoView {
    let period = Signal::derive(move || suspension.with(|s| s.as_ref().map(|s| (s.from, s.until))));
    let set =
        move |s: Option<Period>| suspension.set(s.map(|(from, until)| Suspension { from, until }));
    view! {
        <PeriodField
            name="suspension"
            date_names=("suspension-from", "suspension-until")
            text="中止表决权、选举权和被选举权（被依法留置、逮捕）"
            until_label="止（恢复日期，可不填）"
            row_class="two-cols"
            period=period
            on_change=set
        >
            <small class="muted">
                "中止期间不计入应到会有表决权人数，也不能作为候选人。此项只保存在本机，不随支部资料包分享。"
            </small>
        </PeriodField>
    }
}
