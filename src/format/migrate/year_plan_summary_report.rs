//! Version 7 → 8: a branch's year on paper (年度工作计划, 年度工作总结,
//! 书记述职). Three new lists that start empty, so older data reads
//! unchanged; the version moves on so an older app opens a store that
//! holds them read-only instead of dropping them.

use serde_json::Value;

pub fn step(doc: Value) -> Result<Value, String> {
    Ok(doc)
}
