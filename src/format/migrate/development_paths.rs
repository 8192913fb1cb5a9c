//! Version 9 → 10: 发展党员全程纪实 (each applicant's path) and the branch's
//! local practice for it. The list starts empty and the practice takes its
//! defaults, so older data reads unchanged; the version moves on so an
//! older app opens a store that holds paths read-only instead of dropping
//! them.

use serde_json::Value;

pub fn step(doc: Value) -> Result<Value, String> {
    Ok(doc)
}
