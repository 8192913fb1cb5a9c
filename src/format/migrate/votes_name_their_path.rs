//! Version 10 → 11: a vote put to a 支委会 or 支部大会 from a 发展党员 path
//! names the path (`Vote::applicant_id`), so that once it passed the path
//! records the step with its meeting. Older votes were put by hand and name
//! no path: nothing moves. The version moves on so an older app opens a
//! store whose votes name a path read-only instead of failing to read them.

use serde_json::Value;

pub fn step(doc: Value) -> Result<Value, String> {
    Ok(doc)
}
