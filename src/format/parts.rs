//! Reads a document's JSON item by item, so one broken meeting or member is
//! reported and skipped instead of sinking everything. Both the import and
//! the store's start-up read data this way.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::locate::locate;

use crate::domain::assessment::{AssessmentForm, BranchReview};
use crate::domain::fusion::{GroupMonth, KeyTask, MemberCommitments, StudySession};
use crate::domain::meeting::ChecklistTemplate;
use crate::domain::validate::{self, Item, Problem};
use crate::domain::{Document, Meeting, Member, Talk};

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
}

const KNOWN_FIELDS: [&str; 11] = [
    "branch",
    "members",
    "meetings",
    "templates",
    "assessments",
    "reviews",
    "talks",
    "tasks",
    "group_months",
    "commitments",
    "studies",
];

/// Where each kept item of a list stood in the input, so problems found
/// after others were left out still name the input's index.
#[derive(Default)]
struct Sources {
    members: Vec<usize>,
    meetings: Vec<usize>,
    assessments: Vec<usize>,
    reviews: Vec<usize>,
    talks: Vec<usize>,
    tasks: Vec<usize>,
    group_months: Vec<usize>,
    commitments: Vec<usize>,
    studies: Vec<usize>,
}

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
    let assessments: Vec<(usize, AssessmentForm)> =
        read_list(&mut object, "assessments", Item::Assessment, &mut parsed);
    let reviews: Vec<(usize, BranchReview)> =
        read_list(&mut object, "reviews", Item::Review, &mut parsed);
    let talks: Vec<(usize, Talk)> = read_list(&mut object, "talks", Item::Talk, &mut parsed);
    let tasks: Vec<(usize, KeyTask)> = read_list(&mut object, "tasks", Item::Task, &mut parsed);
    let group_months: Vec<(usize, GroupMonth)> =
        read_list(&mut object, "group_months", Item::GroupMonth, &mut parsed);
    let commitments: Vec<(usize, MemberCommitments)> =
        read_list(&mut object, "commitments", Item::Commitments, &mut parsed);
    let studies: Vec<(usize, StudySession)> =
        read_list(&mut object, "studies", Item::Study, &mut parsed);
    let sources = Sources {
        members: indices(&members),
        meetings: indices(&meetings),
        assessments: indices(&assessments),
        reviews: indices(&reviews),
        talks: indices(&talks),
        tasks: indices(&tasks),
        group_months: indices(&group_months),
        commitments: indices(&commitments),
        studies: indices(&studies),
    };
    parsed.doc.members = values(members);
    parsed.doc.meetings = values(meetings);
    parsed.doc.templates = values(templates);
    parsed.doc.assessments = values(assessments);
    parsed.doc.reviews = values(reviews);
    parsed.doc.talks = values(talks);
    parsed.doc.tasks = values(tasks);
    parsed.doc.group_months = values(group_months);
    parsed.doc.commitments = values(commitments);
    parsed.doc.studies = values(studies);
    if check_semantics {
        drop_semantic_failures(&mut parsed, sources);
    }
    parsed
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
/// out a member can leave a meeting or a form pointing at nobody, so it
/// repeats until nothing more goes.
fn drop_semantic_failures(parsed: &mut Parsed, mut src: Sources) {
    loop {
        let found: Vec<(Item, Problem)> = validate::check(&parsed.doc)
            .into_iter()
            .filter(|(_, p)| !p.kept)
            .collect();
        if found.is_empty() {
            break;
        }
        let mut drop = Sources::default();
        let mut dropped_any = false;
        for (item, mut problem) in found {
            match (item, src.list_mut(item)) {
                // The branch's own lists (党小组, templates) are part of the
                // branch: a problem there stops the whole import.
                (Item::Branch | Item::Template(_), _) => parsed.fatal = true,
                (_, Some(sources)) => {
                    let (name, i) = position(item);
                    let origin = sources.get(i).copied().unwrap_or(i);
                    problem.path = renumber(&problem.path, name, i, origin);
                    parsed.skipped.push(at_index(item, origin));
                    if let Some(list) = drop.list_mut(item) {
                        list.push(i);
                        dropped_any = true;
                    }
                }
                (_, None) => {}
            }
            parsed.problems.push(problem);
        }
        // Nothing left out means the same problems would come back forever.
        if parsed.fatal || !dropped_any {
            parsed.fatal = parsed.fatal || !dropped_any;
            return;
        }
        let doc = &mut parsed.doc;
        remove_indices(&mut doc.members, &mut src.members, &drop.members);
        remove_indices(&mut doc.meetings, &mut src.meetings, &drop.meetings);
        remove_indices(
            &mut doc.assessments,
            &mut src.assessments,
            &drop.assessments,
        );
        remove_indices(&mut doc.reviews, &mut src.reviews, &drop.reviews);
        remove_indices(&mut doc.talks, &mut src.talks, &drop.talks);
        remove_indices(&mut doc.tasks, &mut src.tasks, &drop.tasks);
        remove_indices(
            &mut doc.group_months,
            &mut src.group_months,
            &drop.group_months,
        );
        remove_indices(
            &mut doc.commitments,
            &mut src.commitments,
            &drop.commitments,
        );
        remove_indices(&mut doc.studies, &mut src.studies, &drop.studies);
        parsed.skipped.sort();
        parsed.skipped.dedup();
    }
    // What is over a limit is imported as it is, and said.
    for (item, mut problem) in validate::check(&parsed.doc) {
        if let Some(sources) = src.list_mut(item) {
            let (name, i) = position(item);
            let origin = sources.get(i).copied().unwrap_or(i);
            problem.path = renumber(&problem.path, name, i, origin);
        }
        parsed.over_limits.push(problem);
    }
}

