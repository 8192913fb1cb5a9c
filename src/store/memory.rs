//! An in-memory `KeyValue` for native tests, with a quota and switches that
//! make it fail like a browser does.

use std::collections::BTreeMap;

use super::kv::{KeyValue, StorageError};

#[derive(Clone, Debug, Default)]
pub struct MemoryKv {
    pub entries: BTreeMap<String, String>,
    /// Bytes (UTF-16, keys and values) before writes fail as `Full`.
    pub quota: Option<usize>,
    pub unavailable: bool,
    /// Writes whose value starts with this prefix are stored cut in half:
    /// a crash in the middle of a write.
    pub tear_writes_of: Option<String>,
    /// Writes to this key fail as if the storage were full.
    pub refuse_key: Option<String>,
}

impl MemoryKv {
    pub fn new() -> Self {
        Self::default()
    }

    fn size_with(&self, key: &str, value: &str) -> usize {
        let others: usize = self
            .entries
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
            .sum();
        2 * (others + key.encode_utf16().count() + value.encode_utf16().count())
    }

    fn check(&self) -> Result<(), StorageError> {
        if self.unavailable {
            Err(StorageError::Unavailable("测试中关闭".into()))
        } else {
            Ok(())
        }
    }
}

impl KeyValue for MemoryKv {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.check()?;
        Ok(self.entries.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.check()?;
        if self.refuse_key.as_deref() == Some(key)
            || self.quota.is_some_and(|q| self.size_with(key, value) > q)
        {
            return Err(StorageError::Full);
        }
        let stored = match &self.tear_writes_of {
            Some(p) if key.starts_with(p.as_str()) => {
                let mut cut = value.len() / 2;
                while !value.is_char_boundary(cut) {
                    cut -= 1;
                }
                value[..cut].to_string()
            }
            _ => value.to_string(),
        };
        self.entries.insert(key.to_string(), stored);
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.check()?;
        self.entries.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.check()?;
        Ok(self.entries.keys().cloned().collect())
    }
}
