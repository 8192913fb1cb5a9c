//! Data between phones, and back: a package made of this phone's records,
//! an import planned against them and merged as the member chose, and a
//! whole document put in place (example data, a restore). Each keeps an
//! undo point first (`undo.rs`).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde_json::Value;

use super::text_diff::{self, Span};
use super::{Backend, Core};
use crate::backup::export::{backup_file_name, file_name_part};
use crate::backup::import::Staged;
use crate::backup::package::{export_package, same_branch, Sender};
use crate::domain::document::{self, RecordKey};
use crate::domain::meeting::keep_vote_paths;
use crate::domain::place::place;
use crate::domain::roster::{keep_private_notes, list_in_order, namesakes};
use crate::domain::{Document, Packing, Scope};
use crate::format::clock::Clock;
use crate::store::merge::{self, Choice, Counts, ImportPlan};

/// What importing a file would do to this phone's data, worked out before
/// anything changes.
pub struct ImportReview {
    pub plan: ImportPlan,
    pub counts: Counts,
    /// "支部资料包来自“王建国（…）”，导出于 …：3 个党小组、25 名党员…。"
    pub about: String,
    /// This phone holds nothing yet: everything is taken.
    pub blank: bool,
    /// The file may be another branch's: why, for the member to confirm
    /// they mean it.
    pub other_branch: Option<String>,
    /// Confirming would change nothing.
    pub nothing: bool,
    /// Every field both phones changed, for the member to pick a side.
    pub conflicts: Vec<Conflict>,
    /// Names the incoming roster adds a second time under another id
    /// ("王建国、李红梅"): the member confirms they are other people.
    pub namesakes: Vec<String>,
    /// The two sides by person and phone: ("王建国的手机（本机）",
    /// "吴昊的手机，12月6日").
    pub sides: (String, String),
}

/// A field both phones changed, as the member reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// The record's storage name and the field: the choice's key.
    pub key: String,
    pub field: String,
    /// "会议记录：学习贯彻… · 主要内容".
    pub title: String,
    pub mine: String,
    pub theirs: String,
    /// Each side cut where it differs from the other, for marking.
    pub mine_marked: Vec<Span>,
    pub theirs_marked: Vec<Span>,
    /// Both sides are texts: "两段都保留" is offered.
    pub texts: bool,
}

impl<B: Backend> Core<B> {
    /// A package of this phone's data as a file: (file name, text). Each
    /// record's kind decides whether the package carries it; a full backup
    /// carries what is private to its keeper only `with_private`.
    pub fn package(
        &self,
        scope: Scope,
        with_private: bool,
        today: NaiveDate,
        now_text: &str,
    ) -> (String, String) {
        self.package_listing(scope, with_private, today, now_text, &[])
    }

    /// `package`, its roster listed in `member_order` (ids; the branch's
    /// order of names, worked out by the screen that sends it) where the
    /// package is a 支部资料包: a phone that joins with it lists the names
    /// as the branch does without the tables that order them, which would
    /// weigh on the link's first load. A full backup and a return keep the
    /// roster as stored.
    pub fn package_listing(
        &self,
        scope: Scope,
        with_private: bool,
        today: NaiveDate,
        now_text: &str,
        member_order: &[String],
    ) -> (String, String) {
        self.pack_or_describe(scope, with_private, today, now_text, member_order, None)
    }

    /// What the package of `scope` would carry, in words ("党员 25 名、
    /// 自评表 1 份…"), for the screen that makes it.
    pub fn package_contents(&self, scope: Scope, today: NaiveDate) -> String {
        let mut contents = String::new();
        self.pack_or_describe(scope, true, today, "", &[], Some(&mut contents));
        contents
    }

