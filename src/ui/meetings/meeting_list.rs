//! The meeting list: by month, newest first, filterable and searchable.

use crate::ui::link::A;
use leptos::prelude::*;

use super::when;
use crate::domain::meeting::{Meeting, MeetingState};
use crate::domain::rules::recording::matches_search;
use crate::ui::state::use_app;

#[derive(Clone, Copy, PartialEq, Eq)]
enum StateFilter {
    All,
    Planned,
    Held,
}

#[component]
pub fn MeetingsPage() -> impl IntoView {
    let state = use_app();
    let query = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    let held = RwSignal::new(StateFilter::All);
    let kinds = move || {
        let mut labels: Vec<String> = state.doc.with(|d| {
            d.meetings
                .iter()
                .map(|m| m.kind.label().to_string())
                .collect()
        });
        labels.sort();
        labels.dedup();
        labels
    };
    let months = move || {
        let mut meetings: Vec<Meeting> = state.doc.with(|d| {
            d.meetings
                .iter()
                .filter(|m| kind.with(|k| k.is_empty() || m.kind.label() == k))
                .filter(|m| match held.get() {
                    StateFilter::All => true,
                    StateFilter::Planned => m.state == MeetingState::Planned,
                    StateFilter::Held => m.state == MeetingState::Held,
                })
                .filter(|m| query.with(|q| matches_search(m, q)))
                .cloned()
                .collect()
        });
        meetings.sort_by_key(|m| std::cmp::Reverse(m.effective_date()));
        let mut groups: Vec<(String, Vec<Meeting>)> = Vec::new();
        for m in meetings {
            let month = m.effective_date().map_or(
                "日期未定".to_string(),
                crate::domain::time::format_chinese_month,
            );
            match groups.last_mut() {
                Some((label, list)) if *label == month => list.push(m),
                _ => groups.push((month, vec![m])),
            }
        }
        groups
    };
    let state_chip = move |value: StateFilter, label: &'static str| {
        view! {
            <button
                class="chip-toggle"
                class:on=move || held.get() == value
                on:click=move |_| held.set(value)
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="toolbar">
            <h1 class="page-title">"会议"</h1>
            <A href="/meetings/new" attr:class="button primary">
                "＋ 安排会议"
            </A>
        </div>
        <A href="/meetings/compliance" attr:class="card link-card">
            <span>"组织生活制度落实情况"</span>
            <span class="muted small">"本月 · 本季度 · 本年度 ›"</span>
        </A>
        <A href="/talks" attr:class="card link-card">
            <span>"谈心谈话"</span>
            <span class="muted small">"谈话记录 ›"</span>
        </A>
        <crate::ui::fusion::FusionLinkCard />
        <input
            type="search"
            name="search"
            aria-label="搜索会议"
            placeholder="搜索主题、议题、会议记录"
            class="search"
            prop:value=query
            on:input=move |ev| query.set(event_target_value(&ev))
        />
        <div class="filters">
            {state_chip(StateFilter::All, "全部")} {state_chip(StateFilter::Planned, "计划中")}
            {state_chip(StateFilter::Held, "已召开")}
            <select
                name="kind-filter"
                aria-label="会议类型"
                on:change=move |ev| kind.set(event_target_value(&ev))
            >
                <option value="">"所有类型"</option>
                {move || {
                    kinds()
                        .into_iter()
                        .map(|k| view! { <option value=k.clone()>{k.clone()}</option> })
                        .collect_view()
                }}
            </select>
        </div>
        <Show when=move || months().is_empty()>
            <p class="empty">
                {move || {
                    if state.doc.with(|d| d.meetings.is_empty()) {
                        "还没有会议。点“安排会议”开始，会前、会中、会后的事项都会列成清单。"
                    } else {
                        "没有符合条件的会议。"
                    }
                }}
            </p>
        </Show>
        {move || {
            months()
                .into_iter()
                .map(|(month, list)| {
                    view! {
                        <section class="month">
                            <h2 class="month-title">{month}</h2>
                            <ul class="meeting-list card">
                                {list
                                    .into_iter()
                                    .map(|m| view! { <MeetingRow meeting=m /> })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })
                .collect_view()
        }}
    }
}

#[component]
fn MeetingRow(meeting: Meeting) -> impl IntoView {
    let href = format!("/meetings/{}", meeting.id);
    let planned = meeting.state == MeetingState::Planned;
    let theme = if meeting.theme.is_empty() {
        "（未填主题）".to_string()
    } else {
        meeting.theme.clone()
    };
    view! {
        <li>
            <A href=href attr:class="meeting-row">
                <span class="meeting-kind">
                    {std::iter::once(meeting.kind.label())
                        .chain(meeting.also.iter().map(|k| k.label()))
                        .collect::<Vec<_>>()
                        .join(" · ")}
                </span>
                <span class="meeting-theme">{theme}</span>
                <span class="meeting-when muted small">{when(&meeting)}</span>
                <span class="badge" class:accent=planned>
                    {if planned { "计划中" } else { "已召开" }}
                </span>
            </A>
        </li>
    }
}
