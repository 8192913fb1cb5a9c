//! How long a text may be and how many items a list may hold: one table,
//! used by the screens (which stop the member at the limit) and by the
//! import (which reports what is over a limit and keeps it), so a backup
//! the app wrote always imports.

/// A long text: minutes, remarks, a speech (about 30 printed pages).
pub const TEXT: usize = 50_000;
/// One answer on a self-assessment form: several printed pages, far more
/// than a 自评 needs, and small enough for the member's file.
pub const FORM_TEXT: usize = 10_000;
/// A short field: a title, a place, a group's name.
pub const SHORT: usize = 200;
/// A member's name.
pub const NAME: usize = 40;
/// One rating on a scale ("较好").
pub const RATING: usize = 20;
/// Ratings on a scale, so scores fit the chart.
pub const SCALE: usize = 10;
/// Negative situations (反向情形) a branch lists.
pub const NEGATIVES: usize = 30;
/// 完成 / 重新打开 events one form keeps.
pub const FORM_EVENTS: usize = 500;
/// Notes, items or milestones one 融合 record keeps (a year's monthly
/// notes several times over).
pub const FUSION_ITEMS: usize = 200;
/// 学时 one training outside the branch may credit, in tenths: 200 学时
/// (a month-long 党校 course is about 170).
pub const CREDITED_TENTHS: u32 = 2000;
/// OPL 要点 fit on one page.
pub const OPL_POINTS: usize = 300;
/// Years a form or review may be for.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// The busiest branch the app is made for, kept as long as a branch keeps
/// its records: what the largest backup the app writes holds, from which
/// the import's size cap is derived (`backup::import::MAX_BACKUP_BYTES`).
/// The app itself puts no cap on counts; past these a phone is slow.
pub mod plausible {
    /// Years of records on one phone.
    pub const YEARS: usize = 20;
    /// Members of one branch (a branch over 50 is usually split).
    pub const MEMBERS: usize = 50;
    /// 支委会, 党员大会, 党课, 主题党日 and three groups' 党小组会.
    pub const MEETINGS_A_YEAR: usize = 70;
    /// The minutes of one meeting, in characters.
    pub const MINUTES_CHARS: usize = 2_000;
    /// One answer on a member's yearly self-assessment.
    pub const FORM_CHARS: usize = 300;
}

/// A list as the member typed it, cut to `count` items of at most `chars`
/// characters each (empty items dropped); `true` if anything was cut.
pub fn clamp_list(items: Vec<String>, count: usize, chars: usize) -> (Vec<String>, bool) {
    let mut cut = false;
    let kept: Vec<String> = items
        .into_iter()
        .map(|item| item.trim().to_string())
        .filter(|item| !item.is_empty())
        .enumerate()
        .filter_map(|(i, item)| {
            if i >= count {
                cut = true;
                return None;
            }
            if item.chars().count() > chars {
                cut = true;
                return Some(item.chars().take(chars).collect());
            }
            Some(item)
        })
        .collect();
    (kept, cut)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_cut_to_their_limits_and_say_so() {
        let items = vec![
            "好".to_string(),
            "  ".into(),
            "较好较好较好".into(),
            "差".into(),
        ];
        assert_eq!(
            clamp_list(items.clone(), 10, 20),
            (vec!["好".into(), "较好较好较好".into(), "差".into()], false)
        );
        assert_eq!(
            clamp_list(items, 2, 2),
            (vec!["好".into(), "较好".into()], true)
        );
    }
}
