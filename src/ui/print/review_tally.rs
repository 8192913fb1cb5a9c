//! 民主评议党员情况汇总表 for a year.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::paper::Paper;
use crate::domain::assessment::grading::EXCELLENT_RULE;
use crate::domain::assessment::{grade_check, review_rows, Decision, Grade};
use crate::domain::fusion::MemberCommitments;
use crate::ui::state::use_app;

/// Follows the address and the stored data: another id in the address,
/// or another page's edit, draws the view again.
#[component]
pub fn ReviewTallyPrint() -> impl IntoView {
    let state = use_app();
    let params = use_params_map();
    move || {
        state.doc.track();
        let year: i32 = params
            .with(|p| p.get("year"))
            .and_then(|y| y.parse().ok())
            .unwrap_or_default();
        view! { <ReviewTallyView year=year /> }
    }
}

/// One line of the tally.
struct TallyRow {
    name: String,
    standing: &'static str,
    /// 政治 / 纪律 / 品德 / 作用, as the member rated themselves.
    ratings: Vec<String>,
    self_grade: String,
    /// 民主测评 votes per grade, 优秀 first.
    poll: Option<[u32; 4]>,
    decided: String,
}

#[component]
fn ReviewTallyView(year: i32) -> impl IntoView {
    let state = use_app();
    let (rows, report, ballots, pledges) = state.doc.with_untracked(|d| {
        let rows: Vec<TallyRow> = review_rows(d, year)
            .into_iter()
            .map(|r| {
                let ratings = match &r.four_qualified {
                    Some(s) => s
                        .ratings_in_order()
                        .into_iter()
                        .map(|x| x.unwrap_or("").to_string())
                        .collect(),
                    None => vec![String::new(); 4],
                };
                let decided = match (r.no_grade_reason, r.decision) {
                    (Some(_), _) => "不评定等次（预备党员）".to_string(),
                    (None, Some(Decision::Graded { grade })) => grade.label().to_string(),
                    (None, Some(Decision::NotGraded { reason })) => {
                        format!("不评定等次（{reason}）")
                    }
                    (None, None) => String::new(),
                };
                let poll = d
                    .review(year)
                    .and_then(|rv| rv.entry(&r.member.id))
                    .and_then(|e| e.poll)
                    .map(|p| Grade::ALL.map(|g| p.votes(g)));
                TallyRow {
                    name: r.member.name.clone(),
                    standing: r.member.standing.label(),
                    ratings,
                    self_grade: r.self_grade().map(|g| g.label()).unwrap_or("").to_string(),
                    poll,
                    decided,
                }
            })
            .collect();
        let ballots = d.review(year).and_then(|r| r.ballots);
        let pledges: Vec<String> = d
            .members
            .iter()
            .filter_map(|m| {
                let c = d.commitments_of(&MemberCommitments::id_for(&m.id, year))?;
                let outcome = c.outcome();
                (!outcome.is_empty()).then(|| format!("{}：{outcome}", m.name))
            })
            .collect();
        (rows, grade_check(d, year), ballots, pledges)
    });
    let title = format!("{year}年度民主评议党员情况汇总表");
    let mut summary = format!(
        "党员总数 {} 人，参加评定等次 {} 人，评定为优秀 {} 人（{}，最多 {} 人）。",
        report.members, report.graded, report.excellent, EXCELLENT_RULE, report.max_excellent
    );
    if let Some(n) = ballots {
        summary.push_str(&format!("民主测评收回有效票 {n} 张。"));
    }
    let text = format!("{title}\n{summary}");
    view! {
        <Paper
            whole_page=true
            title=title
            back=format!("/assess/review/{year}")
            share_text=Signal::derive(move || text.clone())
        >
            <p class="sheet-meta">{summary}</p>
            {report
                .warnings
                .into_iter()
                .map(|w| view! { <p class="sheet-meta">{format!("注：{w}")}</p> })
                .collect_view()}
            <table class="grid-table tally-table">
                <thead>
                    <tr>
                        <th class="num" rowspan="2">
                            "序号"
                        </th>
                        <th class="col-person" rowspan="2">
                            "姓名"
                        </th>
                        <th class="col-person" rowspan="2">
                            "类别"
                        </th>
                        <th colspan="4">"“四个合格”自评"</th>
                        <th class="col-narrow" rowspan="2">
                            "自评等次"
                        </th>
                        <th colspan="4">"民主测评票数"</th>
                        <th rowspan="2">"评定等次"</th>
                    </tr>
                    <tr>
                        {["政治", "纪律", "品德", "作用"]
                            .map(|h| view! { <th class="col-narrow">{h}</th> })}
                        {Grade::ALL.map(|g| view! { <th class="col-narrow">{g.label()}</th> })}
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .enumerate()
                        .map(|(i, row)| {
                            let votes: Vec<String> = match row.poll {
                                Some(p) => p.iter().map(u32::to_string).collect(),
                                None => vec![String::new(); 4],
                            };
                            view! {
                                <tr>
                                    <td class="num">{i + 1}</td>
                                    <td class="col-person">{row.name}</td>
                                    <td class="col-person">{row.standing}</td>
                                    {row
                                        .ratings
                                        .into_iter()
                                        .map(|r| view! { <td class="col-narrow">{r}</td> })
                                        .collect_view()}
                                    <td class="col-narrow">{row.self_grade}</td>
                                    {votes
                                        .into_iter()
                                        .map(|v| view! { <td class="col-narrow">{v}</td> })
                                        .collect_view()}
                                    <td>{row.decided}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            {(!pledges.is_empty())
                .then(|| {
                    view! {
                        <section class="paper-section">
                            <h2>"承诺践诺评诺情况"</h2>
                            <ul class="paper-list">
                                {pledges.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                            </ul>
                        </section>
                    }
                })}
            <div class="signatures">
                <p>"党支部书记（签字）：" <span class="sign-line"></span></p>
                <p>"党支部（盖章）" <span class="sign-line short"></span></p>
                <p>"日期：" <span class="sign-line short"></span></p>
            </div>
        </Paper>
    }
}
