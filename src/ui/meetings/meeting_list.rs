//! The meeting list: by month, newest first, filterable and searchable,
//! a page of whole months at a time (`domain::month_pages`).

use crate::ui::link::A;
use leptos::prelude::*;

use super::when;
use crate::domain::meeting::{Meeting, MeetingState};
use crate::domain::month_pages::month_page;
use crate::domain::rules::recording::MeetingFilter;
use crate::ui::paging::{page_pair, ListPlace, PagePlace, PageSwitch};
use crate::ui::state::use_app;

#[derive(Clone, Copy, PartialEq, Eq)]
enum StateFilter {
    All,
    Planned,
    Held,
}

impl StateFilter {
    /// As the address writes it.
    fn key(self) -> &'static str {
        match self {
            StateFilter::All => "",
            StateFilter::Planned => "planned",
            StateFilter::Held => "held",
        }
    }

    fn from_key(key: Option<&str>) -> StateFilter {
        match key {
            Some("planned") => StateFilter::Planned,
            Some("held") => StateFilter::Held,
            _ => StateFilter::All,
        }
    }

    fn state(self) -> Option<MeetingState> {
        match self {
            StateFilter::All => None,
            StateFilter::Planned => Some(MeetingState::Planned),
            StateFilter::Held => Some(MeetingState::Held),
        }
    }
}

/// A meeting as its row shows it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Row {
    id: String,
    kinds: String,
    theme: String,
    when: String,
    planned: bool,
}

impl Row {
    fn of(meeting: &Meeting) -> Row {
        Row {
            id: meeting.id.clone(),
            kinds: std::iter::once(meeting.kind.label())
                .chain(
                    meeting
                        .also
                        .iter()
                        .filter(|k| meeting.counts_as(k))
                        .map(|k| k.label()),
                )
                .collect::<Vec<_>>()
                .join(" · "),
            theme: if meeting.theme.is_empty() {
                "（未填主题）".to_string()
            } else {
                meeting.theme.clone()
            },
            when: when(meeting),
            planned: meeting.state == MeetingState::Planned,
        }
    }
}

/// The page of the list on screen: its months and their rows.
#[derive(Clone, Debug, Default, PartialEq)]
struct Shown {
    months: Vec<(String, Vec<Row>)>,
    place: PagePlace,
}

#[component]
pub fn MeetingsPage() -> impl IntoView {
    let state = use_app();
    // Page, search and filters come from the address and go back into it.
    let place = ListPlace::new("/meetings");
    let query = RwSignal::new(place.get("q").unwrap_or_default());
    let kind = RwSignal::new(place.get("kind").unwrap_or_default());
    let held = RwSignal::new(StateFilter::from_key(place.get("state").as_deref()));
    let page = RwSignal::new(place.page());
    place.follow(move || {
        vec![
            ("q", query.get()),
            ("kind", kind.get()),
            ("state", held.get().key().to_string()),
            page_pair(page.get()),
        ]
    });
    let kinds = Memo::new(move |_| {
        let mut labels: Vec<String> = state.doc.with(|d| {
            d.meetings
                .iter()
                .map(|m| m.kind.label().to_string())
                .collect()
        });
        labels.sort();
        labels.dedup();
        labels
    });
    // Narrowing the list starts it again at its newest page.
    let narrow = move || page.set(1);
    // Only the page on screen is built: ten years are 600 meetings.
    let shown = Memo::new(move |_| {
        let filter = MeetingFilter {
            kind: kind.get(),
            state: held.get().state(),
            query: query.get(),
        };
        state.doc.with(|d| {
            let listed = month_page(
                d.meetings.iter().filter(|m| filter.admits(m)),
                Meeting::effective_date,
                page.get(),
            );
            Shown {
                months: listed
                    .months
                    .iter()
                    .map(|g| {
                        (
                            g.month.label(),
                            g.items.iter().map(|m| Row::of(m)).collect(),
                        )
                    })
                    .collect(),
                place: PagePlace::from(&listed),
            }
        })
    });
    let state_chip = move |value: StateFilter, label: &'static str| {
        view! {
            <button
                class="chip-toggle"
                class:on=move || held.get() == value
                on:click=move |_| {
                    held.set(value);
                    narrow();
                }
            >
                {label}
            </button>
        }
    };
    // A member's phone shows the meetings; the committee plans them.
    let plans = crate::ui::job::use_may_edit(crate::domain::job::Area::Meetings);
    view! {
        <div class="toolbar">
            <h1 class="page-title">"会议"</h1>
            <Show when=move || plans.get()>
                <A href="/meetings/new" attr:class="button primary">
                    "＋ 安排会议"
                </A>
            </Show>
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
            on:input=move |ev| {
                query.set(event_target_value(&ev));
                narrow();
            }
        />
        <div class="filters">
            {state_chip(StateFilter::All, "全部")} {state_chip(StateFilter::Planned, "计划中")}
            {state_chip(StateFilter::Held, "已召开")}
            <select
                name="kind-filter"
                aria-label="会议类型"
                on:change=move |ev| {
                    kind.set(event_target_value(&ev));
                    narrow();
                }
            >
                <option value="">"所有类型"</option>
                {move || {
                    kinds
                        .get()
                        .into_iter()
                        .map(|k| {
                            let chosen = kind.get_untracked() == k;
                            view! {
                                <option value=k.clone() selected=chosen>
                                    {k.clone()}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </div>
        <Show when=move || shown.with(|s| s.place.total == 0)>
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
        <For
            each=move || shown.with(|s| s.months.clone())
            key=|(month, rows)| (month.clone(), rows.clone())
            let:month
        >
            <section class="month">
                <h2 class="month-title">{month.0.clone()}</h2>
                <ul class="meeting-list card">
                    {month.1.into_iter().map(|row| view! { <MeetingRow row=row /> }).collect_view()}
                </ul>
            </section>
        </For>
        <PageSwitch
            place=Signal::derive(move || shown.with(|s| s.place))
            items="会议"
            page=page
        />
    }
}

#[component]
fn MeetingRow(row: Row) -> impl IntoView {
    view! {
        <li>
            <A href=format!("/meetings/{}", row.id) attr:class="meeting-row">
                <span class="meeting-kind">{row.kinds}</span>
                <span class="meeting-theme">{row.theme}</span>
                <span class="meeting-when muted small">{row.when}</span>
                <span class="badge" class:accent=row.planned>
                    {if row.planned { "计划中" } else { "已召开" }}
                </span>
            </A>
        </li>
    }
}
