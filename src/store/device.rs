//! What this device remembers about itself: not part of the document and not
//! in backups (a restored backup should not claim it was just backed up).

use serde::{Deserialize, Serialize};

/// The localStorage key of the device state.
pub const DEVICE_KEY: &str = "zhibu.device";

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceState {
    /// The first-run explanation was seen.
    #[serde(default)]
    pub welcomed: bool,
    /// `2026-11-27 15:04`, China Standard Time.
    #[serde(default)]
    pub last_backup_at: Option<String>,
    /// `YYYY-MM-DD` of the last backup, for the reminder.
    #[serde(default)]
    pub last_backup_date: Option<chrono::NaiveDate>,
    #[serde(default)]
    pub edits_since_backup: u32,
    /// The member who uses this device, for the self-assessment screen.
    #[serde(default)]
    pub me: Option<String>,
    /// This device's id, sealed into every record it writes: it tells
    /// whose copy a record is when two phones' data meet.
    #[serde(default)]
    pub id: String,
    /// The note about in-app browsers (WeChat…) was read.
    #[serde(default)]
    pub in_app_noted: bool,
}

impl DeviceState {
    /// Whether to remind the member to export: there are edits that no
    /// backup holds, and the last backup is older than `every_days` (or
    /// there was none).
    pub fn backup_due(&self, today: chrono::NaiveDate, every_days: u16) -> bool {
        if self.edits_since_backup == 0 {
            return false;
        }
        match self.last_backup_date {
            None => true,
            Some(last) => (today - last).num_days() >= i64::from(every_days),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn reminder_needs_edits_and_age() {
        let mut s = DeviceState::default();
        assert!(
            !s.backup_due(day(27), 30),
            "nothing entered, nothing to back up"
        );
        s.edits_since_backup = 3;
        assert!(s.backup_due(day(27), 30), "never backed up");
        s.last_backup_date = Some(day(20));
        assert!(!s.backup_due(day(27), 30));
        assert!(s.backup_due(day(27), 7));
    }
}
