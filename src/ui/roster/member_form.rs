//! Adding or editing one member. A member who appears in records can only be
//! recorded as 减少 (转出、出党、去世…), so old records keep their names.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::browser::{clock, dialog::confirm};
use crate::domain::roster::member_named;
use crate::domain::roster::{apply_form_changes, check_member_name, Exemption, Probation, DUTIES};
use crate::domain::time::format_chinese_date;
use crate::domain::{Member, MemberStatus, Reduction, Role, Standing};
use crate::ui::state::use_app;
use crate::ui::widgets::PageHeader;

#[component]
pub fn MemberEditPage() -> impl IntoView {
    let state = use_app();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id")).unwrap_or_default();
    move || {
        let id = id();
        let existing = state.doc.with_untracked(|d| d.member(&id).cloned());
        let is_new = id == "new";
        match (is_new, existing) {
            (true, _) => view! { <MemberForm member=None /> }.into_any(),
            (false, Some(m)) => view! { <MemberForm member=Some(m) /> }.into_any(),
            (false, None) => view! {
                <PageHeader title="党员" back="/mine/roster" />
                <p class="empty">"找不到这名党员。"</p>
            }
            .into_any(),
        }
    }
}

/// A new member: due from today unless another 转入 date is entered.
fn new_member(group_id: Option<String>) -> Member {
    Member {
        group_id,
        ..member_named(String::new(), String::new(), clock::today())
    }
}

/// The form's fields, one signal each, read back into a member.
#[derive(Clone, Copy)]
struct Fields {
    name: RwSignal<String>,
    group: RwSignal<Option<String>>,
    standing: RwSignal<Standing>,
    admitted: RwSignal<Option<NaiveDate>>,
    joined: RwSignal<Option<NaiveDate>>,
    roles: RwSignal<Vec<Role>>,
    duty: RwSignal<String>,
    probation: RwSignal<Option<Probation>>,
    exempt: RwSignal<Option<Exemption>>,
    note: RwSignal<String>,
}

impl Fields {
    fn of(m: &Member) -> Fields {
        Fields {
            name: RwSignal::new(m.name.clone()),
            group: RwSignal::new(m.group_id.clone()),
            standing: RwSignal::new(m.standing),
            admitted: RwSignal::new(m.admitted_on),
            joined: RwSignal::new(m.joined_on),
            roles: RwSignal::new(m.roles.clone()),
            duty: RwSignal::new(m.duty.clone()),
            probation: RwSignal::new(m.probation.clone()),
            exempt: RwSignal::new(m.exempt.clone()),
            note: RwSignal::new(m.note.clone()),
        }
    }

    /// `base` with the fields as typed (name unchecked).
    fn read(&self, base: &Member) -> Member {
        let roles = self.roles.get();
        let committee = roles.iter().any(|r| r.is_committee());
        Member {
            name: self.name.get(),
            group_id: self.group.get(),
            standing: self.standing.get(),
            admitted_on: self.admitted.get(),
            joined_on: self.joined.get(),
            roles,
            duty: if committee {
                self.duty.get().trim().to_string()
            } else {
                String::new()
            },
            probation: self.probation.get(),
            exempt: self.exempt.get().map(|e| Exemption {
                reason: e.reason.trim().to_string(),
                ..e
            }),
            note: self.note.get().trim().to_string(),
            ..base.clone()
        }
    }

    fn clear_for_next(&self) {
        self.name.set(String::new());
        self.note.set(String::new());
        self.roles.set(Vec::new());
        self.duty.set(String::new());
        self.probation.set(None);
        self.exempt.set(None);
    }
}

