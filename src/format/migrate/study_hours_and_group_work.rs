//! Version 5 → 6: 学时 and 党小组每月重点工作 become settings a branch chooses.
//!
//! - Minutes per 学时 is unset until the branch says: version 4 wrote its
//!   silent default, 45, into every branch, so a 45 is taken back to unset
//!   and the 学时 page asks once; any other number was chosen and stays.
//! - 党小组每月重点工作 is a local practice, off by default: a branch that
//!   already kept monthly key work keeps it on.
//! - New fields with defaults (书记、委员 学时; training outside the branch
//!   with its 学时) read unchanged.

use serde_json::Value;

pub fn step(mut doc: Value) -> Result<Value, String> {
    let kept_group_work = doc
        .get("group_months")
        .and_then(Value::as_array)
        .is_some_and(|months| !months.is_empty());
    let Some(rules) = doc
        .get_mut("branch")
        .and_then(|b| b.get_mut("rules"))
        .and_then(Value::as_object_mut)
    else {
        return Ok(doc);
    };
    if rules.get("minutes_per_study_hour").and_then(Value::as_u64) == Some(45) {
        rules.remove("minutes_per_study_hour");
    }
    if kept_group_work {
        rules.insert("group_monthly_work".into(), Value::Bool(true));
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_old_silent_45_minutes_is_asked_again_and_a_chosen_unit_stays() {
        let old = json!({"branch": {"rules": {"minutes_per_study_hour": 45}}});
        let new = step(old).unwrap();
        assert_eq!(new["branch"]["rules"].get("minutes_per_study_hour"), None);
        let chosen = json!({"branch": {"rules": {"minutes_per_study_hour": 60}}});
        assert_eq!(
            step(chosen).unwrap()["branch"]["rules"]["minutes_per_study_hour"],
            60
        );
    }

    #[test]
    fn a_branch_that_kept_group_monthly_work_keeps_the_practice_on() {
        let with = json!({
            "branch": {"rules": {}},
            "group_months": [{"id": "gm-g1-2026-03", "group_id": "g1", "year": 2026, "month": 3}]
        });
        assert_eq!(
            step(with).unwrap()["branch"]["rules"]["group_monthly_work"],
            true
        );
        let without = json!({"branch": {"rules": {}}, "group_months": []});
        assert_eq!(
            step(without).unwrap()["branch"]["rules"].get("group_monthly_work"),
            None
        );
    }

    #[test]
    fn records_without_a_branch_pass_unchanged() {
        let records = json!({"meetings": [{"id": "m"}]});
        assert_eq!(step(records.clone()).unwrap(), records);
    }
}
