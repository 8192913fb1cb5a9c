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
    #[serde(default, with = "iso_date")]
    pub last_backup_date: Option<chrono::NaiveDate>,
    #[serde(default)]
    pub edits_since_backup: u32,
    /// The member who uses this device: whose work it shows first
    /// (`domain::job`), whose 自评 it opens, who sends 交给书记.
    #[serde(default)]
    pub me: Option<String>,
    /// This device's id, sealed into every record it writes: it tells
    /// whose copy a record is when two phones' data meet.
    #[serde(default)]
    pub id: String,
    /// The note about in-app browsers (WeChat…) was read.
    #[serde(default)]
    pub in_app_noted: bool,
    /// The keeper chose to put what is private to them (the 党费 ledger:
    /// incomes, bases, amounts) in their full backups. Written only when
    /// chosen, so settings stored before it read and write the same.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub backup_private: bool,
    /// The member using this phone said "我是支委，显示全部": it offers the
    /// committee's work whatever the roster says of them. Written only when
    /// chosen, so settings stored before it read and write the same.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub shows_everything: bool,
}

/// The localStorage key of the 民主评议 填写人 chosen on the 评议 tab, when
/// that is not the phone's person: a secretary fills in a member's form on
/// their phone without becoming that member. A key of its own (a member id,
/// or nothing), read by the 评议 tab alone: the device state above is read
/// before the first screen, and every field there weighs on it.
pub const FORM_FILLER_KEY: &str = "zhibu.form-filler";

/// The 民主评议 填写人: the one chosen on the 评议 tab, else the phone's
/// person (使用人).
pub fn form_filler<'a>(chosen: Option<&'a str>, me: Option<&'a str>) -> Option<&'a str> {
    chosen.or(me)
}

/// The device's dates as chrono writes them (`2026-11-27`), read by hand:
/// the device state is read before the first screen, and chrono's general
/// parser would be start-up code. A date that does not read is no date
/// (the backup reminder is then due), not a reason to lose the settings.
mod iso_date {
    use chrono::NaiveDate;
    use serde::de::{self, IgnoredAny, MapAccess, SeqAccess, Visitor};
    use serde::{Deserializer, Serializer};

    use crate::domain::time::{format_iso_date, parse_iso_date};

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => s.serialize_some(&format_iso_date(*date)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        d.deserialize_any(DateOrNothing)
    }

    /// A date's text, or anything else as no date: a number or an object
    /// where the date was must not cost the device's other settings.
    struct DateOrNothing;

    impl<'de> Visitor<'de> for DateOrNothing {
        type Value = Option<NaiveDate>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a date")
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
            Ok(parse_iso_date(text))
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            Ok(None)
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            Ok(None)
        }
    }
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

    #[test]
    fn settings_stored_by_earlier_versions_read_the_same() {
        let stored = r#"{"welcomed":true,"last_backup_at":"2026-11-27 15:04","last_backup_date":"2026-11-27","edits_since_backup":3,"me":"m-1","id":"d-1","in_app_noted":false}"#;
        let device: DeviceState = serde_json::from_str(stored).unwrap();
        assert_eq!(device.last_backup_date, Some(day(27)));
        assert_eq!(serde_json::to_string(&device).unwrap(), stored);
        for date in [
            r#""27.11.2026""#,
            "5",
            "{}",
            r#"["2026-11-27"]"#,
            "true",
            "null",
        ] {
            let stored = format!(r#"{{"welcomed":true,"last_backup_date":{date},"id":"d-1"}}"#);
            let device: DeviceState = serde_json::from_str(&stored).unwrap();
            assert!(device.welcomed, "{date}");
            assert_eq!(device.id, "d-1", "{date}");
            assert_eq!(device.last_backup_date, None, "{date}");
        }
    }

    #[test]
    fn the_form_filler_defaults_to_the_phone_owner_and_is_chosen_apart() {
        let me = Some("m-secretary");
        assert_eq!(form_filler(None, me), Some("m-secretary"));
        assert_eq!(form_filler(Some("m-member"), me), Some("m-member"));
        assert_eq!(form_filler(Some("m-member"), None), Some("m-member"));
        assert_eq!(form_filler(None, None), None);
    }

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
