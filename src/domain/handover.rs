//! 换届: the 支部委员会's term and its renewal.
//!
//! - 任期: "村、社区党支部委员会每届任期5年，其他基层单位党支部委员会
//!   一般每届任期3年" (《支部工作条例（试行）》§21; 《关于党的基层组织任期的
//!   意见》, 2018): a setting of the branch, 3 by default.
//! - The 上级党组织 "一般提前六个月" reminds the branch to prepare: the
//!   home page does so from six months before the term ends.
//! - "任期届满应当按期进行换届选举。如需延期或者提前进行换届选举，应当报
//!   上级党组织批准。延长或者提前期限一般不超过1年" (《中国共产党基层组织
//!   选举工作条例》, 2020, §3).
//! - The steps, as a checklist: 请示 → 批复 → 候选人 → 选举大会 → 支委会
//!   分工 → 报批.
//!
//! Who held which post when is kept on each member (`Member::former_posts`,
//! `posts_since`); `committee_history` reads it back as the committee's.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::kind::{Kind, Packing, Scope};
use crate::domain::validate::{Checks, Known};

use crate::domain::meeting::{MeetingKind, MeetingState, Office};
use crate::domain::record_sheet::{election_sheet, ElectionSheet};
use crate::domain::rules::election::evaluate_election;
use crate::domain::time::format_chinese_date;
use crate::domain::{Document, Member, Role};

/// The current committee's term.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Term {
    /// The day the 支部党员大会 elected it.
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub years: u8,
}

impl Term {
    /// "2024年3月20日选举产生，任期3年，至2027年3月20日届满".
    pub fn sentence(&self) -> String {
        format!(
            "本届支部委员会{}选举产生，任期{}年，至{}届满",
            format_chinese_date(self.start),
            self.years,
            format_chinese_date(self.end)
        )
    }
}

/// The term of the committee in office: from the latest 换届 recorded in
/// the app (a held 支部党员大会 that elected 委员, not a 补选), or the day
/// the branch entered in its settings, whichever is later.
pub fn current_term(doc: &Document) -> Option<Term> {
    let recorded = doc
        .meetings
        .iter()
        .filter(|m| m.state == MeetingState::Held && m.counts_as(&MeetingKind::BranchAssembly))
        .filter(|m| {
            m.elections.iter().any(|e| {
                e.office == Office::CommitteeMember
                    && !e.by_election
                    && evaluate_election(m, e, &doc.members)
                        .is_some_and(|o| !o.elected().is_empty())
            })
        })
        .filter_map(|m| m.date)
        .max();
    let start = recorded.max(doc.branch.committee_elected_on)?;
    let years = doc.branch.rules.committee_term_years;
    Some(Term {
        start,
        end: start.checked_add_months(Months::new(u32::from(years) * 12))?,
        years,
    })
}

/// What the home page says about the term.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TermNotice {
    /// Within six months of its end: prepare the 换届.
    Approaching(Term),
    /// Over: 按期换届, or a 延期 approved by the 上级党组织.
    Over(Term),
}

impl TermNotice {
    /// The term and what to do, for the home page.
    pub fn sentence(&self) -> String {
        let term = match self {
            TermNotice::Approaching(t) | TermNotice::Over(t) => t.sentence(),
        };
        format!("{term}。{}", self.advice())
    }

    /// What to do, for a page that shows the term already.
    pub fn advice(&self) -> &'static str {
        match self {
            TermNotice::Approaching(_) => "请提前做好换届准备：向上级党组织报送换届请示。",
            TermNotice::Over(_) => "任期已满。任期届满应当按期换届；如需延期，应当报上级党组织批准，延长期限一般不超过1年。",
        }
    }
}

/// The reminder of `today`, from six months before the term ends.
pub fn term_notice(doc: &Document, today: NaiveDate) -> Option<TermNotice> {
    let term = current_term(doc)?;
    if today >= term.end {
        Some(TermNotice::Over(term))
    } else if term
        .end
        .checked_sub_months(Months::new(6))
        .is_some_and(|from| today >= from)
    {
        Some(TermNotice::Approaching(term))
    } else {
        None
    }
}

