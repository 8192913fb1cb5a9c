//! 发送什么: the whole backup, the 支部资料包, a member's 交给书记 return,
//! or the year's 报上级 figures.

use leptos::prelude::*;

use super::Outgoing;
use crate::domain::Scope;

#[component]
pub(super) fn SendWhat(what: RwSignal<Outgoing>, report_year: RwSignal<i32>) -> impl IntoView {
    let scope = move || match what.get() {
        Outgoing::Records(scope) => Some(scope),
        Outgoing::Report(_) => None,
    };
    let reporting = move || matches!(what.get(), Outgoing::Report(_));
    let choice = move |value: Scope, hint: &'static str| {
        view! {
            <label class:selected=move || scope() == Some(value) title=hint>
                <input
                    type="radio"
                    name="package-scope"
                    prop:checked=move || scope() == Some(value)
                    on:change=move |_| what.set(Outgoing::Records(value))
                />
                {value.label()}
            </label>
        }
    };
    view! {
        // Four choices: two rows of two on a phone, one row on a wide
        // screen, each label on one line (laid out here, in this page's
        // own code, not in the stylesheet every first load carries).
        <fieldset
            class="segmented"
            aria-label="发送什么"
            data-testid="send-what"
            style:display="grid"
            style:grid-template-columns="repeat(auto-fit, minmax(7.5em, 1fr))"
            style:white-space="nowrap"
        >
            {choice(Scope::Full, "本机的全部数据")}
            {choice(Scope::Branch, "书记发给党员：支部信息、名册、会议")}
            {choice(Scope::Return, "党员交给书记：本人的自评和补学记录")}
            <label class:selected=reporting title="书记报党委：全年统计数字">
                <input
                    type="radio"
                    name="package-scope"
                    data-testid="scope-report"
                    prop:checked=reporting
                    on:change=move |_| what.set(Outgoing::Report(report_year.get_untracked()))
                />
                "报上级"
            </label>
        </fieldset>
    }
}
