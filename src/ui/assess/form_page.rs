//! One yearly self-assessment form: each standard with its rating, facts
//! (with the member's own records beside them), problems and measures; the
//! optional dimensions, the 反向情形 checklist, the self-grade, and 完成.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::evidence_list::EvidenceList;
use crate::backup::exchange::{assessment_file_name, export_assessment, EXCHANGE_NOTICE};
use crate::browser::{clock, files};
use crate::domain::assessment::{
    add_line, evidence, finish, no_grade_reason, reopen, standards, AssessmentForm, AssessmentKind,
    Grade, Standard, StandardEntry, DIMENSIONS,
};
use crate::domain::time::format_minutes;
use crate::store::keys::RecordKey;
use crate::ui::draft_text::DraftTextArea;
use crate::ui::state::{use_app, AppState};
use crate::ui::widgets::PageHeader;

#[component]
pub fn AssessmentFormPage() -> impl IntoView {
    let state = use_app();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).unwrap_or_default());
    let exists = move || state.doc.with(|d| d.assessment(&id.get()).is_some());
    view! {
        <Show when=exists fallback=|| view! {
            <PageHeader title="自评表" back="/assess"/>
            <p class="empty">"找不到这份自评表。"</p>
        }>
            {move || view! { <FormScreen id=id.get()/> }}
        </Show>
    }
}

/// Applies an edit to the form and saves its record only. `state` is
/// passed in: saves also run from timers, where there is no context.
fn edit_form(state: AppState, id: &str, f: impl FnOnce(&mut AssessmentForm)) {
    state.edit([RecordKey::Assessment(id.to_string())], |d| {
        if let Some(form) = d.assessment_mut(id) {
            f(form);
        }
    });
}

#[component]
fn FormScreen(id: String) -> impl IntoView {
    let state = use_app();
    let form = {
        let id = id.clone();
        Memo::new(move |_| state.doc.with(|d| d.assessment(&id).cloned()))
    };
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
    let lines = Signal::derive(move || {
        form.with(|f| {
            f.as_ref()
                .map(|f| {
                    state
                        .doc
                        .with(|d| evidence(d, &f.member_id, f.year).lines())
                })
                .unwrap_or_default()
        })
    });
    let title = move || {
        form.with(|f| {
            f.as_ref()
                .map(|f| f.kind.form_title(f.year))
                .unwrap_or_default()
        })
    };
    let toggle_id = id.clone();
    let toggle_finished = move |_| {
        let today = clock::today();
        if finished.get_untracked() {
            edit_form(state, &toggle_id, |f| {
                reopen(f, today);
            });
        } else {
            crate::ui::draft_text::flush_pending();
            edit_form(state, &toggle_id, |f| {
                finish(f, today);
            });
        }
    };
    let stds = standards(kind);
    view! {
        <PageHeader title="自评表" back="/assess"/>
        <header class="meeting-head">
            <h2 class="meeting-title">{title}</h2>
            <p class="muted small">{move || member().map(|m| format!("{}（{}）", m.name, m.standing.label())).unwrap_or_default()}</p>
            <details class="help"><summary>"标准出处"</summary><p class="hint">{kind.help_text()}</p></details>
        </header>
        <Show when=move || finished.get()>
            <p class="banner-inline ok">{move || form.with(|f| f.as_ref().and_then(|f| f.finished_on()).map(|d| format!("已于 {d} 完成。如需修改，请先“重新打开”。")).unwrap_or_default())}</p>
        </Show>
        {stds.iter().map(|s| view! { <StandardCard form_id=id.clone() standard=s form=form lines=lines finished=finished/> }).collect_view()}
        <Dimensions form_id=id.clone() form=form finished=finished/>
        <Negatives form_id=id.clone() form=form finished=finished/>
        <section class="card form">
            <h3 class="card-title">"自评等次"</h3>
            {
                let id = id.clone();
                move || match member().and_then(|m| no_grade_reason(&m)) {
                    Some(reason) => view! { <p class="hint">{reason}</p> }.into_any(),
                    None => view! { <GradeChoice form_id=id.clone() form=form finished=finished/> }.into_any(),
                }
            }
        </section>
        <section class="card actions">
            <button class="button primary" on:click=toggle_finished>{move || if finished.get() { "重新打开" } else { "完成" }}</button>
            <ExportForSecretary form_id=id.clone()/>
            <A href=format!("/print/assessment/{id}") attr:class="button">"打印自评表"</A>
            <ul class="log muted small">
                {move || form.with(|f| f.as_ref().map(|f| f.log.iter().map(|e| view! { <li>{e.sentence()}</li> }).collect_view()))}
            </ul>
        </section>
    }
}

