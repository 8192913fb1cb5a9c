//! The branch's local practice for 发展党员 (`Practice`): four numbers the
//! 细则 leaves to each 党委, each labelled 本地做法 with what is common.
//! The path's reminders and flags follow them.

use leptos::prelude::*;

use crate::domain::development::Practice;
use crate::ui::state::use_app;
use crate::ui::widgets::NumberSetting;

#[component]
pub fn DevelopmentPracticeForm() -> impl IntoView {
    view! {
        <section class="card form" data-testid="development-practice">
            <h2 class="card-title">"发展党员的本地做法"</h2>
            <p class="hint">
                "《中国共产党发展党员工作细则》未统一规定下面几项，各地党委要求不同。请按上级党委的要求设置；发展党员纪实的提醒和核对按此进行。"
            </p>
            <PracticeNumber
                label="思想汇报：每几个月交一次"
                name="report-months"
                common="本地做法，常见为每季度一次，即 3 个月"
                range=(1, 12)
                get=|p| p.report_months
                set=|p, n| p.report_months = n
            />
            <PracticeNumber
                label="政治审查结论的有效期（月）"
                name="political-review-months"
                common="本地做法，常见为一年，即 12 个月；支部大会讨论时应在有效期内"
                range=(1, 36)
                get=|p| p.political_review_months
                set=|p, n| p.political_review_months = n
            />
            <PracticeNumber
                label="发展对象公示：不少于几个工作日"
                name="notice-workdays"
                common="本地做法，常见为 5 个工作日"
                range=(1, 30)
                get=|p| p.notice_workdays
                set=|p, n| p.notice_workdays = n
            />
            <PracticeNumber
                label="上级党委预审后，几个月内召开支部大会"
                name="assembly-months"
                common="本地做法，常见为 1 个月"
                range=(1, 12)
                get=|p| p.assembly_months
                set=|p, n| p.assembly_months = n
            />
        </section>
    }
}

/// One number of the practice, kept within `range`, saved as it is changed.
#[component]
fn PracticeNumber(
    label: &'static str,
    name: &'static str,
    common: &'static str,
    range: (u32, u32),
    get: fn(&Practice) -> u32,
    set: fn(&mut Practice, u32),
) -> impl IntoView {
    let state = use_app();
    view! {
        <NumberSetting
            label=label
            name=name
            range=range
            value=Signal::derive(move || state.doc.with(|d| get(&d.branch.rules.development)))
            on_change=move |n| state.edit_branch(move |b| set(&mut b.rules.development, n))
            hint=format!("（{common}）")
        />
    }
}
