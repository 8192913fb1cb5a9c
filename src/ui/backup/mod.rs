//! 备份与恢复: export, import with a report, undo, and example data.

mod example_data;
mod export_panel;
mod import_panel;

pub use export_panel::ExportButtons;

use leptos::prelude::*;

use crate::ui::widgets::PageHeader;
use example_data::ExampleData;
use export_panel::ExportPanel;
use import_panel::{ImportPanel, UndoPanel};

#[component]
pub fn BackupPage() -> impl IntoView {
    view! {
        <PageHeader title="备份与恢复" back="/mine" />
        <ExportPanel />
        <UndoPanel />
        <ImportPanel />
        <ExampleData />
    }
}
