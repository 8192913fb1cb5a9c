//! 安排会议: type, day, place and theme; the checklist comes from the type.
//! Opened from a requirement on the home page (`?kind=主题党日&group=…`),
//! it starts with that type and 党小组.

mod for_year_select;
mod meeting_kind_select;

use crate::domain::job::Area;
use crate::ui::job::ReadOnly;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::browser::clock;
use crate::domain::meeting::{GroupScope, MeetingKind};
use crate::domain::rules::recording::{default_year_for, plan_meeting, Plan};
use crate::domain::time::{format_hh_mm, parse_hh_mm};
use crate::ui::paging::list_address;
use crate::ui::state::use_app;
use crate::ui::widgets::{ChangeField, ErrorLine, FormDate, GroupSelect, PageHeader, TextField};
use for_year_select::ForYearSelect;
use meeting_kind_select::MeetingKindSelect;

#[component]
pub fn PlanMeetingPage() -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let all_kinds = state.doc.with_untracked(|d| d.branch.meeting_kinds());
    let kind = RwSignal::new(all_kinds[0].clone());
    let first_group = state
        .doc
        .with_untracked(|d| d.branch.groups.first().map(|g| g.id.clone()));
    let group = RwSignal::new(None::<String>);
    let date = RwSignal::new(Some(clock::today()));
    let for_year = RwSignal::new(None::<i32>);
    let error = RwSignal::new(None::<&'static str>);
    // A 党小组会 is always one group; the branch's fixed 主题党日 is the
    // plan's date.
    let choose_kind = move |k: MeetingKind| {
        match k.group_scope() {
            GroupScope::Required if group.get_untracked().is_none() => {
                group.set(first_group.clone())
            }
            GroupScope::None => group.set(None),
            _ => {}
        }
        if k == MeetingKind::ThemeDay {
            let fixed = state.doc.with_untracked(|d| d.branch.rules.theme_day);
            if let Some(day) = fixed.and_then(|t| t.next_from(clock::today())) {
                date.set(Some(day));
            }
        }
        kind.set(k);
        error.set(None);
    };
    let query = use_query_map().get_untracked();
    if let Some(asked) = query
        .get("kind")
        .and_then(|name| all_kinds.iter().find(|k| k.label() == name))
    {
        choose_kind(asked.clone());
        let known = |id: &String| {
            state
                .doc
                .with_untracked(|d| d.branch.group_name(id).is_some())
        };
        if let Some(id) = query.get("group").filter(known) {
            group.set(Some(id));
        }
    }
    let time = RwSignal::new(chrono::NaiveTime::from_hms_opt(14, 30, 0));
    let place = RwSignal::new(String::new());
    let theme = RwSignal::new(String::new());
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = kind.get_untracked();
        if chosen.group_scope() == GroupScope::Required && group.get_untracked().is_none() {
            error.set(Some(
                "党小组会由一个党小组召开。请先在“我的 › 支部信息与规则”添加党小组。",
            ));
            return;
        }
        let id = clock::new_id("mt");
        let plan = Plan {
            group_id: group.get_untracked(),
            date: date.get_untracked(),
            time: time.get_untracked(),
            place: place.get_untracked(),
            theme: theme.get_untracked(),
        };
        let mut meeting = state
            .doc
            .with_untracked(|d| plan_meeting(&id, chosen.clone(), plan, &d.templates));
        if chosen.is_yearly() {
            meeting.for_year = for_year
                .get_untracked()
                .or_else(|| date.get_untracked().map(default_year_for));
        }
        state.add_meeting(meeting);
        navigate(&format!("/meetings/{id}"), Default::default());
    };
    view! {
        <PageHeader title="安排会议" back=list_address("/meetings") />
        <ReadOnly area=Area::Meetings>
            <form class="card form" on:submit=create>
                <MeetingKindSelect kinds=all_kinds kind=kind on_choose=Callback::new(choose_kind) />
                <Show when=move || kind.with(|k| k.group_scope() != GroupScope::None)>
                    <GroupSelect
                        value=group
                        none=Signal::derive(move || {
                            kind.with(|k| k.group_scope() == GroupScope::Allowed)
                                .then_some("全支部")
                        })
                        on_pick=move |()| error.set(None)
                    />
                </Show>
                <ErrorLine message=error />
                <div class="two-cols">
                    <FormDate label="日期" name="date" value=date />
                    <ChangeField
                        label="时间"
                        name="time"
                        kind="time"
                        value=Signal::derive(move || {
                            time.get().map(format_hh_mm).unwrap_or_default()
                        })
                        on_change=move |typed: String| time.set(parse_hh_mm(&typed))
                    />
                </div>
                <Show when=move || kind.with(MeetingKind::is_yearly)>
                    <ForYearSelect date=date for_year=for_year />
                </Show>
                <TextField
                    label="地点"
                    name="place"
                    value=place
                    placeholder="如：三楼党员活动室"
                    maxlength=100
                />
                <TextField
                    label="主题"
                    name="theme"
                    value=theme
                    placeholder="可稍后填写"
                    maxlength=200
                />
                <button class="button primary" type="submit">
                    "创建并打开"
                </button>
            </form>
        </ReadOnly>
    }
}
