//! The branch's 党费 book of one year: the unit's own rules (本单位规定:
//! the month the base is fixed, rounding, 按季) and what was handed on to
//! the 上级党委 (上缴: date, amount, 经手人), with the balance carried in.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::money::{Fen, Rounding, Way};
use crate::domain::kind::{Keyed, Kind, Packing, Scope};
use crate::domain::limits;
use crate::domain::validate::{Checks, Known};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DuesBook {
    pub year: i32,
    #[serde(default)]
    pub rules: DuesRules,
    /// 上缴上级党委, in the order entered.
    #[serde(default)]
    pub remittances: Vec<Remittance>,
    /// 上年结存 as entered for the first year kept in the app; later years
    /// carry the year before's balance.
    #[serde(default)]
    pub carried_in: Option<Fen>,
}

/// 本单位规定: none of these is national.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DuesRules {
    /// The month each year's base is fixed (commonly January, some units
    /// July): the ledger reminds the keeper that month.
    #[serde(default = "january")]
    pub base_month: u32,
    #[serde(default)]
    pub rounding: Rounding,
    /// The branch collects 按季 (第十二条: 经党支部同意).
    #[serde(default)]
    pub quarterly: bool,
    /// How most members pay, offered first.
    #[serde(default)]
    pub way: Way,
}

fn january() -> u32 {
    1
}

impl Default for DuesRules {
    fn default() -> Self {
        DuesRules {
            base_month: 1,
            rounding: Rounding::Fen,
            quarterly: false,
            way: Way::Cash,
        }
    }
}

/// 上缴: money handed on to the 上级党委.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Remittance {
    pub id: String,
    #[serde(default)]
    pub paid_on: Option<NaiveDate>,
    #[serde(default)]
    pub amount: Fen,
    /// 经手人.
    #[serde(default)]
    pub handler: String,
    /// "第三季度党费".
    #[serde(default)]
    pub note: String,
}

impl DuesBook {
    pub fn new(year: i32, rules: DuesRules) -> DuesBook {
        DuesBook {
            year,
            rules,
            ..DuesBook::default()
        }
    }

    pub fn remitted(&self) -> Fen {
        self.remittances.iter().map(|r| r.amount).sum()
    }

    pub fn remittance_mut(&mut self, id: &str) -> Option<&mut Remittance> {
        self.remittances.iter_mut().find(|r| r.id == id)
    }
}

impl Kind for DuesBook {
    fn title(&self, _doc: &crate::domain::Document) -> String {
        format!("{}年党费收缴", self.year)
    }

    fn filed_year(&self) -> Option<i32> {
        Some(self.year)
    }

    const NOUN: &'static str = "党费收缴账";
    const COUNTER: &'static str = "份";
    const SKIPPABLE: bool = true;

    fn check(list: &[Self], _: &Known, checks: &mut Checks) {
        let mut years = std::collections::HashSet::new();
        for (i, book) in list.iter().enumerate() {
            let mut c = checks.item(i);
            if !limits::YEARS.contains(&book.year) || !years.insert(book.year) {
                c.problem("year", format!("{} 年度的党费收缴账为空或重复", book.year));
            }
            if !(1..=12).contains(&book.rules.base_month) {
                c.problem("rules.base_month", "核定月份不在 1—12 月之间");
            }
            if book.carried_in.is_some_and(|f| !f.is_valid()) {
                c.problem("carried_in", "上年结存金额不合理");
            }
            let mut ids = std::collections::HashSet::new();
            for (j, r) in book.remittances.iter().enumerate() {
                let mut below = c.below(&format!("remittances[{j}]."));
                below.unique_id(&mut ids, &r.id, "上缴记录");
                if !r.amount.is_valid() {
                    below.problem("amount", format!("上缴金额 {} 不合理", r.amount));
                }
                below.length("handler", &r.handler, limits::NAME);
                below.length("note", &r.note, limits::SHORT);
            }
        }
    }

    /// The book travels with the members' records: only in a full backup
    /// made with them.
    fn pack(&self, packing: &Packing, _: bool) -> Option<Self> {
        (packing.scope == Scope::Full && packing.with_private).then(|| self.clone())
    }

    /// A deletion travels where the record would: only in a full backup
    /// made with what is private.
    fn pack_deletion(packing: &Packing, _: bool) -> bool {
        packing.scope == Scope::Full && packing.with_private
    }

    fn mentions(&self, _: &str) -> bool {
        false
    }
}

impl Keyed for DuesBook {
    const KEY_FIELD: &'static str = "year";

    fn key(&self) -> Cow<'_, str> {
        Cow::Owned(self.year.to_string())
    }
}
