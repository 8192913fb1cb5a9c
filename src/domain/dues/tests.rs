//! The ledger over a whole document: a month collected in one go, months
//! made up, the months-not-paid warning at its edges, totals and balance,
//! privacy in every package, and the example's year.

use chrono::NaiveDate;

use super::account::{MonthStatus, Owed, Relief, Term};
use super::ledger::{edit_account, edit_book, month_rows, pay_owed, record, year_totals, Total};
use super::money::Fen;
use super::money::Way;
use super::rates::{Basis, Category};
use super::warnings::{unpaid, LIMIT, NEARING};
use super::{sheets, Payment, Remittance};
use crate::domain::document::{check, pack};
use crate::domain::rules::fixtures::{day, document, full, left, probationary};
use crate::domain::{Document, Packing, Scope};

fn base(yuan: i64) -> Term {
    Term {
        from: 1,
        basis: Basis::Income {
            base: Fen::yuan(yuan),
        },
        ..Term::default()
    }
}

/// Four members in 2026: p1 4000 元 (40.00), p2 6000 元 (90.00), p3 免交
/// (approved), p4 with nothing fixed yet.
fn branch() -> Document {
    let mut doc = document(
        &[],
        vec![full("p1"), full("p2"), full("p3"), full("p4")],
        Vec::new(),
    );
    edit_account(&mut doc, "p1", 2026, |a| a.set_term(base(4000)));
    edit_account(&mut doc, "p2", 2026, |a| a.set_term(base(6000)));
    edit_account(&mut doc, "p3", 2026, |a| {
        a.set_term(Term {
            relief: Some(Relief {
                reduced_to: None,
                decided_on: Some(day(2025, 12, 20)),
                approved_on: Some(day(2025, 12, 28)),
            }),
            ..base(3000)
        })
    });
    doc
}

fn ids(doc: &Document) -> Vec<String> {
    doc.members.iter().map(|m| m.id.clone()).collect()
}

fn status(doc: &Document, member: &str, year: i32, month: u32, today: NaiveDate) -> MonthStatus {
    month_rows(doc, year, month, today)
        .into_iter()
        .find(|r| r.member_id == member)
        .map(|r| r.status)
        .unwrap()
}

#[test]
fn one_tap_records_the_month_for_everyone_who_owes_at_the_amount_owed() {
    let mut doc = branch();
    let everyone = ids(&doc);
    // p2 paid more on their own, before the collection.
    record(
        &mut doc,
        "p2",
        2026,
        3,
        Some(Payment {
            month: 3,
            amount: Fen::yuan(100),
            paid_on: Some(day(2026, 3, 2)),
            way: Some(Way::Transfer),
        }),
    );
    let recorded = pay_owed(&mut doc, &everyone, 2026, &[3], day(2026, 3, 15), Way::Cash);
    assert_eq!(
        recorded, 1,
        "only p1: p2 had paid, p3 is 免交, p4 not fixed"
    );
    let rows = month_rows(&doc, 2026, 3, day(2026, 3, 15));
    let paid: Vec<(&str, Option<Fen>)> = rows
        .iter()
        .map(|r| (r.member_id.as_str(), r.payment.as_ref().map(|p| p.amount)))
        .collect();
    assert_eq!(
        paid,
        [
            ("p1", Some(Fen::yuan(40))),
            ("p2", Some(Fen::yuan(100))),
            ("p3", None),
            ("p4", None)
        ]
    );
    assert_eq!(rows[2].owed, Owed::Exempt);
    assert_eq!(rows[3].status, MonthStatus::Unset);
    let total = Total::of(&rows);
    assert_eq!((total.owed, total.paid), (Fen::yuan(130), Fen::yuan(140)));
    assert_eq!(
        (total.owing, total.paid_lines, total.unpaid_lines),
        (2, 2, 0)
    );
    // The same tap again (another tab's copy) changes nothing.
    let before = doc.clone();
    assert_eq!(
        pay_owed(&mut doc, &everyone, 2026, &[3], day(2026, 3, 16), Way::Cash),
        0
    );
    assert_eq!(doc, before);
}

