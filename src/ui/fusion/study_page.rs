//! One study session: 党员每月一讲, OPL 一点课 or 五分钟晨学. A quick log,
//! not a full meeting record: who spoke, what, who came, how long.

use leptos::prelude::*;

use super::credited_hours_field::CreditedHoursField;
use crate::domain::fusion::StudyForm;
use crate::domain::job::Area;
use crate::domain::limits;
use crate::domain::meeting::PersonRef;
use crate::domain::roster::active_names;
use crate::ui::draft_text::{DraftInput, DraftTextArea};
use crate::ui::handles::StudyHandle;
use crate::ui::job::ReadOnly;
use crate::ui::person_picker::PersonPicker;
use crate::ui::widgets::{
    delete_after_asking, toggle_in, ChangeField, DateInput, MemberToggles, PageHeader, PrintButton,
    RecordPage, Segmented,
};

#[component]
pub fn StudyPage() -> impl IntoView {
    view! {
        <RecordPage
            title="学习记录"
            back="/fusion"
            missing="找不到这条学习记录，可能已被删除。"
            editor=|study: StudyHandle| view! { <StudyEditor study=study /> }
        />
    }
}

#[component]
fn StudyEditor(study: StudyHandle) -> impl IntoView {
    let state = study.state;
    let form = study.part(|s| s.form);
    let delete = delete_after_asking("删除这条学习记录？", "/fusion", move || {
        state.delete_study(&study.id())
    });
    let outside = move || form.get() == StudyForm::Outside;
    // An outside record stays one: the form choice offers only the branch's.
    let title_label = if form.get_untracked() == StudyForm::Outside {
        "培训名称"
    } else {
        "题目或学习内容"
    };
    let id = study.id();
    view! {
        <PageHeader title="学习记录" back="/fusion" />
        <ReadOnly area=Area::Study>
            <section class="card form">
                {move || {
                    if outside() {
                        view! {
                            <h2 class="card-title">"支部以外的培训"</h2>
                            <p class="hint">
                                "党校轮训、上级组织的集中培训、网络培训等，按主办单位认定的学时登记，计入参加人的学时。"
                            </p>
                        }
                            .into_any()
                    } else {
                        view! {
                            <Segmented
                                name="study-form"
                                label="学习形式"
                                options=StudyForm::BRANCH.map(|f| (f, f.label())).to_vec()
                                value=form
                                on_change=Callback::new(move |f| study.edit(move |s| s.form = f))
                            />
                        }
                            .into_any()
                    }
                }}
                <DateInput
                    label="日期"
                    name="study-date"
                    value=study.part(|s| s.date)
                    on_change=move |d| study.edit(move |s| s.date = d)
                />
                {move || {
                    let label = form.get().speaker_label();
                    (!outside())
                        .then(|| {
                            view! {
                                <PersonPicker
                                    label=label
                                    name="study-speaker"
                                    value=study.part(|s| s.speaker.clone())
                                    on_change=Callback::new(move |p: PersonRef| {
                                        study.edit(move |s| s.speaker = p.clone())
                                    })
                                />
                            }
                        })
                }}
                <DraftInput
                    label=title_label
                    name="study-title"
                    value=study.text(|s| s.title.clone())
                    on_save=study.saver(|s, v| s.title = v.trim().to_string())
                /> <Categories study=study />
                <Show when=move || form.get() == StudyForm::OnePointLesson>
                    <DraftTextArea
                        label="要点（300 字以内）"
                        name="study-points"
                        rows=5
                        maxlength=limits::OPL_POINTS
                        value=study.text(|s| s.points.clone())
                        on_save=study.saver(|s, v| s.points = v)
                    />
                </Show> <Show when=outside>
                    <CreditedHoursField study=study />
                </Show> <Show when=move || !outside()>
                    <ChangeField
                        label="时长（分钟）"
                        name="study-minutes"
                        kind="number"
                        range=(0, 600)
                        value=study.part(|s| s.minutes.to_string())
                        on_change=move |typed: String| {
                            let n = typed.parse::<u32>().unwrap_or(0).min(600);
                            study.edit(move |s| s.minutes = n);
                        }
                    />
                </Show> <Show when=move || form.get() == StudyForm::MorningStudy>
                    <ChangeField
                        label="人数（未逐一签到时填写）"
                        name="study-headcount"
                        kind="number"
                        range=(0, 999)
                        value=study.part(|s| s.headcount.map(|n| n.to_string()).unwrap_or_default())
                        on_change=move |typed: String| {
                            let n = typed.parse::<u32>().ok().map(|n| n.min(999));
                            study.edit(move |s| s.headcount = n);
                        }
                    />
                    <DraftInput
                        label="科室（可不填）"
                        name="study-department"
                        value=study.text(|s| s.department.clone())
                        on_save=study.saver(|s, v| s.department = v.trim().to_string())
                    />
                </Show>
            </section>
            <Attendees study=study />
            <section class="card actions">
                <Show when=move || form.get() == StudyForm::OnePointLesson>
                    <PrintButton
                        href=format!("/print/fusion/opl/{id}")
                        label="打印 OPL 一点课"
                    />
                </Show>
                <button class="button danger" on:click=delete>
                    "删除这条记录"
                </button>
            </section>
        </ReadOnly>
    }
}

#[component]
fn Categories(study: StudyHandle) -> impl IntoView {
    let form = study.part(|s| s.form);
    let category = study.part(|s| s.category.clone());
    move || {
        let options = form.get().categories();
        (!options.is_empty()).then(|| {
            view! {
                <fieldset class="segmented" aria-label="类别">
                    {options
                        .iter()
                        .map(|c| {
                            let c = *c;
                            view! {
                                <label class:selected=move || category.get() == c>
                                    <input
                                        type="radio"
                                        name="study-category"
                                        prop:checked=move || category.get() == c
                                        on:change=move |_| {
                                            study.edit(move |s| s.category = c.to_string())
                                        }
                                    />
                                    {c}
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
            }
        })
    }
}

/// Who took part, tapped on and off; the speaker counts anyway.
#[component]
fn Attendees(study: StudyHandle) -> impl IntoView {
    let state = study.state;
    let chosen = study.part(|s| s.attendees.clone());
    let members = move || state.doc.with(|d| active_names(&d.branch, &d.members));
    let everyone = move |_| {
        let all: Vec<String> = members().into_iter().map(|(id, _)| id).collect();
        study.edit(move |s| s.attendees = all.clone());
    };
    view! {
        <section class="card">
            <h2 class="card-title row-between">
                <span>{move || format!("参加人员（{} 人）", chosen.with(Vec::len))}</span>
                <button class="button small" on:click=everyone>
                    "全部参加"
                </button>
            </h2>
            <MemberToggles
                chosen=chosen
                on_toggle=move |(id, chosen): (String, bool)| {
                    study.edit(move |s| toggle_in(&mut s.attendees, &id, chosen))
                }
            />
        </section>
    }
}
