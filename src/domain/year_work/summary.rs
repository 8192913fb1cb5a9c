//! 年度工作总结: the year's figures, always computed from the records (the
//! period summary of the year, the 民主评议 decisions, 学时, the key tasks,
//! the 党费 ledger), and the text the secretary writes from a draft the app
//! makes of them. The text is the secretary's: a new draft replaces it only
//! while nobody has changed it, or when the secretary says so.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{branch_year_paper, push_section, year_record};
use crate::domain::assessment::{Decision, Grade};
use crate::domain::development::Step;
use crate::domain::dues::ledger::year_totals;
use crate::domain::dues::Fen;
use crate::domain::fusion::study::study_time;
use crate::domain::fusion::FusionSummary;
use crate::domain::rules::attendance::was_active_on;
use crate::domain::rules::compliance::{Period, PeriodKind, Requirement};
use crate::domain::summary::{percent, period_summary, Cadence};
use crate::domain::Document;

/// The summary of one year, as the secretary wrote it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearSummary {
    pub year: i32,
    /// 主要工作和成效: starts as the app's draft, then the secretary's.
    #[serde(default)]
    pub work: String,
    /// The draft last put into `work`: while `work` still reads the same,
    /// nobody has edited it and a newer draft may replace it unasked.
    #[serde(default)]
    pub drafted: String,
    /// 存在的问题和不足.
    #[serde(default)]
    pub shortcomings: String,
    /// 下一年度工作打算.
    #[serde(default)]
    pub next_year: String,
}

impl YearSummary {
    pub fn new(year: i32) -> YearSummary {
        YearSummary {
            year,
            ..YearSummary::default()
        }
    }

    /// Whether the secretary changed the text since the app last drafted
    /// it (or wrote it without a draft).
    pub fn is_edited(&self) -> bool {
        !self.work.trim().is_empty() && self.work != self.drafted
    }

    /// Puts `draft` in as the text, unless the secretary edited the text
    /// and did not say to replace it (`replace_edits`). Returns whether it
    /// did.
    pub fn take_draft(&mut self, draft: &str, replace_edits: bool) -> bool {
        if self.is_edited() && !replace_edits {
            return false;
        }
        self.work = draft.to_string();
        self.drafted = draft.to_string();
        true
    }
}

/// Changes the summary of `year`, made when first written.
pub fn edit_summary(doc: &mut Document, year: i32, f: impl FnOnce(&mut YearSummary)) {
    let key = year.to_string();
    if doc.year_summary(&key).is_none() {
        doc.year_summaries.push(YearSummary::new(year));
    }
    if let Some(summary) = doc.year_summary_mut(&key) {
        f(summary);
    }
}

/// 民主评议 results in numbers: how many of each grade, how many not
/// graded. No names.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReviewCounts {
    /// In `Grade::ALL`'s order.
    pub graded: [usize; 4],
    pub not_graded: usize,
}

impl ReviewCounts {
    pub fn decided(&self) -> usize {
        self.graded.iter().sum::<usize>() + self.not_graded
    }

    /// "优秀 3 名，合格 17 名，基本合格 0 名，不合格 0 名，不评定等次 2 名".
    pub fn sentence(&self) -> String {
        let mut parts: Vec<String> = Grade::ALL
            .iter()
            .zip(self.graded)
            .map(|(g, n)| format!("{} {n} 名", g.label()))
            .collect();
        parts.push(format!("不评定等次 {} 名", self.not_graded));
        parts.join("，")
    }
}

pub fn review_counts(doc: &Document, year: i32) -> ReviewCounts {
    let mut counts = ReviewCounts::default();
    let entries = doc.review(year).map_or(&[][..], |r| r.entries.as_slice());
    for entry in entries {
        match &entry.decision {
            Some(Decision::Graded { grade }) => {
                if let Some(i) = Grade::ALL.iter().position(|g| g == grade) {
                    counts.graded[i] += 1;
                }
            }
            Some(Decision::NotGraded { .. }) => counts.not_graded += 1,
            None => {}
        }
    }
    counts
}

/// 学时 of the members of the year, against what each owes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StudyFigures {
    /// Members in the branch at the year's end (or today, while it runs).
    pub members: usize,
    /// Of them, how many reached their 学时; `None` until the branch says
    /// how many minutes make a 学时.
    pub reached: Option<usize>,
}

