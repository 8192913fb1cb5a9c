//! One meeting, recorded as it happens: sections for the checklist,
//! attendance, the record, votes and follow-ups, a thumb's reach apart. The
//! open section is in the address, so a reload comes back to it. On a wide
//! screen (a PC, where minutes are typed after the meeting) the record,
//! the attendance and the checklist share one desk: the record on the left,
//! the other two beside it.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::attendance_panel::AttendancePanel;
use super::checklist_panel::ChecklistPanel;
use super::follow_ups_panel::FollowUpsPanel;
use super::record_panel::RecordPanel;
use super::tasks_panel::{has_tasks, TasksPanel};
use super::votes::VotesPanel;
use super::when;
use crate::browser::{clock, dialog::confirm};
use crate::domain::ics;
use crate::domain::job::Area;
use crate::domain::meeting::MeetingState;
use crate::domain::rules::recording::{held_before_its_day, hold, reopen_as_planned};
use crate::domain::rules::vote::Body;
use crate::domain::time::format_chinese_date;
use crate::ui::file_offer::{FileOffer, OfferedFile};
use crate::ui::handles::MeetingHandle;
use crate::ui::job::{use_may_edit, ReadOnly};
use crate::ui::paging::list_address;
use crate::ui::widgets::{delete_after_asking, PageHeader, PrintButton, RecordPage};

/// The narrowest window that holds the desk's two columns: a PC or a
/// tablet held sideways; phones keep one section at a time.
const DESK_MIN_WIDTH: f64 = 1000.0;

/// The sections the desk shows together.
const ON_DESK: [&str; 3] = ["checklist", "attendance", "record"];

const SECTIONS: [(&str, &str); 6] = [
    ("checklist", "清单"),
    ("attendance", "签到"),
    ("record", "记录"),
    ("votes", "表决"),
    ("follow-ups", "落实"),
    ("tasks", "任务"),
];

#[component]
pub fn MeetingPage() -> impl IntoView {
    view! {
        <RecordPage
            title="会议"
            back=list_address("/meetings")
            missing="找不到这次会议，可能已被删除。"
            editor=|meeting: MeetingHandle| view! { <MeetingScreen meeting=meeting /> }
        />
    }
}

