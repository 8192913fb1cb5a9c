//! The 报上级 package as a file: a `BranchReport` in its own envelope
//! (`zhibu.report`, its own version), so no branch's records can ride in
//! it and a branch phone never takes it for a backup. The 党委 side stores
//! each received file as it came and reads it back with the same reader.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::domain::report::collection::{year_of_report_key, Collection, Expected, Received};
use crate::domain::report::BranchReport;
use crate::format::checksum::checksum;

pub use crate::format::envelope::REPORT_FORMAT;
/// The shape of `BranchReport`: raised with every change of it.
pub const REPORT_VERSION: u32 = 2;
/// A year of one branch is a few KB; anything far larger is not one.
pub const REPORT_MAX_BYTES: usize = 256 * 1024;
/// What it is, in the file itself.
pub const REPORT_NOTICE: &str =
    "本文件是党支部报上级的年度统计，只含人数和次数等统计数字，不含党员姓名、收入、党费基数和备注。";

#[derive(Serialize)]
struct Written<'a> {
    format: &'a str,
    report_version: u32,
    app_version: &'a str,
    exported_at: &'a str,
    notice: &'a str,
    checksum: String,
    data: Value,
}

/// The package's file name and text.
pub fn export_report(report: &BranchReport, exported_at: &str) -> (String, String) {
    let data = serde_json::to_value(report).unwrap_or(Value::Null);
    let written = Written {
        format: REPORT_FORMAT,
        report_version: REPORT_VERSION,
        app_version: crate::format::envelope::APP_VERSION,
        exported_at,
        notice: REPORT_NOTICE,
        checksum: checksum(&data),
        data,
    };
    let name = format!(
        "报上级-{}-{}年度.json",
        crate::backup::export::file_name_part(&report.branch_name),
        report.year
    );
    (
        name,
        serde_json::to_string_pretty(&written).unwrap_or_default(),
    )
}

/// Reads a 报上级 package: size, JSON, format, version, checksum, then the
/// report itself; every refusal says what is wrong in Chinese.
pub fn read_report(text: &str) -> Result<Received, String> {
    if text.len() > REPORT_MAX_BYTES {
        return Err(format!(
            "文件太大（{} KB），报上级材料不会超过 {} KB",
            text.len() / 1024,
            REPORT_MAX_BYTES / 1024
        ));
    }
    let text = text.trim_start_matches('\u{feff}').trim();
    let value: Value = serde_json::from_str(text)
        .map_err(|_| "不是完整的报上级材料：文件可能被截断或改动过".to_string())?;
    let Value::Object(mut envelope) = value else {
        return Err("这不是支部工作手册的报上级材料".into());
    };
    match envelope.get("format").and_then(Value::as_str) {
        Some(REPORT_FORMAT) => {}
        Some(crate::backup::FORMAT) => {
            return Err(
                "这是支部的备份或资料包，不是报上级材料：请在支部的“我的 › 备份与交换”中导入。"
                    .into(),
            )
        }
        _ => return Err("这不是支部工作手册的报上级材料".into()),
    }
    let version = envelope
        .get("report_version")
        .and_then(Value::as_u64)
        .ok_or("缺少报上级材料的版本号")?;
    if version > u64::from(REPORT_VERSION) {
        return Err("这份报上级材料来自更新版本的支部工作手册，请升级后再导入".into());
    }
    let data = envelope.remove("data").ok_or("缺少数据部分")?;
    if envelope.get("checksum").and_then(Value::as_str) != Some(checksum(&data).as_str()) {
        return Err("校验和不符：文件在导出后被改动或已损坏".into());
    }
    let report: BranchReport =
        serde_json::from_value(data).map_err(|e| format!("报上级材料的内容无法读取：{e}"))?;
    if report.branch_id.trim().is_empty() || report.branch_name.trim().is_empty() {
        return Err("报上级材料没有写支部名称".into());
    }
    let made_at = envelope
        .get("exported_at")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    Ok(Received { report, made_at })
}

/// The key the 组织员's list of branches is stored under.
pub const EXPECTED_KEY: &str = "expected";

