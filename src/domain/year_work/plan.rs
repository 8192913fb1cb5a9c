//! 年度工作计划: the year's goals and 党建与业务融合 arrangements the
//! secretary writes, the 支委会 that approved the plan, and what the app
//! already knows: the 三会一课 schedule the branch's rules ask for beside
//! the meetings planned, and the year's key tasks (重点任务清单).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{branch_year_paper, push_section, year_record};
use crate::domain::fusion::{KeyTask, TaskCategory, TaskOwner};
use crate::domain::meeting::MeetingKind;
use crate::domain::rules::compliance::{compliance, Period, PeriodKind};
use crate::domain::summary::meeting_label;
use crate::domain::time::format_chinese_date;
use crate::domain::Document;

/// The plan of one year, as the secretary wrote it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearPlan {
    pub year: i32,
    /// 指导思想和工作目标.
    #[serde(default)]
    pub goals: String,
    /// 党建与业务融合 arrangements beyond the tasks on the list.
    #[serde(default)]
    pub fusion: String,
    /// 其他工作安排 (保障措施, 上级部署…).
    #[serde(default)]
    pub other: String,
    /// The 支委会 that discussed and approved the plan. Not checked against
    /// the file's meetings: a 支部资料包 may carry the plan without it.
    #[serde(default)]
    pub approved_in: Option<String>,
}

impl YearPlan {
    pub fn new(year: i32) -> YearPlan {
        YearPlan {
            year,
            ..YearPlan::default()
        }
    }

    pub fn is_blank(&self) -> bool {
        self.goals.trim().is_empty()
            && self.fusion.trim().is_empty()
            && self.other.trim().is_empty()
            && self.approved_in.is_none()
    }
}

/// Changes the plan of `year`, made when first written. The one edit the
/// plan's screen uses (it names the record `year`).
pub fn edit_plan(doc: &mut Document, year: i32, f: impl FnOnce(&mut YearPlan)) {
    let key = year.to_string();
    if doc.year_plan(&key).is_none() {
        doc.year_plans.push(YearPlan::new(year));
    }
    if let Some(plan) = doc.year_plan_mut(&key) {
        f(plan);
    }
}

/// "2026年1月8日支委会", when the plan names a meeting this phone holds.
pub fn approval(doc: &Document, plan: &YearPlan) -> Option<String> {
    let meeting = doc.meeting(plan.approved_in.as_deref()?)?;
    let date = meeting.effective_date()?;
    Some(format!(
        "{}{}",
        format_chinese_date(date),
        meeting.kind.label()
    ))
}

/// The years whose plan names `meeting_id` as the 支委会 that approved it,
/// for that meeting's page to link back.
pub fn plans_approved_in(doc: &Document, meeting_id: &str) -> Vec<i32> {
    let mut years: Vec<i32> = doc
        .year_plans
        .iter()
        .filter(|p| p.approved_in.as_deref() == Some(meeting_id))
        .map(|p| p.year)
        .collect();
    years.sort_unstable();
    years
}

/// The 支委会 a plan of `year` may have been approved at: the year's and
/// the last quarter of the year before (plans are often made in December),
/// latest first, as (id, "2026年1月8日支委会：主题").
pub fn approving_meetings(doc: &Document, year: i32) -> Vec<(String, String)> {
    let from = NaiveDate::from_ymd_opt(year - 1, 10, 1);
    let to = NaiveDate::from_ymd_opt(year, 12, 31);
    let mut found: Vec<(NaiveDate, String, String)> = doc
        .meetings
        .iter()
        .filter(|m| m.counts_as(&MeetingKind::CommitteeMeeting))
        .filter_map(|m| {
            let d = m.effective_date()?;
            let inside = from.is_some_and(|f| d >= f) && to.is_some_and(|t| d <= t);
            inside.then(|| {
                let mut label = format!("{}{}", format_chinese_date(d), m.kind.label());
                if !m.theme.trim().is_empty() {
                    label.push('：');
                    label.push_str(m.theme.trim());
                }
                (d, m.id.clone(), label)
            })
        })
        .collect();
    found.sort_by_key(|m| std::cmp::Reverse(m.0));
    found
        .into_iter()
        .map(|(_, id, label)| (id, label))
        .collect()
}

