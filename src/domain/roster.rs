//! The member roster.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub id: String,
    pub name: String,
    /// The 党小组 id, if the member is in one.
    #[serde(default)]
    pub group_id: Option<String>,
    pub standing: Standing,
    pub role: Role,
    #[serde(default)]
    pub status: MemberStatus,
    /// The day the member joined this branch (入党 or 转入), if it matters:
    /// before it they were not due at its meetings.
    #[serde(default)]
    pub joined_on: Option<chrono::NaiveDate>,
    /// Free text such as a phone extension or "在外挂职"; may be empty.
    #[serde(default)]
    pub note: String,
}

/// 正式党员 vote; 预备党员 take part but have no vote and receive no grade.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    Full,
    Probationary,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Secretary,
    DeputySecretary,
    CommitteeMember,
    GroupLeader,
    Member,
}

/// A member who left stays in the roster so old records keep their names.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "state", deny_unknown_fields)]
pub enum MemberStatus {
    #[default]
    Active,
    Left {
        /// `YYYY-MM-DD`, if known.
        #[serde(default)]
        on: Option<chrono::NaiveDate>,
        #[serde(default)]
        reason: String,
    },
}

impl Standing {
    pub const ALL: [Standing; 2] = [Standing::Full, Standing::Probationary];

    pub fn label(self) -> &'static str {
        match self {
            Standing::Full => "正式党员",
            Standing::Probationary => "预备党员",
        }
    }

    pub fn can_vote(self) -> bool {
        self == Standing::Full
    }
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Secretary,
        Role::DeputySecretary,
        Role::CommitteeMember,
        Role::GroupLeader,
        Role::Member,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Role::Secretary => "书记",
            Role::DeputySecretary => "副书记",
            Role::CommitteeMember => "委员",
            Role::GroupLeader => "党小组长",
            Role::Member => "党员",
        }
    }

    /// Members of the 支部委员会: its quorum counts these.
    pub fn is_committee(self) -> bool {
        matches!(
            self,
            Role::Secretary | Role::DeputySecretary | Role::CommitteeMember
        )
    }
}

impl Member {
    pub fn is_active(&self) -> bool {
        self.status == MemberStatus::Active
    }
}

/// The roster in the order people expect: committee first, then by 党小组
/// and name, members who left at the end.
pub fn display_order(members: &[Member]) -> Vec<&Member> {
    let mut sorted: Vec<&Member> = members.iter().collect();
    sorted.sort_by(|a, b| {
        (!a.is_active(), role_rank(a.role), &a.group_id, &a.name).cmp(&(
            !b.is_active(),
            role_rank(b.role),
            &b.group_id,
            &b.name,
        ))
    });
    sorted
}

/// (id, name) of the active members in display order, for pickers.
pub fn active_names(members: &[Member]) -> Vec<(String, String)> {
    display_order(members)
        .into_iter()
        .filter(|m| m.is_active())
        .map(|m| (m.id.clone(), m.name.clone()))
        .collect()
}

fn role_rank(role: Role) -> usize {
    Role::ALL
        .iter()
        .position(|r| *r == role)
        .unwrap_or(usize::MAX)
}

/// Puts into `target` (the member as stored now) the fields the form
/// changed from `original` (as it was opened) to `edited`: a form open for
/// a while never writes fields nobody touched over a newer copy.
pub fn apply_form_changes(target: &mut Member, original: &Member, edited: &Member) {
    macro_rules! changed {
        ($($field:ident),*) => {
            $(if edited.$field != original.$field {
                target.$field = edited.$field.clone();
            })*
        };
    }
    changed!(name, group_id, standing, role, status, joined_on, note);
}

/// Why a name cannot be saved as typed, if it cannot.
pub fn check_member_name(name: &str) -> Result<String, &'static str> {
    let trimmed = name.trim();
    if trimmed.is_empty() {
        return Err("请填写姓名");
    }
    if trimmed.chars().count() > 40 {
        return Err("姓名不能超过 40 个字");
    }
    Ok(trimmed.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(id: &str, name: &str, role: Role, active: bool) -> Member {
        Member {
            id: id.into(),
            name: name.into(),
            group_id: None,
            standing: Standing::Full,
            role,
            status: if active {
                MemberStatus::Active
            } else {
                MemberStatus::Left {
                    on: None,
                    reason: String::new(),
                }
            },
            note: String::new(),
            joined_on: None,
        }
    }

    #[test]
    fn secretary_first_and_members_who_left_last() {
        let members = vec![
            member("1", "乙", Role::Member, false),
            member("2", "甲", Role::Member, true),
            member("3", "丙", Role::Secretary, true),
        ];
        let names: Vec<_> = display_order(&members)
            .iter()
            .map(|m| m.name.clone())
            .collect();
        assert_eq!(names, ["丙", "甲", "乙"]);
    }

    #[test]
    fn probationary_members_have_no_vote() {
        assert!(Standing::Full.can_vote());
        assert!(!Standing::Probationary.can_vote());
    }

    #[test]
    fn a_form_saves_only_the_fields_it_changed() {
        let original = member("1", "甲", Role::Member, true);
        let mut edited = original.clone();
        edited.note = "新备注".into();
        let mut stored = original.clone();
        stored.name = "另一页改的名字".into();
        apply_form_changes(&mut stored, &original, &edited);
        assert_eq!(stored.name, "另一页改的名字");
        assert_eq!(stored.note, "新备注");
    }

    #[test]
    fn names_are_trimmed_and_required() {
        assert_eq!(check_member_name("  张三 "), Ok("张三".to_string()));
        assert!(check_member_name("   ").is_err());
        assert!(check_member_name(&"长".repeat(41)).is_err());
    }
}
