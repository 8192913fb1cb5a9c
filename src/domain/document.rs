//! The document and the registry of record kinds. Everything the app knows
//! is one `Document`, exported, imported and validated as a whole and
//! stored as small records; `kinds!` below lists every kind of record once,
//! and from that list follow the document's fields and accessors, the
//! store's record keys and values, reading a document list by list,
//! validation and packages. What differs between kinds is each kind's
//! `Kind` impl, beside its type (`kind.rs` says why).
//!
//! Adding a kind: a line in the list, `Kind` (and `Keyed`) beside the type,
//! a migration step with a frozen fixture, then its page and printout
//! (ARCHITECTURE.md, "Adding a record kind").

use std::collections::BTreeMap;

use super::assessment::{AssessmentForm, BranchReview};
use super::development::Applicant;
use super::dues::{DuesAccount, DuesBook};
use super::fusion::{GroupMonth, KeyTask, MemberCommitments, StudySession};
use super::handover::Handover;
use super::kind::{Kind, Packing};
use super::meeting::ChecklistTemplate;
use super::validate::{Checks, Item, Known, Problem};
use super::year_work::{SecretaryReport, YearPlan, YearSummary};
use super::{Branch, Meeting, Member, Talk};

/// The shape of `Document` and of its stored records. Raise it with every
/// change to the stored shape and add a step to `format::migrate` with a
/// frozen fixture of the old one.
pub const SCHEMA_VERSION: u32 = 13;