#[component]
fn MemberForm(member: Option<Member>) -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let is_new = member.is_none();
    let original = member.unwrap_or_else(|| {
        new_member(
            state
                .doc
                .with_untracked(|d| d.branch.groups.first().map(|g| g.id.clone())),
        )
    });
    let fields = Fields::of(&original);
    let error = RwSignal::new(None::<&'static str>);
    let id = original.id.clone();

    let save = {
        let original = original.clone();
        let navigate = navigate.clone();
        move |add_another: bool| {
            let mut edited = untrack(|| fields.read(&original));
            match check_member_name(&edited.name) {
                Ok(name) => edited.name = name,
                Err(e) => {
                    error.set(Some(e));
                    return;
                }
            }
            if is_new {
                edited.id = clock::new_id("m");
            }
            // Only the fields changed in the form are saved, over the member
            // as stored now; the status changes only by 办理减少 / 恢复在册.
            let original = original.clone();
            let saved_name = edited.name.clone();
            state.edit_roster(move |members| {
                match members.iter_mut().find(|m| m.id == edited.id) {
                    Some(m) => apply_form_changes(m, &original, &edited),
                    None => members.push(edited.clone()),
                }
            });
            state.confirm(format!("已保存：{saved_name}"));
            if add_another {
                fields.clear_for_next();
                error.set(None);
            } else {
                navigate("/mine/roster", Default::default());
            }
        }
    };
    let save_once = save.clone();
    let warnings = {
        let original = original.clone();
        move || fields.read(&original).role_warnings()
    };
    let period_ends = {
        let original = original.clone();
        move || fields.read(&original).probationary_period_ends()
    };
    view! {
        <PageHeader
            title=if is_new { "添加党员" } else { "编辑党员" }
            back="/mine/roster"
        />
        <form
            class="card form"
            on:submit=move |ev| {
                ev.prevent_default();
                save_once(false);
            }
        >
            <label class="field">
                <span>"姓名"</span>
                <input
                    type="text"
                    name="name"
                    autocomplete="off"
                    maxlength="40"
                    required
                    prop:value=fields.name
                    on:input=move |ev| {
                        fields.name.set(event_target_value(&ev));
                        error.set(None);
                    }
                />
            </label>
            {move || {
                error
                    .get()
                    .map(|e| {
                        view! {
                            <p class="error" role="alert">
                                {e}
                            </p>
                        }
                    })
            }}
            <GroupField group=fields.group />
            <fieldset class="segmented" aria-label="党员类别">
                {Standing::ALL
                    .map(|s| {
                        view! {
                            <label class:selected=move || fields.standing.get() == s>
                                <input
                                    type="radio"
                                    name="standing"
                                    prop:checked=move || fields.standing.get() == s
                                    on:change=move |_| fields.standing.set(s)
                                />
                                {s.label()}
                            </label>
                        }
                    })}
            </fieldset>
            <DateField label="入党日期" name="admitted" value=fields.admitted>
                {move || {
                    period_ends()
                        .map(|d| {
                            format!(
                                "预备期至 {}。期满前一个月，首页会提醒讨论其转正。",
                                format_chinese_date(d),
                            )
                        })
                }}
            </DateField>
            <DateField
                label="转入本支部（或入党）日期"
                name="joined"
                value=fields.joined
            >
                "此日期之前召开的会议不计入其应到人数；已召开的会议记录不受影响。"
            </DateField>
            <RolesField roles=fields.roles duty=fields.duty />
            {move || {
                warnings()
                    .into_iter()
                    .map(|w| {
                        view! {
                            <p class="warning" role="status">
                                {w}
                            </p>
                        }
                    })
                    .collect_view()
            }}
            <ProbationField probation=fields.probation />
            <ExemptField exempt=fields.exempt />
            <label class="field">
                <span>"备注"</span>
                <input
                    type="text"
                    name="note"
                    placeholder="可不填"
                    maxlength="200"
                    prop:value=fields.note
                    on:input=move |ev| fields.note.set(event_target_value(&ev))
                />
            </label>
            <div class="row">
                <button class="button primary" type="submit">
                    "保存"
                </button>
                {is_new
                    .then(|| {
                        let save = save.clone();
                        view! {
                            <button class="button" type="button" on:click=move |_| save(true)>
                                "保存并继续添加"
                            </button>
                        }
                    })}
            </div>
        </form>
        {(!is_new).then(|| view! { <Membership id=id.clone() /> })}
    }
}

#[component]
fn GroupField(group: RwSignal<Option<String>>) -> impl IntoView {
    let state = use_app();
    let groups = move || state.doc.with(|d| d.branch.groups.clone());
    view! {
        <label class="field">
            <span>"党小组"</span>
            <select
                name="group"
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    group.set(if v.is_empty() { None } else { Some(v) });
                }
            >
                <option value="" selected=move || group.get().is_none()>
                    "不属于党小组"
                </option>
                <For each=groups key=|g| g.id.clone() let:g>
                    {
                        let gid = g.id.clone();
                        view! {
                            <option
                                value=g.id.clone()
                                selected=move || group.get().as_deref() == Some(gid.as_str())
                            >
                                {g.name}
                            </option>
                        }
                    }
                </For>
            </select>
        </label>
    }
}

/// A date that may be left empty, with a line of help under it.
#[component]
fn DateField(
    label: &'static str,
    name: &'static str,
    value: RwSignal<Option<NaiveDate>>,
    children: Children,
) -> impl IntoView {
    view! {
        <label class="field">
            <span>{label}</span>
            <input
                type="date"
                name=name
                prop:value=move || value.get().map(|d| d.to_string()).unwrap_or_default()
                on:change=move |ev| value.set(event_target_value(&ev).parse().ok())
            />
            <small class="muted">{children()}</small>
        </label>
    }
}