pub fn study_figures(doc: &Document, year: i32, today: NaiveDate) -> StudyFigures {
    let as_of = NaiveDate::from_ymd_opt(year, 12, 31).map(|end| end.min(today));
    let rules = &doc.branch.rules;
    let members: Vec<_> = doc
        .members
        .iter()
        .filter(|m| was_active_on(m, as_of))
        .collect();
    let reached = rules.minutes_per_study_hour.map(|per| {
        members
            .iter()
            .filter(|m| {
                let time = study_time(&m.id, year, &doc.meetings, &doc.studies);
                time.hours(u32::from(per)) >= f64::from(rules.study_hours_owed(m))
            })
            .count()
    });
    StudyFigures {
        members: members.len(),
        reached,
    }
}

/// 发展党员 of the year in numbers, never who: each step counted in the
/// year its day falls in. 接收预备党员 is the 支部大会's decision (第15步)
/// and 转正 the 上级党委's approval (第24步), as `Applicant::phase` reads
/// the path.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DevelopmentCounts {
    /// 递交入党申请书 (第1步).
    pub applied: usize,
    /// 确定为入党积极分子 (第3步).
    pub activists: usize,
    /// 确定为发展对象 (第7步).
    pub candidates: usize,
    /// 接收为预备党员 (第15步).
    pub admitted: usize,
    /// 预备党员转为正式党员 (第24步).
    pub confirmed: usize,
}

impl DevelopmentCounts {
    /// "新递交入党申请 2 人，确定入党积极分子 1 名…".
    pub fn sentence(&self) -> String {
        format!(
            "新递交入党申请 {} 人，确定入党积极分子 {} 名，确定发展对象 {} 名，接收预备党员 {} 名，预备党员转正 {} 名",
            self.applied, self.activists, self.candidates, self.admitted, self.confirmed
        )
    }
}

/// `None` on a phone that keeps no 发展党员 paths (they stay on the phone
/// that keeps them): the year's figures then say nothing of 发展党员.
pub fn development_counts(doc: &Document, year: i32) -> Option<DevelopmentCounts> {
    if !crate::domain::development::kept_here(doc) {
        return None;
    }
    let in_year = |step: Step| {
        doc.applicants
            .iter()
            .filter(|a| a.done_on(step).is_some_and(|d| d.year() == year))
            .count()
    };
    Some(DevelopmentCounts {
        applied: in_year(Step::Apply),
        activists: in_year(Step::NameActivist),
        candidates: in_year(Step::NameCandidate),
        admitted: in_year(Step::AdmissionAssembly),
        confirmed: in_year(Step::ConfirmationApproval),
    })
}

/// The year's 党费, where this phone keeps the ledger.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DuesFigures {
    pub owed: Fen,
    pub paid: Fen,
    pub remitted: Fen,
    pub balance: Fen,
}

/// `None` on a phone that keeps no ledger for the year.
pub fn dues_figures(doc: &Document, year: i32, today: NaiveDate) -> Option<DuesFigures> {
    let kept =
        doc.dues.iter().any(|a| a.year == year) || doc.dues_books.iter().any(|b| b.year == year);
    if !kept {
        return None;
    }
    let totals = year_totals(doc, year, today);
    Some(DuesFigures {
        owed: totals.year().owed,
        paid: totals.year().paid,
        remitted: totals.remitted,
        balance: totals.balance(),
    })
}

/// Everything the summary counts, computed from the records each time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearFigures {
    pub year: i32,
    /// What the year itself asks (组织生活会, 民主评议党员, 谈心谈话…).
    pub requirements: Vec<Requirement>,
    /// Months and quarters added up: "支委会：12 个月中已完成 11 个月".
    pub cadences: Vec<Cadence>,
    /// Meetings held, by type, in the order of the first of each type.
    pub held_by_type: Vec<(String, usize)>,
    /// Person-times due at the held meetings, and present.
    pub due: usize,
    pub present: usize,
    pub review: ReviewCounts,
    pub study: StudyFigures,
    /// `None` where this phone keeps no 发展党员 paths.
    pub development: Option<DevelopmentCounts>,
    pub fusion: FusionSummary,
    pub dues: Option<DuesFigures>,
}