#[component]
fn StandardCard(
    form_id: String,
    standard: &'static Standard,
    form: Memo<Option<AssessmentForm>>,
    lines: Signal<Vec<String>>,
    finished: Signal<bool>,
) -> impl IntoView {
    let state = use_app();
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
    let save = {
        let form_id = form_id.clone();
        move |set: fn(&mut StandardEntry, String)| {
            let form_id = form_id.clone();
            move |value: String| {
                edit_form(state, &form_id, |f| {
                    if let Some(e) = f.entry_mut(key) {
                        set(e, value);
                    }
                })
            }
        }
    };
    let pull_id = form_id.clone();
    let pull = move |line: String| {
        let form_id = pull_id.clone();
        edit_form(state, &form_id, |f| {
            if let Some(e) = f.entry_mut(key) {
                e.facts = add_line(&e.facts, &line);
            }
        });
    };
    let pull = StoredValue::new(pull);
    let rating = move || {
        form.with(|f| {
            f.as_ref()
                .and_then(|f| f.entry(key))
                .and_then(|e| e.rating.clone())
        })
    };
    let rate_id = form_id.clone();
    view! {
        <section class="card form standard">
            <h3 class="card-title">{standard.title}<small class="muted">{format!("　{}", standard.wording)}</small></h3>
            <p class="hint">{standard.description}</p>
            <RatingChips label=format!("{}评价", standard.title) current=Signal::derive(rating) finished=finished
                on_pick={move |pick: Option<String>| edit_form(state, &rate_id, |f| { f.set_rating(key, pick.as_deref()); })}/>
            <DraftTextArea label="自评情况" name=format!("{key}-facts") rows=4 placeholder="用事实和事例说明" value=text(|e| e.facts.clone())
                on_save=save(|e, v| e.facts = v) readonly=finished/>
            <EvidenceList lines=lines readonly=finished on_pull=move |line| pull.with_value(|p| p(line))/>
            <DraftTextArea label="存在问题" name=format!("{key}-problems") rows=2 value=text(|e| e.problems.clone())
                on_save=save(|e, v| e.problems = v) readonly=finished/>
            <DraftTextArea label="整改措施" name=format!("{key}-measures") rows=2 value=text(|e| e.measures.clone())
                on_save=save(|e, v| e.measures = v) readonly=finished/>
        </section>
    }
}

#[component]
fn Dimensions(
    form_id: String,
    form: Memo<Option<AssessmentForm>>,
    finished: Signal<bool>,
) -> impl IntoView {
    let state = use_app();
    view! {
        <details class="card">
            <summary class="card-title">"分项测评（可选）"</summary>
            {DIMENSIONS.iter().map(|name| {
                let form_id = form_id.clone();
                let current = move || form.with(|f| f.as_ref().and_then(|f| f.dimension(name)).map(str::to_string));
                view! {
                    <div class="dimension">
                        <span>{name.to_string()}</span>
                        <RatingChips label=format!("{name}评价") current=Signal::derive(current) finished=finished small=true
                            on_pick={let form_id = form_id.clone(); move |pick: Option<String>| edit_form(state, &form_id, |f| { f.set_dimension(name, pick.as_deref()); })}/>
                    </div>
                }
            }).collect_view()}
        </details>
    }
}