/// 职务: any of the posts at once, and the 分工 of a 支部委员.
#[component]
fn RolesField(roles: RwSignal<Vec<Role>>, duty: RwSignal<String>) -> impl IntoView {
    let committee = move || roles.with(|r| r.iter().any(|r| r.is_committee()));
    view! {
        <fieldset class="field plain">
            <legend>"职务（可多选，无职务不选）"</legend>
            <div class="chips-row">
                {Role::ALL
                    .map(|role| {
                        let on = move || roles.with(|r| r.contains(&role));
                        view! {
                            <button
                                type="button"
                                class="chip-toggle"
                                class:on=on
                                aria-pressed=move || on().to_string()
                                on:click=move |_| {
                                    roles
                                        .update(|r| {
                                            if let Some(at) = r.iter().position(|x| *x == role) {
                                                r.remove(at);
                                            } else {
                                                r.push(role);
                                                r.sort();
                                            }
                                        })
                                }
                            >
                                {role.label()}
                            </button>
                        }
                    })}
            </div>
        </fieldset>
        <Show when=committee>
            <label class="field">
                <span>"委员分工"</span>
                <input
                    type="text"
                    name="duty"
                    list="duties"
                    maxlength="40"
                    placeholder="如：组织委员"
                    prop:value=duty
                    on:input=move |ev| duty.set(event_target_value(&ev))
                />
                <datalist id="duties">
                    {DUTIES.map(|d| view! { <option value=d></option> })}
                </datalist>
            </label>
        </Show>
    }
}

/// 留党察看: while it lasts the member has no vote and is not counted as a
/// voter (党章 §40).
#[component]
fn ProbationField(probation: RwSignal<Option<Probation>>) -> impl IntoView {
    let set_from = move |d: Option<NaiveDate>| {
        probation.update(|p| match (p.as_mut(), d) {
            (Some(p), Some(d)) => p.from = d,
            (None, Some(d)) => {
                *p = Some(Probation {
                    from: d,
                    until: None,
                })
            }
            _ => {}
        })
    };
    view! {
        <fieldset class="field plain">
            <label class="check">
                <input
                    type="checkbox"
                    name="probation"
                    prop:checked=move || probation.with(Option::is_some)
                    on:change=move |ev| {
                        probation
                            .set(
                                event_target_checked(&ev)
                                    .then(|| Probation {
                                        from: clock::today(),
                                        until: None,
                                    }),
                            )
                    }
                />
                <span>
                    "留党察看（察看期间没有表决权、选举权和被选举权）"
                </span>
            </label>
            <Show when=move || probation.with(Option::is_some)>
                <div class="row">
                    <label class="field">
                        <span>"起"</span>
                        <input
                            type="date"
                            name="probation-from"
                            prop:value=move || {
                                probation.with(|p| p.as_ref().map(|p| p.from.to_string()))
                            }
                            on:change=move |ev| set_from(event_target_value(&ev).parse().ok())
                        />
                    </label>
                    <label class="field">
                        <span>"止（可不填）"</span>
                        <input
                            type="date"
                            name="probation-until"
                            prop:value=move || {
                                probation
                                    .with(|p| {
                                        p.as_ref()
                                            .and_then(|p| p.until)
                                            .map(|d| d.to_string())
                                            .unwrap_or_default()
                                    })
                            }
                            on:change=move |ev| {
                                let until = event_target_value(&ev).parse().ok();
                                probation
                                    .update(|p| {
                                        if let Some(p) = p.as_mut() {
                                            p.until = until;
                                        }
                                    })
                            }
                        />
                    </label>
                </div>
            </Show>
        </fieldset>
    }
}

/// 年老体弱、行动不便、身患重病: 组织活动不作硬性要求 (《党员教育管理工作
/// 条例》§23). Not due at meetings, no 补学 owed; still in the vote base
/// unless a meeting records an exclusion.
#[component]
fn ExemptField(exempt: RwSignal<Option<Exemption>>) -> impl IntoView {
    view! {
        <fieldset class="field plain">
            <label class="check">
                <input
                    type="checkbox"
                    name="exempt"
                    prop:checked=move || exempt.with(Option::is_some)
                    on:change=move |ev| {
                        exempt
                            .set(
                                event_target_checked(&ev)
                                    .then(|| Exemption {
                                        reason: String::new(),
                                        since: Some(clock::today()),
                                    }),
                            )
                    }
                />
                <span>
                    "参加组织活动不作硬性要求（年老体弱、行动不便、身患重病等）"
                </span>
            </label>
            <Show when=move || exempt.with(Option::is_some)>
                <label class="field">
                    <span>"情况说明"</span>
                    <input
                        type="text"
                        name="exempt-reason"
                        maxlength="100"
                        placeholder="如：年老体弱，行动不便"
                        prop:value=move || {
                            exempt
                                .with(|e| e.as_ref().map(|e| e.reason.clone()).unwrap_or_default())
                        }
                        on:input=move |ev| {
                            let reason = event_target_value(&ev);
                            exempt
                                .update(|e| {
                                    if let Some(e) = e.as_mut() {
                                        e.reason = reason;
                                    }
                                })
                        }
                    />
                    <small class="muted">
                        "不计入会议应到人数，缺席不需补学，可送学上门。表决时仍计入应到会有表决权人数，除非会议记录了经批准的不计算人员。"
                    </small>
                </label>
            </Show>
        </fieldset>
    }
}

