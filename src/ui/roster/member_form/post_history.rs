//! 任职经历: the posts a member held before, with their dates, so an old
//! record keeps who was on the committee that day. Entered here when they
//! predate the app; a change of posts in the form adds one by itself.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::roster::FormerPost;
use crate::domain::time::format_chinese_date;
use crate::domain::Role;
use crate::ui::widgets::{by_label, label_options, FormDate, TypedInput};

#[component]
pub fn PostHistory(posts: RwSignal<Vec<FormerPost>>) -> impl IntoView {
    let role = RwSignal::new(Role::CommitteeMember);
    let duty = RwSignal::new(String::new());
    let from = RwSignal::new(None::<NaiveDate>);
    let until = RwSignal::new(None::<NaiveDate>);
    let line = |p: &FormerPost| {
        let post = if p.role == Role::CommitteeMember && !p.duty.is_empty() {
            p.duty.clone()
        } else {
            p.role.label().to_string()
        };
        format!(
            "{}—{} {post}",
            p.from.map(format_chinese_date).unwrap_or_default(),
            format_chinese_date(p.until)
        )
    };
    let add = move |_| {
        let Some(ended) = until.get_untracked() else {
            return;
        };
        let post = FormerPost {
            role: role.get_untracked(),
            duty: duty.get_untracked().trim().to_string(),
            from: from.get_untracked(),
            until: ended,
        };
        posts.update(|p| {
            if !p.contains(&post) {
                p.push(post);
            }
        });
        duty.set(String::new());
        from.set(None);
        until.set(None);
    };
    view! {
        <details class="field plain">
            <summary>{move || format!("任职经历（{} 项）", posts.with(Vec::len))}</summary>
            <ul class="plain-list">
                {move || {
                    posts
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, p)| {
                            view! {
                                <li class="row-between">
                                    <span>{line(&p)}</span>
                                    <button
                                        class="icon-button"
                                        type="button"
                                        aria-label="删除这项任职经历"
                                        on:click=move |_| {
                                            posts
                                                .update(|p| {
                                                    if i < p.len() {
                                                        p.remove(i);
                                                    }
                                                })
                                        }
                                    >
                                        "×"
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <div class="stack">
                <select
                    name="former-role"
                    aria-label="以往职务"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(r) = by_label(&Role::ALL, Role::label, &v) {
                            role.set(r);
                        }
                    }
                >
                    {label_options(&Role::ALL, Role::label, role.into())}
                </select>
                <Show when=move || role.get() == Role::CommitteeMember>
                    <TypedInput
                        name="former-duty"
                        value=duty
                        maxlength=40
                        placeholder="分工，如：组织委员"
                    />
                </Show>
                <div class="stack">
                    <FormDate label="起（可不填）" name="former-from" value=from />
                    <FormDate label="止" name="former-until" value=until />
                </div>
                <button class="button" type="button" on:click=add>
                    "补录一项任职经历"
                </button>
            </div>
        </details>
    }
}
