//! One person's path: who they are (the few fields the 纪实表 needs), the
//! flags in the rule's words, what is due next, and the 25 steps stage by
//! stage, each with its day, 经办人 and 材料 ticks, and the meeting whose
//! vote decided it. Every change is saved as it is made.

use leptos::prelude::*;

use crate::domain::job::Area;
use crate::ui::job::ReadOnly;
use leptos_router::hooks::use_params_map;

use super::edit_path;
use super::path_approval::{ApprovalCard, Pending};
use super::path_dates::ReportsAndReviews;
use super::path_probation::{Probation, ProbationCard};
use crate::domain::development::{
    flags, next_due, Applicant, Flag, Phase, Practice, Severity, Sex, Stage, Step,
};
use crate::domain::meeting::PersonRef;
use crate::domain::time::format_chinese_date;
use crate::domain::Document;
use crate::ui::link::A;
use crate::ui::state::use_app;
use crate::ui::widgets::{ChangeField, DateBox, DateInput, OptionalNumber, PageHeader};

#[component]
pub fn DevelopmentPathPage() -> impl IntoView {
    let state = use_app();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let exists = move || state.doc.with(|d| d.applicant(&id.get()).is_some());
    view! {
        <PageHeader title="发展党员全程纪实" back="/mine/development" />
        <ReadOnly area=Area::Development>
            {move || {
                if exists() {
                    view! { <Path id=id.get() /> }.into_any()
                } else {
                    view! { <p class="empty">"找不到这份纪实。"</p> }.into_any()
                }
            }}
        </ReadOnly>
    }
}

/// The path and what follows from it, recomputed when the document changes.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Seen {
    path: Applicant,
    flags: Vec<Flag>,
    practice: Practice,
}

#[component]
fn Path(id: String) -> impl IntoView {
    let state = use_app();
    let seen = {
        let id = id.clone();
        Memo::new(move |_| {
            state.doc.with(|d| {
                let path = d.applicant(&id).cloned()?;
                let found = flags(&path, &d.members, &d.branch.rules.development);
                Some(Seen {
                    path,
                    flags: found,
                    practice: d.branch.rules.development,
                })
            })
        })
    };
    let print = format!("/print/development/{id}");
    // The 公示 comes after the 支委会's review, before the 预审.
    let notice = format!("/print/development/notice-{id}");
    let candidate = move || {
        seen.with(|s| {
            s.as_ref()
                .is_some_and(|s| s.path.phase() == Phase::Candidate)
        })
    };
    view! {
        <Person id=id.clone() seen=seen />
        <Flags seen=seen />
        <DueNext seen=seen />
        <ApprovalCard
            id=id.clone()
            pending=Signal::derive(move || {
                seen.with(|s| s.as_ref().and_then(|s| Pending::of(&s.path)))
            })
        />
        <ProbationCard
            id=id.clone()
            probation=Signal::derive(move || {
                seen.with(|s| s.as_ref().map(|s| Probation::of(&s.path)))
                    .unwrap_or_else(|| Probation::of(&Applicant::default()))
            })
        />
        <ReportsAndReviews
            id=id.clone()
            reports=Signal::derive(move || {
                seen.with(|s| s.as_ref().map(|s| s.path.reports.clone()).unwrap_or_default())
            })
            reviews=Signal::derive(move || {
                seen.with(|s| s.as_ref().map(|s| s.path.reviews.clone()).unwrap_or_default())
            })
        />
        {Stage::ALL
            .into_iter()
            .map(|stage| {
                view! {
                    <section class="card form">
                        <h2 class="card-title">
                            {format!("第{}阶段 {}", stage as usize + 1, stage.label())}
                        </h2>
                        {stage
                            .steps()
                            .map(|step| view! { <StepRow id=id.clone() step=step seen=seen /> })
                            .collect_view()}
                    </section>
                }
            })
            .collect_view()}
        <p class="row">
            <A href=print attr:class="button primary">
                "打印全程纪实表"
            </A>
            <Show when=candidate>
                <A href=notice.clone() attr:class="button">
                    "打印发展对象公示"
                </A>
            </Show>
        </p>
    }
}

/// Names typed with 、 or commas; a name on the roster is linked to the
/// member, so the 正式党员 rule can be checked.
fn people(doc: &Document, typed: &str) -> Vec<PersonRef> {
    typed
        .split(['、', ',', '，', ' '])
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(|name| {
            let member = doc.members.iter().find(|m| m.is_active() && m.name == name);
            PersonRef {
                member_id: member.map(|m| m.id.clone()),
                name: if member.is_some() {
                    String::new()
                } else {
                    name.to_string()
                },
            }
        })
        .collect()
}

