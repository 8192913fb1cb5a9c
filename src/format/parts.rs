//! Reads a document's JSON item by item, so one broken meeting or member is
//! reported and skipped instead of sinking everything. Both the import and
//! the store's start-up read data this way.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::locate::locate;

use crate::domain::document::{self, visit_lists, ListVisitor, Listed, FIELDS};
use crate::domain::validate::{Item, Problem};
use crate::domain::Document;

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
    /// Members, meetings, templates, forms and reviews in the input.
    pub items_total: usize,
    /// Texts and lists over the app's limits: kept as they are.
    pub over_limits: Vec<Problem>,
    /// Numbers that could not be read (too large, negative, a fraction):
    /// each left out of its item, which is kept.
    pub mended: Vec<Problem>,
}

/// Where each kept item of a list stood in the input, so problems found
/// after others were left out still name the input's index. Only the lists
/// whose items can be left out one by one are here.
type Sources = BTreeMap<&'static str, Vec<usize>>;

/// Reads an imported document: items that fail the semantic checks
/// (dangling references, duplicate ids, overlong text) are left out.
pub fn document_from_value(value: Value) -> Parsed {
    read_document(value, true)
}

/// Reads the app's own stored records: only what cannot be read at all is
/// left out. What the app itself saved is never dropped for failing a
/// semantic check; that would delete the member's data on a reload.
pub fn stored_document_from_value(value: Value) -> Parsed {
    read_document(value, false)
}

fn read_document(value: Value, check_semantics: bool) -> Parsed {
    let mut parsed = Parsed {
        doc: Document::default(),
        problems: Vec::new(),
        skipped: Vec::new(),
        fatal: false,
        items_total: 0,
        over_limits: Vec::new(),
        mended: Vec::new(),
    };
    let Value::Object(mut object) = value else {
        parsed.fail(Problem::new("data", "数据应当是一个对象"));
        return parsed;
    };
    for key in object.keys() {
        if !FIELDS.contains(&key.as_str()) {
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
    let mut lists = ReadLists {
        object: &mut object,
        parsed: &mut parsed,
        sources: Sources::new(),
    };
    visit_lists(&mut lists);
    let sources = lists.sources;
    if check_semantics {
        drop_semantic_failures(&mut parsed, sources);
    }
    parsed
}

/// Reads every list of the document, item by item.
struct ReadLists<'a> {
    object: &'a mut Map<String, Value>,
    parsed: &'a mut Parsed,
    sources: Sources,
}

impl ListVisitor for ReadLists<'_> {
    fn visit<K: Listed>(&mut self) {
        let items: Vec<(usize, K)> = read_list(self.object, K::FIELD, self.parsed);
        if K::SKIPPABLE {
            self.sources.insert(K::FIELD, indices(&items));
        }
        *K::list_mut(&mut self.parsed.doc) = values(items);
    }
}

fn indices<T>(items: &[(usize, T)]) -> Vec<usize> {
    items.iter().map(|(i, _)| *i).collect()
}

fn values<T>(items: Vec<(usize, T)>) -> Vec<T> {
    items.into_iter().map(|(_, t)| t).collect()
}

impl Parsed {
    fn fail(&mut self, problem: Problem) {
        self.fatal = true;
        self.problems.push(problem);
    }
}

fn typed<T: DeserializeOwned>(value: Value, path: &str) -> Result<T, Problem> {
    from_text(&value).map_err(|raw| Problem::new(locate(&value, path, &raw), serde_message(&raw)))
}

/// Reads `T` from a value the way the store reads its records: from JSON
/// text. The readers from text are in the code every path that reads
/// records fetches already, so reading a package (the link a member taps)
/// adds no second reader of every kind, one from `Value`. The error's
/// words lose serde_json's "at line 1 column N" (the text is made here;
/// `locate` finds the place in the value).
fn from_text<T: DeserializeOwned>(value: &Value) -> Result<T, String> {
    serde_json::from_str(&value.to_string()).map_err(|e| {
        let raw = e.to_string();
        match raw.rfind(" at line ") {
            Some(at) if e.line() > 0 => raw[..at].to_string(),
            _ => raw,
        }
    })
}

/// How many unreadable numbers one item may lose before it is left out
/// whole: a few are a slip, many mean the item is not what it says.
const MAX_MENDS: usize = 8;

