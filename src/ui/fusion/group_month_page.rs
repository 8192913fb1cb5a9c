//! A 党小组's key work of one month, and the review written at that month's
//! 党小组会 (完成情况、差距短板、整改措施、下月打算).

use leptos::prelude::*;

use crate::domain::job::Area;
use crate::ui::job::ReadOnly;
use leptos_router::hooks::use_params_map;

use crate::browser::clock;
use crate::domain::fusion::group_work::{review_meeting, status, GroupReview, GroupWorkItem};
use crate::domain::fusion::GroupMonth;
use crate::domain::record_sheet::when;
use crate::ui::draft_text::{DraftInput, DraftTextArea};
use crate::ui::link::A;
use crate::ui::state::use_app;
use crate::ui::widgets::PageHeader;

/// Which group and month, from the address.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Which {
    group_id: String,
    year: i32,
    month: u32,
}

#[component]
pub fn GroupMonthPage() -> impl IntoView {
    let state = use_app();
    let params = use_params_map();
    let which = Memo::new(move |_| {
        params.with(|p| {
            Some(Which {
                group_id: p.get("group")?,
                year: p.get("year")?.parse().ok()?,
                month: p
                    .get("month")?
                    .parse()
                    .ok()
                    .filter(|m| (1..=12).contains(m))?,
            })
        })
    });
    let group_name = move || {
        let w = which.get()?;
        state.doc.with(|d| {
            d.branch
                .groups
                .iter()
                .find(|g| g.id == w.group_id)
                .map(|g| format!("{} · {}年{}月", g.name, w.year, w.month))
        })
    };
    view! {
        <PageHeader title="党小组重点工作" back="/fusion" />
        {move || match (which.get(), group_name()) {
            (Some(w), Some(name)) => {
                let area = Area::GroupMonth {
                    group_id: w.group_id.clone(),
                };
                // Its 党小组长 keeps the month; the other groups' read.
                view! {
                    <h2 class="period-label">{name}</h2>
                    <ReadOnly area=area>
                        <WorkItems group_id=w.group_id.clone() year=w.year month=w.month />
                        <ReviewSection group_id=w.group_id year=w.year month=w.month />
                    </ReadOnly>
                }
                    .into_any()
            }
            _ => view! { <p class="empty">"找不到这个党小组。"</p> }.into_any(),
        }}
    }
}

/// The month's key work items: one line each, added and removed in place.
#[component]
fn WorkItems(group_id: String, year: i32, month: u32) -> impl IntoView {
    let state = use_app();
    let id = GroupMonth::id_for(&group_id, year, month);
    let items = {
        let id = id.clone();
        Memo::new(move |_| {
            state.doc.with(|d| {
                d.group_month(&id)
                    .map(|m| m.items.clone())
                    .unwrap_or_default()
            })
        })
    };
    let add = {
        let group_id = group_id.clone();
        move |_| {
            let item_id = clock::new_id("gw");
            state.edit_group_month(&group_id, year, month, move |m| {
                if !m.items.iter().any(|i| i.id == item_id) {
                    m.items.push(GroupWorkItem {
                        id: item_id.clone(),
                        ..GroupWorkItem::default()
                    });
                }
            });
        }
    };
    view! {
        <section class="card form" data-testid="group-work-items">
            <h2 class="card-title row-between">
                <span>"本月重点工作"</span>
                <button class="button small" on:click=add>
                    "＋ 一项"
                </button>
            </h2>
            <Show when=move || items.with(Vec::is_empty)>
                <p class="empty">"每月至少确定一项重点工作。"</p>
            </Show>
            <For each=move || items.get() key=|i| i.id.clone() let:item>
                {
                    let (group_id, item_id) = (group_id.clone(), item.id.clone());
                    let id = id.clone();
                    let value = {
                        let item_id = item_id.clone();
                        Memo::new(move |_| {
                            state
                                .doc
                                .with(|d| {
                                    d.group_month(&id)
                                        .and_then(|m| m.items.iter().find(|i| i.id == item_id))
                                        .map(|i| i.text.clone())
                                        .unwrap_or_default()
                                })
                        })
                    };
                    view! {
                        <DraftInput
                            label="重点工作"
                            name="group-work-item"
                            placeholder="如：完成一季度客户回访"
                            value=value
                            on_save=Callback::new(move |v: String| {
                                let item_id = item_id.clone();
                                state
                                    .edit_group_month(
                                        &group_id,
                                        year,
                                        month,
                                        move |m| {
                                            if let Some(i) = m
                                                .items
                                                .iter_mut()
                                                .find(|i| i.id == item_id)
                                            {
                                                i.text = v.trim().to_string();
                                            }
                                        },
                                    )
                            })
                        />
                    }
                }
            </For>
        </section>
    }
}

