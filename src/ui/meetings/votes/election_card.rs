//! One ballot: the office and whether it is a 补选, the seats, the
//! ballots, the candidates with their votes, the 监票人 and 计票人, and the
//! result.

use leptos::prelude::*;

use super::ballot::Ballot;
use super::ballot_counts::BallotCounts;
use super::candidate_list::CandidateList;
use super::election_result::ElectionResult;
use super::member_chips::MemberChips;
use crate::browser::dialog::confirm;
use crate::domain::meeting::Office;
use crate::domain::rules::recording::remove_item;
use crate::ui::handles::MeetingHandle;
use crate::ui::widgets::OptionalNumber;

#[component]
pub fn ElectionCard(meeting: MeetingHandle, id: String) -> impl IntoView {
    let ballot = Ballot::new(meeting, id);
    let office = ballot.part(|e| e.office);
    let by_election = ballot.part(|e| e.by_election);
    let seats = ballot.part(|e| e.seats);
    let scrutineers = ballot.part(|e| e.scrutineers.clone());
    let tellers = ballot.part(|e| e.tellers.clone());
    let candidates = ballot.part(|e| {
        e.candidates
            .iter()
            .filter_map(|c| c.member_id.clone())
            .collect::<Vec<_>>()
    });
    let title = move || {
        format!(
            "{}{}",
            if by_election.get() {
                "补选"
            } else {
                "选举"
            },
            office.get().formal_label()
        )
    };
    let remove = move |_| {
        if confirm("删除这一轮选举及其候选人和得票？") {
            let id = ballot.id();
            meeting.edit(move |m| remove_item(&mut m.elections, &id));
        }
    };
    view! {
        <section class="card form election" data-testid="election">
            <h4 class="card-title">{title}</h4>
            <Show when=move || office.get() == Office::CommitteeMember>
                <label class="check">
                    <input
                        type="checkbox"
                        name="by-election"
                        prop:checked=move || by_election.get()
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            ballot.edit(move |e| e.by_election = on);
                        }
                    />
                    <span>"补选（任期内委员出缺）"</span>
                </label>
            </Show>
            <OptionalNumber
                label="应选人数"
                name="seats"
                value=seats
                on_set=Callback::new(move |n: Option<u32>| ballot.edit(move |e| e.seats = n))
            />
            <CandidateList ballot=ballot />
            <BallotCounts ballot=ballot />
            <MemberChips
                label="监票人（从不是候选人的党员中推选）"
                name="scrutineer"
                meeting=meeting
                chosen=scrutineers
                exclude=candidates
                on_change=Callback::new(move |ids: Vec<String>| {
                    ballot.edit(move |e| e.scrutineers = ids.clone())
                })
            />
            <MemberChips
                label="计票人（在监票人监督下工作）"
                name="teller"
                meeting=meeting
                chosen=tellers
                exclude=Signal::derive(Vec::new)
                on_change=Callback::new(move |ids: Vec<String>| {
                    ballot.edit(move |e| e.tellers = ids.clone())
                })
            />
            <ElectionResult ballot=ballot />
            <button class="link-button small" type="button" on:click=remove>
                "删除这一轮选举"
            </button>
        </section>
    }
}
