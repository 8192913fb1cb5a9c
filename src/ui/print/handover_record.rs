//! 支部委员会换届工作记录: the term, the steps with their days, the
//! renewal's ballots and who held which post when, on A4.

use leptos::prelude::*;

use super::election_bases::ElectionBases;
use super::election_record::ElectionRecord;
use super::meeting_record::Section;
use super::paper::Paper;
use crate::browser::clock;
use crate::domain::handover::handover_sheet;
use crate::ui::state::use_app;

#[component]
pub fn HandoverPrint() -> impl IntoView {
    let state = use_app();
    move || {
        state.doc.track();
        let sheet = state
            .doc
            .with_untracked(|d| handover_sheet(d, clock::today()));
        let text = sheet.as_text(&state.doc.with_untracked(|d| d.branch.name.clone()));
        view! {
            <Paper
                title="支部委员会换届工作记录".into()
                back="/mine/handover".into()
                share_text=Signal::derive(move || text.clone())
            >
                <div class="prose">
                    <p>{sheet.term.clone()}</p>
                    {(!sheet.notice.is_empty()).then(|| view! { <p>{sheet.notice.clone()}</p> })}
                </div>
                <Section title="换届步骤" show=true>
                    <table class="grid-table">
                        <thead>
                            <tr>
                                <th class="num">"序号"</th>
                                <th class="col-person">"步骤"</th>
                                <th>"内容"</th>
                                <th class="col-date">"完成日期"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {sheet
                                .steps
                                .iter()
                                .enumerate()
                                .map(|(i, (short, label, on))| {
                                    let what = label
                                        .split_once('：')
                                        .map_or(label.clone(), |(_, rest)| rest.to_string());
                                    view! {
                                        <tr>
                                            <td class="num">{i + 1}</td>
                                            <td class="col-person">{short.clone()}</td>
                                            <td>{what}</td>
                                            <td class="col-date">{on.clone()}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </Section>
                <Section title="选举情况" show=!sheet.elections.is_empty()>
                    {sheet
                        .elections
                        .iter()
                        .map(|e| view! { <ElectionRecord sheet=e.clone() /> })
                        .collect_view()}
                    <ElectionBases sheets=sheet.elections.clone() />
                </Section>
                <Section title="支部委员会组成" show=!sheet.committee.is_empty()>
                    <table class="grid-table">
                        <thead>
                            <tr>
                                <th class="col-state">"职务"</th>
                                <th class="col-person">"姓名"</th>
                                <th>"任职起止"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {sheet
                                .committee
                                .iter()
                                .map(|(post, name, span)| {
                                    view! {
                                        <tr>
                                            <td class="col-state">{post.clone()}</td>
                                            <td class="col-person">{name.clone()}</td>
                                            <td>{span.clone()}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </Section>
                <div class="signatures">
                    <p>"党支部（盖章）：" <span class="sign-line"></span></p>
                    <p>"日期：" <span class="sign-line short"></span></p>
                </div>
            </Paper>
        }
    }
}
