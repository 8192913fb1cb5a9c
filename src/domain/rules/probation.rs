//! The 预备期 and what the branch owes a 预备党员: "预备党员预备期满，党的
//! 支部应当及时讨论他能否转为正式党员…可以延长预备期，但不能超过一年…
//! 取消预备党员资格" (党章 §7). The reminder to discuss a 转正 ends once a
//! 支部党员大会 has voted on it for that member (the vote names them); what
//! the vote decided is then entered in the roster.

use chrono::{Days, NaiveDate};

use crate::domain::meeting::{Meeting, MeetingState, Vote, VoteKind};
use crate::domain::{Document, Member};

use super::vote::{evaluate_vote, Body, VoteResult};

/// What the home page says about one 预备党员.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProbationNotice {
    /// The 预备期 ends (or ended) on this day and no vote is recorded yet:
    /// "请及时讨论其转正".
    Discuss { ends: NaiveDate },
    /// A 支部党员大会 voted on this day; the roster has yet to say what it
    /// decided.
    Record {
        voted_on: NaiveDate,
        kind: VoteKind,
        result: VoteResult,
    },
}

impl ProbationNotice {
    /// The line the home page shows for `name`.
    pub fn sentence(&self, name: &str) -> String {
        use crate::domain::time::format_chinese_date as day;
        match self {
            ProbationNotice::Discuss { ends } => {
                format!("{name}同志预备期至{}，请及时讨论其转正。", day(*ends))
            }
            ProbationNotice::Record {
                voted_on,
                kind,
                result: VoteResult::Passed,
            } => {
                let what = match kind {
                    VoteKind::ExtendProbation => "延长预备期，请在名册中填写延长至何时",
                    VoteKind::CancelProbation => {
                        "取消预备党员资格，报上级党组织批准后，请在名册中办理减少"
                    }
                    _ => "转为正式党员，报上级党组织审批后，请在名册中登记转正日期",
                };
                format!("{}支部党员大会通过{name}同志{what}。", day(*voted_on))
            }
            ProbationNotice::Record { voted_on, .. } => format!(
                "{}支部党员大会关于{name}同志的表决未通过，请研究延长预备期或取消预备党员资格。",
                day(*voted_on)
            ),
        }
    }
}

/// Each active 预备党员 the branch owes something: their 预备期 ends
/// within `days` of `today` (or has ended) and nothing is voted yet, or a
/// vote is recorded that the roster does not show yet.
pub fn probation_notices(
    doc: &Document,
    today: NaiveDate,
    days: u64,
) -> Vec<(&Member, ProbationNotice)> {
    let horizon = today.checked_add_days(Days::new(days)).unwrap_or(today);
    doc.members
        .iter()
        .filter(|m| m.is_active())
        .filter_map(|m| {
            let ends = m.probationary_period_ends()?;
            let notice = match last_decision(doc, m) {
                Some((meeting, vote)) => ProbationNotice::Record {
                    voted_on: meeting.effective_date()?,
                    kind: vote.kind,
                    result: evaluate_vote(meeting, vote, &doc.members)?.result,
                },
                None if ends <= horizon => ProbationNotice::Discuss { ends },
                None => return None,
            };
            Some((m, notice))
        })
        .collect()
}

