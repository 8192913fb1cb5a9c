//! 评议: the member's yearly self-assessment against 四个合格 / 五个过硬,
//! grounded in their own records, its history, and the secretary's
//! 民主评议 tally.

mod assess_home;
mod assess_year_select;
mod evidence_list;
mod form_cards;
mod form_page;
mod history_chart;
mod returns_import;
mod review_page;

pub use assess_home::AssessPage;
pub use form_page::AssessmentFormPage;
pub use history_chart::HistoryPage;
pub use review_page::ReviewPage;

use chrono::Datelike;

/// The assessment year: the current year, except in January and February
/// when most branches are still assessing the year just ended.
pub fn default_year() -> i32 {
    let today = crate::browser::clock::today();
    if today.month() <= 2 {
        today.year() - 1
    } else {
        today.year()
    }
}