/// Reads an item; a number it cannot hold (4294967296 or −1 for a count, a
/// fraction) is left out of the item rather than losing the item, and
/// named in `notes`: an optional number goes blank, a required one reads
/// as 0 for the member to check.
///
/// `read` takes the value or says why not. Written once, not once per
/// kind, so that reading a package stays small in the code a link fetches.
fn mend(
    mut value: Value,
    path: &str,
    notes: &mut Vec<Problem>,
    read: &mut dyn FnMut(&Value) -> Result<(), String>,
) -> Result<(), Problem> {
    // Each number left out: where its object is, its key, and the note.
    let mut left_out: Vec<(String, String, Problem)> = Vec::new();
    for _ in 0..=2 * MAX_MENDS {
        let raw = match read(&value) {
            Ok(()) => {
                notes.extend(left_out.into_iter().map(|(_, _, note)| note));
                return Ok(());
            }
            Err(raw) => raw,
        };
        let refused = |value: &Value| Problem::new(locate(value, path, &raw), serde_message(&raw));
        // A number the item cannot do without reads as 0.
        if let Some(missing) = quoted_field(&raw) {
            let Some((parent, key, note)) =
                left_out.iter_mut().rev().find(|(_, k, _)| *k == missing)
            else {
                return Err(refused(&value));
            };
            let Some(object) = value.pointer_mut(parent).and_then(Value::as_object_mut) else {
                return Err(refused(&value));
            };
            if object.insert(key.clone(), Value::from(0)).is_some() {
                return Err(refused(&value));
            }
            note.message = note.message.replace("未读入", "已按 0 读入，请核对后改正");
            continue;
        }
        let at = locate(&value, "", &raw);
        let Some((parent, key)) = at.rsplit_once('.') else {
            return Err(refused(&value));
        };
        let parent_pointer = pointer(parent);
        let number = parent_pointer
            .as_deref()
            .and_then(|p| value.pointer_mut(p))
            .and_then(Value::as_object_mut)
            .filter(|object| object.get(key).is_some_and(Value::is_number))
            .and_then(|object| object.remove(key));
        let (Some(number), Some(parent_pointer), true) =
            (number, parent_pointer, left_out.len() < MAX_MENDS)
        else {
            return Err(refused(&value));
        };
        left_out.push((
            parent_pointer,
            key.to_string(),
            Problem::new(
                format!("{path}{at}"),
                format!("{number} 不是有效的数字，未读入"),
            ),
        ));
    }
    Err(Problem::new(path, "无法读取的数字太多"))
}

/// The field a "missing field `x`" message names.
fn quoted_field(raw: &str) -> Option<&str> {
    raw.strip_prefix("missing field `")?.split('`').next()
}

/// A located path (`.votes[0].in_favour`) as a JSON pointer
/// (`/votes/0/in_favour`); the empty path is the item itself.
fn pointer(path: &str) -> Option<String> {
    let mut out = String::new();
    for segment in path.split('.').skip(1) {
        let (key, indices) = match segment.split_once('[') {
            Some((key, rest)) => (key, Some(rest)),
            None => (segment, None),
        };
        out.push('/');
        out.push_str(key);
        for index in indices.into_iter().flat_map(|r| r.split('[')) {
            out.push('/');
            out.push_str(index.strip_suffix(']')?);
        }
    }
    (!path.is_empty() || out.is_empty()).then_some(out)
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
    field: &'static str,
    parsed: &mut Parsed,
) -> Vec<(usize, T)> {
    let mut out = Vec::new();
    read_each(object, field, parsed, &mut |i, value| {
        out.push((i, from_text::<T>(value)?));
        Ok(())
    });
    out
}

/// Reads each item of the list `field` with `read` (given its index),
/// mending or leaving out what cannot be read: the same for every kind.
fn read_each(
    object: &mut Map<String, Value>,
    field: &'static str,
    parsed: &mut Parsed,
    read: &mut dyn FnMut(usize, &Value) -> Result<(), String>,
) {
    let values = match object.remove(field) {
        None | Some(Value::Null) => return,
        Some(Value::Array(values)) => values,
        Some(_) => {
            parsed.fail(Problem::new(field, "应当是一个列表"));
            return;
        }
    };
    parsed.items_total += values.len();
    for (i, value) in values.into_iter().enumerate() {
        let path = format!("{field}[{i}]");
        if let Err(p) = mend(value, &path, &mut parsed.mended, &mut |value| {
            read(i, value)
        }) {
            parsed.problems.push(p);
            parsed.skipped.push(Item {
                list: field,
                index: i,
            });
        }
    }
}

