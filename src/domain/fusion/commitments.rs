//! 承诺践诺评诺: a member makes 2–5 commitments a year (学习 / 工作 / 自律 /
//! 服务), notes how they are kept during the year, self-rates them at year
//! end, and the branch adds its assessment. The record is the member's own
//! (it travels in the member's return to the secretary); the branch's
//! assessment is a separate list so the two phones never edit the same part.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::kind::{Kind, Packing};
use crate::domain::limits;
use crate::domain::validate::{Checks, Known};

/// How many commitments a year the practice asks for.
pub const USUAL_COUNT: std::ops::RangeInclusive<usize> = 2..=5;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentKind {
    #[default]
    Study,
    Work,
    Discipline,
    Service,
}

impl CommitmentKind {
    pub const ALL: [CommitmentKind; 4] = [
        CommitmentKind::Study,
        CommitmentKind::Work,
        CommitmentKind::Discipline,
        CommitmentKind::Service,
    ];

    pub fn label(self) -> &'static str {
        match self {
            CommitmentKind::Study => "学习",
            CommitmentKind::Work => "工作",
            CommitmentKind::Discipline => "自律",
            CommitmentKind::Service => "服务",
        }
    }
}

/// 已兑现 / 部分兑现 / 未兑现.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fulfilment {
    Kept,
    Partly,
    NotKept,
}

impl Fulfilment {
    pub const ALL: [Fulfilment; 3] = [Fulfilment::Kept, Fulfilment::Partly, Fulfilment::NotKept];

    pub fn label(self) -> &'static str {
        match self {
            Fulfilment::Kept => "已兑现",
            Fulfilment::Partly => "部分兑现",
            Fulfilment::NotKept => "未兑现",
        }
    }
}

/// 践诺记录: a dated note of how a commitment is being kept.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeptNote {
    pub id: String,
    #[serde(default)]
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub text: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Commitment {
    pub id: String,
    #[serde(default)]
    pub kind: CommitmentKind,
    /// 承诺内容.
    #[serde(default)]
    pub text: String,
    /// 时限, as the member writes it ("年底前", "6月底").
    #[serde(default)]
    pub deadline: String,
    #[serde(default)]
    pub notes: Vec<KeptNote>,
    /// 自评, at year end.
    #[serde(default)]
    pub self_rating: Option<Fulfilment>,
}

/// 评诺 by the 党小组 or 支委会, for one commitment.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BranchRating {
    /// The commitment's id.
    pub id: String,
    #[serde(default)]
    pub rating: Option<Fulfilment>,
    #[serde(default)]
    pub comment: String,
}

/// A member's commitments of one year.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberCommitments {
    /// `cm-<member>-<year>`: one record per member and year.
    pub id: String,
    pub member_id: String,
    pub year: i32,
    /// 公开日期 (usually at the start of the year).
    #[serde(default)]
    pub published_on: Option<NaiveDate>,
    #[serde(default)]
    pub items: Vec<Commitment>,
    #[serde(default)]
    pub branch_ratings: Vec<BranchRating>,
    /// 群众意见, optional.
    #[serde(default)]
    pub public_opinion: String,
}

impl MemberCommitments {
    pub fn id_for(member_id: &str, year: i32) -> String {
        format!("cm-{member_id}-{year}")
    }

    pub fn new(member_id: &str, year: i32) -> MemberCommitments {
        MemberCommitments {
            id: MemberCommitments::id_for(member_id, year),
            member_id: member_id.to_string(),
            year,
            ..MemberCommitments::default()
        }
    }

    /// Commitments with something written.
    pub fn written(&self) -> impl Iterator<Item = &Commitment> {
        self.items.iter().filter(|c| !c.text.trim().is_empty())
    }

    pub fn branch_rating(&self, commitment_id: &str) -> Option<&BranchRating> {
        self.branch_ratings.iter().find(|r| r.id == commitment_id)
    }

    /// A quiet hint, never a blocker: the practice asks for 2–5.
    pub fn count_hint(&self) -> Option<String> {
        let n = self.written().count();
        if n == 0 || USUAL_COUNT.contains(&n) {
            None
        } else if n < *USUAL_COUNT.start() {
            Some(format!("一般每年作出 2—5 项承诺，目前 {n} 项"))
        } else {
            Some(format!("一般每年作出 2—5 项承诺，目前 {n} 项，可以精简"))
        }
    }

