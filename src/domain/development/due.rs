//! What is due next on a path, and by when; the pipeline of every path,
//! sorted by what needs doing; and what the home page tells the secretary.

use chrono::NaiveDate;

use super::flags::{flags, Severity};
use super::path::{Applicant, Phase, Stage, Step};
use super::rules::{self, Practice};
use crate::domain::Document;

/// Something due on a path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Due {
    pub what: String,
    pub when: When,
}

/// When a due item is due.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// By this day (a time limit).
    By(NaiveDate),
    /// Not before this day (one year as 积极分子).
    From(NaiveDate),
    /// Whenever the branch is ready: no time limit.
    Open,
}

impl Due {
    fn by(what: impl Into<String>, on: NaiveDate) -> Due {
        Due {
            what: what.into(),
            when: When::By(on),
        }
    }

    fn open(what: impl Into<String>) -> Due {
        Due {
            what: what.into(),
            when: When::Open,
        }
    }

    /// Past its time limit on `today`.
    pub fn overdue(&self, today: NaiveDate) -> bool {
        matches!(self.when, When::By(by) if today > by)
    }

    /// The day it is sorted by: a limit first, then a day from which it may
    /// be done; open items last.
    fn sort_day(&self) -> (u8, NaiveDate) {
        match self.when {
            When::By(d) => (0, d),
            When::From(d) => (1, d),
            When::Open => (2, NaiveDate::MAX),
        }
    }

    /// "2026年3月15日前：与申请人谈话".
    pub fn sentence(&self) -> String {
        use crate::domain::time::format_chinese_date as day;
        match self.when {
            When::By(d) => format!("{}前：{}", day(d), self.what),
            When::From(d) => format!("{}起：{}", day(d), self.what),
            When::Open => self.what.clone(),
        }
    }
}

/// Everything due on a path, most urgent first.
pub fn next_due(a: &Applicant, practice: &Practice) -> Vec<Due> {
    let on = |s: Step| a.done_on(s);
    let mut out = Vec::new();
    let phase = a.phase();
    match phase {
        Phase::Stopped => return out,
        Phase::Full => {
            if on(Step::Archive).is_none() {
                out.push(Due::open("将入党材料整理归档"));
            }
            return out;
        }
        _ => {}
    }
    let Some(applied) = on(Step::Apply) else {
        out.push(Due::open("填写递交入党申请书的日期"));
        return out;
    };
    if on(Step::FirstTalk).is_none() {
        out.push(Due::by("派人同入党申请人谈话", rules::talk_due(applied)));
    }
    match phase {
        Phase::Applicant => out.push(Due::open("支委会研究确定入党积极分子")),
        Phase::Activist => {
            let named = on(Step::NameActivist).unwrap_or(applied);
            if on(Step::ActivistFiled).is_none() {
                out.push(Due::open("报上级党委备案"));
            }
            if a.contacts.is_empty() {
                out.push(Due::open("指定一至两名培养联系人"));
            }
            followups(a, named, practice, &mut out);
            out.push(Due {
                what: "满一年，可讨论列为发展对象".into(),
                when: When::From(rules::candidate_from(named)),
            });
        }
        Phase::Candidate => {
            for (step, what) in [
                (Step::CandidateFiled, "报上级党委备案"),
                (Step::NameIntroducers, "确定两名入党介绍人"),
                (Step::PoliticalReview, "进行政治审查"),
                (Step::Training, "参加短期集中培训"),
            ] {
                if on(step).is_none() {
                    out.push(Due::open(what));
                }
            }
            let ready = [Step::NameIntroducers, Step::PoliticalReview, Step::Training]
                .iter()
                .all(|s| on(*s).is_some());
            if ready && on(Step::CommitteeReview).is_none() {
                out.push(Due::open("支部委员会审查，公示"));
            }
            if let Some(committee) = on(Step::CommitteeReview) {
                if on(Step::PreReview).is_none() {
                    out.push(Due {
                        what: "公示期满，报上级党委预审".into(),
                        when: When::From(rules::notice_ends(committee, practice)),
                    });
                }
            }
            if let Some(pre) = on(Step::PreReview) {
                if on(Step::Application).is_none() {
                    out.push(Due::open("填写入党志愿书"));
                }
                let mut by = pre
                    .checked_add_months(chrono::Months::new(practice.assembly_months))
                    .unwrap_or(NaiveDate::MAX);
                if let Some(reviewed) = on(Step::PoliticalReview) {
                    let valid = reviewed
                        .checked_add_months(chrono::Months::new(practice.political_review_months))
                        .unwrap_or(NaiveDate::MAX);
                    by = by.min(valid);
                }
                out.push(Due::by("召开支部大会讨论接收预备党员", by));
            }
        }
        Phase::Probationary => {
            let Some(assembly) = on(Step::AdmissionAssembly) else {
                return out;
            };
            if on(Step::Approval).is_none() {
                out.push(Due::by(
                    "待上级党委审批接收（三个月内）",
                    rules::approval_due(assembly).0,
                ));
            }
            if on(Step::Approval).is_some() && on(Step::Oath).is_none() {
                out.push(Due::open("组织入党宣誓"));
            }
            let last_report = a.reports.iter().max().copied().unwrap_or(assembly);
            out.push(Due::by(
                "收思想汇报（本地做法）",
                rules::report_due(last_report.max(assembly), practice),
            ));
            let ends = rules::probation_ends(assembly, a.extension.as_ref().map(|e| e.months));
            if on(Step::ConfirmationAssembly).is_none() {
                if on(Step::ConfirmationRequest).is_none() {
                    out.push(Due::by("预备期满，本人提出书面转正申请", ends));
                }
                out.push(Due::by("预备期满，支部大会讨论转正", ends));
            } else if on(Step::ConfirmationApproval).is_none() {
                if let Some(discussed) = on(Step::ConfirmationAssembly) {
                    out.push(Due::by(
                        "待上级党委审批转正（三个月内）",
                        rules::approval_due(discussed).0,
                    ));
                }
            }
        }
        Phase::Stopped | Phase::Full => {}
    }
    out.sort_by_key(Due::sort_day);
    out
}

