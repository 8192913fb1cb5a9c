//! 会议: planning, recording in the meeting, the list, and compliance.

mod approved_plans;
mod attendance_panel;
mod checklist_panel;
mod compliance_view;
mod counts_for;
mod follow_ups_panel;
mod meeting_list;
mod meeting_page;
mod plan_form;
mod record_panel;
mod roll_correction;
mod tasks_panel;
mod votes;

pub use compliance_view::{CompliancePage, ThisMonthCard};
pub use meeting_list::MeetingsPage;
pub use meeting_page::MeetingPage;
pub use plan_form::PlanMeetingPage;

pub use crate::domain::record_sheet::when;
