//! What the 党费 printouts hold: the year's 党费收缴登记表 (members ×
//! months, with 上缴), the 党费交纳情况 for 公示 (names and amounts only)
//! and a member's own 交纳记录 (their line only, to send them). No
//! printout carries an income or a base.

use chrono::{Datelike, NaiveDate};

use super::account::{MonthStatus, Owed};
use super::book::Remittance;
use super::ledger::{
    account, kept, ledger_start, month_rows, rules_for, year_totals, Row, YearTotals,
};
use super::money::Fen;
use crate::domain::roster::display_order;
use crate::domain::time::{format_chinese_date, format_short_date};
use crate::domain::Document;

/// One member's line of the 登记表.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegisterRow {
    pub name: String,
    /// 月交额: "45.68", "45.68/78.00" after a change, "免交".
    pub monthly: String,
    /// What was paid for each month: the amount, "免" (免交), "—" (not in
    /// the branch or not yet paying), or empty (not paid).
    pub cells: [String; 12],
    pub total: Fen,
}

/// 党费收缴登记表 of a year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Register {
    pub year: i32,
    pub rows: Vec<RegisterRow>,
    pub totals: YearTotals,
    pub remittances: Vec<Remittance>,
    /// 补交 and approved 少交/免交, one line each.
    pub notes: Vec<String>,
}

/// The members of any month of `year`, each with their twelve months.
fn lines(doc: &Document, year: i32, today: NaiveDate) -> Vec<(String, [Option<Row>; 12])> {
    let months: Vec<Vec<Row>> = (1..=12).map(|m| month_rows(doc, year, m, today)).collect();
    let mut out: Vec<(String, [Option<Row>; 12])> = Vec::new();
    for member in display_order(&doc.branch, &doc.members) {
        let mut line: [Option<Row>; 12] = Default::default();
        for (i, rows) in months.iter().enumerate() {
            line[i] = rows.iter().find(|r| r.member_id == member.id).cloned();
        }
        if line.iter().any(Option::is_some) {
            out.push((member.id.clone(), line));
        }
    }
    out
}

fn cell(row: Option<&Row>) -> String {
    match row {
        None => "—".into(),
        Some(row) => match (&row.payment, row.owed) {
            (Some(p), _) => p.amount.to_string(),
            (None, Owed::Exempt) => "免".into(),
            (None, Owed::Nothing) => "—".into(),
            (None, _) => String::new(),
        },
    }
}

/// "4月10日" in the ledger's year, "2027年1月5日" after it.
fn day_in(date: NaiveDate, year: i32) -> String {
    if date.year() == year {
        format!("{}月{}日", date.month(), date.day())
    } else {
        format_chinese_date(date)
    }
}

/// "1—10月、12月".
pub fn months_text(months: &[u32]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < months.len() {
        let start = months[i];
        let mut end = start;
        while i + 1 < months.len() && months[i + 1] == end + 1 {
            i += 1;
            end = months[i];
        }
        parts.push(if start == end {
            format!("{start}月")
        } else {
            format!("{start}—{end}月")
        });
        i += 1;
    }
    parts.join("、")
}

pub fn register(doc: &Document, year: i32, today: NaiveDate) -> Register {
    let rounding = rules_for(doc, year).rounding;
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    for (member_id, line) in lines(doc, year, today) {
        let Some(member) = doc.member(&member_id) else {
            continue;
        };
        let account = account(doc, &member_id, year);
        let mut monthly: Vec<String> = Vec::new();
        for m in 1..=12 {
            if line[m as usize - 1].is_none() {
                continue;
            }
            let text = match account.owed(member, m, rounding) {
                Owed::Amount(a) => a.to_string(),
                Owed::Exempt => "免交".into(),
                Owed::Unset => "未核定".into(),
                Owed::Nothing => continue,
            };
            if monthly.last() != Some(&text) {
                monthly.push(text);
            }
        }
        let late: Vec<(u32, Option<NaiveDate>)> = line
            .iter()
            .flatten()
            .filter(|r| {
                matches!(
                    r.status,
                    MonthStatus::Paid { late: true } | MonthStatus::Short { late: true }
                )
            })
            .filter_map(|r| r.payment.as_ref().map(|p| (p.month, p.paid_on)))
            .collect();
        if !late.is_empty() {
            let months: Vec<u32> = late.iter().map(|(m, _)| *m).collect();
            let mut dates: Vec<NaiveDate> = late.iter().filter_map(|(_, d)| *d).collect();
            dates.dedup();
            let when = dates
                .iter()
                .map(|d| day_in(*d, year))
                .collect::<Vec<_>>()
                .join("、");
            notes.push(format!(
                "{}：{}党费于{}补交。",
                member.name,
                months_text(&months),
                when
            ));
        }
        for term in &account.terms {
            if let Some(relief) = term.relief.as_ref().filter(|r| r.approved()) {
                let approved = relief
                    .approved_on
                    .map(format_chinese_date)
                    .unwrap_or_default();
                let what = match relief.reduced_to {
                    Some(a) => format!("少交（每月 {a} 元）"),
                    None => "免交".into(),
                };
                notes.push(format!(
                    "{}：自{}月起{}，经上级党委{}批准。",
                    member.name, term.from, what, approved
                ));
            }
        }
        let cells: [String; 12] = std::array::from_fn(|i| cell(line[i].as_ref()));
        rows.push(RegisterRow {
            name: member.name.clone(),
            monthly: monthly.join("/"),
            cells,
            total: account.paid_total(),
        });
    }
    Register {
        year,
        rows,
        totals: year_totals(doc, year, today),
        remittances: doc
            .dues_book(&year.to_string())
            .map(|b| b.remittances.clone())
            .unwrap_or_default(),
        notes,
    }
}