/// 办理减少 with its reason, 恢复在册, or deleting a mistaken entry.
#[component]
fn Membership(id: String) -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let status = {
        let id = id.clone();
        move || state.doc.with(|d| d.member(&id).map(|m| m.status.clone()))
    };
    let references = {
        let id = id.clone();
        move || state.doc.with(|d| d.references_to_member(&id))
    };
    let why = RwSignal::new(Reduction::TransferredOut);
    let on = RwSignal::new(Some(clock::today()));
    let note = RwSignal::new(String::new());
    let set_status = {
        let id = id.clone();
        move |status: MemberStatus| {
            let id = id.clone();
            state.edit_roster(move |members| {
                if let Some(m) = members.iter_mut().find(|m| m.id == id) {
                    m.status = status.clone();
                }
            });
        }
    };
    let reduce = {
        let set_status = set_status.clone();
        move |_| {
            set_status(MemberStatus::Left {
                on: on.get_untracked(),
                why: Some(why.get_untracked()),
                reason: note.get_untracked().trim().to_string(),
            })
        }
    };
    let restore = move |_| set_status(MemberStatus::Active);
    let delete = {
        let id = id.clone();
        let references = references.clone();
        move |_| {
            if references() > 0 || !confirm("确定删除这名党员吗？只有误录入时才应删除。")
            {
                return;
            }
            let id = id.clone();
            state.edit_roster(move |members| members.retain(|m| m.id != id));
            state.confirm("已删除这名党员");
            navigate("/mine/roster", Default::default());
        }
    };
    let left_sentence = move || match status() {
        Some(MemberStatus::Left { on, why, reason }) => {
            let mut text = String::from("已办理减少");
            if let Some(on) = on {
                text = format!("已于{}办理减少", format_chinese_date(on));
            }
            let why = why.map(Reduction::label).unwrap_or("其他");
            let reason = reason.trim();
            let detail = if reason.is_empty() {
                why.to_string()
            } else {
                format!("{why}，{reason}")
            };
            Some(format!("{text}（{detail}）。历史记录中仍保留其姓名。"))
        }
        _ => None,
    };
    view! {
        <section class="card form">
            <h2 class="card-title">"组织关系"</h2>
            {move || match left_sentence() {
                Some(text) => {
                    view! {
                        <p class="muted">{text}</p>
                        <button class="button" type="button" on:click=restore.clone()>
                            "恢复在册"
                        </button>
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <label class="field">
                            <span>"减少原因"</span>
                            <select
                                name="reduction"
                                on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    if let Some(r) = Reduction::ALL.iter().find(|r| r.label() == v)
                                    {
                                        why.set(*r);
                                    }
                                }
                            >
                                {Reduction::ALL
                                    .map(|r| {
                                        view! {
                                            <option value=r.label() selected=move || why.get() == r>
                                                {r.label()}
                                            </option>
                                        }
                                    })}
                            </select>
                        </label>
                        <label class="field">
                            <span>"日期"</span>
                            <input
                                type="date"
                                name="reduction-on"
                                prop:value=move || {
                                    on.get().map(|d| d.to_string()).unwrap_or_default()
                                }
                                on:change=move |ev| on.set(event_target_value(&ev).parse().ok())
                            />
                        </label>
                        <label class="field">
                            <span>"说明（可不填）"</span>
                            <input
                                type="text"
                                name="reduction-note"
                                placeholder="如：转至某某党支部"
                                maxlength="100"
                                prop:value=note
                                on:input=move |ev| note.set(event_target_value(&ev))
                            />
                        </label>
                        <button class="button" type="button" on:click=reduce.clone()>
                            "办理减少"
                        </button>
                    }
                        .into_any()
                }
            }}
            <hr />
            {move || {
                let n = references();
                if n > 0 {
                    view! {
                        <p class="muted small">
                            {format!(
                                "该党员已出现在 {n} 份会议、谈话记录或评议材料中，不能删除，只能办理减少。",
                            )}
                        </p>
                    }
                        .into_any()
                } else {
                    view! {
                        <button class="button danger" type="button" on:click=delete.clone()>
                            "删除（仅用于误录入）"
                        </button>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}
