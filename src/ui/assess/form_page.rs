//! One yearly self-assessment form: each standard with its rating, facts
//! (with the member's own records beside them), problems and measures; the
//! optional dimensions, the 反向情形 checklist, the self-grade, and 完成.

use leptos::prelude::*;

use super::evidence_list::EvidenceList;
use crate::browser::clock;
use crate::domain::assessment::standards::OVERALL_SCALE;
use crate::domain::assessment::{
    add_line, evidence, finish, no_grade_reason, reopen, review_day, standards, AssessmentForm,
    AssessmentKind, Grade, Standard, StandardEntry, DIMENSIONS,
};
use crate::domain::job::Area;
use crate::domain::limits;
use crate::ui::backup::HandInText;
use crate::ui::draft_text::DraftTextArea;
use crate::ui::handles::FormHandle;
use crate::ui::job::ReadOnly;
use crate::ui::state::use_app;
use crate::ui::widgets::{CheckRow, PageHeader, PrintButton, RecordPage};

#[component]
pub fn AssessmentFormPage() -> impl IntoView {
    view! {
        <RecordPage
            title="自评表"
            back="/assess"
            missing="找不到这份自评表。"
            editor=|handle: FormHandle| view! { <FormScreen handle=handle /> }
        />
    }
}

#[component]
fn FormScreen(handle: FormHandle) -> impl IntoView {
    let state = handle.state;
    let id = handle.id();
    let form = handle.part(|f| Some(f.clone()));
    let kind = form
        .with_untracked(|f| f.as_ref().map(|f| f.kind))
        .unwrap_or(AssessmentKind::FourQualified);
    let finished =
        Signal::derive(move || form.with(|f| f.as_ref().is_some_and(AssessmentForm::is_finished)));
    let member = move || {
        form.with(|f| {
            f.as_ref()
                .and_then(|f| state.doc.with(|d| d.member(&f.member_id).cloned()))
        })
    };
    let whose = handle.part(|f| (f.member_id.clone(), f.year));
    // Standing on the day the year's review grades: a 预备党员 of last
    // year's review stays ungraded after their 转正.
    let graded_on = Memo::new(move |_| {
        let (_, year) = whose.get();
        state.doc.with(|d| review_day(d, year))
    });
    let lines = Signal::from(Memo::new(move |_| {
        let (member_id, year) = whose.get();
        state.doc.with(|d| evidence(d, &member_id, year).lines())
    }));
    let title = move || {
        form.with(|f| {
            f.as_ref()
                .map(|f| f.kind.form_title(f.year))
                .unwrap_or_default()
        })
    };
    let toggle_finished = move |_| {
        let today = clock::today();
        if finished.get_untracked() {
            handle.edit(move |f| {
                reopen(f, today);
            });
        } else {
            crate::ui::draft_text::flush_pending();
            handle.edit(move |f| {
                finish(f, today);
            });
        }
    };
    let stds = standards(kind);
    // Another member's form on a member's phone reads only.
    let area = Area::SelfAssessment {
        member_id: whose.with_untracked(|(id, _)| id.clone()),
    };
    view! {
        <PageHeader title="自评表" back="/assess" />
        <ReadOnly area=area>
            <header class="meeting-head">
                <h2 class="meeting-title">{title}</h2>
                <p class="muted small">
                    {move || {
                        member()
                            .map(|m| {
                                format!(
                                    "{}（{}）",
                                    m.name,
                                    m.standing_on(Some(graded_on.get())).label(),
                                )
                            })
                            .unwrap_or_default()
                    }}
                </p>
                <details class="help">
                    <summary>"标准出处"</summary>
                    <p class="hint">{kind.help_text()}</p>
                </details>
            </header>
            <Show when=move || finished.get()>
                <p class="banner-inline ok">
                    {move || {
                        form.with(|f| {
                            f.as_ref()
                                .and_then(|f| f.finished_on())
                                .map(|d| {
                                    format!(
                                        "已于 {d} 完成。如需修改，请先“重新打开”。",
                                    )
                                })
                                .unwrap_or_default()
                        })
                    }}
                </p>
            </Show>
            {stds
                .iter()
                .map(|s| {
                    view! {
                        <StandardCard
                            handle=handle
                            standard=s
                            form=form
                            lines=lines
                            finished=finished
                        />
                    }
                })
                .collect_view()}
            {if kind.is_member_review() {
                view! {
                    <Dimensions handle=handle form=form finished=finished />
                    <Negatives handle=handle form=form finished=finished />
                    <section class="card form">
                        <h3 class="card-title">"自评等次"</h3>
                        {move || match member().and_then(|m| no_grade_reason(&m, graded_on.get())) {
                            Some(reason) => view! { <p class="hint">{reason}</p> }.into_any(),
                            None => {
                                view! { <GradeChoice handle=handle form=form finished=finished /> }
                                    .into_any()
                            }
                        }}
                    </section>
                }
                    .into_any()
            } else {
                view! { <OverallChoice handle=handle form=form finished=finished /> }.into_any()
            }}
            <section class="card actions">
                <button class="button primary" on:click=toggle_finished>
                    {move || if finished.get() { "重新打开" } else { "完成" }}
                </button>
                <ExportForSecretary form_id=id.clone() />
                <PrintButton href=format!("/print/assessment/{id}") label="打印自评表" />
                <ul class="log muted small">
                    {move || {
                        form.with(|f| {
                            f.as_ref()
                                .map(|f| {
                                    f.log
                                        .iter()
                                        .map(|e| view! { <li>{e.sentence()}</li> })
                                        .collect_view()
                                })
                        })
                    }}
                </ul>
            </section>
        </ReadOnly>
    }
}

