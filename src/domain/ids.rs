//! Record ids: short, unique per device and stable across backups.

/// Builds an id such as `m-lx3k9a-7f2c` from a prefix, the current time in
/// milliseconds and a random number, so two ids made on one device or on
/// two devices in the same millisecond still differ.
pub fn new_id(prefix: &str, now_millis: u64, random: u32) -> String {
    format!(
        "{prefix}-{}-{}",
        to_base36(now_millis),
        to_base36(u64::from(random))
    )
}

fn to_base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    if n == 0 {
        return "0".into();
    }
    let mut out = Vec::new();
    while n > 0 {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_differ_by_time_and_by_random_part() {
        let a = new_id("m", 1_700_000_000_000, 1);
        let b = new_id("m", 1_700_000_000_000, 2);
        let c = new_id("m", 1_700_000_000_001, 1);
        assert_ne!(a, b);
        assert_ne!(a, c);
        assert!(a.starts_with("m-"));
    }

    #[test]
    fn base36_of_zero_and_of_36() {
        assert_eq!(to_base36(0), "0");
        assert_eq!(to_base36(36), "10");
    }
}