/// One line of the 公示: a name, the months paid and the amount.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicRow {
    pub name: String,
    pub months: String,
    pub amount: Fen,
}

/// 党费交纳情况公示 of a year: names and amounts only, and the branch's
/// totals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Public {
    pub year: i32,
    pub rows: Vec<PublicRow>,
    pub collected: Fen,
    pub remitted: Fen,
    pub balance: Fen,
}

pub fn public(doc: &Document, year: i32, today: NaiveDate) -> Public {
    let rows = lines(doc, year, today)
        .into_iter()
        .filter_map(|(member_id, _)| {
            let member = doc.member(&member_id)?;
            let account = account(doc, &member_id, year);
            let months: Vec<u32> = account.payments.iter().map(|p| p.month).collect();
            Some(PublicRow {
                name: member.name.clone(),
                months: if months.is_empty() {
                    "—".into()
                } else {
                    months_text(&months)
                },
                amount: account.paid_total(),
            })
        })
        .collect();
    let totals = year_totals(doc, year, today);
    Public {
        year,
        rows,
        collected: totals.year().paid,
        remitted: totals.remitted,
        balance: totals.balance(),
    }
}

/// One month of a member's own record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordRow {
    pub month: u32,
    /// 应交: the amount, "免交", "未核定".
    pub owed: String,
    pub paid: String,
    pub paid_on: String,
    pub way: String,
    pub remark: String,
}

/// A member's own 交纳记录 of a year: their line only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberRecord {
    pub year: i32,
    pub name: String,
    pub rows: Vec<RecordRow>,
    pub owed: Fen,
    pub paid: Fen,
}

pub fn member_record(
    doc: &Document,
    member_id: &str,
    year: i32,
    today: NaiveDate,
) -> Option<MemberRecord> {
    let member = doc.member(member_id)?;
    let account = account(doc, member_id, year);
    let rules = rules_for(doc, year);
    let start = ledger_start(doc);
    let mut rows = Vec::new();
    let (mut owed_total, mut paid_total) = (Fen::ZERO, Fen::ZERO);
    for month in 1..=12 {
        let owed = account.owed(member, month, rules.rounding);
        let payment = account.payment(month);
        if owed == Owed::Nothing && payment.is_none() {
            continue;
        }
        let status = account.status(member, month, rules, today, kept(start, year, month));
        owed_total += owed.amount();
        paid_total += payment.map_or(Fen::ZERO, |p| p.amount);
        rows.push(RecordRow {
            month,
            owed: match owed {
                Owed::Amount(a) => a.to_string(),
                Owed::Exempt => "免交".into(),
                Owed::Unset => "未核定".into(),
                Owed::Nothing => "—".into(),
            },
            paid: payment.map(|p| p.amount.to_string()).unwrap_or_default(),
            paid_on: payment
                .and_then(|p| p.paid_on)
                .map(format_short_date)
                .unwrap_or_default(),
            way: payment
                .and_then(|p| p.way)
                .map(|w| w.label().to_string())
                .unwrap_or_default(),
            remark: match status {
                MonthStatus::Paid { late: true } => "补交".into(),
                MonthStatus::Short { .. } => "未交足".into(),
                MonthStatus::Overdue => "未交".into(),
                _ => String::new(),
            },
        });
    }
    Some(MemberRecord {
        year,
        name: member.name.clone(),
        rows,
        owed: owed_total,
        paid: paid_total,
    })
}

impl MemberRecord {
    /// The record as a text to send the member (their own line only).
    pub fn as_text(&self) -> String {
        let mut out = vec![format!("{} {}年党费交纳记录", self.name, self.year)];
        for row in &self.rows {
            let paid = if row.paid.is_empty() {
                row.remark.clone()
            } else {
                let mut text = format!("实交 {}", row.paid);
                if !row.paid_on.is_empty() {
                    text.push_str(&format!("（{}", row.paid_on));
                    if !row.way.is_empty() {
                        text.push_str(&format!("，{}", row.way));
                    }
                    text.push('）');
                }
                if !row.remark.is_empty() {
                    text.push_str(&format!(" {}", row.remark));
                }
                text
            };
            out.push(format!("{}月：应交 {}，{}", row.month, row.owed, paid));
        }
        out.push(format!(
            "合计：应交 {} 元，实交 {} 元",
            self.owed, self.paid
        ));
        out.join("\n")
    }
}