#[component]
fn StandardCard(
    handle: FormHandle,
    standard: &'static Standard,
    form: Memo<Option<AssessmentForm>>,
    lines: Signal<Vec<String>>,
    finished: Signal<bool>,
) -> impl IntoView {
    let key = standard.key;
    let text = move |f: fn(&StandardEntry) -> String| {
        Signal::derive(move || {
            form.with(|fm| {
                fm.as_ref()
                    .and_then(|fm| fm.entry(key))
                    .map(f)
                    .unwrap_or_default()
            })
        })
    };
    let save = move |set: fn(&mut StandardEntry, String)| {
        Callback::new(move |value: String| {
            handle.edit(move |f| {
                if let Some(e) = f.entry_mut(key) {
                    set(e, value.clone());
                }
            })
        })
    };
    let pull = move |line: String| {
        handle.edit(move |f| {
            if let Some(e) = f.entry_mut(key) {
                e.facts = add_line(&e.facts, &line);
            }
        });
    };
    let rating = move || {
        form.with(|f| {
            f.as_ref()
                .and_then(|f| f.entry(key))
                .and_then(|e| e.rating.clone())
        })
    };
    view! {
        <section class="card form standard">
            <h3 class="card-title">
                {standard.title}<small class="muted">{format!("　{}", standard.wording)}</small>
            </h3>
            <p class="hint">{standard.description}</p>
            <RatingChips
                label=format!("{}评价", standard.title)
                current=Signal::derive(rating)
                finished=finished
                on_pick={move |pick: Option<String>| {
                    handle
                        .edit(move |f| {
                            f.set_rating(key, pick.as_deref());
                        })
                }}
            />
            <DraftTextArea
                label="自评情况"
                name=format!("{key}-facts")
                rows=4
                maxlength=limits::FORM_TEXT
                placeholder="用事实和事例说明"
                value=text(|e| e.facts.clone())
                on_save=save(|e, v| e.facts = v)
                readonly=finished
            />
            <EvidenceList lines=lines readonly=finished on_pull=pull />
            <DraftTextArea
                label="存在问题"
                name=format!("{key}-problems")
                rows=2
                maxlength=limits::FORM_TEXT
                value=text(|e| e.problems.clone())
                on_save=save(|e, v| e.problems = v)
                readonly=finished
            />
            <DraftTextArea
                label="整改措施"
                name=format!("{key}-measures")
                rows=2
                maxlength=limits::FORM_TEXT
                value=text(|e| e.measures.clone())
                on_save=save(|e, v| e.measures = v)
                readonly=finished
            />
        </section>
    }
}

#[component]
fn Dimensions(
    handle: FormHandle,
    form: Memo<Option<AssessmentForm>>,
    finished: Signal<bool>,
) -> impl IntoView {
    view! {
        <details class="card">
            <summary class="card-title">"分项测评（可选）"</summary>
            {DIMENSIONS
                .iter()
                .map(|name| {
                    let current = move || {
                        form.with(|f| {
                            f.as_ref().and_then(|f| f.dimension(name)).map(str::to_string)
                        })
                    };
                    view! {
                        <div class="dimension">
                            <span>{name.to_string()}</span>
                            <RatingChips
                                label=format!("{name}评价")
                                current=Signal::derive(current)
                                finished=finished
                                small=true
                                on_pick={move |pick: Option<String>| {
                                    handle
                                        .edit(move |f| {
                                            f.set_dimension(name, pick.as_deref());
                                        })
                                }}
                            />
                        </div>
                    }
                })
                .collect_view()}
        </details>
    }
}

