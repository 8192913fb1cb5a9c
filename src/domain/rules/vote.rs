//! Votes (表决) and elections, by the body that decides.
//!
//! - 支部党员大会: a motion passes when those in favour exceed half of the
//!   voting members due (应到会有表决权), not of those present, so staying
//!   away cannot lower the bar (《支部工作条例》). For 接收预备党员 and 转正,
//!   written opinions (书面意见) handed in before the meeting by absent
//!   正式党员 count (《发展党员工作细则》).
//! - 支委会: more than half of the committee members due, 少数服从多数; the
//!   条例 states no rule of its own, so the record says it is the branch's.
//! - Other meetings do not vote.
//! - Without a quorum there is no result: 未达到法定人数，不能表决.
//! - A 转正 is discussed once the 预备期 is over (党章 §7: 预备期满，党的
//!   支部应当及时讨论): a vote dated before it is flagged.
//!
//! Elections are `super::election`.

use crate::domain::meeting::{Counts, Meeting, MeetingKind, Vote, VoteKind};
use crate::domain::time::format_chinese_date;
use crate::domain::Member;

use super::quorum::{counted_and_present, quorum, QuorumRule};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VoteResult {
    Passed,
    Failed,
    /// The meeting did not reach its quorum: no vote could be taken.
    NoQuorum,
    /// A 支委会 voted on what only a 支部党员大会 decides (接收、转正、延长、
    /// 取消): whatever the counts, nothing was decided.
    NotForThisBody,
}

impl VoteResult {
    pub fn label(self) -> &'static str {
        match self {
            VoteResult::Passed => "通过",
            VoteResult::Failed => "未通过",
            VoteResult::NoQuorum => "未达到法定人数，不能表决",
            VoteResult::NotForThisBody => "此项须由支部党员大会讨论决定，支委会不能作出决定",
        }
    }
}

impl VoteKind {
    pub const ALL: [VoteKind; 5] = [
        VoteKind::General,
        VoteKind::AdmitProbationary,
        VoteKind::ConfirmFull,
        VoteKind::ExtendProbation,
        VoteKind::CancelProbation,
    ];

    pub fn label(self) -> &'static str {
        match self {
            VoteKind::General => "一般事项",
            VoteKind::AdmitProbationary => "接收预备党员",
            VoteKind::ConfirmFull => "预备党员转正",
            VoteKind::ExtendProbation => "延长预备期",
            VoteKind::CancelProbation => "取消预备党员资格",
        }
    }

    /// Written opinions of absent 正式党员 count for these (《发展党员
    /// 工作细则》: 接收预备党员, 预备党员转正).
    pub fn takes_written_opinions(self) -> bool {
        matches!(self, VoteKind::AdmitProbationary | VoteKind::ConfirmFull)
    }

    /// Only a 支部党员大会 decides these (《支部工作条例》: 党员大会职权).
    pub fn assembly_only(self) -> bool {
        self != VoteKind::General
    }

    /// A vote about one person, who is named in it.
    pub fn is_about_a_member(self) -> bool {
        self != VoteKind::General
    }
}

/// The body whose rule a vote follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Body {
    Assembly,
    Committee,
}

impl Body {
    /// The body of a meeting, if it is one that decides.
    pub fn of(meeting: &Meeting) -> Option<Body> {
        if meeting.counts_as(&MeetingKind::BranchAssembly) {
            Some(Body::Assembly)
        } else if meeting.counts_as(&MeetingKind::CommitteeMeeting) {
            Some(Body::Committee)
        } else {
            None
        }
    }

    /// "应到会有表决权党员", "应到会支部委员".
    pub fn base_label(self) -> &'static str {
        match self {
            Body::Assembly => "应到会有表决权党员",
            Body::Committee => "应到会支部委员",
        }
    }
}