pub fn year_figures(doc: &Document, year: i32, today: NaiveDate) -> Option<YearFigures> {
    let first = NaiveDate::from_ymd_opt(year, 1, 1)?;
    let summary = period_summary(doc, Period::containing(PeriodKind::Year, first), today);
    let mut held_by_type: Vec<(String, usize)> = Vec::new();
    for held in &summary.meetings {
        let Some(meeting) = doc.meeting(&held.meeting_id) else {
            continue;
        };
        let label = meeting.kind.label();
        match held_by_type.iter_mut().find(|(l, _)| l == label) {
            Some((_, n)) => *n += 1,
            None => held_by_type.push((label.to_string(), 1)),
        }
    }
    Some(YearFigures {
        year,
        due: summary.meetings.iter().map(|m| m.tally.due).sum(),
        present: summary.meetings.iter().map(|m| m.tally.present).sum(),
        requirements: summary.requirements,
        cadences: summary.cadences,
        held_by_type,
        review: review_counts(doc, year),
        study: study_figures(doc, year, today),
        development: development_counts(doc, year),
        fusion: summary.fusion,
        dues: dues_figures(doc, year, today),
    })
}

impl YearFigures {
    /// The figures as the lines the summary's screen and printout show,
    /// by section: (heading, lines).
    pub fn sections(&self) -> Vec<(&'static str, Vec<String>)> {
        let mut out = Vec::new();
        let mut meetings: Vec<String> = Vec::new();
        if self.held_by_type.is_empty() {
            meetings.push("本年度没有标记为已召开的会议".into());
        } else {
            let parts: Vec<String> = self
                .held_by_type
                .iter()
                .map(|(label, n)| format!("{label} {n} 次"))
                .collect();
            meetings.push(format!("召开{}", parts.join("，")));
        }
        meetings.extend(self.cadences.iter().map(Cadence::sentence));
        meetings.extend(self.requirements.iter().map(Requirement::sentence));
        meetings.push(format!(
            "参加组织生活应到 {} 人次，实到 {} 人次，出席率 {}",
            self.due,
            self.present,
            percent(self.present, self.due)
        ));
        out.push(("组织生活制度落实情况", meetings));

        let mut members = Vec::new();
        if self.review.decided() > 0 {
            members.push(format!("民主评议党员：{}", self.review.sentence()));
        }
        members.push(match self.study.reached {
            Some(n) => format!(
                "学时：{} 名党员中 {n} 名达到本年度学时要求",
                self.study.members
            ),
            None => format!(
                "学时：{} 名党员（本支部尚未设定 1 学时折合的分钟数，未折算）",
                self.study.members
            ),
        });
        out.push(("党员教育管理", members));

        if let Some(d) = self.development {
            out.push(("发展党员", vec![d.sentence()]));
        }

        let fusion = self.fusion.lines();
        if !fusion.is_empty() {
            out.push(("重点任务和党建与业务融合", fusion));
        }
        if let Some(d) = self.dues {
            out.push((
                "党费收缴",
                vec![format!(
                    "应交 {} 元，实交 {} 元，上缴 {} 元，结存 {} 元",
                    d.owed, d.paid, d.remitted, d.balance
                )],
            ));
        }
        out
    }

    /// The draft of 主要工作和成效: one paragraph per section, numbered
    /// as a report numbers them.
    pub fn draft(&self) -> String {
        const NUMBERS: [&str; 6] = ["一", "二", "三", "四", "五", "六"];
        self.sections()
            .iter()
            .enumerate()
            .map(|(i, (heading, lines))| {
                let n = NUMBERS.get(i).copied().unwrap_or("");
                format!("（{n}）{heading}。{}。", lines.join("；"))
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The summary as text, headings first: for 分享文字版 and the 报上级
/// package.
pub fn summary_text(summary: &YearSummary) -> String {
    let mut out = vec![format!("{}年度党支部工作总结", summary.year)];
    for (heading, text) in [
        ("一、主要工作和成效", &summary.work),
        ("二、存在的问题和不足", &summary.shortcomings),
        ("三、下一年度工作打算", &summary.next_year),
    ] {
        push_section(&mut out, heading, text);
    }
    out.join("\n")
}

// A branch document the members see (recent years); it holds counts,
// never names. Members do not write it, so no return carries it.
branch_year_paper!(YearSummary, title: "党支部工作总结", noun: "年度工作总结");
year_record!(
    YearSummary,
    what: "工作总结",
    texts: [work, drafted, shortcomings, next_year]
);