#[component]
fn Person(id: String, seen: Memo<Option<Seen>>) -> impl IntoView {
    let state = use_app();
    let read = move |f: fn(&Applicant) -> String| {
        move || seen.with(|s| s.as_ref().map(|s| f(&s.path)).unwrap_or_default())
    };
    let (i1, i2, i3) = (id.clone(), id.clone(), id.clone());
    // The 集中培训 counts (days, hours), empty until known.
    let training = move |get: fn(&Applicant) -> Option<u16>| {
        Signal::derive(move || seen.with(|s| s.as_ref().and_then(|s| get(&s.path)).map(u32::from)))
    };
    let set_training = {
        let id = id.clone();
        move |set: fn(&mut Applicant, Option<u16>)| {
            let id = id.clone();
            Callback::new(move |n: Option<u32>| {
                let n = n.and_then(|n| u16::try_from(n).ok());
                edit_path(state, &id, move |a| set(a, n));
            })
        }
    };
    view! {
        <section class="card form" data-testid="path-person">
            <ChangeField
                label="姓名"
                name="name"
                maxlength=40
                value=read(|a| a.name.clone())
                on_change=move |name: String| {
                    if !name.is_empty() {
                        edit_path(state, &i1, move |a| a.name = name.clone());
                    }
                }
            />
            <label class="field">
                <span>"性别"</span>
                <select
                    name="sex"
                    prop:value=read(|a| {
                        match a.sex {
                            Some(Sex::Male) => "male",
                            Some(Sex::Female) => "female",
                            None => "",
                        }
                            .to_string()
                    })
                    on:change=move |ev| {
                        let sex = match event_target_value(&ev).as_str() {
                            "male" => Some(Sex::Male),
                            "female" => Some(Sex::Female),
                            _ => None,
                        };
                        edit_path(state, &i2, move |a| a.sex = sex);
                    }
                >
                    <option value="">"未填"</option>
                    <option value="male">"男"</option>
                    <option value="female">"女"</option>
                </select>
            </label>
            <DateInput
                label="出生日期（用于核对年满十八岁）"
                name="born-on"
                value=Signal::derive(move || seen.with(|s| s.as_ref().and_then(|s| s.path.born_on)))
                on_change=move |born| edit_path(state, &i3, move |a| a.born_on = born)
            />
            <PeopleField
                label="培养联系人（一至两名正式党员，用“、”分隔）"
                name="contacts"
                id=id.clone()
                seen=seen
                get=|a| &a.contacts
                set=|a, list| a.contacts = list
            />
            <PeopleField
                label="入党介绍人（两名正式党员）"
                name="introducers"
                id=id
                seen=seen
                get=|a| &a.introducers
                set=|a, list| a.introducers = list
            />
            <div class="field-pair">
                <OptionalNumber
                    label="集中培训天数"
                    name="training-days"
                    value=training(|a| a.training_days)
                    on_set=set_training(|a, days| a.training_days = days)
                />
                <OptionalNumber
                    label="学时"
                    name="training-hours"
                    value=training(|a| a.training_hours)
                    on_set=set_training(|a, hours| a.training_hours = hours)
                />
            </div>
        </section>
    }
}

/// People typed by name with 、 (培养联系人, 入党介绍人), each linked to the
/// roster where the name is on it.
#[component]
fn PeopleField(
    label: &'static str,
    name: &'static str,
    id: String,
    seen: Memo<Option<Seen>>,
    get: fn(&Applicant) -> &Vec<PersonRef>,
    set: fn(&mut Applicant, Vec<PersonRef>),
) -> impl IntoView {
    let state = use_app();
    let shown = move || {
        state.doc.with(|d| {
            seen.with(|s| {
                s.as_ref()
                    .map(|s| {
                        get(&s.path)
                            .iter()
                            .map(|p| d.person_name(p))
                            .collect::<Vec<_>>()
                            .join("、")
                    })
                    .unwrap_or_default()
            })
        })
    };
    view! {
        <ChangeField
            label=label
            name=name
            value=Signal::derive(shown)
            on_change=move |typed: String| {
                let list = state.doc.with_untracked(|d| people(d, &typed));
                edit_path(state, &id, move |a| set(a, list.clone()));
            }
        />
    }
}

/// Every flag of the path, in the rule's words.
#[component]
fn Flags(seen: Memo<Option<Seen>>) -> impl IntoView {
    let all = move || seen.with(|s| s.as_ref().map(|s| s.flags.clone()).unwrap_or_default());
    view! {
        <Show when=move || !all().is_empty()>
            <section class="card" data-testid="path-flags" role="alert">
                <h2 class="card-title">"需要注意"</h2>
                <ul>
                    {move || {
                        all()
                            .into_iter()
                            .map(|f| view! { <FlagLine flag=f with_step=true /> })
                            .collect_view()
                    }}
                </ul>
            </section>
        </Show>
    }
}

#[component]
fn FlagLine(flag: Flag, with_step: bool) -> impl IntoView {
    let class = match flag.breach.severity {
        Severity::Broken => "error",
        Severity::Warning => "warning",
    };
    let text = if with_step {
        format!("{}：{}", flag.step.title(), flag.breach.sentence())
    } else {
        flag.breach.sentence()
    };
    view! { <li class=class>{text}</li> }
}

