//! 党费: the 组织委员's monthly ledger. Each member's year (`account.rs`:
//! what was fixed from which month, 少交/免交 with approval, what was paid
//! for each month), the branch's year (`book.rs`: 本单位规定, 上缴), the
//! national rule that works the amounts out (`rates.rs`, in integer 分:
//! `money.rs`), the month's ledger, totals and the operations a tap
//! performs (`ledger.rs`), the months not paid (`warnings.rs`), what the
//! printouts hold (`sheets.rs`) and the example branch's year
//! (`example.rs`).
//!
//! Incomes, bases and amounts are the most private numbers the app holds:
//! they stay on the phone that keeps the ledger, and travel only in a full
//! backup its keeper chose to make with them (`Packing::with_private`).

pub mod account;
pub mod book;
pub mod example;
pub mod ledger;
pub mod money;
pub mod rates;
pub mod sheets;
pub mod warnings;

#[cfg(test)]
mod tests;

use crate::domain::Document;

/// Whether the document holds any of the ledger: then a full backup asks
/// whether to carry it.
pub fn kept_here(doc: &Document) -> bool {
    !doc.dues.is_empty() || !doc.dues_books.is_empty()
}

pub use account::{DuesAccount, MonthStatus, Owed, Payment, Relief, Term};
pub use book::{DuesBook, DuesRules, Remittance};
pub use money::{Fen, Rounding, Way};
pub use rates::{Basis, Category};
