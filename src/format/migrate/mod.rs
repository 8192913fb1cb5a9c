//! Schema migrations, one step per version, applied to the document's JSON
//! before it is read into today's structs.

mod absence_words_and_makeup_way;
mod branch_identity;
mod branch_name_order;
mod development_paths;
mod dues_ledger;
mod elections_and_dated_standing;
mod study_hours_and_group_work;
mod v1_roles_talks;
mod v2_clocks;
mod v3_fusion;
mod votes_name_their_path;
mod year_plan_summary_report;

use serde_json::Value;

use crate::domain::SCHEMA_VERSION;

/// One step turns a document of version `n` into version `n + 1`. A step
/// must also accept a partial document (the store migrates the records of
/// an older version together, as `{"meetings": [...], "members": [...]}`),
/// and may move an item from one list to another.
type Step = fn(Value) -> Result<Value, String>;

/// `STEPS[i]` migrates version `i + 1` to `i + 2`.
const STEPS: [Step; (SCHEMA_VERSION - 1) as usize] = [
    v1_roles_talks::step,
    v2_clocks::step,
    v3_fusion::step,
    elections_and_dated_standing::step,
    study_hours_and_group_work::step,
    dues_ledger::step,
    year_plan_summary_report::step,
    branch_identity::step,
    development_paths::step,
    votes_name_their_path::step,
    absence_words_and_makeup_way::step,
    branch_name_order::step,
];

#[derive(Debug, PartialEq, Eq)]
pub enum MigrateError {
    TooNew(u32),
    TooOld(u32),
    Step { from: u32, message: String },
}

impl MigrateError {
    pub fn message(&self) -> String {
        match self {
            MigrateError::TooNew(v) => format!(
                "这份数据来自更新版本的支部工作手册（数据版本 {v}，本版本只认识到 {SCHEMA_VERSION}），请升级后再导入"
            ),
            MigrateError::TooOld(v) => format!("数据版本 {v} 无法识别"),
            MigrateError::Step { from, message } => {
                format!("从数据版本 {from} 升级时出错：{message}")
            }
        }
    }
}

/// Brings a document of version `from` up to `SCHEMA_VERSION`, step by step.
pub fn migrate(mut value: Value, from: u32) -> Result<Value, MigrateError> {
    if from > SCHEMA_VERSION {
        return Err(MigrateError::TooNew(from));
    }
    if from == 0 {
        return Err(MigrateError::TooOld(from));
    }
    for (i, step) in STEPS.iter().enumerate().skip((from - 1) as usize) {
        value = step(value).map_err(|message| MigrateError::Step {
            from: i as u32 + 1,
            message,
        })?;
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn current_version_passes_unchanged() {
        let v = json!({"branch": {"name": "x"}});
        assert_eq!(migrate(v.clone(), SCHEMA_VERSION), Ok(v));
    }

    #[test]
    fn newer_versions_are_refused_with_upgrade_advice() {
        let err = migrate(json!({}), SCHEMA_VERSION + 1).unwrap_err();
        assert!(err.message().contains("请升级"));
    }

    #[test]
    fn version_zero_is_refused() {
        assert_eq!(migrate(json!({}), 0), Err(MigrateError::TooOld(0)));
    }
}
