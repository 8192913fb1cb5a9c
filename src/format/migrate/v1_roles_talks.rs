//! Version 1 → 2: several roles per member, 减少党员 with its reason, the
//! 主题党日 rule as a day or a weekday, and 谈心谈话 as talk records rather
//! than meetings. Nothing is dropped: a talk keeps its minutes, speeches,
//! remarks and follow-ups as text.

use serde_json::{json, Map, Value};

use crate::domain::Reduction;

pub fn step(mut doc: Value) -> Result<Value, String> {
    let Value::Object(map) = &mut doc else {
        return Err("数据应当是一个对象".into());
    };
    if let Some(Value::Array(members)) = map.get_mut("members") {
        members.iter_mut().for_each(member);
    }
    if let Some(Value::Object(branch)) = map.get_mut("branch") {
        if let Some(Value::Object(rules)) = branch.get_mut("rules") {
            if let Some(day) = rules.remove("theme_day_of_month") {
                if let Some(day) = day.as_u64() {
                    rules.insert(
                        "theme_day".into(),
                        json!({"type": "day_of_month", "day": day}),
                    );
                }
            }
        }
    }
    let mut talks = Vec::new();
    if let Some(Value::Array(meetings)) = map.get_mut("meetings") {
        let (keep, moved): (Vec<Value>, Vec<Value>) = meetings
            .drain(..)
            .partition(|m| m["kind"]["type"] != "heart_to_heart");
        *meetings = keep;
        talks.extend(moved.iter().map(talk));
    }
    if !talks.is_empty() {
        match map
            .entry("talks")
            .or_insert_with(|| Value::Array(Vec::new()))
        {
            Value::Array(list) => list.extend(talks),
            _ => return Err("talks 应当是一个列表".into()),
        }
    }
    Ok(doc)
}

fn member(m: &mut Value) {
    let Value::Object(m) = m else { return };
    if let Some(role) = m.remove("role") {
        let roles = match role.as_str() {
            Some("member") | None => Vec::new(),
            Some(other) => vec![Value::String(other.to_string())],
        };
        m.insert("roles".into(), Value::Array(roles));
    }
    if let Some(Value::Object(status)) = m.get_mut("status") {
        if status.get("state").and_then(Value::as_str) == Some("left")
            && !status.contains_key("why")
        {
            let text = status
                .get("reason")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let why = serde_json::to_value(Reduction::from_text(text)).unwrap_or(Value::Null);
            status.insert("why".into(), why);
        }
    }
}

/// A 谈心谈话 meeting as a talk: the host talked with those marked present.
fn talk(meeting: &Value) -> Value {
    let text = |key: &str| meeting[key].as_str().unwrap_or_default().to_string();
    let talkees: Vec<Value> = meeting["attendance"]
        .as_array()
        .map(|list| {
            list.iter()
                .filter(|a| a["status"] == "present")
                .filter(|a| a["member_id"] != meeting["host"]["member_id"])
                .map(|a| a["member_id"].clone())
                .collect()
        })
        .unwrap_or_default();
    let mut content = vec![text("minutes")];
    if let Some(speeches) = meeting["speeches"].as_array() {
        content.extend(
            speeches
                .iter()
                .filter_map(|s| s["summary"].as_str())
                .filter(|s| !s.trim().is_empty())
                .map(|s| format!("（发言摘要）{s}")),
        );
    }
    let remarks = text("remarks");
    if !remarks.trim().is_empty() {
        content.push(format!("（备注）{remarks}"));
    }
    let observers = text("observers");
    if !observers.trim().is_empty() {
        content.push(format!("（列席）{observers}"));
    }
    let follow_up: Vec<String> = meeting["follow_ups"]
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|f| f["task"].as_str())
                .filter(|t| !t.trim().is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    let date = if meeting["date"].is_string() {
        meeting["date"].clone()
    } else {
        meeting["planned_date"].clone()
    };
    let mut out = Map::new();
    out.insert("id".into(), meeting["id"].clone());
    out.insert("date".into(), date);
    out.insert(
        "talker".into(),
        meeting
            .get("host")
            .cloned()
            .unwrap_or_else(|| json!({"member_id": null, "name": ""})),
    );
    out.insert("talkees".into(), Value::Array(talkees));
    out.insert("place".into(), Value::String(text("place")));
    out.insert("topic".into(), Value::String(text("theme")));
    out.insert(
        "content".into(),
        Value::String(
            content
                .into_iter()
                .filter(|c| !c.trim().is_empty())
                .collect::<Vec<_>>()
                .join("\n"),
        ),
    );
    out.insert("opinions".into(), Value::String(String::new()));
    out.insert("follow_up".into(), Value::String(follow_up.join("；")));
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_role_becomes_a_list_and_a_plain_member_has_none() {
        let doc = json!({"members": [
            {"id": "a", "role": "secretary"},
            {"id": "b", "role": "member"},
            {"id": "c", "role": "group_leader", "status": {"state": "left", "on": null, "reason": "组织关系转出"}}
        ]});
        let out = step(doc).unwrap();
        assert_eq!(out["members"][0]["roles"], json!(["secretary"]));
        assert_eq!(out["members"][1]["roles"], json!([]));
        assert_eq!(out["members"][2]["status"]["why"], "transferred_out");
        assert!(out["members"][0].get("role").is_none());
    }

    #[test]
    fn a_heart_to_heart_meeting_becomes_a_talk_and_keeps_its_text() {
        let doc = json!({"meetings": [
            {"id": "t1", "kind": {"type": "heart_to_heart"}, "date": "2026-03-01",
             "host": {"member_id": "m01", "name": ""}, "theme": "思想交流",
             "minutes": "谈了工作和学习。", "remarks": "对方提出建议",
             "attendance": [{"member_id": "m01", "status": "present"}, {"member_id": "m05", "status": "present"}, {"member_id": "m06", "status": "leave"}],
             "follow_ups": [{"id": "f", "task": "一个月后回访"}]},
            {"id": "m2", "kind": {"type": "branch_assembly"}}
        ]});
        let out = step(doc).unwrap();
        assert_eq!(out["meetings"].as_array().unwrap().len(), 1);
        let talk = &out["talks"][0];
        assert_eq!(talk["id"], "t1");
        assert_eq!(talk["talker"]["member_id"], "m01");
        assert_eq!(talk["talkees"], json!(["m05"]));
        assert_eq!(talk["topic"], "思想交流");
        assert!(talk["content"].as_str().unwrap().contains("对方提出建议"));
        assert_eq!(talk["follow_up"], "一个月后回访");
    }

    #[test]
    fn the_theme_day_becomes_a_day_of_the_month() {
        let out = step(json!({"branch": {"rules": {"theme_day_of_month": 15}}})).unwrap();
        assert_eq!(
            out["branch"]["rules"]["theme_day"],
            json!({"type": "day_of_month", "day": 15})
        );
        let none = step(json!({"branch": {"rules": {"theme_day_of_month": null}}})).unwrap();
        assert!(none["branch"]["rules"].get("theme_day").is_none());
    }
}
