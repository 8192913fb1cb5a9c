//! A record split into the fields two phones may change apart: each
//! top-level field, and each item of a list whose items have ids (an
//! attendance mark, a vote, a follow-up, a member of the roster) on its own.
//! A merge takes each field from the side that changed it, so a meeting
//! recorded on two phones keeps both phones' marks.
//!
//! Field names: `minutes`, `attendance[m01]`; a roster's members are
//! `[m01]`; a record that is not an object or id'd list is the one field
//! `""`.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

/// Lists whose items are merged one by one, with the field that names an
/// item. Other lists (the agenda, the 谈话对象) are one field each.
const ITEM_LISTS: [(&str, &[&str]); 18] = [
    ("attendance", &["member_id"]),
    ("roll", &["member_id"]),
    ("excluded", &["member_id"]),
    ("votes", &["id"]),
    ("elections", &["id"]),
    ("follow_ups", &["id"]),
    ("speeches", &["id"]),
    ("materials", &["id"]),
    ("checklist", &["id"]),
    ("entries", &["member_id", "key"]),
    ("assessments", &["id"]),
    ("imported", &["form_id"]),
    ("dimensions", &["name"]),
    ("items", &["id"]),
    ("milestones", &["id"]),
    ("progress", &["id"]),
    ("branch_ratings", &["id"]),
    ("notes", &["id"]),
];

/// The field of the whole record, where it cannot be split.
pub const WHOLE: &str = "";

fn item_id<'a>(item: &'a Value, names: &[&str]) -> Option<&'a str> {
    names
        .iter()
        .find_map(|n| item.get(*n).and_then(Value::as_str))
}

/// `list` as (id, item) pairs, if every item has a distinct id.
fn items<'a>(list: &'a [Value], names: &[&str]) -> Option<Vec<(&'a str, &'a Value)>> {
    let mut out: Vec<(&str, &Value)> = Vec::with_capacity(list.len());
    for item in list {
        let id = item_id(item, names)?;
        if out.iter().any(|(seen, _)| *seen == id) {
            return None;
        }
        out.push((id, item));
    }
    Some(out)
}

fn id_names(field: &str) -> Option<&'static [&'static str]> {
    ITEM_LISTS
        .iter()
        .find(|(name, _)| *name == field)
        .map(|(_, ids)| *ids)
}

/// The record's fields by name.
pub fn split(record: &Value) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    match record {
        Value::Array(list) => match items(list, &["id"]) {
            Some(items) => {
                for (id, item) in items {
                    out.insert(format!("[{id}]"), item.clone());
                }
            }
            None => {
                out.insert(WHOLE.to_string(), record.clone());
            }
        },
        Value::Object(map) => {
            for (name, value) in map {
                let listed = id_names(name)
                    .zip(value.as_array())
                    .and_then(|(ids, list)| items(list, ids));
                match listed {
                    Some(items) => {
                        for (id, item) in items {
                            out.insert(format!("{name}[{id}]"), item.clone());
                        }
                    }
                    None => {
                        out.insert(name.clone(), value.clone());
                    }
                }
            }
        }
        _ => {
            out.insert(WHOLE.to_string(), record.clone());
        }
    }
    out
}

/// `field[id]` → (`field`, `id`).
fn item_name(name: &str) -> Option<(&str, &str)> {
    let open = name.find('[')?;
    let id = name.get(open + 1..)?.strip_suffix(']')?;
    Some((&name[..open], id))
}

/// Puts a record together from `fields`, in the shape of `shape` (one
/// side's record); each list's items in the order of `shape` and `order`
/// (the other side's names) together, the same whichever side is which
/// (`interleave`).
pub fn assemble(shape: &Value, fields: &BTreeMap<String, Value>, order: &[String]) -> Value {
    if let Some(whole) = fields.get(WHOLE) {
        return whole.clone();
    }
    let place = |name: &str, shaped: Vec<String>| -> Vec<String> {
        let present = |n: &String| fields.contains_key(n);
        let theirs: Vec<String> = order
            .iter()
            .filter(|n| item_name(n).is_some_and(|(list, _)| list == name))
            .filter(|n| present(n))
            .cloned()
            .collect();
        let ours: Vec<String> = shaped.into_iter().filter(present).collect();
        interleave(&ours, &theirs)
    };
    match shape {
        Value::Array(list) => {
            let shaped = items(list, &["id"])
                .map(|items| items.iter().map(|(id, _)| format!("[{id}]")).collect())
                .unwrap_or_default();
            Value::Array(
                place("", shaped)
                    .iter()
                    .filter_map(|n| fields.get(n).cloned())
                    .collect(),
            )
        }
        Value::Object(map) => {
            let mut out = Map::new();
            let mut lists: Vec<&str> = Vec::new();
            for (name, value) in map {
                let shaped: Option<Vec<String>> = id_names(name)
                    .zip(value.as_array())
                    .and_then(|(ids, list)| items(list, ids))
                    .map(|items| {
                        items
                            .iter()
                            .map(|(id, _)| format!("{name}[{id}]"))
                            .collect()
                    });
                match shaped {
                    Some(shaped) => {
                        lists.push(name);
                        let list = place(name, shaped)
                            .iter()
                            .filter_map(|n| fields.get(n).cloned())
                            .collect();
                        out.insert(name.clone(), Value::Array(list));
                    }
                    None => {
                        if let Some(v) = fields.get(name) {
                            out.insert(name.clone(), v.clone());
                        }
                    }
                }
            }
            // Fields the shape lacks: plain ones, and lists it did not have.
            for (name, value) in fields {
                match item_name(name) {
                    Some((list, _)) if !lists.contains(&list) && !out.contains_key(list) => {
                        let items: Vec<Value> = place(list, Vec::new())
                            .iter()
                            .filter_map(|n| fields.get(n).cloned())
                            .collect();
                        out.insert(list.to_string(), Value::Array(items));
                    }
                    Some(_) => {}
                    None => {
                        if !out.contains_key(name) && name != WHOLE {
                            out.insert(name.clone(), value.clone());
                        }
                    }
                }
            }
            Value::Object(out)
        }
        _ => fields.get(WHOLE).cloned().unwrap_or(Value::Null),
    }
}

