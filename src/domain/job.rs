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

/// What a screen changes, named for the rule of who may change it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Area {
    /// Meetings: planning, 签到, the record, votes.
    Meetings,
    /// 党员名册.
    Roster,
    /// 支部信息与规则: the name, the 党小组, local practice.
    BranchSettings,
    /// 换届 and the committee's posts.
    Handover,
    /// 党费.
    Dues,
    /// 年度工作计划、总结、述职.
    YearWork,
    /// 发展党员.
    Development,
    /// The branch's templates.
    Templates,
    /// 谈心谈话.
    Talks,
    /// 党建与业务融合's 重点任务.
    FusionTasks,
    /// The branch's study: 党员每月一讲, OPL 一点课, 晨学, training
    /// outside the branch, and the 学时 they count for.
    Study,
    /// The 汇总 pages: the 民主评议汇总, 支部评诺.
    Tallies,
    /// One 党小组's month.
    GroupMonth { group_id: String },
    /// One member's 承诺 (not the 支部评诺 on it: that is `Tallies`).
    Commitments { member_id: String },
    /// One member's 自评表.
    SelfAssessment { member_id: String },
}

impl Area {
    /// What the area's records are called, for "…由…填写".
    pub fn what(&self) -> &'static str {
        match self {
            Area::Meetings => "会议记录",
            Area::Roster => "党员名册",
            Area::BranchSettings => "支部信息与规则",
            Area::Handover => "换届和支委分工",
            Area::Dues => "党费",
            Area::YearWork => "年度计划、总结和述职",
            Area::Development => "发展党员纪实",
            Area::Templates => "模板",
            Area::Talks => "谈心谈话记录",
            Area::FusionTasks => "融合重点任务",
            Area::Study => "学习记录和学时",
            Area::Tallies => "汇总",
            Area::GroupMonth { .. } => "党小组月度工作",
            Area::Commitments { .. } => "承诺",
            Area::SelfAssessment { .. } => "自评表",
        }
    }

    /// Who keeps it.
    pub fn keeper(&self) -> &'static str {
        match self {
            Area::Roster
            | Area::BranchSettings
            | Area::Handover
            | Area::YearWork
            | Area::Templates
            | Area::Tallies => "支部书记",
            Area::GroupMonth { .. } => "党小组长",
            Area::Commitments { .. } | Area::SelfAssessment { .. } => "党员本人",
            _ => "支委",
        }
    }

    /// The line a phone that may not edit it shows.
    pub fn kept_by(&self) -> String {
        format!("{}由{}填写，本机只供查看。", self.what(), self.keeper())
    }
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

    /// Whether this phone offers the edits of `area`; elsewhere it shows
    /// that area's records as they are, with who keeps them. The one rule
    /// every screen asks: the committee (and a phone that shows everything)
    /// edits all of it, a 党小组长 their own group's month, everyone their
    /// own 承诺 and 自评.
    pub fn may_edit(&self, area: &Area) -> bool {
        if self.sees_everything() {
            return true;
        }
        match area {
            Area::GroupMonth { group_id } => self.leads_group() == Some(group_id.as_str()),
            Area::Commitments { member_id } | Area::SelfAssessment { member_id } => {
                self.member_id.as_deref() == Some(member_id.as_str())
            }
            _ => false,
        }
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

    /// Every area a committee keeps alone.
    fn branch_areas() -> Vec<Area> {
        vec![
            Area::Meetings,
            Area::Roster,
            Area::BranchSettings,
            Area::Handover,
            Area::Dues,
            Area::YearWork,
            Area::Development,
            Area::Templates,
            Area::Talks,
            Area::FusionTasks,
            Area::Study,
            Area::Tallies,
        ]
    }

    fn group(id: &str) -> Area {
        Area::GroupMonth {
            group_id: id.into(),
        }
    }

    fn self_assessment_of(member: &Member) -> Area {
        Area::SelfAssessment {
            member_id: member.id.clone(),
        }
    }

    fn pledges_of(member: &Member) -> Area {
        Area::Commitments {
            member_id: member.id.clone(),
        }
    }

    #[test]
    fn a_member_edits_only_their_own_commitments() {
        let members = branch();
        let me = person(&members, Some(&members[2].id));
        for area in branch_areas() {
            assert!(!me.may_edit(&area), "{area:?}");
        }
        assert!(!me.may_edit(&group("g1")));
        assert!(me.may_edit(&pledges_of(&members[2])));
        assert!(
            !me.may_edit(&pledges_of(&members[1])),
            "another member's 承诺"
        );
    }

    #[test]
    fn a_group_leader_edits_their_own_groups_month_and_reads_the_others() {
        let members = branch();
        let me = person(&members, Some(&members[1].id));
        assert!(me.may_edit(&group("g1")));
        assert!(!me.may_edit(&group("g2")), "another group's month");
        assert!(me.may_edit(&pledges_of(&members[1])));
        assert!(!me.may_edit(&pledges_of(&members[2])));
        for area in branch_areas() {
            assert!(!me.may_edit(&area), "{area:?}");
        }
    }

    #[test]
    fn a_committee_member_edits_everything() {
        let mut members = branch();
        members[2].roles = vec![Role::CommitteeMember];
        let me = person(&members, Some(&members[2].id));
        for area in
            branch_areas()
                .into_iter()
                .chain([group("g1"), group("g2"), pledges_of(&members[1])])
        {
            assert!(me.may_edit(&area), "{area:?}");
        }
    }

    #[test]
    fn the_secretary_edits_everything() {
        let members = branch();
        let me = person(&members, Some(&members[0].id));
        for area in branch_areas()
            .into_iter()
            .chain([group("g1"), pledges_of(&members[2])])
        {
            assert!(me.may_edit(&area), "{area:?}");
        }
    }

    #[test]
    fn a_phone_that_shows_everything_edits_everything() {
        let members = branch();
        for me in [
            Person::of(&members, Some(&members[2].id), true),
            person(&members, None),
        ] {
            for area in branch_areas()
                .into_iter()
                .chain([group("g2"), pledges_of(&members[1])])
            {
                assert!(me.may_edit(&area), "{:?} {area:?}", me.job);
            }
        }
    }

    #[test]
    fn a_member_fills_in_only_their_own_self_assessment() {
        let members = branch();
        for who in [1, 2] {
            let me = person(&members, Some(&members[who].id));
            assert!(me.may_edit(&self_assessment_of(&members[who])));
            let other = if who == 1 { 2 } else { 1 };
            assert!(
                !me.may_edit(&self_assessment_of(&members[other])),
                "another member's 自评"
            );
            assert!(!me.may_edit(&self_assessment_of(&members[0])));
        }
        // The committee's phone may fill in anyone's (a member without a phone).
        let secretary = person(&members, Some(&members[0].id));
        assert!(secretary.may_edit(&self_assessment_of(&members[2])));
        assert!(person(&members, None).may_edit(&self_assessment_of(&members[1])));
        assert_eq!(
            self_assessment_of(&members[1]).kept_by(),
            "自评表由党员本人填写，本机只供查看。"
        );
    }

    #[test]
    fn the_study_records_and_hours_are_kept_by_the_committee() {
        let members = branch();
        for who in [1, 2] {
            assert!(!person(&members, Some(&members[who].id)).may_edit(&Area::Study));
        }
        assert!(person(&members, Some(&members[0].id)).may_edit(&Area::Study));
        assert!(Person::of(&members, Some(&members[2].id), true).may_edit(&Area::Study));
        assert_eq!(
            Area::Study.kept_by(),
            "学习记录和学时由支委填写，本机只供查看。"
        );
    }

    #[test]
    fn a_read_only_screen_says_who_keeps_it() {
        assert_eq!(
            Area::Roster.kept_by(),
            "党员名册由支部书记填写，本机只供查看。"
        );
        assert_eq!(
            group("g1").kept_by(),
            "党小组月度工作由党小组长填写，本机只供查看。"
        );
    }
}
