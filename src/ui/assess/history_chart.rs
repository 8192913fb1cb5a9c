//! 历年对比: how the member's ratings moved from year to year, drawn as a
//! small inline SVG chart (no chart library to download).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::domain::assessment::{max_score, rating_history, standards, AssessmentKind};
use crate::ui::state::use_app;
use crate::ui::widgets::PageHeader;

const WIDTH: i32 = 320;
const HEIGHT: i32 = 160;
const PAD: i32 = 28;
const COLOURS: [&str; 5] = ["#b3261e", "#1a6fb3", "#1a7f37", "#8a5a00", "#6b3fa0"];

/// Follows the address and the stored data: another id in the address,
/// or another page's edit, draws the view again.
#[component]
pub fn HistoryPage() -> impl IntoView {
    let state = use_app();
    let params = use_params_map();
    move || {
        state.doc.track();
        let member_id = params.with(|p| p.get("id")).unwrap_or_default();
        view! { <HistoryView member_id=member_id /> }
    }
}

#[component]
fn HistoryView(member_id: String) -> impl IntoView {
    let state = use_app();
    let name = state
        .doc
        .with_untracked(|d| d.member(&member_id).map(|m| m.name.clone()))
        .unwrap_or_default();
    view! {
        <PageHeader title="历年自评对比" back="/assess" />
        <p class="muted">{name}</p>
        {AssessmentKind::ALL
            .map(|kind| view! { <KindChart member_id=member_id.clone() kind=kind /> })
            .collect_view()}
    }
}

#[component]
fn KindChart(member_id: String, kind: AssessmentKind) -> impl IntoView {
    let state = use_app();
    let (history, top, scale) = state.doc.with_untracked(|d| {
        (
            rating_history(d, &member_id, kind),
            max_score(d).max(1),
            d.branch
                .assessment
                .scale()
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>(),
        )
    });
    if history.is_empty() {
        return ().into_any();
    }
    let years = history.len() as i32;
    let x = move |i: i32| {
        if years <= 1 {
            WIDTH / 2
        } else {
            PAD + i * (WIDTH - 2 * PAD) / (years - 1)
        }
    };
    let y = move |score: u8| {
        HEIGHT - PAD - (i32::from(score) - 1) * (HEIGHT - 2 * PAD) / i32::from(top.max(2) - 1)
    };
    let lines = (0..standards(kind).len())
        .map(|s| {
            let points: Vec<(i32, i32)> = history
                .iter()
                .enumerate()
                // Standards with the same rating would hide each other: each
                // series sits a few pixels apart.
                .filter_map(|(i, (_, scores))| {
                    scores
                        .get(s)
                        .copied()
                        .flatten()
                        .map(|score| (x(i as i32) + 5 * s as i32 - 10, y(score)))
                })
                .collect();
            let path = points
                .iter()
                .map(|(px, py)| format!("{px},{py}"))
                .collect::<Vec<_>>()
                .join(" ");
            let colour = COLOURS[s % COLOURS.len()];
            view! {
                <polyline points=path fill="none" stroke=colour stroke-width="2" />
                {points
                    .into_iter()
                    .map(|(px, py)| view! { <circle cx=px cy=py r="3" fill=colour /> })
                    .collect_view()}
            }
        })
        .collect_view();
    let legend = standards(kind)
        .iter()
        .enumerate()
        .map(|(s, standard)| {
            view! {
                <li>
                    <span class="swatch" data-colour=s.to_string()></span>
                    {standard.title}
                </li>
            }
        })
        .collect_view();
    // Ten years of labels would touch: every n-th year is named, counting
    // back from the latest, so labels stay at least 36 units apart.
    let every = if years <= 1 {
        1
    } else {
        ((36 * (years - 1) + WIDTH - 2 * PAD - 1) / (WIDTH - 2 * PAD)).max(1)
    };
    let year_labels = history
        .iter()
        .enumerate()
        .filter(|(i, _)| (years - 1 - *i as i32) % every == 0)
        .map(|(i, (year, _))| {
            view! {
                <text x=x(i as i32) y=HEIGHT - 6 text-anchor="middle" font-size="11">
                    {year.to_string()}
                </text>
            }
        })
        .collect_view();
    let scale_labels = scale
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let score = (scale.len() - i) as u8;
            view! {
                <text x="2" y=y(score) + 4 font-size="11">
                    {label.clone()}
                </text>
            }
        })
        .collect_view();
    view! {
        <section class="card">
            <h2 class="card-title">{kind.label()}</h2>
            <svg
                class="history-chart"
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                role="img"
                aria-label=format!("{}历年评价", kind.label())
            >
                {scale_labels}
                {lines}
                {year_labels}
            </svg>
            <ul class="legend">{legend}</ul>
        </section>
    }
    .into_any()
}
