//! The example branch's 党费: the twelve months up to last month, collected
//! on a workday near the 15th (the branch's 主题党日) and handed on to the
//! 上级党委 after each quarter. Most bases are entered; two members gave
//! only the 核定月交额. One 离退休 member, one on the student rate (脱产
//! 读研), one 免交 with the 上级党委's approval (long-term illness), one
//! paying 按季 with the branch's consent (posted away), a change of base
//! in mid-year, two months made up late, one month not yet paid, and the
//! three 预备党员 paying from the month the 支部大会 admitted them. This
//! month is not collected yet: the ledger's first screen is the one the
//! 组织委员 fills in.

use chrono::{Datelike, Months, NaiveDate, Weekday};

use super::account::{DuesAccount, Owed, Payment, Relief, Term};
use super::book::{DuesBook, DuesRules, Remittance};
use super::ledger::{rules_for, year_totals};
use super::money::Fen;
use super::money::Way;
use super::rates::{Basis, Category};
use crate::domain::Document;

/// How a member of the example pays.
struct Setting {
    category: Category,
    basis: Basis,
    way: Way,
}

fn income(yuan: i64) -> Basis {
    Basis::Income {
        base: Fen::yuan(yuan),
    }
}

/// The example's members by id; anyone else pays on a base of 5000 元.
fn setting(member_id: &str) -> Setting {
    let (category, basis) = match member_id {
        "m01" => (Category::Employed, income(9860)),
        "m02" => (Category::Employed, income(8920)),
        "m03" => (Category::Employed, income(7450)),
        "m04" => (Category::Employed, income(6980)),
        "m05" => (Category::Employed, income(5200)),
        // Gave no income: the branch fixed the amount (核定月交额).
        "m06" => (
            Category::Employed,
            Basis::Amount {
                amount: Fen::yuan(60),
            },
        ),
        "m07" => (Category::Employed, income(4860)),
        "m08" => (Category::Employed, income(10_800)),
        "m09" => (Category::Employed, income(4350)),
        "m10" => (Category::Employed, income(6200)),
        "m11" => (Category::Employed, income(4980)),
        "m12" => (Category::Employed, income(5600)),
        "m13" => (Category::Employed, income(7100)),
        "m14" => (Category::Employed, income(3600)),
        "m15" => (
            Category::Employed,
            Basis::Amount {
                amount: Fen::yuan(50),
            },
        ),
        "m16" => (Category::Employed, income(4100)),
        "m17" => (Category::Employed, income(3900)),
        "m18" => (Category::Employed, income(3850)),
        "m19" => (Category::Retired, income(5600)),
        "m20" => (Category::Employed, income(5900)),
        // 脱产攻读研究生.
        "m21" => (Category::LowIncome, income(2400)),
        "m22" => (Category::Employed, income(4700)),
        "m23" => (Category::Employed, income(3200)),
        "m24" => (Category::Employed, income(2950)),
        "m25" => (Category::Employed, income(3100)),
        _ => (Category::Employed, income(5000)),
    };
    Setting {
        category,
        basis,
        way: if member_id == "m19" {
            Way::Cash
        } else {
            Way::Online
        },
    }
}

/// 何平, long ill: 免交 approved by the 上级党委.
const EXEMPT: &str = "m17";
/// 周敏, posted away: pays 按季 with the branch's consent.
const QUARTERLY: &str = "m09";
/// 孙磊 made up two months late; 郭颖 has not paid last month yet.
const LATE: &str = "m12";
const OWING: &str = "m16";
/// 马超's pay rose in the seventh month of the example year.
const RAISED: &str = "m13";

/// The workday on or before the 15th of a month: the collection day.
fn collection_day(year: i32, month: u32) -> Option<NaiveDate> {
    let mut day = NaiveDate::from_ymd_opt(year, month, 15)?;
    while matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
        day = day.pred_opt()?;
    }
    Some(day)
}

fn next_month((y, m): (i32, u32)) -> (i32, u32) {
    if m == 12 {
        (y + 1, 1)
    } else {
        (y, m + 1)
    }
}