#[component]
fn DueNext(seen: Memo<Option<Seen>>) -> impl IntoView {
    let due = move || {
        seen.with(|s| {
            s.as_ref()
                .map(|s| next_due(&s.path, &s.practice))
                .unwrap_or_default()
        })
    };
    let today = crate::browser::clock::today();
    view! {
        <section class="card" data-testid="path-due">
            <h2 class="card-title">"下一步"</h2>
            <Show when=move || due().is_empty()>
                <p class="muted">"暂无待办。"</p>
            </Show>
            <ul>
                {move || {
                    due()
                        .into_iter()
                        .map(|d| {
                            let late = d.overdue(today);
                            view! {
                                <li class:warning=late>
                                    {d.sentence()}{if late { "（已超期）" } else { "" }}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </section>
    }
}

/// One step: its day, who did it, the materials ticked, its flags.
#[component]
fn StepRow(id: String, step: Step, seen: Memo<Option<Seen>>) -> impl IntoView {
    let state = use_app();
    let record = move || seen.with(|s| s.as_ref().and_then(|s| s.path.record(step).cloned()));
    let here = move || {
        seen.with(|s| {
            s.as_ref()
                .map(|s| {
                    s.flags
                        .iter()
                        .filter(|f| f.step == step)
                        .cloned()
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let (i1, i2) = (id.clone(), id.clone());
    let materials = step
        .materials()
        .iter()
        .map(|m| {
            let m = *m;
            let id = id.clone();
            let held = move || record().is_some_and(|r| r.materials.contains(&m));
            view! {
                <label class="material">
                    <input
                        type="checkbox"
                        name=format!("material-{}", step.number())
                        prop:checked=held
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            edit_path(state, &id, move |a| a.set_material(step, m, on));
                        }
                    />
                    {m.label()}
                </label>
            }
        })
        .collect_view();
    let done = move || record().and_then(|r| r.on).is_some();
    // The 上级党委's approvals go through their own rule (after the 支部大会
    // that passed it; a 转正 moves the roster too): refused, the day typed
    // goes back to the one stored, with the reason.
    let approval = matches!(step, Step::Approval | Step::ConfirmationApproval);
    let refused = RwSignal::new(None::<String>);
    let awaited = move || {
        approval
            && seen.with(|s| {
                s.as_ref()
                    .and_then(|s| Pending::of(&s.path))
                    .is_some_and(|p| p.awaiting.step == step)
            })
    };
    view! {
        <div class="path-step" class:done=done data-testid=format!("step-{}", step.number())>
            <h3 class="path-step-title">{step.title()}</h3>
            <div class="field-pair">
                <label class="field">
                    <span>"日期"</span>
                    <DateBox
                        name=format!("step-{}-on", step.number())
                        aria_label=format!("{}的日期", step.label())
                        value=Signal::derive(move || {
                            refused.track();
                            record().and_then(|r| r.on)
                        })
                        on_change=move |on| {
                            if approval {
                                refused.set(state.record_approval(&i1, step, on).err());
                            } else {
                                edit_path(state, &i1, move |a| a.set_done(step, on));
                            }
                        }
                    />
                </label>
                <ChangeField
                    label="经办人"
                    name=format!("step-{}-by", step.number())
                    maxlength=40
                    value=Signal::derive(move || record().map(|r| r.by).unwrap_or_default())
                    on_change=move |by: String| {
                        edit_path(state, &i2, move |a| a.record_mut(step).by = by.clone());
                    }
                />
            </div>
            <Show when=awaited>
                <p class="muted small">"待上级党委审批"</p>
            </Show>
            {move || refused.get().map(|why| view! { <p class="warning small">{why}</p> })}
            <div class="materials">{materials}</div>
            {move || {
                record()
                    .and_then(|r| r.meeting_id)
                    .map(|meeting_id| view! { <StepMeeting meeting_id=meeting_id /> })
            }}
            <ul class="path-step-flags">
                {move || {
                    here()
                        .into_iter()
                        .map(|f| view! { <FlagLine flag=f with_step=false /> })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}

/// The meeting whose vote decided a step, as a link to its 表决.
#[component]
fn StepMeeting(meeting_id: String) -> impl IntoView {
    let state = use_app();
    let title = state.doc.with_untracked(|d| {
        d.meeting(&meeting_id).map(|m| {
            let day = m
                .effective_date()
                .map(format_chinese_date)
                .unwrap_or_default();
            format!("{day} {}", m.kind.label())
        })
    });
    match title {
        Some(title) => view! {
            <p class="small path-step-meeting">
                "表决会议：" <A href=format!("/meetings/{meeting_id}?s=votes")>{title}</A>
            </p>
        }
        .into_any(),
        None => view! { <p class="muted small path-step-meeting">"表决会议的记录已删除。"</p> }
            .into_any(),
    }
}
