//! The ledger as the 组织委员 works it: a month's members with what each
//! owes and paid, the year's totals by month and quarter with 上缴 and the
//! balance, and the named operations a tap performs (record a month, pay
//! what is owed for several members or months at once, change what was
//! fixed, keep the book). Each operation says what the keeper wants, so it
//! can be applied again to a newer copy of the records.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};

use super::account::{DuesAccount, MonthStatus, Owed, Payment, Term};
use super::book::{DuesBook, DuesRules};
use super::money::Fen;
use super::money::Way;
use crate::domain::roster::display_order;
use crate::domain::{Document, Member, RecordKey, Standing};

/// The rules of `year`: its book's, else the latest year's before it,
/// else the defaults.
pub fn rules_for(doc: &Document, year: i32) -> DuesRules {
    doc.dues_books
        .iter()
        .filter(|b| b.year <= year)
        .max_by_key(|b| b.year)
        .map(|b| b.rules)
        .unwrap_or_default()
}

/// The member's account of `year`: the stored one, or a new one carrying
/// on what was last fixed (nothing is written until the keeper records
/// something).
pub fn account<'a>(doc: &'a Document, member_id: &str, year: i32) -> Cow<'a, DuesAccount> {
    if let Some(stored) = doc.dues_account(&DuesAccount::id_for(member_id, year)) {
        return Cow::Borrowed(stored);
    }
    let last = doc
        .dues
        .iter()
        .filter(|a| a.member_id == member_id && a.year < year)
        .max_by_key(|a| a.year);
    Cow::Owned(DuesAccount::carried(last, member_id, year))
}

/// The first month recorded in the app by anyone: months before it were
/// kept on paper and are never called overdue.
pub fn ledger_start(doc: &Document) -> Option<(i32, u32)> {
    doc.dues
        .iter()
        .flat_map(|a| a.payments.iter().map(move |p| (a.year, p.month)))
        .min()
}

/// Whether (year, month) was kept in the app.
pub fn kept(start: Option<(i32, u32)>, year: i32, month: u32) -> bool {
    start.is_some_and(|s| (year, month) >= s)
}

/// One member's line in a month.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Row {
    pub member_id: String,
    pub name: String,
    pub owed: Owed,
    pub payment: Option<Payment>,
    pub status: MonthStatus,
    /// "预备党员", "离退休", "免交", "按季": what sets this line apart.
    pub badges: Vec<&'static str>,
}

/// Whether a member belongs on the ledger of (year, month): in the branch
/// and paying that month, or recorded as having paid for it.
fn listed(member: &Member, account: &DuesAccount, month: u32) -> bool {
    account.months(member).contains(&month) || account.payment(month).is_some()
}

fn badges(member: &Member, account: &DuesAccount, month: u32) -> Vec<&'static str> {
    let mut out = Vec::new();
    if member.standing == Standing::Probationary {
        out.push("预备党员");
    }
    if let Some(term) = account.term(month) {
        if term.category != super::rates::Category::Employed {
            out.push(term.category.label());
        }
        if let Some(relief) = &term.relief {
            out.push(if relief.approved() {
                relief.label()
            } else {
                "减免待批"
            });
        }
        if term.quarterly {
            out.push("按季");
        }
    }
    out
}

/// The month's lines, in the branch's order of names.
pub fn month_rows(doc: &Document, year: i32, month: u32, today: NaiveDate) -> Vec<Row> {
    let rules = rules_for(doc, year);
    let kept = kept(ledger_start(doc), year, month);
    display_order(&doc.branch, &doc.members)
        .into_iter()
        .filter_map(|member| {
            let account = account(doc, &member.id, year);
            listed(member, &account, month).then(|| Row {
                member_id: member.id.clone(),
                name: member.name.clone(),
                owed: account.owed(member, month, rules.rounding),
                payment: account.payment(month).cloned(),
                status: account.status(member, month, rules, today, kept),
                badges: badges(member, &account, month),
            })
        })
        .collect()
}

/// What a month, a quarter or a year adds up to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Total {
    /// 应交.
    pub owed: Fen,
    /// 实交, for these months' 党费 (a 补交 counts in the month it is for).
    pub paid: Fen,
    /// Lines owing something.
    pub owing: usize,
    /// Lines paid in full.
    pub paid_lines: usize,
    /// Lines owed and not paid at all.
    pub unpaid_lines: usize,
}

impl Total {
    pub fn of(rows: &[Row]) -> Total {
        rows.iter().fold(Total::default(), |t, row| t.add_row(row))
    }

    fn add_row(self, row: &Row) -> Total {
        Total {
            owed: self.owed + row.owed.amount(),
            paid: self.paid + row.payment.as_ref().map_or(Fen::ZERO, |p| p.amount),
            owing: self.owing + usize::from(matches!(row.owed, Owed::Amount(a) if !a.is_zero())),
            paid_lines: self.paid_lines + usize::from(row.status.is_paid()),
            unpaid_lines: self.unpaid_lines + usize::from(row.status.is_unpaid()),
        }
    }

    fn plus(self, other: Total) -> Total {
        Total {
            owed: self.owed + other.owed,
            paid: self.paid + other.paid,
            owing: self.owing + other.owing,
            paid_lines: self.paid_lines + other.paid_lines,
            unpaid_lines: self.unpaid_lines + other.unpaid_lines,
        }
    }
}

/// A year of the branch's 党费.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct YearTotals {
    pub year: i32,
    pub months: [Total; 12],
    /// 上年结存.
    pub carried_in: Fen,
    /// 上缴.
    pub remitted: Fen,
}

