//! 记录: what the 党支部工作记录 holds beyond attendance: when and where,
//! who chaired and took notes, agenda, study materials, minutes, speeches
//! and remarks. Text is saved as it is typed.

use leptos::prelude::*;

use super::meeting_part;

use super::person_picker::PersonPicker;
use crate::browser::clock;
use crate::domain::meeting::{Meeting, PersonRef, Speech, StudyMaterial};
use crate::ui::draft_text::{DraftInput, DraftTextArea};
use crate::ui::state::use_app;
use crate::ui::widgets::InlineAdd;

#[component]
pub fn RecordPanel(id: String) -> impl IntoView {
    let state = use_app();
    let meeting = {
        let id = id.clone();
        Memo::new(move |_| state.doc.with(|d| d.meeting(&id).cloned()))
    };
    let read = move |f: fn(&Meeting) -> String| {
        Signal::derive(move || meeting.with(|m| m.as_ref().map(f).unwrap_or_default()))
    };
    let person = move |f: fn(&Meeting) -> PersonRef| {
        Signal::derive(move || meeting.with(|m| m.as_ref().map(f).unwrap_or_default()))
    };
    let save = {
        let id = id.clone();
        move |f: fn(&mut Meeting, String)| {
            let id = id.clone();
            move |text: String| state.edit_meeting(&id, |m| f(m, text))
        }
    };
    let save_person = {
        let id = id.clone();
        move |f: fn(&mut Meeting, PersonRef)| {
            let id = id.clone();
            move |p: PersonRef| state.edit_meeting(&id, |m| f(m, p))
        }
    };
    let date_id = id.clone();
    let time_id = id.clone();
    let flags_id = id.clone();
    let time_input = move |label: &'static str,
                           name: &'static str,
                           get: fn(&Meeting) -> Option<chrono::NaiveTime>,
                           set: fn(&mut Meeting, Option<chrono::NaiveTime>)| {
        let id = time_id.clone();
        view! {
            <label class="field">
                <span>{label}</span>
                <input type="time" name=name
                    prop:value=move || meeting.with(|m| m.as_ref().and_then(get).map(|t| t.format("%H:%M").to_string()).unwrap_or_default())
                    on:change=move |ev| {
                        let t = chrono::NaiveTime::parse_from_str(&event_target_value(&ev), "%H:%M").ok();
                        state.edit_meeting(&id, |m| set(m, t));
                    }/>
            </label>
        }
    };
    view! {
        <section class="card form">
            <h3 class="card-title">"时间地点"</h3>
            <label class="field">
                <span>"本年第几次"</span>
                <input type="number" name="sequence" min="1" max="999" inputmode="numeric" placeholder="可不填"
                    prop:value=move || meeting.with(|m| m.as_ref().and_then(|m| m.sequence).map(|n| n.to_string()).unwrap_or_default())
                    on:change={
                        let id = id.clone();
                        move |ev| {
                            let n = event_target_value(&ev).parse::<u32>().ok().filter(|n| *n > 0);
                            state.edit_meeting(&id, |m| m.sequence = n);
                        }
                    }/>
            </label>
            <label class="field">
                <span>"召开日期"</span>
                <input type="date" name="held-date"
                    prop:value=move || meeting.with(|m| m.as_ref().and_then(|m| m.date.or(m.planned_date)).map(|d| d.to_string()).unwrap_or_default())
                    on:change=move |ev| {
                        let d = event_target_value(&ev).parse().ok();
                        state.edit_meeting(&date_id, |m| m.date = d);
                    }/>
            </label>
            <div class="two-cols">
                {time_input("开始时间", "start-time", |m| m.start_time.or(m.planned_time), |m, t| m.start_time = t)}
                {time_input("结束时间", "end-time", |m| m.end_time, |m, t| m.end_time = t)}
            </div>
            <DraftInput label="地点" name="place" value=read(|m| m.place.clone()) on_save=save(|m, t| m.place = t.trim().to_string())/>
            <DraftInput label="主题" name="theme" value=read(|m| m.theme.clone()) on_save=save(|m, t| m.theme = t.trim().to_string())/>
        </section>
        <section class="card form">
            <h3 class="card-title">"人员"</h3>
            <PersonPicker label="主持人" name="host" value=person(|m| m.host.clone()) on_change=save_person(|m, p| m.host = p)/>
            <PersonPicker label="记录人" name="recorder" value=person(|m| m.recorder.clone()) on_change=save_person(|m, p| m.recorder = p)/>
            <PersonPicker label="讲课人" name="lecturer" value=person(|m| m.lecturer.clone()) on_change=save_person(|m, p| m.lecturer = p)/>
            <DraftInput label="列席人员" name="observers" placeholder="可不填" value=read(|m| m.observers.clone()) on_save=save(|m, t| m.observers = t)/>
        </section>
        <AgendaList id=id.clone()/>
        <MaterialsList id=id.clone()/>
        <section class="card form">
            <DraftTextArea label="主要内容" name="minutes" rows=6 placeholder="会议的主要内容、学习和讨论情况"
                value=read(|m| m.minutes.clone()) on_save=save(|m, t| m.minutes = t)/>
        </section>
        <SpeechList id=id.clone()/>
        <section class="card form">
            <DraftTextArea label="备注" name="remarks" value=read(|m| m.remarks.clone()) on_save=save(|m, t| m.remarks = t)/>
            <label class="switch-row">
                <input type="checkbox" name="sign-in-kept" prop:checked=move || meeting.with(|m| m.as_ref().is_some_and(|m| m.sign_in_sheet_kept))
                    on:change={
                        let id = flags_id.clone();
                        move |ev| { let on = event_target_checked(&ev); state.edit_meeting(&id, |m| m.sign_in_sheet_kept = on); }
                    }/>
                <span>"纸质签到表已留存"</span>
            </label>
            <label class="switch-row">
                <input type="checkbox" name="photos-kept" prop:checked=move || meeting.with(|m| m.as_ref().is_some_and(|m| m.photos_kept))
                    on:change=move |ev| { let on = event_target_checked(&ev); state.edit_meeting(&flags_id, |m| m.photos_kept = on); }/>
                <span>"会议照片已留存（照片不保存在本应用中）"</span>
            </label>
        </section>
    }
}

