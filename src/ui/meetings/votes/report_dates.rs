//! After a ballot that elected: the day the result went to the 上级党组织
//! (委员 备案; 书记、副书记 批准) and, for a 书记 or 副书记, the day of its
//! 批复.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::ballot::Ballot;
use crate::domain::rules::election::follow_up;

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
    let date_input =
        move |name: &'static str,
              value: Memo<Option<NaiveDate>>,
              set: fn(&mut crate::domain::meeting::Election, Option<NaiveDate>)| {
            view! {
                <input
                    type="date"
                    name=name
                    prop:value=move || value.get().map(|d| d.to_string()).unwrap_or_default()
                    on:change=move |ev| {
                        let d = event_target_value(&ev).parse().ok();
                        ballot.edit(move |e| set(e, d));
                    }
                />
            }
        };
    view! {
        <fieldset class="field plain">
            <legend>{move || format!("选举结果{}", office.get().report())}</legend>
            <label class="field">
                <span>"报送日期"</span>
                {date_input("reported-on", reported, |e, d| e.reported_on = d)}
            </label>
            <Show when=move || office.get().needs_approval()>
                <label class="field">
                    <span>"上级党组织批复日期"</span>
                    {date_input("approved-on", approved, |e, d| e.approved_on = d)}
                </label>
            </Show>
            {move || owed().map(|w| view! { <p class="warning small">{w}</p> })}
        </fieldset>
    }
}
