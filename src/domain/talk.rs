//! 谈心谈话: a talk between two people (or a 委员 and several members), not a
//! meeting. 《支部工作条例》: 党支部委员之间、委员和党员之间、党员和党员之间，
//! 每年谈心谈话一般不少于1次. The branch counts who was talked with.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::kind::{Kind, Packing, Scope};
use super::limits;
use super::meeting::PersonRef;
use super::validate::{Checks, Known};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Talk {
    pub id: String,
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// 谈话人.
    #[serde(default)]
    pub talker: PersonRef,
    /// 谈话对象: members of the roster.
    #[serde(default)]
    pub talkees: Vec<String>,
    #[serde(default)]
    pub place: String,
    /// 谈话主题.
    #[serde(default)]
    pub topic: String,
    /// 谈话主要内容.
    #[serde(default)]
    pub content: String,
    /// 对方意见建议.
    #[serde(default)]
    pub opinions: String,
    /// 需跟进事项.
    #[serde(default)]
    pub follow_up: String,
}

impl Talk {
    /// Every member the record names.
    pub fn referenced_member_ids(&self) -> impl Iterator<Item = &str> {
        self.talkees
            .iter()
            .map(String::as_str)
            .chain(self.talker.member_id.as_deref())
    }
}

/// Who took part in a talk in `year`, by member id: the 谈话人 as well as
/// the 谈话对象. 《支部工作条例》 asks 委员之间、委员和党员之间、党员和党员
/// 之间 to talk: a talk covers both sides, so a 书记 who talked with every
/// member has had a talk too.
pub fn talked_with(talks: &[Talk], year: i32) -> std::collections::BTreeSet<&str> {
    talks
        .iter()
        .filter(|t| t.date.is_some_and(|d| chrono::Datelike::year(&d) == year))
        .flat_map(|t| {
            t.talkees
                .iter()
                .map(String::as_str)
                .chain(t.talker.member_id.as_deref())
        })
        .collect()
}

impl Kind for Talk {
    fn title(&self, doc: &crate::domain::Document) -> String {
        let who: Vec<&str> = self
            .talkees
            .iter()
            .filter_map(|id| doc.member(id))
            .map(|m| m.name.as_str())
            .collect();
        let mut title = format!("谈心谈话：{}", who.join("、"));
        if let Some(day) = self.date {
            title.push_str(&format!(
                "（{}）",
                crate::domain::time::format_chinese_date(day)
            ));
        }
        title
    }

    fn filed_year(&self) -> Option<i32> {
        self.date.map(|d| chrono::Datelike::year(&d))
    }

    const NOUN: &'static str = "谈心谈话记录";
    const COUNTER: &'static str = "份";
    const SKIPPABLE: bool = true;

    fn check(list: &[Self], known: &Known, checks: &mut Checks) {
        let mut ids = std::collections::HashSet::new();
        for (i, talk) in list.iter().enumerate() {
            let mut c = checks.item(i);
            c.unique_id(&mut ids, &talk.id, "谈话记录");
            talk.talker.check(known, &mut c.below("talker."));
            for (j, id) in talk.talkees.iter().enumerate() {
                c.member(&format!("talkees[{j}]"), id, known);
            }
            c.length("place", &talk.place, limits::SHORT);
            c.length("topic", &talk.topic, limits::SHORT * 2);
            for (field, text) in [
                ("content", &talk.content),
                ("opinions", &talk.opinions),
                ("follow_up", &talk.follow_up),
            ] {
                c.length(field, text, limits::TEXT);
            }
        }
    }

    /// What was said stays with whoever held the talk.
    fn pack(&self, packing: &Packing, _: bool) -> Option<Self> {
        (packing.scope == Scope::Full).then(|| self.clone())
    }

    fn pack_deletion(packing: &Packing, _: bool) -> bool {
        packing.scope == Scope::Full
    }

    fn mentions(&self, member_id: &str) -> bool {
        self.referenced_member_ids().any(|r| r == member_id)
    }
}

crate::domain::kind::keyed_by_id!(Talk);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules::fixtures::day;

    #[test]
    fn coverage_counts_who_was_talked_with_in_the_year() {
        let talk = |id: &str, on: NaiveDate, with: &[&str]| Talk {
            id: id.into(),
            date: Some(on),
            talkees: with.iter().map(|s| s.to_string()).collect(),
            ..Talk::default()
        };
        let talks = vec![
            talk("t1", day(2026, 3, 1), &["a", "b"]),
            talk("t2", day(2026, 5, 1), &["b"]),
            talk("t3", day(2025, 12, 31), &["c"]),
        ];
        let covered: Vec<&str> = talked_with(&talks, 2026).into_iter().collect();
        assert_eq!(covered, ["a", "b"]);
    }

    /// N22: the 谈话人 has talked too; a talk typed with a name outside the
    /// roster covers nobody on that side.
    #[test]
    fn coverage_counts_the_talker_as_well_as_the_talked_with() {
        let talk = |talker: PersonRef, on: NaiveDate, with: &[&str]| Talk {
            id: "t".into(),
            date: Some(on),
            talker,
            talkees: with.iter().map(|s| s.to_string()).collect(),
            ..Talk::default()
        };
        let member = |id: &str| PersonRef {
            member_id: Some(id.into()),
            name: String::new(),
        };
        let guest = PersonRef {
            member_id: None,
            name: "机关党委 刘明".into(),
        };
        let talks = vec![
            talk(member("secretary"), day(2026, 3, 1), &["a"]),
            talk(guest, day(2026, 4, 1), &["b"]),
            talk(member("c"), day(2025, 12, 31), &["d"]),
        ];
        let covered: Vec<&str> = talked_with(&talks, 2026).into_iter().collect();
        assert_eq!(covered, ["a", "b", "secretary"]);
    }
}
