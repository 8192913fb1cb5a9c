//! Adding or editing one member: who they are, their standing and posts
//! with the dates they began and ended (so a meeting entered late is counted
//! as it stood that day), and 留党察看, 中止 and 不作硬性要求. A member who
//! appears in records can only be recorded as 减少 (转出、出党、去世…), so
//! old records keep their names. One component per file.

mod exempt_field;
mod fields;
mod membership;
mod period_field;
mod post_history;
mod probation_field;
mod roles_field;
mod standing_choice;
mod standing_history;
mod suspension_field;

use crate::domain::job::Area;
use crate::ui::job::ReadOnly;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::browser::clock;
use crate::domain::roster::member_named;
use crate::domain::roster::{apply_form_changes, check_member_name};
use crate::domain::time::format_chinese_date;
use crate::domain::Member;
use crate::ui::state::use_app;
use crate::ui::widgets::{ErrorLine, FormDate, GroupSelect, PageHeader, TextField};
use exempt_field::ExemptField;
use fields::Fields;
use membership::Membership;
use post_history::PostHistory;
use probation_field::ProbationField;
use roles_field::RolesField;
use standing_choice::StandingChoice;
use standing_history::StandingHistory;
use suspension_field::SuspensionField;

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
    let today = clock::today();
    let fields = Fields::of(&original, today);
    let error = RwSignal::new(None::<&'static str>);
    let id = original.id.clone();

    let save = {
        let original = original.clone();
        let navigate = navigate.clone();
        move |add_another: bool| {
            let mut edited = untrack(|| fields.read(&original, is_new));
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
        move || fields.read(&original, is_new).role_warnings(today)
    };
    let period_ends = {
        let original = original.clone();
        move || fields.read(&original, is_new).probationary_period_ends()
    };
    view! {
        <PageHeader
            title=if is_new { "添加党员" } else { "编辑党员" }
            back="/mine/roster"
        />
        <ReadOnly area=Area::Roster>
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
                <ErrorLine message=error />
                <GroupSelect value=fields.group none=Some("不属于党小组") />
                <StandingChoice standing=fields.standing />
                <FormDate label="入党日期" name="admitted" value=fields.admitted>
                    {move || {
                        period_ends()
                            .map(|d| {
                                format!(
                                    "预备期至 {}。期满前一个月，首页会提醒讨论其转正。",
                                    format_chinese_date(d),
                                )
                            })
                    }}
                </FormDate>
                <FormDate
                    label="转入本支部（或入党）日期"
                    name="joined"
                    value=fields.joined
                >
                    "此日期之前召开的会议不计入其应到人数；已召开的会议记录不受影响。"
                </FormDate>
                <StandingHistory fields=fields original=original.clone() />
                <RolesField fields=fields original=original.clone() is_new=is_new />
                <PostHistory posts=fields.former_posts />
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
                <SuspensionField suspension=fields.suspension />
                <ExemptField exempt=fields.exempt />
                <TextField
                    label="备注"
                    name="note"
                    value=fields.note
                    placeholder="可不填"
                    maxlength=200
                />
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
        </ReadOnly>
    }
}
