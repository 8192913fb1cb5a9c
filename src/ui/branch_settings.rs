//! 支部信息与规则: the branch's name, its 党小组 and its local rules.
//! Each field is saved as it is typed.

use leptos::prelude::*;

use crate::domain::job::Area;
use crate::ui::job::ReadOnly;

use super::development::DevelopmentPracticeForm;
use super::draft_text::DraftInput;
use super::state::use_app;
use super::widgets::{InlineAdd, NumberSetting, PageHeader, SwitchRow};
use crate::browser::{clock, dialog::confirm};
use crate::domain::branch::{CommitteeRule, ThemeDay, MINUTES_PER_STUDY_HOUR_CHOICES};
use crate::domain::fusion::StudyForm;
use crate::domain::time::format_chinese_date;
use crate::domain::{limits, LocalRules, PartyGroup};
use crate::ui::widgets::{ChangeField, SelectField};

#[component]
pub fn BranchSettingsPage() -> impl IntoView {
    let state = use_app();
    let save = move |f: fn(&mut crate::domain::Branch, String)| {
        Callback::new(move |value: String| {
            let value = value.trim().to_string();
            state.edit_branch(move |b| f(b, value.clone()))
        })
    };
    view! {
        <PageHeader title="支部信息与规则" back="/mine" />
        <ReadOnly area=Area::BranchSettings>
            <section class="card form">
                <DraftInput
                    label="支部名称"
                    name="branch-name"
                    placeholder="如：某某公司第一党支部"
                    value=Signal::derive(move || state.doc.with(|d| d.branch.name.clone()))
                    on_save=save(|b, v| b.rename(v))
                />
                <DraftInput
                    label="上级党组织"
                    name="parent-org"
                    placeholder="可不填"
                    value=Signal::derive(move || state.doc.with(|d| d.branch.parent_org.clone()))
                    on_save=save(|b, v| b.parent_org = v)
                />
            </section>
            <GroupList />
            <LocalRulesForm />
            <DevelopmentPracticeForm />
            <StudyKinds />
            <AssessmentSettingsForm />
        </ReadOnly>
    }
}

/// The 评议 settings a branch fixes for itself: the rating scale and its
/// list of 反向情形.
#[component]
fn AssessmentSettingsForm() -> impl IntoView {
    let state = use_app();
    let scale_cut = RwSignal::new(false);
    let negatives_cut = RwSignal::new(false);
    let scale = move || state.doc.with(|d| d.branch.assessment.scale().join("、"));
    let negatives = move || {
        state
            .doc
            .with(|d| d.branch.assessment.negative_situations.join("\n"))
    };
    view! {
        <section class="card form">
            <h2 class="card-title">"民主评议"</h2>
            <ChangeField
                label="评价档次（从好到差，用顿号分隔）"
                name="rating-scale"
                maxlength=100
                value=Signal::derive(scale)
                on_change=move |typed: String| {
                    let typed: Vec<String> = typed
                        .split(['、', ',', '，', ' '])
                        .map(str::to_string)
                        .collect();
                    let (items, cut) = limits::clamp_list(typed, limits::SCALE, limits::RATING);
                    scale_cut.set(cut);
                    let scale = if items.is_empty() {
                        crate::domain::assessment::settings::default_rating_scale()
                    } else {
                        items
                    };
                    state.edit_branch(move |b| b.assessment.rating_scale = scale.clone());
                }
            >
                <Show when=move || scale_cut.get()>
                    <small class="error">
                        {format!(
                            "最多 {} 个档次，每个不超过 {} 字，多出的部分没有保存。",
                            limits::SCALE,
                            limits::RATING,
                        )}
                    </small>
                </Show>
            </ChangeField>
            <label class="field">
                <span>"反向情形清单（每行一条）"</span>
                <textarea
                    name="negative-situations"
                    rows="8"
                    prop:value=negatives
                    on:change=move |ev| {
                        let typed: Vec<String> = event_target_value(&ev)
                            .lines()
                            .map(str::to_string)
                            .collect();
                        let (items, cut) = limits::clamp_list(
                            typed,
                            limits::NEGATIVES,
                            limits::SHORT,
                        );
                        negatives_cut.set(cut);
                        state
                            .edit_branch(move |b| b.assessment.negative_situations = items.clone());
                    }
                ></textarea>
                <Show when=move || negatives_cut.get()>
                    <small class="error">
                        {format!(
                            "最多 {} 条，每条不超过 {} 字，多出的部分没有保存。",
                            limits::NEGATIVES,
                            limits::SHORT,
                        )}
                    </small>
                </Show>
            </label>
        </section>
    }
}