/// An 积极分子's half-yearly 考察 (细则第十一条) and 思想汇报 (本地做法).
fn followups(a: &Applicant, named: NaiveDate, practice: &Practice, out: &mut Vec<Due>) {
    let last_review = a.reviews.iter().copied().filter(|d| *d >= named).max();
    out.push(Due::by(
        "党支部考察（每半年一次）",
        rules::review_due(last_review.unwrap_or(named)),
    ));
    let last_report = a.reports.iter().copied().filter(|d| *d >= named).max();
    out.push(Due::by(
        "收思想汇报（本地做法）",
        rules::report_due(last_report.unwrap_or(named), practice),
    ));
}

/// One line of the pipeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PipelineRow {
    pub id: String,
    pub name: String,
    pub phase: Phase,
    /// "待上级党委审批转正" after the 支部大会 passed it, until approved.
    pub awaiting: Option<&'static str>,
    pub stage: Stage,
    /// Days at this stage on `today`.
    pub days_in_stage: Option<i64>,
    pub next: Option<Due>,
    pub broken: usize,
    pub warnings: usize,
}

impl PipelineRow {
    /// Sort key: broken rules and overdue items first (the most overdue
    /// first), then by the next day due; finished paths last.
    fn urgency(&self, today: NaiveDate) -> (u8, NaiveDate, String) {
        let finished = matches!(self.phase, Phase::Stopped) || self.next.is_none();
        let due_day = self
            .next
            .as_ref()
            .map_or((2, NaiveDate::MAX), |d| d.sort_day());
        let overdue = self.next.as_ref().is_some_and(|d| d.overdue(today));
        let rank = if finished {
            4
        } else if overdue || self.broken > 0 {
            0
        } else {
            1 + due_day.0.min(2)
        };
        (rank, due_day.1, self.name.clone())
    }
}

/// Every path, sorted by what needs doing on `today`.
pub fn pipeline(doc: &Document, today: NaiveDate) -> Vec<PipelineRow> {
    let practice = &doc.branch.rules.development;
    let mut rows: Vec<PipelineRow> = doc
        .applicants
        .iter()
        .map(|a| {
            let (stage, since) = a.stage();
            let found = flags(a, &doc.members, practice);
            let broken = found
                .iter()
                .filter(|f| f.breach.severity == Severity::Broken)
                .count();
            PipelineRow {
                id: a.id.clone(),
                name: a.name.clone(),
                phase: a.phase(),
                awaiting: super::meetings::awaiting_approval(a).map(|w| w.label()),
                stage,
                days_in_stage: since.map(|s| (today - s).num_days()),
                next: next_due(a, practice).into_iter().next(),
                broken,
                warnings: found.len() - broken,
            }
        })
        .collect();
    rows.sort_by_cached_key(|r| r.urgency(today));
    rows
}

/// What the home page tells the secretary: each item overdue or due
/// within `days`, with the person's name.
pub fn due_soon(doc: &Document, today: NaiveDate, days: u64) -> Vec<(String, Due)> {
    let horizon = today
        .checked_add_days(chrono::Days::new(days))
        .unwrap_or(NaiveDate::MAX);
    let practice = &doc.branch.rules.development;
    let mut out: Vec<(String, Due)> = doc
        .applicants
        .iter()
        .flat_map(|a| {
            next_due(a, practice)
                .into_iter()
                .filter(|d| matches!(d.when, When::By(by) if by <= horizon))
                .map(|d| (a.name.clone(), d))
                .collect::<Vec<_>>()
        })
        .collect();
    out.sort_by_key(|(name, d)| (d.sort_day(), name.clone()));
    out
}
