//! Areas that later versions fill in, said plainly.

use leptos::prelude::*;

#[component]
pub fn ComingSoon(title: &'static str) -> impl IntoView {
    let what = match title {
        "会议" => {
            "记录支部党员大会、支委会、党小组会、党课和主题党日：检查清单、签到、表决和会议记录。"
        }
        _ => "对照“四个合格”“五个过硬”自评，并汇总支部的民主评议结果。",
    };
    view! {
        <h1 class="page-title">{title}</h1>
        <section class="card coming-soon">
            <p class="muted">"即将推出"</p>
            <p>{what}</p>
        </section>
    }
}
