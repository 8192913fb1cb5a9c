//! Loading the example branch, without ever replacing real data silently.

use leptos::prelude::*;

use crate::browser::dialog::confirm;
use crate::ui::first_run::load_example;
use crate::ui::state::use_app;

#[component]
pub fn ExampleData() -> impl IntoView {
    let state = use_app();
    let load = move |_| {
        let blank = state.doc.with_untracked(|d| d.is_blank());
        let current = state.doc.with_untracked(|d| d.summary());
        if !blank
            && !confirm(&format!(
                "载入示例数据将替换本机现有数据（{current}），之后可以撤销。继续吗？"
            ))
        {
            return;
        }
        // The example's code and texts arrive only when asked for.
        leptos::task::spawn_local(async move {
            load_example(state).await;
        });
    };
    view! {
        <section class="card">
            <h2 class="card-title">"示例数据"</h2>
            <p class="hint">
                "一个有 25 名党员、3 个党小组的示例支部，方便先看看各项功能。"
            </p>
            <button class="button" on:click=load>
                "载入示例数据"
            </button>
        </section>
    }
}