#[component]
fn GroupList() -> impl IntoView {
    let state = use_app();
    let add = move |name: String| {
        let group = PartyGroup {
            id: clock::new_id("g"),
            name,
        };
        state.edit_branch(move |b| {
            if !b.groups.iter().any(|g| g.id == group.id) {
                b.groups.push(group.clone());
            }
        });
    };
    view! {
        <section class="card form">
            <h2 class="card-title">"党小组"</h2>
            <ul class="plain-list">
                <For
                    each=move || state.doc.with(|d| d.branch.groups.clone())
                    key=|g| g.id.clone()
                    let:group
                >
                    <GroupRow id=group.id name=group.name />
                </For>
            </ul>
            <InlineAdd name="new-group" placeholder="新党小组名称" maxlength=50 on_add=add />
        </section>
    }
}

#[component]
fn GroupRow(id: String, name: String) -> impl IntoView {
    let state = use_app();
    let members_in = {
        let id = id.clone();
        Memo::new(move |_| {
            state.doc.with(|d| {
                let in_group = |g: &Option<String>| g.as_deref() == Some(id.as_str());
                let members = d.members.iter().filter(|m| in_group(&m.group_id)).count();
                let meetings = d.meetings.iter().filter(|m| in_group(&m.group_id)).count();
                (members, meetings)
            })
        })
    };
    let rename_id = id.clone();
    let remove = move |_: leptos::ev::MouseEvent| {
        if members_in.get_untracked() != (0, 0) {
            return;
        }
        if confirm("删除这个党小组？") {
            let id = id.clone();
            state.edit_branch(move |b| b.groups.retain(|g| g.id != id));
        }
    };
    view! {
        <li class="group-row">
            <input
                type="text"
                aria-label="党小组名称"
                prop:value=name
                maxlength="50"
                on:change=move |ev| {
                    let v = event_target_value(&ev).trim().to_string();
                    let id = rename_id.clone();
                    state
                        .edit_branch(move |b| {
                            if let Some(g) = b.groups.iter_mut().find(|g| g.id == id) {
                                g.name = v.clone();
                            }
                        });
                }
            />
            <span class="muted small">{move || format!("{} 人", members_in.get().0)}</span>
            <button
                class="button small"
                disabled=move || { members_in.get() != (0, 0) }
                on:click=remove
                title="小组里还有党员或会议记录时不能删除"
            >
                "删除"
            </button>
        </li>
    }
}

