//! The result of a vote (表决) by the 条例's rule: a motion passes when those
//! in favour exceed half of the voting members due (应到有表决权), not half
//! of those present, so staying away cannot lower the bar.

use crate::domain::meeting::{Meeting, Vote};
use crate::domain::Member;

use super::attendance::{due_members, is_present};
use super::more_than_half;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VoteResult {
    Passed,
    Failed,
}

impl VoteResult {
    pub fn label(self) -> &'static str {
        match self {
            VoteResult::Passed => "通过",
            VoteResult::Failed => "未通过",
        }
    }
}

/// The result for a given number of voting members due.
pub fn vote_result(vote: &Vote, voting_due: usize) -> VoteResult {
    if more_than_half(vote.in_favour as usize, voting_due) {
        VoteResult::Passed
    } else {
        VoteResult::Failed
    }
}

/// A warning when more ballots were counted than voters were present, which
/// means a typing error or a 预备党员 counted as a voter.
pub fn ballot_warning(vote: &Vote, voting_present: usize) -> Option<String> {
    let cast = ballots_cast(vote);
    (cast > voting_present as u64).then(|| {
        format!(
            "赞成、反对、弃权合计 {cast} 票，多于出席的有表决权党员 {voting_present} 人，请核对"
        )
    })
}

fn ballots_cast(vote: &Vote) -> u64 {
    u64::from(vote.in_favour) + u64::from(vote.against) + u64::from(vote.abstain)
}

/// A vote read against its meeting's roster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoteOutcome {
    pub result: VoteResult,
    pub voting_due: usize,
    pub voting_present: usize,
    pub warning: Option<String>,
}

impl VoteOutcome {
    /// "赞成 11 票，反对 2 票，弃权 1 票；应到有表决权党员 20 人，赞成票超过半数，通过".
    pub fn sentence(&self, vote: &Vote) -> String {
        let half = match self.result {
            VoteResult::Passed => "赞成票超过半数",
            VoteResult::Failed => "赞成票未超过半数",
        };
        format!(
            "赞成 {} 票，反对 {} 票，弃权 {} 票；应到有表决权党员 {} 人，{}，{}",
            vote.in_favour,
            vote.against,
            vote.abstain,
            self.voting_due,
            half,
            self.result.label()
        )
    }
}

/// Evaluates a vote taken at `meeting`: who is due follows the meeting type
/// (the committee at a 支委会), and only 正式党员 vote.
pub fn evaluate_vote(meeting: &Meeting, vote: &Vote, members: &[Member]) -> VoteOutcome {
    let voters: Vec<&Member> = due_members(meeting, members)
        .into_iter()
        .filter(|m| m.standing.can_vote())
        .collect();
    let voting_present = voters.iter().filter(|m| is_present(meeting, &m.id)).count();
    VoteOutcome {
        result: vote_result(vote, voters.len()),
        voting_due: voters.len(),
        voting_present,
        warning: ballot_warning(vote, voting_present),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meeting::MeetingKind::*;
    use crate::domain::meeting::Presence;
    use crate::domain::rules::fixtures::*;

    fn vote(in_favour: u32, against: u32, abstain: u32) -> Vote {
        Vote {
            id: "v1".into(),
            motion: "接收张三为预备党员".into(),
            in_favour,
            against,
            abstain,
        }
    }

    #[test]
    fn in_favour_must_exceed_half_of_those_due() {
        assert_eq!(vote_result(&vote(10, 0, 0), 20), VoteResult::Failed);
        assert_eq!(vote_result(&vote(11, 0, 0), 20), VoteResult::Passed);
        assert_eq!(vote_result(&vote(2, 0, 0), 5), VoteResult::Failed);
        assert_eq!(vote_result(&vote(3, 2, 0), 5), VoteResult::Passed);
    }

    #[test]
    fn unanimous_among_present_fails_when_too_few_came() {
        // 12 of 20 present and all 12 in favour passes; 10 of 20 in favour
        // fails even though nobody voted against.
        assert_eq!(vote_result(&vote(12, 0, 0), 20), VoteResult::Passed);
        assert_eq!(vote_result(&vote(10, 0, 0), 20), VoteResult::Failed);
    }

    #[test]
    fn nothing_passes_with_nobody_due() {
        assert_eq!(vote_result(&vote(0, 0, 0), 0), VoteResult::Failed);
        assert_eq!(vote_result(&vote(1, 0, 0), 0), VoteResult::Failed);
    }

    #[test]
    fn labels() {
        assert_eq!(VoteResult::Passed.label(), "通过");
        assert_eq!(VoteResult::Failed.label(), "未通过");
    }

    #[test]
    fn ballots_may_equal_but_not_exceed_voters_present() {
        assert_eq!(ballot_warning(&vote(10, 1, 1), 12), None);
        assert_eq!(ballot_warning(&vote(5, 0, 0), 12), None);
        assert_eq!(
            ballot_warning(&vote(10, 2, 1), 12).as_deref(),
            Some("赞成、反对、弃权合计 13 票，多于出席的有表决权党员 12 人，请核对")
        );
    }

    #[test]
    fn huge_counts_do_not_overflow() {
        assert!(ballot_warning(&vote(u32::MAX, u32::MAX, u32::MAX), 3).is_some());
        assert_eq!(vote_result(&vote(u32::MAX, 0, 0), 3), VoteResult::Passed);
    }

    #[test]
    fn evaluated_against_the_meeting_roster() {
        let mut members = full_members("p", 5);
        members.push(probationary("y1"));
        let mut m = held("m1", BranchAssembly, day(2026, 3, 10));
        for id in ["p1", "p2", "p3", "y1"] {
            mark(&mut m, id, Presence::Present);
        }
        let passed = evaluate_vote(&m, &vote(3, 0, 0), &members);
        assert_eq!(
            passed,
            VoteOutcome {
                result: VoteResult::Passed,
                voting_due: 5,
                voting_present: 3,
                warning: None
            }
        );
        assert_eq!(
            passed.sentence(&vote(3, 0, 0)),
            "赞成 3 票，反对 0 票，弃权 0 票；应到有表决权党员 5 人，赞成票超过半数，通过"
        );
        // The 预备党员's hand raised by mistake shows up as a warning.
        let counted_wrong = evaluate_vote(&m, &vote(4, 0, 0), &members);
        assert!(counted_wrong.warning.is_some());
        let failed = evaluate_vote(&m, &vote(2, 1, 0), &members);
        assert_eq!(failed.result, VoteResult::Failed);
        assert!(failed
            .sentence(&vote(2, 1, 0))
            .ends_with("赞成票未超过半数，未通过"));
    }

    #[test]
    fn committee_votes_count_the_committee() {
        let mut members: Vec<Member> = (1..=3).map(|i| committee(&format!("c{i}"))).collect();
        members.extend(full_members("p", 10));
        let mut m = held("m1", CommitteeMeeting, day(2026, 3, 10));
        mark_all_present(&mut m, &members);
        let outcome = evaluate_vote(&m, &vote(2, 1, 0), &members);
        assert_eq!((outcome.voting_due, outcome.voting_present), (3, 3));
        assert_eq!(outcome.result, VoteResult::Passed);
    }
}
