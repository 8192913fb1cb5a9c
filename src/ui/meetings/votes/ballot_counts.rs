//! 发出、收回 and 无效 ballots; 有效票 is what is left of those returned.

use leptos::prelude::*;

use super::ballot::Ballot;
use crate::domain::meeting::Election;
use crate::ui::widgets::OptionalNumber;

#[component]
pub fn BallotCounts(ballot: Ballot) -> impl IntoView {
    let issued = ballot.part(|e| e.ballots_issued);
    let returned = ballot.part(|e| e.ballots_returned);
    let invalid = ballot.part(|e| e.ballots_invalid);
    let count_set = move |set: fn(&mut Election, Option<u32>)| {
        Callback::new(move |n: Option<u32>| ballot.edit(move |e| set(e, n)))
    };
    let valid = move || {
        returned
            .get()
            .map(|r| r.saturating_sub(invalid.get().unwrap_or(0)))
    };
    view! {
        <fieldset class="field plain">
            <legend>"选票"</legend>
            <div class="three-cols">
                <OptionalNumber
                    label="发出"
                    name="ballots-issued"
                    value=issued
                    on_set=count_set(|e, n| e.ballots_issued = n)
                />
                <OptionalNumber
                    label="收回"
                    name="ballots-returned"
                    value=returned
                    on_set=count_set(|e, n| e.ballots_returned = n)
                />
                <OptionalNumber
                    label="无效"
                    name="ballots-invalid"
                    value=invalid
                    on_set=count_set(|e, n| e.ballots_invalid = n)
                />
            </div>
            <small class="muted">
                {move || match valid() {
                    Some(v) => {
                        format!(
                            "有效票 {v} 张。每张选票所选人数多于应选人数的为无效票。",
                        )
                    }
                    None => {
                        "选票按到会的有选举权党员人数发放。每张选票所选人数多于应选人数的为无效票。"
                            .to_string()
                    }
                }}
            </small>
        </fieldset>
    }
}
