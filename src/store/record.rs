//! One stored record: a whole envelope with its schema version, generation
//! and checksum, so a slot can be trusted or rejected on its own.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::backup::checksum::checksum;
use crate::domain::SCHEMA_VERSION;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Envelope {
    pub schema_version: u32,
    /// Grows by one with every write of this record; the higher valid slot wins.
    pub gen: u64,
    pub checksum: String,
    pub data: Value,
}

pub fn seal(data: Value, gen: u64) -> String {
    let envelope = Envelope {
        schema_version: SCHEMA_VERSION,
        gen,
        checksum: checksum(&data),
        data,
    };
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// The envelope in `raw`, if it parses and its checksum holds.
pub fn unseal(raw: &str) -> Result<Envelope, String> {
    let envelope: Envelope = serde_json::from_str(raw).map_err(|e| format!("无法解析（{e}）"))?;
    if envelope.checksum != checksum(&envelope.data) {
        return Err("校验和不符".into());
    }
    Ok(envelope)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn sealed_records_unseal() {
        let raw = seal(json!({"name": "一支部"}), 7);
        let e = unseal(&raw).unwrap();
        assert_eq!(e.gen, 7);
        assert_eq!(e.data["name"], "一支部");
    }

    #[test]
    fn an_edited_record_is_rejected() {
        let raw = seal(json!({"name": "一支部"}), 1).replace("一支部", "二支部");
        assert!(unseal(&raw).unwrap_err().contains("校验和"));
    }

    #[test]
    fn a_truncated_record_is_rejected() {
        let raw = seal(json!({"name": "一支部"}), 1);
        for cut in 0..raw.len() {
            if raw.is_char_boundary(cut) {
                assert!(unseal(&raw[..cut]).is_err(), "cut at {cut}");
            }
        }
    }
}
