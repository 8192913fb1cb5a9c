//! How printed Chinese text breaks into lines, measured in ems of its font:
//! a break may fall between any two Chinese characters, but never inside a
//! Latin word or a number ("2026", "14:30"), never before closing
//! punctuation ("。" never starts a line) and never after opening
//! punctuation ("（" never ends one). The picture wraps with this, and the
//! column widths every renderer shares are measured with it.

/// Closing punctuation: never at the start of a line (GB/T 15834 and the
/// usual 禁则).
const NO_LINE_START: &str = "。，、；：？！）》〉」』】〕〗”’…—～·%％!),.:;?]}°℃";
/// Opening punctuation: never at the end of a line.
const NO_LINE_END: &str = "（《〈「『【〔〖“‘([{";

/// The closing punctuation Word and WPS keep off the start of a line
/// (their `noLineBreaksBefore` setting).
pub const WORD_NO_LINE_START: &str = NO_LINE_START;
/// The opening punctuation Word and WPS keep off the end of a line.
pub const WORD_NO_LINE_END: &str = NO_LINE_END;

pub fn no_line_start(c: char) -> bool {
    NO_LINE_START.contains(c)
}

pub fn no_line_end(c: char) -> bool {
    NO_LINE_END.contains(c)
}

/// The advance of `c` in ems: Chinese characters and full-width forms take
/// a whole em; Latin letters, digits and ASCII punctuation about half (a
/// little more than a Song face gives them, so measured text never
/// overflows what was reserved for it).
pub fn char_width(c: char) -> f64 {
    match c {
        ' ' | 'i' | 'l' | 'j' | 'I' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | '`' => 0.3,
        'm' | 'w' | 'M' | 'W' | '@' | '%' => 0.9,
        'A'..='Z' => 0.7,
        c if c.is_ascii() => 0.55,
        // Latin-1, Greek and the like.
        c if (c as u32) < 0x1100 => 0.6,
        _ => 1.0,
    }
}

/// The width of `text` on one line, in ems.
pub fn width(text: &str) -> f64 {
    text.chars().map(char_width).sum()
}

/// The width of the widest of `text`'s own lines.
pub fn widest_line(text: &str) -> f64 {
    text.split('\n').map(width).fold(0.0, f64::max)
}

/// Characters that join a Latin word or number: "2026", "14:30", "A4",
/// "3.5", "e-mail".
fn word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | ':' | '-' | '/' | '_' | '@' | '%' | '+')
}

/// The pieces a line may break between: a Latin word or number whole, a
/// space, or one other character; closing punctuation joins the piece
/// before it and opening punctuation the piece after.
fn pieces(line: &str) -> Vec<String> {
    let mut raw: Vec<String> = Vec::new();
    for c in line.chars() {
        let joins_word = word_char(c)
            && raw
                .last()
                .and_then(|p| p.chars().last())
                .is_some_and(|last| word_char(last) && last != '%');
        match raw.last_mut() {
            Some(piece) if joins_word => piece.push(c),
            _ => raw.push(c.to_string()),
        }
    }
    let mut out: Vec<String> = Vec::new();
    let mut opening = String::new();
    for piece in raw {
        let first = piece.chars().next().unwrap_or(' ');
        if no_line_start(first) && opening.is_empty() {
            if let Some(last) = out.last_mut() {
                last.push_str(&piece);
                continue;
            }
        }
        let single_opening = piece.chars().count() == 1 && no_line_end(first);
        if single_opening {
            opening.push_str(&piece);
            continue;
        }
        out.push(std::mem::take(&mut opening) + &piece);
    }
    if !opening.is_empty() {
        out.push(opening);
    }
    out
}

/// The widest piece `text` cannot break inside, in ems: the least width a
/// column holding it may have before a word splits.
pub fn longest_piece(text: &str) -> f64 {
    text.split('\n')
        .flat_map(pieces)
        .map(|p| width(&p))
        .fold(0.0, f64::max)
}

