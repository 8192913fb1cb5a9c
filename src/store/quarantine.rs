//! Values the app could not read. Each is kept aside whole, under a name
//! made from its content, and never overwritten or deleted until the user
//! has downloaded or discarded it on the recovery screen.

use serde::{Deserialize, Serialize};

use crate::format::checksum::fnv64;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quarantined {
    /// The storage key it was found under.
    pub original_key: String,
    /// What it is, for people: "党员名册".
    pub label: String,
    pub reason: String,
    /// The stored text, byte for byte.
    pub raw: String,
}

impl Quarantined {
    pub fn new(original_key: &str, label: &str, reason: &str, raw: String) -> Quarantined {
        Quarantined {
            original_key: original_key.to_string(),
            label: label.to_string(),
            reason: reason.to_string(),
            raw,
        }
    }

    /// `members.1f2e…`: the same value set aside twice keeps one copy.
    pub fn name(&self) -> String {
        let origin = self
            .original_key
            .trim_start_matches("zhibu.")
            .replace('/', ".");
        format!(
            "{origin}.{:016x}",
            fnv64(&[self.original_key.as_bytes(), b"|", self.raw.as_bytes()])
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_content() {
        let a = Quarantined::new("meeting/m1", "会议记录", "坏了", "x".into());
        let b = Quarantined::new("meeting/m1", "会议记录", "另一个原因", "x".into());
        let c = Quarantined::new("meeting/m1", "会议记录", "坏了", "y".into());
        assert_eq!(a.name(), b.name());
        assert_ne!(a.name(), c.name());
        assert!(a.name().starts_with("meeting.m1."));
    }
}
