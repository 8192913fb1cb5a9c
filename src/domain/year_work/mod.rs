//! A branch's year of work on paper: the 年度工作计划 (`plan.rs`), the
//! 年度工作总结 with its figures computed from the records and the
//! secretary's text (`summary.rs`), and the 书记抓基层党建工作述职
//! (`report.rs`). Three record kinds, one per year each, keyed by the year.
//! `year_texts` hands the three texts to whatever sends them up (the 报上级
//! package).

pub mod example;
pub mod plan;
pub mod report;
pub mod summary;

#[cfg(test)]
mod tests;

pub use plan::YearPlan;
pub use report::SecretaryReport;
pub use summary::YearSummary;

use crate::domain::Document;

/// The three texts of a branch's year, each as plain text with its
/// headings ("一、指导思想和工作目标" …), as the printouts' 分享文字版 has
/// them; an empty string where nothing was written for the year. They hold
/// what the secretary wrote (and the plan's key-task titles), never a
/// member's name other than the 述职人 (the secretary).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct YearTexts {
    pub year: i32,
    /// 年度工作计划.
    pub plan: String,
    /// 年度工作总结: the secretary's text (the figures are computed apart).
    pub summary: String,
    /// 书记抓基层党建工作述职报告.
    pub report: String,
}

impl YearTexts {
    pub fn is_empty(&self) -> bool {
        self.plan.is_empty() && self.summary.is_empty() && self.report.is_empty()
    }
}

/// The plan, summary and 述职 texts of `year`, for the 报上级 package: a
/// record never begun, or begun and left blank, gives an empty string.
pub fn year_texts(doc: &Document, year: i32) -> YearTexts {
    let key = year.to_string();
    YearTexts {
        year,
        plan: doc
            .year_plan(&key)
            .filter(|p| !p.is_blank())
            .map(|p| plan::plan_text(doc, p, false))
            .unwrap_or_default(),
        summary: doc
            .year_summary(&key)
            .filter(|s| {
                [&s.work, &s.shortcomings, &s.next_year]
                    .iter()
                    .any(|t| !t.trim().is_empty())
            })
            .map(summary::summary_text)
            .unwrap_or_default(),
        report: doc
            .secretary_report(&key)
            .filter(|r| r.sections().iter().any(|t| !t.trim().is_empty()))
            .map(|r| report::report_text(doc, r))
            .unwrap_or_default(),
    }
}
