//! Version 6 → 7: the 党费 ledger (each member's year and the branch's
//! book). Both are new lists that start empty, so older data reads
//! unchanged; the version moves on so an older app opens a store that
//! holds 党费 records read-only instead of dropping them.

use serde_json::Value;

pub fn step(doc: Value) -> Result<Value, String> {
    Ok(doc)
}
