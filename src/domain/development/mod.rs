//! 发展党员全程纪实: each applicant's path from 入党申请 to 转正, in the
//! five stages and twenty-five steps of 《中国共产党发展党员工作细则》
//! (中共中央办公厅, 2014; "细则" below).
//!
//! - `path.rs`: the record (`Applicant`: a few personal fields, the steps
//!   done with their day, 经办人, 材料 and notes), the steps, stages and
//!   materials, and what the person is (申请人 … 正式党员) as the steps say.
//! - `rules.rs`: every date rule as a named function with its source, and
//!   the branch's local practice (`Practice`: 思想汇报, 政审 validity, 公示,
//!   预审 → 支部大会), labelled 本地做法.
//! - `flags.rs`: what is wrong with a path, in the rule's words: steps out
//!   of order, and each rule it breaks.
//! - `due.rs`: what is due next and by when, and the pipeline sorted by
//!   what needs doing.
//! - `example.rs`: the example branch's paths.
//! - `meetings.rs`: a 支委会 or 支部大会 and the path: who is due for a
//!   decision, the vote worded from the path that names it
//!   (`Vote::applicant_id`), and the path and roster once it passed.
//!
//! 政审 and personal details are sensitive: the record keeps only what the
//! 纪实表 needs (no ID numbers, no family), and stays on the phone that
//! keeps it; only a full backup its keeper chooses to make with what is
//! private carries it (`Kind::pack`).

pub mod due;
pub mod example;
pub mod flags;
pub mod meetings;
pub mod path;
pub mod rules;

#[cfg(test)]
mod tests;

use crate::domain::Document;

pub use due::{next_due, pipeline, Due, PipelineRow};
pub use flags::{flags, Flag, Severity};
pub use path::{Applicant, Material, Phase, Sex, Stage, Step, StepRecord};
pub use rules::Practice;

/// Whether the document holds any applicant's path: then a full backup
/// asks whether to carry what is private.
pub fn kept_here(doc: &Document) -> bool {
    !doc.applicants.is_empty()
}
