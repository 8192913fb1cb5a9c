//! The small helper every check uses: it knows the item and the path it is
//! looking at, and records problems of two kinds. A broken reference or a
//! duplicate id makes the item unusable; a text or list over a limit is
//! reported and kept as it is, so nothing is lost for being long.

use std::collections::HashSet;

use super::{Item, Known, Problem};

pub struct Checker<'a> {
    out: &'a mut Vec<(Item, Problem)>,
    item: Item,
    /// The path of what is checked, ending with a dot or empty.
    at: String,
}

impl<'a> Checker<'a> {
    pub fn new(out: &'a mut Vec<(Item, Problem)>, item: Item, at: impl Into<String>) -> Self {
        Checker {
            out,
            item,
            at: at.into(),
        }
    }

    /// The same checker, one level down (`entries[2].`).
    pub fn below(&mut self, part: &str) -> Checker<'_> {
        Checker {
            out: self.out,
            item: self.item,
            at: format!("{}{part}", self.at),
        }
    }

    fn path(&self, field: &str) -> String {
        format!("{}{field}", self.at)
            .trim_end_matches('.')
            .to_string()
    }

    /// A problem that makes the item unusable.
    pub fn problem(&mut self, field: &str, message: impl Into<String>) {
        let path = self.path(field);
        self.out.push((self.item, Problem::new(path, message)));
    }

    /// A value over one of the app's limits: reported, kept.
    pub fn over_limit(&mut self, field: &str, message: impl Into<String>) {
        let path = self.path(field);
        self.out.push((self.item, Problem::kept(path, message)));
    }

    /// A text longer than the app allows: reported, kept.
    pub fn length(&mut self, field: &str, text: &str, max: usize) {
        let n = text.chars().count();
        if n > max {
            let path = self.path(field);
            self.out.push((
                self.item,
                Problem::kept(path, format!("内容过长：{n} 字，上限 {max} 字")),
            ));
        }
    }

    /// A list longer than the app allows: reported, kept.
    pub fn count(&mut self, field: &str, len: usize, max: usize, what: &str) {
        if len > max {
            let path = self.path(field);
            self.out.push((
                self.item,
                Problem::kept(path, format!("{what}有 {len} 条，上限 {max} 条")),
            ));
        }
    }

    /// An id that is empty or used twice makes its item unusable.
    pub fn unique_id<'k>(&mut self, seen: &mut HashSet<&'k str>, id: &'k str, noun: &str) {
        if id.is_empty() || !seen.insert(id) {
            self.problem("id", format!("{noun}编号“{id}”为空或重复"));
        }
    }

    /// A member the record names must be on the roster.
    pub fn member(&mut self, field: &str, id: &str, known: &Known) {
        if !known.members.contains(id) {
            self.problem(field, format!("党员“{id}”不在名册中"));
        }
    }

    /// A 党小组 the record names must exist.
    pub fn group(&mut self, field: &str, id: &str, known: &Known) {
        if !known.groups.contains(id) {
            self.problem(field, format!("党小组“{id}”不存在"));
        }
    }

    /// A meeting the record names must exist.
    pub fn meeting(&mut self, field: &str, id: &str, known: &Known) {
        if !known.meetings.contains(id) {
            self.problem(field, format!("会议“{id}”不存在"));
        }
    }
}
