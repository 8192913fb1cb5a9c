//! A package that arrives on a phone with no data (a link tapped in the
//! chat, a pasted text): what it is, in one sentence a member reads before
//! anything else, and what taking it does.

use crate::backup::import::Staged;
use crate::domain::roster::MemberStatus;
use crate::domain::{Document, Scope};

/// What the first screen says about a package, and its one button.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arrival {
    /// "王建国发来「示例单位第一党支部」的支部资料包：25 名党员、7 次会议、3 个党小组。"
    pub headline: String,
    /// The button that takes it: 加入这个支部, 恢复到本机, 收下交来的材料.
    pub take: &'static str,
    /// Whether the member is asked "你是谁？" afterwards: a branch's package
    /// or a restore, whose roster holds the member.
    pub asks_who: bool,
}

pub fn arrival(staged: &Staged) -> Arrival {
    let doc = &staged.doc;
    let branch = doc.branch.name.trim();
    let branch = if branch.is_empty() {
        "未命名的支部".to_string()
    } else {
        format!("「{branch}」")
    };
    let sender = staged
        .about
        .sender
        .as_ref()
        .map(|s| s.name.trim().to_string())
        .filter(|name| !name.is_empty());
    let holds = holdings(doc);
    match staged.about.scope {
        Scope::Branch => Arrival {
            headline: match sender {
                Some(name) => format!("{name}发来{branch}的支部资料包：{holds}。"),
                None => format!("收到{branch}的支部资料包：{holds}。"),
            },
            take: "加入这个支部",
            asks_who: true,
        },
        Scope::Full => Arrival {
            headline: match sender {
                Some(name) => format!(
                    "{branch}的完整备份，{name}的手机导出于 {}：{holds}。",
                    staged.exported_at
                ),
                None => format!(
                    "{branch}的完整备份，导出于 {}：{holds}。",
                    staged.exported_at
                ),
            },
            take: "恢复到本机",
            asks_who: true,
        },
        Scope::Return => Arrival {
            headline: format!(
                "{}交给书记的材料（{branch}）：{holds}。",
                sender.unwrap_or_else(|| "党员".into())
            ),
            take: "收下交来的材料",
            asks_who: false,
        },
    }
}

/// "25 名党员、7 次会议、3 个党小组": what a member recognises the branch by;
/// members who left are history, not the branch.
fn holdings(doc: &Document) -> String {
    let members = doc
        .members
        .iter()
        .filter(|m| !matches!(m.status, MemberStatus::Left { .. }))
        .count();
    let mut parts = vec![format!("{members} 名党员")];
    if !doc.meetings.is_empty() {
        parts.push(format!("{} 次会议", doc.meetings.len()));
    }
    if !doc.branch.groups.is_empty() {
        parts.push(format!("{} 个党小组", doc.branch.groups.len()));
    }
    parts.join("、")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backup::package::{About, Sender};
    use crate::domain::sample::example_document;

    fn staged(scope: Scope, sender: Option<&str>) -> Staged {
        let doc =
            example_document(chrono::NaiveDate::from_ymd_opt(2026, 12, 6).unwrap_or_default());
        Staged {
            doc,
            problems: Vec::new(),
            over_limits: Vec::new(),
            mended: Vec::new(),
            skipped: 0,
            exported_at: "2026-12-06 09:00".into(),
            revision: 0,
            about: About {
                scope,
                sender: sender.map(|name| Sender {
                    device: "d".into(),
                    member_id: None,
                    name: name.into(),
                    branch: String::new(),
                }),
                clocks: Default::default(),
            },
        }
    }

    #[test]
    fn a_branch_package_says_who_sent_which_branch_and_what_it_holds() {
        let staged = staged(Scope::Branch, Some("王建国"));
        let members = staged
            .doc
            .members
            .iter()
            .filter(|m| !matches!(m.status, MemberStatus::Left { .. }))
            .count();
        let arrival = arrival(&staged);
        assert_eq!(
            arrival.headline,
            format!(
                "王建国发来「{}」的支部资料包：{members} 名党员、{} 次会议、{} 个党小组。",
                staged.doc.branch.name,
                staged.doc.meetings.len(),
                staged.doc.branch.groups.len()
            )
        );
        assert_eq!(arrival.take, "加入这个支部");
        assert!(arrival.asks_who);
    }

    #[test]
    fn members_who_left_are_not_counted_as_the_branchs() {
        let staged = staged(Scope::Branch, None);
        assert!(staged
            .doc
            .members
            .iter()
            .any(|m| matches!(m.status, MemberStatus::Left { .. })));
        let all = staged.doc.members.len();
        assert!(!arrival(&staged).headline.contains(&format!("{all} 名党员")));
    }

    #[test]
    fn a_full_backup_offers_a_restore_and_a_handed_in_package_names_its_member() {
        let full = arrival(&staged(Scope::Full, Some("王建国")));
        assert!(full
            .headline
            .contains("完整备份，王建国的手机导出于 2026-12-06 09:00"));
        assert_eq!(full.take, "恢复到本机");
        let returned = arrival(&staged(Scope::Return, Some("吴昊")));
        assert!(returned.headline.starts_with("吴昊交给书记的材料"));
        assert!(!returned.asks_who);
    }

    #[test]
    fn an_unsigned_package_of_an_unnamed_branch_still_reads_as_a_sentence() {
        let mut staged = staged(Scope::Branch, None);
        staged.doc.branch.name = " ".into();
        staged.doc.meetings.clear();
        staged.doc.branch.groups.clear();
        let headline = arrival(&staged).headline;
        assert!(headline.starts_with("收到未命名的支部的支部资料包："));
        assert!(headline.ends_with(" 名党员。"));
    }
}
