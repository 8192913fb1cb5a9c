//! The records the document is stored in: one for the branch profile, the
//! roster and the templates, one per meeting, form or review. This is the
//! one place that knows which part of a `Document` each record holds; a
//! new record type is one line in the `records!` list below.

use serde_json::Value;

use crate::domain::assessment::{AssessmentForm, BranchReview};
use crate::domain::fusion::{GroupMonth, KeyTask, MemberCommitments, StudySession};
use crate::domain::meeting::ChecklistTemplate;
use crate::domain::{Branch, Document, Meeting, Member, Talk};

macro_rules! records {
    (
        singles { $( $sv:ident ( $sty:ty ) = $sfield:ident, $sname:literal, $slabel:literal; )* }
        items { $( $iv:ident ( $ity:ty ) = $ifield:ident, $iname:literal, $ilabel:literal, |$x:ident| $id:expr; )* }
    ) => {
        /// A piece of the document stored on its own.
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RecordKey {
            $( $sv, )*
            $( $iv(String), )*
        }

        /// The value of one record, taken out of a document.
        #[derive(Clone, Debug, PartialEq)]
        #[allow(clippy::large_enum_variant)] // short-lived copies of one record
        pub enum RecordValue {
            $( $sv($sty), )*
            $( $iv($ity), )*
        }

        impl RecordKey {
            /// `branch`, `meeting/mt-1`: the key in storage.
            pub fn name(&self) -> String {
                match self {
                    $( RecordKey::$sv => $sname.to_string(), )*
                    $( RecordKey::$iv(id) => format!("{}/{id}", $iname), )*
                }
            }

            pub fn from_name(name: &str) -> Option<RecordKey> {
                match name {
                    $( $sname => return Some(RecordKey::$sv), )*
                    _ => {}
                }
                let (kind, id) = name.split_once('/')?;
                if id.is_empty() {
                    return None;
                }
                match kind {
                    $( $iname => Some(RecordKey::$iv(id.to_string())), )*
                    _ => None,
                }
            }

            /// What a person would call this record on the recovery screen.
            pub fn label(&self) -> String {
                match self {
                    $( RecordKey::$sv => $slabel.to_string(), )*
                    $( RecordKey::$iv(id) => format!("{} {id}", $ilabel), )*
                }
            }

            /// The document field that holds this record, and whether the
            /// record is one item of that list (a meeting) rather than the
            /// whole value (the roster).
            pub fn document_field(&self) -> (&'static str, bool) {
                match self {
                    $( RecordKey::$sv => (stringify!($sfield), false), )*
                    $( RecordKey::$iv(_) => (stringify!($ifield), true), )*
                }
            }
        }

        /// Whether a document field holds a list of item records.
        pub fn is_item_field(field: &str) -> bool {
            [$( stringify!($ifield), )*].contains(&field)
        }

        /// The key of an item of a document list, read from its JSON (its
        /// `id`, or a review's `year`) without reading the item itself.
        pub fn key_of_item(field: &str, value: &Value) -> Option<RecordKey> {
            let id = match value.get("id").and_then(Value::as_str) {
                Some(id) => id.to_string(),
                None => value.get("year")?.as_i64()?.to_string(),
            };
            $( if field == stringify!($ifield) {
                return Some(RecordKey::$iv(id));
            } )*
            None
        }

        /// Every record the document holds, singles first.
        pub fn all_keys(doc: &Document) -> Vec<RecordKey> {
            let mut keys = vec![$( RecordKey::$sv, )*];
            $( keys.extend(doc.$ifield.iter().map(|$x: &$ity| RecordKey::$iv($id))); )*
            keys
        }

        /// A copy of the record in `doc`; `None` if the item is not there.
        pub fn get(doc: &Document, key: &RecordKey) -> Option<RecordValue> {
            match key {
                $( RecordKey::$sv => Some(RecordValue::$sv(doc.$sfield.clone())), )*
                $( RecordKey::$iv(want) => doc
                    .$ifield
                    .iter()
                    .find(|$x: &&$ity| { let $x: &$ity = $x; &$id == want })
                    .cloned()
                    .map(RecordValue::$iv), )*
            }
        }

        /// Puts a record into `doc`, replacing the item with its key, or
        /// removes the item with `None`. A single record is never removed:
        /// `None` leaves it as it is.
        pub fn put(doc: &mut Document, key: &RecordKey, value: Option<RecordValue>) {
            match (key, value) {
                $( (RecordKey::$sv, Some(RecordValue::$sv(v))) => doc.$sfield = v, )*
                $( (RecordKey::$iv(want), v) => {
                    let at = doc.$ifield.iter().position(|$x: &$ity| &$id == want);
                    match (at, v) {
                        (Some(i), Some(RecordValue::$iv(item))) => doc.$ifield[i] = item,
                        (None, Some(RecordValue::$iv(item))) => doc.$ifield.push(item),
                        (Some(i), None) => { doc.$ifield.remove(i); }
                        _ => {}
                    }
                } )*
                _ => {}
            }
        }

        /// Adds a record under a key `doc` holds nothing under yet (loading
        /// a key for the first time): no search through the list, which for
        /// ten years of meetings made loading quadratic.
        pub fn put_new(doc: &mut Document, key: &RecordKey, value: RecordValue) {
            match (key, value) {
                $( (RecordKey::$sv, RecordValue::$sv(v)) => doc.$sfield = v, )*
                $( (RecordKey::$iv(_), RecordValue::$iv(item)) => doc.$ifield.push(item), )*
                _ => {}
            }
        }

        /// Whether `value` is the record `key` names (an item stored under
        /// another item's key is not).
        pub fn is_under_own_key(key: &RecordKey, value: &RecordValue) -> bool {
            match (key, value) {
                $( (RecordKey::$sv, RecordValue::$sv(_)) => true, )*
                $( (RecordKey::$iv(want), RecordValue::$iv(item)) => {
                    let $x: &$ity = item;
                    &$id == want
                } )*
                _ => false,
            }
        }

        /// The record's data as JSON text, serialised straight from `doc`.
        pub fn to_json(doc: &Document, key: &RecordKey) -> Option<String> {
            match key {
                $( RecordKey::$sv => serde_json::to_string(&doc.$sfield).ok(), )*
                $( RecordKey::$iv(want) => doc
                    .$ifield
                    .iter()
                    .find(|$x: &&$ity| { let $x: &$ity = $x; &$id == want })
                    .and_then(|item| serde_json::to_string(item).ok()), )*
            }
        }

        /// The record's data as a JSON value.
        pub fn value_json(value: &RecordValue) -> Option<Value> {
            match value {
                $( RecordValue::$sv(v) => serde_json::to_value(v).ok(), )*
                $( RecordValue::$iv(v) => serde_json::to_value(v).ok(), )*
            }
        }

        /// The record read from JSON text of today's shape: the fast path,
        /// with no intermediate `Value`.
        pub fn from_json(key: &RecordKey, text: &str) -> Result<RecordValue, String> {
            match key {
                $( RecordKey::$sv => serde_json::from_str::<$sty>(text)
                    .map(RecordValue::$sv)
                    .map_err(|e| plain_error(&e)), )*
                $( RecordKey::$iv(_) => serde_json::from_str::<$ity>(text)
                    .map(RecordValue::$iv)
                    .map_err(|e| plain_error(&e)), )*
            }
        }
    };
}

