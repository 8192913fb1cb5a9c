//! Printable records: A4 paperwork in the official-document style. Each
//! view reads well on a phone screen too, and prints without the app's
//! chrome through the browser's print dialog ("打印 / 存为 PDF").

mod meeting_record;
mod paper;
mod period_summary;
mod sign_in_sheet;

pub use meeting_record::MeetingRecordPrint;
pub use period_summary::{period_kind_name, PeriodSummaryPrint};
pub use sign_in_sheet::SignInSheetPrint;
