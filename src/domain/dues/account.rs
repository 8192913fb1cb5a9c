//! One member's 党费 of one year: what was fixed (核定) and from which
//! month, any 少交 or 免交 with its approval, and what was paid for each
//! month, when and how. The ledger's amounts follow from these and the
//! branch's rules (`book.rs`); nothing computed is stored.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::book::DuesRules;
use super::money::{Fen, Rounding, Way};
use super::rates::{work_out, Basis, Category, Worked};
use crate::domain::kind::{Kind, Packing, Scope};
use crate::domain::validate::{Checker, Checks, Known};
use crate::domain::{limits, Member, MemberStatus};

/// A member's 党费 of one year: one record per member and year, kept on
/// the phone of whoever keeps the ledger.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DuesAccount {
    /// `df-<member>-<year>`.
    pub id: String,
    pub member_id: String,
    pub year: i32,
    /// What was fixed, from which month on, in order: the first from the
    /// month the year's base was fixed (or January), then each change
    /// within the year (第十条: from the month the new pay starts).
    #[serde(default)]
    pub terms: Vec<Term>,
    /// The first month owed, when the keeper sets it (a 预备党员's month
    /// is otherwise the month of the 支部大会: 第八条).
    #[serde(default)]
    pub first_month: Option<u32>,
    #[serde(default)]
    pub payments: Vec<Payment>,
    #[serde(default)]
    pub note: String,
}

/// What is fixed from month `from` on.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub from: u32,
    #[serde(default)]
    pub category: Category,
    #[serde(default)]
    pub basis: Basis,
    /// 少交 or 免交 (第七条).
    #[serde(default)]
    pub relief: Option<Relief>,
    /// 经党支部同意每季度交纳一次 (第十二条): a month is overdue only after
    /// its quarter.
    #[serde(default)]
    pub quarterly: bool,
}

/// 少交 or 免交: decided by the branch and approved by the 上一级党委
/// (第七条). It applies only once approved.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relief {
    /// The monthly amount instead of the rule's; `None` for 免交.
    #[serde(default)]
    pub reduced_to: Option<Fen>,
    /// 党支部研究 date.
    #[serde(default)]
    pub decided_on: Option<NaiveDate>,
    /// 上一级党委批准 date.
    #[serde(default)]
    pub approved_on: Option<NaiveDate>,
}

impl Relief {
    pub fn label(&self) -> &'static str {
        if self.reduced_to.is_some() {
            "少交"
        } else {
            "免交"
        }
    }

    pub fn approved(&self) -> bool {
        self.approved_on.is_some()
    }
}

/// What was paid for one month.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Payment {
    pub month: u32,
    pub amount: Fen,
    #[serde(default)]
    pub paid_on: Option<NaiveDate>,
    #[serde(default)]
    pub way: Option<Way>,
}

/// What a month asks of the member.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Owed {
    /// Not in the branch that month, or before paying started.
    Nothing,
    /// No amount fixed for the month yet (未核定).
    Unset,
    /// 免交, approved.
    Exempt,
    Amount(Fen),
}

impl Owed {
    pub fn amount(self) -> Fen {
        match self {
            Owed::Amount(a) => a,
            _ => Fen::ZERO,
        }
    }
}

/// A month as the ledger shows it, on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MonthStatus {
    /// Nothing owed (not in the branch, before paying started, 免交).
    NotOwed,
    /// No amount fixed yet.
    Unset,
    /// Owed and not paid, but not overdue (the month or its quarter has
    /// not ended, or it is before the ledger was kept in the app).
    Open,
    /// Owed, not paid, and its time has passed.
    Overdue,
    /// Paid in full (or more: 第十一条); `late` when paid after its time
    /// (补交).
    Paid { late: bool },
    /// Something paid, less than owed.
    Short { late: bool },
}

impl MonthStatus {
    pub fn is_paid(self) -> bool {
        matches!(self, MonthStatus::Paid { .. })
    }

    /// Owed and not paid at all.
    pub fn is_unpaid(self) -> bool {
        matches!(self, MonthStatus::Open | MonthStatus::Overdue)
    }

    pub fn label(self) -> &'static str {
        match self {
            MonthStatus::NotOwed => "—",
            MonthStatus::Unset => "未核定",
            MonthStatus::Open => "未交",
            MonthStatus::Overdue => "逾期未交",
            MonthStatus::Paid { late: false } => "已交",
            MonthStatus::Paid { late: true } => "已补交",
            MonthStatus::Short { .. } => "未交足",
        }
    }
}