#[component]
fn Negatives(
    form_id: String,
    form: Memo<Option<AssessmentForm>>,
    finished: Signal<bool>,
) -> impl IntoView {
    let state = use_app();
    let list = move || {
        state
            .doc
            .with(|d| d.branch.assessment.negative_situations.clone())
    };
    view! {
        <details class="card">
            <summary class="card-title">"对照反向情形"</summary>
            <p class="hint">"本支部使用的反向情形清单，如有符合的情形请如实勾选。清单可由支部在设置中修改。"</p>
            <ul class="check-list">
                {move || list().into_iter().map(|text| {
                    let checked = form.with(|f| f.as_ref().is_some_and(|f| f.has_negative(&text)));
                    let id = form_id.clone();
                    let toggled = text.clone();
                    view! {
                        <li class="check-row">
                            <label class="check">
                                <input type="checkbox" prop:checked=checked disabled=move || finished.get()
                                    on:change=move |_| edit_form(state, &id, |f| f.toggle_negative(&toggled))/>
                                <span>{text}</span>
                            </label>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </details>
    }
}

#[component]
fn GradeChoice(
    form_id: String,
    form: Memo<Option<AssessmentForm>>,
    finished: Signal<bool>,
) -> impl IntoView {
    let state = use_app();
    let current = move || form.with(|f| f.as_ref().and_then(|f| f.self_grade));
    view! {
        <div class="chips-row" role="group" aria-label="自评等次">
            {Grade::ALL.map(|g| {
                let id = form_id.clone();
                view! {
                    <button class="chip-toggle" class:on=move || current() == Some(g) disabled=move || finished.get()
                        on:click=move |_| {
                            let pick = if current() == Some(g) { None } else { Some(g) };
                            let member = form.with_untracked(|f| f.as_ref().and_then(|f| state.doc.with_untracked(|d| d.member(&f.member_id).cloned())));
                            if let Some(member) = member {
                                edit_form(state, &id, |f| { let _ = f.set_self_grade(&member, pick); });
                            }
                        }>{g.label()}</button>
                }
            }).collect_view()}
        </div>
    }
}

/// The member's file for the secretary: download, share, or text to copy.
#[component]
fn ExportForSecretary(form_id: String) -> impl IntoView {
    let state = use_app();
    let text = RwSignal::new(None::<String>);
    let export = move |_| {
        let now = format_minutes(&clock::now());
        let file = state.doc.with_untracked(|d| {
            let form = d.assessment(&form_id)?;
            let member = d.member(&form.member_id)?;
            Some((
                assessment_file_name(&member.name, form.year, form.kind),
                export_assessment(d, form, &now)?,
            ))
        });
        let Some((name, body)) = file else { return };
        if !files::downloads_unreliable()
            && files::download(&name, &body, "application/json").is_ok()
        {
            return;
        }
        // iOS and WeChat: the share sheet, else text to copy.
        spawn_local(async move {
            if !matches!(
                files::share_file(&name, &body, "application/json").await,
                Ok(true)
            ) {
                text.set(Some(body));
            }
        });
    };
    view! {
        <button class="button" on:click=export>"导出给书记（JSON）"</button>
        <p class="hint">{EXCHANGE_NOTICE}</p>
        {move || text.get().map(|body| view! {
            <textarea readonly rows="5" class="backup-text" prop:value=body></textarea>
        })}
    }
}

/// The branch's rating scale as chips; tapping the chosen one clears it.
#[component]
fn RatingChips(
    #[prop(into)] label: String,
    current: Signal<Option<String>>,
    finished: Signal<bool>,
    on_pick: impl Fn(Option<String>) + Clone + Send + Sync + 'static,
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
            {move || scale().into_iter().map(|r| {
                let on = current.get().as_deref() == Some(r.as_str());
                let chosen = r.clone();
                let pick = on_pick.clone();
                view! {
                    <button class="chip-toggle" class:small=small class:on=on disabled=move || finished.get()
                        on:click=move |_| pick(if on { None } else { Some(chosen.clone()) })>{r}</button>
                }
            }).collect_view()}
        </div>
    }
}