    fn pack_or_describe(
        &self,
        scope: Scope,
        with_private: bool,
        today: NaiveDate,
        now_text: &str,
        member_order: &[String],
        mut describe: Option<&mut String>,
    ) -> (String, String) {
        let clocks = self.clocks();
        let device = self.device();
        let mut out = (String::new(), String::new());
        self.host.read_doc(&mut |doc| {
            let written_here = |key: &RecordKey| {
                clocks
                    .get(key)
                    .is_some_and(|c| c.versions.contains_key(&device.id))
            };
            let packing = Packing {
                scope,
                me: device.me.as_deref(),
                since_year: chrono::Datelike::year(&today) - 1,
                with_private,
            };
            let mut packed = document::pack(doc, &packing, &written_here);
            if scope == Scope::Branch {
                list_in_order(&mut packed.members, member_order);
            }
            if let Some(contents) = describe.as_mut() {
                **contents = document::contents(&packed);
                return;
            }
            let mut by_name: BTreeMap<String, Clock> = document::all_keys(&packed)
                .into_iter()
                .filter_map(|k| Some((k.name(), clocks.get(&k)?.clone())))
                .collect();
            // Deleted items travel as their clocks alone (tombstones), where
            // their kind says the package carries its deletions.
            for (key, clock) in &clocks {
                let deleted = key.is_item() && document::get(doc, key).is_none();
                if deleted && document::deletion_travels(key, &packing, written_here(key)) {
                    by_name.insert(key.name(), clock.clone());
                }
            }
            let sender = Sender {
                device: device.id.clone(),
                member_id: device.me.clone(),
                name: device
                    .me
                    .as_deref()
                    .and_then(|id| doc.member(id))
                    .map(|m| m.name.clone())
                    .unwrap_or_default(),
                branch: doc.branch.name.clone(),
            };
            let text = export_package(&packed, scope, &sender, &by_name, now_text, 0);
            let date = crate::domain::time::format_iso_date(today);
            let name = match scope {
                Scope::Full => backup_file_name(&doc.branch.name, &date),
                Scope::Branch => format!(
                    "支部资料包-{}-{date}.json",
                    file_name_part(&doc.branch.name)
                ),
                Scope::Return => {
                    format!("交给书记-{}-{date}.json", file_name_part(&sender.name))
                }
            };
            out = (name, text);
        });
        out
    }