/// A 换届 under way, or done: its checklist, a record of its own (a few a
/// decade); the meetings it held are read from their records.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Handover {
    pub id: String,
    /// The day the work began: meetings from it on count for its steps.
    pub started_on: NaiveDate,
    /// The steps ticked by hand, each with its day.
    #[serde(default)]
    pub steps: Vec<StepDone>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepDone {
    pub step: Step,
    pub on: NaiveDate,
}

/// The steps of a 换届, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// 向上级党组织报送换届请示.
    Request,
    /// 上级党组织批复.
    Reply,
    /// 酝酿提出候选人，报上级党组织审查.
    Candidates,
    /// 召开支部党员大会，选举委员.
    Election,
    /// 召开支委会，选举书记、副书记，委员分工.
    Division,
    /// 选举结果报上级党组织: 书记、副书记报批，委员备案.
    Report,
}

impl Step {
    pub const ALL: [Step; 6] = [
        Step::Request,
        Step::Reply,
        Step::Candidates,
        Step::Election,
        Step::Division,
        Step::Report,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Step::Request => "请示：向上级党组织报送换届请示",
            Step::Reply => "批复：上级党组织批复同意换届",
            Step::Candidates => "候选人：酝酿提出委员候选人（差额不少于20%），报上级党组织审查",
            Step::Election => "选举大会：召开支部党员大会，选举支部委员会委员",
            Step::Division => "支委会分工：选举书记、副书记，委员分工",
            Step::Report => "报批：书记、副书记报上级党组织批准，委员报备案",
        }
    }

    /// The short name, for a printed checklist's first column.
    pub fn short(self) -> &'static str {
        match self {
            Step::Request => "请示",
            Step::Reply => "批复",
            Step::Candidates => "候选人",
            Step::Election => "选举大会",
            Step::Division => "支委会分工",
            Step::Report => "报批",
        }
    }
}

impl Kind for Handover {
    fn title(&self, _doc: &crate::domain::Document) -> String {
        format!(
            "换届工作（{}起）",
            crate::domain::time::format_chinese_date(self.started_on)
        )
    }

    fn filed_year(&self) -> Option<i32> {
        // Home counts the term from the last one.
        None
    }

    const NOUN: &'static str = "换届工作记录";
    const COUNTER: &'static str = "份";
    const SKIPPABLE: bool = true;

    /// Its days and steps, naming nobody.
    fn check(list: &[Self], _: &Known, checks: &mut Checks) {
        let mut ids = std::collections::HashSet::new();
        for (i, h) in list.iter().enumerate() {
            let mut c = checks.item(i);
            c.unique_id(&mut ids, &h.id, "换届工作记录");
        }
    }

    /// The secretary's working list: it stays on the phones that keep the
    /// branch's records (members read the term from the branch).
    fn pack(&self, packing: &Packing, _: bool) -> Option<Self> {
        (packing.scope == Scope::Full).then(|| self.clone())
    }

    /// Travels where the record does: between the phones that keep it.
    fn pack_deletion(packing: &Packing, _: bool) -> bool {
        packing.scope == Scope::Full
    }

    fn mentions(&self, _: &str) -> bool {
        false
    }
}

crate::domain::kind::keyed_by_id!(Handover);

/// One line of the checklist: the day it was done, as entered or as the
/// records show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepLine {
    pub step: Step,
    pub done_on: Option<NaiveDate>,
    /// Read from a meeting's record rather than ticked.
    pub from_records: bool,
}

impl Handover {
    pub fn new(id: String, started_on: NaiveDate) -> Handover {
        Handover {
            id,
            started_on,
            steps: Vec::new(),
        }
    }

    pub fn done_on(&self, step: Step) -> Option<NaiveDate> {
        self.steps.iter().find(|s| s.step == step).map(|s| s.on)
    }

    /// Ticks a step done on `on`, or with `None` takes the tick back.
    pub fn set(&mut self, step: Step, on: Option<NaiveDate>) {
        self.steps.retain(|s| s.step != step);
        if let Some(on) = on {
            self.steps.push(StepDone { step, on });
        }
    }
}