/// The stored form of the list: its own small envelope with a version.
pub fn write_expected(expected: &Expected) -> String {
    let mut map = Map::new();
    map.insert("version".into(), Value::from(1));
    map.insert(
        "expected".into(),
        serde_json::to_value(expected).unwrap_or(Value::Null),
    );
    Value::Object(map).to_string()
}

/// The 党委's store read back: every stored value by key. A value that
/// cannot be read is named, never dropped: the store keeps it.
pub fn load_collection(entries: &[(String, String)]) -> (Collection, Vec<String>) {
    let mut collection = Collection::default();
    let unreadable = read_entries(&mut collection, entries);
    (collection, unreadable)
}

/// What a page that shows `year` first reads besides that year's reports
/// (read together, by their keys' start: `report_year_prefix`): the keys
/// of no year (the list of branches, and any key it cannot place); and
/// the keys of the other years' reports, left waiting (fifty branches'
/// ten years are 500 packages; a year's overview shows 50 of them).
pub fn first_keys(keys: Vec<String>, year: i32) -> (Vec<String>, Waiting) {
    let (no_year, reports): (Vec<String>, Vec<String>) = keys
        .into_iter()
        .partition(|k| year_of_report_key(k).is_none());
    let later = reports
        .into_iter()
        .filter(|k| year_of_report_key(k) != Some(year))
        .collect();
    (no_year, Waiting { keys: later })
}

/// The keys of stored reports not read yet.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Waiting {
    keys: Vec<String>,
}

impl Waiting {
    /// The years waiting, latest first.
    pub fn years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self
            .keys
            .iter()
            .filter_map(|k| year_of_report_key(k))
            .collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        years
    }

    /// The keys of `year`'s reports still waiting.
    pub fn of_year(&self, year: i32) -> Vec<String> {
        self.keys
            .iter()
            .filter(|k| year_of_report_key(k) == Some(year))
            .cloned()
            .collect()
    }

    /// Takes the values read for waiting keys: those still waiting stop
    /// waiting and are returned, those another reading took already are
    /// left out (so two readings of one year read it once).
    pub fn take(&mut self, read: Vec<(String, String)>) -> Vec<(String, String)> {
        read.into_iter()
            .filter(|(key, _)| {
                let waiting = self.keys.iter().position(|k| k == key);
                if let Some(at) = waiting {
                    self.keys.swap_remove(at);
                }
                waiting.is_some()
            })
            .collect()
    }
}

/// Reads stored values into `collection`; the keys of those it cannot
/// read (kept in the store, and said).
pub fn read_entries(collection: &mut Collection, entries: &[(String, String)]) -> Vec<String> {
    let mut unreadable = Vec::new();
    for (key, text) in entries {
        read_entry(collection, key, text, &mut unreadable);
    }
    unreadable
}

fn read_entry(collection: &mut Collection, key: &str, text: &str, unreadable: &mut Vec<String>) {
    if key == EXPECTED_KEY {
        let expected = serde_json::from_str::<Value>(text)
            .ok()
            .filter(|v| v.get("version").and_then(Value::as_u64) == Some(1))
            .and_then(|v| serde_json::from_value(v.get("expected")?.clone()).ok());
        match expected {
            Some(e) => collection.expected = e,
            None => unreadable.push(key.to_string()),
        }
        return;
    }
    match read_stored_report(text) {
        Some(received) => {
            collection.receive(received);
        }
        None => unreadable.push(key.to_string()),
    }
}

/// A package as this store keeps it: the file as it came.
#[derive(Deserialize)]
struct Stored {
    format: String,
    report_version: u64,
    #[serde(default)]
    exported_at: String,
    data: BranchReport,
}

