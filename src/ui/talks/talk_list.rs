//! The talks of the branch, newest first and a page of whole months at a
//! time, with this year's coverage.

use crate::ui::link::A;
use chrono::Datelike;
use leptos::prelude::*;

use crate::domain::job::Area;
use crate::ui::job::ReadOnly;
use leptos_router::hooks::use_navigate;

use crate::browser::clock;
use crate::domain::meeting::PersonRef;
use crate::domain::month_pages::month_page;
use crate::domain::rules::attendance::was_active_on;
use crate::domain::talk::{talked_with, Talk};
use crate::domain::time::format_chinese_date;
use crate::ui::paging::{list_address, page_pair, ListPlace, PagePlace, PageSwitch};
use crate::ui::state::use_app;
use crate::ui::widgets::PageHeader;

/// One row of the list, worked out once.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct TalkRow {
    id: String,
    when: String,
    who: String,
    topic: String,
}

#[component]
pub fn TalksPage() -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let place = ListPlace::new("/talks");
    let page = RwSignal::new(place.page());
    place.follow(move || vec![page_pair(page.get())]);
    // Only the page on screen is built: a branch talks with every member
    // every year.
    let listed = Memo::new(move |_| {
        state.doc.with(|d| {
            let listed = month_page(&d.talks, |t: &Talk| t.date, page.get());
            let place = PagePlace::from(&listed);
            let rows = listed
                .months
                .iter()
                .flat_map(|g| g.items.iter())
                .map(|t| TalkRow {
                    id: t.id.clone(),
                    when: t
                        .date
                        .map(format_chinese_date)
                        .unwrap_or_else(|| "日期未填".into()),
                    who: format!(
                        "{} 与 {}",
                        non_empty(d.person_name(&t.talker), "（谈话人未填）"),
                        non_empty(
                            t.talkees
                                .iter()
                                .filter_map(|id| d.member(id).map(|m| m.name.clone()))
                                .collect::<Vec<_>>()
                                .join("、"),
                            "（谈话对象未选）",
                        )
                    ),
                    topic: t.topic.clone(),
                })
                .collect::<Vec<_>>();
            (rows, place)
        })
    });
    let rows = Memo::new(move |_| listed.with(|(rows, _)| rows.clone()));
    let coverage = Memo::new(move |_| {
        state.doc.with(|d| {
            let today = clock::today();
            let covered = talked_with(&d.talks, today.year());
            let members: Vec<&str> = d
                .members
                .iter()
                .filter(|m| was_active_on(m, Some(today)))
                .map(|m| m.id.as_str())
                .collect();
            let done = members.iter().filter(|id| covered.contains(*id)).count();
            format!(
                "{} 年已谈 {done} 人，共 {} 名党员",
                today.year(),
                members.len()
            )
        })
    });
    let add = move |_| {
        let id = clock::new_id("tk");
        let talk = Talk {
            id: id.clone(),
            date: Some(clock::today()),
            talker: PersonRef::default(),
            ..Talk::default()
        };
        state.add_talk(talk);
        navigate(&format!("/talks/{id}"), Default::default());
    };
    view! {
        <PageHeader title="谈心谈话" back=list_address("/meetings") />
        <ReadOnly area=Area::Talks>
            <div class="toolbar">
                <span class="muted">{coverage}</span>
                <button class="button primary" on:click=add>
                    "＋ 记录谈话"
                </button>
            </div>
            <p class="hint">
                "《支部工作条例》：党支部委员之间、党支部委员和党员之间、党员和党员之间，每年谈心谈话一般不少于1次。谈话人和谈话对象都算谈过，按此统计每名党员是否谈到。"
            </p>
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="empty">"还没有谈心谈话记录。"</p>
            </Show>
            <ul class="meeting-list card">
                <For each=move || rows.get() key=|r| r.clone() let:row>
                    <li>
                        <A href=format!("/talks/{}", row.id) attr:class="meeting-row">
                            <span class="meeting-kind">"谈心谈话"</span>
                            <span class="meeting-theme">{row.who}</span>
                            <span class="meeting-when muted small">
                                {if row.topic.is_empty() {
                                    row.when
                                } else {
                                    format!("{} · {}", row.when, row.topic)
                                }}
                            </span>
                        </A>
                    </li>
                </For>
            </ul>
        </ReadOnly>
        <PageSwitch
            place=Signal::derive(move || listed.with(|(_, place)| *place))
            items="谈话"
            page=page
        />
    }
}

fn non_empty(text: String, otherwise: &str) -> String {
    if text.trim().is_empty() {
        otherwise.to_string()
    } else {
        text
    }
}
