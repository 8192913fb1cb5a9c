//! Helpers for the long texts of a form.

/// Counts the way Chinese word processors do: each Chinese character or
/// punctuation mark counts one, a run of Latin letters or digits ("OPL",
/// "2025") counts one, whitespace counts nothing.
pub fn word_count(text: &str) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if !in_word {
                count += 1;
            }
            in_word = true;
        } else {
            in_word = false;
            if !c.is_whitespace() {
                count += 1;
            }
        }
    }
    count
}

/// `text` with `line` added on a line of its own, unless it is already
/// there: a second tap on the same evidence adds nothing.
pub fn add_line(text: &str, line: &str) -> String {
    let line = line.trim();
    if line.is_empty() || text.lines().any(|l| l.trim() == line) {
        return text.to_string();
    }
    let body = text.trim_end();
    if body.is_empty() {
        line.to_string()
    } else {
        format!("{body}\n{line}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_characters_count_one_each_and_whitespace_nothing() {
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count("  \n\t "), 0);
        assert_eq!(word_count("按时交纳党费"), 6);
        assert_eq!(word_count("按时 交纳\n党费。"), 7);
        assert_eq!(word_count("参加 OPL 一点课 12 次"), 8);
        assert_eq!(word_count("😀好"), 2);
    }

    #[test]
    fn lines_are_added_once() {
        let once = add_line("", "出席 3 次。");
        assert_eq!(once, "出席 3 次。");
        let twice = add_line(&once, "出席 3 次。");
        assert_eq!(twice, once);
        assert_eq!(add_line("已有内容\n\n", "新的一行"), "已有内容\n新的一行");
        assert_eq!(add_line("已有内容", "  "), "已有内容");
    }
}
