//! Merging records that came from another phone into this one's, record by
//! record and field by field, without a server.
//!
//! - A record only one side has is kept (this phone's) or added (theirs).
//!   A record missing from a package is never deleted here; a record
//!   deleted on the other phone arrives as a tombstone (its clock with no
//!   data, `Value::Null` here) and deletes this phone's copy if that copy
//!   has seen nothing the deletion has not.
//! - Where one copy has seen every write of the other, the newer is taken.
//! - Where each has writes the other has not seen, each field (see
//!   `crate::format::fields`) is taken from the side that changed it; a
//!   field changed on both sides to different values is a conflict, shown
//!   to the member side by side. Nothing changes until they confirm.
//!
//! The result carries merged clocks, so merging the same file twice, or
//! sending the merged copy back, changes nothing more.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::domain::document::{self, RecordKey, RecordValue};
use crate::domain::Document;
use crate::format::clock::{Clock, Dot, Order};
use crate::format::fields::{assemble, names_in_order, split, WHOLE};

/// One copy of a record: its data and its history. A deleted record is a
/// tombstone: `Value::Null` with the history of its deletion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Copy {
    pub value: Value,
    pub clock: Clock,
}

impl Copy {
    pub fn is_deleted(&self) -> bool {
        self.value.is_null()
    }
}

/// Where a field of the merged record comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    Local,
    Incoming,
    /// Changed on both sides: the member chooses.
    Conflict,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// This phone's copy is as new or newer: nothing to do.
    Keep,
    /// New here, or newer there: taken whole.
    Take,
    /// Changed on both sides: field by field.
    Fields(BTreeMap<String, Pick>),
    /// Deleted on one side and changed on the other since: the member
    /// decides, for the whole record.
    Deletion,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordPlan {
    pub local: Option<Copy>,
    pub incoming: Copy,
    pub outcome: Outcome,
}

impl RecordPlan {
    /// The conflicting fields, in name order.
    pub fn conflicts(&self) -> Vec<&str> {
        match &self.outcome {
            Outcome::Fields(picks) => picks
                .iter()
                .filter(|(_, p)| **p == Pick::Conflict)
                .map(|(n, _)| n.as_str())
                .collect(),
            Outcome::Deletion => vec![WHOLE],
            _ => Vec::new(),
        }
    }

    /// Whether merging changes this phone's copy (before any choice).
    pub fn changes_local(&self) -> bool {
        match &self.outcome {
            Outcome::Keep => false,
            Outcome::Take => self
                .local
                .as_ref()
                .is_none_or(|l| l.value != self.incoming.value),
            Outcome::Fields(picks) => picks.values().any(|p| *p != Pick::Local),
            Outcome::Deletion => true,
        }
    }

    /// A field's value on each side; the whole record (`WHOLE`) where one
    /// side deleted it, `None` on the deleted side.
    pub fn sides(&self, field: &str) -> (Option<Value>, Option<Value>) {
        let side = |copy: &Copy| {
            if copy.is_deleted() {
                None
            } else if field == WHOLE && self.outcome == Outcome::Deletion {
                Some(copy.value.clone())
            } else {
                split(&copy.value).remove(field)
            }
        };
        (self.local.as_ref().and_then(side), side(&self.incoming))
    }
}

/// The plan for every record the incoming side carries.
pub fn plan(
    local: &BTreeMap<String, Copy>,
    incoming: &BTreeMap<String, Copy>,
) -> BTreeMap<String, RecordPlan> {
    incoming
        .iter()
        .map(|(key, theirs)| {
            let mine = local.get(key);
            let outcome = match mine {
                None => Outcome::Take,
                Some(mine) => match mine.clock.order(&theirs.clock) {
                    Order::Same | Order::After => Outcome::Keep,
                    Order::Before => Outcome::Take,
                    // Both deleted it: this copy learns what the other saw.
                    Order::Apart if mine.is_deleted() && theirs.is_deleted() => Outcome::Take,
                    Order::Apart if mine.is_deleted() || theirs.is_deleted() => Outcome::Deletion,
                    // The same data with histories apart: nothing to show,
                    // but this copy learns what the other had seen.
                    Order::Apart => Outcome::Fields(fields(mine, theirs)),
                },
            };
            (
                key.clone(),
                RecordPlan {
                    local: mine.cloned(),
                    incoming: theirs.clone(),
                    outcome,
                },
            )
        })
        .collect()
}

