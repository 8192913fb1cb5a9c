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

use crate::domain::meeting::{MeetingKind, MeetingState, Office};
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
    pub fn sentence(&self) -> String {
        match self {
            TermNotice::Approaching(t) => format!(
                "{}。请提前做好换届准备：向上级党组织报送换届请示。",
                t.sentence()
            ),
            TermNotice::Over(t) => format!(
                "{}，任期已满。任期届满应当按期换届；如需延期，应当报上级党组织批准，延长期限一般不超过1年。",
                t.sentence()
            ),
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

/// A 换届 under way, or done: its checklist and the meetings it held.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Handover {
    pub id: String,
    /// The steps done, each with its day.
    #[serde(default)]
    pub steps: Vec<StepDone>,
    #[serde(default)]
    pub note: String,
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
/// 分工 and the report, as the meetings recorded since `since` show them.
pub fn checklist(doc: &Document, handover: &Handover, since: Option<NaiveDate>) -> Vec<StepLine> {
    let from_records = |step: Step| -> Option<NaiveDate> {
        let held = doc
            .meetings
            .iter()
            .filter(|m| m.state == MeetingState::Held)
            .filter(|m| m.date.is_some_and(|d| since.is_none_or(|s| d >= s)));
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
    /// "2024年3月20日—", "2021年3月15日—2024年3月20日", "—2024年3月20日".
    pub fn span(&self) -> String {
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
        let lines = checklist(&doc, &Handover::default(), Some(day(2024, 1, 1)));
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
        let doc = branch_elected_on(day(2024, 3, 20));
        let mut h = Handover::default();
        h.set(Step::Request, Some(day(2026, 10, 8)));
        h.set(Step::Request, Some(day(2026, 10, 9)));
        assert_eq!(h.done_on(Step::Request), Some(day(2026, 10, 9)));
        assert_eq!(checklist(&doc, &h, None)[0].done_on, Some(day(2026, 10, 9)));
        h.set(Step::Request, None);
        assert_eq!(h.done_on(Step::Request), None);
    }
}