/// The checklist of a 换届: each step as ticked, or, for the election, the
/// 分工 and the report, as the meetings recorded since it began show them.
pub fn checklist(doc: &Document, handover: &Handover) -> Vec<StepLine> {
    let since = handover.started_on;
    let from_records = |step: Step| -> Option<NaiveDate> {
        let held = doc
            .meetings
            .iter()
            .filter(|m| m.state == MeetingState::Held)
            .filter(|m| m.date.is_some_and(|d| d >= since));
        let elected = |m: &crate::domain::Meeting, office: Office| {
            m.elections.iter().any(|e| {
                e.office == office
                    && !e.by_election
                    && evaluate_election(m, e, &doc.members)
                        .is_some_and(|o| !o.elected().is_empty())
            })
        };
        match step {
            Step::Election => held
                .filter(|m| elected(m, Office::CommitteeMember))
                .filter_map(|m| m.date)
                .max(),
            Step::Division => held
                .filter(|m| elected(m, Office::Secretary))
                .filter_map(|m| m.date)
                .max(),
            Step::Report => held
                .flat_map(|m| m.elections.iter())
                .filter(|e| e.office == Office::Secretary && !e.by_election)
                .filter_map(|e| e.reported_on)
                .max(),
            _ => None,
        }
    };
    Step::ALL
        .iter()
        .map(|step| match handover.done_on(*step) {
            Some(on) => StepLine {
                step: *step,
                done_on: Some(on),
                from_records: false,
            },
            None => {
                let found = from_records(*step);
                StepLine {
                    step: *step,
                    done_on: found,
                    from_records: found.is_some(),
                }
            }
        })
        .collect()
}

/// Whether every step is done.
pub fn is_done(lines: &[StepLine]) -> bool {
    lines.iter().all(|l| l.done_on.is_some())
}

/// The 换届 under way: the latest, unless all its steps are done.
pub fn under_way(doc: &Document) -> Option<&Handover> {
    let latest = doc.handovers.iter().max_by_key(|h| h.started_on)?;
    (!is_done(&checklist(doc, latest))).then_some(latest)
}

/// One post held on the committee for a while.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tenure {
    pub name: String,
    /// "书记", "组织委员".
    pub post: String,
    pub from: Option<NaiveDate>,
    /// `None` while still held.
    pub until: Option<NaiveDate>,
}

impl Tenure {
    /// "2024年3月20日—", "2021年3月15日—2024年3月20日", "—2024年3月20日",
    /// or "任职日期未登记".
    pub fn span(&self) -> String {
        if self.from.is_none() && self.until.is_none() {
            return "任职日期未登记".into();
        }
        let day = |d: Option<NaiveDate>| d.map(format_chinese_date).unwrap_or_default();
        format!("{}—{}", day(self.from), day(self.until))
    }
}

/// Who held which post on the committee when, latest first: the posts
/// held now and those held before, from every member ever on the roster.
pub fn committee_history(members: &[Member]) -> Vec<Tenure> {
    let post = |role: Role, duty: &str| -> String {
        if role == Role::CommitteeMember && !duty.trim().is_empty() {
            duty.trim().to_string()
        } else {
            role.label().to_string()
        }
    };
    let mut out: Vec<Tenure> = Vec::new();
    for m in members {
        if m.is_active() {
            for role in m.roles.iter().filter(|r| r.is_committee()) {
                out.push(Tenure {
                    name: m.name.clone(),
                    post: post(*role, &m.duty),
                    from: m.posts_since,
                    until: None,
                });
            }
        }
        for p in m.former_posts.iter().filter(|p| p.role.is_committee()) {
            out.push(Tenure {
                name: m.name.clone(),
                post: post(p.role, &p.duty),
                from: p.from,
                until: Some(p.until),
            });
        }
    }
    let rank = |t: &Tenure| {
        ["书记", "副书记"]
            .iter()
            .position(|p| *p == t.post)
            .unwrap_or(2)
    };
    out.sort_by(|a, b| {
        (
            a.until.is_some(),
            std::cmp::Reverse(a.until),
            rank(a),
            &a.name,
        )
            .cmp(&(
                b.until.is_some(),
                std::cmp::Reverse(b.until),
                rank(b),
                &b.name,
            ))
    });
    out
}

/// What the printed 换届工作记录 says: the term, the steps with their days,
/// the renewal's ballots and who held which post when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HandoverSheet {
    pub term: String,
    pub notice: String,
    /// (步骤, 内容, 完成日期) in order; the date "" while open.
    pub steps: Vec<(String, String, String)>,
    pub elections: Vec<ElectionSheet>,
    /// (职务, 姓名, 任职起止).
    pub committee: Vec<(String, String, String)>,
}

