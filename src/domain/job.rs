//! Whose phone this is, and so what it puts first. There is no account and
//! no server: a phone remembers the roster name picked when it joined
//! (`DeviceState::me`), and the roster says that person's job: the
//! committee runs the branch, a 党小组长 also keeps their group's month, a
//! 党员 has their own 自评, 承诺, study and 交给书记. This decides what is
//! offered first, not what may be seen: every screen still opens (read
//! only), and a member who helps the committee says so on 我的.

use super::roster::Member;

/// What a phone's person does in the branch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Job {
    /// Nobody chosen: the phone that set the branch up (or whose chosen
    /// person is no longer in its roster). It shows everything, as before.
    Keeper,
    /// 书记、副书记 or 支部委员 by the roster: everything.
    Committee,
    /// A member who said "我是支委，显示全部" on this phone (its roster may
    /// be older than their post, or they help the committee): everything.
    ChoseEverything,
    /// 党小组长 of this 党小组 (none when the roster gives them no group):
    /// their own work and their group's month.
    GroupLeader { group_id: Option<String> },
    /// A 党员 without a post, or one who has left the branch: their own
    /// work first.
    Member,
}

/// The person using a phone, as the roster on it says today.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// The roster's id, when the phone's person is in it.
    pub member_id: Option<String>,
    pub name: String,
    pub job: Job,
}

impl Person {
    /// The person `me` names in `members`; `shows_everything` is the
    /// phone's own "我是支委，显示全部".
    pub fn of(members: &[Member], me: Option<&str>, shows_everything: bool) -> Person {
        let Some(member) = me.and_then(|id| members.iter().find(|m| m.id == id)) else {
            return Person {
                member_id: None,
                name: String::new(),
                job: Job::Keeper,
            };
        };
        // A member who left holds no post in this branch any more.
        let job = if member.is_active() && member.is_committee() {
            Job::Committee
        } else if shows_everything {
            Job::ChoseEverything
        } else if member.is_active() && member.has_role(super::Role::GroupLeader) {
            Job::GroupLeader {
                group_id: member.group_id.clone(),
            }
        } else {
            Job::Member
        };
        Person {
            member_id: Some(member.id.clone()),
            name: member.name.clone(),
            job,
        }
    }

    /// Whether the phone offers the committee's work: planning meetings,
    /// marking attendance, writing the record, 支部评诺, the 民主评议 tally.
    pub fn sees_everything(&self) -> bool {
        matches!(
            self.job,
            Job::Keeper | Job::Committee | Job::ChoseEverything
        )
    }

    /// Whether home begins with the person's own work.
    pub fn own_work_first(&self) -> bool {
        !self.sees_everything()
    }

    /// The 党小组 whose month this person keeps.
    pub fn leads_group(&self) -> Option<&str> {
        match &self.job {
            Job::GroupLeader { group_id } => group_id.as_deref(),
            _ => None,
        }
    }