    /// What importing `staged` would do to this phone's data. A package for
    /// members carries no private notes: this phone's stay. It is taken
    /// only as far as a package of its kind may carry (each kind's `pack`):
    /// a forged or edited one cannot bring in what no such package holds
    /// (the 党费 ledger above all), nor delete what no such package deletes.
    pub fn plan_import(&self, staged: &Staged) -> ImportReview {
        let clocks = self.clocks();
        let device_id = self.device().id;
        let mut review = None;
        self.host.read_doc(&mut |local| {
            let mut incoming = staged.doc.clone();
            let mut their_clocks = staged.about.clocks.clone();
            if staged.about.scope != Scope::Full {
                let sender = staged.about.sender.as_ref();
                let packing = Packing {
                    scope: staged.about.scope,
                    me: sender.and_then(|s| s.member_id.as_deref()),
                    since_year: i32::MIN,
                    with_private: false,
                };
                incoming = document::pack(&incoming, &packing, &|_| true);
                // A clock without its record is a deletion: only those such
                // a package may carry.
                let carried: std::collections::BTreeSet<String> = document::all_keys(&incoming)
                    .iter()
                    .map(RecordKey::name)
                    .collect();
                their_clocks.retain(|name, _| {
                    carried.contains(name)
                        || RecordKey::from_name(name)
                            .is_some_and(|k| document::deletion_travels(&k, &packing, true))
                });
                keep_private_notes(&mut incoming.members, &local.members);
            }
            keep_vote_paths(&mut incoming.meetings, &local.meetings);
            let plan = ImportPlan::new(local, &clocks, &incoming, &their_clocks, &device_id);
            let blank = local.is_blank();
            let namesakes = namesakes(&local.members, &incoming.members);
            let theirs = incoming.branch.name.clone();
            let other_branch = other_branch(blank, &local.branch.name, &theirs);
            let from = staged
                .about
                .sender
                .as_ref()
                .map(|s| s.describe())
                .unwrap_or_else(|| theirs.clone());
            let about = format!(
                "{}来自“{}”，导出于 {}：{}。",
                staged.about.scope.label(),
                from,
                staged.exported_at,
                incoming.summary()
            );
            let conflicts = plan
                .conflicts()
                .into_iter()
                .map(|(key, field)| {
                    let record = &plan.plans[&key];
                    let (mine, theirs) = record.sides(&field);
                    let texts = matches!(
                        (&mine, &theirs),
                        (Some(Value::String(_)), Some(Value::String(_)))
                    );
                    let (mine, theirs) = if record.outcome == merge::Outcome::Deletion {
                        (
                            deleted_or(mine.as_ref(), "本机"),
                            deleted_or(theirs.as_ref(), "对方"),
                        )
                    } else {
                        describe_sides(local, mine.as_ref(), theirs.as_ref())
                    };
                    let (mine_marked, theirs_marked) = text_diff::marked(&mine, &theirs);
                    Conflict {
                        title: format!(
                            "{} · {}",
                            record_title(local, &key),
                            field_title(local, &key, &field)
                        ),
                        mine,
                        theirs,
                        mine_marked,
                        theirs_marked,
                        texts,
                        key,
                        field,
                    }
                })
                .collect();
            let me = self
                .device()
                .me
                .and_then(|id| local.member(&id).map(|m| m.name.clone()));
            let sides = (
                match me {
                    Some(name) => format!("{name}的手机（本机）"),
                    None => "本机".to_string(),
                },
                their_side(staged),
            );
            review = Some(ImportReview {
                sides,
                counts: plan.counts(),
                nothing: !plan.changes_anything(),
                plan,
                about,
                blank,
                other_branch,
                conflicts,
                namesakes,
            });
        });
        review.unwrap_or_else(|| ImportReview {
            plan: ImportPlan::default(),
            counts: Counts::default(),
            about: String::new(),
            blank: true,
            other_branch: None,
            nothing: true,
            conflicts: Vec::new(),
            namesakes: Vec::new(),
            sides: ("本机".into(), their_side(staged)),
        })
    }

    /// Merges an import as planned, each conflict as `choose` answers. The
    /// data before is kept for undo first: without it, nothing is merged.
    /// The number of records changed.
    pub async fn merge_import(
        &self,
        review: &ImportReview,
        choose: impl Fn(&str, &str) -> Choice,
        undo_label: &str,
    ) -> Result<usize, String> {
        let phone = self.device().id;
        let records = review.plan.records(choose, &phone)?;
        if records.is_empty() {
            return Ok(0);
        }
        let after: Vec<(RecordKey, Option<Clock>)> = records
            .iter()
            .map(|(key, _, clock)| (key.clone(), Some(clock.clone())))
            .collect();
        let earlier = self.keep_for_undo(undo_label, &after).await?;
        let count = records.len();
        let stored = self
            .store_atomic(&mut |session, doc| session.merge_in(doc, records.clone()))
            .await;
        if let Err(why) = stored {
            self.restore_undo(earlier).await;
            return Err(why);
        }
        self.count_edit();
        self.write_device();
        Ok(count)
    }

    /// Puts a whole document in place (example data, a restore onto an
    /// empty phone); the data before is kept for undo first.
    pub async fn replace_with(&self, doc: Document, undo_label: &str) -> Result<(), String> {
        // Every record of both documents, and the deleted ones: a whole new
        // document writes or deletes each of them.
        let mut keys: Vec<(RecordKey, Option<Clock>)> = document::all_keys(&doc)
            .into_iter()
            .chain(self.clocks().into_keys())
            .map(|k| (k, None))
            .collect();
        self.host.read_doc(&mut |old| {
            keys.extend(document::all_keys(old).into_iter().map(|k| (k, None)))
        });
        let earlier = self.keep_for_undo(undo_label, &keys).await?;
        if let Err(why) = self.replace(doc).await {
            self.restore_undo(earlier).await;
            return Err(why);
        }
        self.note_undo_after().await;
        Ok(())
    }

