//! A new branch in four steps: its name, its members (a 花名册 pasted from
//! Excel or a list of names, shown as a table before anything is added),
//! its 书记 and 主题党日, and its first meeting. Every step saves as it goes
//! and can be skipped; the rest is filled in later, where it lives.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::job::ReadOnly;
use super::state::use_app;
use crate::browser::clock;
use crate::domain::job::Area;
use crate::domain::pasted_roster::{read_roster, PastedRoster};
use crate::domain::roster::{active_names, name_secretary};
use crate::domain::{PartyGroup, Role};
use crate::ui::branch_settings::ThemeDayField;
use crate::ui::person_picker::member_options;
use crate::ui::widgets::TextField;

const STEPS: u8 = 4;

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
                {move || format!("第 {} 步，共 {STEPS} 步", step().clamp(1, STEPS))}
            </p>
            // Setting the branch up is the secretary's: a member's phone
            // shows the steps as they stand.
            <ReadOnly area=Area::BranchSettings>
                {move || match step() {
                    2 => view! { <MembersStep /> }.into_any(),
                    3 => view! { <SecretaryStep /> }.into_any(),
                    4 => view! { <FirstMeetingStep /> }.into_any(),
                    _ => view! { <BranchNameStep /> }.into_any(),
                }}
            </ReadOnly>
        </section>
    }
}

#[component]
fn BranchNameStep() -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let name = RwSignal::new(state.doc.with_untracked(|d| d.branch.name.clone()));
    // A form, so Enter in the name goes on as 下一步 does.
    let next = {
        let navigate = navigate.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
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
        <form class="setup" on:submit=next>
            <div class="card">
                <TextField
                    label="支部名称"
                    name="setup-branch-name"
                    value=name
                    placeholder="如：第一党支部"
                />
            </div>
            <div class="setup-actions">
                <button class="button primary" type="submit">
                    "下一步"
                </button>
                <button class="link-button" type="button" on:click=skip>
                    "跳过，自己逐项设置"
                </button>
            </div>
        </form>
    }
}

#[component]
fn MembersStep() -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let text = RwSignal::new(String::new());
    let pasted = Memo::new(move |_| state.doc.with(|d| read_roster(&text.get(), &d.members)));
    let count = move || pasted.with(|p| p.members.len());
    let add = {
        let navigate = navigate.clone();
        move |_| {
            let pasted = pasted.get_untracked();
            if !pasted.members.is_empty() {
                add_pasted(pasted);
            }
            navigate("/mine/setup?step=3", Default::default());
        }
    };
    view! {
        <h1 class="page-title">"有哪些党员？"</h1>
        <p class="muted">
            "从 Excel 花名册复制整张表粘贴进来（有“姓名”“类别”“党小组”列的会一并读取），或每行一个姓名，也可以用顿号、逗号或空格隔开；“第一党小组：王建国、李四”会分到该党小组。"
        </p>
        <div class="card">
            <TextField
                label="党员名单"
                name="setup-names"
                value=text
                rows=8
                placeholder="张三\n李四\n第一党小组：王五、赵六"
            />
            <p class="muted small" aria-live="polite">
                {move || match count() {
                    0 => "还没有可添加的姓名。".to_string(),
                    n => format!("将添加 {n} 名党员，请核对："),
                }}
            </p>
            <Show when=move || count() != 0>
                <PastedTable pasted=pasted />
            </Show>
        </div>
        <div class="setup-actions">
            <button class="button primary" on:click=add>
                {move || match count() {
                    0 => "下一步".to_string(),
                    n => format!("确认添加 {n} 名党员"),
                }}
            </button>
        </div>
    }
}