#[component]
fn LocalRulesForm() -> impl IntoView {
    let state = use_app();
    let rules = move || state.doc.with(|d| d.branch.rules.clone());
    let has_committee = move || state.doc.with(|d| d.branch.has_committee(&d.members));
    view! {
        <section class="card form">
            <h2 class="card-title">"本单位规则"</h2>
            <p class="hint">
                "《中国共产党支部工作条例（试行）》规定的是全国通用要求；下面几项各单位规定不同，请按本单位要求设置。"
            </p>
            <SwitchRow
                name="lecture-quarterly"
                label="党课每季度 1 次"
                hint="（本单位规定，《条例》未作统一要求）"
                checked=Signal::derive(move || rules().party_lecture_quarterly)
                on_change=move |on| state.edit_branch(move |b| b.rules.party_lecture_quarterly = on)
            />
            <SwitchRow
                name="secretary-lecture"
                label="支部书记每年至少讲 1 次党课"
                hint="（本单位规定；按党课记录中的讲课人统计）"
                checked=Signal::derive(move || rules().secretary_lecture_yearly)
                on_change=move |on| {
                    state.edit_branch(move |b| b.rules.secretary_lecture_yearly = on)
                }
            />
            <SwitchRow
                name="group-monthly-work"
                label="党小组每月确定并回顾重点工作"
                hint="（本单位规定；回顾可在当月或次月第一次党小组会上进行）"
                checked=Signal::derive(move || rules().group_monthly_work)
                on_change=move |on| state.edit_branch(move |b| b.rules.group_monthly_work = on)
            />
            <label class="field">
                <span>"支部委员会"</span>
                <select
                    name="committee"
                    on:change=move |ev| {
                        let rule = match event_target_value(&ev).as_str() {
                            "yes" => CommitteeRule::Yes,
                            "no" => CommitteeRule::No,
                            _ => CommitteeRule::ByRoster,
                        };
                        state.edit_branch(move |b| b.rules.committee = rule);
                    }
                >
                    {[
                        (
                            CommitteeRule::ByRoster,
                            "roster",
                            "按名册：正式党员 7 人以上设支委会",
                        ),
                        (CommitteeRule::Yes, "yes", "本支部设支委会"),
                        (CommitteeRule::No, "no", "本支部不设支委会（只设书记）"),
                    ]
                        .map(|(rule, value, label)| {
                            view! {
                                <option value=value selected=move || rules().committee == rule>
                                    {label}
                                </option>
                            }
                        })}
                </select>
                <small class="muted">
                    {move || {
                        if has_committee() {
                            "每月应召开支委会。"
                        } else {
                            "不设支委会的支部不要求每月召开支委会。"
                        }
                    }}
                </small>
            </label>
            <ThemeDayField />
            <RuleNumber
                label="提醒备份间隔（天）"
                name="backup-days"
                range=(1, 365)
                get=|r| r.backup_reminder_days
                set=|r, n| r.backup_reminder_days = n
            />
            <RuleNumber
                label="党员每年学习学时（《党员教育管理工作条例》：一般不少于 32 学时）"
                name="study-hours"
                range=(1, 200)
                get=|r| r.study_hours_yearly
                set=|r, n| r.study_hours_yearly = n
            />
            <RuleNumber
                label="书记、委员每年学习学时（2019—2023 年全国党员教育培训工作规划：不少于 56 学时）"
                name="leaders-study-hours"
                range=(1, 200)
                get=|r| r.leaders_study_hours_yearly
                set=|r, n| r.leaders_study_hours_yearly = n
            />
            <MinutesPerStudyHour />
        </section>
    }
}

/// Minutes in one 学时: unset until the branch chooses, since units differ.
#[component]
pub fn MinutesPerStudyHour() -> impl IntoView {
    let state = use_app();
    let current = move || state.doc.with(|d| d.branch.rules.minutes_per_study_hour);
    view! {
        <SelectField
            label="本单位 1 学时按多少分钟计"
            name="minutes-per-study-hour"
            on_change=move |picked: String| {
                let n = picked.parse::<u16>().ok();
                state.edit_branch(move |b| b.rules.minutes_per_study_hour = n);
            }
            help="各单位规定不同：不少单位按 60 分钟计 1 学时，也有按 45 或 50 分钟的。请按本单位规定选择。"
        >
            <option value="" selected=move || current().is_none()>
                "尚未设置"
            </option>
            {MINUTES_PER_STUDY_HOUR_CHOICES
                .map(|n| {
                    view! {
                        <option value=n.to_string() selected=move || current() == Some(n)>
                            {format!("{n} 分钟")}
                        </option>
                    }
                })}
            {move || {
                current()
                    .filter(|n| !MINUTES_PER_STUDY_HOUR_CHOICES.contains(n))
                    .map(|n| {
                        view! {
                            <option value=n.to_string() selected=true>
                                {format!("{n} 分钟")}
                            </option>
                        }
                    })
            }}
        </SelectField>
    }
}

