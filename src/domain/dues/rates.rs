//! How much a member pays a month, by the national rule: 中共中央组织部
//! 《关于中国共产党党费收缴、使用和管理的规定》（中组发〔2008〕3号，2008年
//! 2月4日印发，4月1日起施行）. The articles as widely republished (e.g. the
//! texts at xx22z.com/newsinfo/7.html and qddsjng.cn/newsinfo/7.html,
//! checked against the quotations at miniwenda.com/life/173866.html):
//!
//! - 第一条: 按月领取工资的党员，每月以工资总额中相对固定的、经常性的工资
//!   收入（税后）为计算基数。
//! - 第二条: 3000元以下（含3000元）0.5%；3000元以上至5000元（含5000元）1%；
//!   5000元以上至10000元（含10000元）1.5%；10000元以上2%。
//! - 第三条: 年薪制 — 每月以当月实际领取的薪酬收入为计算基数，参照第一、二条。
//! - 第四条: 不按月取得收入的个体经营者等 — 以个人上季度月平均纯收入为基数。
//! - 第五条: 离退休 — 以实际领取的离退休费总额或养老金总额为基数，
//!   5000元以下（含5000元）0.5%，5000元以上1%。
//! - 第六条: 农民党员每月0.2元—1元；学生党员、下岗失业的党员、依靠抚恤或
//!   救济生活的党员、领取当地最低生活保障金的党员，每月0.2元。
//! - 第七条: 确有困难的，经党支部研究，报上一级党委批准后，可以少交或免交。
//! - 第八条: 预备党员从支部大会通过其为预备党员之日起交纳党费。
//! - 第十条: 工资收入发生变化后，从按新工资标准领取工资的当月起按新基数交纳。
//! - 第十一条: 自愿多交党费不限。
//! - 第十二条: 按月交纳；经党支部同意可以每季度交纳一次；补交党费的时间一般
//!   不得超过6个月。
//! - 第十三条: 对不按照规定交纳党费的党员，及时批评教育，限期改正；无正当
//!   理由连续6个月不交纳党费的，按自行脱党处理。
//!
//! "每年初核定党员当年月交纳党费数额，年内一般不变动" and "每年应当向党员
//! 公布1次党费收缴、使用情况" are later guidance (旗帜网, 中央和国家机关工委,
//! 2021: dinglida.net/n1/2021/1021/c422419-32260353.html); the month the
//! base is fixed, rounding and 按季 differ between units and are settings.

use serde::{Deserialize, Serialize};

use super::money::{Fen, Rounding};

/// The rule's name as screens and printouts cite it.
pub const RULES: &str = "中组部《关于中国共产党党费收缴、使用和管理的规定》（中组发〔2008〕3号）";

/// Which article of the rule sets a member's amount.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// 按月领取工资 (第一、二条).
    #[default]
    Employed,
    /// 离退休 (第五条).
    Retired,
    /// 年薪制 (第三条): that month's pay.
    AnnualSalary,
    /// 个体经营者等不按月取得收入 (第四条): last quarter's monthly average.
    SelfEmployed,
    /// 农民党员 (第六条): 0.2–1 元.
    Farmer,
    /// 学生、下岗失业、依靠抚恤或救济、领取最低生活保障金 (第六条): 0.2 元.
    LowIncome,
    /// Anything else: the amount the branch fixed.
    Other,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::Employed,
        Category::Retired,
        Category::AnnualSalary,
        Category::SelfEmployed,
        Category::Farmer,
        Category::LowIncome,
        Category::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Category::Employed => "在职",
            Category::Retired => "离退休",
            Category::AnnualSalary => "年薪制",
            Category::SelfEmployed => "个体经营等",
            Category::Farmer => "农民",
            Category::LowIncome => "学生等",
            Category::Other => "其他",
        }
    }

    /// What the rule says for this category, for the form's hint.
    pub fn rule(self) -> &'static str {
        match self {
            Category::Employed => {
                "第一、二条：以工资总额中相对固定的、经常性的工资收入（税后）为基数；3000元以下（含）0.5%，3000—5000元（含）1%，5000—10000元（含）1.5%，10000元以上2%。"
            }
            Category::Retired => {
                "第五条：以实际领取的离退休费总额或养老金总额为基数；5000元以下（含）0.5%，5000元以上1%。"
            }
            Category::AnnualSalary => {
                "第三条：以当月实际领取的薪酬收入为基数，比例同在职党员；收入变化时从当月起改用新基数。"
            }
            Category::SelfEmployed => {
                "第四条：不按月取得收入的，以本人上季度月平均纯收入为基数，比例同在职党员。"
            }
            Category::Farmer => "第六条：农民党员每月交纳0.2元—1元。",
            Category::LowIncome => {
                "第六条：学生党员、下岗失业的党员、依靠抚恤或救济生活的党员、领取当地最低生活保障金的党员，每月交纳0.2元。"
            }
            Category::Other => "按支部核定的月交纳额。",
        }
    }

    /// Whether the rule works the amount out of a base.
    pub fn has_base(self) -> bool {
        matches!(
            self,
            Category::Employed
                | Category::Retired
                | Category::AnnualSalary
                | Category::SelfEmployed
        )
    }
}

