//! 书记抓基层党建工作述职: the secretary's report of the year under the three
//! headings such reports use, each with what it usually covers.

use leptos::prelude::*;

use super::{save_report, YearPaperPage};
use crate::domain::year_work::report::{reporter, HEADINGS};
use crate::ui::draft_text::DraftTextArea;
use crate::ui::state::use_app;
use crate::ui::widgets::PrintButton;

#[component]
pub fn SecretaryReportPage() -> impl IntoView {
    view! {
        <YearPaperPage title="书记抓党建述职" paper=|year| view! { <Report year=year /> } />
    }
}

#[component]
fn Report(year: i32) -> impl IntoView {
    let state = use_app();
    let key = year.to_string();
    let stored = Memo::new(move |_| state.doc.with(|d| d.secretary_report(&key).cloned()));
    let who = Memo::new(move |_| {
        stored.with(|r| r.as_ref().and_then(|r| state.doc.with(|d| reporter(d, r))))
    });
    let sections = HEADINGS
        .iter()
        .enumerate()
        .map(|(i, (heading, covers))| {
            let value = Signal::derive(move || {
                stored.with(|r| {
                    r.as_ref()
                        .and_then(|r| r.sections().get(i).map(|t| t.to_string()))
                        .unwrap_or_default()
                })
            });
            let save = Callback::new(move |text: String| {
                save_report(state, year, move |r| match i {
                    0 => r.duties = text.clone(),
                    1 => r.problems = text.clone(),
                    _ => r.plans = text.clone(),
                })
            });
            view! {
                <DraftTextArea
                    label=*heading
                    name=format!("report-{i}")
                    placeholder=*covers
                    value=value
                    rows=6
                    on_save=save
                />
            }
        })
        .collect_view();
    view! {
        <h2 class="period-label">{format!("{year}年度")}</h2>
        <p class="hint">
            {move || match who.get() {
                Some(name) => format!("述职人：{name}"),
                None => "述职人为开始填写时的党支部书记。".to_string(),
            }}
        </p>
        <section class="card form">{sections}</section>
        <p class="hint">
            "述职报告只保存在本机和完整备份中，不随支部资料包发给党员。"
        </p>
        <div class="row">
            <PrintButton
                href=format!("/print/year/report/{year}")
                label="打印述职报告"
                primary=true
            />
        </div>
    }
}