/// A meeting on the year's calendar, planned or already held.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScheduledMeeting {
    pub meeting_id: String,
    pub date: NaiveDate,
    /// "支委会", "党小组会（第一党小组）".
    pub label: String,
    /// The kind alone: "党小组会".
    pub kind: String,
    /// A 党小组's own meeting (its theme is the group's).
    pub of_group: bool,
    pub theme: String,
    pub held: bool,
}

impl ScheduledMeeting {
    /// "1月8日 支委会：主题".
    pub fn line(&self) -> String {
        let mut s = format!(
            "{}月{}日 {}",
            self.date.month(),
            self.date.day(),
            self.label
        );
        if !self.theme.trim().is_empty() {
            s.push('：');
            s.push_str(self.theme.trim());
        }
        s
    }
}

/// One month of the 三会一课 schedule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScheduleMonth {
    pub month: u32,
    /// What the rules ask of the month: "支委会", "党小组会（第一党小组）"
    /// (or "党小组会（3个党小组各1次）" for several), "主题党日".
    pub required: Vec<String>,
    /// In a quarter's first month, what the quarter asks: "支部党员大会",
    /// "党课".
    pub quarter: Vec<String>,
    /// The meetings on the calendar in the month, by day.
    pub meetings: Vec<ScheduledMeeting>,
}

impl ScheduleMonth {
    /// "支委会、主题党日；本季度：支部党员大会、党课".
    pub fn required_text(&self) -> String {
        let mut s = self.required.join("、");
        if !self.quarter.is_empty() {
            if !s.is_empty() {
                s.push('；');
            }
            s.push_str("本季度：");
            s.push_str(&self.quarter.join("、"));
        }
        s
    }

    /// The month's meetings in short, each kind once with its days:
    /// "支委会 8日；党小组会 3次（10、12日）；主题党日 15日". A printed
    /// schedule stays a table of short rows; the themes are listed apart
    /// (`themes_text`).
    pub fn planned_text(&self) -> String {
        let mut kinds: Vec<(&str, usize, Vec<u32>)> = Vec::new();
        for m in &self.meetings {
            let day = m.date.day();
            match kinds.iter_mut().find(|(k, _, _)| *k == m.kind) {
                Some((_, n, days)) => {
                    *n += 1;
                    if !days.contains(&day) {
                        days.push(day);
                    }
                }
                None => kinds.push((&m.kind, 1, vec![day])),
            }
        }
        kinds
            .iter()
            .map(|(kind, n, days)| {
                let days: Vec<String> = days.iter().map(u32::to_string).collect();
                match n {
                    1 => format!("{kind} {}日", days.join("、")),
                    n => format!("{kind} {n}次（{}日）", days.join("、")),
                }
            })
            .collect::<Vec<_>>()
            .join("；")
    }

    /// The themes of the branch's own meetings of the month, each once,
    /// after its kind: "支委会：研究年度工作计划；主题党日：学雷锋志愿服务".
    /// A 党小组会's theme is its group's (the groups' monthly work has
    /// them), and a plan of the branch lists them not.
    pub fn themes_text(&self) -> String {
        let mut seen: Vec<(&str, &str)> = Vec::new();
        for m in self.meetings.iter().filter(|m| !m.of_group) {
            let entry = (m.kind.as_str(), m.theme.trim());
            if !entry.1.is_empty() && !seen.contains(&entry) {
                seen.push(entry);
            }
        }
        seen.iter()
            .map(|(kind, theme)| format!("{kind}：{theme}"))
            .collect::<Vec<_>>()
            .join("；")
    }
}

/// The year's 三会一课 schedule: what the rules ask (the compliance view's
/// requirements, so the plan and the checks never disagree) beside the
/// meetings planned or held.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearSchedule {
    pub year: i32,
    /// What the year asks once: "组织生活会", "民主评议党员"….
    pub yearly: Vec<String>,
    pub months: Vec<ScheduleMonth>,
}

/// What the rules ask of the period, by label; the 党小组会 of several
/// groups as one: "党小组会（3个党小组各1次）".
fn labels(doc: &Document, period: Period, today: NaiveDate) -> Vec<String> {
    let asked = compliance(doc, period, today);
    let groups = asked.iter().filter(|r| r.group_id.is_some()).count();
    let mut out = Vec::new();
    for r in asked {
        if r.group_id.is_none() || groups == 1 {
            out.push(r.label);
        } else if !out.iter().any(|l: &String| l.starts_with("党小组会（")) {
            out.push(format!("党小组会（{groups}个党小组各1次）"));
        }
    }
    out
}

