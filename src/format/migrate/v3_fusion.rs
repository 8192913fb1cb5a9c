//! Version 3 → 4: the 融合 records (key tasks, 党小组 monthly work,
//! commitments, study sessions) and two study settings (学时 a year, minutes
//! per 学时). All are new lists or fields with defaults, so older data
//! reads unchanged; the version moves on so an older app opens a store that
//! holds the new records read-only instead of dropping them.

use serde_json::Value;

pub fn step(doc: Value) -> Result<Value, String> {
    Ok(doc)
}
