//! The storage interface the store needs, and its errors.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The quota is full: nothing more can be written.
    Full,
    /// There is no usable storage (private window, blocked site data).
    Unavailable(String),
}

impl StorageError {
    pub fn message(&self) -> String {
        match self {
            StorageError::Full => "浏览器存储空间已满".into(),
            StorageError::Unavailable(why) => format!("浏览器存储不可用（{why}）"),
        }
    }
}

/// `12.3 KB`, with integer arithmetic: float formatting alone would add
/// about 10 KB to the wasm bundle.
pub fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KB", "MB", "GB"];
    let mut unit = 0;
    let mut tenths = bytes * 10;
    while tenths >= 10 * 1024 && unit < UNITS.len() - 1 {
        tenths /= 1024;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{}.{} {}", tenths / 10, tenths % 10, UNITS[unit])
    }
}

pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&mut self, key: &str) -> Result<(), StorageError>;
    fn keys(&self) -> Result<Vec<String>, StorageError>;

    /// Write, read back and delete a sentinel: some browsers hand out a
    /// storage object that throws on first use or holds nothing.
    fn probe(&mut self) -> Result<(), StorageError> {
        const SENTINEL: &str = "zhibu.probe";
        self.set(SENTINEL, "1")?;
        let back = self.get(SENTINEL)?;
        self.remove(SENTINEL)?;
        if back.as_deref() == Some("1") {
            Ok(())
        } else {
            Err(StorageError::Unavailable("写入后读不回".into()))
        }
    }

    /// Bytes used by this app's keys, counted as browsers count them
    /// (UTF-16, two bytes per code unit).
    fn used_bytes(&self, prefix: &str) -> usize {
        let Ok(keys) = self.keys() else { return 0 };
        keys.iter()
            .filter(|k| k.starts_with(prefix))
            .map(|k| {
                let value = self.get(k).ok().flatten().unwrap_or_default();
                2 * (k.encode_utf16().count() + value.encode_utf16().count())
            })
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::human_bytes;

    #[test]
    fn sizes_read_like_people_write_them() {
        assert_eq!(human_bytes(0), "0 B");
        assert_eq!(human_bytes(1023), "1023 B");
        assert_eq!(human_bytes(1024), "1.0 KB");
        assert_eq!(human_bytes(1536), "1.5 KB");
        assert_eq!(human_bytes(5 * 1024 * 1024), "5.0 MB");
    }
}