/// Reads back a package this store took in. `read_report` checked all of
/// it (size, checksum, names) when it arrived, so the stored file is
/// parsed once, straight into the report: checking its checksum again
/// would parse it twice more, and a year's first screen reads fifty of
/// them (issue #26's 200 ms at 4× CPU). `None`: it cannot be read as one.
fn read_stored_report(text: &str) -> Option<Received> {
    let stored: Stored = serde_json::from_str(text.trim_start_matches('\u{feff}')).ok()?;
    let readable = stored.format == REPORT_FORMAT
        && stored.report_version <= u64::from(REPORT_VERSION)
        && !stored.data.branch_id.trim().is_empty();
    readable.then_some(Received {
        report: stored.data,
        made_at: stored.exported_at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::document::Document;
    use crate::domain::report::branch_report;
    use crate::domain::report::collection::report_year_prefix;
    use crate::domain::sample::example_document;
    use chrono::NaiveDate;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
    }

    /// The example branch (with its 党费 ledger: incomes and bases exist
    /// to leak; with its 发展党员 paths), and private notes.
    fn example() -> Document {
        let mut doc = example_document(today());
        doc.members[0].note = "私人备注：手机 13912345678".into();
        if let Some(a) = doc.applicants.first_mut() {
            a.note = "政审备注：亲属情况另附".into();
        }
        doc
    }

    /// Every key anywhere in a JSON value.
    fn keys(value: &Value, out: &mut std::collections::BTreeSet<String>) {
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    out.insert(k.clone());
                    keys(v, out);
                }
            }
            Value::Array(items) => items.iter().for_each(|v| keys(v, out)),
            _ => {}
        }
    }

    #[test]
    fn the_report_package_holds_no_name_income_base_or_private_note() {
        let doc = example();
        assert!(!doc.dues.is_empty(), "the ledger is there to leak");
        let (name, text) = export_report(&branch_report(&doc, 2026, today()), "2026-12-06 10:00");
        assert_eq!(name, "报上级-示例单位第一党支部-2026年度.json");
        // The 述职 is the secretary's own report, by name: the 党委 hears
        // who reports. Nobody else is named, there or anywhere else.
        let reporter = doc
            .secretary_report("2026")
            .and_then(|r| r.member_id.as_deref())
            .and_then(|id| doc.member(id))
            .map(|m| m.name.clone())
            .expect("the example's 述职 names its 述职人");
        let file: Value = serde_json::from_str(&text).unwrap();
        let told = file["data"]["texts"]["secretary_report"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        assert!(told.contains(&reporter), "the 述职 travels: {told}");
        let without_report = text.replace(&serde_json::to_string(&told).unwrap()[1..], "");
        for m in &doc.members {
            assert!(
                !without_report.contains(&m.name),
                "name {} in the package",
                m.name
            );
            assert!(
                m.name == reporter || !told.contains(&m.name),
                "name {} in the 述职",
                m.name
            );
            assert!(
                !text.contains(&format!("\"{}\"", m.id)),
                "id {} in the package",
                m.id
            );
        }
        assert!(!text.contains("私人备注") && !text.contains("13912345678"));
        assert!(!text.contains("政审备注"), "an applicant's note");
        // 发展党员 travel as counts: no applicant's name.
        assert!(!doc.applicants.is_empty(), "the paths are there to leak");
        for a in &doc.applicants {
            assert!(
                !without_report.contains(&a.name),
                "applicant {} in the package",
                a.name
            );
        }
        for account in &doc.dues {
            for term in &account.terms {
                if let crate::domain::dues::Basis::Income { base } = term.basis {
                    assert!(
                        !text.contains(&base.to_string()),
                        "a base {base} in the package"
                    );
                }
            }
        }
        // What the screen says it holds, and nothing else: every key of
        // the file is one of these.
        let mut found = std::collections::BTreeSet::new();
        keys(&serde_json::from_str(&text).unwrap(), &mut found);
        let allowed = [
            "format",
            "report_version",
            "app_version",
            "exported_at",
            "notice",
            "checksum",
            "data",
            "branch_id",
            "branch_name",
            "parent_org",
            "year",
            "as_of",
            "membership",
            "total",
            "full",
            "probationary",
            "groups",
            "lines",
            "item",
            "start",
            "end",
            "required",
            "held",
            "grades",
            "excellent",
            "qualified",
            "basically_qualified",
            "unqualified",
            "not_graded",
            "undecided",
            "study",
            "members",
            "reached",
            "total_tenths",
            "unit_unset",
            "dues",
            "owed_fen",
            "paid_fen",
            "remitted_fen",
            "development",
            "applied",
            "activists",
            "candidates",
            "admitted",
            "confirmed",
            "texts",
            "plan",
            "summary",
            "secretary_report",
        ];
        let extra: Vec<&String> = found
            .iter()
            .filter(|k| !allowed.contains(&k.as_str()))
            .collect();
        assert!(
            extra.is_empty(),
            "fields the screen does not name: {extra:?}"
        );
        let opened = read_report(&text).unwrap();
        assert_eq!(opened.report.branch_name, "示例单位第一党支部");
        assert_eq!(
            opened.report.membership.total, 24,
            "25 less the one who left"
        );
        assert!(opened.report.dues.is_some());
        assert!(opened.report.development.is_some());
    }

    #[test]
    fn a_version_one_package_made_before_development_counts_still_reads() {
        let doc = example();
        let (_, text) = export_report(&branch_report(&doc, 2026, today()), "2026-12-06 10:00");
        let mut file: Value = serde_json::from_str(&text).unwrap();
        let data = file["data"].as_object_mut().unwrap();
        data.remove("development");
        let sum = checksum(&file["data"]);
        file["checksum"] = Value::from(sum);
        file["report_version"] = Value::from(1);
        let opened = read_report(&file.to_string()).unwrap();
        assert_eq!(opened.report.development, None);
        assert_eq!(opened.report.branch_name, "示例单位第一党支部");
    }

    #[test]
    fn a_changed_cut_or_foreign_file_is_refused_with_why() {
        let doc = example();
        let (_, text) = export_report(&branch_report(&doc, 2026, today()), "2026-12-06 10:00");
        let changed = text.replacen("\"held\": 0", "\"held\": 1", 1);
        assert_ne!(changed, text);
        assert!(read_report(&changed).unwrap_err().contains("校验和"));
        assert!(read_report(&text[..text.len() / 2]).is_err());
        let backup = text.replace(REPORT_FORMAT, crate::backup::FORMAT);
        assert!(read_report(&backup).unwrap_err().contains("备份与交换"));
        let newer = text.replace(
            &format!("\"report_version\": {REPORT_VERSION}"),
            &format!("\"report_version\": {}", REPORT_VERSION + 1),
        );
        assert_ne!(newer, text);
        assert!(read_report(&newer).unwrap_err().contains("请升级"));
    }

    #[test]
    fn a_branch_phone_asked_to_import_a_report_says_where_it_belongs() {
        let (_, text) = export_report(
            &branch_report(&example(), 2026, today()),
            "2026-12-06 10:00",
        );
        match crate::backup::import::read_backup(&text) {
            crate::backup::import::Outcome::Refused(problems) => {
                assert!(
                    problems[0].message.contains("这是报上级材料"),
                    "{problems:?}"
                )
            }
            crate::backup::import::Outcome::Ready(_) => panic!("a report read as a backup"),
        }
    }

    #[test]
    fn the_committee_store_reads_back_what_it_stored_and_names_what_it_cannot() {
        let doc = example();
        let (_, text) = export_report(&branch_report(&doc, 2026, today()), "2026-12-06 10:00");
        let received = read_report(&text).unwrap();
        let expected = Expected::with_names("示例单位第一党支部\n第二党支部\n", Some(9));
        let entries = vec![
            (received.key(), text.clone()),
            (EXPECTED_KEY.to_string(), write_expected(&expected)),
            ("reports/2026/x".to_string(), "{\"format\":".to_string()),
        ];
        let (collection, unreadable) = load_collection(&entries);
        assert_eq!(collection.reports, vec![received]);
        assert_eq!(collection.expected, expected);
        assert_eq!(unreadable, vec!["reports/2026/x".to_string()]);
        assert_eq!(collection.tally(2026).sentence(), "已报 1 / 应报 2");
        assert_eq!(
            collection.tally(2026).missing,
            vec!["第二党支部".to_string()]
        );
    }

    #[test]
    fn a_stored_package_reads_back_as_the_package_reader_read_it_when_it_came() {
        let doc = example();
        let (_, text) = export_report(&branch_report(&doc, 2026, today()), "2026-12-06 10:00");
        let received = read_report(&text).unwrap();
        assert_eq!(read_stored_report(&text), Some(received));
        // What the store cannot take for a report of this app's is named
        // unreadable, not read: another format, a newer version, no branch.
        let value: Value = serde_json::from_str(&text).unwrap();
        let with = |path: &[&str], to: Value| {
            let mut v = value.clone();
            let mut at = &mut v;
            for step in &path[..path.len() - 1] {
                at = &mut at[*step];
            }
            at[path[path.len() - 1]] = to;
            v.to_string()
        };
        assert_eq!(
            read_stored_report(&with(&["format"], "zhibu.backup".into())),
            None
        );
        assert_eq!(
            read_stored_report(&with(&["report_version"], 99.into())),
            None
        );
        assert_eq!(
            read_stored_report(&with(&["data", "branch_id"], " ".into())),
            None
        );
        assert_eq!(read_stored_report(&text[..text.len() / 2]), None);
    }

    #[test]
    fn a_store_read_for_one_year_reads_the_other_years_when_asked_and_ends_as_a_full_read() {
        let doc = example();
        let file = |year| {
            let (_, text) = export_report(&branch_report(&doc, year, today()), "2026-12-06 10:00");
            (
                crate::domain::report::collection::report_key(&doc.branch.identity(), year),
                text,
            )
        };
        let expected = Expected::with_names("示例单位第一党支部\n第二党支部\n", None);
        let entries = vec![
            file(2026),
            file(2025),
            (EXPECTED_KEY.to_string(), write_expected(&expected)),
            ("reports/2024/x".to_string(), "{\"format\":".to_string()),
            file(2024),
            ("stray".to_string(), "?".to_string()),
        ];
        let value_of = |keys: &[String]| -> Vec<(String, String)> {
            entries
                .iter()
                .filter(|(k, _)| keys.contains(k))
                .cloned()
                .collect()
        };
        let keys: Vec<String> = entries.iter().map(|(k, _)| k.clone()).collect();
        let (no_year, mut waiting) = first_keys(keys, 2026);
        assert_eq!(
            no_year,
            ["expected", "stray"],
            "the list and the key of no year"
        );
        let year_read: Vec<(String, String)> = entries
            .iter()
            .filter(|(k, _)| k.starts_with(&report_year_prefix(2026)))
            .cloned()
            .collect();
        assert_eq!(year_read.len(), 1, "2026's report, by its keys' start");
        let mut partial = Collection::default();
        assert!(read_entries(&mut partial, &year_read).is_empty());
        assert_eq!(
            read_entries(&mut partial, &value_of(&no_year)),
            vec!["stray"]
        );
        assert_eq!(partial.years(), vec![2026]);
        assert_eq!(partial.expected, expected, "the list is read at once");
        assert_eq!(partial.tally(2026).sentence(), "已报 1 / 应报 2");
        assert_eq!(waiting.years(), vec![2025, 2024]);
        // Two readings of 2025 at once: the second finds it taken.
        let read = value_of(&waiting.of_year(2025));
        let taken = waiting.take(read.clone());
        assert_eq!(taken, read);
        assert!(waiting.take(read).is_empty());
        assert!(read_entries(&mut partial, &taken).is_empty());
        assert_eq!(partial.years(), vec![2026, 2025]);
        assert_eq!(waiting.years(), vec![2024]);
        let taken = waiting.take(value_of(&waiting.of_year(2024)));
        assert_eq!(read_entries(&mut partial, &taken), vec!["reports/2024/x"]);
        assert_eq!(waiting, Waiting::default());
        let (full, _) = load_collection(&entries);
        let by_key = |c: &Collection| {
            let mut keys: Vec<String> = c.reports.iter().map(Received::key).collect();
            keys.sort();
            keys
        };
        assert_eq!(by_key(&partial), by_key(&full));
    }
}
