//! 民主评议汇总, for the secretary: import the members' files, see their
//! self-grades and ratings, and record the branch's decided grade. The
//! one-third rule warns; it never blocks.

use crate::ui::link::A;
use leptos::prelude::*;

use crate::domain::job::Area;
use crate::domain::Document;
use crate::ui::job::{ReadOnly, WhereEditable};
use leptos_router::hooks::use_params_map;

use super::returns_import::ReturnsImport;
use crate::domain::assessment::grading::EXCELLENT_RULE;
use crate::domain::assessment::review::{
    edit_entry, grade_rest_qualified, hand_in, undo_rest_qualified, Poll, Remedy, ReviewEntry,
    RowFilter,
};
use crate::domain::assessment::{
    decide, form_for, grade_check, review_mut, review_rows, standards, AssessmentKind, Decision,
    Grade, COMMON_NOT_GRADED_REASONS,
};
use crate::domain::meeting::PersonRef;
use crate::domain::time::format_short_date;
use crate::ui::draft_text::DraftTextArea;
use crate::ui::person_picker::PersonPicker;
use crate::ui::state::use_app;
use crate::ui::widgets::{ChangeField, DateInput, PageHeader, PrintButton};

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
    let report = move || state.doc.with(|d| grade_check(d, year));
    let filter = RwSignal::new(RowFilter::All);
    let rows = Memo::new(move |_| {
        let filter = filter.get();
        state.doc.with(|d| {
            review_rows(d, year)
                .into_iter()
                .filter(|row| filter.shows(row))
                .map(|row| RowSummary {
                    member_id: row.member.id.clone(),
                    name: row.member.name.clone(),
                    self_grade: row.self_grade().map(|g| g.label()).unwrap_or("—"),
                    ratings: row
                        .four_qualified
                        .as_ref()
                        .map(|s| {
                            s.ratings_in_order()
                                .into_iter()
                                .map(|r| r.unwrap_or("—").to_string())
                                .collect::<Vec<_>>()
                                .join(" / ")
                        })
                        .unwrap_or_else(|| "未交自评".into()),
                    fixed_reason: row.no_grade_reason,
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <PageHeader title="民主评议汇总" back="/assess" />
        <ReadOnly area=Area::Tallies>
            <p class="muted">
                {format!(
                    "{year} 年度 · {EXCELLENT_RULE}；预备党员参加民主评议，但不评定等次。",
                )}
            </p>
            // Taking members' returns in is the tally's keeper's work.
            <WhereEditable>
                <ReturnsImport year=year />
            </WhereEditable>
            <HandInCard year=year />
            <BallotsField year=year />
            <section class="card" data-testid="grade-report">
                <p>
                    {move || {
                        let r = report();
                        format!(
                            "党员总数 {} 人，已评定 {} 人，其中优秀 {} 人（按三分之一计最多 {} 人）",
                            r.members,
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
            <GradingBar year=year filter=filter />
            // No card at all when no row is left (not a thin empty one above
            // "都已评定").
            <Show when=move || rows.with(|r| !r.is_empty())>
                <ul class="review-list card">
                    <For each=move || rows.get() key=|r| r.clone() let:row>
                        <ReviewRowView year=year row=row />
                    </For>
                </ul>
            </Show>
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="empty">
                    {move || match filter.get() {
                        RowFilter::AwaitingGrade => "都已评定。",
                        RowFilter::HandedIn => "还没有人交自评。",
                        RowFilter::All => "没有需要评议的党员。",
                    }}
                </p>
            </Show>
            <datalist id="not-graded-reasons">
                {COMMON_NOT_GRADED_REASONS.map(|r| view! { <option value=r></option> })}
            </datalist>
        </ReadOnly>
        <PrintButton href=format!("/print/review/{year}") label="打印评议汇总表" />
    }
}

/// Above the rows: which rows to show, and 其余全部合格 with one 撤销.
#[component]
fn GradingBar(year: i32, filter: RwSignal<RowFilter>) -> impl IntoView {
    let state = use_app();
    let awaiting = move || {
        state.doc.with(|d| {
            review_rows(d, year)
                .iter()
                .filter(|r| r.awaiting_grade())
                .count()
        })
    };
    // Who the last 其余全部合格 graded, while its 撤销 is offered.
    let last = RwSignal::new(None::<Vec<String>>);
    let grade_rest = move |_| {
        let graded = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
        let out = graded.clone();
        state.edit_review(year, move |d| {
            *out.borrow_mut() = grade_rest_qualified(d, year)
        });
        let graded = graded.take();
        last.set((!graded.is_empty()).then_some(graded));
    };
    let undo = move |_| {
        if let Some(ids) = last.get_untracked() {
            state.edit_review(year, move |d| undo_rest_qualified(d, year, &ids));
        }
        last.set(None);
    };
    view! {
        <section class="card grading-bar" data-testid="grading-bar">
            <div class="chips-row" role="group" aria-label="显示哪些党员">
                {RowFilter::ALL
                    .map(|f| {
                        view! {
                            <button
                                class="chip-toggle"
                                class:on=move || filter.get() == f
                                aria-pressed=move || (filter.get() == f).to_string()
                                on:click=move |_| filter.set(f)
                            >
                                {f.label()}
                            </button>
                        }
                    })}
            </div>
            {move || match last.get() {
                Some(ids) => {
                    view! {
                        <div class="row-between" role="status">
                            <span>{format!("已将其余 {} 人评为合格。", ids.len())}</span>
                            <button class="button" on:click=undo>
                                "撤销"
                            </button>
                        </div>
                    }
                        .into_any()
                }
                None => {
                    let n = awaiting();
                    (n > 0)
                        .then(|| {
                            view! {
                                <button class="button" on:click=grade_rest>
                                    {format!("其余全部合格（{n} 人）")}
                                </button>
                            }
                        })
                        .into_any()
                }
            }}
        </section>
    }
}

/// What a row shows of the member's own self-assessment.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct RowSummary {
    member_id: String,
    name: String,
    self_grade: &'static str,
    ratings: String,
    fixed_reason: Option<&'static str>,
}

/// 已交 n / 应交 N, with the names still missing and the drafts.
#[component]
fn HandInCard(year: i32) -> impl IntoView {
    let state = use_app();
    let counts = Memo::new(move |_| {
        state.doc.with(|d| {
            let h = hand_in(d, year);
            let names = |list: &[&crate::domain::Member]| {
                list.iter()
                    .map(|m| m.name.clone())
                    .collect::<Vec<_>>()
                    .join("、")
            };
            (h.done.len(), h.due(), names(&h.missing), names(&h.drafts))
        })
    });
    view! {
        <section class="card" data-testid="hand-in">
            <p>
                <strong>
                    {move || format!("已交 {} / 应交 {}", counts.get().0, counts.get().1)}
                </strong>
            </p>
            {move || {
                let (_, _, missing, drafts) = counts.get();
                view! {
                    {(!missing.is_empty())
                        .then(|| {
                            view! { <p class="muted small">{format!("未交：{missing}")}</p> }
                        })}
                    {(!drafts.is_empty())
                        .then(|| {
                            view! {
                                <p class="warning">
                                    {format!(
                                        "{drafts}的自评还是草稿（未点“完成”），内容可能还会修改。",
                                    )}
                                </p>
                            }
                        })}
                }
            }}
            <p class="hint">
                "党员在自评表上点“导出自评文件，交支部书记”，把传输文字发给你：粘贴到上方导入即可。旧版的自评文件也可在上方导入。"
            </p>
        </section>
    }
}

/// 民主测评: the ballots returned.
#[component]
fn BallotsField(year: i32) -> impl IntoView {
    let state = use_app();
    let ballots = move || {
        state.doc.with(|d| {
            d.review(year)
                .and_then(|r| r.ballots)
                .map(|n| n.to_string())
                .unwrap_or_default()
        })
    };
    view! {
        <section class="card form">
            <ChangeField
                label="民主测评收回有效票（张）"
                name="ballots"
                kind="number"
                placeholder="可不填"
                value=ballots
                on_change=move |typed: String| {
                    let n = typed.parse::<u32>().ok();
                    state.edit_review(year, move |d| review_mut(d, year).ballots = n);
                }
            />
        </section>
    }
}

#[component]
fn ReviewRowView(year: i32, row: RowSummary) -> impl IntoView {
    let state = use_app();
    let RowSummary {
        member_id,
        name,
        self_grade,
        ratings,
        fixed_reason,
    } = row;
    let entry = {
        let id = member_id.clone();
        Memo::new(move |_| {
            state
                .doc
                .with(|d| d.review(year).and_then(|r| r.entry(&id)).cloned())
        })
    };
    let decision = move || entry.with(|e| e.as_ref().and_then(|e| e.decision.clone()));
    let current = move || match decision() {
        Some(Decision::Graded { grade }) => grade.label().to_string(),
        Some(Decision::NotGraded { .. }) => NOT_GRADED.to_string(),
        None => String::new(),
    };
    let reason = move || match decision() {
        Some(Decision::NotGraded { reason }) => reason,
        _ => String::new(),
    };
    let show_reason = move || current() == NOT_GRADED;
    let choose_id = member_id.clone();
    let reason_id = member_id.clone();
    let shown_name = name.clone();
    let grade_select = move || match fixed_reason {
        Some(reason) => view! { <p class="hint">{reason}</p> }.into_any(),
        None => {
            let choose_id = choose_id.clone();
            let reason_id = reason_id.clone();
            let name = name.clone();
            view! {
                <div
                    class="chips-row grade-chips"
                    role="group"
                    aria-label=format!("{name} 的评定等次")
                >
                    {Grade::ALL
                        .map(|g| {
                            let id = choose_id.clone();
                            let on = move || current() == g.label();
                            view! {
                                <button
                                    class="chip-toggle"
                                    class:on=on
                                    aria-pressed=move || on().to_string()
                                    on:click=move |_| {
                                        let decision = (!on())
                                            .then_some(Decision::Graded { grade: g });
                                        let id = id.clone();
                                        state
                                            .edit_review(
                                                year,
                                                move |d| decide(d, year, &id, decision.clone()),
                                            );
                                    }
                                >
                                    {g.label()}
                                </button>
                            }
                        })}
                    {
                        let id = choose_id.clone();
                        view! {
                            <button
                                class="chip-toggle"
                                class:on=show_reason
                                aria-pressed=move || show_reason().to_string()
                                on:click=move |_| {
                                    let decision = (!show_reason())
                                        .then(|| Decision::NotGraded {
                                            reason: String::new(),
                                        });
                                    let id = id.clone();
                                    state
                                        .edit_review(
                                            year,
                                            move |d| decide(d, year, &id, decision.clone()),
                                        );
                                }
                            >
                                "不评定等次"
                            </button>
                        }
                    }
                </div>
                <Show when=show_reason>
                    {
                        let reason_id = reason_id.clone();
                        let name = name.clone();
                        view! {
                            <input
                                type="text"
                                name="not-graded-reason"
                                placeholder="请填写不评定等次的原因"
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
                    }
                </Show>
            }
            .into_any()
        }
    };
    view! {
        <li class="review-row">
            <div class="row-between">
                <strong>{shown_name}</strong>
                <span class="muted small">{format!("自评：{self_grade}")}</span>
            </div>
            <p class="muted small">{format!("四个合格：{ratings}")}</p>
            {grade_select}
            <WrittenText year=year member_id=member_id.clone() />
            <PledgeOutcome year=year member_id=member_id.clone() />
            <ReviewDetails year=year member_id=member_id entry=entry />
        </li>
    }
}

/// 承诺践诺评诺, for the 民主评议: what the member promised and how it was
/// kept (the branch's rating where given).
#[component]
fn PledgeOutcome(year: i32, member_id: String) -> impl IntoView {
    let state = use_app();
    let id = crate::domain::fusion::MemberCommitments::id_for(&member_id, year);
    let outcome = Memo::new(move |_| {
        state.doc.with(|d| {
            d.commitments_of(&id)
                .map(|c| c.outcome())
                .unwrap_or_default()
        })
    });
    move || {
        let text = outcome.get();
        (!text.is_empty()).then(|| {
            view! {
                // "查看" as a button beside the line: inside the sentence
                // it was a 20 px target.
                <div class="row-between muted small">
                    <span>"承诺践诺：" {text}</span>
                    <A
                        href=format!("/fusion/commitments/{member_id}/{year}")
                        attr:class="button small"
                    >
                        "查看"
                    </A>
                </div>
            }
        })
    }
}

/// The member's own words, where their form is on this phone (typed here
/// or merged from their return).
#[component]
fn WrittenText(year: i32, member_id: String) -> impl IntoView {
    let state = use_app();
    let text = Memo::new(move |_| {
        state.doc.with(|d| {
            form_for(d, &member_id, year, AssessmentKind::FourQualified).map(|f| {
                standards(f.kind)
                    .iter()
                    .filter_map(|s| {
                        let e = f.entry(s.key)?;
                        let parts: Vec<String> = [
                            ("自评情况", &e.facts),
                            ("存在问题", &e.problems),
                            ("整改措施", &e.measures),
                        ]
                        .iter()
                        .filter(|(_, t)| !t.trim().is_empty())
                        .map(|(label, t)| format!("{label}：{}", t.trim()))
                        .collect();
                        (!parts.is_empty()).then(|| format!("{}　{}", s.title, parts.join("；")))
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    move || {
        text.get().filter(|t| !t.is_empty()).map(|lines| {
            view! {
                <details class="written-text">
                    <summary class="small">"查看自评内容"</summary>
                    {lines.into_iter().map(|l| view! { <p class="small">{l}</p> }).collect_view()}
                </details>
            }
        })
    }
}

/// 民主测评票数, 支委会意见, 反馈本人 and, for 基本合格 / 不合格, 帮扶 or
/// 限期改正, folded under the row.
/// What to check in the entry: its poll against the review's, its
/// 整改 dates.
fn warnings(doc: &Document, year: i32, entry: Option<&ReviewEntry>) -> Vec<String> {
    let (Some(review), Some(entry)) = (doc.review(year), entry) else {
        return Vec::new();
    };
    review
        .poll_warning(entry)
        .into_iter()
        .chain(entry.remedy_warnings(year))
        .collect()
}

/// Whether the grade asks for a 整改 (基本合格, 不合格).
fn needs_remedy(entry: Option<&ReviewEntry>) -> bool {
    matches!(
        entry.and_then(|e| e.decision.as_ref()),
        Some(Decision::Graded {
            grade: Grade::BasicallyQualified | Grade::Unqualified
        })
    )
}

/// 基本合格: 整改期限/回访日期; 限期改正 is for 不合格 (§30).
fn remedy_date_label(entry: Option<&ReviewEntry>) -> &'static str {
    match entry.and_then(|e| e.decision.as_ref()) {
        Some(Decision::Graded { grade }) => grade.remedy_date_label(),
        _ => Grade::BasicallyQualified.remedy_date_label(),
    }
}

/// The closed details' one line: the poll and the feedback, or what the
/// details hold.
fn summary(entry: Option<&ReviewEntry>) -> String {
    let mut parts = Vec::new();
    if let Some(poll) = entry.and_then(|e| e.poll) {
        parts.push(format!("测评：{}", poll.sentence()));
    }
    if let Some(on) = entry.and_then(|e| e.fed_back_on) {
        parts.push(format!("已于{}反馈本人", format_short_date(on)));
    }
    if parts.is_empty() {
        "测评票数、支委会意见、反馈".to_string()
    } else {
        parts.join("；")
    }
}

/// One part of an entry's remedy, as its field shows it: empty while there
/// is no remedy.
fn remedy_part<T: Default + Send + Sync + 'static>(
    entry: Memo<Option<ReviewEntry>>,
    read: fn(&Remedy) -> T,
) -> Signal<T> {
    Signal::derive(move || {
        entry.with(|e| {
            e.as_ref()
                .and_then(|e| e.remedy.as_ref())
                .map(read)
                .unwrap_or_default()
        })
    })
}

#[component]
fn ReviewDetails(year: i32, member_id: String, entry: Memo<Option<ReviewEntry>>) -> impl IntoView {
    let state = use_app();
    let edit = {
        let member_id = member_id.clone();
        move |f: std::rc::Rc<dyn Fn(&mut ReviewEntry)>| {
            let id = member_id.clone();
            state.edit_review(year, move |d| edit_entry(d, year, &id, |e| f(e)));
        }
    };
    let needs_remedy = move || entry.with(|e| needs_remedy(e.as_ref()));
    let date_label = move || entry.with(|e| remedy_date_label(e.as_ref()));
    let warnings = move || {
        state
            .doc
            .with(|d| entry.with(|e| warnings(d, year, e.as_ref())))
    };
    let summary = move || entry.with(|e| summary(e.as_ref()));
    let poll_inputs = Grade::ALL.map(|grade| {
        let edit = edit.clone();
        let value = move || {
            entry.with(|e| {
                e.as_ref()
                    .and_then(|e| e.poll)
                    .map(|p| p.votes(grade).to_string())
                    .unwrap_or_default()
            })
        };
        view! {
            <label class="field poll-field">
                <span>{grade.label()}</span>
                <input
                    type="number"
                    name="poll"
                    min="0"
                    inputmode="numeric"
                    aria-label=format!("{}票数", grade.label())
                    prop:value=value
                    on:change=move |ev| {
                        let n = event_target_value(&ev).parse::<u32>().unwrap_or(0);
                        edit(
                            std::rc::Rc::new(move |e| {
                                e.poll.get_or_insert_with(Poll::default).set(grade, n)
                            }),
                        );
                    }
                />
            </label>
        }
    });
    let opinion_edit = edit.clone();
    let fed_back_edit = edit.clone();
    // The 帮扶/整改 fields each write one part of the remedy, made when the
    // first of them is written.
    let edit_remedy = move |f: std::rc::Rc<dyn Fn(&mut Remedy)>| {
        edit(std::rc::Rc::new(move |e| {
            f(e.remedy.get_or_insert_with(Remedy::default))
        }))
    };
    view! {
        <details class="review-details">
            <summary class="small">{summary}</summary>
            <fieldset class="field plain">
                <legend>"民主测评票数"</legend>
                <div class="poll-row">{poll_inputs}</div>
            </fieldset>
            <DraftTextArea
                label="支委会意见"
                name="review-opinion"
                rows=2
                placeholder="根据评议情况和党员日常表现提出的意见"
                value=Signal::derive(move || {
                    entry.with(|e| e.as_ref().map(|e| e.opinion.clone()).unwrap_or_default())
                })
                on_save={move |t: String| {
                    opinion_edit(std::rc::Rc::new(move |e| e.opinion = t.clone()))
                }}
            />
            <DateInput
                label="反馈本人日期"
                name="fed-back-on"
                value=Signal::derive(move || entry.with(|e| e.as_ref().and_then(|e| e.fed_back_on)))
                on_change=move |d| fed_back_edit(std::rc::Rc::new(move |e| e.fed_back_on = d))
            />
            <Show when=needs_remedy>
                <PersonPicker
                    label="帮扶人"
                    name="mentor"
                    value=remedy_part(entry, |r| r.mentor.clone())
                    on_change={
                        let mentor_edit = edit_remedy.clone();
                        move |p: PersonRef| mentor_edit(
                            std::rc::Rc::new(move |r| r.mentor = p.clone()),
                        )
                    }
                />
                <DateInput
                    label=Signal::derive(move || date_label().to_string())
                    name="remedy-deadline"
                    value=remedy_part(entry, |r| r.deadline)
                    on_change={
                        let deadline_edit = edit_remedy.clone();
                        move |d| deadline_edit(std::rc::Rc::new(move |r| r.deadline = d))
                    }
                />
                <DraftTextArea
                    label="整改措施或处置意见"
                    name="remedy-measures"
                    rows=2
                    value=remedy_part(entry, |r| r.measures.clone())
                    on_save={
                        let measures_edit = edit_remedy.clone();
                        move |t: String| measures_edit(
                            std::rc::Rc::new(move |r| r.measures = t.clone()),
                        )
                    }
                />
            </Show>
            {move || {
                warnings().into_iter().map(|w| view! { <p class="warning">{w}</p> }).collect_view()
            }}
        </details>
    }
}
