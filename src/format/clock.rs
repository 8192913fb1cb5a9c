//! What a record knows of its own history, for merging copies kept on
//! different phones without a server.
//!
//! Each phone counts its own writes of a record (`versions`: phone →
//! count). Each field (see `fields`) remembers the write that last changed
//! it (its "dot": phone and count). One copy has seen a change when its
//! count for that phone reaches the dot: so a field changed on one phone
//! only is taken from that phone, and only a field changed on both since
//! they last met is a conflict.
//!
//! `{"v":{"d-1":3,"d-2":1},"b":["d-1",1],"p":{"minutes":["d-2",1]}}`: fields
//! not listed in `p` were last changed by the base write `b`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::fields::split;

/// One write of one record: the phone and its count.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Dot(pub String, pub u64);

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    /// Writes seen, per phone.
    #[serde(rename = "v", default, skip_serializing_if = "BTreeMap::is_empty")]
    pub versions: BTreeMap<String, u64>,
    /// The write that made the fields not listed in `fields`.
    #[serde(rename = "b", default, skip_serializing_if = "Option::is_none")]
    pub base: Option<Dot>,
    /// The write that last changed each field, where it is not `base`.
    #[serde(rename = "p", default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, Dot>,
}

/// How two copies' histories relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    Same,
    /// The first has seen every write of the second, and more.
    After,
    Before,
    /// Each has writes the other has not seen (or neither knows its
    /// history: records from before clocks were kept).
    Apart,
}

impl Clock {
    pub fn is_empty(&self) -> bool {
        self.versions.is_empty()
    }

    /// The write that last changed (or removed) `field`, if known.
    pub fn dot(&self, field: &str) -> Option<&Dot> {
        self.fields.get(field).or(self.base.as_ref())
    }

    /// Whether this copy has seen the write `dot`.
    pub fn has_seen(&self, dot: Option<&Dot>) -> bool {
        dot.is_some_and(|Dot(phone, n)| self.versions.get(phone).is_some_and(|seen| seen >= n))
    }

    pub fn order(&self, other: &Clock) -> Order {
        // A copy kept before clocks were: nothing can be vouched for.
        if self.is_empty() || other.is_empty() {
            return Order::Apart;
        }
        let ge = |a: &Clock, b: &Clock| {
            b.versions
                .iter()
                .all(|(phone, n)| a.versions.get(phone).is_some_and(|m| m >= n))
        };
        match (ge(self, other), ge(other, self)) {
            (true, true) => Order::Same,
            (true, false) => Order::After,
            (false, true) => Order::Before,
            (false, false) => Order::Apart,
        }
    }

    /// The clock after `phone` wrote `new` over `old`: one more write of
    /// the phone, and that write as the dot of every field it changed.
    pub fn after_write(&self, phone: &str, old: Option<&Value>, new: Option<&Value>) -> Clock {
        let mut next = self.clone();
        let count = next.versions.entry(phone.to_string()).or_insert(0);
        // Never wraps: a count that did would make later writes look older
        // than earlier ones everywhere the record goes.
        *count = count.saturating_add(1);
        let dot = Dot(phone.to_string(), *count);
        let (Some(old), Some(new)) = (old, new) else {
            // Created (or deleted): every field is this write's.
            next.base = Some(dot);
            next.fields.clear();
            return next;
        };
        let (before, after) = (split(old), split(new));
        for (name, value) in &after {
            if before.get(name) != Some(value) {
                next.fields.insert(name.clone(), dot.clone());
            }
        }
        // A field removed keeps the write that removed it, so a merge can
        // tell "deleted there" from "never there".
        for name in before.keys().filter(|n| !after.contains_key(*n)) {
            next.fields.insert(name.clone(), dot.clone());
        }
        next.compact();
        next
    }

    /// Every phone's writes seen by either.
    pub fn union(&self, other: &Clock) -> BTreeMap<String, u64> {
        let mut versions = self.versions.clone();
        for (phone, n) in &other.versions {
            let seen = versions.entry(phone.clone()).or_insert(0);
            *seen = (*seen).max(*n);
        }
        versions
    }

    /// Drops the field dots equal to the base.
    pub fn compact(&mut self) {
        let base = self.base.clone();
        self.fields.retain(|_, dot| Some(&*dot) != base.as_ref());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_write_counts_for_its_phone_and_marks_the_fields_it_changed() {
        let created = Clock::default().after_write("a", None, Some(&json!({"x": 1, "y": 1})));
        assert_eq!(created.versions["a"], 1);
        assert_eq!(created.dot("x"), Some(&Dot("a".into(), 1)));
        let edited = created.after_write(
            "b",
            Some(&json!({"x": 1, "y": 1})),
            Some(&json!({"x": 1, "y": 2})),
        );
        assert_eq!(edited.dot("x"), Some(&Dot("a".into(), 1)));
        assert_eq!(edited.dot("y"), Some(&Dot("b".into(), 1)));
        assert!(edited.has_seen(created.dot("x")));
        assert!(!created.has_seen(edited.dot("y")));
        assert_eq!(edited.order(&created), Order::After);
        assert_eq!(created.order(&edited), Order::Before);
        assert_eq!(
            serde_json::to_string(&edited).unwrap(),
            r#"{"v":{"a":1,"b":1},"b":["a",1],"p":{"y":["b",1]}}"#
        );
    }

    #[test]
    fn copies_written_apart_are_apart_and_copies_without_history_too() {
        let base = Clock::default().after_write("a", None, Some(&json!({"x": 1})));
        let one = base.after_write("a", Some(&json!({"x": 1})), Some(&json!({"x": 2})));
        let other = base.after_write("b", Some(&json!({"x": 1})), Some(&json!({"x": 3})));
        assert_eq!(one.order(&other), Order::Apart);
        assert_eq!(Clock::default().order(&Clock::default()), Order::Apart);
        assert_eq!(one.order(&one.clone()), Order::Same);
    }
}