    /// Deletes every record on this device: the app starts again as on
    /// first use (device settings other than its id go too). With
    /// `keep_undo` (a member added records of their own to the example),
    /// what was there is kept for undo as before an import; else the undo
    /// copy goes too. `Err` says why nothing changed.
    pub async fn clear_everything(&self, keep_undo: bool) -> Result<(), String> {
        if keep_undo {
            self.replace_with(Document::default(), "清除前的数据")
                .await?;
        } else {
            self.replace(Document::default()).await?;
            self.dismiss_undo().await;
        }
        self.update_device(|d| {
            *d = crate::store::device::DeviceState {
                id: d.id.clone(),
                ..Default::default()
            }
        });
        Ok(())
    }
}

/// Why a file might be another branch's, if it might: a different name,
/// or no name on either side to tell. A phone with nothing yet takes any.
fn other_branch(blank: bool, mine: &str, theirs: &str) -> Option<String> {
    if blank {
        return None;
    }
    match (mine.trim(), theirs.trim()) {
        (_, "") => Some(format!(
            "这份数据没有写支部名称，无法确认与本机的“{}”是同一个支部。",
            mine.trim()
        )),
        ("", theirs) => Some(format!(
            "本机的数据没有写支部名称，无法确认与这份数据的“{theirs}”是同一个支部。"
        )),
        (mine, theirs) if !same_branch(mine, theirs) => Some(format!(
            "这份数据来自“{theirs}”，与本机的“{mine}”不是同一个支部。"
        )),
        _ => None,
    }
}

/// "会议记录：学习贯彻…", "自评表：吴昊 2026年度", "承诺践诺：吴昊 2026年".
pub(super) fn record_title(doc: &Document, name: &str) -> String {
    match RecordKey::from_name(name) {
        Some(key) => key.title(doc),
        // A name this version does not know: say so in words.
        None => "无法识别的记录".into(),
    }
}

