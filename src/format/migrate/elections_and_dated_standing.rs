//! Version 4 → 5: elections complete and standing kept with its dates.
//!
//! A meeting's one `election` becomes the list `elections` (a 支委会 elects
//! its 书记 and 副书记 on two ballots), with an id and its office read from
//! the office as typed ("支部委员会委员", "书记"…). Everything else is new
//! fields with defaults: 发出选票 and 无效票, 监票人 and 计票人, the dates
//! of 报批/备案, a candidate's member, the member a 转正 vote is about, a
//! roll's 不作硬性要求, a member's 转正日期, 延长预备期, 中止 and former
//! posts, the committee's term; and a new kind of record, 换届工作 (a new
//! list, empty until a branch starts one).

use serde_json::{json, Value};

pub fn step(mut doc: Value) -> Result<Value, String> {
    let Value::Object(map) = &mut doc else {
        return Err("数据应当是一个对象".into());
    };
    if let Some(Value::Array(meetings)) = map.get_mut("meetings") {
        for meeting in meetings {
            one_meeting(meeting)?;
        }
    }
    Ok(doc)
}

fn one_meeting(meeting: &mut Value) -> Result<(), String> {
    let Value::Object(m) = meeting else {
        return Err("会议应当是一个对象".into());
    };
    let Some(election) = m.remove("election") else {
        return Ok(());
    };
    let elections = match election {
        Value::Null => Vec::new(),
        Value::Object(mut e) => {
            let office = e
                .get("office")
                .and_then(Value::as_str)
                .map_or("committee_member", office);
            e.insert("office".into(), json!(office));
            e.insert("id".into(), json!("e1"));
            vec![Value::Object(e)]
        }
        _ => return Err("选举应当是一个对象".into()),
    };
    m.insert("elections".into(), Value::Array(elections));
    Ok(())
}

/// The office as typed, as the office it names.
fn office(typed: &str) -> &'static str {
    if typed.contains("副书记") {
        "deputy_secretary"
    } else if typed.contains("书记") {
        "secretary"
    } else {
        "committee_member"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_meetings_one_election_becomes_its_first_ballot() {
        let doc = json!({"meetings": [
            {"id": "a", "election": null},
            {"id": "b", "election": {"office": "支部委员会委员", "seats": 5, "ballots_returned": 20,
                "candidates": [{"id": "c1", "name": "张三", "votes": 18}]}},
            {"id": "c", "election": {"office": "党支部副书记", "candidates": []}},
            {"id": "d"}
        ]});
        let out = step(doc).unwrap();
        let meetings = out["meetings"].as_array().unwrap();
        assert_eq!(meetings[0]["elections"], json!([]));
        assert_eq!(meetings[0].get("election"), None);
        let b = &meetings[1]["elections"][0];
        assert_eq!(
            (b["id"].as_str(), b["office"].as_str()),
            (Some("e1"), Some("committee_member"))
        );
        assert_eq!(b["ballots_returned"], 20);
        assert_eq!(b["candidates"][0]["name"], "张三");
        assert_eq!(meetings[2]["elections"][0]["office"], "deputy_secretary");
        assert_eq!(
            meetings[3].get("elections"),
            None,
            "a meeting without the field keeps its default"
        );
    }

    #[test]
    fn a_members_only_part_passes_unchanged() {
        let doc = json!({"members": [{"id": "m1", "name": "张三"}]});
        assert_eq!(step(doc.clone()).unwrap(), doc);
    }
}
