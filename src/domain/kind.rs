//! What every kind of record answers, beside its type: its checks, which
//! packages carry it, and whether it names a member. The list of kinds is
//! in `document.rs`; everything that works on every kind follows from that
//! list and from these answers.
//!
//! The methods have no defaults on purpose: a new kind that does not say
//! which packages carry it, or what it checks, does not compile.

use std::borrow::Cow;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::validate::{Checks, Known};

/// The packages that carry records from one phone to another.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Everything on the phone.
    #[default]
    Full,
    /// 支部资料包: what the branch shares with every member.
    Branch,
    /// 交给书记: what a member hands in.
    Return,
}

impl Scope {
    pub fn label(self) -> &'static str {
        match self {
            Scope::Full => "完整备份",
            Scope::Branch => "支部资料包",
            Scope::Return => "交给书记的材料",
        }
    }
}

/// What a package is made for, and by whom.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Packing<'a> {
    pub scope: Scope,
    /// The member who uses this phone: a return carries their own records.
    pub me: Option<&'a str>,
    /// The first year a 支部资料包 carries: older history stays with the
    /// secretary.
    pub since_year: i32,
    /// A full backup carries what is private to its keeper (incomes, 党费
    /// bases) only when the keeper chooses.
    pub with_private: bool,
}

impl Packing<'_> {
    /// A full backup, with everything.
    pub const FULL: Packing<'static> = Packing {
        scope: Scope::Full,
        me: None,
        since_year: i32::MIN,
        with_private: true,
    };

    /// Whether the package carries a record the branch shares and any
    /// phone may write (a meeting, a key task): every full backup; a 支部资料包
    /// where `members_keep_it` (the record is of the years members keep); a
    /// return where this phone wrote it.
    pub fn carries_shared(&self, members_keep_it: bool, written_here: bool) -> bool {
        match self.scope {
            Scope::Full => true,
            Scope::Branch => members_keep_it,
            Scope::Return => written_here,
        }
    }

    /// Whether the package carries the deletion of a shared record: a
    /// deletion stays one on members' phones, and a member's phone sends
    /// back only the deletions made there.
    pub fn carries_shared_deletion(&self, deleted_here: bool) -> bool {
        self.scope != Scope::Return || deleted_here
    }

    /// Whether the package carries a record private to the member
    /// `member_id` and the secretary (a self-assessment form, pledges):
    /// every full backup and that member's own return; no 支部资料包 carries
    /// anyone's.
    pub fn carries_private_to(&self, member_id: &str) -> bool {
        match self.scope {
            Scope::Full => true,
            Scope::Branch => false,
            Scope::Return => self.me == Some(member_id),
        }
    }

    /// Whether the package carries the deletion of a record private to a
    /// member: a full backup, and a return where this phone deleted it.
    pub fn carries_private_deletion(&self, deleted_here: bool) -> bool {
        match self.scope {
            Scope::Full => true,
            Scope::Branch => false,
            Scope::Return => deleted_here,
        }
    }
}

/// A kind of record.
pub trait Kind: Clone + PartialEq + Serialize + DeserializeOwned + 'static {
    /// What one of them is called where a problem is placed ("会议记录"),
    /// and its counter ("份": 第 2 份会议记录).
    const NOUN: &'static str;
    const COUNTER: &'static str;
    /// Whether an import may leave out one broken item and keep the rest;
    /// the branch's own lists (its templates) stop the import instead.
    const SKIPPABLE: bool;

    /// The semantic checks of the document's list of this kind (ids,
    /// references to what `known` holds, lengths), item by item.
    fn check(list: &[Self], known: &Known, checks: &mut Checks);

    /// What of this record a package carries: the record, a copy without
    /// its private parts, or nothing. `written_here`: this phone wrote it.
    fn pack(&self, packing: &Packing, written_here: bool) -> Option<Self>;

    /// Whether a package carries the deletion of one of these records (its
    /// tombstone), so the phone that opens it deletes its copy too.
    /// `written_here`: this phone deleted it.
    fn pack_deletion(packing: &Packing, written_here: bool) -> bool;

    /// Whether this record names the member: a member named in records is
    /// only ever marked as left, never deleted.
    fn mentions(&self, member_id: &str) -> bool;

    /// What a person calls this record where two phones disagree about it
    /// ("承诺践诺：吴昊 2026年"): words, never its key.
    fn title(&self, doc: &super::Document) -> String;

    /// The year this record is filed under once nothing in it can show on
    /// home: start-up reads records filed before last year after the first
    /// screen (`store::filed`). `None`: home may show it in any year (an
    /// undated kind, open work).
    fn filed_year(&self) -> Option<i32>;
}

/// A kind whose items are told apart by a key: an id, or a review's year.
pub trait Keyed: Kind {
    /// The field of the item's JSON that holds its key.
    const KEY_FIELD: &'static str;

    fn key(&self) -> Cow<'_, str>;
}

/// Implements `Keyed` for a kind whose items are told apart by their `id`.
macro_rules! keyed_by_id {
    ($kind:ty) => {
        impl $crate::domain::kind::Keyed for $kind {
            const KEY_FIELD: &'static str = "id";

            fn key(&self) -> std::borrow::Cow<'_, str> {
                std::borrow::Cow::Borrowed(&self.id)
            }
        }
    };
}
pub(crate) use keyed_by_id;