/// The review: written at the month's 党小组会 (or the next month's first),
/// or said to wait for it.
#[component]
fn ReviewSection(group_id: String, year: i32, month: u32) -> impl IntoView {
    let state = use_app();
    let meeting = {
        let group_id = group_id.clone();
        let id = GroupMonth::id_for(&group_id, year, month);
        Memo::new(move |_| {
            state.doc.with(|d| {
                review_meeting(d.group_month(&id), &group_id, year, month, &d.meetings)
                    .map(|m| (m.id.clone(), when(m)))
            })
        })
    };
    let label = {
        let id = GroupMonth::id_for(&group_id, year, month);
        move || {
            state
                .doc
                .with(|d| status(d.group_month(&id), &d.meetings).label())
        }
    };
    view! {
        <p class="muted small" data-testid="group-month-status">
            {label}
        </p>
        {move || match meeting.get() {
            Some((meeting_id, at)) => {
                view! {
                    <p class="muted small">
                        {format!("在{at}党小组会上回顾")} " · "
                        <A href=format!("/meetings/{meeting_id}")>"打开会议记录"</A>
                    </p>
                    <GroupReviewCard
                        group_id=group_id.clone()
                        year=year
                        month=month
                        meeting_id=meeting_id
                    />
                }
                    .into_any()
            }
            None => {
                view! {
                    <p class="hint">
                        "当月或次月第一次党小组会标记为已召开后，在会议记录的“清单”一栏或这里回顾完成情况、差距短板、整改措施和下月打算。"
                    </p>
                }
                    .into_any()
            }
        }}
    }
}

/// The 回顾's four texts, in the order the card shows them: each field's
/// label, its `name`, and where its text is kept.
type ReviewField = (
    &'static str,
    &'static str,
    fn(&GroupReview) -> &String,
    fn(&mut GroupReview, String),
);
const REVIEW_FIELDS: [ReviewField; 4] = [
    ("完成情况", "review-done", |r| &r.done, |r, v| r.done = v),
    ("差距短板", "review-gaps", |r| &r.gaps, |r, v| r.gaps = v),
    ("整改措施", "review-fixes", |r| &r.fixes, |r, v| r.fixes = v),
    ("下月打算", "review-next", |r| &r.next, |r, v| r.next = v),
];

/// The four review fields; writing them ties the review to `meeting_id`.
#[component]
pub fn GroupReviewCard(
    group_id: String,
    year: i32,
    month: u32,
    meeting_id: String,
) -> impl IntoView {
    let state = use_app();
    let id = GroupMonth::id_for(&group_id, year, month);
    let field = move |get: fn(&GroupReview) -> &String| -> Signal<String> {
        let id = id.clone();
        Memo::new(move |_| {
            state.doc.with(|d| {
                d.group_month(&id)
                    .map(|m| get(&m.review).clone())
                    .unwrap_or_default()
            })
        })
        .into()
    };
    let save = move |set: fn(&mut GroupReview, String)| {
        let (group_id, meeting_id) = (group_id.clone(), meeting_id.clone());
        Callback::new(move |v: String| {
            let meeting_id = meeting_id.clone();
            state.edit_group_month(&group_id, year, month, move |m| {
                set(&mut m.review, v.clone());
                m.review.meeting_id = Some(meeting_id.clone());
            })
        })
    };
    view! {
        <section class="card form" data-testid="group-review">
            <h2 class="card-title">{format!("{month}月重点工作回顾")}</h2>
            {REVIEW_FIELDS
                .map(|(label, name, get, set)| {
                    view! {
                        <DraftTextArea
                            label=label
                            name=name
                            rows=2
                            value=field(get)
                            on_save=save(set)
                        />
                    }
                })}
        </section>
    }
}