/// Generates the document and its records from the list below: one
/// `single` value (the branch), the lists stored `whole` (one record each),
/// and the lists stored record by record (`each`); `get / get_mut` names the
/// accessors that find an item by its key (and `RecordKey::get` its record).
macro_rules! kinds {
    (
        single {
            $(#[$sdoc:meta])*
            $sv:ident($sf:ident: $sty:ty) = $sname:literal, $slabel:literal;
        }
        whole {$(
            $(#[$wdoc:meta])*
            $wv:ident($wf:ident: $wty:ty) = $wname:literal, $wlabel:literal
                $(, $wget:ident / $wget_mut:ident)?;
        )*}
        each {$(
            $(#[$idoc:meta])*
            $iv:ident($if_:ident: $ity:ty) = $iname:literal, $iget:ident / $iget_mut:ident;
        )*}
    ) => {
        #[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct Document {
            $(#[$sdoc])*
            pub $sf: $sty,
            $(
                $(#[$wdoc])*
                #[serde(default)]
                pub $wf: Vec<$wty>,
            )*
            $(
                $(#[$idoc])*
                #[serde(default)]
                pub $if_: Vec<$ity>,
            )*
        }

        impl Document {
            $($(
                pub fn $wget(&self, key: &str) -> Option<&$wty> {
                    self.$wf.iter().find(|x| Keyed::key(*x) == key)
                }

                pub fn $wget_mut(&mut self, key: &str) -> Option<&mut $wty> {
                    self.$wf.iter_mut().find(|x| Keyed::key(&**x) == key)
                }
            )?)*
            $(
                pub fn $iget(&self, key: &str) -> Option<&$ity> {
                    self.$if_.iter().find(|x| Keyed::key(*x) == key)
                }

                pub fn $iget_mut(&mut self, key: &str) -> Option<&mut $ity> {
                    self.$if_.iter_mut().find(|x| Keyed::key(&**x) == key)
                }
            )*
        }

        /// Calls `visitor` once for every list of the document, in the
        /// document's order.
        pub fn visit_lists(visitor: &mut impl ListVisitor) {
            $( visitor.visit::<$wty>(); )*
            $( visitor.visit::<$ity>(); )*
        }

        $(
            impl Listed for $wty {
                const FIELD: &'static str = stringify!($wf);
                const STORED_WHOLE: bool = true;

                fn list(doc: &Document) -> &Vec<Self> {
                    &doc.$wf
                }

                fn list_mut(doc: &mut Document) -> &mut Vec<Self> {
                    &mut doc.$wf
                }

                fn record_key(&self) -> RecordKey {
                    RecordKey::$wv
                }

                fn record_key_of(_: &str) -> RecordKey {
                    RecordKey::$wv
                }
            }
        )*
        $(
            impl Listed for $ity {
                const FIELD: &'static str = stringify!($if_);
                const STORED_WHOLE: bool = false;

                fn list(doc: &Document) -> &Vec<Self> {
                    &doc.$if_
                }

                fn list_mut(doc: &mut Document) -> &mut Vec<Self> {
                    &mut doc.$if_
                }

                fn record_key(&self) -> RecordKey {
                    RecordKey::$iv(Keyed::key(self).into_owned())
                }

                fn record_key_of(key: &str) -> RecordKey {
                    RecordKey::$iv(key.to_string())
                }
            }
        )*

        /// A piece of the document stored on its own.
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RecordKey {
            $sv,
            $( $wv, )*
            $( $iv(String), )*
        }

        /// The value of one record, taken out of a document.
        #[derive(Clone, Debug, PartialEq)]
        #[allow(clippy::large_enum_variant)] // short-lived copies of one record
        pub enum RecordValue {
            $sv($sty),
            $( $wv(Vec<$wty>), )*
            $( $iv($ity), )*
        }

        impl RecordKey {
            $(
                pub fn $iget(key: &str) -> RecordKey {
                    RecordKey::$iv(key.to_string())
                }
            )*

            /// `branch`, `meeting/mt-1`: the key in storage.
            pub fn name(&self) -> String {
                match self {
                    RecordKey::$sv => $sname.to_string(),
                    $( RecordKey::$wv => $wname.to_string(), )*
                    $( RecordKey::$iv(id) => format!("{}/{id}", $iname), )*
                }
            }

            pub fn from_name(name: &str) -> Option<RecordKey> {
                match name {
                    $sname => return Some(RecordKey::$sv),
                    $( $wname => return Some(RecordKey::$wv), )*
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
                    RecordKey::$sv => $slabel.to_string(),
                    $( RecordKey::$wv => $wlabel.to_string(), )*
                    $( RecordKey::$iv(id) => format!("{} {id}", <$ity as Kind>::NOUN), )*
                }
            }

            /// What a person calls this record where two phones disagree
            /// about it: the record's own title, never its key.
            pub fn title(&self, doc: &Document) -> String {
                match self {
                    RecordKey::$sv => $slabel.to_string(),
                    $( RecordKey::$wv => $wlabel.to_string(), )*
                    $( RecordKey::$iv(id) => doc
                        .$iget(id)
                        .map(|x| Kind::title(x, doc))
                        .unwrap_or_else(|| <$ity as Kind>::NOUN.to_string()), )*
                }
            }

            /// Records that hold one item of a list: a broken one is set
            /// aside whole, while a broken list keeps its readable items;
            /// only an item can be deleted (and leave a tombstone).
            pub fn is_item(&self) -> bool {
                self.document_field().1
            }

            /// The document field that holds this record, and whether the
            /// record is one item of that list (a meeting) rather than the
            /// whole value (the roster).
            pub fn document_field(&self) -> (&'static str, bool) {
                match self {
                    RecordKey::$sv => (stringify!($sf), false),
                    $( RecordKey::$wv => (stringify!($wf), false), )*
                    $( RecordKey::$iv(_) => (stringify!($if_), true), )*
                }
            }
        }

        /// Every field of the document, in the document's order.
        pub const FIELDS: &[&str] = &[
            stringify!($sf),
            $( stringify!($wf), )*
            $( stringify!($if_), )*
        ];

        /// Whether a package made for `packing` carries the deletion of the
        /// item `key` (see `Kind::pack_deletion`).
        pub fn deletion_travels(key: &RecordKey, packing: &Packing, written_here: bool) -> bool {
            match key {
                $( RecordKey::$iv(_) => <$ity as Kind>::pack_deletion(packing, written_here), )*
                _ => false,
            }
        }

        /// Whether a document field holds a list of item records.
        pub fn is_item_field(field: &str) -> bool {
            [$( stringify!($if_), )*].contains(&field)
        }

        /// The key of an item of a document list, read from its JSON (its
        /// `id`, or a review's `year`) without reading the item itself.
        pub fn key_of_item(field: &str, value: &serde_json::Value) -> Option<RecordKey> {
            $( if field == stringify!($if_) {
                return key_text(value, <$ity as Keyed>::KEY_FIELD).map(RecordKey::$iv);
            } )*
            None
        }

        /// Every record the document holds, whole values first.
        pub fn all_keys(doc: &Document) -> Vec<RecordKey> {
            let mut keys = vec![RecordKey::$sv, $( RecordKey::$wv, )*];
            $( keys.extend(doc.$if_.iter().map(Listed::record_key)); )*
            keys
        }

        /// A copy of the record in `doc`; `None` if the item is not there.
        pub fn get(doc: &Document, key: &RecordKey) -> Option<RecordValue> {
            match key {
                RecordKey::$sv => Some(RecordValue::$sv(doc.$sf.clone())),
                $( RecordKey::$wv => Some(RecordValue::$wv(doc.$wf.clone())), )*
                $( RecordKey::$iv(want) => doc.$iget(want).cloned().map(RecordValue::$iv), )*
            }
        }

        /// Puts a record into `doc`, replacing the item with its key, or
        /// removes the item with `None`. A whole value is never removed:
        /// `None` leaves it as it is.
        pub fn put(doc: &mut Document, key: &RecordKey, value: Option<RecordValue>) {
            match (key, value) {
                (RecordKey::$sv, Some(RecordValue::$sv(v))) => doc.$sf = v,
                $( (RecordKey::$wv, Some(RecordValue::$wv(v))) => doc.$wf = v, )*
                $( (RecordKey::$iv(want), v) => {
                    let at = doc.$if_.iter().position(|x| Keyed::key(x) == want.as_str());
                    match (at, v) {
                        (Some(i), Some(RecordValue::$iv(item))) => doc.$if_[i] = item,
                        (None, Some(RecordValue::$iv(item))) => doc.$if_.push(item),
                        (Some(i), None) => {
                            doc.$if_.remove(i);
                        }
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
                (RecordKey::$sv, RecordValue::$sv(v)) => doc.$sf = v,
                $( (RecordKey::$wv, RecordValue::$wv(v)) => doc.$wf = v, )*
                $( (RecordKey::$iv(_), RecordValue::$iv(item)) => doc.$if_.push(item), )*
                _ => {}
            }
        }

        /// Whether `value` is the record `key` names (an item stored under
        /// another item's key is not).
        pub fn is_under_own_key(key: &RecordKey, value: &RecordValue) -> bool {
            match (key, value) {
                (RecordKey::$sv, RecordValue::$sv(_)) => true,
                $( (RecordKey::$wv, RecordValue::$wv(_)) => true, )*
                $( (RecordKey::$iv(want), RecordValue::$iv(item)) => {
                    Keyed::key(item) == want.as_str()
                } )*
                _ => false,
            }
        }

        /// The record's data as JSON text, serialised straight from `doc`.
        pub fn to_json(doc: &Document, key: &RecordKey) -> Option<String> {
            match key {
                RecordKey::$sv => serde_json::to_string(&doc.$sf).ok(),
                $( RecordKey::$wv => serde_json::to_string(&doc.$wf).ok(), )*
                $( RecordKey::$iv(want) => doc
                    .$iget(want)
                    .and_then(|item| serde_json::to_string(item).ok()), )*
            }
        }

        /// The record's data as a JSON value.
        pub fn value_json(value: &RecordValue) -> Option<serde_json::Value> {
            match value {
                RecordValue::$sv(v) => serde_json::to_value(v).ok(),
                $( RecordValue::$wv(v) => serde_json::to_value(v).ok(), )*
                $( RecordValue::$iv(v) => serde_json::to_value(v).ok(), )*
            }
        }

        /// The record read from JSON text of today's shape: the fast path,
        /// with no intermediate `Value`.
        pub fn from_json(key: &RecordKey, text: &str) -> Result<RecordValue, String> {
            let plain = |e: serde_json::Error| plain_error(&e);
            match key {
                RecordKey::$sv => serde_json::from_str::<$sty>(text)
                    .map(RecordValue::$sv)
                    .map_err(plain),
                $( RecordKey::$wv => serde_json::from_str::<Vec<$wty>>(text)
                    .map(RecordValue::$wv)
                    .map_err(plain), )*
                $( RecordKey::$iv(_) => serde_json::from_str::<$ity>(text)
                    .map(RecordValue::$iv)
                    .map_err(plain), )*
            }
        }
    };
}

use super::kind::Keyed;

kinds! {
    single {
        /// The branch profile: its name, 党小组 and local rules.
        Branch(branch: Branch) = "branch", "支部信息";
    }
    whole {
        /// The roster.
        Members(members: Member) = "members", "党员名册", member / member_mut;
        /// The branch's edits of the default checklists, one per meeting type.
        Templates(templates: ChecklistTemplate) = "templates", "检查清单模板";
    }
    each {
        Meeting(meetings: Meeting) = "meeting", meeting / meeting_mut;
        /// Self-assessment forms: one per member, year and kind.
        Assessment(assessments: AssessmentForm) = "assessment", assessment / assessment_mut;
        /// The branch's 民主评议 decisions, one per year.
        Review(reviews: BranchReview) = "review", review_of / review_of_mut;
        /// 谈心谈话 records.
        Talk(talks: Talk) = "talk", talk / talk_mut;
        /// 重点任务清单 (with 问题清单 and 整改清单).
        Task(tasks: KeyTask) = "task", task / task_mut;
        /// Each 党小组's monthly key work and review.
        GroupMonth(group_months: GroupMonth) = "group-month", group_month / group_month_mut;
        /// Members' 承诺践诺评诺, one record per member and year.
        Commitments(commitments: MemberCommitments) = "commitments", commitments_of / commitments_of_mut;
        /// 党员每月一讲, OPL 一点课, 五分钟晨学.
        Study(studies: StudySession) = "study", study / study_mut;
        /// 换届工作: each renewal's checklist.
        Handover(handovers: Handover) = "handover", handover / handover_mut;
        /// 党费: a member's year (what was fixed, what was paid). Private
        /// to the phone that keeps the ledger.
        Dues(dues: DuesAccount) = "dues", dues_account / dues_account_mut;
        /// 党费: the branch's year (本单位规定, 上缴).
        DuesBook(dues_books: DuesBook) = "dues-book", dues_book / dues_book_mut;
        /// 年度工作计划, one per year.
        YearPlan(year_plans: YearPlan) = "year-plan", year_plan / year_plan_mut;
        /// 年度工作总结, one per year: the secretary's text (its figures
        /// are computed from the records).
        YearSummary(year_summaries: YearSummary) = "year-summary", year_summary / year_summary_mut;
        /// 书记抓基层党建工作述职, one per year: the secretary's own.
        SecretaryReport(secretary_reports: SecretaryReport) = "secretary-report", secretary_report / secretary_report_mut;
        /// 发展党员全程纪实: one applicant's path. Private to the phone
        /// that keeps it.
        Applicant(applicants: Applicant) = "applicant", applicant / applicant_mut;
    }
}

/// A list of the document (every kind in the list but the branch).
pub trait Listed: Kind {
    /// The document's field: the list's name in files and problem paths.
    const FIELD: &'static str;
    /// Stored as one record (the roster) rather than a record per item.
    const STORED_WHOLE: bool;

    fn list(doc: &Document) -> &Vec<Self>;
    fn list_mut(doc: &mut Document) -> &mut Vec<Self>;
    /// The record that holds this item.
    fn record_key(&self) -> RecordKey;
    /// The record that holds the item with this key.
    fn record_key_of(key: &str) -> RecordKey;
}

/// Code that does the same to every list of the document.
pub trait ListVisitor {
    fn visit<K: Listed>(&mut self);
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

/// The key of an item read from its JSON: text, or a number (a year).
fn key_text(value: &serde_json::Value, field: &str) -> Option<String> {
    match value.get(field)? {
        serde_json::Value::String(id) => Some(id.clone()),
        serde_json::Value::Number(n) => n.as_i64().map(|n| n.to_string()),
        _ => None,
    }
}

/// Every semantic problem of a document, each with the item it belongs to:
/// each kind checks its own list against what the document holds.
pub fn check(doc: &Document) -> Vec<(Item, Problem)> {
    struct Check<'a> {
        doc: &'a Document,
        known: Known<'a>,
        out: Vec<(Item, Problem)>,
    }
    impl ListVisitor for Check<'_> {
        fn visit<K: Listed>(&mut self) {
            let mut checks = Checks::list(&mut self.out, K::FIELD);
            K::check(K::list(self.doc), &self.known, &mut checks);
        }
    }
    let mut check = Check {
        doc,
        known: Known {
            members: doc.members.iter().map(|m| m.id.as_str()).collect(),
            groups: doc.branch.groups.iter().map(|g| g.id.as_str()).collect(),
            meetings: doc.meetings.iter().map(|m| m.id.as_str()).collect(),
        },
        out: Vec::new(),
    };
    Branch::check(
        std::slice::from_ref(&doc.branch),
        &check.known,
        &mut Checks::single(&mut check.out, "branch"),
    );
    visit_lists(&mut check);
    check.out
}

/// The document as a package for `packing` carries it: each record as its
/// kind packs it. `written_here` tells the records this phone wrote.
pub fn pack(
    doc: &Document,
    packing: &Packing,
    written_here: &dyn Fn(&RecordKey) -> bool,
) -> Document {
    struct Pack<'a> {
        from: &'a Document,
        to: Document,
        packing: &'a Packing<'a>,
        written_here: &'a dyn Fn(&RecordKey) -> bool,
    }
    impl ListVisitor for Pack<'_> {
        fn visit<K: Listed>(&mut self) {
            *K::list_mut(&mut self.to) = K::list(self.from)
                .iter()
                .filter_map(|item| item.pack(self.packing, (self.written_here)(&item.record_key())))
                .collect();
        }
    }
    let branch = doc
        .branch
        .pack(packing, written_here(&RecordKey::Branch))
        .unwrap_or_default();
    let mut pack = Pack {
        from: doc,
        to: Document {
            branch,
            ..Document::default()
        },
        packing,
        written_here,
    };
    visit_lists(&mut pack);
    pack.to
}

/// The year each record is filed under, by its stored name: the records
/// home cannot show (`Kind::filed_year`). Records not named here are read
/// first at start-up.
pub fn filed_years(doc: &Document) -> BTreeMap<String, i32> {
    struct Filed<'a> {
        doc: &'a Document,
        years: BTreeMap<String, i32>,
    }
    impl ListVisitor for Filed<'_> {
        fn visit<K: Listed>(&mut self) {
            if K::STORED_WHOLE {
                return;
            }
            for item in K::list(self.doc) {
                if let Some(year) = item.filed_year() {
                    self.years.insert(item.record_key().name(), year);
                }
            }
        }
    }
    let mut filed = Filed {
        doc,
        years: BTreeMap::new(),
    };
    visit_lists(&mut filed);
    filed.years
}

/// What a document holds, in words: "党员 25 名、会议记录 2 份、自评表 1 份",
/// every kind it has any of, in the registry's order.
pub fn contents(doc: &Document) -> String {
    struct Count<'a> {
        doc: &'a Document,
        parts: Vec<String>,
    }
    impl ListVisitor for Count<'_> {
        fn visit<K: Listed>(&mut self) {
            let n = K::list(self.doc).len();
            if n > 0 {
                self.parts.push(format!("{} {n} {}", K::NOUN, K::COUNTER));
            }
        }
    }
    let mut count = Count {
        doc,
        parts: Vec::new(),
    };
    visit_lists(&mut count);
    if count.parts.is_empty() {
        "只有支部信息".into()
    } else {
        count.parts.join("、")
    }
}

/// What a top-level field is called in a problem's place ("会议记录", and
/// its counter "份").
pub fn noun_of_field(field: &str) -> Option<(&'static str, &'static str)> {
    struct Find<'a> {
        field: &'a str,
        found: Option<(&'static str, &'static str)>,
    }
    impl ListVisitor for Find<'_> {
        fn visit<K: Listed>(&mut self) {
            if K::FIELD == self.field {
                self.found = Some((K::NOUN, K::COUNTER));
            }
        }
    }
    if field == "branch" {
        return Some((<Branch as Kind>::NOUN, <Branch as Kind>::COUNTER));
    }
    let mut find = Find { field, found: None };
    visit_lists(&mut find);
    find.found
}