/// The latest 转正, 延长预备期 or 取消预备党员资格 vote about `member` at a
/// held meeting since the current 预备期 began: after an extension, only a
/// vote after the one that extended it.
pub fn last_decision<'a>(doc: &'a Document, member: &Member) -> Option<(&'a Meeting, &'a Vote)> {
    let since = match &member.extension {
        Some(e) => e.decided_on.succ_opt()?,
        None => member.admitted_on.unwrap_or(NaiveDate::MIN),
    };
    doc.meetings
        .iter()
        .filter(|m| m.state == MeetingState::Held)
        // Only a 支部党员大会 decides these: a 支委会's vote ends nothing.
        .filter(|m| Body::of(m) == Some(Body::Assembly))
        .filter(|m| m.effective_date().is_some_and(|d| d >= since))
        .flat_map(|m| m.votes.iter().map(move |v| (m, v)))
        .filter(|(_, v)| v.member_id.as_deref() == Some(member.id.as_str()))
        .filter(|(_, v)| {
            matches!(
                v.kind,
                VoteKind::ConfirmFull | VoteKind::ExtendProbation | VoteKind::CancelProbation
            )
        })
        .max_by_key(|(m, _)| m.effective_date())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meeting::MeetingKind::BranchAssembly;
    use crate::domain::meeting::Presence;
    use crate::domain::roster::Extension;
    use crate::domain::rules::fixtures::*;

    fn branch_with(admitted: NaiveDate) -> Document {
        let mut p = probationary("y");
        p.name = "郑凯".into();
        p.admitted_on = Some(admitted);
        let mut members = full_members("p", 5);
        members.push(p);
        document(&[], members, Vec::new())
    }

    fn vote_about(doc: &mut Document, on: NaiveDate, kind: VoteKind) {
        let mut m = held(&format!("m{on}"), BranchAssembly, on);
        for id in ["p1", "p2", "p3", "p4", "p5"] {
            mark(&mut m, id, Presence::Present);
        }
        m.votes.push(Vote {
            id: "v1".into(),
            motion: kind.label().into(),
            in_favour: 5,
            against: 0,
            abstain: 0,
            kind,
            written: None,
            member_id: Some("y".into()),
        });
        doc.meetings.push(m);
    }

    #[test]
    fn the_reminder_to_discuss_a_confirmation_starts_a_month_before_the_period_ends() {
        let doc = branch_with(day(2025, 12, 20));
        let shown = |today| !probation_notices(&doc, today, 31).is_empty();
        assert!(!shown(day(2026, 11, 18)), "the day before");
        assert!(shown(day(2026, 11, 19)), "31 days before it ends");
        assert!(shown(day(2026, 12, 21)), "after it ended");
        let line = probation_notices(&doc, day(2026, 12, 1), 31)[0]
            .1
            .sentence("郑凯");
        assert_eq!(line, "郑凯同志预备期至2026年12月20日，请及时讨论其转正。");
    }

    #[test]
    fn the_reminder_ends_when_the_confirmation_vote_is_recorded_for_that_member() {
        let mut doc = branch_with(day(2025, 12, 20));
        vote_about(&mut doc, day(2026, 12, 22), VoteKind::ConfirmFull);
        let notices = probation_notices(&doc, day(2026, 12, 23), 31);
        assert_eq!(notices.len(), 1);
        let line = notices[0].1.sentence("郑凯");
        assert!(!line.contains("请及时讨论"), "{line}");
        assert!(line.contains("请在名册中登记转正日期"));
        // A vote about someone else does not end it.
        doc.meetings[0].votes[0].member_id = Some("p1".into());
        let line = probation_notices(&doc, day(2026, 12, 23), 31)[0]
            .1
            .sentence("郑凯");
        assert!(line.contains("请及时讨论"));
        // Once the roster says 正式党员 nothing is owed.
        doc.meetings[0].votes[0].member_id = Some("y".into());
        let member = doc.member_mut("y").unwrap();
        member.standing = crate::domain::Standing::Full;
        member.confirmed_on = Some(day(2026, 12, 20));
        assert!(probation_notices(&doc, day(2026, 12, 23), 31).is_empty());
    }

    #[test]
    fn a_committee_meetings_confirmation_vote_does_not_end_the_reminder() {
        let mut doc = branch_with(day(2025, 12, 20));
        vote_about(&mut doc, day(2026, 12, 22), VoteKind::ConfirmFull);
        // The same vote at a 支委会, even one stored ticked as a 党员大会
        // before the rule: only the 支部党员大会 decides a 转正.
        doc.meetings[0].kind = crate::domain::meeting::MeetingKind::CommitteeMeeting;
        doc.meetings[0].also = vec![BranchAssembly];
        let line = probation_notices(&doc, day(2026, 12, 23), 31)[0]
            .1
            .sentence("郑凯");
        assert!(line.contains("请及时讨论"), "{line}");
        // At the 党员大会 it does.
        doc.meetings[0].kind = BranchAssembly;
        doc.meetings[0].also.clear();
        let line = probation_notices(&doc, day(2026, 12, 23), 31)[0]
            .1
            .sentence("郑凯");
        assert!(!line.contains("请及时讨论"), "{line}");
    }

    #[test]
    fn after_an_extension_the_reminder_returns_before_the_extended_period_ends() {
        let mut doc = branch_with(day(2025, 3, 10));
        vote_about(&mut doc, day(2026, 3, 12), VoteKind::ExtendProbation);
        let line = probation_notices(&doc, day(2026, 3, 13), 31)[0]
            .1
            .sentence("郑凯");
        assert!(line.contains("延长预备期，请在名册中填写延长至何时"));
        doc.member_mut("y").unwrap().extension = Some(Extension {
            decided_on: day(2026, 3, 12),
            until: day(2026, 9, 10),
        });
        assert!(probation_notices(&doc, day(2026, 8, 9), 31).is_empty());
        let notices = probation_notices(&doc, day(2026, 8, 10), 31);
        assert_eq!(
            notices[0].1,
            ProbationNotice::Discuss {
                ends: day(2026, 9, 10)
            }
        );
    }
}
