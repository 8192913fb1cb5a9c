//! Months not paid, for the keeper, and a member nearing six months not
//! paid, for the secretary's eyes only. 党章 §9 treats six months in a row
//! without good reason as 自行脱党; the 2008 规定 (第十三条) asks the branch
//! first to 批评教育 and set a time to put it right. The app counts months
//! owed and not paid and quotes the rules; whether there was 正当理由 is
//! for the branch to find out, never for the app to judge.

use chrono::{Datelike, NaiveDate};

use super::account::MonthStatus;
use super::ledger::{account, kept, ledger_start, rules_for};
use crate::domain::{Document, Member};

/// 党章 第九条, as adopted in 2022.
pub const CHARTER: &str = "《中国共产党章程》第九条：党员如果没有正当理由，连续六个月不参加党的组织生活，或不交纳党费，或不做党所分配的工作，就被认为是自行脱党。支部大会应当决定把这样的党员除名，并报上级党组织批准。";

/// What comes first, and that the app does not judge.
pub const FIRST: &str = "规定第十三条：对不按照规定交纳党费的党员，其所在党组织应及时对其进行批评教育，限期改正。是否有正当理由（如患病、外出、经济困难），须由支部了解情况后研究，本提示不作判断；请先谈心谈话，了解原因。";

/// Months in a row from which the secretary is told.
pub const NEARING: u32 = 4;
/// 党章 §9's six months.
pub const LIMIT: u32 = 6;

/// Whether the six-month notice is for the user of this phone: the
/// secretary, and the 组织委员 who keeps the ledger (a committee member
/// whose 分工 says so). A phone whose user has not said who they are is the
/// keeper's, since the ledger never travels to members. A 副书记, another
/// 委员 or a member is not told: the notice is for the secretary only.
pub fn sees_six_month_notice(me: Option<&Member>) -> bool {
    use crate::domain::Role;
    let Some(me) = me else {
        return true;
    };
    me.roles.iter().any(|r| match r {
        Role::Secretary => true,
        Role::CommitteeMember => me.duty.contains("组织"),
        Role::DeputySecretary | Role::GroupLeader => false,
    })
}

/// A member with months owed and not paid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unpaid<'a> {
    pub member: &'a Member,
    /// The overdue months not paid, oldest first.
    pub months: Vec<(i32, u32)>,
    /// Months owed and not paid in a row up to the latest overdue month:
    /// months that owed nothing (免交, before joining) neither count nor
    /// break the run; any month paid, even in part, ends it.
    pub run: u32,
}

impl Unpaid<'_> {
    /// "2026年3月、4月，2027年1月".
    pub fn months_text(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut year = None;
        for (y, m) in &self.months {
            if year == Some(*y) {
                parts.push(format!("{m}月"));
            } else {
                parts.push(format!("{y}年{m}月"));
                year = Some(*y);
            }
        }
        parts.join("、")
    }

    /// "孙磊：2026年3月、4月未交".
    pub fn sentence(&self) -> String {
        format!("{}：{}未交", self.member.name, self.months_text())
    }

    /// For the secretary: "孙磊已连续 5 个月未交纳党费（按应交月份计）。"
    pub fn run_sentence(&self) -> String {
        format!(
            "{}已连续 {} 个月未交纳党费（按应交的月份计，免交的月份不计）。",
            self.member.name, self.run
        )
    }

    pub fn nearing_limit(&self) -> bool {
        self.run >= NEARING
    }
}

/// The months a warning looks back over: two years at most.
const LOOK_BACK: u32 = 24;

/// Active members with overdue months not paid on `today`, in roster order.
pub fn unpaid(doc: &Document, today: NaiveDate) -> Vec<Unpaid<'_>> {
    let Some(start) = ledger_start(doc) else {
        return Vec::new();
    };
    doc.members
        .iter()
        .filter(|m| m.is_active())
        .filter_map(|member| {
            let found = months_back(today)
                .take_while(|&(y, m)| kept(Some(start), y, m))
                .map(|(y, m)| ((y, m), status(doc, member, y, m, today)))
                .collect::<Vec<_>>();
            let mut months: Vec<(i32, u32)> = found
                .iter()
                .filter(|(_, s)| *s == MonthStatus::Overdue)
                .map(|(at, _)| *at)
                .collect();
            months.reverse();
            let run = found
                .iter()
                .map(|(_, s)| *s)
                .filter(|s| {
                    matches!(
                        s,
                        MonthStatus::Overdue | MonthStatus::Paid { .. } | MonthStatus::Short { .. }
                    )
                })
                .take_while(|s| *s == MonthStatus::Overdue)
                .count() as u32;
            (!months.is_empty()).then_some(Unpaid {
                member,
                months,
                run,
            })
        })
        .collect()
}

fn status(doc: &Document, member: &Member, year: i32, month: u32, today: NaiveDate) -> MonthStatus {
    account(doc, &member.id, year).status(member, month, rules_for(doc, year), today, true)
}

/// This month and the ones before it, newest first.
fn months_back(today: NaiveDate) -> impl Iterator<Item = (i32, u32)> {
    let (year, month) = (today.year(), today.month());
    (0..LOOK_BACK).map(move |back| {
        let index = year * 12 + month as i32 - 1 - back as i32;
        (index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
    })
}
