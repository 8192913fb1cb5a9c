//! The meeting rules of the 《中国共产党支部工作条例（试行）》 as pure
//! functions over the stored records: who is due, whether a meeting is
//! valid, whether a motion passed, what the checklists hold and what the
//! branch still owes in a period. Nothing here reads the clock: "today" is
//! always a parameter, so every rule is tested natively and deterministically.

pub mod absence_streak;
pub mod attendance;
pub mod checklist;
pub mod compliance;
pub mod election;
pub mod probation;
pub mod quorum;
pub mod recording;
pub mod vote;

/// "More than half" as the 条例 words it: exactly half is not enough, and
/// nothing is more than half of nobody.
pub fn more_than_half(part: usize, whole: usize) -> bool {
    whole > 0 && part.saturating_mul(2) > whole
}

#[cfg(test)]
pub(crate) mod fixtures;

#[cfg(test)]
mod tests {
    use super::more_than_half;

    #[test]
    fn exactly_half_is_not_more_than_half() {
        assert!(!more_than_half(10, 20));
        assert!(more_than_half(11, 20));
        assert!(!more_than_half(2, 5));
        assert!(more_than_half(3, 5));
    }

    #[test]
    fn nothing_is_more_than_half_of_nobody() {
        assert!(!more_than_half(0, 0));
        assert!(!more_than_half(1, 0));
    }
}