fn fields(mine: &Copy, theirs: &Copy) -> BTreeMap<String, Pick> {
    let (ours, their) = (split(&mine.value), split(&theirs.value));
    let mut names: Vec<&String> = ours.keys().chain(their.keys()).collect();
    names.sort();
    names.dedup();
    names
        .into_iter()
        .map(|name| {
            let (a, b) = (ours.get(name), their.get(name));
            // The write that last set the field, or removed it; a field a
            // side never had has none there.
            let dot = |value: Option<&Value>, clock: &Clock| match value {
                Some(_) => clock.dot(name).cloned(),
                None => clock.fields.get(name.as_str()).cloned(),
            };
            let (mine_dot, their_dot) = (dot(a, &mine.clock), dot(b, &theirs.clock));
            // A side changed a field when the other has not seen the write
            // that did; a field it never had it did not change.
            let changed = |value: Option<&Value>, dot: &Option<Dot>, other: &Clock| {
                let never_had = value.is_none() && dot.is_none();
                !never_had && !other.has_seen(dot.as_ref())
            };
            let ours_new = changed(a, &mine_dot, &theirs.clock);
            let theirs_new = changed(b, &their_dot, &mine.clock);
            let pick = if a == b {
                Pick::Local
            } else {
                match (ours_new, theirs_new) {
                    (true, true) => Pick::Conflict,
                    (false, true) => Pick::Incoming,
                    _ => Pick::Local,
                }
            };
            (name.clone(), pick)
        })
        .collect()
}

/// The member's choice for a conflicting field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    Local,
    Incoming,
}

/// The records to write: each changed record, merged, with its clock. A
/// conflict resolved is a new write of `phone`, so the choice wins over
/// both copies wherever the result goes next. Unresolved conflicts keep
/// this phone's value.
pub fn resolve(
    plans: &BTreeMap<String, RecordPlan>,
    choice: impl Fn(&str, &str) -> Choice,
    phone: &str,
) -> BTreeMap<String, Copy> {
    let mut out = BTreeMap::new();
    for (key, plan) in plans {
        match (&plan.outcome, &plan.local) {
            (Outcome::Keep, _) => {}
            (Outcome::Take, _) | (Outcome::Fields(_), None) => {
                let clock = match &plan.local {
                    Some(local) => Clock {
                        versions: local.clock.union(&plan.incoming.clock),
                        ..plan.incoming.clock.clone()
                    },
                    None => plan.incoming.clock.clone(),
                };
                out.insert(
                    key.clone(),
                    Copy {
                        value: plan.incoming.value.clone(),
                        clock,
                    },
                );
            }
            (Outcome::Fields(picks), Some(local)) => {
                let copy = merge_fields(local, &plan.incoming, picks, |f| choice(key, f), phone);
                if copy.value != local.value || copy.clock != local.clock {
                    out.insert(key.clone(), copy);
                }
            }
            (Outcome::Deletion, local) => {
                let chosen = match (choice(key, WHOLE), local) {
                    (Choice::Local, Some(local)) => local,
                    _ => &plan.incoming,
                };
                // The choice is a write of this phone: it wins over both
                // copies wherever the record goes next.
                let mut versions = plan
                    .incoming
                    .clock
                    .union(&local.as_ref().map(|l| l.clock.clone()).unwrap_or_default());
                let n = versions.entry(phone.to_string()).or_insert(0);
                *n = n.saturating_add(1);
                let dot = Dot(phone.to_string(), *n);
                out.insert(
                    key.clone(),
                    Copy {
                        value: chosen.value.clone(),
                        clock: Clock {
                            versions,
                            base: Some(dot),
                            fields: BTreeMap::new(),
                        },
                    },
                );
            }
        }
    }
    out
}

