//! Money as the ledger keeps it: whole 分 in an integer, never a floating
//! point number, so 3000.01 元 × 1 % is 30.0001 元 exactly and rounds the
//! way the branch's rule says, and every column of the 登记表 adds up to
//! its total to the 分.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Sub};

use serde::{Deserialize, Serialize};

/// An amount in 分 (1 元 = 100 分).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Fen(pub i64);

/// The largest amount the ledger takes: 一亿元. A monthly income, a year's
/// 党费 or a 上缴 never comes near it, and base × rate stays far inside
/// `i64`.
pub const MAX: Fen = Fen(100_000_000 * 100);

impl Fen {
    pub const ZERO: Fen = Fen(0);

    /// Whole 元, for the example and tests.
    pub const fn yuan(yuan: i64) -> Fen {
        Fen(yuan * 100)
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    /// An amount the ledger may hold: not negative, not absurd.
    pub fn is_valid(self) -> bool {
        (0..=MAX.0).contains(&self.0)
    }

    /// Reads an amount as people type it: "4567.8", "4567.80", "¥4567",
    /// "4567 元", full-width digits. Commas are refused rather than guessed
    /// (a thousands separator or a decimal comma?).
    pub fn parse(text: &str) -> Result<Fen, String> {
        let plain: String = text
            .trim()
            .chars()
            .map(|c| match c {
                '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
                '．' | '。' => '.',
                c => c,
            })
            .filter(|c| !c.is_whitespace())
            .collect();
        let plain = plain.trim_start_matches(['¥', '￥']).trim_end_matches('元');
        if plain.is_empty() {
            return Err("请填写金额".into());
        }
        let (whole, part) = plain.split_once('.').unwrap_or((plain, ""));
        let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        if !digits(whole) || !(part.is_empty() || digits(part)) {
            return Err(format!(
                "“{}”不是金额：请只填数字，例如 4567.89",
                text.trim()
            ));
        }
        if part.len() > 2 {
            return Err("金额最多到分（小数点后两位）".into());
        }
        if whole.len() > 12 {
            return Err("金额过大".into());
        }
        let yuan: i64 = whole.parse().map_err(|_| "金额过大".to_string())?;
        let cents: i64 = match part.len() {
            0 => 0,
            1 => part.parse::<i64>().unwrap_or(0) * 10,
            _ => part.parse().unwrap_or(0),
        };
        let fen = Fen(yuan * 100 + cents);
        if fen > MAX {
            return Err("金额过大".into());
        }
        Ok(fen)
    }

    /// `part` per ten thousand of this amount (50 → 0.5 %), rounded as
    /// `rounding` says, half up.
    pub fn per_wan(self, part: i64, rounding: Rounding) -> Fen {
        let step = rounding.step();
        let exact = self.0 * part; // in 万分之一分
        let unit = 10_000 * step;
        Fen((exact + unit / 2) / unit * step)
    }
}

impl fmt::Display for Fen {
    /// "4567.80": 元 with two places, as the 登记表 writes money.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let n = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", n / 100, n % 100)
    }
}

impl Add for Fen {
    type Output = Fen;

    fn add(self, other: Fen) -> Fen {
        Fen(self.0 + other.0)
    }
}

impl AddAssign for Fen {
    fn add_assign(&mut self, other: Fen) {
        self.0 += other.0;
    }
}

impl Sub for Fen {
    type Output = Fen;

    fn sub(self, other: Fen) -> Fen {
        Fen(self.0 - other.0)
    }
}

impl Sum for Fen {
    fn sum<I: Iterator<Item = Fen>>(iter: I) -> Fen {
        iter.fold(Fen::ZERO, Add::add)
    }
}

/// How a worked-out amount is rounded: to the 分 or to the 角, half up.
/// No national rule says which (本单位规定).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    #[default]
    Fen,
    Jiao,
}

impl Rounding {
    pub const ALL: [Rounding; 2] = [Rounding::Fen, Rounding::Jiao];

    pub fn label(self) -> &'static str {
        match self {
            Rounding::Fen => "计算到分",
            Rounding::Jiao => "四舍五入到角",
        }
    }

    /// The step in 分.
    fn step(self) -> i64 {
        match self {
            Rounding::Fen => 1,
            Rounding::Jiao => 10,
        }
    }
}

/// 交纳方式.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Way {
    #[default]
    Cash,
    Transfer,
    Online,
}

impl Way {
    pub const ALL: [Way; 3] = [Way::Cash, Way::Transfer, Way::Online];

    pub fn label(self) -> &'static str {
        match self {
            Way::Cash => "现金",
            Way::Transfer => "转账",
            Way::Online => "线上",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_as_people_type_them() {
        assert_eq!(Fen::parse("4567.8"), Ok(Fen(456_780)));
        assert_eq!(Fen::parse(" ¥4,567 ").map_err(|_| ()), Err(()));
        assert_eq!(Fen::parse("４５６７．８９元"), Ok(Fen(456_789)));
        assert_eq!(Fen::parse("0.2"), Ok(Fen(20)));
        assert_eq!(Fen::parse("15"), Ok(Fen(1500)));
        assert_eq!(Fen::parse("￥ 15.05"), Ok(Fen(1505)));
        assert!(Fen::parse("15.055").unwrap_err().contains("两位"));
        assert!(Fen::parse("-3").unwrap_err().contains("不是金额"));
        assert!(Fen::parse("").unwrap_err().contains("请填写"));
        assert!(Fen::parse("1e3").is_err());
        assert!(Fen::parse("100000000.01").unwrap_err().contains("过大"));
        assert_eq!(Fen::parse("100000000"), Ok(MAX));
    }

    #[test]
    fn amounts_print_with_two_places() {
        assert_eq!(Fen(1500).to_string(), "15.00");
        assert_eq!(Fen(20).to_string(), "0.20");
        assert_eq!(Fen(7).to_string(), "0.07");
        assert_eq!(Fen(-250).to_string(), "-2.50");
        assert_eq!([Fen(1), Fen(2)].into_iter().sum::<Fen>(), Fen(3));
    }

    #[test]
    fn a_share_is_rounded_half_up_to_the_fen_or_to_the_jiao() {
        // 4567.89 元 × 1 % = 45.6789 元.
        assert_eq!(Fen(456_789).per_wan(100, Rounding::Fen), Fen(4568));
        assert_eq!(Fen(456_789).per_wan(100, Rounding::Jiao), Fen(4570));
        // 4563.00 × 1 % = 45.63: down to 45.60 at the 角.
        assert_eq!(Fen(456_300).per_wan(100, Rounding::Jiao), Fen(4560));
        // Exactly half a 分 and half a 角 go up.
        assert_eq!(Fen(100).per_wan(50, Rounding::Fen), Fen(1)); // 0.005 元
        assert_eq!(Fen(1_000).per_wan(50, Rounding::Jiao), Fen(10)); // 0.05 元
        assert_eq!(Fen(999).per_wan(50, Rounding::Jiao), Fen(0)); // 0.04995 元
    }
}