/// A whole-number local rule, kept within `range`.
#[component]
fn RuleNumber(
    label: &'static str,
    name: &'static str,
    range: (u16, u16),
    get: fn(&LocalRules) -> u16,
    set: fn(&mut LocalRules, u16),
) -> impl IntoView {
    let state = use_app();
    view! {
        <NumberSetting
            label=label
            name=name
            range=(range.0.into(), range.1.into())
            value=Signal::derive(move || state.doc.with(|d| get(&d.branch.rules).into()))
            on_change=move |n: u32| {
                let n = u16::try_from(n).unwrap_or(range.1);
                state.edit_branch(move |b| set(&mut b.rules, n));
            }
        />
    }
}

/// 主题党日 "每月相对固定 1 天": a day of the month or a weekday; new plans
/// for a 主题党日 take it as their date.
#[component]
pub fn ThemeDayField() -> impl IntoView {
    let state = use_app();
    let theme_day = move || state.doc.with(|d| d.branch.rules.theme_day);
    let set = move |day: Option<ThemeDay>| state.edit_branch(move |b| b.rules.theme_day = day);
    let mode = move || match theme_day() {
        None => "none",
        Some(ThemeDay::DayOfMonth { .. }) => "day",
        Some(ThemeDay::Weekday { .. }) => "weekday",
    };
    const NTH: [(u8, &str); 5] = [
        (1, "第一个"),
        (2, "第二个"),
        (3, "第三个"),
        (4, "第四个"),
        (5, "最后一个"),
    ];
    const WEEKDAYS: [&str; 7] = [
        "星期一",
        "星期二",
        "星期三",
        "星期四",
        "星期五",
        "星期六",
        "星期日",
    ];
    let weekday_parts = move || match theme_day() {
        Some(ThemeDay::Weekday { nth, weekday }) => (nth, weekday),
        _ => (1, 5),
    };
    view! {
        <fieldset class="field plain">
            <legend>"主题党日"</legend>
            <select
                name="theme-day-mode"
                aria-label="主题党日的固定方式"
                on:change=move |ev| {
                    set(
                        match event_target_value(&ev).as_str() {
                            "day" => Some(ThemeDay::DayOfMonth { day: 15 }),
                            "weekday" => {
                                Some(ThemeDay::Weekday {
                                    nth: 1,
                                    weekday: 5,
                                })
                            }
                            _ => None,
                        },
                    )
                }
            >
                <option value="none" selected=move || mode() == "none">
                    "不固定"
                </option>
                <option value="day" selected=move || mode() == "day">
                    "每月固定日期"
                </option>
                <option value="weekday" selected=move || mode() == "weekday">
                    "每月固定星期"
                </option>
            </select>
            {move || match theme_day() {
                Some(ThemeDay::DayOfMonth { day: current }) => {
                    view! {
                        <select
                            name="theme-day"
                            aria-label="每月几日"
                            on:change=move |ev| {
                                if let Ok(day) = event_target_value(&ev).parse::<u8>() {
                                    set(Some(ThemeDay::DayOfMonth { day }));
                                }
                            }
                        >
                            {(1..=31u8)
                                .map(|day| {
                                    view! {
                                        <option value=day.to_string() selected=day == current>
                                            {format!("每月 {day} 日")}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    }
                        .into_any()
                }
                Some(ThemeDay::Weekday { nth: current_nth, weekday: current_day }) => {
                    view! {
                        <div class="row">
                            <select
                                name="theme-nth"
                                aria-label="每月第几个"
                                on:change=move |ev| {
                                    if let Ok(nth) = event_target_value(&ev).parse::<u8>() {
                                        let weekday = weekday_parts().1;
                                        set(Some(ThemeDay::Weekday { nth, weekday }));
                                    }
                                }
                            >
                                {NTH
                                    .map(|(nth, label)| {
                                        view! {
                                            <option value=nth.to_string() selected=nth == current_nth>
                                                {format!("每月{label}")}
                                            </option>
                                        }
                                    })}
                            </select>
                            <select
                                name="theme-weekday"
                                aria-label="星期几"
                                on:change=move |ev| {
                                    if let Ok(weekday) = event_target_value(&ev).parse::<u8>() {
                                        let nth = weekday_parts().0;
                                        set(Some(ThemeDay::Weekday { nth, weekday }));
                                    }
                                }
                            >
                                {WEEKDAYS
                                    .iter()
                                    .zip(1u8..)
                                    .map(|(label, weekday)| {
                                        view! {
                                            <option
                                                value=weekday.to_string()
                                                selected=weekday == current_day
                                            >
                                                {*label}
                                            </option>
                                        }
                                    })
                                    .collect_view()}
                            </select>
                        </div>
                    }
                        .into_any()
                }
                None => ().into_any(),
            }}
            <small class="muted">
                {move || match theme_day().and_then(|t| Some((t, t.next_from(clock::today())?))) {
                    Some((t, next)) => {
                        format!(
                            "{}；下一次是 {}。新建主题党日时自动填入这一天。",
                            t.label(),
                            format_chinese_date(next),
                        )
                    }
                    None => {
                        "《条例》要求每月相对固定 1 天开展主题党日。"
                            .to_string()
                    }
                }}
            </small>
        </fieldset>
    }
}

#[component]
fn StudyKinds() -> impl IntoView {
    let state = use_app();
    let refused = RwSignal::new(None::<String>);
    let add = move |name: String| {
        if let Some(form) = StudyForm::named(&name) {
            refused.set(Some(format!(
                "“{}”在“会议 › 党建与业务融合 › 学习”中记录（含参加人和时长），不再作为会议类型，以免同一次学习记两次。",
                form.label()
            )));
            return;
        }
        refused.set(None);
        if !state
            .doc
            .with_untracked(|d| d.branch.study_kinds.contains(&name))
        {
            state.edit_branch(move |b| {
                if !b.study_kinds.contains(&name) {
                    b.study_kinds.push(name.clone());
                }
            });
        }
    };
    view! {
        <section class="card form">
            <h2 class="card-title">"本支部的学习形式"</h2>
            <p class="hint">
                "如读书班、专题研讨，安排会议时可以直接选用。党员每月一讲、OPL 一点课、五分钟晨学在“会议 › 党建与业务融合 › 学习”中记录。"
            </p>
            <ul class="chips">
                <For
                    each=move || state.doc.with(|d| d.branch.study_kinds.clone())
                    key=|k| k.clone()
                    let:kind
                >
                    {
                        let removed = kind.clone();
                        let recorded_apart = StudyForm::named(&kind).is_some();
                        view! {
                            <li class="chip">
                                {kind}
                                {recorded_apart
                                    .then(|| {
                                        view! {
                                            <small class="muted">
                                                "（在“学习”中记录）"
                                            </small>
                                        }
                                    })}
                                <button
                                    class="chip-remove"
                                    aria-label="移除"
                                    on:click=move |_| {
                                        let k = removed.clone();
                                        state
                                            .edit_branch(move |b| b.study_kinds.retain(|s| *s != k));
                                    }
                                >
                                    "×"
                                </button>
                            </li>
                        }
                    }
                </For>
            </ul>
            <InlineAdd
                name="new-study-kind"
                placeholder="新的学习形式"
                maxlength=30
                on_add=add
            />
            {move || {
                refused
                    .get()
                    .map(|text| {
                        view! {
                            <p class="warning" role="note">
                                {text}
                            </p>
                        }
                    })
            }}
        </section>
    }
}