fn merge_fields(
    local: &Copy,
    incoming: &Copy,
    picks: &BTreeMap<String, Pick>,
    choice: impl Fn(&str) -> Choice,
    phone: &str,
) -> Copy {
    let (ours, theirs) = (split(&local.value), split(&incoming.value));
    let mut versions = local.clock.union(&incoming.clock);
    let mut resolved_dot: Option<Dot> = None;
    let mut chosen = BTreeMap::new();
    let mut dots = BTreeMap::new();
    for (name, pick) in picks {
        let from_incoming = match pick {
            Pick::Local => false,
            Pick::Incoming => true,
            Pick::Conflict => choice(name) == Choice::Incoming,
        };
        let (mine_dot, their_dot) = (local.clock.dot(name), incoming.clock.dot(name));
        let (value, dot) = if from_incoming {
            (theirs.get(name), their_dot.cloned())
        } else if ours.get(name) == theirs.get(name) && incoming.clock.has_seen(mine_dot) {
            // The same on both sides: the later of the two writes.
            (ours.get(name), their_dot.or(mine_dot).cloned())
        } else {
            (ours.get(name), mine_dot.cloned())
        };
        let dot = if *pick == Pick::Conflict {
            Some(
                resolved_dot
                    .get_or_insert_with(|| {
                        let n = versions.entry(phone.to_string()).or_insert(0);
                        *n = n.saturating_add(1);
                        Dot(phone.to_string(), *n)
                    })
                    .clone(),
            )
        } else {
            dot
        };
        if let Some(value) = value {
            chosen.insert(name.clone(), value.clone());
        }
        if let Some(dot) = dot {
            dots.insert(name.clone(), dot);
        }
    }
    let order = names_in_order(&incoming.value);
    let value = assemble(&local.value, &chosen, &order);
    let mut clock = Clock {
        versions,
        base: local.clock.base.clone(),
        fields: dots,
    };
    clock.compact();
    Copy { value, clock }
}

/// An import, planned against what this phone holds: every record the
/// file carries, and what merging it would do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportPlan {
    pub plans: BTreeMap<String, RecordPlan>,
    /// Records of the file whose history no honest phone could have
    /// written, left out: (record name, why).
    pub refused: Vec<(String, &'static str)>,
}

/// No phone writes one record four billion times: a count above this is
/// forged or broken, and must never make an old value win.
pub const MAX_WRITES: u64 = 1 << 32;

/// Why an incoming record's history cannot be believed, if it cannot:
/// counts no phone reaches, field writes its own counts have not seen, or
/// more writes of this phone than this phone ever made of the record.
fn untrustworthy(theirs: &Clock, mine: Option<&Clock>, phone: &str) -> Option<&'static str> {
    let dots = theirs.base.iter().chain(theirs.fields.values());
    if theirs.versions.values().any(|n| *n > MAX_WRITES)
        || dots.clone().any(|Dot(_, n)| *n > MAX_WRITES)
    {
        return Some("修改次数大得不可能，记录已被改动");
    }
    if dots.clone().any(|dot| !theirs.has_seen(Some(dot))) {
        return Some("修改记录前后不一致，记录已被改动");
    }
    // This phone's copy holds every write this phone made of the record.
    let claimed = theirs.versions.get(phone);
    let made = mine.and_then(|c| c.versions.get(phone));
    if let (Some(claimed), Some(made)) = (claimed, made) {
        if claimed > made {
            return Some("自称包含本机没有做过的修改，记录已被改动");
        }
    }
    None
}

/// What an import does, in numbers for the member.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Records new to this phone.
    pub added: usize,
    /// Records newer in the file.
    pub updated: usize,
    /// Records changed on both sides, merged field by field.
    pub merged: usize,
    /// Records this phone holds newer: kept.
    pub kept: usize,
    /// Records deleted on the other phone: deleted here too.
    pub deleted: usize,
    pub conflicts: usize,
}

/// Every record of `doc` with its clock, by record name. A record still
/// as a new phone has it (an unnamed branch, an empty roster) and never
/// written counts as absent: anything is newer.
pub fn copies(doc: &Document, clock: impl Fn(&RecordKey) -> Clock) -> BTreeMap<String, Copy> {
    let blank = Document::default();
    document::all_keys(doc)
        .into_iter()
        .filter_map(|key| {
            let value = document::get(doc, &key).and_then(|v| document::value_json(&v))?;
            let unwritten = clock(&key).is_empty()
                && document::get(&blank, &key).and_then(|v| document::value_json(&v))
                    == Some(value.clone());
            if unwritten {
                return None;
            }
            Some((
                key.name(),
                Copy {
                    value,
                    clock: clock(&key),
                },
            ))
        })
        .collect()
}

/// The deleted items among `clocks`: an item record with a history but no
/// data in `doc`.
fn tombstones<'a>(
    clocks: impl Iterator<Item = (RecordKey, &'a Clock)>,
    doc: &Document,
) -> Vec<(String, Copy)> {
    clocks
        .filter(|(key, clock)| {
            key.is_item() && !clock.is_empty() && document::get(doc, key).is_none()
        })
        .map(|(key, clock)| {
            (
                key.name(),
                Copy {
                    value: Value::Null,
                    clock: clock.clone(),
                },
            )
        })
        .collect()
}

