//! 报上级: what a branch reports to its 党委 for one year, and what the
//! 党委 makes of the reports of all its branches. A report holds figures,
//! never records: the branch's name and identity, how many members (not
//! who), the 组织生活制度落实情况 of every month, quarter and the year as
//! the compliance rules count it, counts of 民主评议 grades, 学时 totals,
//! 党费 totals (no incomes, no bases) and the year's texts. What is not a
//! field of `BranchReport` cannot travel in one.

pub mod branch_order;
pub mod collection;
pub mod overview;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::assessment::grades::Grade;
use super::assessment::review::Decision;
use super::fusion::study::study_time;
use super::meeting::MeetingKind;
use super::rules::attendance::was_active_on;
use super::rules::compliance::{Owed, Period, PeriodKind, Requirement, Status};
use super::summary::period_summary;
use super::year_work::summary::{development_counts, DevelopmentCounts};
use super::{Document, Standing};

/// One year of one branch, as its secretary reported it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BranchReport {
    /// The branch across renames (`Branch::identity`).
    pub branch_id: String,
    pub branch_name: String,
    /// 上级党组织 as the branch entered it; may be empty.
    #[serde(default)]
    pub parent_org: String,
    pub year: i32,
    /// The day the figures were taken: what was not yet held by then is
    /// 待完成 or 逾期 by that day.
    pub as_of: NaiveDate,
    pub membership: Membership,
    /// Every requirement of the year's months, quarters and the year.
    pub lines: Vec<ReportLine>,
    pub grades: GradeCounts,
    pub study: StudyFigures,
    /// `None`: the 党费 ledger is not kept on the phone that made it.
    #[serde(default)]
    pub dues: Option<DuesFigures>,
    /// `None`: no 发展党员 paths are kept on the phone that made it.
    #[serde(default)]
    pub development: Option<DevelopmentFigures>,
    #[serde(default)]
    pub texts: YearTexts,
}

impl BranchReport {
    /// What the package holds, in words, for the screen that makes it:
    /// every field of the report, and what it does not hold.
    pub fn contents(&self) -> String {
        let m = &self.membership;
        let mut parts = vec![
            format!("支部名称“{}”及其标识", self.branch_name),
            format!(
                "党员人数 {} 名（正式党员 {}、预备党员 {}，不含姓名）、党小组 {} 个",
                m.total, m.full, m.probationary, m.groups
            ),
            format!(
                "{}年各月、季度和全年支委会、党员大会、党小组会、党课、主题党日、组织生活会、民主评议的应开和已开次数",
                self.year
            ),
            format!(
                "民主评议各等次人数（已评定 {} 名）",
                self.grades.graded()
            ),
            format!(
                "学时合计（{} 名党员中 {} 名达标）",
                self.study.members, self.study.reached
            ),
        ];
        parts.push(match self.dues {
            Some(_) => "党费应交、实交和上缴的全年合计（不含收入和基数）".into(),
            None => "本机没有党费台账，不含党费".into(),
        });
        parts.push(match self.development {
            Some(_) => "发展党员全年各环节人数：新递交申请、确定积极分子、确定发展对象、接收预备党员、转正（只有人数，不含姓名和任何纪实内容）".into(),
            None => "本机没有发展党员纪实，不含发展党员人数".into(),
        });
        if self.texts.is_empty() {
            parts.push("年度计划、总结和述职：本机尚未记录，不含".into());
        } else {
            parts.push("年度计划、总结和述职的正文".into());
        }
        format!(
            "{}。不含党员姓名、收入、党费基数、备注和任何会议记录",
            parts.join("；")
        )
    }
}

/// How many, never who.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Membership {
    pub total: u32,
    pub full: u32,
    pub probationary: u32,
    pub groups: u32,
}

/// What the 党委 checks, as the overview's columns name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Item {
    Committee,
    Assembly,
    Group,
    Lecture,
    ThemeDay,
    OrganizationalLife,
    DemocraticReview,
}

impl Item {
    pub const ALL: [Item; 7] = [
        Item::Committee,
        Item::Assembly,
        Item::Group,
        Item::Lecture,
        Item::ThemeDay,
        Item::OrganizationalLife,
        Item::DemocraticReview,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Item::Committee => "支委会",
            Item::Assembly => "党员大会",
            Item::Group => "党小组会",
            Item::Lecture => "党课",
            Item::ThemeDay => "主题党日",
            Item::OrganizationalLife => "组织生活会",
            Item::DemocraticReview => "民主评议",
        }
    }

    fn of(kind: &MeetingKind) -> Option<Item> {
        Some(match kind {
            MeetingKind::CommitteeMeeting => Item::Committee,
            MeetingKind::BranchAssembly => Item::Assembly,
            MeetingKind::GroupMeeting => Item::Group,
            MeetingKind::PartyLecture => Item::Lecture,
            MeetingKind::ThemeDay => Item::ThemeDay,
            MeetingKind::OrganizationalLife => Item::OrganizationalLife,
            MeetingKind::DemocraticReview => Item::DemocraticReview,
            _ => return None,
        })
    }
}

