//! A new branch in three steps: its name, its members (typed or pasted as a
//! list of names), and its first meeting. Every step saves as it goes and
//! can be skipped; the rest is filled in later, where it lives.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::state::use_app;
use crate::browser::clock;
use crate::domain::roster::{member_named, names_in_list};

#[component]
pub fn SetupPage() -> impl IntoView {
    let query = use_query_map();
    let step = move || {
        query.with(|q| {
            q.get("step")
                .and_then(|s| s.parse::<u8>().ok())
                .unwrap_or(1)
        })
    };
    view! {
        <section class="setup">
            // Just cleared the example: what was there can come back.
            <crate::ui::backup::UndoPanel />
            <p class="setup-steps" aria-label="设置步骤">
                {move || format!("第 {} 步，共 3 步", step().clamp(1, 3))}
            </p>
            {move || match step() {
                2 => view! { <MembersStep /> }.into_any(),
                3 => view! { <FirstMeetingStep /> }.into_any(),
                _ => view! { <BranchNameStep /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn BranchNameStep() -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let name = RwSignal::new(state.doc.with_untracked(|d| d.branch.name.clone()));
    let next = {
        let navigate = navigate.clone();
        move |_| {
            let typed = name.get_untracked().trim().to_string();
            if !typed.is_empty() {
                state.edit_branch(move |b| b.name = typed.clone());
            }
            navigate("/mine/setup?step=2", Default::default());
        }
    };
    let skip = move |_| navigate("/mine/branch", Default::default());
    view! {
        <h1 class="page-title">"支部叫什么名字？"</h1>
        <p class="muted">"会印在会议记录、签到表等每一份材料的抬头。"</p>
        <div class="card">
            <label class="field">
                <span>"支部名称"</span>
                <input
                    name="setup-branch-name"
                    placeholder="如：第一党支部"
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                />
            </label>
        </div>
        <div class="setup-actions">
            <button class="button primary" on:click=next>
                "下一步"
            </button>
            <button class="link-button" on:click=skip>
                "跳过，自己逐项设置"
            </button>
        </div>
    }
}

#[component]
fn MembersStep() -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let text = RwSignal::new(String::new());
    let names = Memo::new(move |_| state.doc.with(|d| names_in_list(&text.get(), &d.members)));
    let add = {
        let navigate = navigate.clone();
        move |_| {
            let names = names.get_untracked();
            if !names.is_empty() {
                let today = clock::today();
                let count = names.len();
                state.edit_roster(move |members| {
                    members.extend(
                        names
                            .iter()
                            .map(|name| member_named(clock::new_id("m"), name.clone(), today)),
                    );
                });
                state.confirm(format!("已添加 {count} 名党员"));
            }
            navigate("/mine/setup?step=3", Default::default());
        }
    };
    view! {
        <h1 class="page-title">"有哪些党员？"</h1>
        <p class="muted">
            "输入或粘贴姓名，每行一个，也可以用顿号、逗号或空格隔开。都先记为正式党员，党小组、职务等以后在“党员名册”里补充。"
        </p>
        <div class="card">
            <label class="field">
                <span>"党员姓名"</span>
                <textarea
                    name="setup-names"
                    rows="8"
                    placeholder="张三\n李四\n王五"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                ></textarea>
            </label>
            <p class="muted small" aria-live="polite">
                {move || match names.with(Vec::len) {
                    0 => "还没有可添加的姓名。".to_string(),
                    n => format!("将添加 {n} 名党员：{}", names.with(|v| v.join("、"))),
                }}
            </p>
        </div>
        <div class="setup-actions">
            <button class="button primary" on:click=add>
                {move || if names.with(Vec::is_empty) { "下一步" } else { "添加并继续" }}
            </button>
        </div>
    }
}

#[component]
fn FirstMeetingStep() -> impl IntoView {
    let navigate = use_navigate();
    let plan = {
        let navigate = navigate.clone();
        move |_| navigate("/meetings/new", Default::default())
    };
    let home = move |_| navigate("/", Default::default());
    view! {
        <h1 class="page-title">"安排第一次会议"</h1>
        <p class="muted">
            "选好类型和时间，清单、签到和记录都会随会议准备好。也可以先看看首页上本月要开的会。"
        </p>
        <div class="setup-actions">
            <button class="button primary" on:click=plan>
                "安排会议"
            </button>
            <button class="button" on:click=home>
                "先看看首页"
            </button>
        </div>
    }
}
