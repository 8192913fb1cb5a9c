//! Whether a meeting is valid (会议有效). 支部党员大会: more than half of the
//! members with a vote must attend; 预备党员 have no vote and count on
//! neither side. 支委会: more than half of the committee. Other meetings
//! have no quorum rule.

use crate::domain::meeting::{Meeting, MeetingKind};
use crate::domain::Member;

use super::attendance::{due_members, is_present};
use super::more_than_half;

/// Whose presence the rule counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuorumRule {
    /// 支部党员大会: 正式党员 only.
    VotingMembers,
    /// 支委会: the committee members.
    Committee,
}

impl QuorumRule {
    pub fn for_kind(kind: &MeetingKind) -> Option<QuorumRule> {
        match kind {
            MeetingKind::BranchAssembly => Some(QuorumRule::VotingMembers),
            MeetingKind::CommitteeMeeting => Some(QuorumRule::Committee),
            _ => None,
        }
    }

    /// The people counted, as the record names them.
    pub fn counted_label(self) -> &'static str {
        match self {
            QuorumRule::VotingMembers => "有表决权党员",
            QuorumRule::Committee => "支部委员",
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
    pub valid: bool,
}

impl Quorum {
    /// "应到有表决权党员 20 人，实到 12 人，超过半数，会议有效", for the chair's
    /// report and the printed record.
    pub fn sentence(&self) -> String {
        let (half, verdict) = if self.valid {
            ("超过半数", "会议有效")
        } else {
            ("未超过半数", "会议无效")
        };
        let mut s = format!(
            "应到{} {} 人，实到 {} 人，{}，{}",
            self.rule.counted_label(),
            self.due,
            self.present,
            half,
            verdict
        );
        if self.probationary_present > 0 {
            s.push_str(&format!(
                "（另有预备党员 {} 人出席，无表决权，不计入）",
                self.probationary_present
            ));
        }
        s
    }
}

/// The quorum of a 支部党员大会 or 支委会; `None` for other meetings, which
/// have no quorum rule.
pub fn quorum(meeting: &Meeting, members: &[Member]) -> Option<Quorum> {
    let rule = QuorumRule::for_kind(&meeting.kind)?;
    let due = due_members(meeting, members);
    // The committee is counted whole: its members are 正式党员 anyway.
    let (counted, uncounted): (Vec<&Member>, Vec<&Member>) = due
        .into_iter()
        .partition(|m| rule == QuorumRule::Committee || m.standing.can_vote());
    let present = count_present(meeting, &counted);
    Some(Quorum {
        rule,
        due: counted.len(),
        present,
        probationary_present: count_present(meeting, &uncounted),
        valid: more_than_half(present, counted.len()),
    })
}

fn count_present(meeting: &Meeting, people: &[&Member]) -> usize {
    people.iter().filter(|m| is_present(meeting, &m.id)).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meeting::MeetingKind::*;
    use crate::domain::meeting::Presence;
    use crate::domain::rules::fixtures::*;

    fn assembly_with(members: &[Member], present: usize) -> Meeting {
        let mut m = held("m1", BranchAssembly, day(2026, 3, 10));
        for (i, member) in members.iter().enumerate() {
            let status = if i < present {
                Presence::Present
            } else {
                Presence::Leave
            };
            mark(&mut m, &member.id, status);
        }
        m
    }

    #[test]
    fn exactly_half_is_invalid() {
        let members = full_members("p", 20);
        let q = quorum(&assembly_with(&members, 10), &members).unwrap();
        assert_eq!((q.due, q.present, q.valid), (20, 10, false));
        assert_eq!(
            q.sentence(),
            "应到有表决权党员 20 人，实到 10 人，未超过半数，会议无效"
        );
    }

    #[test]
    fn one_more_than_half_is_valid() {
        let members = full_members("p", 20);
        let q = quorum(&assembly_with(&members, 11), &members).unwrap();
        assert!(q.valid);
        assert_eq!(
            q.sentence(),
            "应到有表决权党员 20 人，实到 11 人，超过半数，会议有效"
        );
    }

    #[test]
    fn odd_number_due() {
        let members = full_members("p", 5);
        assert!(!quorum(&assembly_with(&members, 2), &members).unwrap().valid);
        assert!(quorum(&assembly_with(&members, 3), &members).unwrap().valid);
    }

    #[test]
    fn probationary_members_count_on_neither_side() {
        // 4 voting members, 2 present: exactly half. Three 预备党员 present do
        // not make it valid and do not raise the number due.
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
            "应到有表决权党员 4 人，实到 2 人，未超过半数，会议无效（另有预备党员 3 人出席，无表决权，不计入）"
        );
        mark(&mut m, "p3", Presence::Present);
        assert!(quorum(&m, &members).unwrap().valid);
    }

    #[test]
    fn zero_due_is_invalid() {
        let q = quorum(&held("m1", BranchAssembly, day(2026, 3, 10)), &[]).unwrap();
        assert_eq!((q.due, q.present, q.valid), (0, 0, false));
        let only_probationary = vec![probationary("y1")];
        let mut m = held("m1", BranchAssembly, day(2026, 3, 10));
        mark(&mut m, "y1", Presence::Present);
        assert!(!quorum(&m, &only_probationary).unwrap().valid);
    }

    #[test]
    fn unmarked_members_are_not_present() {
        let members = full_members("p", 3);
        let mut m = held("m1", BranchAssembly, day(2026, 3, 10));
        mark(&mut m, "p1", Presence::Present);
        assert!(!quorum(&m, &members).unwrap().valid);
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
            "应到支部委员 5 人，实到 3 人，超过半数，会议有效"
        );
    }

    #[test]
    fn committee_of_four_needs_three() {
        let members: Vec<Member> = (1..=4).map(|i| committee(&format!("c{i}"))).collect();
        let mut m = held("m1", CommitteeMeeting, day(2026, 3, 10));
        mark(&mut m, "c1", Presence::Present);
        mark(&mut m, "c2", Presence::Present);
        assert!(!quorum(&m, &members).unwrap().valid);
        mark(&mut m, "c3", Presence::Present);
        assert!(quorum(&m, &members).unwrap().valid);
    }

    #[test]
    fn other_meetings_have_no_quorum_rule() {
        let members = full_members("p", 3);
        for kind in [
            GroupMeeting,
            PartyLecture,
            ThemeDay,
            OrganizationalLife,
            DemocraticReview,
            HeartToHeart,
            Study {
                name: "集中学习".into(),
            },
        ] {
            assert_eq!(quorum(&held("m", kind, day(2026, 3, 10)), &members), None);
        }
    }
}
