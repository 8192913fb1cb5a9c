//! Version 8 → 9: the branch may keep an `id`, the identity a 报上级
//! package names it by once it has been renamed. Until then the identity
//! comes from the name, so older data reads unchanged; the version moves
//! on so an older app opens a branch record with an id read-only instead
//! of refusing its unknown field.

use serde_json::Value;

pub fn step(doc: Value) -> Result<Value, String> {
    Ok(doc)
}
