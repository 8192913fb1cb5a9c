//! The small helper every check uses: it knows the item and the path it is
//! looking at, and records problems of two kinds. A broken reference or a
//! duplicate id makes the item unusable; a text or list over a limit is
//! reported and kept as it is, so nothing is lost for being long.

use super::{Item, Problem};

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
}