/// A rate in 万分之: 50 is 0.5 %.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rate(pub i64);

impl Rate {
    /// "0.5%", "1.5%".
    pub fn label(self) -> String {
        let whole = self.0 / 100;
        match self.0 % 100 {
            0 => format!("{whole}%"),
            part if part % 10 == 0 => format!("{whole}.{}%", part / 10),
            part => format!("{whole}.{part:02}%"),
        }
    }
}

/// What the amount is worked out from: the member's base (计算基数), or the
/// monthly amount the branch fixed (核定月交额) when the member prefers not
/// to give an income, or the category has no base.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum Basis {
    Income { base: Fen },
    Amount { amount: Fen },
}

impl Default for Basis {
    fn default() -> Self {
        Basis::Amount { amount: Fen::ZERO }
    }
}

/// 第二条: the rate for a monthly income of `base`.
pub fn employed_rate(base: Fen) -> Rate {
    match base {
        b if b <= Fen::yuan(3000) => Rate(50),
        b if b <= Fen::yuan(5000) => Rate(100),
        b if b <= Fen::yuan(10_000) => Rate(150),
        _ => Rate(200),
    }
}

/// 第五条: the rate for a pension of `base`.
pub fn retired_rate(base: Fen) -> Rate {
    if base <= Fen::yuan(5000) {
        Rate(50)
    } else {
        Rate(100)
    }
}

/// 第六条: 学生等 pay 0.2 元; 农民 0.2–1 元.
pub const LOW_INCOME: Fen = Fen(20);
pub const FARMER: std::ops::RangeInclusive<Fen> = Fen(20)..=Fen(100);

/// How a month's amount came about, for the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Worked {
    /// Base × rate, rounded by the branch's rule.
    Rate { base: Fen, rate: Rate, amount: Fen },
    /// Fixed by the rule itself (学生等 0.2 元).
    ByRule(Fen),
    /// The amount the branch fixed (核定月交额).
    Fixed(Fen),
    /// Nothing to work from yet: a farmer's amount not entered.
    Missing,
}

impl Worked {
    pub fn amount(self) -> Option<Fen> {
        match self {
            Worked::Rate { amount, .. } | Worked::ByRule(amount) | Worked::Fixed(amount) => {
                Some(amount)
            }
            Worked::Missing => None,
        }
    }

    /// "4567.80 × 1% = 45.68", "按规定 0.20", "核定 30.00".
    pub fn explain(self) -> String {
        match self {
            Worked::Rate { base, rate, amount } => {
                format!("{base} × {} = {amount}", rate.label())
            }
            Worked::ByRule(amount) => format!("按规定每月 {amount} 元"),
            Worked::Fixed(amount) => format!("核定每月 {amount} 元"),
            Worked::Missing => "尚未核定".into(),
        }
    }
}

/// The monthly amount the rule gives for `category` and `basis`, before
/// any 少交 or 免交. A base or amount of nothing is not fixed yet (paying
/// nothing is 免交, which needs approval).
pub fn work_out(category: Category, basis: Basis, rounding: Rounding) -> Worked {
    match (category, basis) {
        (Category::LowIncome, Basis::Amount { amount }) if amount > LOW_INCOME => {
            Worked::Fixed(amount)
        }
        (Category::LowIncome, _) => Worked::ByRule(LOW_INCOME),
        (_, Basis::Amount { amount } | Basis::Income { base: amount }) if amount.is_zero() => {
            Worked::Missing
        }
        (_, Basis::Amount { amount }) => Worked::Fixed(amount),
        (Category::Retired, Basis::Income { base }) => {
            let rate = retired_rate(base);
            Worked::Rate {
                base,
                rate,
                amount: base.per_wan(rate.0, rounding),
            }
        }
        (c, Basis::Income { base }) if c.has_base() => {
            let rate = employed_rate(base);
            Worked::Rate {
                base,
                rate,
                amount: base.per_wan(rate.0, rounding),
            }
        }
        (_, Basis::Income { .. }) => Worked::Missing,
    }
}

