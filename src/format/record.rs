//! One stored record, sealed: its data with the schema version, revision,
//! the device that wrote it and when, under one checksum, so a record can
//! be trusted or rejected on its own and a changed revision is detected.
//!
//! `{"v":3,"rev":5,"by":"d-x","at":1764547200000,"c":{…},"sum":"…","data":{…}}`
//!
//! `c` is the record's clock (`super::clock`), for merging copies from
//! other phones; records sealed before clocks were kept have none.
//!
//! The checksum covers the data as the text it is stored as, so reading a
//! record checks it without re-serialising, and the data is then parsed
//! straight into its type.

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

use super::checksum::{checksum, fnv64};
use super::clock::Clock;

/// The data of a deleted item: the record stays, with its clock, so the
/// deletion reaches other phones and an older copy cannot bring it back.
pub const TOMBSTONE: &str = "null";

/// A record as read back: everything but the data is small.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sealed {
    pub schema_version: u32,
    /// Grows by one with every write of this record.
    pub rev: u64,
    /// The device that wrote this revision (empty in the first layout).
    pub by: String,
    /// When, in milliseconds since the Unix epoch (0 if not known).
    pub at: u64,
    pub clock: Clock,
    /// The data as JSON text.
    pub data: String,
}

fn sum(schema_version: u32, rev: u64, by: &str, at: u64, clock: &str, data: &str) -> String {
    let head = if clock.is_empty() {
        format!("{schema_version}|{rev}|{by}|{at}|")
    } else {
        format!("{schema_version}|{rev}|{by}|{at}|{clock}|")
    };
    format!("{:016x}", fnv64(&[head.as_bytes(), data.as_bytes()]))
}

/// The sealed text of a record whose data is the JSON text `data`.
pub fn seal(schema_version: u32, rev: u64, by: &str, at: u64, clock: &Clock, data: &str) -> String {
    let clock = if clock.is_empty() {
        String::new()
    } else {
        serde_json::to_string(clock).unwrap_or_default()
    };
    let sum = sum(schema_version, rev, by, at, &clock, data);
    let by = Value::String(by.to_string());
    let clock = if clock.is_empty() {
        String::new()
    } else {
        format!(r#""c":{clock},"#)
    };
    format!(
        r#"{{"v":{schema_version},"rev":{rev},"by":{by},"at":{at},{clock}"sum":"{sum}","data":{data}}}"#
    )
}

#[derive(Deserialize)]
struct Current<'a> {
    v: u32,
    rev: u64,
    #[serde(default)]
    by: String,
    #[serde(default)]
    at: u64,
    #[serde(default, borrow)]
    c: Option<&'a RawValue>,
    sum: String,
    #[serde(borrow)]
    data: &'a RawValue,
}

/// The first layout (schema 1, in localStorage): the checksum covered the
/// canonical data only.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FirstLayout {
    schema_version: u32,
    gen: u64,
    checksum: String,
    data: Value,
}

/// The record in `raw`, if it parses and its checksum holds. Records of
/// the first localStorage layout are read too.
pub fn unseal(raw: &str) -> Result<Sealed, String> {
    match unseal_as_sealed(raw) {
        Some(sealed) => Ok(sealed),
        None => unseal_any_layout(raw),
    }
}

/// A record exactly as `seal` writes it, read without scanning its data:
/// its head up to `"data":` is parsed (with a stand-in for the data), the
/// data is the text between `"data":` and the closing brace, and the
/// checksum vouches that it is the text that was sealed, so the data is
/// parsed once, into its type. Ten years of records scanned a second time
/// cost ~25 ms at start on a slow phone. Anything else (another key order,
/// spaces, a changed byte) is left to `unseal_any_layout`, which decides.
fn unseal_as_sealed(raw: &str) -> Option<Sealed> {
    const SUM: &str = r#","sum":""#;
    const DATA: &str = r#","data":"#;
    let data_at = raw.find(SUM)? + SUM.len() + 17;
    let data = raw.get(data_at..)?.strip_prefix(DATA)?.strip_suffix('}')?;
    let head = format!("{}{DATA}0}}", raw.get(..data_at)?);
    let record = serde_json::from_str::<Current>(&head).ok()?;
    checked(record, data).ok()
}

/// The record in `raw` in any layout a JSON reader accepts: the current
/// one with its keys in any order, or the first localStorage layout.
fn unseal_any_layout(raw: &str) -> Result<Sealed, String> {
    if let Ok(record) = serde_json::from_str::<Current>(raw) {
        let data = record.data.get();
        return checked(record, data);
    }
    let old: FirstLayout = serde_json::from_str(raw).map_err(|e| format!("无法解析（{e}）"))?;
    if old.checksum != checksum(&old.data) {
        return Err("校验和不符".into());
    }
    Ok(Sealed {
        schema_version: old.schema_version,
        rev: old.gen,
        by: String::new(),
        at: 0,
        clock: Clock::default(),
        data: old.data.to_string(),
    })
}

/// A record of the current layout whose data is `data`, if its checksum
/// holds.
fn checked(record: Current, data: &str) -> Result<Sealed, String> {
    let clock_text = record.c.map(RawValue::get).unwrap_or_default();
    if record.sum
        != sum(
            record.v, record.rev, &record.by, record.at, clock_text, data,
        )
    {
        return Err("校验和不符".into());
    }
    let clock = match record.c {
        Some(c) => serde_json::from_str(c.get()).map_err(|e| format!("无法解析（{e}）"))?,
        None => Clock::default(),
    };
    Ok(Sealed {
        schema_version: record.v,
        rev: record.rev,
        by: record.by,
        at: record.at,
        clock,
        data: data.to_string(),
    })
}

