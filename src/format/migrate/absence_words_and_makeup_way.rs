//! Version 11 → 12: an absence whose reason is 其他 may carry the reason
//! in the recorder's words (`Attendance::reason_note`), and a 补学 how it
//! was made up (`MakeUp::way`: 自学, 补课 or 谈话). Older records have
//! neither and read as they were: nothing moves. The version moves on so
//! an older app opens a store with these fields read-only instead of
//! failing to read them.

use serde_json::Value;

pub fn step(doc: Value) -> Result<Value, String> {
    Ok(doc)
}