impl ImportPlan {
    /// The plan for `incoming` against `local`, on the phone `phone`.
    pub fn new(
        local: &Document,
        local_clocks: &BTreeMap<RecordKey, Clock>,
        incoming: &Document,
        incoming_clocks: &BTreeMap<String, Clock>,
        phone: &str,
    ) -> ImportPlan {
        let mut mine = copies(local, |k| local_clocks.get(k).cloned().unwrap_or_default());
        mine.extend(tombstones(
            local_clocks.iter().map(|(k, c)| (k.clone(), c)),
            local,
        ));
        let mut theirs = copies(incoming, |k| {
            incoming_clocks.get(&k.name()).cloned().unwrap_or_default()
        });
        theirs.extend(tombstones(
            incoming_clocks
                .iter()
                .filter_map(|(name, c)| Some((RecordKey::from_name(name)?, c))),
            incoming,
        ));
        let mut refused = Vec::new();
        theirs.retain(|key, copy| {
            match untrustworthy(&copy.clock, mine.get(key).map(|m| &m.clock), phone) {
                Some(why) => {
                    refused.push((key.clone(), why));
                    false
                }
                None => true,
            }
        });
        ImportPlan {
            plans: plan(&mine, &theirs),
            refused,
        }
    }

    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for plan in self.plans.values() {
            match (&plan.outcome, &plan.local) {
                // A deletion this phone learns of for a record it never had.
                (Outcome::Take, None) if plan.incoming.is_deleted() => {}
                (Outcome::Take, None) => counts.added += 1,
                (Outcome::Take, Some(local))
                    if plan.incoming.is_deleted() && !local.is_deleted() =>
                {
                    counts.deleted += 1
                }
                // Deleted here and there alike: nothing changes.
                (Outcome::Take, Some(_)) if plan.incoming.is_deleted() => {}
                (Outcome::Take, Some(_)) => counts.updated += 1,
                (Outcome::Keep, Some(local)) if local.value != plan.incoming.value => {
                    counts.kept += 1
                }
                (Outcome::Fields(_), _) if plan.changes_local() => counts.merged += 1,
                _ => {}
            }
            counts.conflicts += plan.conflicts().len();
        }
        counts
    }

    /// (record name, field) of every conflict, in record order.
    pub fn conflicts(&self) -> Vec<(String, String)> {
        self.plans
            .iter()
            .flat_map(|(key, plan)| {
                plan.conflicts()
                    .into_iter()
                    .map(move |field| (key.clone(), field.to_string()))
            })
            .collect()
    }

    /// Whether confirming would change anything on this phone.
    pub fn changes_anything(&self) -> bool {
        self.plans.values().any(RecordPlan::changes_local)
    }

    /// The records to write, read back into today's types: each with the
    /// clock the merge gave it. `choice` answers each conflict.
    pub fn records(
        &self,
        choice: impl Fn(&str, &str) -> Choice,
        phone: &str,
    ) -> Result<Vec<(RecordKey, Option<RecordValue>, Clock)>, String> {
        resolve(&self.plans, choice, phone)
            .into_iter()
            .map(|(name, copy)| {
                let key =
                    RecordKey::from_name(&name).ok_or_else(|| format!("无法识别的记录 {name}"))?;
                if copy.is_deleted() {
                    return Ok((key, None, copy.clock));
                }
                let value = document::from_json(&key, &copy.value.to_string())
                    .map_err(|e| format!("{}合并后无法读取：{e}", key.label()))?;
                Ok((key, Some(value), copy.clock))
            })
            .collect()
    }
}

