//! 会议: planning, recording in the meeting, the list, and compliance.

mod attendance_panel;
mod checklist_panel;
mod compliance_view;
mod follow_ups_panel;
mod meeting_list;
mod meeting_page;
mod person_picker;
mod plan_form;
mod record_panel;
mod votes_panel;

pub use compliance_view::{CompliancePage, ThisMonthCard};
pub use meeting_list::MeetingsPage;
pub use meeting_page::MeetingPage;
pub use plan_form::PlanMeetingPage;

use crate::domain::meeting::Meeting;
use crate::domain::time::format_chinese_date;

/// "2026年3月10日 14:30" or "日期未定".
pub fn when(meeting: &Meeting) -> String {
    let date = meeting.effective_date().map(format_chinese_date);
    let time = meeting
        .start_time
        .or(meeting.planned_time)
        .map(|t| t.format("%H:%M").to_string());
    match (date, time) {
        (Some(d), Some(t)) => format!("{d} {t}"),
        (Some(d), None) => d,
        _ => "日期未定".into(),
    }
}
