//! The 党委's collection of 报上级 reports: one per branch and year, the
//! newer replacing the older, a renamed branch kept as one (by its
//! identity), and the list of branches expected to report, so the 组织员
//! sees 已报 n / 应报 N and who is missing. Never merged into a branch's
//! own data: the 党委 side keeps it in its own store.

use serde::{Deserialize, Serialize};

use super::branch_order::by_branch_name;
use super::BranchReport;
use std::collections::HashSet;

use crate::domain::branch::{name_key, same_name};

/// A report as the 党委 received it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Received {
    pub report: BranchReport,
    /// When the branch made it (the file's `exported_at`): of two reports
    /// of one year, the later made is kept.
    pub made_at: String,
}

impl Received {
    /// Where it is stored: one place per branch and year.
    pub fn key(&self) -> String {
        report_key(&self.report.branch_id, self.report.year)
    }

    /// Which of two reports of one branch and year is the newer: the later
    /// figures, then the later made.
    fn newer_than(&self, other: &Received) -> bool {
        (self.report.as_of, &self.made_at) > (other.report.as_of, &other.made_at)
    }
}

/// Reports are kept by year first (`reports/{year}/{branch}`): a page
/// reads a year's fifty reports in one request over the year's keys
/// (`report_year_prefix`), where fifty requests cost 150 ms.
pub fn report_key(branch_id: &str, year: i32) -> String {
    format!("{}{branch_id}", report_year_prefix(year))
}

/// The start every key of `year`'s reports has.
pub fn report_year_prefix(year: i32) -> String {
    format!("reports/{year}/")
}

/// The year of a report's key; `None` for a key that is not a report's.
pub fn year_of_report_key(key: &str) -> Option<i32> {
    key.strip_prefix("reports/")?
        .split_once('/')?
        .0
        .parse()
        .ok()
}

/// Where a report stored by the 党委 database's first layout
/// (`report/{branch}/{year}`, version 1) is kept now; `None` for any
/// other key, which stays as it is.
pub fn moved_report_key(version_one_key: &str) -> Option<String> {
    let (branch_id, year) = version_one_key.strip_prefix("report/")?.rsplit_once('/')?;
    let year: i32 = year.parse().ok()?;
    (!branch_id.is_empty()).then(|| report_key(branch_id, year))
}

/// Who should report, as the 组织员 entered it: the branches by name (one a
/// line), or only how many.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expected {
    #[serde(default)]
    pub names: Vec<String>,
    /// 应报 N when no list is kept.
    #[serde(default)]
    pub count: Option<u32>,
}

impl Expected {
    /// From the 组织员's text: one branch a line, blank lines and repeats
    /// left out.
    pub fn with_names(text: &str, count: Option<u32>) -> Expected {
        let mut names: Vec<String> = Vec::new();
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if !names.iter().any(|n| same_name(n, line)) {
                names.push(line.to_string());
            }
        }
        Expected { names, count }
    }
}

/// What receiving a report did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The branch's first report of that year.
    New,
    /// It replaced an older report of the branch's year; the name the older
    /// one had, if the branch has been renamed since (the list of expected
    /// branches then has the new name: store it again).
    Replaced { renamed_from: Option<String> },
    /// An older or the same report than the one kept: nothing changed.
    Kept,
}

/// Every report received.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Collection {
    pub reports: Vec<Received>,
    pub expected: Expected,
}

/// 已报 n / 应报 N, with who has not reported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tally {
    pub reported: usize,
    /// `None` while the 组织员 has said neither a list nor a number.
    pub expected: Option<usize>,
    /// Branches of the list with no report of the year.
    pub missing: Vec<String>,
}

impl Tally {
    /// "已报 3 / 应报 4".
    pub fn sentence(&self) -> String {
        match self.expected {
            Some(n) => format!("已报 {} / 应报 {n}", self.reported),
            None => format!("已报 {}", self.reported),
        }
    }
}

impl Collection {
    /// Whether receiving `received` would change anything: it is the
    /// first of its branch and year, or newer than the one kept.
    pub fn takes(&self, received: &Received) -> bool {
        let (id, year) = (&received.report.branch_id, received.report.year);
        self.reports
            .iter()
            .find(|r| r.report.year == year && &r.report.branch_id == id)
            .is_none_or(|kept| received.newer_than(kept))
    }

    /// Takes a report in: a newer one of the same branch and year replaces
    /// the kept one, an older one changes nothing.
    pub fn receive(&mut self, received: Received) -> Outcome {
        let (id, year) = (&received.report.branch_id, received.report.year);
        let same = |r: &&mut Received| r.report.year == year && &r.report.branch_id == id;
        match self.reports.iter_mut().find(same) {
            None => {
                self.reports.push(received);
                Outcome::New
            }
            Some(kept) if received.newer_than(kept) => {
                let before = kept.report.branch_name.clone();
                let after = received.report.branch_name.clone();
                let renamed_from = (!same_name(&before, &after)).then_some(before);
                *kept = received;
                // The 组织员's list follows the rename.
                if let Some(old) = &renamed_from {
                    for name in &mut self.expected.names {
                        if same_name(name, old) {
                            *name = after.clone();
                        }
                    }
                }
                Outcome::Replaced { renamed_from }
            }
            Some(_) => Outcome::Kept,
        }
    }

    /// The reports of `year`, by branch name.
    pub fn of_year(&self, year: i32) -> Vec<&Received> {
        let mut out: Vec<&Received> = self
            .reports
            .iter()
            .filter(|r| r.report.year == year)
            .collect();
        out.sort_by(|a, b| by_branch_name(&a.report.branch_name, &b.report.branch_name));
        out
    }

    /// The years any report is of, latest first.
    pub fn years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self.reports.iter().map(|r| r.report.year).collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        years
    }

    /// The names (by `name_key`) that count as reported for `year`: every
    /// name a branch with a report of the year has reported under, in any
    /// year, so a name on the 组织员's list from before a rename counts.
    fn reported_names(&self, year: i32) -> HashSet<String> {
        let branches: HashSet<&str> = self
            .reports
            .iter()
            .filter(|r| r.report.year == year)
            .map(|r| r.report.branch_id.as_str())
            .collect();
        self.reports
            .iter()
            .filter(|r| branches.contains(r.report.branch_id.as_str()))
            .map(|r| name_key(&r.report.branch_name))
            .collect()
    }

    /// 已报 / 应报 for `year`.
    pub fn tally(&self, year: i32) -> Tally {
        let reported = self
            .reports
            .iter()
            .filter(|r| r.report.year == year)
            .count();
        let known = self.reported_names(year);
        let missing: Vec<String> = self
            .expected
            .names
            .iter()
            .filter(|n| !known.contains(&name_key(n)))
            .cloned()
            .collect();
        let expected = if self.expected.names.is_empty() {
            self.expected.count.map(|n| n as usize)
        } else {
            // Reports from branches not on the list count too.
            let on_list = self.expected.names.len() - missing.len();
            Some(self.expected.names.len() + reported.saturating_sub(on_list))
        };
        Tally {
            reported,
            expected,
            missing,
        }
    }
}
