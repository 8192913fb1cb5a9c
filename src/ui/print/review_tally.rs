//! 民主评议党员情况汇总表 for a year.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::paper::Paper;
use crate::domain::assessment::{grade_check, review_rows, Decision};
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

#[component]
fn ReviewTallyView(year: i32) -> impl IntoView {
    let state = use_app();
    let (rows, report) = state.doc.with_untracked(|d| {
        let rows: Vec<(String, String, String, String, String)> = review_rows(d, year)
            .into_iter()
            .map(|r| {
                let ratings = r
                    .four_qualified
                    .as_ref()
                    .map(|s| {
                        s.ratings_in_order()
                            .into_iter()
                            .map(|x| x.unwrap_or("—").to_string())
                            .collect::<Vec<_>>()
                            .join("/")
                    })
                    .unwrap_or_else(|| "—".into());
                let decided = match (r.no_grade_reason, r.decision) {
                    (Some(_), _) => "不评定等次（预备党员）".to_string(),
                    (None, Some(Decision::Graded { grade })) => grade.label().to_string(),
                    (None, Some(Decision::NotGraded { reason })) => {
                        format!("不评定等次（{reason}）")
                    }
                    (None, None) => "待评定".to_string(),
                };
                (
                    r.member.name.clone(),
                    r.member.standing.label().to_string(),
                    ratings,
                    r.self_grade().map(|g| g.label()).unwrap_or("—").to_string(),
                    decided,
                )
            })
            .collect();
        (rows, grade_check(d, year))
    });
    let title = format!("{year} 年度民主评议党员情况汇总表");
    let summary = format!(
        "参加评定 {} 人，评为优秀 {} 人（优秀比例上限 {} 人）。",
        report.graded, report.excellent, report.max_excellent
    );
    let text = format!("{title}\n{summary}");
    view! {
        <Paper
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
            <table class="grid-table">
                <thead>
                    <tr>
                        <th class="num">"序号"</th>
                        <th class="col-person">"姓名"</th>
                        <th class="col-person">"类别"</th>
                        <th>"四个合格自评"</th>
                        <th class="col-person">"自评等次"</th>
                        <th>"评定等次"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .enumerate()
                        .map(|(i, (name, standing, ratings, self_grade, decided))| {
                            view! {
                                <tr>
                                    <td class="num">{i + 1}</td>
                                    <td class="col-person">{name}</td>
                                    <td class="col-person">{standing}</td>
                                    <td>{ratings}</td>
                                    <td class="col-person">{self_grade}</td>
                                    <td>{decided}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            <div class="signatures">
                <p>"党支部书记（签字）：" <span class="sign-line"></span></p>
                <p>"党支部（盖章）" <span class="sign-line short"></span></p>
                <p>"日期：" <span class="sign-line short"></span></p>
            </div>
        </Paper>
    }
}