/// A parse error's words without " at line 1 column 42", which says
/// nothing to a member (the record's name or path in front of it does).
pub fn plain_error(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

records! {
    singles {
        Branch(Branch) = branch, "branch", "支部信息";
        Members(Vec<Member>) = members, "members", "党员名册";
        Templates(Vec<ChecklistTemplate>) = templates, "templates", "检查清单模板";
    }
    items {
        Meeting(Meeting) = meetings, "meeting", "会议记录", |m| m.id.clone();
        Assessment(AssessmentForm) = assessments, "assessment", "自评表", |a| a.id.clone();
        Review(BranchReview) = reviews, "review", "民主评议记录", |r| r.year.to_string();
        Talk(Talk) = talks, "talk", "谈心谈话记录", |t| t.id.clone();
        Task(KeyTask) = tasks, "task", "重点任务", |t| t.id.clone();
        GroupMonth(GroupMonth) = group_months, "group-month", "党小组月度重点工作", |g| g.id.clone();
        Commitments(MemberCommitments) = commitments, "commitments", "承诺践诺", |c| c.id.clone();
        Study(StudySession) = studies, "study", "学习记录", |s| s.id.clone();
    }
}

impl RecordKey {
    pub fn meeting(id: &str) -> RecordKey {
        RecordKey::Meeting(id.to_string())
    }

    pub fn assessment(id: &str) -> RecordKey {
        RecordKey::Assessment(id.to_string())
    }

    pub fn talk(id: &str) -> RecordKey {
        RecordKey::Talk(id.to_string())
    }

    pub fn task(id: &str) -> RecordKey {
        RecordKey::Task(id.to_string())
    }

    pub fn group_month(id: &str) -> RecordKey {
        RecordKey::GroupMonth(id.to_string())
    }

    pub fn commitments(id: &str) -> RecordKey {
        RecordKey::Commitments(id.to_string())
    }

    pub fn study(id: &str) -> RecordKey {
        RecordKey::Study(id.to_string())
    }

    pub fn review(year: i32) -> RecordKey {
        RecordKey::Review(year.to_string())
    }

    /// Records that hold one item of a list: a broken one is set aside
    /// whole, while a broken list keeps its readable items.
    pub fn is_item(&self) -> bool {
        self.document_field().1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::example_document;

    fn example() -> Document {
        example_document(chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap())
    }

    #[test]
    fn names_round_trip() {
        for key in all_keys(&example()) {
            assert_eq!(RecordKey::from_name(&key.name()), Some(key.clone()));
        }
        assert_eq!(
            RecordKey::from_name("meeting/mt-1/x"),
            Some(RecordKey::meeting("mt-1/x"))
        );
        assert_eq!(RecordKey::from_name("meeting/"), None);
        assert_eq!(RecordKey::from_name("planet/x"), None);
        assert_eq!(RecordKey::review(2025).name(), "review/2025");
    }

    #[test]
    fn every_record_goes_out_and_back_in() {
        let doc = example();
        let mut rebuilt = Document::default();
        for key in all_keys(&doc) {
            let text = to_json(&doc, &key).unwrap();
            put(&mut rebuilt, &key, Some(from_json(&key, &text).unwrap()));
            assert_eq!(get(&rebuilt, &key), get(&doc, &key));
        }
        assert_eq!(rebuilt, doc);
    }

    #[test]
    fn put_replaces_in_place_and_none_removes_items_only() {
        let mut doc = example();
        let key = RecordKey::meeting(&doc.meetings[1].id);
        let mut changed = doc.meetings[1].clone();
        changed.theme = "改过".into();
        put(&mut doc, &key, Some(RecordValue::Meeting(changed)));
        assert_eq!(doc.meetings[1].theme, "改过");
        let count = doc.meetings.len();
        put(&mut doc, &key, None);
        assert_eq!(doc.meetings.len(), count - 1);
        put(&mut doc, &RecordKey::Branch, None);
        assert_eq!(doc.branch, example().branch);
    }
}