/// One requirement of one period: for 党小组会, the branch's groups
/// together (required: one meeting of each group; held: groups that met).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportLine {
    pub item: Item,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub required: u32,
    pub held: u32,
}

impl ReportLine {
    /// Whether the period is a month, a quarter or the year.
    pub fn period(&self) -> Period {
        let kind = match (self.end - self.start).num_days() {
            0..=31 => PeriodKind::Month,
            32..=92 => PeriodKind::Quarter,
            _ => PeriodKind::Year,
        };
        Period::containing(kind, self.start)
    }

    /// As the compliance view would say it on `day`: a gap is 逾期 only
    /// once the period is over.
    pub fn status(&self, day: NaiveDate) -> Status {
        Status::of(
            self.held as usize,
            self.required as usize,
            &self.period(),
            day,
        )
    }
}

/// 民主评议 results of the year, counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GradeCounts {
    pub excellent: u32,
    pub qualified: u32,
    pub basically_qualified: u32,
    pub unqualified: u32,
    /// 不评定等次.
    pub not_graded: u32,
    /// On the review's list with no decision yet.
    pub undecided: u32,
}

impl GradeCounts {
    pub fn of(&self, grade: Grade) -> u32 {
        match grade {
            Grade::Excellent => self.excellent,
            Grade::Qualified => self.qualified,
            Grade::BasicallyQualified => self.basically_qualified,
            Grade::Unqualified => self.unqualified,
        }
    }

    pub fn graded(&self) -> u32 {
        Grade::ALL.iter().map(|g| self.of(*g)).sum()
    }
}

/// 学时 of the members in the branch at the year's end (or as of the
/// report's day), in tenths of a 学时 so no float is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StudyFigures {
    pub members: u32,
    /// Members who reached the 学时 asked of them (32, or 56 for the
    /// 书记 and 委员, or what the branch set).
    pub reached: u32,
    pub total_tenths: u64,
    /// The branch has not said how many minutes make a 学时: only the
    /// 学时 of training outside the branch are counted.
    pub unit_unset: bool,
}

/// 党费 of the year, in 分: totals only.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DuesFigures {
    /// 应交.
    pub owed_fen: i64,
    /// 实交.
    pub paid_fen: i64,
    /// 上缴.
    pub remitted_fen: i64,
}

/// 发展党员 of the year, counted (`year_work::summary::development_counts`):
/// how many, never who, and nothing of the 纪实 itself.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DevelopmentFigures {
    /// 新递交入党申请.
    pub applied: u32,
    /// 确定入党积极分子.
    pub activists: u32,
    /// 确定发展对象.
    pub candidates: u32,
    /// 接收预备党员.
    pub admitted: u32,
    /// 预备党员转正.
    pub confirmed: u32,
}

impl DevelopmentFigures {
    /// "新递交入党申请 2 人，确定入党积极分子 1 名…".
    pub fn sentence(&self) -> String {
        self.counts().sentence()
    }

    fn counts(&self) -> DevelopmentCounts {
        DevelopmentCounts {
            applied: self.applied as usize,
            activists: self.activists as usize,
            candidates: self.candidates as usize,
            admitted: self.admitted as usize,
            confirmed: self.confirmed as usize,
        }
    }

    fn of(counts: DevelopmentCounts) -> DevelopmentFigures {
        let n = |c: usize| u32::try_from(c).unwrap_or(u32::MAX);
        DevelopmentFigures {
            applied: n(counts.applied),
            activists: n(counts.activists),
            candidates: n(counts.candidates),
            admitted: n(counts.admitted),
            confirmed: n(counts.confirmed),
        }
    }
}

/// The year's texts: 年度工作计划, 年度工作总结 and 书记抓党建述职, as
/// `year_work::year_texts` writes them (empty where nothing was written).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearTexts {
    #[serde(default)]
    pub plan: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub secretary_report: String,
}

impl YearTexts {
    pub fn is_empty(&self) -> bool {
        self.plan.is_empty() && self.summary.is_empty() && self.secretary_report.is_empty()
    }
}

/// The year's plan, summary and 述职 as the branch wrote them.
pub fn year_texts(doc: &Document, year: i32) -> YearTexts {
    let texts = crate::domain::year_work::year_texts(doc, year);
    YearTexts {
        plan: texts.plan,
        summary: texts.summary,
        secretary_report: texts.report,
    }
}