/// The version and data of a sealed record whose checksum no longer holds
/// (a changed byte): what it says, read without vouching for it, so the
/// member can look at it and bring it back (`app::salvage`).
pub fn data_despite_checksum(raw: &str) -> Option<(u32, String)> {
    let record = serde_json::from_str::<Current>(raw).ok()?;
    Some((record.v, record.data.get().to_string()))
}

/// The schema version a stored record says it has, read without checking
/// it: a newer version may seal its records differently, and is recognised
/// as newer, not as broken.
pub fn schema_version_of(raw: &str) -> Option<u32> {
    #[derive(Deserialize)]
    struct Version {
        #[serde(alias = "schema_version")]
        v: u32,
    }
    serde_json::from_str::<Version>(raw).ok().map(|r| r.v)
}

/// The revision of a sealed record, read without checking it: enough to
/// decide whether a write would go over something newer.
pub fn rev_of(raw: &str) -> Option<u64> {
    #[derive(Deserialize)]
    struct Rev {
        #[serde(alias = "gen")]
        rev: u64,
    }
    serde_json::from_str::<Rev>(raw).ok().map(|r| r.rev)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn sealed_records_unseal() {
        let raw = seal(1, 7, "d-1", 42, &Clock::default(), r#"{"name":"一支部"}"#);
        let record = unseal(&raw).unwrap();
        assert_eq!((record.schema_version, record.rev), (1, 7));
        assert_eq!((record.by.as_str(), record.at), ("d-1", 42));
        assert_eq!(record.data, r#"{"name":"一支部"}"#);
        assert_eq!(rev_of(&raw), Some(7));
    }

    #[test]
    fn the_clock_is_sealed_with_the_data() {
        let clock = Clock::default().after_write("d-1", None, Some(&json!({"a": 1})));
        let raw = seal(3, 2, "d-1", 5, &clock, r#"{"a":1}"#);
        assert_eq!(unseal(&raw).unwrap().clock, clock);
        assert!(unseal(&raw.replace(r#""d-1":1"#, r#""d-1":2"#)).is_err());
    }

    #[test]
    fn edited_data_is_rejected() {
        let raw = seal(1, 1, "", 0, &Clock::default(), r#"{"name":"一支部"}"#)
            .replace("一支部", "二支部");
        assert!(unseal(&raw).unwrap_err().contains("校验和"));
    }

    #[test]
    fn a_changed_revision_or_schema_version_is_detected() {
        let raw = seal(1, 5, "d", 0, &Clock::default(), r#"{"a":1}"#);
        assert!(unseal(&raw.replace(r#""rev":5"#, r#""rev":4"#)).is_err());
        assert!(unseal(&raw.replace(r#""v":1"#, r#""v":2"#)).is_err());
        assert!(unseal(&raw.replace(r#""by":"d""#, r#""by":"e""#)).is_err());
    }

    #[test]
    fn a_truncated_record_is_rejected() {
        let raw = seal(1, 1, "d", 3, &Clock::default(), r#"{"name":"一支部"}"#);
        for cut in 0..raw.len() {
            if raw.is_char_boundary(cut) {
                assert!(unseal(&raw[..cut]).is_err(), "cut at {cut}");
            }
        }
    }

    #[test]
    fn a_record_as_sealed_reads_as_in_any_layout() {
        let clock = Clock::default().after_write("d-1", None, Some(&json!({"a": 1})));
        for (clock, data) in [
            (
                Clock::default(),
                r#"{"name":"一支部","list":[1,{"sum":"x"}]}"#,
            ),
            (clock, r#"{"a":1}"#),
            (Clock::default(), TOMBSTONE),
        ] {
            let raw = seal(3, 9, "d-1", 1_764_547_200_000, &clock, data);
            let sealed = unseal_as_sealed(&raw).expect("read as sealed");
            assert_eq!(Ok(sealed.clone()), unseal_any_layout(&raw));
            assert_eq!(sealed.data, data);
        }
    }

    #[test]
    fn a_record_in_another_layout_is_still_read_and_checked() {
        let raw = seal(3, 2, "d-1", 5, &Clock::default(), r#"{"a":1}"#);
        let spaced = raw.replace(r#","sum":"#, r#", "sum": "#);
        assert!(unseal_as_sealed(&spaced).is_none());
        assert_eq!(unseal(&spaced), unseal(&raw));
        let value: Value = serde_json::from_str(&raw).unwrap();
        let reordered = json!({"data": value["data"], "sum": value["sum"], "at": 5,
            "by": "d-1", "rev": 2, "v": 3})
        .to_string();
        assert_eq!(unseal(&reordered), unseal(&raw));
        let changed = raw.replace(r#"{"a":1}"#, r#"{"a":2}"#);
        assert!(unseal_as_sealed(&changed).is_none());
        assert!(unseal(&changed).unwrap_err().contains("校验和"));
    }

    #[test]
    fn the_version_is_read_even_from_a_record_this_version_cannot_check() {
        assert_eq!(
            schema_version_of(r#"{"v":99,"sum":"new-scheme","data":{}}"#),
            Some(99)
        );
        assert_eq!(
            schema_version_of(r#"{"schema_version":1,"gen":2}"#),
            Some(1)
        );
        assert_eq!(schema_version_of("garbage"), None);
    }

    #[test]
    fn records_of_the_first_layout_are_read() {
        let data = json!({"name": "一支部"});
        let raw = json!({"schema_version": 1, "gen": 3, "checksum": checksum(&data), "data": data})
            .to_string();
        let record = unseal(&raw).unwrap();
        assert_eq!((record.schema_version, record.rev), (1, 3));
        assert_eq!(serde_json::from_str::<Value>(&record.data).unwrap(), data);
        assert_eq!(rev_of(&raw), Some(3));
        assert!(unseal(&raw.replace("一支部", "二支部")).is_err());
    }
}
