//! Adding or editing one member. A member who appears in records can only be
//! marked as left, so old records keep their names.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::browser::{clock, dialog::confirm};
use crate::domain::roster::{apply_form_changes, check_member_name};
use crate::domain::{Member, MemberStatus, Role, Standing};
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

#[component]
fn MemberForm(member: Option<Member>) -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let is_new = member.is_none();
    let original = member.clone().unwrap_or_else(|| Member {
        id: String::new(),
        name: String::new(),
        group_id: state
            .doc
            .with_untracked(|d| d.branch.groups.first().map(|g| g.id.clone())),
        standing: Standing::Full,
        role: Role::Member,
        status: MemberStatus::Active,
        note: String::new(),
        joined_on: None,
    });
    let name = RwSignal::new(original.name.clone());
    let group = RwSignal::new(original.group_id.clone());
    let standing = RwSignal::new(original.standing);
    let role = RwSignal::new(original.role);
    let note = RwSignal::new(original.note.clone());
    let joined = RwSignal::new(original.joined_on);
    let error = RwSignal::new(None::<&'static str>);
    let id = original.id.clone();

    let save = {
        let navigate = navigate.clone();
        let id = id.clone();
        let original_for_save = original.clone();
        move |add_another: bool| {
            let checked = match check_member_name(&name.get_untracked()) {
                Ok(n) => n,
                Err(e) => {
                    error.set(Some(e));
                    return;
                }
            };
            let edited = Member {
                id: if is_new {
                    clock::new_id("m")
                } else {
                    id.clone()
                },
                name: checked,
                group_id: group.get_untracked(),
                standing: standing.get_untracked(),
                role: role.get_untracked(),
                status: original_for_save.status.clone(),
                note: note.get_untracked().trim().to_string(),
                joined_on: joined.get_untracked(),
            };
            // Only the fields changed in the form are saved, over the
            // member as stored now; the status is changed only by
            // 标记为离开 / 恢复 below.
            let original = original_for_save.clone();
            state.edit_roster(move |members| {
                match members.iter_mut().find(|m| m.id == edited.id) {
                    Some(m) => apply_form_changes(m, &original, &edited),
                    None => members.push(edited.clone()),
                }
            });
            if add_another {
                name.set(String::new());
                note.set(String::new());
                error.set(None);
            } else {
                navigate("/mine/roster", Default::default());
            }
        }
    };
    let save_once = save.clone();
    let groups = move || state.doc.with(|d| d.branch.groups.clone());
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
                    prop:value=name
                    on:input=move |ev| {
                        name.set(event_target_value(&ev));
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
            <fieldset class="segmented" aria-label="党员类别">
                {Standing::ALL
                    .map(|s| {
                        view! {
                            <label class:selected=move || standing.get() == s>
                                <input
                                    type="radio"
                                    name="standing"
                                    prop:checked=move || standing.get() == s
                                    on:change=move |_| standing.set(s)
                                />
                                {s.label()}
                            </label>
                        }
                    })}
            </fieldset>
            <label class="field">
                <span>"职务"</span>
                <select
                    name="role"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(r) = Role::ALL.iter().find(|r| r.label() == v) {
                            role.set(*r);
                        }
                    }
                >
                    {Role::ALL
                        .map(|r| {
                            view! {
                                <option value=r.label() selected=move || role.get() == r>
                                    {r.label()}
                                </option>
                            }
                        })}
                </select>
            </label>
            <label class="field">
                <span>"加入本支部日期"</span>
                <input
                    type="date"
                    name="joined"
                    prop:value=move || joined.get().map(|d| d.to_string()).unwrap_or_default()
                    on:change=move |ev| joined.set(event_target_value(&ev).parse().ok())
                />
                <small class="muted">
                    "可不填。填写后，此日期之前的会议不计入其应到人数。"
                </small>
            </label>
            <label class="field">
                <span>"备注"</span>
                <input
                    type="text"
                    name="note"
                    placeholder="可不填"
                    maxlength="200"
                    prop:value=note
                    on:input=move |ev| note.set(event_target_value(&ev))
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
        {(!is_new).then(|| view! { <LeaveOrDelete id=id.clone() /> })}
    }
}

/// Marking a member as left, bringing them back, or deleting a mistaken entry.
#[component]
fn LeaveOrDelete(id: String) -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let references = {
        let id = id.clone();
        move || state.doc.with(|d| d.references_to_member(&id))
    };
    let active = {
        let id = id.clone();
        move || {
            state
                .doc
                .with(|d| d.member(&id).is_some_and(Member::is_active))
        }
    };
    let reason = RwSignal::new(String::new());
    let toggle_id = id.clone();
    let active_for_toggle = active.clone();
    let toggle = move |_| {
        let now_active = active_for_toggle();
        let status = if now_active {
            MemberStatus::Left {
                on: Some(clock::today()),
                reason: reason.get_untracked().trim().to_string(),
            }
        } else {
            MemberStatus::Active
        };
        let id = toggle_id.clone();
        state.edit_roster(move |members| {
            if let Some(m) = members.iter_mut().find(|m| m.id == id) {
                m.status = status.clone();
            }
        });
    };
    let delete_id = id.clone();
    let refs = references.clone();
    let delete = move |_| {
        if refs() > 0 || !confirm("确定删除这名党员吗？只有误录入时才应删除。")
        {
            return;
        }
        let id = delete_id.clone();
        state.edit_roster(move |members| members.retain(|m| m.id != id));
        navigate("/mine/roster", Default::default());
    };
    let active_for_view = active.clone();
    view! {
        <section class="card form">
            <h2 class="card-title">"组织关系"</h2>
            <Show
                when=active_for_view
                fallback=|| {
                    view! {
                        <p class="muted">
                            "已标记为离开。历史记录中仍保留其姓名。"
                        </p>
                    }
                }
            >
                <label class="field">
                    <span>"离开原因"</span>
                    <input
                        type="text"
                        name="leave-reason"
                        placeholder="如：组织关系转出"
                        maxlength="100"
                        prop:value=reason
                        on:input=move |ev| reason.set(event_target_value(&ev))
                    />
                </label>
            </Show>
            <button class="button" on:click=toggle>
                {move || if active() { "标记为离开" } else { "恢复为在册党员" }}
            </button>
            <hr />
            {move || {
                let n = references();
                if n > 0 {
                    view! {
                        <p class="muted small">
                            {format!(
                                "该党员已出现在 {n} 份会议记录或评议材料中，不能删除，只能标记为离开。",
                            )}
                        </p>
                    }
                        .into_any()
                } else {
                    view! {
                        <button class="button danger" on:click=delete.clone()>
                            "删除（仅用于误录入）"
                        </button>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}