impl YearTotals {
    /// Quarter 1–4.
    pub fn quarter(&self, quarter: u32) -> Total {
        let first = (quarter.clamp(1, 4) - 1) as usize * 3;
        self.months[first..first + 3]
            .iter()
            .fold(Total::default(), |t, m| t.plus(*m))
    }

    pub fn year(&self) -> Total {
        self.months.iter().fold(Total::default(), |t, m| t.plus(*m))
    }

    /// 结存: carried in, plus collected, less handed on.
    pub fn balance(&self) -> Fen {
        self.carried_in + self.year().paid - self.remitted
    }
}

/// The year's totals by month, with 上缴 and the balance carried in (the
/// year before's balance, unless the book says otherwise).
pub fn year_totals(doc: &Document, year: i32, today: NaiveDate) -> YearTotals {
    let mut months = [Total::default(); 12];
    for (i, total) in months.iter_mut().enumerate() {
        *total = Total::of(&month_rows(doc, year, i as u32 + 1, today));
    }
    let book = doc.dues_book(&year.to_string());
    let carried_in = match book.and_then(|b| b.carried_in) {
        Some(entered) => entered,
        // The year before, if it was kept in the app.
        None if doc.dues_books.iter().any(|b| b.year < year)
            || doc.dues.iter().any(|a| a.year < year) =>
        {
            year_totals(doc, year - 1, today).balance()
        }
        None => Fen::ZERO,
    };
    YearTotals {
        year,
        months,
        carried_in,
        remitted: book.map_or(Fen::ZERO, DuesBook::remitted),
    }
}

/// The record a member's edit of `year` touches.
pub fn account_key(member_id: &str, year: i32) -> RecordKey {
    RecordKey::dues_account(&DuesAccount::id_for(member_id, year))
}

pub fn book_key(year: i32) -> RecordKey {
    RecordKey::dues_book(&year.to_string())
}

/// Changes a member's account of `year`, made (carrying on last year's)
/// when it is not stored yet.
pub fn edit_account(
    doc: &mut Document,
    member_id: &str,
    year: i32,
    f: impl FnOnce(&mut DuesAccount),
) {
    let id = DuesAccount::id_for(member_id, year);
    if doc.dues_account(&id).is_none() {
        let made = account(doc, member_id, year).into_owned();
        doc.dues.push(made);
    }
    if let Some(account) = doc.dues_account_mut(&id) {
        f(account);
    }
}

/// Changes what is fixed from month `from`: the term from that month, made
/// as a copy of the one in force then (or a new one) when there is none.
pub fn edit_term(
    doc: &mut Document,
    member_id: &str,
    year: i32,
    from: u32,
    f: impl FnOnce(&mut Term),
) {
    edit_account(doc, member_id, year, |a| {
        if !a.terms.iter().any(|t| t.from == from) {
            let made = Term {
                from,
                ..a.term(from).cloned().unwrap_or_default()
            };
            a.set_term(made);
        }
        if let Some(term) = a.terms.iter_mut().find(|t| t.from == from) {
            f(term);
        }
    });
}

/// Takes back a change within the year: the term before it runs on.
pub fn remove_term(doc: &mut Document, member_id: &str, year: i32, from: u32) {
    edit_account(doc, member_id, year, |a| a.terms.retain(|t| t.from != from));
}

/// Records what a member paid for a month, or takes it back (`None`).
pub fn record(
    doc: &mut Document,
    member_id: &str,
    year: i32,
    month: u32,
    payment: Option<Payment>,
) {
    edit_account(doc, member_id, year, |a| a.set_payment(month, payment));
}

/// Records each of `months` of each member as paid in full on `on`, where
/// something is owed and nothing is recorded yet: the month's collection
/// in one tap, a 按季 payment, a 补交 of several months. Months already
/// recorded, 免交 or not yet fixed are left as they are. Returns how many
/// months it recorded.
pub fn pay_owed(
    doc: &mut Document,
    member_ids: &[String],
    year: i32,
    months: &[u32],
    on: NaiveDate,
    way: Way,
) -> usize {
    let rounding = rules_for(doc, year).rounding;
    let mut recorded = 0;
    for member_id in member_ids {
        let Some(member) = doc.member(member_id).cloned() else {
            continue;
        };
        let owed: Vec<(u32, Fen)> = {
            let account = account(doc, member_id, year);
            months
                .iter()
                .filter(|m| account.payment(**m).is_none())
                .filter_map(|m| match account.owed(&member, *m, rounding) {
                    Owed::Amount(a) if !a.is_zero() => Some((*m, a)),
                    _ => None,
                })
                .collect()
        };
        if owed.is_empty() {
            continue;
        }
        recorded += owed.len();
        edit_account(doc, member_id, year, |a| {
            for (month, amount) in owed {
                a.set_payment(
                    month,
                    Some(Payment {
                        month,
                        amount,
                        paid_on: Some(on),
                        way: Some(way),
                    }),
                );
            }
        });
    }
    recorded
}

/// Changes the book of `year`, made with the year before's rules when it
/// is not stored yet.
pub fn edit_book(doc: &mut Document, year: i32, f: impl FnOnce(&mut DuesBook)) {
    if doc.dues_book(&year.to_string()).is_none() {
        let rules = rules_for(doc, year);
        doc.dues_books.push(DuesBook::new(year, rules));
    }
    if let Some(book) = doc.dues_book_mut(&year.to_string()) {
        f(book);
    }
}

/// The (year, month) a date falls in.
pub fn month_of(date: NaiveDate) -> (i32, u32) {
    (date.year(), date.month())
}
