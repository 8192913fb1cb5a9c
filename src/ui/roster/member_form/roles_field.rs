//! 职务: any of the posts at once, the 分工 of a 支部委员, and since when:
//! the day the current posts began, or, when the form changes them, the
//! day they changed (the old posts go into the member's history).

use leptos::prelude::*;

use super::fields::Fields;
use crate::domain::roster::DUTIES;
use crate::domain::{Member, Role};
use crate::ui::widgets::{FormDate, TypedInput};

#[component]
pub fn RolesField(fields: Fields, original: Member, is_new: bool) -> impl IntoView {
    let roles = fields.roles;
    let duty = fields.duty;
    let committee = move || roles.with(|r| r.iter().any(|r| r.is_committee()));
    let changing = move || !is_new && fields.posts_change(&original);
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
                <TypedInput
                    name="duty"
                    value=duty
                    list="duties"
                    maxlength=40
                    placeholder="如：组织委员"
                />
                <datalist id="duties">
                    {DUTIES.map(|d| view! { <option value=d></option> })}
                </datalist>
            </label>
        </Show>
        <Show
            when=changing
            fallback=move || {
                view! {
                    <Show when=move || roles.with(|r| !r.is_empty())>
                        <FormDate
                            label="任现职日期（可不填）"
                            name="posts-since"
                            value=fields.posts_since
                        />
                    </Show>
                }
            }
        >
            <FormDate
                label="职务变动日期"
                name="posts-changed-on"
                value=fields.posts_changed_on
            >
                "原职务记入任职经历，此前召开的会议仍按原职务计算。"
            </FormDate>
        </Show>
    }
}
