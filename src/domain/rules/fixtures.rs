//! Small builders for the rules' tests, so each test states only what matters.

use chrono::NaiveDate;

use super::recording::{plan_meeting, Plan};
use crate::domain::branch::CommitteeRule;
use crate::domain::meeting::{
    AbsenceReason, Attendance, MakeUp, Meeting, MeetingKind, MeetingState, Presence,
};
use crate::domain::{
    Branch, Document, LocalRules, Member, MemberStatus, PartyGroup, Role, Standing,
};

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn member(id: &str, standing: Standing, roles: &[Role]) -> Member {
    Member {
        roles: roles.to_vec(),
        ..Member::new(id, format!("党员{id}"), standing)
    }
}

pub fn full(id: &str) -> Member {
    member(id, Standing::Full, &[])
}

pub fn probationary(id: &str) -> Member {
    member(id, Standing::Probationary, &[])
}

pub fn committee(id: &str) -> Member {
    member(id, Standing::Full, &[Role::CommitteeMember])
}

pub fn in_group(mut m: Member, group: &str) -> Member {
    m.group_id = Some(group.into());
    m
}

pub fn left(mut m: Member, on: Option<NaiveDate>) -> Member {
    m.status = MemberStatus::Left {
        on,
        why: None,
        reason: String::new(),
    };
    m
}

/// `n` full members with ids `prefix1..prefixN`.
pub fn full_members(prefix: &str, n: usize) -> Vec<Member> {
    (1..=n).map(|i| full(&format!("{prefix}{i}"))).collect()
}

/// A planned meeting of `kind` with nothing recorded and no checklist.
pub fn meeting(id: &str, kind: MeetingKind) -> Meeting {
    Meeting {
        checklist: Vec::new(),
        ..plan_meeting(id, kind, Plan::default(), &[])
    }
}

pub fn held(id: &str, kind: MeetingKind, on: NaiveDate) -> Meeting {
    let mut m = meeting(id, kind);
    m.state = MeetingState::Held;
    m.date = Some(on);
    m
}

pub fn planned(id: &str, kind: MeetingKind, on: NaiveDate) -> Meeting {
    let mut m = meeting(id, kind);
    m.planned_date = Some(on);
    m
}

pub fn mark(meeting: &mut Meeting, member_id: &str, status: Presence) {
    meeting.attendance.push(Attendance {
        member_id: member_id.into(),
        status,
        reason: None,
        makeup: None,
        reason_note: String::new(),
    });
}

pub fn mark_away(meeting: &mut Meeting, member_id: &str, status: Presence, reason: AbsenceReason) {
    meeting.attendance.push(Attendance {
        member_id: member_id.into(),
        status,
        reason: Some(reason),
        makeup: None,
        reason_note: String::new(),
    });
}

pub fn made_up(on: NaiveDate) -> Option<MakeUp> {
    Some(MakeUp {
        done_on: on,
        way: None,
        note: String::new(),
    })
}

pub fn mark_all_present(meeting: &mut Meeting, members: &[Member]) {
    for m in members {
        mark(meeting, &m.id, Presence::Present);
    }
}

/// A 支部党员大会 held on 2026-03-10 with the first `present` of `members`
/// there and the rest on leave.
pub fn assembly_with(members: &[Member], present: usize) -> Meeting {
    let mut m = held("m1", MeetingKind::BranchAssembly, day(2026, 3, 10));
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

/// A branch with a committee (set, not worked out from its few members).
pub fn document(groups: &[&str], members: Vec<Member>, meetings: Vec<Meeting>) -> Document {
    Document {
        branch: Branch {
            rules: LocalRules {
                committee: CommitteeRule::Yes,
                ..LocalRules::default()
            },
            name: "第一党支部".into(),
            groups: groups
                .iter()
                .map(|g| PartyGroup {
                    id: (*g).into(),
                    name: format!("{g}小组"),
                })
                .collect(),
            ..Branch::default()
        },
        members,
        meetings,
        ..Document::default()
    }
}
