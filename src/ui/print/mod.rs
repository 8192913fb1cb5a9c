//! Printable records: A4 paperwork in the official-document style. Each
//! view reads well on a phone screen too, and prints without the app's
//! chrome through the browser's print dialog ("打印 / 存为 PDF").

mod assessment_form;
mod election_bases;
mod election_record;
mod fusion_sheet;
mod handover_record;
mod meeting_record;
mod paper;
mod period_summary;
mod review_tally;
mod sign_in_sheet;
mod talk_record;

pub use assessment_form::AssessmentPrint;
pub use fusion_sheet::FusionPrint;
pub use handover_record::HandoverPrint;
pub use meeting_record::MeetingRecordPrint;
pub use period_summary::{period_kind_name, PeriodSummaryPrint};
pub use review_tally::ReviewTallyPrint;
pub use sign_in_sheet::SignInSheetPrint;
pub use talk_record::TalkRecordPrint;
