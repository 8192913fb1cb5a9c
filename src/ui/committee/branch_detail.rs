//! One branch's figures of a year, as it reported them: each requirement
//! month by month (or by quarter, or the year), members, 民主评议 grades,
//! 学时, 党费 and the year's texts; then its years side by side.

use leptos::prelude::*;

use super::{Committee, ItemHeads};
use crate::browser::clock;
use crate::domain::assessment::grades::Grade;
use crate::domain::fusion::study::tenths_text;
use crate::domain::report::overview::{branch_years, cell, Span};
use crate::domain::report::{yuan_text, Item};

#[component]
pub(super) fn BranchDetail(
    committee: Committee,
    year: i32,
    branch_id: String,
    on_close: impl Fn() + 'static,
) -> impl IntoView {
    let today = clock::today();
    let report = committee.collection.with_untracked(|c| {
        c.of_year(year)
            .into_iter()
            .find(|r| r.report.branch_id == branch_id)
            .map(|r| (r.report.clone(), r.made_at.clone()))
    });
    let Some((report, made_at)) = report else {
        return view! { <p class="empty">"没有这个支部的材料。"</p> }.into_any();
    };
    let m = report.membership;
    let g = report.grades;
    let s = report.study;
    let months: Vec<u32> = (1..=12).collect();
    let grades = Grade::ALL
        .iter()
        .map(|grade| format!("{} {} 名", grade.label(), g.of(*grade)))
        .collect::<Vec<_>>()
        .join("，");
    let texts = report.texts.clone();
    view! {
        <section class="card branch-detail" data-testid="branch-detail">
            <h2 class="card-title">{format!("{}（{year}年度）", report.branch_name)}</h2>
            <p class="hint">
                {format!(
                    "统计截至 {}，报送于 {made_at}。",
                    crate::domain::time::format_chinese_date(report.as_of),
                )}
            </p>
            <p>
                {format!(
                    "党员 {} 名（正式党员 {}，预备党员 {}），党小组 {} 个。",
                    m.total,
                    m.full,
                    m.probationary,
                    m.groups,
                )}
            </p>
            <div
                class="table-scroll"
                role="region"
                aria-label="逐月落实情况表，可左右滑动"
                tabindex="0"
            >
                <table class="overview-table">
                    <thead>
                        <tr>
                            <th scope="col">"月份"</th>
                            {Item::ALL
                                .iter()
                                .map(|i| view! { <th scope="col">{i.label()}</th> })
                                .collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {months
                            .into_iter()
                            .map(|month| {
                                view! {
                                    <tr>
                                        <th scope="row">{format!("{month}月")}</th>
                                        {Item::ALL
                                            .iter()
                                            .map(|item| {
                                                let c = cell(&report, *item, Span::Month(month), today);
                                                view! {
                                                    <td class=format!(
                                                        "mark-{}",
                                                        c.mark.class(),
                                                    )>{c.mark.label()}</td>
                                                }
                                            })
                                            .collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            <p>
                {format!(
                    "民主评议：{grades}；不评定等次 {} 名，未定 {} 名。",
                    g.not_graded,
                    g.undecided,
                )}
            </p>
            <p>
                {format!(
                    "学时：{} 名党员中 {} 名达到要求，合计 {} 学时{}。",
                    s.members,
                    s.reached,
                    tenths_text(s.total_tenths),
                    if s.unit_unset {
                        "（支部未设学时折算，只计支部以外培训）"
                    } else {
                        ""
                    },
                )}
            </p>
            <p>
                {match report.dues {
                    Some(d) => {
                        format!(
                            "党费：应交 {} 元，实交 {} 元，上缴 {} 元。",
                            yuan_text(d.owed_fen),
                            yuan_text(d.paid_fen),
                            yuan_text(d.remitted_fen),
                        )
                    }
                    None => "党费：报送的手机没有党费台账。".to_string(),
                }}
            </p>
            <p>
                {match report.development {
                    Some(d) => format!("发展党员：{}。", d.sentence()),
                    None => "发展党员：报送的手机没有发展党员纪实。".to_string(),
                }}
            </p>
            {(!texts.is_empty())
                .then(|| {
                    view! {
                        <h3>"年度工作计划"</h3>
                        <p class="prose">{texts.plan.clone()}</p>
                        <h3>"年度工作总结"</h3>
                        <p class="prose">{texts.summary.clone()}</p>
                        <h3>"书记抓党建述职"</h3>
                        <p class="prose">{texts.secretary_report.clone()}</p>
                    }
                })}
            <YearsCompared committee=committee branch_id=branch_id />
            <button class="button" type="button" on:click=move |_| on_close()>
                "收起"
            </button>
        </section>
    }
        .into_any()
}

/// 历年对比: the branch's row of each year's overview, latest first, once
/// it has reported more than one year (years still being read join when
/// they arrive).
#[component]
fn YearsCompared(committee: Committee, branch_id: String) -> impl IntoView {
    let today = clock::today();
    move || {
        committee.collection.with(|c| {
            let rows = branch_years(c, &branch_id, today);
            (rows.len() > 1).then(|| {
                view! {
                    <h3>"历年对比"</h3>
                    <div
                        class="table-scroll"
                        role="region"
                        aria-label="历年落实情况对比表，可左右滑动"
                        tabindex="0"
                    >
                        <table class="overview-table" data-testid="years-compared">
                            <thead>
                                <tr>
                                    <th scope="col">"年度"</th>
                                    <th scope="col">"党员数"</th>
                                    <ItemHeads />
                                </tr>
                            </thead>
                            <tbody>
                                {rows
                                    .iter()
                                    .map(|row| {
                                        view! {
                                            <tr>
                                                <th scope="row">{row.name.clone()}</th>
                                                <td>{row.members_text()}</td>
                                                {row
                                                    .cells
                                                    .iter()
                                                    .map(|c| {
                                                        view! {
                                                            <td class=format!("mark-{}", c.mark.class())>{c.text()}</td>
                                                        }
                                                    })
                                                    .collect_view()}
                                                <td>{row.study_text()}</td>
                                                <td>{row.dues_text()}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
            })
        })
    }
}
