//! The pipeline: every path on one screen, sorted by what needs doing
//! (broken rules and overdue items first), with the stage, how long the
//! person has been at it and what is due next; and a new applicant in two
//! fields.

use leptos::prelude::*;

use crate::domain::job::Area;
use crate::ui::job::ReadOnly;

use crate::browser::clock;
use crate::domain::development::{pipeline, Applicant, PipelineRow};
use crate::ui::link::A;
use crate::ui::state::use_app;
use crate::ui::widgets::{DateBox, ErrorLine, PageHeader, PrintButton, TextField};

#[component]
pub fn DevelopmentPage() -> impl IntoView {
    let state = use_app();
    let rows = Memo::new(move |_| state.doc.with(|d| pipeline(d, clock::today())));
    view! {
        <PageHeader title="发展党员" back="/mine" />
        <p class="hint">
            "每名入党申请人从递交申请书到转正的全程纪实（五个阶段、25个步骤），依据《中国共产党发展党员工作细则》。只保存在本机，不随支部资料包发送。"
        </p>
        <ReadOnly area=Area::Development>
            <NewApplicant />
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="empty">"还没有入党申请人。"</p>
            </Show>
            <ul class="meeting-list card" data-testid="development-pipeline">
                <For
                    each=move || rows.get()
                    key=|r| (r.id.clone(), format!("{r:?}"))
                    children=move |row| view! { <Row row=row /> }
                />
            </ul>
        </ReadOnly>
        <p>
            <PrintButton href="/print/development/ledger" label="打印发展党员工作台账" />
        </p>
    }
}

#[component]
fn Row(row: PipelineRow) -> impl IntoView {
    let today = clock::today();
    let overdue = row.next.as_ref().is_some_and(|d| d.overdue(today));
    let phase = match row.awaiting {
        Some(awaiting) => format!("{}（{awaiting}）", row.phase.label()),
        None => row.phase.label().to_string(),
    };
    let stage = match row.days_in_stage {
        Some(days) => format!("{phase} · 第{}阶段已{}天", row.stage as usize + 1, days),
        None => phase,
    };
    let next = row
        .next
        .as_ref()
        .map(|d| d.sentence())
        .unwrap_or_else(|| "暂无待办".into());
    let flags = match (row.broken, row.warnings) {
        (0, 0) => String::new(),
        (0, w) => format!("{w} 项需说明"),
        (b, _) => format!("{b} 项不符合规定"),
    };
    view! {
        <li>
            <A href=format!("/mine/development/{}", row.id) attr:class="meeting-row">
                <span class="meeting-kind">{stage}</span>
                <span class="meeting-theme">{row.name.clone()}</span>
                <span class="meeting-when small" class:warning=overdue>
                    {next}
                </span>
                <Show when={
                    let empty = flags.is_empty();
                    move || !empty
                }>
                    <span class="error small">{flags.clone()}</span>
                </Show>
            </A>
        </li>
    }
}

/// 新增申请人: a name and the day the 申请书 was received.
#[component]
fn NewApplicant() -> impl IntoView {
    let state = use_app();
    let navigate = leptos_router::hooks::use_navigate();
    let name = RwSignal::new(String::new());
    let applied = RwSignal::new(Some(clock::today()));
    let error = RwSignal::new(None::<&'static str>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = name.get_untracked().trim().to_string();
        let Some(on) = applied.get_untracked() else {
            error.set(Some("请填写收到入党申请书的日期"));
            return;
        };
        if typed.is_empty() {
            error.set(Some("请填写申请人姓名"));
            return;
        }
        error.set(None);
        let id = clock::new_id("fz");
        let path = Applicant::new(id.clone(), typed, on);
        state.edit_items::<Applicant>(std::slice::from_ref(&id), move |d| {
            if d.applicant(&path.id).is_none() {
                d.applicants.push(path.clone());
            }
        });
        name.set(String::new());
        navigate(&format!("/mine/development/{id}"), Default::default());
    };
    view! {
        <details class="card form">
            <summary>"＋ 新增入党申请人"</summary>
            <form on:submit=add>
                <TextField
                    label="姓名"
                    name="applicant-name"
                    value=name
                    maxlength=40
                    autocomplete="off"
                />
                <label class="field">
                    <span>"收到入党申请书的日期"</span>
                    <DateBox
                        name="applied-on"
                        value=applied
                        on_change=move |day| applied.set(day)
                    />
                </label>
                <ErrorLine message=error />
                <button class="button primary" type="submit">
                    "添加"
                </button>
            </form>
        </details>
    }
}
