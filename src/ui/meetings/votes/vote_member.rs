//! The member a 接收、转正、延长预备期 or 取消预备党员资格 vote is about:
//! naming them ends the home page's reminder, lets a 转正 dated before the
//! 预备期 ends be flagged, and, once the vote passed, puts what it decided
//! into the roster in one tap.

use leptos::prelude::*;

use super::vote_roster_entry::VoteRosterEntry;
use crate::domain::meeting::VoteKind;
use crate::domain::roster::display_order;
use crate::domain::Standing;
use crate::ui::handles::MeetingHandle;
use crate::ui::person_picker::member_options;
use crate::ui::widgets::SelectField;

#[component]
pub fn VoteMember(
    meeting: MeetingHandle,
    #[prop(into)] kind: Signal<VoteKind>,
    #[prop(into)] member_id: Signal<Option<String>>,
    #[prop(into)] passed: Signal<bool>,
    /// The vote was put from a 发展党员 path kept here: the path records
    /// the 转正 once approved, and the roster follows it.
    #[prop(into)]
    from_path: Signal<bool>,
    #[prop(into)] on_change: Callback<Option<String>>,
) -> impl IntoView {
    let state = meeting.state;
    // 预备党员 for a 转正、延长、取消; anyone on the roster for a 接收 (the
    // new member may already be entered), and always the one named.
    let choices = move || {
        let named = member_id.get();
        let kind = kind.get();
        state.doc.with(|d| {
            display_order(&d.branch, &d.members)
                .into_iter()
                .filter(|m| {
                    named.as_deref() == Some(m.id.as_str())
                        || (m.is_active()
                            && (kind == VoteKind::AdmitProbationary
                                || m.standing == Standing::Probationary))
                })
                .map(|m| (m.id.clone(), m.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <SelectField
            label="所涉党员"
            name="vote-member"
            on_change=move |v: String| {
                on_change.run((!v.is_empty()).then_some(v));
            }
        >
            <option value="" selected=move || member_id.with(Option::is_none)>
                {move || {
                    if kind.get() == VoteKind::AdmitProbationary {
                        "未录入名册（发展对象）"
                    } else {
                        "请选择预备党员"
                    }
                }}
            </option>
            {move || {
                let choices = choices();
                member_id
                    .with_untracked(|chosen| {
                        member_options(choices, chosen.as_deref().unwrap_or_default())
                    })
            }}
        </SelectField>
        <VoteRosterEntry
            meeting=meeting
            kind=kind
            member_id=member_id
            passed=passed
            from_path=from_path
        />
    }
}