/// Where a rule comes from, as the printed record says it.
pub fn basis(body: Body, kind: VoteKind) -> &'static str {
    match (body, kind) {
        (Body::Assembly, VoteKind::General) => {
            "依据《中国共产党支部工作条例（试行）》，赞成人数超过应到会有表决权党员的半数为通过。"
        }
        (Body::Assembly, VoteKind::AdmitProbationary | VoteKind::ConfirmFull) => {
            "依据《中国共产党发展党员工作细则》，赞成人数超过应到会有表决权的正式党员的半数为通过；因故不能到会的有表决权的正式党员会前提交的书面意见计入票数。"
        }
        (Body::Assembly, _) => {
            "依据党章第七条和《中国共产党支部工作条例（试行）》，由支部党员大会讨论决定，赞成人数超过应到会有表决权党员的半数为通过。"
        }
        (Body::Committee, _) => "支委会按少数服从多数原则作出决定，赞成人数超过应到会支部委员的半数为通过（本支部规则）。",
    }
}

/// A vote read against its meeting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoteOutcome {
    pub body: Body,
    pub result: VoteResult,
    /// Voting members (or committee members) due: the base of the rule.
    pub base: usize,
    pub present_voters: usize,
    /// In the room and in writing, where written opinions count.
    pub in_favour: u64,
    pub against: u64,
    pub abstain: u64,
    pub warnings: Vec<String>,
}

fn total(c: &Counts) -> u64 {
    u64::from(c.in_favour) + u64::from(c.against) + u64::from(c.abstain)
}

impl VoteOutcome {
    /// "赞成 11 票，反对 2 票，弃权 1 票（含书面意见 …）；应到会有表决权党员 20 人，
    /// 赞成票超过半数，通过".
    pub fn sentence(&self, vote: &Vote) -> String {
        let mut s = format!(
            "赞成 {} 票，反对 {} 票，弃权 {} 票",
            self.in_favour, self.against, self.abstain
        );
        if let Some(w) = vote.written.filter(|_| vote.kind.takes_written_opinions()) {
            if total(&w) > 0 {
                s.push_str(&format!(
                    "（含书面意见 {} 份：赞成 {}、反对 {}、弃权 {}）",
                    total(&w),
                    w.in_favour,
                    w.against,
                    w.abstain
                ));
            }
        }
        let verdict = match self.result {
            VoteResult::Passed => "赞成票超过半数，通过".to_string(),
            VoteResult::Failed => "赞成票未超过半数，未通过".to_string(),
            VoteResult::NoQuorum | VoteResult::NotForThisBody => self.result.label().to_string(),
        };
        format!(
            "{s}；{} {} 人，{verdict}",
            self.body.base_label(),
            self.base
        )
    }
}

/// What the chair reads out as a result, for a motion and a ballot alike:
/// the result in a sentence, whether it is a clean success (shown green:
/// counts still to check make it a question, not a success), and what to
/// check.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ResultLines {
    pub result: String,
    pub clean: bool,
    pub warnings: Vec<String>,
}

impl VoteOutcome {
    /// The result lines of `vote`: clean only when it passed and nothing
    /// is left to check.
    pub fn result_lines(&self, vote: &Vote) -> ResultLines {
        ResultLines {
            result: self.sentence(vote),
            clean: self.result == VoteResult::Passed && self.warnings.is_empty(),
            warnings: self.warnings.clone(),
        }
    }
}

/// Evaluates a vote taken at `meeting`; `None` where the meeting is not a
/// body that decides.
pub fn evaluate_vote(meeting: &Meeting, vote: &Vote, members: &[Member]) -> Option<VoteOutcome> {
    let body = Body::of(meeting)?;
    let rule = match body {
        Body::Assembly => QuorumRule::VotingMembers,
        Body::Committee => QuorumRule::Committee,
    };
    let (base, present_voters) = counted_and_present(meeting, members, rule);
    let room = Counts {
        in_favour: vote.in_favour,
        against: vote.against,
        abstain: vote.abstain,
    };
    let written = vote
        .written
        .filter(|_| body == Body::Assembly && vote.kind.takes_written_opinions())
        .unwrap_or_default();
    let in_favour = u64::from(room.in_favour) + u64::from(written.in_favour);
    let mut warnings = Vec::new();
    if total(&room) > present_voters as u64 {
        warnings.push(format!(
            "会场赞成、反对、弃权合计 {} 票，多于出席的{} {present_voters} 人，请核对",
            total(&room),
            match body {
                Body::Assembly => "有表决权党员",
                Body::Committee => "支部委员",
            }
        ));
    }
    let absent_voters = base - present_voters;
    if total(&written) > absent_voters as u64 {
        warnings.push(format!(
            "书面意见 {} 份，多于未到会的有表决权党员 {absent_voters} 人，请核对",
            total(&written)
        ));
    }
    warnings.extend(before_the_period_ends(meeting, vote, members));
    let quorate = quorum(meeting, members).is_none_or(|q| q.valid);
    let result = if body == Body::Committee && vote.kind.assembly_only() {
        VoteResult::NotForThisBody
    } else if !quorate {
        VoteResult::NoQuorum
    } else if in_favour.saturating_mul(2) > base as u64 && base > 0 {
        VoteResult::Passed
    } else {
        VoteResult::Failed
    };
    Some(VoteOutcome {
        body,
        result,
        base,
        present_voters,
        in_favour,
        against: u64::from(room.against) + u64::from(written.against),
        abstain: u64::from(room.abstain) + u64::from(written.abstain),
        warnings,
    })
}