/// Two orders of one list's items as one, the same whichever side is
/// which: every item after the items it follows on either side, and
/// items that could go either way (added on each phone apart) by name.
/// Two phones' packages merged in either order so list their items alike.
/// Where the sides disagree (an item moved on one phone), the item that
/// sorts first by name breaks the tie.
fn interleave(ours: &[String], theirs: &[String]) -> Vec<String> {
    let mut after: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut waits: BTreeMap<&str, usize> = BTreeMap::new();
    for list in [ours, theirs] {
        for name in list {
            waits.entry(name.as_str()).or_insert(0);
        }
        for pair in list.windows(2) {
            let (first, then) = (pair[0].as_str(), pair[1].as_str());
            let follows = after.entry(first).or_default();
            if !follows.contains(&then) {
                follows.push(then);
                *waits.entry(then).or_insert(0) += 1;
            }
        }
    }
    let mut ready: std::collections::BTreeSet<&str> = waits
        .iter()
        .filter(|(_, n)| **n == 0)
        .map(|(name, _)| *name)
        .collect();
    let mut out = Vec::with_capacity(waits.len());
    while !waits.is_empty() {
        // Nothing free: the sides disagree; the first by name goes next.
        let next = match ready.pop_first() {
            Some(next) => next,
            None => match waits.keys().next() {
                Some(next) => *next,
                None => break,
            },
        };
        if waits.remove(next).is_none() {
            continue;
        }
        out.push(next.to_string());
        for then in after.get(next).into_iter().flatten() {
            if let Some(n) = waits.get_mut(then) {
                *n = n.saturating_sub(1);
                if *n == 0 {
                    ready.insert(then);
                }
            }
        }
    }
    out
}

/// The fields of each side in the order they appear.
pub fn names_in_order(record: &Value) -> Vec<String> {
    let mut out = Vec::new();
    match record {
        Value::Array(list) => match items(list, &["id"]) {
            Some(items) => out.extend(items.iter().map(|(id, _)| format!("[{id}]"))),
            None => out.push(WHOLE.to_string()),
        },
        Value::Object(map) => {
            for (name, value) in map {
                match id_names(name)
                    .zip(value.as_array())
                    .and_then(|(ids, list)| items(list, ids))
                {
                    Some(items) => out.extend(items.iter().map(|(id, _)| format!("{name}[{id}]"))),
                    None => out.push(name.clone()),
                }
            }
        }
        _ => out.push(WHOLE.to_string()),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_meeting_splits_into_fields_and_one_field_per_mark() {
        let meeting = json!({
            "id": "mt-1",
            "minutes": "学习",
            "agenda": ["一", "二"],
            "attendance": [
                {"member_id": "m1", "status": "present"},
                {"member_id": "m2", "status": "leave"}
            ],
            "votes": []
        });
        let fields = split(&meeting);
        let names: Vec<&str> = fields.keys().map(String::as_str).collect();
        assert_eq!(
            names,
            [
                "agenda",
                "attendance[m1]",
                "attendance[m2]",
                "id",
                "minutes"
            ]
        );
        assert_eq!(assemble(&meeting, &fields, &[]), meeting);
    }

    #[test]
    fn items_only_on_the_other_side_come_after_in_their_order() {
        let shape = json!({"attendance": [{"member_id": "a"}], "votes": []});
        let mut fields = split(&shape);
        fields.insert("attendance[c]".into(), json!({"member_id": "c"}));
        fields.insert("attendance[b]".into(), json!({"member_id": "b"}));
        fields.insert("votes[v1]".into(), json!({"id": "v1"}));
        let order: Vec<String> = ["attendance[b]", "attendance[c]", "votes[v1]"]
            .map(String::from)
            .to_vec();
        let merged = assemble(&shape, &fields, &order);
        assert_eq!(
            merged,
            json!({
                "attendance": [{"member_id": "a"}, {"member_id": "b"}, {"member_id": "c"}],
                "votes": [{"id": "v1"}]
            })
        );
    }

    #[test]
    fn a_roster_is_one_field_per_member_and_lists_without_ids_are_whole() {
        let roster = json!([{"id": "m1", "name": "甲"}, {"id": "m2", "name": "乙"}]);
        assert_eq!(split(&roster).len(), 2);
        let templates = json!([{"kind": {"type": "party_lecture"}, "items": []}]);
        assert_eq!(split(&templates).keys().collect::<Vec<_>>(), [WHOLE]);
        // Duplicate ids cannot be told apart: the list is one field.
        let twice = json!({"votes": [{"id": "v"}, {"id": "v"}]});
        assert!(split(&twice).contains_key("votes"));
        assert_eq!(assemble(&twice, &split(&twice), &[]), twice);
    }
}
