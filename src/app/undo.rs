//! Taking back the last import or example data: exactly the records it
//! wrote, each with the value and history it had before, so the same
//! package can be imported again and another phone's older copy does not
//! win over this phone's own later work. A record changed after the import
//! is named, and the member decides whether its later change goes too.

use serde::{Deserialize, Serialize};

use super::{Backend, Core, Event};
use crate::domain::document::{self, RecordKey};
use crate::format::clock::Clock;

/// The data before an import, kept in storage (not in the page) until the
/// member dismisses it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct UndoPoint {
    label: String,
    summary: String,
    records: Vec<Before>,
}

/// One record the import wrote, as it was before.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Before {
    /// The record's storage name.
    key: String,
    /// Its data, or none: it was not there, or deleted (then its clock is
    /// the deletion's).
    data: Option<String>,
    clock: Clock,
    /// The clock the import gave it: a record whose clock moved on since
    /// was changed after the import. `None` until known.
    after: Option<Clock>,
}

/// "导入前的数据（3 个党小组、25 名党员…）", from a stored undo point.
pub(super) fn undo_label(stored: Option<&str>) -> Option<String> {
    let point: UndoPoint = serde_json::from_str(stored?).ok()?;
    Some(format!("{}（{}）", point.label, point.summary))
}

/// What an undo would do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Undo {
    /// Done: every record the import wrote is as it was before.
    Done,
    /// Nothing was changed yet: these records were changed after the import
    /// ("会议记录：…"), and taking the import back takes those changes too.
    Ask(Vec<String>),
}

impl<B: Backend> Core<B> {
    /// Stores the undo point of an import about to write `records` (each
    /// with the clock the import gives it, or none where that is known only
    /// once stored: a whole new document). Returns the undo point it
    /// replaced, to be put back if the import fails. An undo point that
    /// cannot be stored is said, and the import does not happen.
    pub(super) async fn keep_for_undo(
        &self,
        label: &str,
        records: &[(RecordKey, Option<Clock>)],
    ) -> Result<Option<String>, String> {
        let clocks = self.clocks();
        let mut point = None;
        self.host.read_doc(&mut |doc| {
            let mut befores: Vec<Before> = Vec::new();
            for (key, after) in records {
                if befores.iter().any(|r| r.key == key.name()) {
                    continue;
                }
                befores.push(Before {
                    key: key.name(),
                    data: document::to_json(doc, key),
                    clock: clocks.get(key).cloned().unwrap_or_default(),
                    after: after.clone(),
                });
            }
            point = Some(UndoPoint {
                label: label.to_string(),
                summary: doc.summary(),
                records: befores,
            });
        });
        let Some(point) = point else {
            return Err("本机数据无法读取".into());
        };
        let earlier = self.store().load_undo().await.ok().flatten();
        self.save_point(&point)
            .await
            .map_err(|e| format!("无法保留导入前的数据以便撤销（{e}）"))?;
        Ok(earlier)
    }

    async fn save_point(&self, point: &UndoPoint) -> Result<(), String> {
        let text = serde_json::to_string(point).map_err(|e| e.to_string())?;
        self.store()
            .save_undo(Some(&text))
            .await
            .map_err(|e| e.message())?;
        let words = format!("{}（{}）", point.label, point.summary);
        *self.undo.borrow_mut() = Some(words.clone());
        self.host.hear(Event::Undo(Some(words)));
        Ok(())
    }

    /// An import that failed gives back the undo point it replaced.
    pub(super) async fn restore_undo(&self, earlier: Option<String>) {
        // Put back as it was: if that fails too, the offer of the earlier
        // undo goes (it cannot be kept), which is said by its absence.
        let restored = self.store().save_undo(earlier.as_deref()).await.is_ok();
        let words = if restored {
            undo_label(earlier.as_deref())
        } else {
            None
        };
        *self.undo.borrow_mut() = words.clone();
        self.host.hear(Event::Undo(words));
    }

    /// Notes the clocks a whole new document got once it is stored, so a
    /// later change of its records is told from the document itself.
    pub(super) async fn note_undo_after(&self) {
        let Some(mut point) = self.load_point().await else {
            return;
        };
        let clocks = self.clocks();
        for record in &mut point.records {
            if let Some(key) = RecordKey::from_name(&record.key) {
                record.after = Some(clocks.get(&key).cloned().unwrap_or_default());
            }
        }
        // Without the clocks, an undo asks about every record instead.
        let _ = self.save_point(&point).await;
    }

    async fn load_point(&self) -> Option<UndoPoint> {
        let text = self.store().load_undo().await.ok().flatten()?;
        serde_json::from_str(&text).ok()
    }

    /// Takes back the last import or example data: each record it wrote
    /// goes back to its value and history before. Records changed after
    /// the import are asked about first (`Undo::Ask`), unless
    /// `with_later_changes`.
    pub async fn undo(&self, with_later_changes: bool) -> Result<Undo, String> {
        let Some(point) = self.load_point().await else {
            self.forget_undo();
            return Err("找不到导入前的数据".into());
        };
        let clocks = self.clocks();
        let mut later = Vec::new();
        let mut records = Vec::new();
        self.host.read_doc(&mut |doc| {
            for before in &point.records {
                let Some(key) = RecordKey::from_name(&before.key) else {
                    continue;
                };
                let now = clocks.get(&key).cloned().unwrap_or_default();
                if before.after.as_ref() != Some(&now) {
                    later.push(super::exchange::record_title(doc, &before.key));
                }
                let value = before
                    .data
                    .as_deref()
                    .and_then(|text| document::from_json(&key, text).ok());
                records.push((key, value, before.clock.clone()));
            }
        });
        if !later.is_empty() && !with_later_changes {
            return Ok(Undo::Ask(later));
        }
        self.store_atomic(&mut |session, doc| session.merge_in(doc, records.clone()))
            .await?;
        self.dismiss_undo().await;
        Ok(Undo::Done)
    }

    /// The undo is no longer offered, and its copy is deleted.
    pub async fn dismiss_undo(&self) {
        self.forget_undo();
        // A copy that stays stored is only space: the offer is gone.
        let _ = self.store().save_undo(None).await;
    }

    pub(super) fn forget_undo(&self) {
        *self.undo.borrow_mut() = None;
        self.host.hear(Event::Undo(None));
    }
}
