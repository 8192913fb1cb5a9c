//! One year's 计划, 总结 and 述职: what is written of each, and the way to
//! write and print it.

use leptos::prelude::*;

use super::year_param;
use crate::domain::year_work::year_texts;
use crate::ui::link::A;
use crate::ui::state::use_app;
use crate::ui::widgets::{PageHeader, YearNav};

#[component]
pub fn YearWorkPage() -> impl IntoView {
    let state = use_app();
    let year = year_param();
    let texts = Memo::new(move |_| state.doc.with(|d| year_texts(d, year.get())));
    let status = move |written: bool| if written { "已填写" } else { "未填写" };
    view! {
        <PageHeader title="年度计划、总结与述职" back="/mine" />
        <YearNav year=year href=|y| format!("/mine/year/{y}") title=|y| format!("{y}年度") />
        <nav class="menu card" data-testid="year-work">
            <A href=move || format!("/mine/year/{}/plan", year.get()) attr:class="menu-row">
                <span class="menu-label">"年度工作计划"</span>
                <span class="menu-detail">
                    {move || status(texts.with(|t| !t.plan.is_empty()))}
                </span>
            </A>
            <A href=move || format!("/mine/year/{}/summary", year.get()) attr:class="menu-row">
                <span class="menu-label">"年度工作总结"</span>
                <span class="menu-detail">
                    {move || status(texts.with(|t| !t.summary.is_empty()))}
                </span>
            </A>
            <A href=move || format!("/mine/year/{}/report", year.get()) attr:class="menu-row">
                <span class="menu-label">"书记抓党建述职"</span>
                <span class="menu-detail">
                    {move || status(texts.with(|t| !t.report.is_empty()))}
                </span>
            </A>
        </nav>
        <p class="hint">
            "年度工作计划和总结随支部资料包发给党员；书记述职只保存在本机和完整备份中。"
        </p>
    }
}