#[component]
fn Negatives(
    handle: FormHandle,
    form: Memo<Option<AssessmentForm>>,
    finished: Signal<bool>,
) -> impl IntoView {
    let state = handle.state;
    let list = move || {
        state
            .doc
            .with(|d| d.branch.assessment.negative_situations.clone())
    };
    view! {
        <details class="card">
            <summary class="card-title">"对照反向情形"</summary>
            <p class="hint">
                "本支部使用的反向情形清单，如有符合的情形请如实勾选。清单可由支部在设置中修改。"
            </p>
            <ul class="check-list applies">
                {move || {
                    list()
                        .into_iter()
                        .map(|text| {
                            let checked = form
                                .with(|f| f.as_ref().is_some_and(|f| f.has_negative(&text)));
                            let toggled = text.clone();
                            view! {
                                <CheckRow
                                    text=text
                                    checked=checked
                                    disabled=finished
                                    on_toggle=Callback::new(move |on: bool| {
                                        let text = toggled.clone();
                                        handle.edit(move |f| f.set_negative(&text, on));
                                    })
                                />
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </details>
    }
}

#[component]
fn GradeChoice(
    handle: FormHandle,
    form: Memo<Option<AssessmentForm>>,
    finished: Signal<bool>,
) -> impl IntoView {
    let state = handle.state;
    let current = move || form.with(|f| f.as_ref().and_then(|f| f.self_grade));
    view! {
        <div class="chips-row" role="group" aria-label="自评等次">
            {Grade::ALL
                .map(|g| {
                    view! {
                        <button
                            class="chip-toggle"
                            class:on=move || current() == Some(g)
                            disabled=move || finished.get()
                            on:click=move |_| {
                                let pick = if current() == Some(g) { None } else { Some(g) };
                                let member = form
                                    .with_untracked(|f| {
                                        f.as_ref()
                                            .and_then(|f| {
                                                state
                                                    .doc
                                                    .with_untracked(|d| {
                                                        Some((
                                                            d.member(&f.member_id).cloned()?,
                                                            review_day(d, f.year),
                                                        ))
                                                    })
                                            })
                                    });
                                if let Some((member, on)) = member {
                                    handle
                                        .edit(move |f| {
                                            let _ = f.set_self_grade(&member, pick, on);
                                        });
                                }
                            }
                        >
                            {g.label()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// 总体自我评价 of a 五个过硬 self-check, on the 述职评议考核 scale: a
/// cadre's check, not a 民主评议 grade.
#[component]
fn OverallChoice(
    handle: FormHandle,
    form: Memo<Option<AssessmentForm>>,
    finished: Signal<bool>,
) -> impl IntoView {
    let current = move || form.with(|f| f.as_ref().and_then(|f| f.overall.clone()));
    view! {
        <section class="card form">
            <h3 class="card-title">"总体自我评价"</h3>
            <p class="hint">
                "参照抓党建工作述职评议考核的等次：好、较好、一般、差。可不选。"
            </p>
            <div class="chips-row" role="group" aria-label="总体自我评价">
                {OVERALL_SCALE
                    .map(|rating| {
                        let on = move || current().as_deref() == Some(rating);
                        view! {
                            <button
                                class="chip-toggle"
                                class:on=on
                                aria-pressed=move || on().to_string()
                                disabled=move || finished.get()
                                on:click=move |_| {
                                    let pick = (!on()).then(|| rating.to_string());
                                    handle.edit(move |f| f.overall = pick.clone());
                                }
                            >
                                {rating}
                            </button>
                        }
                    })}
            </div>
        </section>
    }
}

/// Handing the form to the secretary: the same 交给书记的材料 chat text as
/// 备份与交换 makes (the form with the member's other records), on the
/// member's own phone; another member's form is handed in from theirs.
#[component]
fn ExportForSecretary(form_id: String) -> impl IntoView {
    let state = use_app();
    let own = move || {
        let me = state.device.with(|d| d.me.clone());
        state.doc.with(|d| {
            d.assessment(&form_id)
                .is_some_and(|f| me.as_deref() == Some(f.member_id.as_str()))
        })
    };
    view! {
        <Show
            when=own
            fallback=|| {
                view! {
                    <p class="hint">
                        "这不是本机“我是”的党员的自评表：请本人在自己的手机上交给书记。"
                    </p>
                }
            }
        >
            <HandInText label="导出自评文件，交支部书记" />
        </Show>
        <p class="hint">
            "传输文字含本人的自评表和承诺，以及在本机记录的学习等，只发给本支部书记，请勿转发到群聊或上传到网盘。"
        </p>
    }
}

/// The branch's rating scale as chips; tapping the chosen one clears it.
#[component]
fn RatingChips(
    #[prop(into)] label: String,
    current: Signal<Option<String>>,
    finished: Signal<bool>,
    #[prop(into)] on_pick: Callback<Option<String>>,
    #[prop(optional)] small: bool,
) -> impl IntoView {
    let state = use_app();
    let scale = move || {
        state.doc.with(|d| {
            d.branch
                .assessment
                .scale()
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="chips-row" role="group" aria-label=label>
            {move || {
                scale()
                    .into_iter()
                    .map(|r| {
                        let on = current.get().as_deref() == Some(r.as_str());
                        let chosen = r.clone();
                        view! {
                            <button
                                class="chip-toggle"
                                class:small=small
                                class:on=on
                                disabled=move || finished.get()
                                on:click=move |_| {
                                    on_pick.run(if on { None } else { Some(chosen.clone()) })
                                }
                            >
                                {r}
                            </button>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}
