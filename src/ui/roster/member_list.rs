//! The roster in the branch's order of names (chosen here), 已减少党员
//! folded away at the end; in the secretary's own order each name moves
//! up or down with a tap.

use crate::ui::link::A;
use leptos::prelude::*;

use crate::domain::job::Area;
use crate::ui::job::{ReadOnly, WhereEditable};

use crate::browser::clock;
use crate::domain::name_order::NameOrder;
use crate::domain::roster::{display_order, move_in_own_order};
use crate::domain::{Member, Standing};
use crate::ui::state::use_app;
use crate::ui::widgets::PageHeader;

use super::group_assignment::GroupAssignment;
use super::name_order_choice::NameOrderChoice;

#[component]
pub fn RosterPage() -> impl IntoView {
    let state = use_app();
    let members = move || {
        state.doc.with(|d| {
            display_order(&d.branch, &d.members)
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
    let assigning = RwSignal::new(false);
    view! {
        <PageHeader title="党员名册" back="/mine" />
        <ReadOnly area=Area::Roster>
            // The count on a line of its own and the two buttons in a row under
            // it: side by side, the three wrapped on a 360 px phone.
            <p class="muted" data-testid="roster-count">
                {move || format!("在册 {} 人", active().len())}
            </p>
            <div class="row" data-testid="roster-actions">
                <WhereEditable>
                    <A href="/mine/roster/new" attr:class="button primary">
                        "＋ 添加党员"
                    </A>
                </WhereEditable>
                <Show when=move || !active().is_empty() && !assigning.get()>
                    <button class="button" on:click=move |_| assigning.set(true)>
                        "分配党小组"
                    </button>
                </Show>
            </div>
            <Show when=move || assigning.get()>
                <GroupAssignment on_done=Callback::new(move |()| assigning.set(false)) />
            </Show>
            <Show when=move || !active().is_empty()>
                <NameOrderChoice />
            </Show>
            <Show when=move || members().is_empty()>
                <p class="empty">
                    "名册还是空的。添加党员后，签到、出席统计和评议都会用到。"
                </p>
            </Show>
            <ul class="member-list card">
                <For each=active key=|m| m.clone() let:member>
                    <MemberRow member=member movable=true />
                </For>
            </ul>
            <Show when=move || !left().is_empty()>
                <details class="left-members">
                    <summary>
                        {move || {
                            format!(
                                "已减少党员（转出、出党、去世等）{} 人",
                                left().len(),
                            )
                        }}
                    </summary>
                    <ul class="member-list card">
                        <For each=left key=|m| m.clone() let:member>
                            <MemberRow member=member movable=false />
                        </For>
                    </ul>
                </details>
            </Show>
        </ReadOnly>
    }
}

/// One name of the roster; `movable` (a member in the branch) shows ↑ ↓
/// while the branch lists names in the secretary's own order.
#[component]
fn MemberRow(member: Member, movable: bool) -> impl IntoView {
    let state = use_app();
    let own_order = move || movable && state.doc.with(|d| d.branch.name_order == NameOrder::Own);
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
    let probationary = member.standing == Standing::Probationary;
    let posts = (!member.roles.is_empty()).then(|| member.roles_label());
    let today = clock::today();
    let marks = [
        (member.on_probation(Some(today)), "留党察看"),
        (member.suspended_on(Some(today)), "中止表决权"),
        (member.exempt_on(Some(today)), "不作硬性要求"),
    ];
    // A post the rules do not allow (留党察看 with a post, 预备党员 on the
    // committee) is flagged where the roster is read.
    let flagged = !member.role_warnings(today).is_empty();
    let (id, name) = (member.id.clone(), member.name.clone());
    view! {
        <li>
            <A href=href attr:class="member-row">
                <span class="member-name">{member.name.clone()}</span>
                <span class="badges">
                    {posts.map(|p| view! { <span class="badge accent">{p}</span> })}
                    {probationary.then(|| view! { <span class="badge">"预备"</span> })}
                    {marks
                        .iter()
                        .filter(|(on, _)| *on)
                        .map(|(_, label)| view! { <span class="badge">{*label}</span> })
                        .collect_view()}
                    {flagged.then(|| view! { <span class="badge warn">"职务待调整"</span> })}
                </span>
                <span class="member-group muted small">{group}</span>
            </A>
            <Show when=own_order>
                <span class="move-buttons">
                    <MoveButton id=id.clone() name=name.clone() up=true />
                    <MoveButton id=id.clone() name=name.clone() up=false />
                </span>
            </Show>
        </li>
    }
}

/// ↑ (`up`) or ↓: moves the member `id` (called `name`) one place in the
/// secretary's own order.
#[component]
fn MoveButton(id: String, name: String, up: bool) -> impl IntoView {
    let state = use_app();
    let (arrow, label) = if up {
        ("↑", format!("{name} 上移"))
    } else {
        ("↓", format!("{name} 下移"))
    };
    let shift = move |_| {
        let id = id.clone();
        let members = state.doc.with_untracked(|d| d.members.clone());
        state.edit_branch(move |b| move_in_own_order(b, &members, &id, up));
    };
    view! {
        <button class="icon-button" type="button" aria-label=label on:click=shift>
            {arrow}
        </button>
    }
}
