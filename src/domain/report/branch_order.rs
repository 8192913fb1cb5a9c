//! The order of branch names on the 党委's screens and paper: numbers by
//! value, so 机关第2党支部 comes before 第10 and 第二 before 第十.

use std::cmp::Ordering;

/// Branch names as a reader orders them: the numbers in them by value,
/// whether written 2, ２ or 二 (机关第2党支部 before 第10, 第二 before 第十
/// and 第十一), the rest character by character. Two names that differ
/// only in how a number is written keep a fixed order (by code point).
pub fn by_branch_name(a: &str, b: &str) -> Ordering {
    name_parts(a).cmp(name_parts(b)).then_with(|| a.cmp(b))
}

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum NamePart {
    Number(u64),
    Text(char),
}

fn name_parts(name: &str) -> impl Iterator<Item = NamePart> + '_ {
    let mut chars = name.chars().peekable();
    std::iter::from_fn(move || {
        let first = chars.next()?;
        if let Some(digit) = arabic_digit(first) {
            let mut value = u64::from(digit);
            while let Some(d) = chars.peek().copied().and_then(arabic_digit) {
                value = value.saturating_mul(10).saturating_add(u64::from(d));
                chars.next();
            }
            return Some(NamePart::Number(value));
        }
        if chinese_numeral(first).is_some() {
            let mut run = vec![first];
            while let Some(c) = chars
                .peek()
                .copied()
                .filter(|c| chinese_numeral(*c).is_some())
            {
                run.push(c);
                chars.next();
            }
            return Some(NamePart::Number(chinese_number(&run)));
        }
        Some(NamePart::Text(first))
    })
}

fn arabic_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// A Chinese numeral character: its digit, or its unit (十, 百, 千).
fn chinese_numeral(c: char) -> Option<ChineseNumeral> {
    let digit = |d| Some(ChineseNumeral::Digit(d));
    match c {
        '〇' | '零' => digit(0),
        '一' => digit(1),
        '二' | '两' => digit(2),
        '三' => digit(3),
        '四' => digit(4),
        '五' => digit(5),
        '六' => digit(6),
        '七' => digit(7),
        '八' => digit(8),
        '九' => digit(9),
        '十' => Some(ChineseNumeral::Unit(10)),
        '百' => Some(ChineseNumeral::Unit(100)),
        '千' => Some(ChineseNumeral::Unit(1000)),
        _ => None,
    }
}

#[derive(Clone, Copy)]
enum ChineseNumeral {
    Digit(u64),
    Unit(u64),
}

/// 十一 = 11, 二十 = 20, 一百零五 = 105; without units the digits are read
/// in place (二〇二六 = 2026).
fn chinese_number(run: &[char]) -> u64 {
    let numerals: Vec<ChineseNumeral> = run.iter().filter_map(|c| chinese_numeral(*c)).collect();
    let has_units = numerals
        .iter()
        .any(|n| matches!(n, ChineseNumeral::Unit(_)));
    let mut total = 0u64;
    let mut current = 0u64;
    for numeral in numerals {
        match numeral {
            ChineseNumeral::Digit(d) if has_units => current = d,
            ChineseNumeral::Digit(d) => total = total.saturating_mul(10).saturating_add(d),
            ChineseNumeral::Unit(unit) => {
                total = total.saturating_add(current.max(1).saturating_mul(unit));
                current = 0;
            }
        }
    }
    total.saturating_add(current)
}
