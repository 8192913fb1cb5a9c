//! Whether a meeting is valid (会议有效). 支部党员大会 (and a 组织生活会,
//! 民主评议 or 主题党日 held as one): more than half of the members with a
//! vote must attend; 预备党员 and members under 留党察看 have no vote and
//! count on neither side. An election (换届、补选) at a 党员大会 needs
//! four fifths of those with a vote (有选举权的到会人数不少于应到会人数的
//! 五分之四). 支委会: more than half of the committee; electing the 书记 or
//! 副书记, more than two thirds (委员会全体会议选举). Other meetings have no
//! quorum rule. Members excluded from 应到会人数 by a recorded decision are
//! left out of the base.
//!
//! Sources: 《中国共产党支部工作条例（试行）》; 《中国共产党基层组织选举
//! 工作条例》(2020) as summarised in "各类党内会议有效人数要求" (2025,
//! wanbiaoku.com/new/6dbbbcca5fb445fca06f40736487b1a9).

use crate::domain::meeting::{Meeting, MeetingKind};
use crate::domain::{Member, Standing};

use super::attendance::{due, is_present, Due};
use super::more_than_half;

/// Who may be left out of 应到会人数, "经报上级党组织同意，并经党员大会
/// 通过" (the 2020 list, as the 2025 summary cited above gives it; the
/// 1990-era list lacked 很难按时回国, 被停止党籍, 被依法留置逮捕 and
/// 流动党员本人申请).
pub const EXCLUSION_REASONS: [&str; 8] = [
    "患有精神疾病或者其他疾病导致不能表达本人意志",
    "受地域、时间等因素限制，很难按时回国参加党内会议",
    "被停止党籍",
    "在留党察看期间",
    "被依法留置、逮捕",
    "年老体弱卧床不起和长期生病生活不能自理",
    "离退休已回原籍长期居住，或工作调动、挂职、蹲点、外出学习或者工作半年以上等，按规定应转走正式组织关系而没有转走",
    "流动党员确因情况特殊无法到会，本人提出申请",
];

/// Whose presence the rule counts, and how many must come.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuorumRule {
    /// 支部党员大会: more than half of those with a vote.
    VotingMembers,
    /// An election at a 支部党员大会: four fifths of those with a vote.
    Election,
    /// 支委会: more than half of the committee.
    Committee,
    /// The 支委会 electing its 书记 or 副书记: more than two thirds.
    CommitteeElection,
}

impl QuorumRule {
    /// The rule of a meeting: by what it counts as, and whether it elects.
    pub fn of(meeting: &Meeting) -> Option<QuorumRule> {
        let elects = !meeting.elections.is_empty();
        if meeting.counts_as(&MeetingKind::BranchAssembly) {
            Some(if elects {
                QuorumRule::Election
            } else {
                QuorumRule::VotingMembers
            })
        } else if meeting.counts_as(&MeetingKind::CommitteeMeeting) {
            Some(if elects {
                QuorumRule::CommitteeElection
            } else {
                QuorumRule::Committee
            })
        } else {
            None
        }
    }

