//! A checksum over the canonical JSON of a value: keys sorted, no spaces, so
//! the same data gives the same sum however the file was pretty-printed.

use serde_json::Value;

/// FNV-1a, 64 bit, as 16 hex digits. It catches truncation and accidental
/// edits; it is not a defence against tampering.
pub fn checksum(value: &Value) -> String {
    format!("{:016x}", fnv64(&[value.to_string().as_bytes()]))
}

/// FNV-1a, 64 bit, over the bytes of `parts` one after the other.
pub fn fnv64(parts: &[&[u8]]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in parts.iter().flat_map(|p| p.iter()) {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn key_order_and_whitespace_do_not_change_the_sum() {
        let a: Value = serde_json::from_str(r#"{"b":1,"a":"党"}"#).unwrap();
        let b: Value = serde_json::from_str("{ \"a\" : \"党\",\n \"b\" : 1 }").unwrap();
        assert_eq!(checksum(&a), checksum(&b));
    }

    #[test]
    fn a_changed_character_changes_the_sum() {
        assert_ne!(
            checksum(&json!({"a": "张三"})),
            checksum(&json!({"a": "张四"}))
        );
    }
}
