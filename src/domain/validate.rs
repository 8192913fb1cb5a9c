//! Checks that serde cannot do: unique ids, references that exist, lengths.
//! Each problem names the path of the value, like `members[3].group_id`.

use std::collections::HashSet;

use super::meeting::PersonRef;
use super::Document;

/// Longest text a single field may hold (about 30 printed pages).
pub const MAX_TEXT_CHARS: usize = 50_000;
/// Longest short field (names, titles).
pub const MAX_SHORT_CHARS: usize = 200;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
        }
    }
}

/// Which part of the document a problem sinks: the whole import, or one item
/// that can be skipped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Item {
    Branch,
    Member(usize),
    Meeting(usize),
    Template(usize),
}

/// All semantic problems of a document, each with the item it belongs to.
pub fn check(doc: &Document) -> Vec<(Item, Problem)> {
    let mut out = Vec::new();
    check_branch(doc, &mut out);
    check_members(doc, &mut out);
    check_meetings(doc, &mut out);
    out
}

fn check_branch(doc: &Document, out: &mut Vec<(Item, Problem)>) {
    too_long(
        &doc.branch.name,
        MAX_SHORT_CHARS,
        "branch.name",
        Item::Branch,
        out,
    );
    let mut seen = HashSet::new();
    for (i, g) in doc.branch.groups.iter().enumerate() {
        if !seen.insert(g.id.as_str()) {
            out.push((
                Item::Branch,
                Problem::new(
                    format!("branch.groups[{i}].id"),
                    format!("党小组编号“{}”重复", g.id),
                ),
            ));
        }
        too_long(
            &g.name,
            MAX_SHORT_CHARS,
            &format!("branch.groups[{i}].name"),
            Item::Branch,
            out,
        );
    }
    if let Some(day) = doc.branch.rules.theme_day_of_month {
        if !(1..=31).contains(&day) {
            out.push((
                Item::Branch,
                Problem::new(
                    "branch.rules.theme_day_of_month",
                    "主题党日的日期应在 1 到 31 之间",
                ),
            ));
        }
    }
}

fn check_members(doc: &Document, out: &mut Vec<(Item, Problem)>) {
    let groups: HashSet<&str> = doc.branch.groups.iter().map(|g| g.id.as_str()).collect();
    let mut seen = HashSet::new();
    for (i, m) in doc.members.iter().enumerate() {
        let item = Item::Member(i);
        if m.id.is_empty() || !seen.insert(m.id.as_str()) {
            out.push((
                item,
                Problem::new(
                    format!("members[{i}].id"),
                    format!("党员编号“{}”为空或重复", m.id),
                ),
            ));
        }
        if m.name.trim().is_empty() {
            out.push((item, Problem::new(format!("members[{i}].name"), "姓名为空")));
        }
        too_long(
            &m.name,
            MAX_SHORT_CHARS,
            &format!("members[{i}].name"),
            item,
            out,
        );
        too_long(
            &m.note,
            MAX_TEXT_CHARS,
            &format!("members[{i}].note"),
            item,
            out,
        );
        if let Some(g) = &m.group_id {
            if !groups.contains(g.as_str()) {
                out.push((
                    item,
                    Problem::new(
                        format!("members[{i}].group_id"),
                        format!("党小组“{g}”不存在"),
                    ),
                ));
            }
        }
    }
}

fn check_meetings(doc: &Document, out: &mut Vec<(Item, Problem)>) {
    let members: HashSet<&str> = doc.members.iter().map(|m| m.id.as_str()).collect();
    let groups: HashSet<&str> = doc.branch.groups.iter().map(|g| g.id.as_str()).collect();
    let mut seen = HashSet::new();
    for (i, m) in doc.meetings.iter().enumerate() {
        let item = Item::Meeting(i);
        let at = |field: &str| format!("meetings[{i}].{field}");
        if m.id.is_empty() || !seen.insert(m.id.as_str()) {
            out.push((
                item,
                Problem::new(at("id"), format!("会议编号“{}”为空或重复", m.id)),
            ));
        }
        if let Some(g) = &m.group_id {
            if !groups.contains(g.as_str()) {
                out.push((
                    item,
                    Problem::new(at("group_id"), format!("党小组“{g}”不存在")),
                ));
            }
        }
        for (field, text, max) in [
            ("theme", &m.theme, MAX_SHORT_CHARS * 2),
            ("place", &m.place, MAX_SHORT_CHARS),
            ("minutes", &m.minutes, MAX_TEXT_CHARS),
            ("remarks", &m.remarks, MAX_TEXT_CHARS),
            ("observers", &m.observers, MAX_TEXT_CHARS),
        ] {
            too_long(text, max, &at(field), item, out);
        }
        let mut attended = HashSet::new();
        for (j, a) in m.attendance.iter().enumerate() {
            if !members.contains(a.member_id.as_str()) {
                out.push((
                    item,
                    Problem::new(
                        at(&format!("attendance[{j}].member_id")),
                        format!("党员“{}”不在名册中", a.member_id),
                    ),
                ));
            }
            if !attended.insert(a.member_id.as_str()) {
                out.push((
                    item,
                    Problem::new(
                        at(&format!("attendance[{j}].member_id")),
                        "同一名党员的出席情况记录了两次",
                    ),
                ));
            }
        }
        let people = [
            ("host", &m.host),
            ("recorder", &m.recorder),
            ("lecturer", &m.lecturer),
        ]
        .into_iter()
        .map(|(f, p)| (f.to_string(), p))
        .chain(
            m.speeches
                .iter()
                .enumerate()
                .map(|(j, s)| (format!("speeches[{j}].speaker"), &s.speaker)),
        )
        .chain(
            m.follow_ups
                .iter()
                .enumerate()
                .map(|(j, f)| (format!("follow_ups[{j}].owner"), &f.owner)),
        );
        for (field, person) in people {
            check_person(person, &members, &at(&field), item, out);
        }
    }
}

fn check_person(
    person: &PersonRef,
    members: &HashSet<&str>,
    path: &str,
    item: Item,
    out: &mut Vec<(Item, Problem)>,
) {
    if let Some(id) = &person.member_id {
        if !members.contains(id.as_str()) {
            out.push((
                item,
                Problem::new(format!("{path}.member_id"), format!("党员“{id}”不在名册中")),
            ));
        }
    }
    too_long(
        &person.name,
        MAX_SHORT_CHARS,
        &format!("{path}.name"),
        item,
        out,
    );
}

fn too_long(text: &str, max: usize, path: &str, item: Item, out: &mut Vec<(Item, Problem)>) {
    let n = text.chars().count();
    if n > max {
        out.push((
            item,
            Problem::new(path, format!("内容过长：{n} 字，上限 {max} 字")),
        ));
    }
}