    /// The people counted, as the record names them.
    pub fn counted_label(self) -> &'static str {
        match self {
            QuorumRule::VotingMembers => "有表决权党员",
            QuorumRule::Election => "有选举权党员",
            QuorumRule::Committee | QuorumRule::CommitteeElection => "支部委员",
        }
    }

    /// Counts the committee rather than those with a vote.
    pub fn is_committee(self) -> bool {
        matches!(self, QuorumRule::Committee | QuorumRule::CommitteeElection)
    }

    /// Whether `present` of `due` is enough.
    pub fn met(self, present: usize, due: usize) -> bool {
        match self {
            QuorumRule::Election => due > 0 && present.saturating_mul(5) >= due.saturating_mul(4),
            QuorumRule::CommitteeElection => {
                due > 0 && present.saturating_mul(3) > due.saturating_mul(2)
            }
            _ => more_than_half(present, due),
        }
    }

    /// "达到五分之四", "未超过半数".
    fn enough(self, met: bool) -> &'static str {
        match (self, met) {
            (QuorumRule::Election, true) => "达到五分之四",
            (QuorumRule::Election, false) => "未达到五分之四",
            (QuorumRule::CommitteeElection, true) => "超过三分之二",
            (QuorumRule::CommitteeElection, false) => "未超过三分之二",
            (_, true) => "超过半数",
            (_, false) => "未超过半数",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quorum {
    pub rule: QuorumRule,
    pub due: usize,
    pub present: usize,
    /// 预备党员 present at a 党员大会: named in the record, never counted.
    pub probationary_present: usize,
    /// Members under 留党察看 present: no vote, not counted.
    pub on_probation_present: usize,
    /// Left out of 应到会人数 by a recorded decision.
    pub excluded: usize,
    pub valid: bool,
}

impl Quorum {
    /// "应到会有表决权党员 20 人，实到 12 人，超过半数，会议有效", for the
    /// chair's report and the printed record.
    pub fn sentence(&self) -> String {
        // 会议有效 is the meeting's; whether the election is valid is said
        // once the ballots are counted (收回选票不多于发出选票).
        let elects = matches!(
            self.rule,
            QuorumRule::Election | QuorumRule::CommitteeElection
        );
        let verdict = match (self.valid, elects) {
            (true, _) => "会议有效",
            (false, true) => "会议无效，不能进行选举",
            (false, false) => "会议无效",
        };
        let enough = self.rule.enough(self.valid);
        let mut s = format!(
            "应到会{} {} 人，实到 {} 人，{}，{}",
            self.rule.counted_label(),
            self.due,
            self.present,
            enough,
            verdict
        );
        if self.excluded > 0 {
            s.push_str(&format!(
                "（另有 {} 人经批准不计入应到会人数）",
                self.excluded
            ));
        }
        if self.probationary_present > 0 {
            s.push_str(&format!(
                "（另有预备党员 {} 人出席，无表决权，不计入）",
                self.probationary_present
            ));
        }
        if self.on_probation_present > 0 {
            s.push_str(&format!(
                "（另有留党察看期间的党员 {} 人出席，无表决权，不计入）",
                self.on_probation_present
            ));
        }
        s
    }
}

/// The members whose presence the rule counts: those with a vote (the
/// committee at a 支委会), less those excluded by a recorded decision.
fn counted<'a>(meeting: &Meeting, members: &'a [Member], rule: QuorumRule) -> Vec<Due<'a>> {
    due(meeting, members)
        .into_iter()
        .filter(|d| {
            if rule.is_committee() {
                d.committee
            } else {
                d.votes
            }
        })
        .filter(|d| !meeting.excluded.iter().any(|e| e.member_id == d.member.id))
        .collect()
}

/// How many members the rule counts at `meeting` (`counted`), and how
/// many of them are present: (应到, 实到) of a quorum, a vote's or an
/// election's base and those of it in the room.
pub fn counted_and_present(
    meeting: &Meeting,
    members: &[Member],
    rule: QuorumRule,
) -> (usize, usize) {
    let counted = counted(meeting, members, rule);
    let present = counted
        .iter()
        .filter(|d| is_present(meeting, &d.member.id))
        .count();
    (counted.len(), present)
}