pub fn add_example_dues(doc: &mut Document, today: NaiveDate) {
    let Some(first) = today
        .with_day(1)
        .and_then(|d| d.checked_sub_months(Months::new(12)))
    else {
        return;
    };
    // The twelve months up to last month.
    let mut months = vec![(first.year(), first.month())];
    for _ in 1..12 {
        let last = months[months.len() - 1];
        months.push(next_month(last));
    }
    let years: Vec<i32> = {
        let mut y: Vec<i32> = months.iter().map(|(y, _)| *y).collect();
        y.dedup();
        y
    };
    let rules = DuesRules {
        way: Way::Online,
        ..DuesRules::default()
    };
    for year in &years {
        doc.dues_books.push(DuesBook {
            carried_in: (*year == years[0]).then_some(Fen::ZERO),
            ..DuesBook::new(*year, rules)
        });
    }
    let approved = collection_day(first.year(), first.month())
        .and_then(|d| d.checked_sub_days(chrono::Days::new(20)));
    let members = doc.members.clone();
    for member in &members {
        let s = setting(&member.id);
        for year in &years {
            let mut account = DuesAccount::new(&member.id, *year);
            account.terms.push(Term {
                from: 1,
                category: s.category,
                basis: s.basis,
                relief: (member.id == EXEMPT).then(|| Relief {
                    reduced_to: None,
                    decided_on: approved.and_then(|d| d.checked_sub_days(chrono::Days::new(7))),
                    approved_on: approved,
                }),
                quarterly: member.id == QUARTERLY,
            });
            if member.id == RAISED {
                let (y, m) = months[6];
                if y == *year {
                    if let Basis::Income { base } = s.basis {
                        account.set_term(Term {
                            from: m,
                            category: s.category,
                            basis: Basis::Income {
                                base: base + Fen::yuan(380),
                            },
                            relief: None,
                            quarterly: false,
                        });
                    }
                }
            }
            doc.dues.push(account);
        }
        for (i, &(year, month)) in months.iter().enumerate() {
            let Some(paid_on) = paid_on(&member.id, i, &months) else {
                continue;
            };
            let rounding = rules_for(doc, year).rounding;
            let id = DuesAccount::id_for(&member.id, year);
            let Some(account) = doc.dues_account_mut(&id) else {
                continue;
            };
            if let Owed::Amount(amount) = account.owed(member, month, rounding) {
                account.set_payment(
                    month,
                    Some(Payment {
                        month,
                        amount,
                        paid_on: Some(paid_on),
                        way: Some(s.way),
                    }),
                );
            }
        }
    }
    // Accounts a member had no month of (joined later, left before) are
    // not kept.
    doc.dues.retain(|a| {
        members
            .iter()
            .find(|m| m.id == a.member_id)
            .is_some_and(|m| !a.months(m).is_empty())
    });
    for year in years {
        remit_quarterly(doc, year, today);
    }
    doc.dues.sort_by(|a, b| a.id.cmp(&b.id));
}

/// When the example's member paid for the `i`th month of the year, if
/// they have.
fn paid_on(member_id: &str, i: usize, months: &[(i32, u32)]) -> Option<NaiveDate> {
    let day = |i: usize| {
        let (y, m) = months.get(i)?;
        collection_day(*y, *m)
    };
    match member_id {
        // Two months paid together with the next one's.
        LATE if i == 5 || i == 6 => day(7),
        OWING if i == 11 => None,
        QUARTERLY => {
            // At the end of the month's quarter, once that has come.
            let (_, m) = months[i];
            let ends = i + (3 - (m as usize - 1) % 3) - 1;
            day(ends)
        }
        _ => day(i),
    }
}

/// 上缴 on the 10th after each quarter: what was collected by then and
/// not yet handed on.
fn remit_quarterly(doc: &mut Document, year: i32, today: NaiveDate) {
    let carried_in = if doc.dues_books.iter().any(|b| b.year < year) {
        year_totals(doc, year - 1, today).balance()
    } else {
        Fen::ZERO
    };
    let start = super::ledger::ledger_start(doc);
    let mut remitted = Fen::ZERO;
    for (n, month) in [1, 4, 7, 10].into_iter().enumerate() {
        let Some(on) = NaiveDate::from_ymd_opt(year, month, 10) else {
            continue;
        };
        let quarter_began = NaiveDate::from_ymd_opt(year, month, 1);
        if on >= today || start.is_none_or(|s| (year, month) <= s) {
            continue;
        }
        let collected: Fen = doc
            .dues
            .iter()
            .filter(|a| a.year == year)
            .flat_map(|a| &a.payments)
            .filter(|p| p.paid_on < quarter_began)
            .map(|p| p.amount)
            .sum();
        let amount = carried_in + collected - remitted;
        if amount.is_zero() {
            continue;
        }
        remitted += amount;
        let quarter = if month == 1 {
            "上年第四季度".to_string()
        } else {
            format!("第{}季度", ["一", "二", "三"][n - 1])
        };
        if let Some(book) = doc.dues_book_mut(&year.to_string()) {
            book.remittances.push(Remittance {
                id: format!("rm-{year}-{month}"),
                paid_on: Some(on),
                amount,
                handler: "张伟".into(),
                note: format!("{quarter}党费"),
            });
        }
    }
}