pub fn schedule(doc: &Document, year: i32, today: NaiveDate) -> YearSchedule {
    let Some(first) = NaiveDate::from_ymd_opt(year, 1, 1) else {
        return YearSchedule {
            year,
            yearly: Vec::new(),
            months: Vec::new(),
        };
    };
    let mut on_calendar: Vec<ScheduledMeeting> = doc
        .meetings
        .iter()
        .filter_map(|m| {
            let date = m.effective_date()?;
            (date.year() == year).then(|| ScheduledMeeting {
                meeting_id: m.id.clone(),
                date,
                label: meeting_label(doc, m),
                kind: m.kind.label().to_string(),
                of_group: m.group_id.is_some()
                    && m.kind.group_scope() != crate::domain::meeting::GroupScope::None,
                theme: m.theme.clone(),
                held: m.state == crate::domain::meeting::MeetingState::Held,
            })
        })
        .collect();
    on_calendar.sort_by_key(|m| m.date);
    let mut months = Vec::new();
    let mut month = Period::containing(PeriodKind::Month, first);
    for number in 1..=12u32 {
        let quarter = if number % 3 == 1 {
            labels(
                doc,
                Period::containing(PeriodKind::Quarter, month.start),
                today,
            )
        } else {
            Vec::new()
        };
        months.push(ScheduleMonth {
            month: number,
            required: labels(doc, month, today),
            quarter,
            meetings: on_calendar
                .iter()
                .filter(|m| month.contains(m.date))
                .cloned()
                .collect(),
        });
        month = month.next();
    }
    YearSchedule {
        year,
        yearly: labels(doc, Period::containing(PeriodKind::Year, first), today),
        months,
    }
}

/// The year's key tasks, split as a plan lists them: 重点任务 (党建, 业务)
/// and 党建与业务融合 (融合).
pub fn year_tasks(doc: &Document, year: i32) -> (Vec<&KeyTask>, Vec<&KeyTask>) {
    doc.tasks
        .iter()
        .filter(|t| t.year == year)
        .partition(|t| t.category != TaskCategory::Fused)
}

/// "支部组织生活示范点创建（责任清单 · 党建 · 支部）".
pub fn task_line(doc: &Document, task: &KeyTask) -> String {
    task_line_naming(doc, task, true)
}

/// A task's line; without `names`, a member who owns it is "党员" (the
/// 报上级 package names nobody but the 述职人).
fn task_line_naming(doc: &Document, task: &KeyTask, names: bool) -> String {
    let owner = match task.owner {
        TaskOwner::Member(_) if !names => "党员".to_string(),
        _ => task.owner.name(doc).unwrap_or_default(),
    };
    let mut parts = vec![task.kind.label(), task.category.label()];
    if !owner.is_empty() {
        parts.push(&owner);
    }
    let title = if task.title.trim().is_empty() {
        "（未命名）"
    } else {
        task.title.trim()
    };
    format!("{title}（{}）", parts.join(" · "))
}

/// The plan as text, headings first: for 分享文字版 and (without `names`)
/// the 报上级 package.
pub fn plan_text(doc: &Document, plan: &YearPlan, names: bool) -> String {
    let mut out = vec![format!("{}年度党支部工作计划", plan.year)];
    if let Some(approved) = approval(doc, plan) {
        out.push(format!("（经{approved}研究通过）"));
    }
    let (tasks, fused) = year_tasks(doc, plan.year);
    push_section(&mut out, "一、指导思想和工作目标", &plan.goals);
    if !tasks.is_empty() {
        out.push("二、重点任务".into());
        out.extend(
            tasks
                .iter()
                .enumerate()
                .map(|(i, t)| format!("{}. {}", i + 1, task_line_naming(doc, t, names))),
        );
    }
    if !fused.is_empty() || !plan.fusion.trim().is_empty() {
        out.push("三、党建与业务融合".into());
        out.extend(
            fused
                .iter()
                .enumerate()
                .map(|(i, t)| format!("{}. {}", i + 1, task_line_naming(doc, t, names))),
        );
        if !plan.fusion.trim().is_empty() {
            out.push(plan.fusion.trim().to_string());
        }
    }
    push_section(&mut out, "四、其他工作安排", &plan.other);
    out.join("\n")
}

// A branch document the members see (recent years, as the meetings);
// members do not write it, so no return carries it.
branch_year_paper!(YearPlan, title: "党支部工作计划", noun: "年度工作计划");
year_record!(YearPlan, what: "工作计划", texts: [goals, fusion, other]);