/// What a paste will add, as a table: name, 类别, 党小组; then the names
/// left out and the 党小组 that will be made.
#[component]
fn PastedTable(pasted: Memo<PastedRoster>) -> impl IntoView {
    let state = use_app();
    let notes = move || {
        let groups = state.doc.with(|d| d.branch.groups.clone());
        pasted.with(|p| {
            let mut notes = Vec::new();
            if !p.repeated.is_empty() {
                notes.push(format!("重复的姓名只添加一次：{}", p.repeated.join("、")));
            }
            if !p.on_roster.is_empty() {
                notes.push(format!("已在名册中，不再添加：{}", p.on_roster.join("、")));
            }
            let new_groups = p.new_groups(&groups);
            if !new_groups.is_empty() {
                notes.push(format!("将新建党小组：{}", new_groups.join("、")));
            }
            notes
        })
    };
    view! {
        <table class="overview-table" data-testid="pasted-roster">
            <thead>
                <tr>
                    <th>"姓名"</th>
                    <th>"类别"</th>
                    <th>"党小组"</th>
                </tr>
            </thead>
            <tbody>
                {move || {
                    pasted
                        .get()
                        .members
                        .into_iter()
                        .map(|m| {
                            view! {
                                <tr>
                                    <td>{m.name}</td>
                                    <td>{m.standing.label()}</td>
                                    <td>{m.group.unwrap_or_default()}</td>
                                </tr>
                            }
                        })
                        .collect_view()
                }}
            </tbody>
        </table>
        {move || {
            notes().into_iter().map(|n| view! { <p class="muted small">{n}</p> }).collect_view()
        }}
    }
}

/// Adds what the member confirmed: the 党小组 the paste names first, then
/// the members in them.
fn add_pasted(pasted: PastedRoster) {
    let state = use_app();
    let today = clock::today();
    let made: Vec<PartyGroup> = state.doc.with_untracked(|d| {
        pasted
            .new_groups(&d.branch.groups)
            .into_iter()
            .map(|name| PartyGroup {
                id: clock::new_id("g"),
                name,
            })
            .collect()
    });
    if !made.is_empty() {
        let made = made.clone();
        state.edit_branch(move |b| {
            for group in &made {
                if !b.groups.iter().any(|g| g.id == group.id) {
                    b.groups.push(group.clone());
                }
            }
        });
    }
    let mut groups = state.doc.with_untracked(|d| d.branch.groups.clone());
    groups.extend(made);
    let added = pasted.to_members(&groups, || clock::new_id("m"), today);
    let count = added.len();
    state.edit_roster(move |members| {
        for member in &added {
            if !members.iter().any(|m| m.id == member.id) {
                members.push(member.clone());
            }
        }
    });
    state.confirm(format!("已添加 {count} 名党员"));
}

/// Who the 书记 is (a post on the roster, where the committee's posts
/// live) and the branch's 主题党日, which new plans take as their day.
#[component]
fn SecretaryStep() -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let members = move || state.doc.with(|d| active_names(&d.branch, &d.members));
    let secretary = move || {
        state.doc.with(|d| {
            d.members
                .iter()
                .find(|m| m.is_active() && m.has_role(Role::Secretary))
                .map(|m| m.id.clone())
                .unwrap_or_default()
        })
    };
    let choose = move |id: String| {
        if !id.is_empty() {
            state.edit_roster(move |members| name_secretary(members, &id));
        }
    };
    let next = move |_| navigate(&format!("/mine/setup?step={STEPS}"), Default::default());
    view! {
        <h1 class="page-title">"谁是支部书记？"</h1>
        <p class="muted">
            "书记会印在会议记录上，也用于统计“书记讲党课”。副书记、委员、党小组长以后在“党员名册”里设置。"
        </p>
        <div class="card form">
            <label class="field">
                <span>"支部书记"</span>
                <select name="setup-secretary" on:change=move |ev| choose(event_target_value(&ev))>
                    <option value="" selected=move || secretary().is_empty()>
                        "请选择"
                    </option>
                    {move || member_options(members(), &secretary())}
                </select>
                <Show when=move || members().is_empty()>
                    <small class="muted">
                        "名册还是空的：添加党员后可在“党员名册”里设置书记。"
                    </small>
                </Show>
            </label>
            <ThemeDayField />
        </div>
        <div class="setup-actions">
            <button class="button primary" on:click=next>
                "下一步"
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