/// Runs the semantic checks and leaves out every item with a problem. Leaving
/// out a member can leave a meeting or a form pointing at nobody, so it
/// repeats until nothing more goes.
fn drop_semantic_failures(parsed: &mut Parsed, mut src: Sources) {
    loop {
        let found: Vec<(Item, Problem)> = document::check(&parsed.doc)
            .into_iter()
            .filter(|(_, p)| !p.kept)
            .collect();
        if found.is_empty() {
            break;
        }
        let mut drop = Sources::new();
        for (item, mut problem) in found {
            match src.get(item.list) {
                // The branch, and its own lists (templates), cannot lose an
                // item: a problem there stops the whole import.
                None => parsed.fatal = true,
                Some(sources) => {
                    let origin = sources.get(item.index).copied().unwrap_or(item.index);
                    problem.path = renumber(&problem.path, item.list, item.index, origin);
                    parsed.skipped.push(Item {
                        list: item.list,
                        index: origin,
                    });
                    drop.entry(item.list).or_default().push(item.index);
                }
            }
            parsed.problems.push(problem);
        }
        // Nothing left out means the same problems would come back forever.
        if parsed.fatal || drop.is_empty() {
            parsed.fatal = true;
            return;
        }
        visit_lists(&mut RemoveItems {
            doc: &mut parsed.doc,
            sources: &mut src,
            drop: &drop,
        });
        parsed.skipped.sort();
        parsed.skipped.dedup();
    }
    // What is over a limit is imported as it is, and said.
    for (item, mut problem) in document::check(&parsed.doc) {
        if let Some(sources) = src.get(item.list) {
            let origin = sources.get(item.index).copied().unwrap_or(item.index);
            problem.path = renumber(&problem.path, item.list, item.index, origin);
        }
        parsed.over_limits.push(problem);
    }
}

/// Leaves the dropped items out of every list, and out of its sources.
struct RemoveItems<'a> {
    doc: &'a mut Document,
    sources: &'a mut Sources,
    drop: &'a Sources,
}

impl ListVisitor for RemoveItems<'_> {
    fn visit<K: Listed>(&mut self) {
        if let (Some(drop), Some(sources)) =
            (self.drop.get(K::FIELD), self.sources.get_mut(K::FIELD))
        {
            remove_indices(K::list_mut(self.doc), sources, drop);
        }
    }
}

fn renumber(path: &str, list: &str, from: usize, to: usize) -> String {
    path.replacen(&format!("{list}[{from}]"), &format!("{list}[{to}]"), 1)
}

fn remove_indices<T>(items: &mut Vec<T>, sources: &mut Vec<usize>, drop: &[usize]) {
    // A set, not `drop.contains`: a hostile file can list many thousands.
    let drop: std::collections::HashSet<usize> = drop.iter().copied().collect();
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

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use serde_json::json;

    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Entry {
        #[allow(dead_code)] // read only to be refused
        count: u32,
    }

    #[test]
    fn an_unreadable_value_is_named_where_it_stands_without_the_texts_position() {
        let refused = typed::<Entry>(json!({ "count": "three" }), "items[2]").unwrap_err();
        assert_eq!(refused.path, "items[2].count");
        assert_eq!(
            refused.message,
            "类型不对（invalid type: string \"three\", expected u32）"
        );
        let unknown =
            typed::<Entry>(json!({ "count": 1, "colour": "red" }), "items[0]").unwrap_err();
        assert_eq!(unknown.path, "items[0].colour");
        assert!(!unknown.message.contains("at line"), "{}", unknown.message);
    }

    #[test]
    fn a_number_too_large_for_its_field_is_left_out_and_said() {
        #[derive(Debug, Deserialize)]
        struct Counted {
            #[serde(default)]
            count: Option<u32>,
        }
        let mut notes = Vec::new();
        let mut read = None;
        mend(
            json!({ "count": 4_294_967_296_u64 }),
            "items[0]",
            &mut notes,
            &mut |value| {
                read = Some(from_text::<Counted>(value)?);
                Ok(())
            },
        )
        .unwrap();
        assert!(read.is_some_and(|r| r.count.is_none()));
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].path, "items[0].count");
        assert_eq!(notes[0].message, "4294967296 不是有效的数字，未读入");
    }
}