#[component]
fn MeetingScreen(meeting: MeetingHandle) -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    let section = Memo::new(move |_| {
        query
            .with(|q| q.get("s"))
            .unwrap_or_else(|| "checklist".into())
    });
    // What the head of the screen shows, read in one go: every tap changes
    // the document, and one part re-read is cheaper than eight.
    let head = meeting.part(|m| Head {
        kind: m.kind.label().to_string(),
        title: {
            let also: Vec<&str> = m
                .also
                .iter()
                .filter(|k| m.counts_as(k))
                .map(|k| k.label())
                .collect();
            if also.is_empty() {
                m.kind.label().to_string()
            } else {
                format!("{}（同时计为{}）", m.kind.label(), also.join("、"))
            }
        },
        // Only a body that decides (党员大会、支委会) votes.
        votes: Body::of(m).is_some() || !m.votes.is_empty(),
        tasks: has_tasks(&m.kind, &m.also),
        theme: m.theme.clone(),
        held: m.state == MeetingState::Held,
        when: when(m),
    });
    let title = Memo::new(move |_| head.with(|h| h.title.clone()));
    let votes = Memo::new(move |_| head.with(|h| h.votes));
    let tasks = Memo::new(move |_| head.with(|h| h.tasks));
    let theme = Memo::new(move |_| head.with(|h| h.theme.clone()));
    let held = Memo::new(move |_| head.with(|h| h.held));
    let when_text = Memo::new(move |_| head.with(|h| h.when.clone()));
    let records = use_may_edit(Area::Meetings);
    let desk = wide_window();
    // What the page shows: one section, or on a wide window the desk for
    // any of its sections (switching among them redraws nothing).
    let shown_section = Memo::new(move |_| {
        let s = section.get();
        if desk.get() && ON_DESK.contains(&s.as_str()) {
            "desk".to_string()
        } else {
            s
        }
    });
    let tabs = SECTIONS.map(|(key, label)| {
        let navigate = navigate.clone();
        let shown = move || match key {
            "votes" => votes.get(),
            "tasks" => tasks.get(),
            // The desk is one tab, 记录, holding all three.
            "checklist" | "attendance" => !desk.get(),
            _ => true,
        };
        let on = move || {
            let s = shown_section.get();
            s == key || (key == "record" && s == "desk")
        };
        view! {
            <button
                hidden=move || !shown()
                class="section-tab"
                class:on=on
                role="tab"
                aria-selected=move || on().to_string()
                on:click=move |_| navigate(
                    &format!("?s={key}"),
                    NavigateOptions {
                        replace: true,
                        scroll: false,
                        ..Default::default()
                    },
                )
            >
                {move || {
                    if key == "record" && desk.get() { "记录、签到与清单" } else { label }
                }}
            </button>
        }
    });
    view! {
        <PageHeader
            title=Signal::derive(move || head.with(|h| h.kind.clone()))
            back=list_address("/meetings")
        />
        <header class="meeting-head">
            // The page title is the type; here only what it also counts as.
            <Show when=move || head.with(|h| h.title != h.kind)>
                <p class="meeting-kind">{title}</p>
            </Show>
            <h2 class="meeting-title">
                {move || {
                    let t = theme.get();
                    if t.is_empty() { "（未填主题）".to_string() } else { t }
                }}
            </h2>
            <p class="muted small">
                {when_text} " · " {move || if held.get() { "已召开" } else { "计划中" }}
            </p>
        </header>
        <nav class="section-tabs" role="tablist">
            {tabs}
        </nav>
        // On a member's phone the record shows as it is, without its edits.
        <ReadOnly area=Area::Meetings>
            {move || match shown_section.get().as_str() {
                "desk" => view! { <MeetingDesk meeting=meeting /> }.into_any(),
                "attendance" => view! { <AttendancePanel meeting=meeting /> }.into_any(),
                "record" => view! { <RecordPanel meeting=meeting /> }.into_any(),
                "votes" => view! { <VotesPanel meeting=meeting /> }.into_any(),
                "follow-ups" => view! { <FollowUpsPanel meeting=meeting /> }.into_any(),
                "tasks" => view! { <TasksPanel meeting=meeting /> }.into_any(),
                _ => view! { <ChecklistPanel meeting=meeting /> }.into_any(),
            }}
        </ReadOnly>
        <MeetingActions meeting=meeting held=held />
        <Show when=move || records.get()>
            <MeetingBar meeting=meeting section=shown_section held=held />
        </Show>
    }
}

/// The record on the left, typed at a keyboard; who came and the checklist
/// beside it, in a column that stays in view while the record scrolls.
/// Laid out here rather than in the stylesheet, which every first load
/// carries: only a wide window ever draws the desk.
#[component]
fn MeetingDesk(meeting: MeetingHandle) -> impl IntoView {
    view! {
        <div
            class="meeting-desk"
            data-testid="meeting-desk"
            style:display="grid"
            style:grid-template-columns="3fr 2fr"
            style:gap="20px"
            style:align-items="start"
        >
            <div class="stack desk-record">
                <RecordPanel meeting=meeting desk=true />
            </div>
            <aside
                class="stack desk-side"
                aria-label="签到与清单"
                style:position="sticky"
                style:top="60px"
                style:max-height="calc(100vh - 200px)"
                style:overflow-y="auto"
            >
                <AttendancePanel meeting=meeting />
                <ChecklistPanel meeting=meeting />
            </aside>
        </div>
    }
}

/// Whether the window is wide enough for the desk, following resizes.
fn wide_window() -> Memo<bool> {
    let width = || {
        web_sys::window()
            .and_then(|w| w.inner_width().ok())
            .and_then(|w| w.as_f64())
            .unwrap_or(0.0)
    };
    let now = RwSignal::new(width());
    let resize = window_event_listener(leptos::ev::resize, move |_| now.set(width()));
    on_cleanup(move || resize.remove());
    Memo::new(move |_| now.get() >= DESK_MIN_WIDTH)
}