/// 第十二条: 补交 of several months at once, each at its own amount, each
/// marked as made up.
#[test]
fn three_months_made_up_at_once_are_each_paid_late_at_their_own_amount() {
    let mut doc = branch();
    edit_account(&mut doc, "p1", 2026, |a| {
        a.set_term(Term {
            from: 3,
            ..base(5200)
        })
    });
    let made_up = pay_owed(
        &mut doc,
        &["p1".to_string()],
        2026,
        &[1, 2, 3],
        day(2026, 4, 10),
        Way::Cash,
    );
    assert_eq!(made_up, 3);
    let account = doc.dues_account("df-p1-2026").unwrap();
    let amounts: Vec<Fen> = account.payments.iter().map(|p| p.amount).collect();
    assert_eq!(amounts, [Fen::yuan(40), Fen::yuan(40), Fen::yuan(78)]);
    for month in 1..=3 {
        assert_eq!(
            status(&doc, "p1", 2026, month, day(2026, 4, 10)),
            MonthStatus::Paid { late: true }
        );
    }
    let register = sheets::register(&doc, 2026, day(2026, 4, 10));
    assert_eq!(
        register.notes,
        [
            "党员p1：1—3月党费于4月10日补交。",
            "党员p3：自1月起免交，经上级党委2025年12月28日批准。"
        ]
    );
    assert_eq!(register.rows[0].monthly, "40.00/78.00");
}

/// Paying 按季 with the branch's consent: a month is overdue only after its
/// quarter.
#[test]
fn a_quarterly_payer_is_not_overdue_before_the_quarter_ends() {
    let mut doc = branch();
    edit_account(&mut doc, "p1", 2026, |a| a.terms[0].quarterly = true);
    record(
        &mut doc,
        "p2",
        2026,
        1,
        Some(Payment {
            month: 1,
            amount: Fen::yuan(90),
            paid_on: Some(day(2026, 1, 15)),
            way: None,
        }),
    );
    assert_eq!(
        status(&doc, "p1", 2026, 1, day(2026, 3, 31)),
        MonthStatus::Open
    );
    assert_eq!(
        status(&doc, "p1", 2026, 1, day(2026, 4, 1)),
        MonthStatus::Overdue
    );
}

/// Months owed and not paid in a row, at the warning's edges: the 4th
/// month tells the secretary, the 6th is 党章 §9's. A month becomes owed
/// the day after it (or its quarter) ends.
#[test]
fn the_run_of_months_not_paid_counts_overdue_months_at_its_edges() {
    let mut doc = branch();
    // The ledger was kept from January; p1 paid January, then nothing.
    record(
        &mut doc,
        "p1",
        2026,
        1,
        Some(Payment {
            month: 1,
            amount: Fen::yuan(40),
            paid_on: Some(day(2026, 1, 15)),
            way: None,
        }),
    );
    let run = |doc: &Document, today| {
        unpaid(doc, today)
            .into_iter()
            .find(|u| u.member.id == "p1")
            .map_or(0, |u| u.run)
    };
    assert_eq!(run(&doc, day(2026, 2, 28)), 0, "February is not over");
    assert_eq!(run(&doc, day(2026, 3, 1)), 1);
    assert_eq!(run(&doc, day(2026, 5, 31)), NEARING - 1);
    assert_eq!(run(&doc, day(2026, 6, 1)), NEARING);
    assert_eq!(run(&doc, day(2026, 7, 31)), LIMIT - 1);
    assert_eq!(run(&doc, day(2026, 8, 1)), LIMIT);
    let found = unpaid(&doc, day(2026, 8, 1));
    let p1 = found.iter().find(|u| u.member.id == "p1").unwrap();
    assert!(p1.nearing_limit());
    assert_eq!(
        p1.sentence(),
        "党员p1：2026年2月、3月、4月、5月、6月、7月未交"
    );
    // Any payment ends the run, even a part of a month.
    record(
        &mut doc,
        "p1",
        2026,
        5,
        Some(Payment {
            month: 5,
            amount: Fen::yuan(10),
            paid_on: Some(day(2026, 7, 20)),
            way: None,
        }),
    );
    assert_eq!(run(&doc, day(2026, 8, 1)), 2);
}

