//! 记录: what the 党支部工作记录 holds beyond attendance: when and where,
//! who chaired and took notes, agenda, study materials, minutes, speeches
//! and remarks. Text is saved as it is typed.

use leptos::prelude::*;

use super::approved_plans::ApprovedPlans;
use super::counts_for::CountsForCard;
use super::roll_correction::correct;
use crate::browser::clock;
use crate::domain::meeting::{Meeting, MeetingState, PersonRef, Speech, StudyMaterial};
use crate::domain::rules::recording::{
    add_agenda, add_item, edit_item, remove_agenda, remove_item,
};
use crate::domain::time::{format_hh_mm, parse_hh_mm};
use crate::ui::draft_text::{DraftInput, DraftTextArea};
use crate::ui::handles::MeetingHandle;
use crate::ui::person_picker::PersonPicker;
use crate::ui::widgets::{ChangeField, CheckRow, DateInput, InlineAdd, SwitchRow, TypedInput};

#[component]
pub fn RecordPanel(
    meeting: MeetingHandle,
    /// On the desk (a PC): the minutes get room for a thousand characters.
    #[prop(optional)]
    desk: bool,
) -> impl IntoView {
    let person =
        move |f: fn(&Meeting) -> PersonRef| -> Signal<PersonRef> { meeting.part(f).into() };
    let save_person = move |f: fn(&mut Meeting, PersonRef)| {
        Callback::new(move |p: PersonRef| meeting.edit(move |m| f(m, p.clone())))
    };
    let time_input = move |label: &'static str,
                           name: &'static str,
                           get: fn(&Meeting) -> Option<chrono::NaiveTime>,
                           set: fn(&mut Meeting, Option<chrono::NaiveTime>)| {
        let value = meeting.part(move |m| get(m).map(format_hh_mm).unwrap_or_default());
        view! {
            <ChangeField
                label=label
                name=name
                kind="time"
                value=value
                on_change=move |typed: String| {
                    let t = parse_hh_mm(&typed);
                    meeting.edit(move |m| set(m, t));
                }
            />
        }
    };
    let sequence = meeting.part(|m| m.sequence.map(|n| n.to_string()).unwrap_or_default());
    let held_date = meeting.part(|m| m.date.or(m.planned_date));
    let held = meeting.part(|m| m.state == MeetingState::Held);
    let sign_in_kept = meeting.part(|m| m.sign_in_sheet_kept);
    let photos_kept = meeting.part(|m| m.photos_kept);
    view! {
        <CountsForCard meeting=meeting />
        <ApprovedPlans meeting=meeting />
        <section class="card form">
            <h3 class="card-title">"时间地点"</h3>
            <ChangeField
                label="本年第几次"
                name="sequence"
                kind="number"
                range=(1, 999)
                placeholder="可不填"
                value=sequence
                on_change=move |typed: String| {
                    let n = typed.parse::<u32>().ok().filter(|n| *n > 0);
                    meeting.edit(move |m| m.sequence = n);
                }
            />
            <DateInput
                label=Signal::derive(move || {
                    if held.get() { "召开日期" } else { "计划日期" }.to_string()
                })
                name="held-date"
                value=held_date
                on_change=move |d| {
                    if held.get_untracked() {
                        correct(meeting, move |m| m.date = d);
                    } else {
                        meeting.edit(move |m| m.planned_date = d);
                    }
                }
            />
            <div class="two-cols">
                {time_input(
                    "开始时间",
                    "start-time",
                    |m| m.start_time.or(m.planned_time),
                    |m, t| m.start_time = t,
                )} {time_input("结束时间", "end-time", |m| m.end_time, |m, t| m.end_time = t)}
            </div>
            <DraftInput
                label="地点"
                name="place"
                value=meeting.text(|m| m.place.clone())
                on_save=meeting.saver(|m, t| m.place = t.trim().to_string())
            />
            <DraftInput
                label="主题"
                name="theme"
                value=meeting.text(|m| m.theme.clone())
                on_save=meeting.saver(|m, t| m.theme = t.trim().to_string())
            />
        </section>
        <section class="card form">
            <h3 class="card-title">"人员"</h3>
            <PersonPicker
                label="主持人"
                name="host"
                value=person(|m| m.host.clone())
                on_change=save_person(|m, p| m.host = p)
            />
            <PersonPicker
                label="记录人"
                name="recorder"
                value=person(|m| m.recorder.clone())
                on_change=save_person(|m, p| m.recorder = p)
            />
            <PersonPicker
                label="讲课人"
                name="lecturer"
                value=person(|m| m.lecturer.clone())
                on_change=save_person(|m, p| m.lecturer = p)
            />
            <DraftInput
                label="列席人员"
                name="observers"
                placeholder="可不填"
                value=meeting.text(|m| m.observers.clone())
                on_save=meeting.saver(|m, t| m.observers = t)
            />
        </section>
        <AgendaList meeting=meeting />
        <MaterialsList meeting=meeting />
        <section class="card form">
            <DraftTextArea
                label="主要内容"
                name="minutes"
                rows=6
                min_height=desk.then_some("55vh")
                placeholder="会议的主要内容、学习和讨论情况"
                value=meeting.text(|m| m.minutes.clone())
                on_save=meeting.saver(|m, t| m.minutes = t)
            />
        </section>
        <SpeechList meeting=meeting />
        <section class="card form">
            <DraftTextArea
                label="备注"
                name="remarks"
                value=meeting.text(|m| m.remarks.clone())
                on_save=meeting.saver(|m, t| m.remarks = t)
            />
            <SwitchRow
                name="sign-in-kept"
                label="纸质签到表已留存"
                checked=sign_in_kept
                on_change=move |on| meeting.edit(move |m| m.sign_in_sheet_kept = on)
            />
            <SwitchRow
                name="photos-kept"
                label="会议照片已留存（照片不保存在本应用中）"
                checked=photos_kept
                on_change=move |on| meeting.edit(move |m| m.photos_kept = on)
            />
        </section>
    }
}

