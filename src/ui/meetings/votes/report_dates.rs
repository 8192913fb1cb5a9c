//! After a ballot that elected: the day the result went to the 上级党组织
//! (委员 备案; 书记、副书记 批准) and, for a 书记 or 副书记, the day of its
//! 批复.

use leptos::prelude::*;

use super::ballot::Ballot;
use crate::domain::rules::election::follow_up;
use crate::ui::widgets::DateInput;

#[component]
pub fn ReportDates(ballot: Ballot) -> impl IntoView {
    let office = ballot.part(|e| e.office);
    let reported = ballot.part(|e| e.reported_on);
    let approved = ballot.part(|e| e.approved_on);
    let outcome = ballot.outcome();
    let election = ballot.part(Clone::clone);
    let owed = move || {
        let e = election.get();
        outcome.with(|o| o.as_ref().and_then(|o| follow_up(&e, o)))
    };
    view! {
        <fieldset class="field plain">
            <legend>{move || format!("选举结果{}", office.get().report())}</legend>
            <DateInput
                label="报送日期"
                name="reported-on"
                value=reported
                on_change=move |d| ballot.edit(move |e| e.reported_on = d)
            />
            <Show when=move || office.get().needs_approval()>
                <DateInput
                    label="上级党组织批复日期"
                    name="approved-on"
                    value=approved
                    on_change=move |d| ballot.edit(move |e| e.approved_on = d)
                />
            </Show>
            {move || owed().map(|w| view! { <p class="warning small">{w}</p> })}
        </fieldset>
    }
}