impl HandoverSheet {
    /// The sheet as plain text, for the share sheet on phones.
    pub fn as_text(&self, branch: &str) -> String {
        let mut out = vec![
            format!("{branch} 支部委员会换届工作记录"),
            self.term.clone(),
        ];
        out.extend(self.steps.iter().map(|(short, _, on)| {
            format!("{short}：{}", if on.is_empty() { "未完成" } else { on })
        }));
        for e in &self.elections {
            out.push(format!("{}：{}", e.title, e.result));
        }
        out.extend(
            self.committee
                .iter()
                .map(|(post, name, span)| format!("{post} {name} {span}")),
        );
        out.join("\n")
    }
}

/// The 换届 under way, or the latest one, on paper.
pub fn handover_sheet(doc: &Document, today: NaiveDate) -> HandoverSheet {
    let latest = under_way(doc).or_else(|| doc.handovers.iter().max_by_key(|h| h.started_on));
    let steps = match latest {
        Some(h) => checklist(doc, h)
            .into_iter()
            .map(|l| {
                (
                    l.step.short().to_string(),
                    l.step.label().to_string(),
                    l.done_on.map(format_chinese_date).unwrap_or_default(),
                )
            })
            .collect(),
        None => Step::ALL
            .iter()
            .map(|s| (s.short().to_string(), s.label().to_string(), String::new()))
            .collect(),
    };
    let elections = latest
        .map(|h| {
            doc.meetings
                .iter()
                .filter(|m| {
                    m.state == MeetingState::Held && m.date.is_some_and(|d| d >= h.started_on)
                })
                .flat_map(|m| {
                    m.elections
                        .iter()
                        .filter(|e| !e.by_election)
                        .filter_map(move |e| election_sheet(doc, m, e))
                })
                .collect()
        })
        .unwrap_or_default();
    HandoverSheet {
        term: current_term(doc)
            .map(|t| format!("{}。", t.sentence()))
            .unwrap_or_else(|| "本届支部委员会的选举日期未登记。".into()),
        notice: term_notice(doc, today)
            .map(|n| n.advice().to_string())
            .unwrap_or_default(),
        steps,
        elections,
        committee: committee_history(&doc.members)
            .into_iter()
            .map(|t| (t.post.clone(), t.name.clone(), t.span()))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meeting::{Candidate, Election, Presence};
    use crate::domain::roster::change_posts;
    use crate::domain::rules::fixtures::*;

    fn branch_elected_on(on: NaiveDate) -> Document {
        let mut doc = document(&[], full_members("p", 8), Vec::new());
        doc.branch.committee_elected_on = Some(on);
        doc
    }

    #[test]
    fn the_term_lasts_three_years_or_five_as_set() {
        let mut doc = branch_elected_on(day(2024, 3, 20));
        let term = current_term(&doc).unwrap();
        assert_eq!(term.end, day(2027, 3, 20));
        assert_eq!(
            term.sentence(),
            "本届支部委员会2024年3月20日选举产生，任期3年，至2027年3月20日届满"
        );
        doc.branch.rules.committee_term_years = 5;
        assert_eq!(current_term(&doc).unwrap().end, day(2029, 3, 20));
        assert_eq!(current_term(&document(&[], Vec::new(), Vec::new())), None);
    }

    #[test]
    fn the_reminder_to_prepare_the_handover_starts_six_months_before_the_term_ends() {
        let doc = branch_elected_on(day(2024, 3, 20));
        assert_eq!(term_notice(&doc, day(2026, 9, 19)), None, "the day before");
        assert!(matches!(
            term_notice(&doc, day(2026, 9, 20)),
            Some(TermNotice::Approaching(_))
        ));
        assert!(matches!(
            term_notice(&doc, day(2027, 3, 19)),
            Some(TermNotice::Approaching(_))
        ));
        let over = term_notice(&doc, day(2027, 3, 20)).unwrap();
        assert!(matches!(over, TermNotice::Over(_)), "the day it ends");
        assert!(over.sentence().contains("延长期限一般不超过1年"));
    }

    #[test]
    fn a_handover_recorded_in_the_app_starts_the_next_term_and_a_by_election_does_not() {
        let mut doc = branch_elected_on(day(2021, 3, 20));
        let mut m = held("m", MeetingKind::BranchAssembly, day(2024, 3, 22));
        for member in &doc.members {
            mark(&mut m, &member.id, Presence::Present);
        }
        m.elections = vec![Election {
            id: "e1".into(),
            seats: Some(1),
            ballots_issued: Some(8),
            ballots_returned: Some(8),
            candidates: vec![Candidate {
                id: "c".into(),
                member_id: Some("p1".into()),
                name: "党员p1".into(),
                votes: 8,
            }],
            by_election: true,
            ..Election::default()
        }];
        doc.meetings.push(m);
        assert_eq!(current_term(&doc).unwrap().start, day(2021, 3, 20));
        doc.meetings[0].elections[0].by_election = false;
        assert_eq!(current_term(&doc).unwrap().start, day(2024, 3, 22));
        let lines = checklist(&doc, &Handover::new("h".into(), day(2024, 1, 1)));
        let election = lines.iter().find(|l| l.step == Step::Election).unwrap();
        assert_eq!(
            (election.done_on, election.from_records),
            (Some(day(2024, 3, 22)), true)
        );
        assert!(lines
            .iter()
            .filter(|l| l.step != Step::Election)
            .all(|l| l.done_on.is_none()));
    }

    #[test]
    fn the_printed_record_lists_the_steps_and_the_renewals_ballots() {
        let mut doc = branch_elected_on(day(2024, 3, 20));
        let mut h = Handover::new("h".into(), day(2026, 9, 25));
        h.set(Step::Request, Some(day(2026, 10, 8)));
        doc.handovers.push(h);
        let sheet = handover_sheet(&doc, day(2026, 10, 10));
        assert_eq!(sheet.steps.len(), 6);
        assert_eq!(sheet.steps[0].2, "2026年10月8日");
        assert_eq!(sheet.steps[1].2, "");
        assert!(sheet.notice.contains("请提前做好换届准备"));
        assert!(sheet.term.ends_with("至2027年3月20日届满。"));
        assert!(sheet.as_text("第一党支部").contains("请示：2026年10月8日"));
    }

    #[test]
    fn the_committee_history_says_who_held_which_post_when() {
        let mut a = full("a");
        a.name = "王建国".into();
        a.roles = vec![Role::CommitteeMember];
        a.duty = "组织委员".into();
        a.posts_since = Some(day(2021, 3, 20));
        change_posts(
            &mut a,
            vec![Role::Secretary],
            String::new(),
            day(2024, 3, 22),
        );
        let mut b = full("b");
        b.name = "李红".into();
        b.roles = vec![Role::CommitteeMember, Role::GroupLeader];
        b.duty = "宣传委员".into();
        b.posts_since = Some(day(2024, 3, 22));
        let history = committee_history(&[b, a]);
        let lines: Vec<String> = history
            .iter()
            .map(|t| format!("{} {} {}", t.name, t.post, t.span()))
            .collect();
        assert_eq!(
            lines,
            [
                "王建国 书记 2024年3月22日—",
                "李红 宣传委员 2024年3月22日—",
                "王建国 组织委员 2021年3月20日—2024年3月22日",
            ]
        );
    }

    #[test]
    fn a_step_ticked_by_hand_wins_over_the_records_and_can_be_taken_back() {
        let mut doc = branch_elected_on(day(2024, 3, 20));
        let mut h = Handover::new("h".into(), day(2026, 9, 20));
        h.set(Step::Request, Some(day(2026, 10, 8)));
        h.set(Step::Request, Some(day(2026, 10, 9)));
        assert_eq!(h.done_on(Step::Request), Some(day(2026, 10, 9)));
        assert_eq!(checklist(&doc, &h)[0].done_on, Some(day(2026, 10, 9)));
        doc.handovers.push(h.clone());
        assert!(under_way(&doc).is_some());
        h.set(Step::Request, None);
        assert_eq!(h.done_on(Step::Request), None);
        for step in Step::ALL {
            doc.handovers[0].set(step, Some(day(2027, 3, 1)));
        }
        assert!(under_way(&doc).is_none(), "every step done");
    }
}
