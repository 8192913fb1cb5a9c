//! 备份与交换: export and send (file, transfer text, link; optional
//! password), receive and merge with a review of what changes, undo, and
//! example data.

mod example_data;
mod merge_review;
pub mod reading;
mod receive_panel;
mod send_panel;

pub use merge_review::MergeReview;
pub use receive_panel::UndoPanel;
pub use send_panel::{ExportButtons, HandInText};

use leptos::prelude::*;

use crate::ui::widgets::PageHeader;
use example_data::ExampleData;
use receive_panel::ReceivePanel;
use send_panel::SendPanel;

#[component]
pub fn BackupPage() -> impl IntoView {
    view! {
        <PageHeader title="备份与交换" back="/mine" />
        <SendPanel />
        <UndoPanel />
        <ReceivePanel />
        <ExampleData />
    }
}
