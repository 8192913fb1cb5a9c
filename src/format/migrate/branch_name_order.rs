//! Version 12 → 13: the branch chooses the order its names are listed in
//! (`Branch::name_order`: 姓氏笔画, 拼音 or the secretary's own order in
//! `Branch::own_order`). A branch of version 12 had no choice: its lists
//! were by committee post, 党小组 and the characters' code points, an
//! order nobody chose. It reads as 姓氏笔画, the order of party paperwork
//! and of a new branch, with no field written, so nothing moves. The
//! version moves on so an older app opens a store with these fields
//! read-only instead of failing to read them.

use serde_json::Value;

pub fn step(doc: Value) -> Result<Value, String> {
    Ok(doc)
}
