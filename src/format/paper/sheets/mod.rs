//! Every printout built as a `Paper` from the domain's sheets
//! (`domain::record_sheet`, `domain::summary`, `domain::fusion::sheets`,
//! `domain::assessment`, `domain::year_work`): one function per printout, each taking the day of
//! printing as a parameter.

mod assessment_form;
mod committee;
mod development;
mod dues;
mod election;
mod fusion;
mod meeting_record;
mod period_summary;
mod review_tally;
mod talk_record;
mod year_work;

pub use assessment_form::assessment_form;
pub use committee::{committee_appraisal, committee_dues, committee_grades, committee_summary};
pub use development::{development_ledger, development_notice, development_record};
pub use dues::{dues_member_record, dues_public, dues_register};
pub use election::handover_record;
pub use fusion::fusion_sheet;
pub use meeting_record::{meeting_record, sign_in_sheet};
pub use period_summary::period_summary_paper;
pub use review_tally::review_tally;
pub use talk_record::talk_record;
pub use year_work::{secretary_report_paper, year_plan_paper, year_summary_paper};

#[cfg(test)]
mod tests;
