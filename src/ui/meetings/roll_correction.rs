//! A correction to a held meeting's day, type or 党小组 rebuilds its roll
//! from the roster as it stood on the meeting's day; before that changes
//! who counted as a 支部委员, the recorder is asked.

use leptos::prelude::*;

use crate::browser::dialog::confirm;
use crate::domain::meeting::Meeting;
use crate::domain::rules::recording::{committee_changes, refreeze_roll};
use crate::ui::handles::MeetingHandle;

/// Applies `change` to the meeting and, if it is held, corrects its roll.
pub fn correct(meeting: MeetingHandle, change: impl Fn(&mut Meeting) + Clone + 'static) {
    let seats = {
        let change = change.clone();
        meeting.state.doc.with_untracked(|d| {
            untrack(|| {
                meeting.with(|m| {
                    let mut corrected = m.clone();
                    change(&mut corrected);
                    committee_changes(&d.branch, &corrected, &d.members)
                })
            })
            .unwrap_or_default()
        })
    };
    let keep_committee = !seats.is_empty()
        && !confirm(&format!(
            "按会议当日的名册，{}的支部委员身份与原记录不同。按当日名册更新应到人员？选“取消”则保留原记录中的支部委员。",
            seats.join("、")
        ));
    meeting.edit_with_roster(move |m, members| {
        change(m);
        refreeze_roll(m, members, keep_committee);
    });
}
