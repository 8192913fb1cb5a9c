//! Start-up in two reads (`store::filed`): what home can show is read
//! and drawn first; everything is read after the first screen, and only
//! then does the page edit, export, merge or show another screen. The
//! first read is never written back: it only shows.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{Backend, Core};
use crate::domain::document::filed_years;
use crate::domain::Document;
use crate::store::filed::first_year_read_first;
use crate::store::loading::load;

/// What home shows before everything is read: the records read first,
/// when the store keeps the index and no closed page left edits to write
/// (those are written before anything is shown). `None`: start-up reads
/// everything before the first screen.
pub async fn read_first<B: Backend>(
    backend: &B,
    tab: &str,
    alive_tabs: &[String],
    today: NaiveDate,
) -> Option<Document> {
    if !super::closed_pages_journals(backend, tab, alive_tabs).is_empty() {
        return None;
    }
    let snapshot = backend
        .read_first(first_year_read_first(today))
        .await
        .ok()??;
    let loaded = load(&snapshot);
    // A record from a newer version, or one that cannot be read, is for
    // the whole read to report.
    (loaded.read_only.is_none() && loaded.set_aside.is_empty()).then_some(loaded.doc)
}

impl<B: Backend> Core<B> {
    /// Files every record under its year for the next start's first read,
    /// from what this page read. The index only decides what the first
    /// screen shows: where it cannot be stored, the next start reads
    /// everything first, as before it was built.
    pub async fn file_records(&self) {
        if self.session.borrow().read_only().is_some() {
            return;
        }
        let mut years = BTreeMap::new();
        self.host.read_doc(&mut |doc| years = filed_years(doc));
        // Where it cannot be stored nothing is lost: the next start reads
        // everything first.
        let _ = self.store().file(&years).await;
    }
}
