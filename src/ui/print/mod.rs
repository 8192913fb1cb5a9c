//! Printable records: A4 paperwork in the official-document style. Each
//! printout is a model built in plain Rust (`format::paper::sheets`) and
//! shown here by one view for all (`sheet.rs`) under a toolbar (`paper.rs`)
//! that prints it, saves it as a picture or a Word file, or shares its text.

mod pages;
pub(crate) mod paper;
mod sheet;

pub use pages::{
    period_kind_name, AssessmentPrint, DevelopmentPrint, DuesPrint, FusionPrint, HandoverPrint,
    MeetingRecordPrint, PeriodSummaryPrint, ReviewTallyPrint, SignInSheetPrint, TalkRecordPrint,
    YearWorkPrint,
};
