//! The app's subject matter in plain Rust: no browser types, so all of it is
//! tested natively.

pub mod assessment;
pub mod branch;
pub mod development;
pub mod document;
pub mod dues;
pub mod fusion;
pub mod handover;
pub mod ics;
pub mod ids;
pub mod job;
pub mod kind;
pub mod limits;
pub mod meeting;
pub mod month_pages;
pub mod name_order;
pub mod pasted_roster;
pub mod pinyin;
pub mod place;
pub mod record_sheet;
pub mod report;
pub mod roster;
pub mod rules;
pub mod sample;
mod strokes_table;
pub mod summary;
pub mod talk;
pub mod time;
pub mod validate;
pub mod workdays;
pub mod year_work;

pub use branch::{Branch, LocalRules, PartyGroup};
pub use document::{Document, RecordKey, RecordValue, SCHEMA_VERSION};
pub use kind::{Keyed, Kind, Packing, Scope};
pub use meeting::Meeting;
pub use roster::{Member, MemberStatus, Reduction, Role, Standing};
pub use talk::Talk;