/// "主要内容", "李红梅的出席登记", "党员：张伟".
fn field_title(doc: &Document, key: &str, field: &str) -> String {
    let name_of = |id: &str| {
        doc.member(id)
            .map(|m| m.name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    match field.split_once('[') {
        Some((list, id)) => {
            let id = id.trim_end_matches(']');
            match list {
                "" if key == "members" => format!("党员：{}", name_of(id)),
                "attendance" => format!("{}的出席登记", name_of(id)),
                "roll" => format!("应到名单中的{}", name_of(id)),
                "entries" if key.starts_with("review/") => format!("{}的评议", name_of(id)),
                list => place(list),
            }
        }
        None if field.is_empty() => "全部内容".into(),
        None => match place(field).as_str() {
            "文件" => "其他内容".into(),
            known => known.to_string(),
        },
    }
}

/// One side of a record deleted on one phone and changed on the other:
/// "（对方已删除这条记录）", or what the record says.
fn deleted_or(value: Option<&Value>, side: &str) -> String {
    match value {
        None => format!("（{side}已删除这条记录）"),
        Some(Value::Object(map)) => {
            let texts: Vec<String> = map
                .iter()
                .filter_map(|(k, v)| match v {
                    Value::String(text) if !text.trim().is_empty() && !k.ends_with("id") => {
                        Some(match place(k).as_str() {
                            "文件" => text.clone(),
                            label => format!("{label}：{text}"),
                        })
                    }
                    _ => None,
                })
                .collect();
            format!("（{side}保留并改过）{}", texts.join("；"))
                .chars()
                .take(200)
                .collect()
        }
        Some(other) => describe(Some(other)),
    }
}

/// A value as a member reads it.
/// The phone a package came from, as a member names it: "吴昊的手机，
/// 12月6日" (the day it was made), or the branch's file.
fn their_side(staged: &Staged) -> String {
    let who = staged
        .about
        .sender
        .as_ref()
        .map(|s| s.name.trim().to_string())
        .filter(|n| !n.is_empty());
    let day =
        crate::domain::time::parse_iso_date(staged.exported_at.get(..10).unwrap_or("")).map(|d| {
            format!(
                "{}月{}日",
                chrono::Datelike::month(&d),
                chrono::Datelike::day(&d)
            )
        });
    match (who, day) {
        (Some(who), Some(day)) => format!("{who}的手机，{day}"),
        (Some(who), None) => format!("{who}的手机"),
        (None, Some(day)) => format!("导入的文件，{day}"),
        (None, None) => "导入的文件".into(),
    }
}

/// The two sides of a conflict in words. Two versions of one record (a
/// member of the roster) read as what differs between them, headed by its
/// name: "陈静：所属党小组：第一党小组" against "…：第三党小组", never the
/// same name twice.
fn describe_sides(
    doc: &Document,
    mine: Option<&Value>,
    theirs: Option<&Value>,
) -> (String, String) {
    let (Some(Value::Object(a)), Some(Value::Object(b))) = (mine, theirs) else {
        return (describe(mine), describe(theirs));
    };
    let mut differs: Vec<&String> = a
        .keys()
        .chain(b.keys())
        .filter(|k| a.get(*k) != b.get(*k))
        .collect();
    differs.sort();
    differs.dedup();
    if differs.is_empty() {
        return (describe(mine), describe(theirs));
    }
    let side = |map: &serde_json::Map<String, Value>| {
        let head = ["name", "title", "text"]
            .iter()
            .find_map(|k| map.get(*k).and_then(Value::as_str))
            .map(str::to_string);
        let parts: Vec<String> = differs
            .iter()
            .map(|k| format!("{}：{}", place(k), value_in_words(doc, k, map.get(*k))))
            .collect();
        let text = match head {
            Some(head) if !differs.iter().any(|k| k.as_str() == "name") => {
                format!("{head}：{}", parts.join("；"))
            }
            _ => parts.join("；"),
        };
        text.chars().take(200).collect::<String>()
    };
    (side(a), side(b))
}

/// One value of a record in words: a member's or a 党小组's id as its
/// name, nothing as "（空）".
fn value_in_words(doc: &Document, key: &str, value: Option<&Value>) -> String {
    if let (true, Some(Value::String(id))) = (key.ends_with("_id"), value) {
        if let Some(m) = doc.member(id) {
            return m.name.clone();
        }
        if let Some(g) = doc.branch.group_name(id) {
            return g.to_string();
        }
    }
    let text = value.map(readable).unwrap_or_default();
    if text.is_empty() {
        "（空）".into()
    } else {
        text
    }
}

fn describe(value: Option<&Value>) -> String {
    let Some(value) = value else {
        return "（没有这一项）".into();
    };
    let text = readable(value);
    let text = if text.is_empty() {
        "（空）".to_string()
    } else {
        text
    };
    text.chars().take(200).collect()
}

fn readable(value: &Value) -> String {
    match value {
        Value::Null | Value::Bool(false) => String::new(),
        Value::Bool(true) => "是".into(),
        Value::String(s) => word(s),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => items
            .iter()
            .map(readable)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("、"),
        // A named thing reads as its name; anything else as its fields.
        Value::Object(map) => match map
            .get("name")
            .or_else(|| map.get("title"))
            .or_else(|| map.get("text"))
        {
            Some(Value::String(name)) => name.clone(),
            _ => map
                .iter()
                .filter(|(k, _)| !k.ends_with("id") && k.as_str() != "type")
                .filter_map(|(k, v)| {
                    let shown = readable(v);
                    (!shown.is_empty()).then(|| match place(k).as_str() {
                        "文件" => shown,
                        label => format!("{label}：{shown}"),
                    })
                })
                .collect::<Vec<_>>()
                .join("；"),
        },
    }
}

/// The stored words of the record's choices, in Chinese.
fn word(s: &str) -> String {
    match s {
        "present" => "出席",
        "leave" => "请假",
        "absent" => "缺席",
        "work" => "因公",
        "illness" => "因病",
        "personal" => "因事",
        "no_reason" => "无故",
        "other" => "其他",
        s => s,
    }
    .to_string()
}
