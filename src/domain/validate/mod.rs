//! The machinery of the checks serde cannot do: unique ids, references
//! that exist, lengths. Each kind checks its own list (its `Kind::check`,
//! beside its type); `document::check` runs them all. Each problem names
//! the path of the value, like `members[3].group_id`. A broken id or
//! reference makes its item unusable; a text or list over the app's limits
//! (`super::limits`) is reported and kept.

mod checker;

use std::collections::HashSet;

pub use checker::Checker;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
    /// Over a limit: reported, and the item is kept as it is.
    pub kept: bool,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
            kept: false,
        }
    }

    pub fn kept(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            kept: true,
            ..Problem::new(path, message)
        }
    }
}

/// The item a problem belongs to: one item of a document list (which an
/// import can leave out), or the branch itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Item {
    /// The document field: `members`, `meetings`, or `branch`.
    pub list: &'static str,
    pub index: usize,
}

impl Item {
    pub const BRANCH: Item = Item {
        list: "branch",
        index: 0,
    };
}

/// What the document holds that records refer to.
pub struct Known<'a> {
    pub members: HashSet<&'a str>,
    pub groups: HashSet<&'a str>,
    pub meetings: HashSet<&'a str>,
}

/// Where the checks of one list put their problems.
pub struct Checks<'a> {
    out: &'a mut Vec<(Item, Problem)>,
    list: &'static str,
    single: bool,
}

impl<'a> Checks<'a> {
    /// The checks of a document list: paths like `meetings[2].theme`.
    pub fn list(out: &'a mut Vec<(Item, Problem)>, list: &'static str) -> Self {
        Checks {
            out,
            list,
            single: false,
        }
    }

    /// The checks of a single value: paths like `branch.name`.
    pub fn single(out: &'a mut Vec<(Item, Problem)>, name: &'static str) -> Self {
        Checks {
            out,
            list: name,
            single: true,
        }
    }

    /// The checker of the list's item `index`.
    pub fn item(&mut self, index: usize) -> Checker<'_> {
        let at = if self.single {
            format!("{}.", self.list)
        } else {
            format!("{}[{index}].", self.list)
        };
        Checker::new(
            self.out,
            Item {
                list: self.list,
                index,
            },
            at,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::{decide, new_form, AssessmentKind, Decision, Grade};
    use crate::domain::document::check;
    use crate::domain::limits;
    use crate::domain::rules::fixtures::{document, full_members};
    use crate::domain::Document;

    fn paths(doc: &Document) -> Vec<(Item, String)> {
        check(doc).into_iter().map(|(i, p)| (i, p.path)).collect()
    }

    #[test]
    fn forms_need_a_member_a_sane_year_and_known_standards() {
        let mut doc = document(&[], full_members("p", 1), Vec::new());
        let mut form = new_form("f1", "p1", 2025, AssessmentKind::FourQualified);
        form.entries[1].key = "conviction".into();
        form.entries[2].key = "political".into();
        form.entries[3].facts = "长".repeat(limits::FORM_TEXT + 1);
        form.set_dimension("廉洁自律", Some("好"));
        form.dimensions[0].name = "颜值".into();
        doc.assessments.push(form);
        doc.assessments.push(new_form(
            "f1",
            "nobody",
            1999,
            AssessmentKind::FourQualified,
        ));
        doc.assessments
            .push(new_form("f3", "p1", 2025, AssessmentKind::FourQualified));
        doc.assessments
            .push(new_form("f4", "p1", 2025, AssessmentKind::FiveExcellent));
        assert_eq!(
            paths(&doc),
            [
                (
                    Item {
                        list: "assessments",
                        index: 0
                    },
                    "assessments[0].entries[1].key".into()
                ),
                (
                    Item {
                        list: "assessments",
                        index: 0
                    },
                    "assessments[0].entries[2].key".into()
                ),
                (
                    Item {
                        list: "assessments",
                        index: 0
                    },
                    "assessments[0].entries[3].facts".into()
                ),
                (
                    Item {
                        list: "assessments",
                        index: 0
                    },
                    "assessments[0].dimensions[0].name".into()
                ),
                (
                    Item {
                        list: "assessments",
                        index: 1
                    },
                    "assessments[1].id".into()
                ),
                (
                    Item {
                        list: "assessments",
                        index: 1
                    },
                    "assessments[1].member_id".into()
                ),
                (
                    Item {
                        list: "assessments",
                        index: 1
                    },
                    "assessments[1].year".into()
                ),
                (
                    Item {
                        list: "assessments",
                        index: 2
                    },
                    "assessments[2].kind".into()
                ),
            ]
        );
    }

    #[test]
    fn reviews_are_one_per_year_and_name_members_of_the_roster() {
        let mut doc = document(&[], full_members("p", 1), Vec::new());
        let graded = Some(Decision::Graded {
            grade: Grade::Qualified,
        });
        decide(&mut doc, 2025, "p1", graded.clone());
        decide(&mut doc, 2025, "ghost", graded);
        doc.reviews.push(doc.reviews[0].clone());
        doc.reviews[1].entries.truncate(1);
        assert_eq!(
            paths(&doc),
            [
                (
                    Item {
                        list: "reviews",
                        index: 0
                    },
                    "reviews[0].entries[1].member_id".into()
                ),
                (
                    Item {
                        list: "reviews",
                        index: 1
                    },
                    "reviews[1].year".into()
                ),
            ]
        );
    }

    #[test]
    fn branch_settings_are_capped() {
        let mut doc = document(&[], Vec::new(), Vec::new());
        doc.branch.assessment.rating_scale = vec!["好".into(); 11];
        doc.branch.assessment.negative_situations[0] = "长".repeat(limits::SHORT + 1);
        let found = paths(&doc);
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|(i, _)| *i == Item::BRANCH));
    }
}