/// The run counts months owed, not the calendar: a 免交 month between
/// unpaid months neither counts nor breaks it, and the run goes on across
/// the turn of the year.
#[test]
fn the_run_counts_months_owed_not_calendar_months() {
    let mut doc = document(&[], vec![full("p1")], Vec::new());
    edit_account(&mut doc, "p1", 2025, |a| {
        a.set_term(base(4000));
        a.set_payment(
            10,
            Some(Payment {
                month: 10,
                amount: Fen::yuan(40),
                paid_on: Some(day(2025, 10, 15)),
                way: None,
            }),
        );
    });
    edit_account(&mut doc, "p1", 2026, |a| {
        a.set_term(base(4000));
        a.set_term(Term {
            from: 2,
            relief: Some(Relief {
                reduced_to: None,
                decided_on: None,
                approved_on: Some(day(2026, 1, 20)),
            }),
            ..base(4000)
        });
        a.set_term(Term {
            from: 4,
            ..base(4000)
        });
    });
    // Unpaid: Nov, Dec, Jan, (Feb, Mar 免交), Apr: 4 months owed over a
    // span of six calendar months.
    let found = unpaid(&doc, day(2026, 5, 1));
    assert_eq!(found[0].run, 4);
    assert_eq!(found[0].months_text(), "2025年11月、12月、2026年1月、4月");
}

#[test]
fn a_member_who_left_is_not_warned_about_and_nobody_is_before_the_ledger_is_kept() {
    let mut doc = branch();
    assert!(
        unpaid(&doc, day(2026, 12, 1)).is_empty(),
        "nothing recorded yet"
    );
    record(
        &mut doc,
        "p1",
        2026,
        11,
        Some(Payment {
            month: 11,
            amount: Fen::yuan(40),
            paid_on: Some(day(2026, 11, 15)),
            way: None,
        }),
    );
    // Kept from November: p2's earlier months are on paper.
    let found = unpaid(&doc, day(2026, 12, 1));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].months, [(2026, 11)]);
    doc.members[1] = left(doc.members[1].clone(), Some(day(2026, 11, 20)));
    assert!(unpaid(&doc, day(2026, 12, 1)).is_empty());
}

#[test]
fn a_probationary_member_is_on_the_ledger_from_the_month_they_were_admitted() {
    let mut doc = branch();
    let mut new = probationary("p5");
    new.admitted_on = Some(day(2026, 6, 30));
    doc.members.push(new);
    edit_account(&mut doc, "p5", 2026, |a| a.set_term(base(2800)));
    let on = |month| {
        month_rows(&doc, 2026, month, day(2026, 12, 1))
            .iter()
            .any(|r| r.member_id == "p5")
    };
    assert!(!on(5));
    assert!(on(6));
    let row = month_rows(&doc, 2026, 6, day(2026, 12, 1)).pop().unwrap();
    assert_eq!(row.owed, Owed::Amount(Fen(1400)));
    assert_eq!(row.badges, ["预备党员"]);
}

#[test]
fn the_years_totals_add_up_by_month_quarter_and_year_with_remittances_and_the_balance() {
    let mut doc = branch();
    let everyone = ids(&doc);
    for month in 1..=4 {
        pay_owed(
            &mut doc,
            &everyone,
            2026,
            &[month],
            day(2026, month, 15),
            Way::Cash,
        );
    }
    edit_book(&mut doc, 2026, |b| {
        b.carried_in = Some(Fen(1234));
        b.remittances.push(Remittance {
            id: "r1".into(),
            paid_on: Some(day(2026, 4, 10)),
            amount: Fen::yuan(390),
            handler: "张伟".into(),
            note: "第一季度".into(),
        });
    });
    let totals = year_totals(&doc, 2026, day(2026, 5, 1));
    assert_eq!(totals.months[0].paid, Fen::yuan(130));
    assert_eq!(totals.quarter(1).paid, Fen::yuan(390));
    assert_eq!(totals.quarter(2).paid, Fen::yuan(130));
    assert_eq!(totals.quarter(2).owed, Fen::yuan(390));
    assert_eq!(totals.year().paid, Fen::yuan(520));
    assert_eq!(totals.remitted, Fen::yuan(390));
    assert_eq!(totals.balance(), Fen(1234) + Fen::yuan(130));
    // The next year carries the balance in.
    edit_book(&mut doc, 2027, |_| {});
    assert_eq!(
        year_totals(&doc, 2027, day(2027, 1, 2)).carried_in,
        totals.balance()
    );
}

