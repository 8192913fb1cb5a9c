//! 民主评议汇总, for the secretary: import the members' files, see their
//! self-grades and ratings, and record the branch's decided grade. The
//! one-third rule warns; it never blocks.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use crate::backup::exchange::{apply_import, read_assessment};
use crate::browser::files;
use crate::domain::assessment::{
    decide, grade_check, review_rows, Decision, Grade, COMMON_NOT_GRADED_REASONS,
};
use crate::ui::state::use_app;
use crate::ui::widgets::PageHeader;

const NOT_GRADED: &str = "__not_graded";

/// Follows the year in the address.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let year: i32 = params
            .with(|p| p.get("year"))
            .and_then(|y| y.parse().ok())
            .unwrap_or_else(super::default_year);
        view! { <ReviewYear year=year /> }
    }
}

#[component]
fn ReviewYear(year: i32) -> impl IntoView {
    let state = use_app();
    let messages = RwSignal::new(Vec::<(bool, String)>::new());
    let import_text = move |text: String| {
        let branch = state.doc.with_untracked(|d| d.branch.name.clone());
        match read_assessment(&text, &branch, year) {
            Err(problems) => messages.update(|m| {
                m.push((
                    false,
                    problems
                        .iter()
                        .map(|p| format!("{} {}", p.path, p.message))
                        .collect::<Vec<_>>()
                        .join("；"),
                ))
            }),
            Ok(imported) => {
                let outcome = std::rc::Rc::new(std::cell::RefCell::new(None));
                let result = outcome.clone();
                state.edit_review(year, move |d| {
                    *result.borrow_mut() = Some(apply_import(d, &imported))
                });
                let outcome = outcome.borrow_mut().take();
                match outcome {
                    Some(Ok(o)) => messages.update(|m| m.push((true, o.message))),
                    Some(Err(e)) => messages.update(|m| m.push((false, e))),
                    None => {}
                }
            }
        }
    };
    let on_files = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(list) = input.files() else { return };
        let picked: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        input.set_value("");
        messages.set(Vec::new());
        spawn_local(async move {
            for file in picked {
                match files::read_text(&file).await {
                    Ok(text) => import_text(text),
                    Err(_) => {
                        messages.update(|m| m.push((false, format!("{}：无法读取", file.name()))))
                    }
                }
            }
        });
    };
    let pasted = RwSignal::new(String::new());
    let report = move || state.doc.with(|d| grade_check(d, year));
    view! {
        <PageHeader title="民主评议汇总" back="/assess" />
        <p class="muted">
            {format!(
                "{year} 年度 · 优秀一般不超过参评党员的三分之一，预备党员参加评议但不评定等次。",
            )}
        </p>
        <section class="card form">
            <h2 class="card-title">"导入党员自评"</h2>
            <label class="button file-button">
                "选择自评文件（可多选）…"
                <input
                    type="file"
                    name="assessment-files"
                    multiple
                    accept=".json,application/json,text/plain"
                    on:change=on_files
                />
            </label>
            <details class="paste">
                <summary>"或粘贴自评文本"</summary>
                <textarea
                    name="assessment-paste"
                    rows="4"
                    aria-label="粘贴自评文本"
                    prop:value=pasted
                    on:input=move |ev| pasted.set(event_target_value(&ev))
                ></textarea>
                <button
                    class="button"
                    on:click=move |_| {
                        messages.set(Vec::new());
                        import_text(pasted.get_untracked());
                        pasted.set(String::new());
                    }
                >
                    "导入"
                </button>
            </details>
            <ul class="messages">
                {move || {
                    messages
                        .get()
                        .into_iter()
                        .map(|(ok, text)| {
                            view! {
                                <li class:ok=ok class:error=!ok>
                                    {text}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </section>
        <section class="card" data-testid="grade-report">
            <p>
                {move || {
                    let r = report();
                    format!(
                        "已评定 {} 人，其中优秀 {} 人（最多 {} 人）",
                        r.graded,
                        r.excellent,
                        r.max_excellent,
                    )
                }}
            </p>
            {move || {
                report()
                    .warnings
                    .into_iter()
                    .map(|w| {
                        view! {
                            <p class="error" role="alert">
                                {w}
                            </p>
                        }
                    })
                    .collect_view()
            }}
        </section>
        <ul class="review-list card">
            {move || {
                state
                    .doc
                    .with(|d| {
                        review_rows(d, year)
                            .into_iter()
                            .map(|row| {
                                let member_id = row.member.id.clone();
                                let name = row.member.name.clone();
                                let self_grade = row
                                    .self_grade()
                                    .map(|g| g.label())
                                    .unwrap_or("—");
                                let ratings = row
                                    .four_qualified
                                    .as_ref()
                                    .map(|s| {
                                        s.ratings_in_order()
                                            .into_iter()
                                            .map(|r| r.unwrap_or("—").to_string())
                                            .collect::<Vec<_>>()
                                            .join(" / ")
                                    })
                                    .unwrap_or_else(|| "未交自评".into());
                                let decision = row.decision.cloned();
                                let fixed_reason = row.no_grade_reason;
                                view! {
                                    <ReviewRowView
                                        year=year
                                        member_id=member_id
                                        name=name
                                        self_grade=self_grade
                                        ratings=ratings
                                        decision=decision
                                        fixed_reason=fixed_reason
                                    />
                                }
                            })
                            .collect_view()
                    })
            }}
        </ul>
        <datalist id="not-graded-reasons">
            {COMMON_NOT_GRADED_REASONS.map(|r| view! { <option value=r></option> })}
        </datalist>
        <A href=format!("/print/review/{year}") attr:class="button">
            "打印评议汇总表"
        </A>
    }
}

#[component]
fn ReviewRowView(
    year: i32,
    member_id: String,
    name: String,
    self_grade: &'static str,
    ratings: String,
    decision: Option<Decision>,
    fixed_reason: Option<&'static str>,
) -> impl IntoView {
    let state = use_app();
    let current = match &decision {
        Some(Decision::Graded { grade }) => grade.label().to_string(),
        Some(Decision::NotGraded { .. }) => NOT_GRADED.to_string(),
        None => String::new(),
    };
    let reason = match &decision {
        Some(Decision::NotGraded { reason }) => reason.clone(),
        _ => String::new(),
    };
    let show_reason = current == NOT_GRADED;
    let choose_id = member_id.clone();
    let reason_id = member_id.clone();
    view! {
        <li class="review-row">
            <div class="row-between">
                <strong>{name.clone()}</strong>
                <span class="muted small">{format!("自评：{self_grade}")}</span>
            </div>
            <p class="muted small">{format!("四个合格：{ratings}")}</p>
            {match fixed_reason {
                Some(reason) => view! { <p class="hint">{reason}</p> }.into_any(),
                None => {
                    view! {
                        <select
                            name="decided-grade"
                            aria-label=format!("{name} 的评定等次")
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                let decision = if v.is_empty() {
                                    None
                                } else if v == NOT_GRADED {
                                    Some(Decision::NotGraded {
                                        reason: String::new(),
                                    })
                                } else {
                                    Grade::ALL
                                        .iter()
                                        .find(|g| g.label() == v)
                                        .map(|g| Decision::Graded { grade: *g })
                                };
                                let id = choose_id.clone();
                                state
                                    .edit_review(
                                        year,
                                        move |d| decide(d, year, &id, decision.clone()),
                                    );
                            }
                        >
                            <option value="" selected=current.is_empty()>
                                "待评定"
                            </option>
                            {Grade::ALL
                                .map(|g| {
                                    view! {
                                        <option value=g.label() selected=current == g.label()>
                                            {g.label()}
                                        </option>
                                    }
                                })}
                            <option value=NOT_GRADED selected=show_reason>
                                "不评定等次"
                            </option>
                        </select>
                        {show_reason
                            .then(|| {
                                view! {
                                    <input
                                        type="text"
                                        name="not-graded-reason"
                                        placeholder="请填写不评定的原因"
                                        maxlength="100"
                                        prop:value=reason
                                        list="not-graded-reasons"
                                        aria-label=format!("{name} 不评定等次的原因")
                                        on:change=move |ev| {
                                            let reason = event_target_value(&ev).trim().to_string();
                                            let id = reason_id.clone();
                                            state
                                                .edit_review(
                                                    year,
                                                    move |d| decide(
                                                        d,
                                                        year,
                                                        &id,
                                                        Some(Decision::NotGraded {
                                                            reason: reason.clone(),
                                                        }),
                                                    ),
                                                );
                                        }
                                    />
                                }
                            })}
                    }
                        .into_any()
                }
            }}
        </li>
    }
}