#[component]
fn AgendaList(id: String) -> impl IntoView {
    let state = use_app();
    let items = meeting_part(state, &id, |m| m.agenda.clone());
    let add_id = id.clone();
    let add = move |text: String| state.edit_meeting(&add_id, |m| m.agenda.push(text));
    view! {
        <section class="card form">
            <h3 class="card-title">"议题"</h3>
            <ol class="plain-list numbered">
                {move || items.get().into_iter().enumerate().map(|(i, text)| {
                    let id = id.clone();
                    view! {
                        <li class="row-between">
                            <span>{text}</span>
                            <button class="icon-button" aria-label="删除议题" on:click=move |_| state.edit_meeting(&id, |m| {
                                if i < m.agenda.len() { m.agenda.remove(i); }
                            })>"×"</button>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <InlineAdd name="new-agenda" placeholder="添加议题" on_add=add/>
        </section>
    }
}

#[component]
fn MaterialsList(id: String) -> impl IntoView {
    let state = use_app();
    let items = meeting_part(state, &id, |m| m.materials.clone());
    let title = RwSignal::new(String::new());
    let source = RwSignal::new(String::new());
    let add_id = id.clone();
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
        state.edit_meeting(&add_id, |m| m.materials.push(material));
        title.set(String::new());
        source.set(String::new());
    };
    view! {
        <section class="card form">
            <h3 class="card-title">"学习篇目"</h3>
            <ul class="check-list">
                {move || items.get().into_iter().map(|s| {
                    let toggle_id = id.clone();
                    let remove_id = id.clone();
                    let sid = s.id.clone();
                    let rid = s.id.clone();
                    view! {
                        <li class="check-row">
                            <label class="check">
                                <input type="checkbox" prop:checked=s.covered on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let sid = sid.clone();
                                    state.edit_meeting(&toggle_id, |m| if let Some(x) = m.materials.iter_mut().find(|x| x.id == sid) { x.covered = on; });
                                }/>
                                <span>{s.title.clone()}<small class="muted">{if s.source.is_empty() { String::new() } else { format!("（{}）", s.source) }}</small></span>
                            </label>
                            <button class="icon-button" aria-label="删除篇目" on:click=move |_| {
                                let rid = rid.clone();
                                state.edit_meeting(&remove_id, |m| m.materials.retain(|x| x.id != rid));
                            }>"×"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <form class="stack" on:submit=add>
                <input type="text" name="material-title" placeholder="篇目名称" maxlength="200"
                    prop:value=title on:input=move |ev| title.set(event_target_value(&ev))/>
                <div class="inline-add">
                    <input type="text" name="material-source" placeholder="出处、页码或链接（可不填）" maxlength="200"
                        prop:value=source on:input=move |ev| source.set(event_target_value(&ev))/>
                    <button class="button" type="submit">"添加"</button>
                </div>
            </form>
        </section>
    }
}

#[component]
fn SpeechList(id: String) -> impl IntoView {
    let state = use_app();
    let speeches = meeting_part(state, &id, |m| m.speeches.clone());
    let add_id = id.clone();
    let add = move |_| {
        let speech = Speech {
            id: clock::new_id("sp"),
            speaker: PersonRef::default(),
            summary: String::new(),
        };
        state.edit_meeting(&add_id, |m| m.speeches.push(speech));
    };
    view! {
        <section class="card form">
            <h3 class="card-title">"发言摘要"</h3>
            <For each=move || speeches.get() key=|s| s.id.clone() let:speech>
                {
                    let sid = speech.id.clone();
                    let speaker_id = id.clone();
                    let summary_id = id.clone();
                    let remove_id = id.clone();
                    let s1 = sid.clone();
                    let s2 = sid.clone();
                    let s3 = sid.clone();
                    let speaker = Signal::derive(move || speeches.with(|list| list.iter().find(|s| s.id == sid).map(|s| s.speaker.clone()).unwrap_or_default()));
                    let summary = Signal::derive(move || speeches.with(|list| list.iter().find(|s| s.id == s3).map(|s| s.summary.clone()).unwrap_or_default()));
                    view! {
                        <div class="speech">
                            <PersonPicker label="发言人" name="speaker" value=speaker on_change=move |p| {
                                let s1 = s1.clone();
                                state.edit_meeting(&speaker_id, |m| if let Some(s) = m.speeches.iter_mut().find(|s| s.id == s1) { s.speaker = p; });
                            }/>
                            <DraftTextArea label="摘要" name="speech-summary" rows=2 value=summary on_save=move |t: String| {
                                let s2 = s2.clone();
                                state.edit_meeting(&summary_id, |m| if let Some(s) = m.speeches.iter_mut().find(|s| s.id == s2) { s.summary = t; });
                            }/>
                            <button class="link-button small" on:click=move |_| {
                                if crate::browser::dialog::confirm("删除这条发言摘要？") {
                                    let rid = speech.id.clone();
                                    state.edit_meeting(&remove_id, |m| m.speeches.retain(|s| s.id != rid));
                                }
                            }>"删除这条发言"</button>
                        </div>
                    }
                }
            </For>
            <button class="button" on:click=add>"＋ 添加发言"</button>
        </section>
    }
}
