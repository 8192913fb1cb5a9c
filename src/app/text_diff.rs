//! Where two versions of a text differ, marked inside each, so a secretary
//! settling a conflict sees the three changed characters of a 130-character
//! paragraph rather than reading both in full.

/// A run of a text, changed or the same as in the other version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub changed: bool,
}

/// Past this many characters between the common start and end, the middle
/// is marked as changed whole: the comparison grows with the square of it.
const COMPARED: usize = 2_000;

/// The two texts, each cut into runs that the other has too and runs it
/// does not (a longest common subsequence of characters).
pub fn marked(a: &str, b: &str) -> (Vec<Span>, Vec<Span>) {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (mid_a, mid_b) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let (keep_a, keep_b) = if mid_a.len() <= COMPARED && mid_b.len() <= COMPARED {
        common(mid_a, mid_b)
    } else {
        (vec![false; mid_a.len()], vec![false; mid_b.len()])
    };
    let spans = |text: &[char], kept_middle: &[bool]| {
        let kept = std::iter::repeat_n(true, prefix)
            .chain(kept_middle.iter().copied())
            .chain(std::iter::repeat_n(true, suffix));
        let mut out: Vec<Span> = Vec::new();
        for (c, same) in text.iter().zip(kept) {
            match out.last_mut() {
                Some(last) if last.changed != same => last.text.push(*c),
                _ => out.push(Span {
                    text: c.to_string(),
                    changed: !same,
                }),
            }
        }
        out
    };
    (spans(&a, &keep_a), spans(&b, &keep_b))
}

/// Which characters of each side belong to a longest common subsequence.
fn common(a: &[char], b: &[char]) -> (Vec<bool>, Vec<bool>) {
    let width = b.len() + 1;
    // lengths[i * width + j]: the LCS of a[i..] and b[j..].
    let mut lengths = vec![0u16; (a.len() + 1) * width];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lengths[i * width + j] = if a[i] == b[j] {
                lengths[(i + 1) * width + j + 1] + 1
            } else {
                lengths[(i + 1) * width + j].max(lengths[i * width + j + 1])
            };
        }
    }
    let (mut keep_a, mut keep_b) = (vec![false; a.len()], vec![false; b.len()]);
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            keep_a[i] = true;
            keep_b[j] = true;
            i += 1;
            j += 1;
        } else if lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    (keep_a, keep_b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(spans: &[Span]) -> String {
        spans
            .iter()
            .map(|s| {
                if s.changed {
                    format!("[{}]", s.text)
                } else {
                    s.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn a_changed_word_inside_a_long_paragraph_is_all_that_is_marked() {
        let (a, b) = marked(
            "书记领学全会公报，围绕如何落实开展讨论，共 18 人发言。",
            "书记领学全会公报，围绕如何落实到本职工作开展讨论，共 19 人发言。",
        );
        assert_eq!(
            show(&a),
            "书记领学全会公报，围绕如何落实开展讨论，共 1[8] 人发言。"
        );
        assert_eq!(
            show(&b),
            "书记领学全会公报，围绕如何落实[到本职工作]开展讨论，共 1[9] 人发言。"
        );
    }

    #[test]
    fn the_same_text_has_nothing_marked_and_an_empty_side_marks_the_other_whole() {
        let (a, b) = marked("相同", "相同");
        assert_eq!((show(&a), show(&b)), ("相同".into(), "相同".into()));
        let (a, b) = marked("", "新写的");
        assert!(a.is_empty());
        assert_eq!(show(&b), "[新写的]");
    }

    #[test]
    fn texts_too_long_to_compare_mark_their_differing_middle_whole() {
        let a = format!("开头{}结尾", "甲".repeat(COMPARED + 1));
        let b = format!("开头{}结尾", "乙".repeat(COMPARED + 1));
        let (a, b) = marked(&a, &b);
        assert_eq!(a.len(), 3);
        assert!(a[1].changed && !a[0].changed && !a[2].changed);
        assert_eq!(b[1].text.chars().count(), COMPARED + 1);
    }
}