/// `text` broken into lines no wider than `width_em`, keeping its own line
/// breaks. A piece wider than a whole line is cut by character.
pub fn wrap(text: &str, width_em: f64) -> Vec<String> {
    let mut lines = Vec::new();
    for own_line in text.split('\n') {
        let mut current = String::new();
        let mut current_width = 0.0;
        for piece in pieces(own_line) {
            let w = width(&piece);
            if current_width + w <= width_em + 1e-9 || current.is_empty() && w <= width_em {
                current.push_str(&piece);
                current_width += w;
                continue;
            }
            // A space at a break is dropped, not carried to the next line.
            if piece == " " {
                lines.push(std::mem::take(&mut current).trim_end().to_string());
                current_width = 0.0;
                continue;
            }
            if w > width_em {
                for c in piece.chars() {
                    let cw = char_width(c);
                    if current_width + cw > width_em + 1e-9 && !current.is_empty() {
                        lines.push(std::mem::take(&mut current));
                        current_width = 0.0;
                    }
                    current.push(c);
                    current_width += cw;
                }
                continue;
            }
            if !current.is_empty() {
                lines.push(std::mem::take(&mut current).trim_end().to_string());
            }
            current = piece.trim_start().to_string();
            current_width = width(&current);
        }
        lines.push(current);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts_or_ends_badly(lines: &[String]) -> Option<&String> {
        lines.iter().enumerate().find_map(|(i, l)| {
            let first = l.chars().next()?;
            let last = l.chars().last()?;
            let bad_start = i > 0 && no_line_start(first);
            let bad_end = i + 1 < lines.len() && no_line_end(last);
            (bad_start || bad_end).then_some(l)
        })
    }

    #[test]
    fn a_full_stop_never_starts_a_line() {
        // Ten characters to a line: the "。" after the tenth would start the
        // second line, so the tenth character goes down with it.
        let text = "一二三四五六七八九十。后面的话";
        let lines = wrap(text, 10.0);
        assert_eq!(lines, vec!["一二三四五六七八九", "十。后面的话"]);
        for width in 3..20 {
            let text = "会议由王建国主持，应到二十四人，实到二十二人。会议审议并通过了《关于郑凯同志转正的决议》（草案）。";
            let lines = wrap(text, f64::from(width));
            assert_eq!(starts_or_ends_badly(&lines), None, "{width}: {lines:?}");
            assert_eq!(lines.concat(), text);
        }
    }

    #[test]
    fn an_opening_bracket_never_ends_a_line() {
        let lines = wrap("一二三四五六七八九（十）", 10.0);
        assert_eq!(lines, vec!["一二三四五六七八九", "（十）"]);
    }

    #[test]
    fn numbers_and_times_stay_whole() {
        let lines = wrap("会议时间2026年12月18日 14:30—16:00", 9.0);
        assert!(lines.iter().any(|l| l.contains("2026")), "{lines:?}");
        assert!(lines.iter().any(|l| l.contains("14:30")), "{lines:?}");
        assert_eq!(longest_piece("14:30—16:00"), width("14:30—"));
    }

    #[test]
    fn own_line_breaks_are_kept_and_a_long_word_is_cut() {
        assert_eq!(wrap("甲\n乙", 5.0), vec!["甲", "乙"]);
        let lines = wrap(&"8".repeat(30), 5.0);
        assert!(lines.iter().all(|l| width(l) <= 5.0), "{lines:?}");
        assert_eq!(lines.concat(), "8".repeat(30));
        assert_eq!(wrap("", 5.0), vec![String::new()]);
    }

    #[test]
    fn chinese_is_one_em_and_latin_about_half() {
        assert_eq!(width("支部"), 2.0);
        assert!(width("2026") < 2.5);
        assert_eq!(widest_line("一\n一二三"), 3.0);
    }
}