    /// Written commitments by category, in the fixed order, with counts.
    pub fn by_kind(&self) -> Vec<(CommitmentKind, usize)> {
        CommitmentKind::ALL
            .iter()
            .map(|&k| (k, self.written().filter(|c| c.kind == k).count()))
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    /// For the 民主评议 tally and evidence: "3 项承诺：已兑现 2，部分兑现 1"
    /// (the branch's rating where given, else the member's own).
    pub fn outcome(&self) -> String {
        let written: Vec<&Commitment> = self.written().collect();
        if written.is_empty() {
            return String::new();
        }
        let rated: Vec<Fulfilment> = written
            .iter()
            .filter_map(|c| {
                self.branch_rating(&c.id)
                    .and_then(|r| r.rating)
                    .or(c.self_rating)
            })
            .collect();
        let parts: Vec<String> = Fulfilment::ALL
            .iter()
            .filter_map(|f| {
                let n = rated.iter().filter(|r| *r == f).count();
                (n > 0).then(|| format!("{} {n}", f.label()))
            })
            .collect();
        if parts.is_empty() {
            format!("{} 项承诺", written.len())
        } else {
            format!("{} 项承诺：{}", written.len(), parts.join("，"))
        }
    }
}

impl Kind for MemberCommitments {
    fn title(&self, doc: &crate::domain::Document) -> String {
        format!(
            "承诺践诺：{} {}年",
            doc.member_name(&self.member_id),
            self.year
        )
    }

    fn filed_year(&self) -> Option<i32> {
        Some(self.year)
    }

    const NOUN: &'static str = "承诺践诺";
    const COUNTER: &'static str = "份";
    const SKIPPABLE: bool = true;

    fn check(list: &[Self], known: &Known, checks: &mut Checks) {
        let mut ids = std::collections::HashSet::new();
        for (i, pledges) in list.iter().enumerate() {
            let mut c = checks.item(i);
            c.unique_id(&mut ids, &pledges.id, "承诺");
            c.member("member_id", &pledges.member_id, known);
            c.count("items", pledges.items.len(), limits::FUSION_ITEMS, "承诺");
            for (j, item) in pledges.items.iter().enumerate() {
                c.length(&format!("items[{j}].text"), &item.text, limits::TEXT);
            }
        }
    }

    /// Private to the member and the secretary: a member's own go in their
    /// return, and no 支部资料包 carries anyone's.
    fn pack(&self, packing: &Packing, _: bool) -> Option<Self> {
        packing
            .carries_private_to(&self.member_id)
            .then(|| self.clone())
    }

    fn pack_deletion(packing: &Packing, written_here: bool) -> bool {
        packing.carries_private_deletion(written_here)
    }

    fn mentions(&self, member_id: &str) -> bool {
        self.member_id == member_id
    }
}

crate::domain::kind::keyed_by_id!(MemberCommitments);

#[cfg(test)]
mod tests {
    use super::*;

    fn pledge(id: &str, kind: CommitmentKind, text: &str) -> Commitment {
        Commitment {
            id: id.into(),
            kind,
            text: text.into(),
            ..Commitment::default()
        }
    }

    #[test]
    fn counts_and_categories_come_from_written_commitments_only() {
        let mut c = MemberCommitments::new("m1", 2026);
        c.items
            .push(pledge("a", CommitmentKind::Study, "每月读一本书"));
        assert_eq!(
            c.count_hint().as_deref(),
            Some("一般每年作出 2—5 项承诺，目前 1 项")
        );
        c.items
            .push(pledge("b", CommitmentKind::Work, "牵头完成流程优化"));
        c.items
            .push(pledge("c", CommitmentKind::Study, "学习强国每日学习"));
        c.items.push(pledge("d", CommitmentKind::Service, "  "));
        assert_eq!(c.count_hint(), None);
        assert_eq!(
            c.by_kind(),
            [(CommitmentKind::Study, 2), (CommitmentKind::Work, 1)]
        );
        for i in 0..3 {
            c.items
                .push(pledge(&format!("x{i}"), CommitmentKind::Discipline, "x"));
        }
        assert!(c.count_hint().is_some_and(|h| h.contains("6 项")));
    }

    #[test]
    fn the_outcome_takes_the_branchs_rating_over_the_members_own() {
        let mut c = MemberCommitments::new("m1", 2026);
        assert_eq!(c.outcome(), "");
        let mut a = pledge("a", CommitmentKind::Study, "读书");
        a.self_rating = Some(Fulfilment::Kept);
        let mut b = pledge("b", CommitmentKind::Work, "优化");
        b.self_rating = Some(Fulfilment::Kept);
        c.items = vec![a, b, pledge("c", CommitmentKind::Service, "志愿服务")];
        assert_eq!(c.outcome(), "3 项承诺：已兑现 2");
        c.branch_ratings.push(BranchRating {
            id: "b".into(),
            rating: Some(Fulfilment::Partly),
            comment: String::new(),
        });
        assert_eq!(c.outcome(), "3 项承诺：已兑现 1，部分兑现 1");
    }
}