/// The last day a month's 党费 is due: the month's end, or its quarter's
/// when paid 按季.
pub fn due_by(year: i32, month: u32, quarterly: bool) -> NaiveDate {
    let last = if quarterly {
        (month.clamp(1, 12) - 1) / 3 * 3 + 3
    } else {
        month.clamp(1, 12)
    };
    let (y, m) = if last == 12 {
        (year + 1, 1)
    } else {
        (year, last + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|d| d.pred_opt())
        .unwrap_or(NaiveDate::MAX)
}

/// The months of `year` in which the member is in the branch and pays:
/// from the month they were admitted (第八条) or joined, to the month they
/// left. Empty when none.
pub fn member_months(member: &Member, year: i32) -> std::ops::RangeInclusive<u32> {
    let from = |date: Option<NaiveDate>| match date {
        Some(d) if d.year() > year => 13,
        Some(d) if d.year() == year => d.month(),
        _ => 1,
    };
    let first = from(member.admitted_on).max(from(member.joined_on));
    let last = match &member.status {
        MemberStatus::Left { on: Some(d), .. } if d.year() < year => 0,
        MemberStatus::Left { on: Some(d), .. } if d.year() == year => d.month(),
        _ => 12,
    };
    first..=last
}

impl DuesAccount {
    pub fn id_for(member_id: &str, year: i32) -> String {
        format!("df-{member_id}-{year}")
    }

    pub fn new(member_id: &str, year: i32) -> DuesAccount {
        DuesAccount {
            id: DuesAccount::id_for(member_id, year),
            member_id: member_id.to_string(),
            year,
            ..DuesAccount::default()
        }
    }

    /// A new year's account carrying on what was fixed in December of
    /// `last` (the base stays until it is fixed again).
    pub fn carried(last: Option<&DuesAccount>, member_id: &str, year: i32) -> DuesAccount {
        let mut account = DuesAccount::new(member_id, year);
        if let Some(term) = last.and_then(|a| a.term(12)) {
            account.terms.push(Term {
                from: 1,
                ..term.clone()
            });
        }
        account
    }

    /// The term in force in `month`.
    pub fn term(&self, month: u32) -> Option<&Term> {
        self.terms.iter().rev().find(|t| t.from <= month)
    }

    /// Puts `term` in place from its month, replacing one from the same
    /// month, keeping the terms in order.
    pub fn set_term(&mut self, term: Term) {
        self.terms.retain(|t| t.from != term.from);
        let at = self
            .terms
            .iter()
            .position(|t| t.from > term.from)
            .unwrap_or(self.terms.len());
        self.terms.insert(at, term);
    }

    /// The months owed this year for `member` (the keeper's first month
    /// overrides the roster's).
    pub fn months(&self, member: &Member) -> std::ops::RangeInclusive<u32> {
        let roster = member_months(member, self.year);
        let first = self.first_month.unwrap_or(*roster.start());
        first.max(1)..=*roster.end()
    }

    /// How the month's amount is worked out, before 少交/免交.
    pub fn worked(&self, month: u32, rounding: Rounding) -> Option<Worked> {
        let term = self.term(month)?;
        Some(work_out(term.category, term.basis, rounding))
    }

    /// What `month` asks of `member`.
    pub fn owed(&self, member: &Member, month: u32, rounding: Rounding) -> Owed {
        if !self.months(member).contains(&month) {
            return Owed::Nothing;
        }
        let Some(term) = self.term(month) else {
            return Owed::Unset;
        };
        match &term.relief {
            Some(relief) if relief.approved() => match relief.reduced_to {
                Some(amount) => Owed::Amount(amount),
                None => Owed::Exempt,
            },
            _ => match work_out(term.category, term.basis, rounding).amount() {
                Some(amount) => Owed::Amount(amount),
                None => Owed::Unset,
            },
        }
    }

    pub fn payment(&self, month: u32) -> Option<&Payment> {
        self.payments.iter().find(|p| p.month == month)
    }

    /// Records what was paid for a month, or takes a record back (`None`).
    pub fn set_payment(&mut self, month: u32, payment: Option<Payment>) {
        self.payments.retain(|p| p.month != month);
        if let Some(payment) = payment {
            let at = self
                .payments
                .iter()
                .position(|p| p.month > month)
                .unwrap_or(self.payments.len());
            self.payments.insert(at, Payment { month, ..payment });
        }
    }

    pub fn quarterly(&self, month: u32) -> bool {
        self.term(month).is_some_and(|t| t.quarterly)
    }

    /// The month as the ledger shows it on `today`. `kept`: the ledger was
    /// kept in the app by then (earlier months were on paper and are never
    /// called overdue).
    pub fn status(
        &self,
        member: &Member,
        month: u32,
        rules: DuesRules,
        today: NaiveDate,
        kept: bool,
    ) -> MonthStatus {
        let owed = self.owed(member, month, rules.rounding);
        let quarterly = rules.quarterly || self.quarterly(month);
        let due = due_by(self.year, month, quarterly);
        let paid = self.payment(month);
        let late = paid.and_then(|p| p.paid_on).is_some_and(|on| on > due);
        match (owed, paid) {
            (Owed::Nothing | Owed::Exempt, _) => MonthStatus::NotOwed,
            (_, Some(p)) if p.amount >= owed.amount() => MonthStatus::Paid { late },
            (Owed::Unset, Some(_)) => MonthStatus::Paid { late },
            (_, Some(_)) => MonthStatus::Short { late },
            (Owed::Unset, None) => MonthStatus::Unset,
            (Owed::Amount(a), None) if a.is_zero() => MonthStatus::NotOwed,
            (Owed::Amount(_), None) => {
                if kept && today > due {
                    MonthStatus::Overdue
                } else {
                    MonthStatus::Open
                }
            }
        }
    }

    /// What was paid in the year.
    pub fn paid_total(&self) -> Fen {
        self.payments.iter().map(|p| p.amount).sum()
    }
}

fn check_month(c: &mut Checker, field: &str, month: u32) {
    if !(1..=12).contains(&month) {
        c.problem(field, format!("月份 {month} 不在 1—12 之间"));
    }
}

fn check_money(c: &mut Checker, field: &str, amount: Fen) {
    if !amount.is_valid() {
        c.problem(field, format!("金额 {amount} 不合理"));
    }
}

impl Kind for DuesAccount {
    fn title(&self, doc: &crate::domain::Document) -> String {
        format!("党费：{} {}年", doc.member_name(&self.member_id), self.year)
    }

    fn filed_year(&self) -> Option<i32> {
        Some(self.year)
    }

    const NOUN: &'static str = "党费记录";
    const COUNTER: &'static str = "份";
    const SKIPPABLE: bool = true;

    fn check(list: &[Self], known: &Known, checks: &mut Checks) {
        let mut ids = std::collections::HashSet::new();
        let mut whose = std::collections::HashSet::new();
        for (i, account) in list.iter().enumerate() {
            let mut c = checks.item(i);
            c.unique_id(&mut ids, &account.id, "党费记录");
            c.member("member_id", &account.member_id, known);
            if !limits::YEARS.contains(&account.year) {
                c.problem("year", format!("年度 {} 不在合理范围内", account.year));
            }
            if !whose.insert((account.member_id.as_str(), account.year)) {
                c.problem(
                    "year",
                    format!("同一党员 {} 年度的党费记录有两份", account.year),
                );
            }
            if let Some(month) = account.first_month {
                check_month(&mut c, "first_month", month);
            }
            let mut last = 0;
            for (j, term) in account.terms.iter().enumerate() {
                check_month(&mut c, &format!("terms[{j}].from"), term.from);
                if term.from <= last {
                    c.problem(&format!("terms[{j}].from"), "核定的起始月份重复或顺序颠倒");
                }
                last = term.from;
                let amount = match term.basis {
                    Basis::Income { base } => base,
                    Basis::Amount { amount } => amount,
                };
                check_money(&mut c, &format!("terms[{j}].basis"), amount);
                if let Some(to) = term.relief.as_ref().and_then(|r| r.reduced_to) {
                    check_money(&mut c, &format!("terms[{j}].relief.reduced_to"), to);
                }
            }
            let mut months = std::collections::HashSet::new();
            for (j, payment) in account.payments.iter().enumerate() {
                check_month(&mut c, &format!("payments[{j}].month"), payment.month);
                if !months.insert(payment.month) {
                    c.problem(
                        &format!("payments[{j}].month"),
                        format!("{} 月的交纳记了两次", payment.month),
                    );
                }
                check_money(&mut c, &format!("payments[{j}].amount"), payment.amount);
            }
            c.length("note", &account.note, limits::SHORT);
        }
    }

    /// Incomes, bases and amounts are the most private numbers the app
    /// holds: only a full backup the keeper chose to make with them
    /// carries them. No package for members, or from them, ever does.
    fn pack(&self, packing: &Packing, _: bool) -> Option<Self> {
        (packing.scope == Scope::Full && packing.with_private).then(|| self.clone())
    }

    /// A deletion travels where the record would: only in a full backup
    /// made with what is private.
    fn pack_deletion(packing: &Packing, _: bool) -> bool {
        packing.scope == Scope::Full && packing.with_private
    }

    fn mentions(&self, member_id: &str) -> bool {
        self.member_id == member_id
    }
}

crate::domain::kind::keyed_by_id!(DuesAccount);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Standing;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn member(id: &str) -> Member {
        Member {
            standing: Standing::Full,
            admitted_on: Some(date(2010, 7, 1)),
            joined_on: None,
            ..crate::domain::roster::member_named(id.into(), id.into(), date(2010, 7, 1))
        }
    }

    fn income(base: i64) -> Basis {
        Basis::Income { base: Fen(base) }
    }

    fn account(terms: Vec<Term>) -> DuesAccount {
        DuesAccount {
            terms,
            ..DuesAccount::new("m1", 2026)
        }
    }

    fn term(from: u32, basis: Basis) -> Term {
        Term {
            from,
            basis,
            ..Term::default()
        }
    }

    const RULES: DuesRules = DuesRules {
        base_month: 1,
        rounding: Rounding::Fen,
        quarterly: false,
        way: Way::Cash,
    };

    /// 第八条: a 预备党员 pays from the month of the 支部大会 that admitted
    /// them, not from the next month and not from January.
    #[test]
    fn a_probationary_member_pays_from_the_month_the_branch_meeting_admitted_them() {
        let mut m = member("m1");
        m.standing = Standing::Probationary;
        m.admitted_on = Some(date(2026, 3, 31));
        let a = account(vec![term(1, income(400_000))]);
        assert_eq!(a.owed(&m, 2, Rounding::Fen), Owed::Nothing);
        assert_eq!(a.owed(&m, 3, Rounding::Fen), Owed::Amount(Fen(4000)));
        assert_eq!(a.months(&m), 3..=12);
        // The year before they owed nothing; the year after, all of it.
        assert!(member_months(&m, 2025).is_empty());
        assert_eq!(member_months(&m, 2027), 1..=12);
        // The keeper may set another first month (a transfer letter's
        // "党费已交至").
        let mut set = a.clone();
        set.first_month = Some(5);
        assert_eq!(set.owed(&m, 4, Rounding::Fen), Owed::Nothing);
        assert_eq!(set.owed(&m, 5, Rounding::Fen), Owed::Amount(Fen(4000)));
    }

    /// 第十条: a change of pay changes the amount from the month the new
    /// pay starts; the months before keep the old amount.
    #[test]
    fn a_change_of_base_mid_year_changes_the_amount_from_its_month() {
        let m = member("m1");
        let mut a = account(vec![term(1, income(480_000))]);
        a.set_term(term(7, income(520_000)));
        assert_eq!(a.owed(&m, 6, Rounding::Fen), Owed::Amount(Fen(4800)));
        assert_eq!(a.owed(&m, 7, Rounding::Fen), Owed::Amount(Fen(7800)));
        assert_eq!(a.owed(&m, 12, Rounding::Fen), Owed::Amount(Fen(7800)));
        // Setting July again replaces it; an earlier change goes before it.
        a.set_term(term(7, income(510_000)));
        a.set_term(term(4, income(490_000)));
        let froms: Vec<u32> = a.terms.iter().map(|t| t.from).collect();
        assert_eq!(froms, [1, 4, 7]);
        assert_eq!(a.owed(&m, 7, Rounding::Fen), Owed::Amount(Fen(7650)));
    }

    /// 第七条: 少交 and 免交 apply once the 上一级党委 approved them; until
    /// then the rule's amount stands.
    #[test]
    fn paying_less_applies_only_once_approved() {
        let m = member("m1");
        let mut t = term(1, income(600_000));
        t.relief = Some(Relief {
            reduced_to: Some(Fen(1000)),
            decided_on: Some(date(2026, 2, 10)),
            approved_on: None,
        });
        let mut a = account(vec![t]);
        assert_eq!(a.owed(&m, 3, Rounding::Fen), Owed::Amount(Fen(9000)));
        a.terms[0].relief.as_mut().unwrap().approved_on = Some(date(2026, 2, 20));
        assert_eq!(a.owed(&m, 3, Rounding::Fen), Owed::Amount(Fen(1000)));
        a.terms[0].relief.as_mut().unwrap().reduced_to = None;
        assert_eq!(a.owed(&m, 3, Rounding::Fen), Owed::Exempt);
        assert_eq!(
            a.status(&m, 3, RULES, date(2026, 12, 1), true),
            MonthStatus::NotOwed
        );
    }

    #[test]
    fn a_month_is_overdue_after_it_ends_or_after_its_quarter_when_paid_quarterly() {
        let m = member("m1");
        let a = account(vec![term(1, income(300_000))]);
        let on = |d| a.status(&m, 4, RULES, d, true);
        assert_eq!(on(date(2026, 4, 30)), MonthStatus::Open);
        assert_eq!(on(date(2026, 5, 1)), MonthStatus::Overdue);
        let quarterly = DuesRules {
            quarterly: true,
            ..RULES
        };
        assert_eq!(
            a.status(&m, 4, quarterly, date(2026, 6, 30), true),
            MonthStatus::Open
        );
        assert_eq!(
            a.status(&m, 4, quarterly, date(2026, 7, 1), true),
            MonthStatus::Overdue
        );
        // Before the ledger was kept in the app, nothing is overdue.
        assert_eq!(
            a.status(&m, 4, RULES, date(2026, 12, 1), false),
            MonthStatus::Open
        );
        assert_eq!(due_by(2026, 12, false), date(2026, 12, 31));
        assert_eq!(due_by(2026, 11, true), date(2026, 12, 31));
        assert_eq!(due_by(2026, 2, false), date(2026, 2, 28));
    }

    #[test]
    fn a_payment_after_its_time_is_a_late_one_and_paying_more_is_paid() {
        let m = member("m1");
        let mut a = account(vec![term(1, income(300_000))]);
        a.set_payment(
            3,
            Some(Payment {
                month: 0,
                amount: Fen(1500),
                paid_on: Some(date(2026, 5, 20)),
                way: Some(Way::Cash),
            }),
        );
        a.set_payment(
            4,
            Some(Payment {
                month: 0,
                amount: Fen(2000),
                paid_on: Some(date(2026, 4, 20)),
                way: None,
            }),
        );
        a.set_payment(
            5,
            Some(Payment {
                month: 0,
                amount: Fen(1000),
                paid_on: Some(date(2026, 5, 20)),
                way: None,
            }),
        );
        let at = |a: &DuesAccount, month| a.status(&m, month, RULES, date(2026, 6, 1), true);
        assert_eq!(at(&a, 3), MonthStatus::Paid { late: true });
        assert_eq!(at(&a, 4), MonthStatus::Paid { late: false });
        assert_eq!(at(&a, 5), MonthStatus::Short { late: false });
        assert_eq!(a.payment(3).unwrap().month, 3);
        assert_eq!(a.paid_total(), Fen(4500));
        a.set_payment(3, None);
        assert_eq!(at(&a, 3), MonthStatus::Overdue);
    }

    #[test]
    fn a_new_year_carries_on_what_was_fixed_in_december() {
        let mut last = account(vec![term(1, income(300_000))]);
        last.set_term(term(9, income(420_000)));
        let next = DuesAccount::carried(Some(&last), "m1", 2027);
        assert_eq!(next.id, "df-m1-2027");
        assert_eq!(next.terms, [term(1, income(420_000))]);
        assert!(DuesAccount::carried(None, "m1", 2027).terms.is_empty());
    }

    #[test]
    fn a_member_who_left_owes_up_to_the_month_they_left() {
        let mut m = member("m1");
        m.status = MemberStatus::Left {
            on: Some(date(2026, 9, 12)),
            why: None,
            reason: String::new(),
        };
        assert_eq!(member_months(&m, 2026), 1..=9);
        assert!(member_months(&m, 2027).is_empty());
    }
}
