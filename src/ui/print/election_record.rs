//! One ballot of an election on a printed record: the figures the chair
//! announces (应到、实到、发出、收回、有效票), each candidate's votes, the
//! 监票人 and 计票人, the result in the rules' words and its report. Where
//! the rules come from is printed once under all the ballots
//! (`super::election_bases`).

use leptos::prelude::*;

use super::paper::FormRow;
use crate::domain::record_sheet::ElectionSheet;

#[component]
pub fn ElectionRecord(sheet: ElectionSheet) -> impl IntoView {
    let dash = |s: &str| {
        if s.is_empty() {
            "—".to_string()
        } else {
            s.to_string()
        }
    };
    view! {
        <div class="election-record">
            <h3 class="paper-subtitle">{sheet.title.clone()}</h3>
            <table class="form-table">
                <tbody>
                    <FormRow label="到会情况" value=sheet.attendance.clone() />
                    <FormRow label="选票" value=dash(&sheet.ballots) />
                    <FormRow label="候选人" value=dash(&sheet.margin) />
                    <FormRow label="监票人" value=dash(&sheet.scrutineers) />
                    <FormRow label="计票人" value=dash(&sheet.tellers) />
                </tbody>
            </table>
            <table class="grid-table">
                <thead>
                    <tr>
                        <th class="num">"序号"</th>
                        <th>"被选举人"</th>
                        <th class="num">"得票"</th>
                        <th class="col-state">"结果"</th>
                    </tr>
                </thead>
                <tbody>
                    {sheet
                        .candidates
                        .iter()
                        .enumerate()
                        .map(|(i, (name, votes, outcome))| {
                            view! {
                                <tr>
                                    <td class="num">{i + 1}</td>
                                    <td>{name.clone()}</td>
                                    <td class="num">{*votes}</td>
                                    <td class="col-state">{outcome.clone()}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            <p class="vote-sentence">{format!("{}。{}。", sheet.threshold, sheet.result)}</p>
            {(!sheet.report.is_empty())
                .then(|| view! { <p class="vote-sentence">{format!("{}。", sheet.report)}</p> })}
        </div>
    }
}
