//! The roster, committee first, members who left folded away at the end.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::roster::display_order;
use crate::domain::Member;
use crate::ui::state::use_app;
use crate::ui::widgets::PageHeader;

#[component]
pub fn RosterPage() -> impl IntoView {
    let state = use_app();
    let members = move || {
        state.doc.with(|d| {
            display_order(&d.members)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let active = move || {
        members()
            .into_iter()
            .filter(Member::is_active)
            .collect::<Vec<_>>()
    };
    let left = move || {
        members()
            .into_iter()
            .filter(|m| !m.is_active())
            .collect::<Vec<_>>()
    };
    view! {
        <PageHeader title="党员名册" back="/mine" />
        <div class="toolbar">
            <span class="muted">{move || format!("在册 {} 人", active().len())}</span>
            <A href="/mine/roster/new" attr:class="button primary">
                "＋ 添加党员"
            </A>
        </div>
        <Show when=move || members().is_empty()>
            <p class="empty">
                "名册还是空的。添加党员后，签到、出席统计和评议都会用到。"
            </p>
        </Show>
        <ul class="member-list card">
            <For
                each=active
                key=|m| (m.id.clone(), m.name.clone(), m.role, m.standing, m.group_id.clone())
                let:member
            >
                <MemberRow member=member />
            </For>
        </ul>
        <Show when=move || !left().is_empty()>
            <details class="left-members">
                <summary>{move || format!("已离开的党员（{} 人）", left().len())}</summary>
                <ul class="member-list card">
                    <For each=left key=|m| (m.id.clone(), m.name.clone()) let:member>
                        <MemberRow member=member />
                    </For>
                </ul>
            </details>
        </Show>
    }
}

#[component]
fn MemberRow(member: Member) -> impl IntoView {
    let state = use_app();
    let group = member
        .group_id
        .as_deref()
        .and_then(|g| {
            state
                .doc
                .with_untracked(|d| d.branch.group_name(g).map(str::to_string))
        })
        .unwrap_or_default();
    let href = format!("/mine/roster/{}", member.id);
    let probationary = !member.standing.can_vote();
    view! {
        <li>
            <A href=href attr:class="member-row">
                <span class="member-name">{member.name.clone()}</span>
                <span class="badges">
                    {(member.role != crate::domain::Role::Member)
                        .then(|| view! { <span class="badge accent">{member.role.label()}</span> })}
                    {probationary.then(|| view! { <span class="badge">"预备"</span> })}
                </span>
                <span class="member-group muted small">{group}</span>
            </A>
        </li>
    }
}