    /// What this phone shows, in words for 我的.
    pub fn describe(&self) -> String {
        match &self.job {
            Job::Keeper => "本机没有选择使用人，显示支部的全部工作。".into(),
            Job::Committee => format!("{}是支委，本机显示支部的全部工作。", self.name),
            Job::ChoseEverything => format!(
                "本机属于{}，已选择“我是支委，显示全部”，显示支部的全部工作。",
                self.name
            ),
            Job::GroupLeader { .. } => format!(
                "本机属于党小组长{}：首页先显示你本人的工作和本党小组的月度工作。",
                self.name
            ),
            Job::Member => format!(
                "本机属于{}：首页先显示你本人的自评、承诺、学习和交给书记的材料。",
                self.name
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules::fixtures::full;
    use crate::domain::{MemberStatus, Reduction, Role};

    fn branch() -> Vec<Member> {
        let mut secretary = full("书记");
        secretary.roles = vec![Role::Secretary];
        let mut leader = full("组长");
        leader.roles = vec![Role::GroupLeader];
        leader.group_id = Some("g1".into());
        let member = full("党员");
        vec![secretary, leader, member]
    }

    fn person(members: &[Member], me: Option<&str>) -> Person {
        Person::of(members, me, false)
    }

    #[test]
    fn a_member_without_a_post_sees_their_own_work_first() {
        let members = branch();
        let me = person(&members, Some(&members[2].id));
        assert_eq!(me.job, Job::Member);
        assert!(me.own_work_first());
        assert!(!me.sees_everything(), "no 安排会议, no attendance buttons");
        assert_eq!(me.member_id.as_deref(), Some(members[2].id.as_str()));
        assert_eq!(me.leads_group(), None);
    }

    #[test]
    fn a_group_leader_also_sees_their_groups_month() {
        let members = branch();
        let me = person(&members, Some(&members[1].id));
        assert_eq!(me.leads_group(), Some("g1"));
        assert!(me.own_work_first());
        assert!(!me.sees_everything());
    }

    #[test]
    fn a_group_leader_without_a_group_has_only_their_own_work() {
        let mut members = branch();
        members[1].group_id = None;
        let me = person(&members, Some(&members[1].id));
        assert_eq!(me.job, Job::GroupLeader { group_id: None });
        assert_eq!(me.leads_group(), None);
    }

    #[test]
    fn a_phone_that_set_the_branch_up_sees_everything() {
        let me = person(&branch(), None);
        assert_eq!(me.job, Job::Keeper);
        assert!(me.sees_everything());
        assert!(!me.own_work_first());
    }

    #[test]
    fn the_committee_sees_everything() {
        let mut members = branch();
        for role in [
            Role::Secretary,
            Role::DeputySecretary,
            Role::CommitteeMember,
        ] {
            members[2].roles = vec![role];
            let me = person(&members, Some(&members[2].id));
            assert_eq!(me.job, Job::Committee, "{role:?}");
            assert!(me.sees_everything());
        }
        // A 委员 who also leads a group runs the branch first.
        members[2].roles = vec![Role::CommitteeMember, Role::GroupLeader];
        assert_eq!(person(&members, Some(&members[2].id)).job, Job::Committee);
    }

    #[test]
    fn a_member_who_became_secretary_by_the_roster_sees_everything() {
        let mut members = branch();
        let id = members[2].id.clone();
        assert!(!person(&members, Some(&id)).sees_everything());
        // The roster that arrives with the next 支部资料包 names them 书记.
        crate::domain::roster::name_secretary(&mut members, &id);
        let me = person(&members, Some(&id));
        assert_eq!(me.job, Job::Committee);
        assert!(me.sees_everything());
        // …and the former 书记's phone now puts their own work first.
        assert!(person(&members, Some(&members[0].id)).own_work_first());
    }

    #[test]
    fn a_member_who_left_the_branch_holds_no_post_in_it() {
        let mut members = branch();
        members[0].status = MemberStatus::Left {
            on: None,
            why: Some(Reduction::TransferredOut),
            reason: String::new(),
        };
        let me = person(&members, Some(&members[0].id));
        assert_eq!(me.job, Job::Member);
        assert_eq!(me.name, members[0].name);
    }

    #[test]
    fn a_phone_whose_person_is_no_longer_in_the_roster_sees_everything() {
        // Nobody can say what their job is: the phone is not locked into a
        // member's view, and 我的 asks who uses it.
        let me = person(&branch(), Some("someone-else"));
        assert_eq!(me.job, Job::Keeper);
        assert_eq!(me.member_id, None);
    }

    #[test]
    fn a_member_who_says_they_are_on_the_committee_sees_everything() {
        let members = branch();
        for who in [1, 2] {
            let me = Person::of(&members, Some(&members[who].id), true);
            assert_eq!(me.job, Job::ChoseEverything);
            assert!(me.sees_everything());
            assert_eq!(me.leads_group(), None);
        }
        // The committee's own phone says why it shows everything: the roster.
        assert_eq!(
            Person::of(&members, Some(&members[0].id), true).job,
            Job::Committee
        );
    }
}
