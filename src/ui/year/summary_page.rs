//! 年度工作总结: the year's figures, computed from the records each time,
//! and the secretary's text, begun from a draft of those figures. A new
//! draft replaces the text only while nobody has changed it, or after the
//! secretary agrees.

use leptos::prelude::*;

use super::{save_summary, YearPaperPage};
use crate::browser::{clock, dialog};
use crate::domain::year_work::summary::year_figures;
use crate::ui::draft_text::DraftTextArea;
use crate::ui::state::use_app;
use crate::ui::widgets::PrintButton;

#[component]
pub fn YearSummaryPage() -> impl IntoView {
    view! { <YearPaperPage title="年度工作总结" paper=|year| view! { <Summary year=year /> } /> }
}

#[component]
fn Summary(year: i32) -> impl IntoView {
    let state = use_app();
    let key = year.to_string();
    let figures = Memo::new(move |_| state.doc.with(|d| year_figures(d, year, clock::today())));
    let draft = Memo::new(move |_| figures.with(|f| f.as_ref().map(|f| f.draft())));
    let stored = Memo::new(move |_| state.doc.with(|d| d.year_summary(&key).cloned()));
    let text = move |part: fn(&crate::domain::year_work::YearSummary) -> String| {
        Signal::derive(move || stored.with(|s| s.as_ref().map(part).unwrap_or_default()))
    };
    let saver = move |set: fn(&mut crate::domain::year_work::YearSummary, String)| {
        Callback::new(move |text: String| save_summary(state, year, move |s| set(s, text.clone())))
    };
    // What the draft button says and does, as things stand.
    let draft_state = Memo::new(move |_| {
        let current = draft.get().unwrap_or_default();
        stored.with(|s| match s {
            None => DraftState::None,
            Some(s) if s.work.trim().is_empty() => DraftState::None,
            Some(s) if s.is_edited() => DraftState::Edited,
            Some(s) if s.drafted == current => DraftState::Current,
            Some(_) => DraftState::Stale,
        })
    });
    let take_draft = move |_| {
        let Some(current) = draft.get_untracked() else {
            return;
        };
        let replace = draft_state.get_untracked() == DraftState::Edited;
        if replace
            && !dialog::confirm(
                "“主要工作和成效”已经修改过。用按最新记录生成的草稿替换修改后的文字吗？",
            )
        {
            return;
        }
        save_summary(state, year, move |s| {
            s.take_draft(&current, replace);
        });
    };
    view! {
        <h2 class="period-label">{format!("{year}年度")}</h2>
        <section class="card" data-testid="summary-figures">
            <h2 class="card-title">"本年度主要工作数据"</h2>
            <p class="hint">"以下数据由本机记录自动统计，随记录更新。"</p>
            {move || {
                figures
                    .get()
                    .map(|f| {
                        f.sections()
                            .into_iter()
                            .map(|(heading, lines)| {
                                view! {
                                    <h3 class="list-heading">{heading}</h3>
                                    <ul class="requirement-list">
                                        {lines
                                            .into_iter()
                                            .map(|l| {
                                                view! { <li class="requirement hours-row small">{l}</li> }
                                            })
                                            .collect_view()}
                                    </ul>
                                }
                            })
                            .collect_view()
                    })
            }}
        </section>
        <section class="card form">
            <div class="row">
                <button class="button" data-testid="take-draft" on:click=take_draft>
                    {move || match draft_state.get() {
                        DraftState::None => "根据本年记录生成草稿",
                        _ => "按最新记录重新生成草稿",
                    }}
                </button>
            </div>
            <p class="hint" data-testid="draft-state">
                {move || match draft_state.get() {
                    DraftState::None => {
                        "草稿由上面的数据写成，生成后可以自由修改。"
                    }
                    DraftState::Current => "草稿与最新记录一致。",
                    DraftState::Stale => {
                        "记录有更新：重新生成可让草稿与最新数据一致。"
                    }
                    DraftState::Edited => {
                        "文字已修改；重新生成前会先询问，不会直接覆盖。"
                    }
                }}
            </p>
            <DraftTextArea
                label="一、主要工作和成效"
                name="summary-work"
                value=text(|s| s.work.clone())
                rows=8
                on_save=saver(|s, text| s.work = text)
            />
            <DraftTextArea
                label="二、存在的问题和不足"
                name="summary-shortcomings"
                value=text(|s| s.shortcomings.clone())
                on_save=saver(|s, text| s.shortcomings = text)
            />
            <DraftTextArea
                label="三、下一年度工作打算"
                name="summary-next-year"
                value=text(|s| s.next_year.clone())
                on_save=saver(|s, text| s.next_year = text)
            />
        </section>
        <div class="row">
            <PrintButton
                href=format!("/print/year/summary/{year}")
                label="打印总结"
                primary=true
            />
        </div>
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DraftState {
    /// Nothing written yet.
    None,
    /// The text is the draft of today's figures.
    Current,
    /// The text is an older draft, untouched: the records changed since.
    Stale,
    /// The secretary changed the text.
    Edited,
}
