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

use crate::domain::kind::{Packing, Scope};
use crate::domain::limits;
use crate::domain::validate::{Checker, Checks};
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

/// What the year's three kinds share: each is one record a year, keyed by
/// the year, holding texts the secretary writes.
pub(crate) trait YearRecord {
    /// What a second record of a year is called: "工作计划".
    const WHAT: &'static str;
    fn year(&self) -> i32;
    /// Each text with its field's name.
    fn texts(&self) -> Vec<(&'static str, &str)>;
}

/// Implements `YearRecord` and `Keyed` (keyed by the year) for one of the
/// three kinds: `what` names a second record of a year ("工作计划"), the
/// fields are its texts, each checked under its own name.
macro_rules! year_record {
    ($kind:ty, what: $what:literal, texts: [$($field:ident),+ $(,)?]) => {
        impl $crate::domain::year_work::YearRecord for $kind {
            const WHAT: &'static str = $what;

            fn year(&self) -> i32 {
                self.year
            }

            fn texts(&self) -> Vec<(&'static str, &str)> {
                vec![$((stringify!($field), &self.$field)),+]
            }
        }

        impl $crate::domain::kind::Keyed for $kind {
            const KEY_FIELD: &'static str = "year";

            fn key(&self) -> std::borrow::Cow<'_, str> {
                std::borrow::Cow::Owned(self.year.to_string())
            }
        }
    };
}
pub(crate) use year_record;

/// Implements `Kind` for a branch document of the year (the plan, the
/// summary): titled "{year}年度" + `title`, checked by the shared year
/// checks alone, travelling as `branch_paper_travels` says (members do
/// not write it); it never counts as naming a member.
macro_rules! branch_year_paper {
    ($kind:ty, title: $title:literal, noun: $noun:literal) => {
        impl $crate::domain::kind::Kind for $kind {
            fn title(&self, _doc: &$crate::domain::Document) -> String {
                format!(concat!("{}年度", $title), self.year)
            }

            const NOUN: &'static str = $noun;
            const COUNTER: &'static str = "份";
            const SKIPPABLE: bool = true;

            fn check(
                list: &[Self],
                _: &$crate::domain::validate::Known,
                checks: &mut $crate::domain::validate::Checks,
            ) {
                $crate::domain::year_work::check_year_records(list, checks, |_, _| {});
            }

            fn pack(&self, packing: &$crate::domain::kind::Packing, _: bool) -> Option<Self> {
                $crate::domain::year_work::branch_paper_travels(self.year, packing)
                    .then(|| self.clone())
            }

            fn pack_deletion(packing: &$crate::domain::kind::Packing, _: bool) -> bool {
                packing.scope != $crate::domain::kind::Scope::Return
            }

            fn mentions(&self, _: &str) -> bool {
                false
            }

            fn filed_year(&self) -> Option<i32> {
                Some(self.year)
            }
        }
    };
}
pub(crate) use branch_year_paper;

/// The checks the three kinds share: a year in range, one record a year,
/// each text within `limits::TEXT`; `more` adds a kind's own.
pub(crate) fn check_year_records<T: YearRecord>(
    list: &[T],
    checks: &mut Checks,
    mut more: impl FnMut(&T, &mut Checker),
) {
    let mut years = std::collections::HashSet::new();
    for (i, record) in list.iter().enumerate() {
        let mut c = checks.item(i);
        let year = record.year();
        if !limits::YEARS.contains(&year) {
            c.problem("year", format!("年度 {year} 不在合理范围内"));
        }
        if !years.insert(year) {
            c.problem("year", format!("{year} 年度的{}有两份", T::WHAT));
        }
        for (field, text) in record.texts() {
            c.length(field, text, limits::TEXT);
        }
        more(record, &mut c);
    }
}

/// Whether the plan or summary of `year` goes in a package: every full
/// backup, a 支部资料包 of the recent years its meetings cover (members see
/// them), never a member's return (members do not write them).
pub(crate) fn branch_paper_travels(year: i32, packing: &Packing) -> bool {
    match packing.scope {
        Scope::Full => true,
        Scope::Branch => year >= packing.since_year,
        Scope::Return => false,
    }
}

/// A section of a text as the year's texts write it: its heading, then
/// the text, both left out when nothing is written.
pub(crate) fn push_section(out: &mut Vec<String>, heading: &str, text: &str) {
    if !text.trim().is_empty() {
        out.push(heading.to_string());
        out.push(text.trim().to_string());
    }
}