/// Incomes, bases and amounts never leave in a package for members, nor
/// in a full backup made without them.
#[test]
fn no_package_carries_the_ledger_unless_the_keeper_chose_a_full_backup_with_it() {
    let mut doc = branch();
    let everyone = ids(&doc);
    pay_owed(&mut doc, &everyone, 2026, &[1], day(2026, 1, 15), Way::Cash);
    edit_book(&mut doc, 2026, |_| {});
    let packed = |scope, with_private| {
        pack(
            &doc,
            &Packing {
                scope,
                me: Some("p1"),
                since_year: 2025,
                with_private,
            },
            &|_| true,
        )
    };
    for (scope, private) in [
        (Scope::Branch, true),
        (Scope::Return, true),
        (Scope::Full, false),
    ] {
        let p = packed(scope, private);
        assert!(p.dues.is_empty() && p.dues_books.is_empty(), "{scope:?}");
        let json = serde_json::to_string(&p).unwrap();
        assert!(
            !json.contains("400000") && !json.contains("\"base\""),
            "{scope:?}"
        );
    }
    let full = packed(Scope::Full, true);
    assert_eq!((full.dues.len(), full.dues_books.len()), (3, 1));
}

#[test]
fn the_example_keeps_a_year_of_dues_with_the_cases_a_branch_meets() {
    let today = day(2026, 11, 27);
    let doc = crate::domain::sample::example_document(today);
    assert!(check(&doc).is_empty(), "{:?}", check(&doc));
    let rows = |y, m| month_rows(&doc, y, m, today);
    // Last month: everyone who owes paid but one, and the member paying
    // 按季 pays at the quarter's end; this month: nobody yet.
    let october: Vec<MonthStatus> = rows(2026, 10).iter().map(|r| r.status).collect();
    assert_eq!(
        october
            .iter()
            .filter(|s| **s == MonthStatus::Overdue)
            .count(),
        1
    );
    assert_eq!(
        october.iter().filter(|s| **s == MonthStatus::Open).count(),
        1
    );
    let november = Total::of(&rows(2026, 11));
    assert_eq!(november.paid_lines, 0);
    assert!(november.unpaid_lines >= 20);
    let categories: Vec<Category> = doc
        .dues
        .iter()
        .flat_map(|a| a.terms.iter().map(|t| t.category))
        .collect();
    assert!(categories.contains(&Category::Retired) && categories.contains(&Category::LowIncome));
    let student = rows(2026, 10)
        .into_iter()
        .find(|r| r.badges.contains(&"学生等"))
        .unwrap();
    assert_eq!(student.payment.unwrap().amount, Fen(20));
    assert!(rows(2026, 10)
        .iter()
        .any(|r| r.owed == Owed::Exempt && r.badges.contains(&"免交")));
    let register = sheets::register(&doc, 2026, today);
    assert!(register.notes.iter().any(|n| n.contains("补交")));
    assert!(register
        .notes
        .iter()
        .any(|n| n.contains("免交，经上级党委")));
    // Handed on after each quarter; the balance is what was collected since.
    let totals = year_totals(&doc, 2026, today);
    assert!(totals.remitted > Fen::ZERO);
    assert!(totals.balance() >= Fen::ZERO);
    let found = unpaid(&doc, today);
    assert_eq!(
        found.len(),
        1,
        "one member has not paid last month: {:?}",
        found.iter().map(|u| u.sentence()).collect::<Vec<_>>()
    );
    assert!(!found[0].nearing_limit());
}

#[test]
fn the_six_month_notice_is_for_the_secretary_and_the_keeper_only() {
    use super::warnings::sees_six_month_notice;
    use crate::domain::rules::fixtures::committee;
    use crate::domain::Role;
    let with = |roles: &[Role], duty: &str| {
        let mut m = full("x");
        m.roles = roles.to_vec();
        m.duty = duty.into();
        m
    };
    assert!(sees_six_month_notice(Some(&with(&[Role::Secretary], ""))));
    let mut keeper = committee("k");
    keeper.duty = "组织委员".into();
    assert!(
        sees_six_month_notice(Some(&keeper)),
        "the 组织委员 keeps the ledger"
    );
    assert!(
        sees_six_month_notice(None),
        "a phone whose user said nothing is the keeper's"
    );
    assert!(!sees_six_month_notice(Some(&with(
        &[Role::DeputySecretary],
        ""
    ))));
    assert!(!sees_six_month_notice(Some(&with(
        &[Role::CommitteeMember],
        "宣传委员"
    ))));
    assert!(!sees_six_month_notice(Some(&with(
        &[Role::GroupLeader],
        ""
    ))));
    assert!(!sees_six_month_notice(Some(&full("m"))));
}