// proptest is a native dev-dependency only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    fn write(copy: &Copy, phone: &str, value: Value) -> Copy {
        Copy {
            clock: copy
                .clock
                .after_write(phone, Some(&copy.value), Some(&value)),
            value,
        }
    }

    fn created(phone: &str, value: Value) -> Copy {
        Copy {
            clock: Clock::default().after_write(phone, None, Some(&value)),
            value,
        }
    }

    fn one(key: &str, copy: Copy) -> BTreeMap<String, Copy> {
        BTreeMap::from([(key.to_string(), copy)])
    }

    #[test]
    fn the_same_meeting_recorded_on_two_phones_keeps_both_phones_marks() {
        let base = created("sec", json!({"minutes": "", "attendance": [], "votes": []}));
        let secretary = write(
            &base,
            "sec",
            json!({"minutes": "学习党章", "attendance": [{"member_id": "m1", "status": "present"}], "votes": []}),
        );
        let recorder = write(
            &base,
            "rec",
            json!({"minutes": "", "attendance": [{"member_id": "m2", "status": "leave"}], "votes": [{"id": "v1", "in_favour": 9}]}),
        );
        let plans = plan(
            &one("meeting/x", secretary),
            &one("meeting/x", recorder.clone()),
        );
        assert!(plans["meeting/x"].conflicts().is_empty());
        let out = resolve(&plans, |_, _| Choice::Local, "sec");
        let merged = &out["meeting/x"];
        assert_eq!(
            merged.value,
            json!({
                "minutes": "学习党章",
                "attendance": [{"member_id": "m1", "status": "present"}, {"member_id": "m2", "status": "leave"}],
                "votes": [{"id": "v1", "in_favour": 9}]
            })
        );
        // Sent back, the recorder takes the merged copy whole.
        let back = plan(
            &one("meeting/x", recorder),
            &one("meeting/x", merged.clone()),
        );
        assert_eq!(back["meeting/x"].outcome, Outcome::Take);
    }

    #[test]
    fn a_field_changed_on_both_phones_is_a_conflict_and_the_choice_wins_afterwards() {
        let base = created("a", json!({"minutes": "草稿"}));
        let mine = write(&base, "a", json!({"minutes": "甲的记录"}));
        let theirs = write(&base, "b", json!({"minutes": "乙的记录"}));
        let plans = plan(&one("k", mine.clone()), &one("k", theirs.clone()));
        assert_eq!(plans["k"].conflicts(), ["minutes"]);
        assert_eq!(
            plans["k"].sides("minutes"),
            (Some(json!("甲的记录")), Some(json!("乙的记录")))
        );
        let out = resolve(&plans, |_, _| Choice::Incoming, "a");
        assert_eq!(out["k"].value, json!({"minutes": "乙的记录"}));
        // Both phones, merging the result, take it without asking again.
        for side in [mine, theirs] {
            let again = plan(&one("k", side), &one("k", out["k"].clone()));
            assert!(again["k"].conflicts().is_empty());
            let taken = resolve(&again, |_, _| Choice::Local, "x");
            assert_eq!(taken["k"].value, json!({"minutes": "乙的记录"}));
        }
    }

    #[test]
    fn an_older_copy_never_replaces_a_newer_one_and_a_missing_record_stays() {
        let base = created("a", json!({"x": 1}));
        let newer = write(&base, "a", json!({"x": 2}));
        let plans = plan(&one("k", newer.clone()), &one("k", base));
        assert_eq!(plans["k"].outcome, Outcome::Keep);
        let mut local = one("k", newer);
        local.insert("other".into(), created("a", json!({"y": 1})));
        let plans = plan(&local, &BTreeMap::new());
        assert!(resolve(&plans, |_, _| Choice::Local, "a").is_empty());
    }

    #[test]
    fn rosters_started_on_two_phones_are_joined_not_asked_about() {
        let mine = created("a", json!([{"id": "m1", "name": "赵六"}]));
        let theirs = created(
            "b",
            json!([{"id": "m2", "name": "王建国"}, {"id": "m3", "name": "李红梅"}]),
        );
        let plans = plan(&one("members", mine), &one("members", theirs));
        assert!(plans["members"].conflicts().is_empty());
        let out = resolve(&plans, |_, _| Choice::Local, "a");
        assert_eq!(out["members"].value.as_array().unwrap().len(), 3);
    }

    #[test]
    fn an_item_deleted_on_one_phone_after_it_was_seen_stays_deleted() {
        let base = created(
            "a",
            json!({"votes": [{"id": "v1"}, {"id": "v2"}], "minutes": ""}),
        );
        let mine = write(&base, "a", json!({"votes": [{"id": "v1"}], "minutes": ""}));
        let theirs = write(
            &base,
            "b",
            json!({"votes": [{"id": "v1"}, {"id": "v2"}], "minutes": "有"}),
        );
        let out = resolve(
            &plan(&one("k", mine), &one("k", theirs)),
            |_, _| Choice::Local,
            "a",
        );
        assert_eq!(
            out["k"].value,
            json!({"votes": [{"id": "v1"}], "minutes": "有"})
        );
    }

    /// The reference model: a record of three fields and an attendance list
    /// of four members, edited on two phones from a common copy.
    #[derive(Clone, Debug)]
    enum Edit {
        Field(usize, u8),
        Mark(usize, u8),
        Unmark(usize),
    }

    fn edit_strategy() -> impl Strategy<Value = Edit> {
        prop_oneof![
            (0..3usize, 0..4u8).prop_map(|(f, v)| Edit::Field(f, v)),
            (0..4usize, 0..3u8).prop_map(|(m, v)| Edit::Mark(m, v)),
            (0..4usize).prop_map(Edit::Unmark),
        ]
    }

    const FIELDS: [&str; 3] = ["minutes", "place", "theme"];

    fn apply(value: &Value, edit: &Edit) -> Value {
        let mut v = value.clone();
        match edit {
            Edit::Field(f, x) => v[FIELDS[*f]] = json!(x),
            Edit::Mark(m, x) => {
                let id = format!("m{m}");
                if let Some(list) = v["attendance"].as_array_mut() {
                    match list.iter_mut().find(|a| a["member_id"] == json!(id)) {
                        Some(a) => a["status"] = json!(x),
                        None => list.push(json!({"member_id": id, "status": x})),
                    }
                }
            }
            Edit::Unmark(m) => {
                let id = format!("m{m}");
                if let Some(list) = v["attendance"].as_array_mut() {
                    list.retain(|a| a["member_id"] != json!(id));
                }
            }
        }
        v
    }

    fn run(start: &Copy, phone: &str, edits: &[Edit]) -> Copy {
        edits
            .iter()
            .fold(start.clone(), |c, e| write(&c, phone, apply(&c.value, e)))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]
        #[test]
        fn merging_loses_no_field_edited_on_one_side_and_conflicts_only_where_both_did(
            shared in prop::collection::vec(edit_strategy(), 0..6),
            mine in prop::collection::vec(edit_strategy(), 0..6),
            theirs in prop::collection::vec(edit_strategy(), 0..6),
        ) {
            let empty = created("s", json!({"minutes": 0, "place": 0, "theme": 0, "attendance": []}));
            let base = run(&empty, "s", &shared);
            let a = run(&base, "a", &mine);
            let b = run(&base, "b", &theirs);
            let (fb, fa, fbb) = (split(&base.value), split(&a.value), split(&b.value));
            let plans = plan(&one("k", a.clone()), &one("k", b.clone()));
            let conflicts: Vec<String> = plans["k"].conflicts().iter().map(|s| s.to_string()).collect();
            let merged = resolve(&plans, |_, _| Choice::Local, "a")
                .remove("k")
                .unwrap_or_else(|| a.clone());
            let fm = split(&merged.value);
            let mut names: Vec<&String> = fb.keys().chain(fa.keys()).chain(fbb.keys()).collect();
            names.sort();
            names.dedup();
            for name in names {
                let (o, x, y) = (fb.get(name), fa.get(name), fbb.get(name));
                // Changed (or removed) since the common copy: set back to its
                // old value still counts, as it would for a person.
                let a_changed = a.clock.dot(name) != base.clock.dot(name);
                let b_changed = b.clock.dot(name) != base.clock.dot(name);
                prop_assert!(a_changed || x == o, "{name}: a change is always dated");
                prop_assert!(b_changed || y == o, "{name}: a change is always dated");
                let conflict = conflicts.contains(name);
                if x == y {
                    prop_assert!(!conflict, "{name}: equal sides never conflict");
                    prop_assert_eq!(fm.get(name), x, "{}", name);
                } else if a_changed && b_changed {
                    prop_assert!(conflict, "{name}: changed on both sides");
                    prop_assert_eq!(fm.get(name), x, "{}: unresolved keeps ours", name);
                } else if b_changed {
                    prop_assert!(!conflict);
                    prop_assert_eq!(fm.get(name), y, "{}: theirs only", name);
                } else {
                    prop_assert!(!conflict);
                    prop_assert_eq!(fm.get(name), x, "{}: ours only", name);
                }
            }
            // Idempotent: the same file again changes nothing.
            let again = plan(&one("k", merged.clone()), &one("k", b.clone()));
            prop_assert!(resolve(&again, |_, _| Choice::Local, "a").is_empty());
            // Order-independent where nothing conflicts.
            if conflicts.is_empty() {
                let other = resolve(&plan(&one("k", b.clone()), &one("k", a.clone())), |_, _| Choice::Local, "b")
                    .remove("k")
                    .unwrap_or_else(|| b.clone());
                prop_assert_eq!(split(&other.value), fm);
            }
        }
    }
}
