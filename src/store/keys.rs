//! The storage keys, in one place.

/// Every key of this app starts with this, so usage can be counted and other
/// apps on the same origin are left alone.
pub const PREFIX: &str = "zhibu.";
pub const HEAD: &str = "zhibu.head";
pub const DEVICE: &str = "zhibu.device";
pub const RECORD_PREFIX: &str = "zhibu.rec.";
pub const QUARANTINE_PREFIX: &str = "zhibu.quarantine.";

/// A piece of the document stored on its own.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordKey {
    Branch,
    Members,
    Templates,
    Meeting(String),
    /// One self-assessment form, by its id.
    Assessment(String),
    /// The branch's 民主评议 record of one year.
    Review(i32),
}

impl RecordKey {
    pub fn name(&self) -> String {
        match self {
            RecordKey::Branch => "branch".into(),
            RecordKey::Members => "members".into(),
            RecordKey::Templates => "templates".into(),
            RecordKey::Meeting(id) => format!("meeting.{id}"),
            RecordKey::Assessment(id) => format!("assessment.{id}"),
            RecordKey::Review(year) => format!("review.{year}"),
        }
    }

    pub fn from_name(name: &str) -> Option<RecordKey> {
        match name {
            "branch" => Some(RecordKey::Branch),
            "members" => Some(RecordKey::Members),
            "templates" => Some(RecordKey::Templates),
            _ => {
                if let Some(id) = non_empty_suffix(name, "meeting.") {
                    Some(RecordKey::Meeting(id.to_string()))
                } else if let Some(id) = non_empty_suffix(name, "assessment.") {
                    Some(RecordKey::Assessment(id.to_string()))
                } else {
                    let year = non_empty_suffix(name, "review.")?;
                    year.parse().ok().map(RecordKey::Review)
                }
            }
        }
    }

    /// The document field this record holds, and whether the record is one
    /// item of that list (a meeting) rather than the whole value (the roster).
    pub fn document_field(&self) -> (&'static str, bool) {
        match self {
            RecordKey::Branch => ("branch", false),
            RecordKey::Members => ("members", false),
            RecordKey::Templates => ("templates", false),
            RecordKey::Meeting(_) => ("meetings", true),
            RecordKey::Assessment(_) => ("assessments", true),
            RecordKey::Review(_) => ("reviews", true),
        }
    }

    /// The two slots: `zhibu.rec.members#0` and `#1`.
    pub fn slot(&self, slot: u8) -> String {
        format!("{RECORD_PREFIX}{}#{slot}", self.name())
    }

    /// The record and slot a storage key holds, if it is a record key.
    pub fn parse_slot(key: &str) -> Option<(RecordKey, u8)> {
        let rest = key.strip_prefix(RECORD_PREFIX)?;
        let (name, slot) = rest.rsplit_once('#')?;
        let slot = match slot {
            "0" => 0,
            "1" => 1,
            _ => return None,
        };
        Some((RecordKey::from_name(name)?, slot))
    }

    /// What a person would call this record on the recovery screen.
    pub fn label(&self) -> String {
        match self {
            RecordKey::Branch => "支部信息".into(),
            RecordKey::Members => "党员名册".into(),
            RecordKey::Templates => "检查清单模板".into(),
            RecordKey::Meeting(id) => format!("会议记录 {id}"),
            RecordKey::Assessment(id) => format!("自评表 {id}"),
            RecordKey::Review(year) => format!("{year}年度民主评议"),
        }
    }
}

fn non_empty_suffix<'a>(name: &'a str, prefix: &str) -> Option<&'a str> {
    name.strip_prefix(prefix).filter(|rest| !rest.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_round_trip() {
        let key = RecordKey::Meeting("mt-1#x".into());
        assert_eq!(RecordKey::parse_slot(&key.slot(1)), Some((key.clone(), 1)));
        assert_eq!(RecordKey::parse_slot("zhibu.rec.members#2"), None);
        assert_eq!(RecordKey::parse_slot("other"), None);
        for key in [
            RecordKey::Assessment("as-1.x".into()),
            RecordKey::Review(2025),
        ] {
            assert_eq!(RecordKey::parse_slot(&key.slot(0)), Some((key.clone(), 0)));
        }
        assert_eq!(RecordKey::from_name("review.abc"), None);
        assert_eq!(RecordKey::from_name("assessment."), None);
    }
}