/// The quorum of a meeting that has a rule; `None` for other meetings.
pub fn quorum(meeting: &Meeting, members: &[Member]) -> Option<Quorum> {
    let rule = QuorumRule::of(meeting)?;
    let (due_count, present) = counted_and_present(meeting, members, rule);
    let uncounted: Vec<Due> = due(meeting, members)
        .into_iter()
        .filter(|d| !rule.is_committee() && !d.votes)
        .filter(|d| is_present(meeting, &d.member.id))
        .collect();
    let probationary_present = uncounted
        .iter()
        .filter(|d| d.standing == Standing::Probationary)
        .count();
    Some(Quorum {
        rule,
        due: due_count,
        present,
        probationary_present,
        on_probation_present: uncounted.len() - probationary_present,
        excluded: meeting.excluded.len(),
        valid: rule.met(present, due_count),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meeting::MeetingKind::*;
    use crate::domain::meeting::{Election, Exclusion, Presence};

    fn an_election() -> Vec<Election> {
        vec![Election {
            id: "e1".into(),
            ..Election::default()
        }]
    }
    use crate::domain::roster::Probation;
    use crate::domain::rules::fixtures::*;

    #[test]
    fn exactly_half_is_invalid() {
        let members = full_members("p", 20);
        let q = quorum(&assembly_with(&members, 10), &members).unwrap();
        assert_eq!((q.due, q.present, q.valid), (20, 10, false));
        assert_eq!(
            q.sentence(),
            "应到会有表决权党员 20 人，实到 10 人，未超过半数，会议无效"
        );
    }

    #[test]
    fn one_more_than_half_is_valid() {
        let members = full_members("p", 20);
        let q = quorum(&assembly_with(&members, 11), &members).unwrap();
        assert!(q.valid);
        assert_eq!(
            q.sentence(),
            "应到会有表决权党员 20 人，实到 11 人，超过半数，会议有效"
        );
    }

    #[test]
    fn probationary_members_count_on_neither_side() {
        let mut members = full_members("p", 4);
        members.extend((1..=3).map(|i| probationary(&format!("y{i}"))));
        let mut m = held("m1", BranchAssembly, day(2026, 3, 10));
        for id in ["p1", "p2", "y1", "y2", "y3"] {
            mark(&mut m, id, Presence::Present);
        }
        let q = quorum(&m, &members).unwrap();
        assert_eq!(
            (q.due, q.present, q.probationary_present, q.valid),
            (4, 2, 3, false)
        );
        assert_eq!(
            q.sentence(),
            "应到会有表决权党员 4 人，实到 2 人，未超过半数，会议无效（另有预备党员 3 人出席，无表决权，不计入）"
        );
    }

    #[test]
    fn a_member_under_probation_has_no_vote_and_is_not_counted() {
        let mut members = full_members("p", 4);
        members[3].probation = Some(Probation {
            from: day(2026, 1, 1),
            until: None,
        });
        let mut m = held("m1", BranchAssembly, day(2026, 3, 10));
        for id in ["p1", "p2", "p4"] {
            mark(&mut m, id, Presence::Present);
        }
        let q = quorum(&m, &members).unwrap();
        assert_eq!(
            (q.due, q.present, q.on_probation_present, q.valid),
            (3, 2, 1, true)
        );
        assert!(q.sentence().contains("留党察看期间的党员 1 人出席"));
    }

    #[test]
    fn an_election_needs_four_fifths() {
        let members = full_members("p", 10);
        let mut m = assembly_with(&members, 7);
        m.elections = an_election();
        let q = quorum(&m, &members).unwrap();
        assert_eq!((q.rule, q.valid), (QuorumRule::Election, false));
        assert_eq!(
            q.sentence(),
            "应到会有选举权党员 10 人，实到 7 人，未达到五分之四，会议无效，不能进行选举"
        );
        let mut m = assembly_with(&members, 8);
        m.elections = an_election();
        let q = quorum(&m, &members).unwrap();
        assert!(q.valid);
        assert_eq!(
            q.sentence(),
            "应到会有选举权党员 10 人，实到 8 人，达到五分之四，会议有效",
            "the meeting is valid; the election is valid once the ballots are counted"
        );
    }

    #[test]
    fn members_excluded_by_a_recorded_decision_leave_the_base() {
        let members = full_members("p", 10);
        let mut m = assembly_with(&members, 7);
        m.elections = an_election();
        for id in ["p9", "p10"] {
            m.excluded.push(Exclusion {
                member_id: id.into(),
                reason: "外出半年以上未转关系".into(),
            });
        }
        let q = quorum(&m, &members).unwrap();
        assert_eq!((q.due, q.present, q.valid), (8, 7, true));
        assert!(q.sentence().contains("另有 2 人经批准不计入应到会人数"));
    }

    #[test]
    fn a_meeting_held_as_a_branch_assembly_shows_its_quorum() {
        let members = full_members("p", 4);
        for kind in [OrganizationalLife, DemocraticReview, ThemeDay] {
            let mut m = held("m1", kind, day(2026, 3, 10));
            // A 民主评议 of the whole branch is planned as one already.
            m.also.clear();
            assert_eq!(quorum(&m, &members), None);
            m.also.push(BranchAssembly);
            mark_all_present(&mut m, &members);
            assert_eq!(
                quorum(&m, &members).unwrap().rule,
                QuorumRule::VotingMembers
            );
        }
    }

    #[test]
    fn committee_quorum_counts_committee_members_only() {
        let mut members: Vec<Member> = (1..=5).map(|i| committee(&format!("c{i}"))).collect();
        members.extend(full_members("p", 10));
        let mut m = held("m1", CommitteeMeeting, day(2026, 3, 10));
        for id in ["c1", "c2", "p1", "p2", "p3"] {
            mark(&mut m, id, Presence::Present);
        }
        let q = quorum(&m, &members).unwrap();
        assert_eq!(
            (q.rule, q.due, q.present, q.valid),
            (QuorumRule::Committee, 5, 2, false)
        );
        mark(&mut m, "c3", Presence::Present);
        let q = quorum(&m, &members).unwrap();
        assert!(q.valid);
        assert_eq!(
            q.sentence(),
            "应到会支部委员 5 人，实到 3 人，超过半数，会议有效"
        );
    }

    #[test]
    fn a_committee_electing_its_secretary_needs_more_than_two_thirds() {
        let members: Vec<Member> = (1..=6).map(|i| committee(&format!("c{i}"))).collect();
        let mut m = held("m1", CommitteeMeeting, day(2026, 3, 10));
        m.elections = an_election();
        for id in ["c1", "c2", "c3", "c4"] {
            mark(&mut m, id, Presence::Present);
        }
        let q = quorum(&m, &members).unwrap();
        assert_eq!(
            (q.rule, q.due, q.present),
            (QuorumRule::CommitteeElection, 6, 4)
        );
        assert!(!q.valid, "exactly two thirds is not more");
        mark(&mut m, "c5", Presence::Present);
        let q = quorum(&m, &members).unwrap();
        assert!(q.valid);
        assert_eq!(
            q.sentence(),
            "应到会支部委员 6 人，实到 5 人，超过三分之二，会议有效"
        );
    }

    #[test]
    fn zero_due_is_invalid() {
        let q = quorum(&held("m1", BranchAssembly, day(2026, 3, 10)), &[]).unwrap();
        assert_eq!((q.due, q.present, q.valid), (0, 0, false));
    }

    #[test]
    fn other_meetings_have_no_quorum_rule() {
        let members = full_members("p", 3);
        for kind in [
            GroupMeeting,
            PartyLecture,
            ThemeDay,
            OrganizationalLife,
            Study {
                name: "集中学习".into(),
            },
        ] {
            assert_eq!(quorum(&held("m", kind, day(2026, 3, 10)), &members), None);
        }
        let mut review_in_a_group = held("r", DemocraticReview, day(2026, 3, 10));
        review_in_a_group.group_id = Some("g1".into());
        review_in_a_group.also = vec![BranchAssembly];
        assert_eq!(
            quorum(&review_in_a_group, &members),
            None,
            "自评、互评 in a 党小组 is no 党员大会"
        );
    }
}
