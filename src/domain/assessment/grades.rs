//! The grades of 民主评议党员 and who receives one: every 正式党员; a 预备党员
//! takes part but receives none.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::{Member, Standing};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    Excellent,
    Qualified,
    BasicallyQualified,
    Unqualified,
}

impl Grade {
    pub const ALL: [Grade; 4] = [
        Grade::Excellent,
        Grade::Qualified,
        Grade::BasicallyQualified,
        Grade::Unqualified,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Grade::Excellent => "优秀",
            Grade::Qualified => "合格",
            Grade::BasicallyQualified => "基本合格",
            Grade::Unqualified => "不合格",
        }
    }

    /// What the date of a 结果运用 is called: for 基本合格, a day to have
    /// improved by and to follow up (指出差距，帮助改进提高); 限期改正 is an
    /// 组织处置 for a member found 不合格, and "不超过1年" (《党员教育管理
    /// 工作条例》§30).
    pub fn remedy_date_label(self) -> &'static str {
        match self {
            Grade::Unqualified => "限期改正至（不超过1年）",
            _ => "整改期限/回访日期",
        }
    }
}

pub const PROBATIONARY_NO_GRADE: &str =
    "预备党员参加民主评议，但不评定等次：预备期满时，由支部大会讨论其能否按期转为正式党员。";

/// Reasons branches commonly record for a member left ungraded; the reason
/// is free text, these are offered to pick from.
pub const COMMON_NOT_GRADED_REASONS: [&str; 4] = [
    "长期患病，无法参加评议",
    "年老体弱，无法参加评议",
    "外出流动，由流入地党组织评议",
    "本年度转入时间较短，暂不评定等次",
];

/// Whether the member receives a grade at a review held `on`: 预备党员 do
/// not. Standing on that day, so a past year's review keeps its 预备党员
/// ungraded after they are 转正 (a review is history).
pub fn is_gradeable(member: &Member, on: NaiveDate) -> bool {
    member.standing_on(Some(on)) == Standing::Full
}

/// Why the member receives no grade at a review held `on`, for the form to
/// say; `None` when they do receive one.
pub fn no_grade_reason(member: &Member, on: NaiveDate) -> Option<&'static str> {
    (!is_gradeable(member, on)).then_some(PROBATIONARY_NO_GRADE)
}
