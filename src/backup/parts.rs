//! Reads a document's JSON item by item, so one broken meeting or member is
//! reported and skipped instead of sinking everything. Both the import and
//! the store's start-up read data this way.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::locate::locate;

use crate::domain::meeting::ChecklistTemplate;
use crate::domain::validate::{self, Item, Problem};
use crate::domain::{Document, Meeting, Member};

/// What could be read, what could not, and whether the rest is usable.
#[derive(Debug)]
pub struct Parsed {
    /// The valid items; meaningless when `fatal`.
    pub doc: Document,
    pub problems: Vec<Problem>,
    /// Items left out, by their index in the input.
    pub skipped: Vec<Item>,
    /// The branch profile itself, or the document's shape, is broken.
    pub fatal: bool,
    /// Members, meetings and templates in the input.
    pub items_total: usize,
}

const KNOWN_FIELDS: [&str; 4] = ["branch", "members", "meetings", "templates"];

pub fn document_from_value(value: Value) -> Parsed {
    let mut parsed = Parsed {
        doc: Document::default(),
        problems: Vec::new(),
        skipped: Vec::new(),
        fatal: false,
        items_total: 0,
    };
    let Value::Object(mut object) = value else {
        parsed.fail(Problem::new("data", "数据应当是一个对象"));
        return parsed;
    };
    for key in object.keys() {
        if !KNOWN_FIELDS.contains(&key.as_str()) {
            parsed.fail(Problem::new(format!("data.{key}"), "无法识别的字段"));
        }
    }
    match object.remove("branch") {
        None => parsed.fail(Problem::new("branch", "缺少支部信息")),
        Some(v) => match typed(v, "branch") {
            Ok(branch) => parsed.doc.branch = branch,
            Err(p) => parsed.fail(p),
        },
    }
    if parsed.fatal {
        return parsed;
    }
    let members: Vec<(usize, Member)> =
        read_list(&mut object, "members", Item::Member, &mut parsed);
    let meetings: Vec<(usize, Meeting)> =
        read_list(&mut object, "meetings", Item::Meeting, &mut parsed);
    let templates: Vec<(usize, ChecklistTemplate)> =
        read_list(&mut object, "templates", Item::Template, &mut parsed);
    parsed.doc.members = members.iter().map(|(_, m)| m.clone()).collect();
    parsed.doc.meetings = meetings.iter().map(|(_, m)| m.clone()).collect();
    parsed.doc.templates = templates.iter().map(|(_, t)| t.clone()).collect();
    let member_src: Vec<usize> = members.iter().map(|(i, _)| *i).collect();
    let meeting_src: Vec<usize> = meetings.iter().map(|(i, _)| *i).collect();
    drop_semantic_failures(&mut parsed, member_src, meeting_src);
    parsed
}

impl Parsed {
    fn fail(&mut self, problem: Problem) {
        self.fatal = true;
        self.problems.push(problem);
    }
}

fn typed<T: DeserializeOwned>(value: Value, path: &str) -> Result<T, Problem> {
    T::deserialize(&value).map_err(|e| {
        let raw = e.to_string();
        Problem::new(locate(&value, path, &raw), serde_message(&raw))
    })
}

/// serde's messages in Chinese, for the cases people meet.
fn serde_message(raw: &str) -> String {
    let kind = if raw.starts_with("missing field") {
        "缺少必填字段"
    } else if raw.starts_with("unknown field") {
        "无法识别的字段"
    } else if raw.starts_with("unknown variant") {
        "取值无法识别"
    } else if raw.starts_with("invalid type") {
        "类型不对"
    } else if raw.contains("premature end of input")
        || raw.contains("input contains invalid characters")
    {
        "日期或时间格式不对"
    } else {
        "内容无效"
    };
    format!("{kind}（{raw}）")
}

fn read_list<T: DeserializeOwned>(
    object: &mut Map<String, Value>,
    field: &str,
    item: fn(usize) -> Item,
    parsed: &mut Parsed,
) -> Vec<(usize, T)> {
    let values = match object.remove(field) {
        None | Some(Value::Null) => return Vec::new(),
        Some(Value::Array(values)) => values,
        Some(_) => {
            parsed.fail(Problem::new(field, "应当是一个列表"));
            return Vec::new();
        }
    };
    parsed.items_total += values.len();
    let mut out = Vec::new();
    for (i, value) in values.into_iter().enumerate() {
        match typed(value, &format!("{field}[{i}]")) {
            Ok(t) => out.push((i, t)),
            Err(p) => {
                parsed.problems.push(p);
                parsed.skipped.push(item(i));
            }
        }
    }
    out
}

/// Runs the semantic checks and leaves out every item with a problem. Leaving
/// out a member can leave a meeting pointing at nobody, so it repeats until
/// nothing more goes.
fn drop_semantic_failures(
    parsed: &mut Parsed,
    mut member_src: Vec<usize>,
    mut meeting_src: Vec<usize>,
) {
    loop {
        let found = validate::check(&parsed.doc);
        if found.is_empty() {
            return;
        }
        let mut drop_members = Vec::new();
        let mut drop_meetings = Vec::new();
        for (item, mut problem) in found {
            match item {
                Item::Branch => {
                    parsed.fatal = true;
                }
                Item::Member(i) => {
                    problem.path = renumber(&problem.path, "members", i, member_src[i]);
                    drop_members.push(i);
                    parsed.skipped.push(Item::Member(member_src[i]));
                }
                Item::Meeting(i) => {
                    problem.path = renumber(&problem.path, "meetings", i, meeting_src[i]);
                    drop_meetings.push(i);
                    parsed.skipped.push(Item::Meeting(meeting_src[i]));
                }
                Item::Template(_) => {}
            }
            parsed.problems.push(problem);
        }
        if parsed.fatal {
            return;
        }
        remove_indices(&mut parsed.doc.members, &mut member_src, &drop_members);
        remove_indices(&mut parsed.doc.meetings, &mut meeting_src, &drop_meetings);
        parsed.skipped.sort();
        parsed.skipped.dedup();
    }
}

fn renumber(path: &str, list: &str, from: usize, to: usize) -> String {
    path.replacen(&format!("{list}[{from}]"), &format!("{list}[{to}]"), 1)
}

fn remove_indices<T>(items: &mut Vec<T>, sources: &mut Vec<usize>, drop: &[usize]) {
    let mut i = 0;
    items.retain(|_| {
        let keep = !drop.contains(&i);
        i += 1;
        keep
    });
    let mut j = 0;
    sources.retain(|_| {
        let keep = !drop.contains(&j);
        j += 1;
        keep
    });
}