impl Document {
    /// True when nothing has been entered yet: no branch name, no members, no
    /// meetings. Such a document may be replaced without asking.
    pub fn is_blank(&self) -> bool {
        self.branch.name.trim().is_empty() && self.members.is_empty() && self.meetings.is_empty()
    }

    /// The name of the member `id`, empty for one not on the roster (a
    /// record a package brought without its member).
    pub fn member_name(&self, id: &str) -> &str {
        self.member(id).map(|m| m.name.as_str()).unwrap_or_default()
    }

    /// The branch's 民主评议 record of `year`.
    pub fn review(&self, year: i32) -> Option<&BranchReview> {
        self.reviews.iter().find(|r| r.year == year)
    }

    /// The name a person reference stands for: the member's name, or the
    /// name typed by hand.
    pub fn person_name(&self, person: &super::meeting::PersonRef) -> String {
        match &person.member_id {
            Some(id) => self.member(id).map(|m| m.name.clone()).unwrap_or_default(),
            None => person.name.clone(),
        }
    }

    /// How many records mention this member: a member who appears in records
    /// can only be marked as left, never deleted.
    pub fn references_to_member(&self, id: &str) -> usize {
        struct Count<'a> {
            doc: &'a Document,
            id: &'a str,
            count: usize,
        }
        impl ListVisitor for Count<'_> {
            fn visit<K: Listed>(&mut self) {
                self.count += K::list(self.doc)
                    .iter()
                    .filter(|item| item.mentions(self.id))
                    .count();
            }
        }
        let mut count = Count {
            doc: self,
            id,
            count: 0,
        };
        visit_lists(&mut count);
        count.count
    }

    /// A short summary for confirmations: "3 个党小组、25 名党员、12 次会议".
    pub fn summary(&self) -> String {
        format!(
            "{} 个党小组、{} 名党员、{} 次会议",
            self.branch.groups.len(),
            self.members.len(),
            self.meetings.len()
        )
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
            Some(RecordKey::Meeting("mt-1/x".into()))
        );
        assert_eq!(RecordKey::from_name("meeting/"), None);
        assert_eq!(RecordKey::from_name("planet/x"), None);
        assert_eq!(RecordKey::Review("2025".into()).name(), "review/2025");
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
        let key = RecordKey::Meeting(doc.meetings[1].id.clone());
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

    #[test]
    fn every_field_of_a_file_is_a_kind_of_the_registry() {
        let value = serde_json::to_value(example()).unwrap();
        let mut fields: Vec<&str> = value
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        fields.sort_unstable();
        let mut known = FIELDS.to_vec();
        known.sort_unstable();
        assert_eq!(fields, known);
        for field in FIELDS {
            assert!(noun_of_field(field).is_some(), "{field} has no noun");
        }
    }
}