/// A 转正 put to the vote before the member's 预备期 was over: "预备期满，
/// 党的支部应当及时讨论他能否转为正式党员" (党章 §7). The day it ends is
/// soon enough.
pub fn before_the_period_ends(
    meeting: &Meeting,
    vote: &Vote,
    members: &[Member],
) -> Option<String> {
    if vote.kind != VoteKind::ConfirmFull {
        return None;
    }
    let member = members
        .iter()
        .find(|m| Some(&m.id) == vote.member_id.as_ref())?;
    let ends = member.probation_period_end()?;
    let held = meeting.effective_date()?;
    (held < ends).then(|| {
        format!(
            "{}同志的预备期至{}期满，转正表决早于预备期满（党章第七条：预备期满，党的支部应当及时讨论其能否转为正式党员），请核对会议日期或入党日期",
            member.name,
            format_chinese_date(ends)
        )
    })
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
            motion: "关于调整党小组的决议".into(),
            in_favour,
            against,
            abstain,
            kind: VoteKind::General,
            written: None,
            member_id: None,
            applicant_id: None,
        }
    }

    /// `v` as a vote of `kind` (接收, 转正) with two 书面意见 in favour from
    /// members who could not come.
    fn two_written_for(mut v: Vote, kind: VoteKind) -> Vote {
        v.kind = kind;
        v.written = Some(Counts {
            in_favour: 2,
            against: 0,
            abstain: 0,
        });
        v
    }

    fn assembly(members: &[Member], present: &[&str]) -> Meeting {
        let mut m = held("m1", BranchAssembly, day(2026, 3, 10));
        for member in members {
            let status = if present.contains(&member.id.as_str()) {
                Presence::Present
            } else {
                Presence::Leave
            };
            mark(&mut m, &member.id, status);
        }
        m
    }

    #[test]
    fn in_favour_must_exceed_half_of_the_voting_members_due_not_of_those_present() {
        let members = full_members("p", 20);
        let ids: Vec<String> = (1..=12).map(|i| format!("p{i}")).collect();
        let present: Vec<&str> = ids.iter().map(String::as_str).collect();
        let m = assembly(&members, &present);
        let passed = evaluate_vote(&m, &vote(11, 1, 0), &members).unwrap();
        assert_eq!((passed.result, passed.base), (VoteResult::Passed, 20));
        let failed = evaluate_vote(&m, &vote(10, 0, 2), &members).unwrap();
        assert_eq!(
            failed.result,
            VoteResult::Failed,
            "10 of 20 due is not more than half"
        );
        assert_eq!(
            passed.sentence(&vote(11, 1, 0)),
            "赞成 11 票，反对 1 票，弃权 0 票；应到会有表决权党员 20 人，赞成票超过半数，通过"
        );
    }

    #[test]
    fn result_lines_are_clean_only_for_a_pass_with_nothing_to_check() {
        let members = full_members("p", 10);
        let m = assembly(&members, &["p1", "p2", "p3", "p4", "p5", "p6", "p7"]);
        let passed = vote(6, 1, 0);
        let lines = evaluate_vote(&m, &passed, &members)
            .unwrap()
            .result_lines(&passed);
        assert_eq!(
            lines,
            ResultLines {
                result: "赞成 6 票，反对 1 票，弃权 0 票；应到会有表决权党员 10 人，赞成票超过半数，通过"
                    .into(),
                clean: true,
                warnings: vec![],
            }
        );
        let failed = vote(5, 2, 0);
        let lines = evaluate_vote(&m, &failed, &members)
            .unwrap()
            .result_lines(&failed);
        assert!(!lines.clean, "a failed motion is not shown as a success");
        // More ballots than voters present: passed, but a question.
        let miscounted = vote(8, 0, 0);
        let lines = evaluate_vote(&m, &miscounted, &members)
            .unwrap()
            .result_lines(&miscounted);
        assert!(lines.result.ends_with("通过"), "{}", lines.result);
        assert!(!lines.clean, "counts to check make it a question");
        assert_eq!(lines.warnings.len(), 1);
    }

    #[test]
    fn no_result_when_the_meeting_has_no_quorum() {
        let members = full_members("p", 10);
        let m = assembly(&members, &["p1", "p2", "p3", "p4", "p5"]);
        let outcome = evaluate_vote(&m, &vote(5, 0, 0), &members).unwrap();
        assert_eq!(outcome.result, VoteResult::NoQuorum);
        assert!(outcome
            .sentence(&vote(5, 0, 0))
            .ends_with("未达到法定人数，不能表决"));
    }

    #[test]
    fn written_opinions_count_for_admitting_a_probationary_member() {
        // 10 voting members; 7 came and 5 voted in favour: not more than half
        // of 10 in the room alone, but 2 written opinions in favour make 7.
        let members = full_members("p", 10);
        let m = assembly(&members, &["p1", "p2", "p3", "p4", "p5", "p6", "p7"]);
        let mut v = two_written_for(vote(5, 1, 1), VoteKind::AdmitProbationary);
        let outcome = evaluate_vote(&m, &v, &members).unwrap();
        assert_eq!((outcome.result, outcome.in_favour), (VoteResult::Passed, 7));
        assert!(
            outcome.warnings.is_empty(),
            "a lawful count is not questioned"
        );
        assert!(outcome.sentence(&v).contains("含书面意见 2 份"));
        // A general motion does not count written opinions.
        v.kind = VoteKind::General;
        assert_eq!(
            evaluate_vote(&m, &v, &members).unwrap().result,
            VoteResult::Failed
        );
    }

    #[test]
    fn more_written_opinions_than_absent_voters_are_questioned() {
        let members = full_members("p", 10);
        let m = assembly(
            &members,
            &["p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9"],
        );
        let v = two_written_for(vote(8, 0, 1), VoteKind::ConfirmFull);
        let outcome = evaluate_vote(&m, &v, &members).unwrap();
        assert_eq!(outcome.warnings.len(), 1);
        assert!(outcome.warnings[0].contains("书面意见 2 份"));
    }

    #[test]
    fn more_ballots_than_voters_present_are_questioned() {
        let mut members = full_members("p", 5);
        members.push(probationary("y1"));
        let m = assembly(&members, &["p1", "p2", "p3", "y1"]);
        let counted_wrong = evaluate_vote(&m, &vote(4, 0, 0), &members).unwrap();
        assert_eq!(
            counted_wrong.warnings,
            ["会场赞成、反对、弃权合计 4 票，多于出席的有表决权党员 3 人，请核对"]
        );
    }

    #[test]
    fn a_committee_decides_by_its_members_and_says_the_rule_is_the_branchs() {
        let mut members: Vec<Member> = (1..=5).map(|i| committee(&format!("c{i}"))).collect();
        members.extend(full_members("p", 10));
        let mut m = held("m1", CommitteeMeeting, day(2026, 3, 10));
        for id in ["c1", "c2", "c3", "c4"] {
            mark(&mut m, id, Presence::Present);
        }
        let outcome = evaluate_vote(&m, &vote(3, 1, 0), &members).unwrap();
        assert_eq!(
            (outcome.body, outcome.base, outcome.result),
            (Body::Committee, 5, VoteResult::Passed)
        );
        assert!(outcome
            .sentence(&vote(3, 1, 0))
            .contains("应到会支部委员 5 人"));
        assert!(basis(Body::Committee, VoteKind::General).contains("本支部规则"));
        assert!(!basis(Body::Committee, VoteKind::General).contains("条例"));
    }

    #[test]
    fn a_committee_cannot_admit_or_confirm_a_member_even_when_ticked_as_a_branch_assembly() {
        let mut members: Vec<Member> = (1..=5).map(|i| committee(&format!("c{i}"))).collect();
        members.extend(full_members("p", 10));
        let mut m = held("m1", CommitteeMeeting, day(2026, 3, 10));
        // Stored before the rule: a 支委会 ticked as a 党员大会.
        m.also.push(BranchAssembly);
        mark_all_present(&mut m, &members);
        for kind in VoteKind::ALL {
            let v = Vote {
                kind,
                ..vote(5, 0, 0)
            };
            let outcome = evaluate_vote(&m, &v, &members).unwrap();
            assert_eq!(outcome.body, Body::Committee, "{kind:?}");
            if kind == VoteKind::General {
                assert_eq!(outcome.result, VoteResult::Passed);
            } else {
                assert_eq!(outcome.result, VoteResult::NotForThisBody, "{kind:?}");
                let sentence = outcome.sentence(&v);
                assert!(
                    sentence.ends_with("此项须由支部党员大会讨论决定，支委会不能作出决定"),
                    "{sentence}"
                );
                assert!(!sentence.contains("通过"), "{sentence}");
            }
        }
    }

    #[test]
    fn only_a_branch_assembly_or_a_committee_votes() {
        let members = full_members("p", 3);
        for kind in [GroupMeeting, PartyLecture, ThemeDay, OrganizationalLife] {
            let m = held("m", kind, day(2026, 3, 10));
            assert_eq!(evaluate_vote(&m, &vote(3, 0, 0), &members), None);
        }
        let mut theme_day = held("m", ThemeDay, day(2026, 3, 10));
        theme_day.also.push(BranchAssembly);
        mark_all_present(&mut theme_day, &members);
        assert!(evaluate_vote(&theme_day, &vote(3, 0, 0), &members).is_some());
    }

    #[test]
    fn a_confirmation_vote_before_the_probationary_period_ends_is_flagged() {
        let mut members = full_members("p", 5);
        let mut zheng = probationary("z");
        zheng.name = "郑凯".into();
        zheng.admitted_on = Some(day(2025, 10, 27));
        members.push(zheng);
        let mut v = vote(5, 0, 0);
        v.kind = VoteKind::ConfirmFull;
        v.member_id = Some("z".into());
        let flagged = |members: &[Member], on| {
            let m = assembly(members, &["p1", "p2", "p3", "p4", "p5"]);
            let m = Meeting {
                date: Some(on),
                ..m
            };
            evaluate_vote(&m, &v, members)
                .unwrap()
                .warnings
                .iter()
                .any(|w| w.contains("转正表决早于预备期满"))
        };
        assert!(flagged(&members, day(2026, 10, 20)), "a week early");
        assert!(flagged(&members, day(2026, 10, 26)), "the day before");
        assert!(!flagged(&members, day(2026, 10, 27)), "the day it ends");
        assert!(!flagged(&members, day(2026, 10, 28)), "the day after");
        // Once 转正 is recorded the old vote is still read against the
        // 预备期 it ended.
        members[5].standing = crate::domain::Standing::Full;
        members[5].confirmed_on = Some(day(2026, 10, 27));
        assert!(flagged(&members, day(2026, 10, 26)));
    }

    #[test]
    fn an_extension_or_cancellation_is_decided_at_a_branch_assembly_by_the_assembly_rule() {
        assert!(VoteKind::ExtendProbation.assembly_only());
        assert!(!VoteKind::ExtendProbation.takes_written_opinions());
        assert!(basis(Body::Assembly, VoteKind::CancelProbation).contains("党章第七条"));
        let members = full_members("p", 4);
        let m = assembly(&members, &["p1", "p2", "p3"]);
        let mut v = vote(3, 0, 0);
        v.kind = VoteKind::ExtendProbation;
        assert_eq!(
            evaluate_vote(&m, &v, &members).unwrap().result,
            VoteResult::Passed
        );
    }
}
