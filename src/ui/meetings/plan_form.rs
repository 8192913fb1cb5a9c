//! 安排会议: type, day, place and theme; the checklist comes from the type.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::browser::clock;
use crate::domain::meeting::MeetingKind;
use crate::domain::rules::recording::{plan_meeting, Plan};
use crate::domain::time::{format_hh_mm, parse_hh_mm};
use crate::ui::state::use_app;
use crate::ui::widgets::PageHeader;

/// Every type a meeting can have: the national ones, 集中学习, and the
/// branch's own study forms.
fn kinds(study_kinds: &[String]) -> Vec<MeetingKind> {
    let mut all: Vec<MeetingKind> = MeetingKind::NATIONAL.to_vec();
    all.push(MeetingKind::Study {
        name: "集中学习".into(),
    });
    all.extend(
        study_kinds
            .iter()
            .map(|name| MeetingKind::Study { name: name.clone() }),
    );
    all
}

#[component]
pub fn PlanMeetingPage() -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let all_kinds = state.doc.with_untracked(|d| kinds(&d.branch.study_kinds));
    let kind = RwSignal::new(all_kinds[0].clone());
    let group = RwSignal::new(
        state
            .doc
            .with_untracked(|d| d.branch.groups.first().map(|g| g.id.clone())),
    );
    let date = RwSignal::new(Some(clock::today()));
    let time = RwSignal::new(chrono::NaiveTime::from_hms_opt(14, 30, 0));
    let place = RwSignal::new(String::new());
    let theme = RwSignal::new(String::new());
    let choices = all_kinds.clone();
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = clock::new_id("mt");
        let plan = Plan {
            group_id: group.get_untracked(),
            date: date.get_untracked(),
            time: time.get_untracked(),
            place: place.get_untracked(),
            theme: theme.get_untracked(),
        };
        let meeting = state
            .doc
            .with_untracked(|d| plan_meeting(&id, kind.get_untracked(), plan, &d.templates));
        state.add_meeting(meeting);
        navigate(&format!("/meetings/{id}"), Default::default());
    };
    view! {
        <PageHeader title="安排会议" back="/meetings" />
        <form class="card form" on:submit=create>
            <label class="field">
                <span>"类型"</span>
                <select
                    name="kind"
                    on:change=move |ev| {
                        if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                            if let Some(k) = choices.get(i) {
                                kind.set(k.clone());
                            }
                        }
                    }
                >
                    {all_kinds
                        .iter()
                        .enumerate()
                        .map(|(i, k)| {
                            view! { <option value=i.to_string()>{k.label().to_string()}</option> }
                        })
                        .collect_view()}
                </select>
            </label>
            <Show when=move || kind.get() == MeetingKind::GroupMeeting>
                <label class="field">
                    <span>"党小组"</span>
                    <select
                        name="group"
                        on:change=move |ev| group.set(Some(event_target_value(&ev)))
                    >
                        {state
                            .doc
                            .with_untracked(|d| d.branch.groups.clone())
                            .into_iter()
                            .map(|g| {
                                let id = g.id.clone();
                                view! {
                                    <option
                                        value=g.id
                                        selected=move || group.get().as_deref() == Some(id.as_str())
                                    >
                                        {g.name}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
            </Show>
            <div class="two-cols">
                <label class="field">
                    <span>"日期"</span>
                    <input
                        type="date"
                        name="date"
                        prop:value=move || date.get().map(|d| d.to_string()).unwrap_or_default()
                        on:change=move |ev| date.set(event_target_value(&ev).parse().ok())
                    />
                </label>
                <label class="field">
                    <span>"时间"</span>
                    <input
                        type="time"
                        name="time"
                        prop:value=move || time.get().map(format_hh_mm).unwrap_or_default()
                        on:change=move |ev| time.set(parse_hh_mm(&event_target_value(&ev)))
                    />
                </label>
            </div>
            <label class="field">
                <span>"地点"</span>
                <input
                    type="text"
                    name="place"
                    placeholder="如：三楼党员活动室"
                    maxlength="100"
                    prop:value=place
                    on:input=move |ev| place.set(event_target_value(&ev))
                />
            </label>
            <label class="field">
                <span>"主题"</span>
                <input
                    type="text"
                    name="theme"
                    placeholder="可稍后填写"
                    maxlength="200"
                    prop:value=theme
                    on:input=move |ev| theme.set(event_target_value(&ev))
                />
            </label>
            <button class="button primary" type="submit">
                "创建并打开"
            </button>
        </form>
    }
}