/// The report of `year`, with figures as of `today` (the year's last day
/// once it is over).
pub fn branch_report(doc: &Document, year: i32, today: NaiveDate) -> BranchReport {
    let year_period = Period::containing(
        PeriodKind::Year,
        NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(today),
    );
    let as_of = today.min(year_period.end);
    let summary = period_summary(doc, year_period, today);
    let mut lines = lines_of(&summary.nested);
    lines.extend(lines_of(&summary.requirements));
    BranchReport {
        branch_id: doc.branch.identity(),
        branch_name: doc.branch.name.trim().to_string(),
        parent_org: doc.branch.parent_org.trim().to_string(),
        year,
        as_of,
        membership: membership(doc, as_of),
        lines,
        grades: grades(doc, year),
        study: study(doc, year, as_of),
        dues: crate::domain::dues::kept_here(doc).then(|| dues(doc, year, today)),
        development: development_counts(doc, year).map(DevelopmentFigures::of),
        texts: year_texts(doc, year),
    }
}

/// The compliance lines as the report carries them: meeting requirements
/// only, the 党小组会 of one period as one line.
fn lines_of(requirements: &[Requirement]) -> Vec<ReportLine> {
    let mut out: Vec<ReportLine> = Vec::new();
    for r in requirements {
        let Owed::Meeting(kind) = &r.what else {
            continue;
        };
        let Some(item) = Item::of(kind) else { continue };
        let met = u32::from(r.held >= r.required);
        let (required, held) = if item == Item::Group {
            (1, met)
        } else {
            (r.required as u32, r.held as u32)
        };
        let same = |l: &&mut ReportLine| l.item == item && l.start == r.period.start;
        match out.iter_mut().find(same) {
            Some(line) => {
                line.required += required;
                line.held += held;
            }
            None => out.push(ReportLine {
                item,
                start: r.period.start,
                end: r.period.end,
                required,
                held,
            }),
        }
    }
    out
}

fn membership(doc: &Document, day: NaiveDate) -> Membership {
    let members = doc.members.iter().filter(|m| was_active_on(m, Some(day)));
    let mut out = Membership {
        groups: doc.branch.groups.len() as u32,
        ..Membership::default()
    };
    for m in members {
        out.total += 1;
        match m.standing_on(Some(day)) {
            Standing::Full => out.full += 1,
            Standing::Probationary => out.probationary += 1,
        }
    }
    out
}

fn grades(doc: &Document, year: i32) -> GradeCounts {
    let mut out = GradeCounts::default();
    let Some(review) = doc.review(year) else {
        return out;
    };
    for entry in &review.entries {
        match &entry.decision {
            Some(Decision::Graded { grade }) => match grade {
                Grade::Excellent => out.excellent += 1,
                Grade::Qualified => out.qualified += 1,
                Grade::BasicallyQualified => out.basically_qualified += 1,
                Grade::Unqualified => out.unqualified += 1,
            },
            Some(Decision::NotGraded { .. }) => out.not_graded += 1,
            None => out.undecided += 1,
        }
    }
    out
}

fn study(doc: &Document, year: i32, day: NaiveDate) -> StudyFigures {
    let rules = &doc.branch.rules;
    let per = rules.minutes_per_study_hour.map(u32::from);
    let mut out = StudyFigures {
        unit_unset: per.is_none(),
        ..StudyFigures::default()
    };
    for m in doc.members.iter().filter(|m| was_active_on(m, Some(day))) {
        let time = study_time(&m.id, year, &doc.meetings, &doc.studies);
        let tenths = match per {
            Some(per) => (time.hours(per) * 10.0).round() as u64,
            None => u64::from(time.outside_tenths),
        };
        out.members += 1;
        out.total_tenths += tenths;
        if tenths >= u64::from(rules.study_hours_owed(m)) * 10 {
            out.reached += 1;
        }
    }
    out
}

fn dues(doc: &Document, year: i32, today: NaiveDate) -> DuesFigures {
    let totals = crate::domain::dues::ledger::year_totals(doc, year, today);
    let year_total = totals.year();
    DuesFigures {
        owed_fen: year_total.owed.0,
        paid_fen: year_total.paid.0,
        remitted_fen: totals.remitted.0,
    }
}

/// "1234.50" from 分.
pub fn yuan_text(fen: i64) -> String {
    crate::domain::dues::Fen(fen).to_string()
}

/// The year a report is usually made for on `today`: the year before
/// until the end of February (the 年度 reports are due early in the next
/// year), else this year.
pub fn usual_year(today: NaiveDate) -> i32 {
    if today.month() <= 2 {
        today.year() - 1
    } else {
        today.year()
    }
}

#[cfg(test)]
mod tests;