impl Sources {
    /// The list an item belongs to, for the lists whose items can be left
    /// out one by one.
    fn list_mut(&mut self, item: Item) -> Option<&mut Vec<usize>> {
        match item {
            Item::Member(_) => Some(&mut self.members),
            Item::Meeting(_) => Some(&mut self.meetings),
            Item::Assessment(_) => Some(&mut self.assessments),
            Item::Review(_) => Some(&mut self.reviews),
            Item::Talk(_) => Some(&mut self.talks),
            Item::Task(_) => Some(&mut self.tasks),
            Item::GroupMonth(_) => Some(&mut self.group_months),
            Item::Commitments(_) => Some(&mut self.commitments),
            Item::Study(_) => Some(&mut self.studies),
            Item::Branch | Item::Template(_) => None,
        }
    }
}

/// The list name used in paths and the item's index in the checked list.
fn position(item: Item) -> (&'static str, usize) {
    match item {
        Item::Branch => ("branch", 0),
        Item::Member(i) => ("members", i),
        Item::Meeting(i) => ("meetings", i),
        Item::Template(i) => ("templates", i),
        Item::Assessment(i) => ("assessments", i),
        Item::Review(i) => ("reviews", i),
        Item::Talk(i) => ("talks", i),
        Item::Task(i) => ("tasks", i),
        Item::GroupMonth(i) => ("group_months", i),
        Item::Commitments(i) => ("commitments", i),
        Item::Study(i) => ("studies", i),
    }
}

fn at_index(item: Item, i: usize) -> Item {
    match item {
        Item::Branch => Item::Branch,
        Item::Member(_) => Item::Member(i),
        Item::Meeting(_) => Item::Meeting(i),
        Item::Template(_) => Item::Template(i),
        Item::Assessment(_) => Item::Assessment(i),
        Item::Review(_) => Item::Review(i),
        Item::Talk(_) => Item::Talk(i),
        Item::Task(_) => Item::Task(i),
        Item::GroupMonth(_) => Item::GroupMonth(i),
        Item::Commitments(_) => Item::Commitments(i),
        Item::Study(_) => Item::Study(i),
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