/// A quiet word when a fixed amount is not what the rule gives (paying
/// more is free: 第十一条), never a blocker.
pub fn amount_hint(category: Category, basis: Basis) -> Option<&'static str> {
    let Basis::Amount { amount } = basis else {
        return None;
    };
    match category {
        Category::Farmer if !FARMER.contains(&amount) => {
            Some("农民党员每月交纳0.2元—1元（第六条），自愿多交不限。")
        }
        Category::LowIncome if amount < LOW_INCOME => Some("学生等党员每月交纳0.2元（第六条）。"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn employed(yuan_fen: i64) -> Fen {
        work_out(
            Category::Employed,
            Basis::Income {
                base: Fen(yuan_fen),
            },
            Rounding::Fen,
        )
        .amount()
        .unwrap()
    }

    fn retired(yuan_fen: i64) -> Fen {
        work_out(
            Category::Retired,
            Basis::Income {
                base: Fen(yuan_fen),
            },
            Rounding::Fen,
        )
        .amount()
        .unwrap()
    }

    /// 第二条 at every edge of its brackets ("含" is inclusive).
    #[test]
    fn the_employed_brackets_of_article_2_at_their_edges() {
        assert_eq!(employed(300_000), Fen(1500)); // 3000.00 → 15.00
        assert_eq!(employed(300_001), Fen(3000)); // 3000.01 → 30.00
        assert_eq!(employed(500_000), Fen(5000)); // 5000.00 → 50.00
        assert_eq!(employed(500_001), Fen(7500)); // 5000.01 → 75.00
        assert_eq!(employed(1_000_000), Fen(15_000)); // 10000.00 → 150.00
        assert_eq!(employed(1_000_001), Fen(20_000)); // 10000.01 → 200.00
        assert_eq!(employed(1), Fen(0)); // 0.01 → 0.00005
    }

    /// A base or amount of nothing is not fixed yet: paying nothing is
    /// 免交, which needs the 上级党委's approval.
    #[test]
    fn nothing_entered_is_not_fixed_yet() {
        for basis in [Basis::Income { base: Fen::ZERO }, Basis::default()] {
            assert_eq!(
                work_out(Category::Employed, basis, Rounding::Fen),
                Worked::Missing
            );
        }
        assert_eq!(
            work_out(Category::LowIncome, Basis::default(), Rounding::Fen),
            Worked::ByRule(Fen(20))
        );
    }

    /// 第五条: 5000 元 is still 0.5 %.
    #[test]
    fn the_retired_brackets_of_article_5_at_their_edge() {
        assert_eq!(retired(500_000), Fen(2500)); // 5000 → 25.00
        assert_eq!(retired(500_001), Fen(5000)); // 5000.01 → 50.00
        assert_eq!(retired(600_000), Fen(6000)); // 6000 → 60.00
    }

    /// 第三、四条 use the employed brackets on their own base.
    #[test]
    fn annual_salary_and_self_employed_use_the_employed_brackets() {
        for category in [Category::AnnualSalary, Category::SelfEmployed] {
            let worked = work_out(
                category,
                Basis::Income {
                    base: Fen::yuan(12_000),
                },
                Rounding::Fen,
            );
            assert_eq!(worked.amount(), Some(Fen::yuan(240)));
        }
    }

    /// 第六条: 学生等 pay 0.20 whatever their income; a farmer's amount is
    /// what the branch fixed within 0.2–1 元.
    #[test]
    fn students_pay_twenty_fen_and_farmers_what_was_fixed() {
        let student = work_out(
            Category::LowIncome,
            Basis::Income {
                base: Fen::yuan(1500),
            },
            Rounding::Jiao,
        );
        assert_eq!(student.amount(), Some(Fen(20)));
        assert_eq!(student.explain(), "按规定每月 0.20 元");
        let farmer = Basis::Amount { amount: Fen(50) };
        assert_eq!(
            work_out(Category::Farmer, farmer, Rounding::Fen).amount(),
            Some(Fen(50))
        );
        assert_eq!(amount_hint(Category::Farmer, farmer), None);
        assert!(amount_hint(Category::Farmer, Basis::Amount { amount: Fen(150) }).is_some());
        assert_eq!(
            work_out(
                Category::Farmer,
                Basis::Income {
                    base: Fen::yuan(900)
                },
                Rounding::Fen
            ),
            Worked::Missing
        );
    }

    /// The rounding is the branch's (本单位规定): to the 分 or to the 角.
    #[test]
    fn rounding_follows_the_branchs_setting() {
        let base = Basis::Income { base: Fen(456_789) };
        let at = |r| work_out(Category::Employed, base, r).amount().unwrap();
        assert_eq!(at(Rounding::Fen), Fen(4568)); // 45.6789 → 45.68
        assert_eq!(at(Rounding::Jiao), Fen(4570)); // → 45.70
        assert_eq!(
            work_out(Category::Employed, base, Rounding::Fen).explain(),
            "4567.89 × 1% = 45.68"
        );
    }

    #[test]
    fn rates_print_as_percentages() {
        assert_eq!(Rate(50).label(), "0.5%");
        assert_eq!(Rate(100).label(), "1%");
        assert_eq!(Rate(150).label(), "1.5%");
        assert_eq!(Rate(200).label(), "2%");
    }
}
