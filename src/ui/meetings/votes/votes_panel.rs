//! The 表决 tab of a meeting: the 发展党员 due for its decision, its
//! motions, then its elections and the members left out of 应到会人数 by a
//! recorded decision.

use leptos::prelude::*;

use super::decisions_due::DecisionsDue;
use super::elections_section::ElectionsSection;
use super::exclusions_card::ExclusionsCard;
use super::vote_card::VoteCard;
use crate::browser::clock;
use crate::domain::meeting::{Vote, VoteKind};
use crate::domain::rules::recording::add_item;
use crate::domain::rules::vote::Body;
use crate::ui::handles::MeetingHandle;

#[component]
pub fn VotesPanel(meeting: MeetingHandle) -> impl IntoView {
    let body = meeting.part(Body::of);
    let votes = meeting.part(|m| m.votes.iter().map(|v| v.id.clone()).collect::<Vec<_>>());
    let add = move |_| {
        let vote = Vote {
            id: clock::new_id("v"),
            motion: String::new(),
            in_favour: 0,
            against: 0,
            abstain: 0,
            kind: VoteKind::General,
            written: None,
            member_id: None,
            applicant_id: None,
        };
        meeting.edit(move |m| add_item(&mut m.votes, vote.clone()));
    };
    view! {
        <Show when=move || body.get().is_none()>
            <p class="warning">
                "这类会议不进行表决。需要决定的事项，请提交支部党员大会或支委会表决。"
            </p>
        </Show>
        <Show when=move || body.get().is_some()>
            <DecisionsDue meeting=meeting />
        </Show>
        <Show when=move || votes.with(|v| v.is_empty()) && body.get().is_some()>
            <p class="empty">"本次会议还没有表决事项。"</p>
        </Show>
        <For each=move || votes.get() key=|id| id.clone() let:vote_id>
            <VoteCard meeting=meeting vote_id=vote_id />
        </For>
        <Show when=move || body.get().is_some()>
            <button class="button" on:click=add>
                "＋ 添加表决事项"
            </button>
            <ElectionsSection meeting=meeting />
        </Show>
        <Show when=move || body.get() == Some(Body::Assembly)>
            <ExclusionsCard meeting=meeting />
        </Show>
    }
}