/// The head of a meeting's screen.
#[derive(Clone, Debug, Default, PartialEq)]
struct Head {
    /// "支部党员大会": the page's title.
    kind: String,
    title: String,
    votes: bool,
    tasks: bool,
    theme: String,
    held: bool,
    when: String,
}

/// The next step, one and the same on every tab, always in reach of a
/// thumb: 开始签到 while nobody is marked, then 标记为已召开 (asked first
/// before its planned day); once held, a short confirmation.
#[component]
fn MeetingBar(meeting: MeetingHandle, section: Memo<String>, held: Memo<bool>) -> impl IntoView {
    let navigate = use_navigate();
    let just_held = RwSignal::new(false);
    let marked = meeting.part(|m| !m.attendance.is_empty());
    let hold_now = move |_| {
        let today = clock::today();
        let early = meeting.with(|m| held_before_its_day(m, today)).flatten();
        if let Some(planned) = early {
            let question = format!(
                "这次会议计划在{}召开，还没到那一天。现在标记为已召开，会议日期记为今天（{}）？",
                format_chinese_date(planned),
                format_chinese_date(today),
            );
            if !confirm(&question) {
                return;
            }
        }
        meeting.edit_with_roster(move |m, members| hold(m, today, members));
        just_held.set(true);
    };
    let to_attendance = move |_| {
        navigate(
            "?s=attendance",
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        )
    };
    view! {
        // Its button alone covers the page: the fade above it starts at the
        // button, not 8 px over the row above (set here, not in the
        // stylesheet every first load carries).
        <div class="meeting-bar" data-testid="meeting-bar" style:padding-top="0">
            {move || {
                if held.get() {
                    just_held
                        .get()
                        .then(|| {
                            // Once held, the bar only confirms the change just made;
                            // it does not sit over the record afterwards.
                            view! {
                                <p class="meeting-bar-state" role="status">
                                    "已标记为已召开，记录已保存"
                                </p>
                            }
                        })
                        .into_any()
                } else if matches!(section.get().as_str(), "attendance" | "desk") || marked.get() {
                    view! {
                        <button class="button primary" on:click=hold_now>
                            "结束会议，标记为已召开"
                        </button>
                    }
                        .into_any()
                } else {
                    view! {
                        <button class="button primary" on:click=to_attendance.clone()>
                            "开始签到"
                        </button>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}

/// Holding, reopening, the calendar file and deletion.
#[component]
fn MeetingActions(meeting: MeetingHandle, held: Memo<bool>) -> impl IntoView {
    let state = meeting.state;
    let records = use_may_edit(Area::Meetings);
    let reopen = move |_| {
        // The roll is fixed again from the roster when it is held again.
        if confirm("改回计划中？再次标记为已召开时，应到人员将按那时的名册重新确定。")
        {
            meeting.edit(reopen_as_planned);
        }
    };
    let calendar = move |()| {
        let id = meeting.id();
        let text = state.doc.with_untracked(|d| {
            d.meeting(&id)
                .map(|m| ics::calendar([m], &d.branch, clock::now_utc()))
        })?;
        Some(OfferedFile {
            name: format!("会议提醒-{}.ics", clock::today()),
            text,
            mime: "text/calendar",
        })
    };
    let delete = delete_after_asking(
        "删除这次会议及其全部记录？此操作可以通过导入备份找回，但无法撤销。",
        "/meetings",
        move || state.delete_meeting(&meeting.id()),
    );
    let id = meeting.id();
    view! {
        <section class="card actions">
            // Holding is the bar's one next step; here only its undoing.
            <Show when=move || held.get() && records.get()>
                <button class="link-button" on:click=reopen>
                    "改回计划中"
                </button>
            </Show>
            <Show when=move || !held.get()>
                <FileOffer label="添加到手机日历" make=calendar />
            </Show>
            <div class="row">
                <PrintButton href=format!("/print/meeting/{id}") label="打印会议记录" />
                <PrintButton href=format!("/print/sign-in/{id}") label="打印签到表" />
            </div>
            <Show when=move || records.get()>
                <button class="button danger" on:click=delete.clone()>
                    "删除会议"
                </button>
            </Show>
        </section>
    }
}
