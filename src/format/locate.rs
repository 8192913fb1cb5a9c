//! Finds where in a JSON value a deserialization error happened, from the
//! error's own words. serde_json reports what went wrong but not where; a
//! path-tracking deserializer would double the size of every reader in the
//! wasm bundle, so the value is searched for the offending part instead.

use serde_json::Value;

/// The path below `root_path` that the error `message` points at, or
/// `root_path` itself when it cannot be narrowed down.
pub fn locate(value: &Value, root_path: &str, message: &str) -> String {
    let found = if let Some(field) = quoted(message, "unknown field `") {
        find(value, &|_, key| key == Some(field.as_str()))
    } else if let Some(variant) = quoted(message, "unknown variant `") {
        find(value, &|v, _| v.as_str() == Some(variant.as_str()))
    } else if let Some(leaf) = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
    {
        let shown = leaf.split(", expected").next().unwrap_or_default();
        find(value, &|v, _| shows_as(v, shown))
    } else if is_date_error(message) {
        find(value, &|v, _| {
            v.as_str().is_some_and(looks_like_broken_date)
        })
    } else {
        None
    };
    match found {
        Some(rest) if !rest.is_empty() => format!("{root_path}{rest}"),
        _ => root_path.to_string(),
    }
}

fn quoted(message: &str, prefix: &str) -> Option<String> {
    let rest = message.split(prefix).nth(1)?;
    Some(rest.split('`').next()?.to_string())
}

/// How serde describes a value in "invalid type" messages.
fn shows_as(value: &Value, shown: &str) -> bool {
    match value {
        Value::Null => shown == "null",
        Value::Bool(b) => shown == format!("boolean `{b}`"),
        Value::Number(n) => {
            shown == format!("integer `{n}`") || shown == format!("floating point `{n}`")
        }
        Value::String(s) => shown == format!("string {}", Value::String(s.clone())),
        Value::Array(_) => shown == "sequence",
        Value::Object(_) => shown == "map",
    }
}

fn is_date_error(message: &str) -> bool {
    [
        "input contains invalid characters",
        "premature end of input",
        "input is out of range",
        "trailing input",
        "input is not enough",
    ]
    .iter()
    .any(|m| message.contains(m))
}

/// Starts with a digit, so ids such as `mt-ex-2-c-1` are not taken for
/// dates.
fn looks_like_broken_date(text: &str) -> bool {
    let date_like = text.starts_with(|c: char| c.is_ascii_digit())
        && (text.contains('-') || text.contains(':'));
    date_like
        && text.parse::<chrono::NaiveDate>().is_err()
        && text.parse::<chrono::NaiveTime>().is_err()
}

type Test<'a> = dyn Fn(&Value, Option<&str>) -> bool + 'a;

/// The path (like `.attendance[2].status`) of the first part, depth first,
/// that passes `test`; the empty path is the value itself.
fn find(value: &Value, test: &Test) -> Option<String> {
    if test(value, None) {
        return Some(String::new());
    }
    match value {
        Value::Object(map) => map.iter().find_map(|(key, child)| {
            if test(child, Some(key)) {
                return Some(format!(".{key}"));
            }
            find(child, test).map(|rest| format!(".{key}{rest}"))
        }),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, child)| find(child, test).map(|rest| format!("[{i}]{rest}"))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn unknown_variant_points_at_the_value() {
        let v = json!({"name": "x", "attendance": [{"status": "present"}, {"status": "flying"}]});
        assert_eq!(
            locate(
                &v,
                "meetings[2]",
                "unknown variant `flying`, expected one of"
            ),
            "meetings[2].attendance[1].status"
        );
    }

    #[test]
    fn unknown_field_points_at_the_field() {
        let v = json!({"rules": {"extra": 1}});
        assert_eq!(
            locate(&v, "branch", "unknown field `extra`, expected one of"),
            "branch.rules.extra"
        );
    }

    #[test]
    fn invalid_types_are_found_by_their_shown_value() {
        let v = json!({"a": 1, "b": {"c": "三"}});
        assert_eq!(
            locate(&v, "x", "invalid type: string \"三\", expected u32"),
            "x.b.c"
        );
        assert_eq!(
            locate(
                &json!(null),
                "branch",
                "invalid type: null, expected struct Branch"
            ),
            "branch"
        );
        assert_eq!(
            locate(
                &json!({"n": -5}),
                "x",
                "invalid value: integer `-5`, expected u32"
            ),
            "x.n"
        );
    }

    #[test]
    fn a_broken_date_is_found() {
        let v = json!({"checklist": [{"id": "mt-ex-2-c-1"}], "theme": "学习-讨论", "date": "2026-13-45", "planned_date": "2026-01-01"});
        assert_eq!(
            locate(&v, "meetings[1]", "input is out of range"),
            "meetings[1].date"
        );
    }

    #[test]
    fn a_missing_field_stays_at_the_item() {
        assert_eq!(
            locate(&json!({}), "members[0]", "missing field `name`"),
            "members[0]"
        );
    }
}