#[component]
fn AgendaList(meeting: MeetingHandle) -> impl IntoView {
    let items = meeting.part(|m| m.agenda.clone());
    let add = move |text: String| meeting.edit(move |m| add_agenda(m, &text));
    view! {
        <section class="card form">
            <h3 class="card-title">"议题"</h3>
            <ol class="plain-list numbered">
                <For each=move || items.get() key=|text| text.clone() let:text>
                    {
                        let remove = text.clone();
                        view! {
                            <li class="row-between">
                                <span>{text}</span>
                                <button
                                    class="icon-button"
                                    aria-label="删除议题"
                                    on:click=move |_| {
                                        let text = remove.clone();
                                        meeting.edit(move |m| remove_agenda(m, &text));
                                    }
                                >
                                    "×"
                                </button>
                            </li>
                        }
                    }
                </For>
            </ol>
            <InlineAdd name="new-agenda" placeholder="添加议题" on_add=add />
        </section>
    }
}

#[component]
fn MaterialsList(meeting: MeetingHandle) -> impl IntoView {
    let items = meeting.part(|m| m.materials.clone());
    let title = RwSignal::new(String::new());
    let source = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = title.get_untracked().trim().to_string();
        if t.is_empty() {
            return;
        }
        let material = StudyMaterial {
            id: clock::new_id("sm"),
            title: t,
            source: source.get_untracked().trim().to_string(),
            covered: false,
        };
        meeting.edit(move |m| add_item(&mut m.materials, material.clone()));
        title.set(String::new());
        source.set(String::new());
    };
    view! {
        <section class="card form">
            <h3 class="card-title">"学习篇目"</h3>
            <ul class="check-list">
                <For each=move || items.get() key=|s| (s.id.clone(), s.covered) let:s>
                    {
                        let (toggle_id, remove_id) = (s.id.clone(), s.id.clone());
                        let text = if s.source.is_empty() {
                            s.title.clone()
                        } else {
                            format!("{}（{}）", s.title, s.source)
                        };
                        view! {
                            <CheckRow
                                text=text
                                checked=s.covered
                                on_toggle=Callback::new(move |on: bool| {
                                    let id = toggle_id.clone();
                                    meeting
                                        .edit(move |m| edit_item(
                                            &mut m.materials,
                                            &id,
                                            |x| x.covered = on,
                                        ));
                                })
                                remove=(
                                    "删除篇目",
                                    Callback::new(move |()| {
                                        let id = remove_id.clone();
                                        meeting.edit(move |m| remove_item(&mut m.materials, &id));
                                    }),
                                )
                            />
                        }
                    }
                </For>
            </ul>
            <form class="stack" on:submit=add>
                <TypedInput
                    name="material-title"
                    value=title
                    placeholder="篇目名称"
                    maxlength=200
                />
                <div class="inline-add">
                    <TypedInput
                        name="material-source"
                        value=source
                        placeholder="出处、页码或链接（可不填）"
                        maxlength=200
                    />
                    <button class="button" type="submit">
                        "添加"
                    </button>
                </div>
            </form>
        </section>
    }
}

#[component]
fn SpeechList(meeting: MeetingHandle) -> impl IntoView {
    let speeches = meeting.part(|m| m.speeches.iter().map(|s| s.id.clone()).collect::<Vec<_>>());
    let add = move |_| {
        let speech = Speech {
            id: clock::new_id("sp"),
            speaker: PersonRef::default(),
            summary: String::new(),
        };
        meeting.edit(move |m| add_item(&mut m.speeches, speech.clone()));
    };
    view! {
        <section class="card form">
            <h3 class="card-title">"发言摘要"</h3>
            <For each=move || speeches.get() key=|id| id.clone() let:id>
                <SpeechCard meeting=meeting id=id />
            </For>
            <button class="button" on:click=add>
                "＋ 添加发言"
            </button>
        </section>
    }
}

#[component]
fn SpeechCard(meeting: MeetingHandle, id: String) -> impl IntoView {
    let find = id.clone();
    let speech = meeting.part(move |m| m.speeches.iter().find(|s| s.id == find).cloned());
    let speaker = Signal::derive(move || {
        speech.with(|s| s.as_ref().map(|s| s.speaker.clone()).unwrap_or_default())
    });
    let summary = Signal::derive(move || {
        speech.with(|s| s.as_ref().map(|s| s.summary.clone()).unwrap_or_default())
    });
    let (speaker_id, summary_id, remove_id) = (id.clone(), id.clone(), id);
    view! {
        <div class="speech">
            <PersonPicker
                label="发言人"
                name="speaker"
                value=speaker
                on_change={move |p: PersonRef| {
                    let id = speaker_id.clone();
                    meeting
                        .edit(move |m| edit_item(&mut m.speeches, &id, |s| s.speaker = p.clone()));
                }}
            />
            <DraftTextArea
                label="摘要"
                name="speech-summary"
                rows=2
                value=summary
                on_save={move |t: String| {
                    let id = summary_id.clone();
                    meeting
                        .edit(move |m| edit_item(&mut m.speeches, &id, |s| s.summary = t.clone()));
                }}
            />
            <button
                class="link-button small"
                on:click=move |_| {
                    if crate::browser::dialog::confirm("删除这条发言摘要？") {
                        let id = remove_id.clone();
                        meeting.edit(move |m| remove_item(&mut m.speeches, &id));
                    }
                }
            >
                "删除这条发言"
            </button>
        </div>
    }
}
