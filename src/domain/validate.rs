//! Checks that serde cannot do: unique ids, references that exist, lengths.
//! Each problem names the path of the value, like `members[3].group_id`.

use std::collections::HashSet;

use super::assessment::review::ImportedSummary;
use super::assessment::settings::{MAX_NEGATIVE_SITUATIONS, MAX_SCALE_LEN};
use super::assessment::standards::{standard, AssessmentKind, DIMENSIONS};
use super::assessment::text::MAX_FORM_TEXT_CHARS;
use super::assessment::AssessmentForm;
use super::meeting::PersonRef;
use super::Document;

/// Longest text a single field may hold (about 30 printed pages).
pub const MAX_TEXT_CHARS: usize = 50_000;
/// Longest short field (names, titles).
pub const MAX_SHORT_CHARS: usize = 200;
/// Longest rating on a scale ("较好").
pub const MAX_RATING_CHARS: usize = 20;
/// Years a form or review may be for.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;
/// Most 完成 / 重新打开 events one form keeps.
pub const MAX_FORM_EVENTS: usize = 500;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
        }
    }
}

/// Which part of the document a problem sinks: the whole import, or one item
/// that can be skipped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Item {
    Branch,
    Member(usize),
    Meeting(usize),
    Template(usize),
    Assessment(usize),
    Review(usize),
}

/// All semantic problems of a document, each with the item it belongs to.
pub fn check(doc: &Document) -> Vec<(Item, Problem)> {
    let mut out = Vec::new();
    check_branch(doc, &mut out);
    check_members(doc, &mut out);
    check_meetings(doc, &mut out);
    check_assessments(doc, &mut out);
    check_reviews(doc, &mut out);
    out
}

fn check_branch(doc: &Document, out: &mut Vec<(Item, Problem)>) {
    too_long(
        &doc.branch.name,
        MAX_SHORT_CHARS,
        "branch.name",
        Item::Branch,
        out,
    );
    let mut seen = HashSet::new();
    for (i, g) in doc.branch.groups.iter().enumerate() {
        if !seen.insert(g.id.as_str()) {
            out.push((
                Item::Branch,
                Problem::new(
                    format!("branch.groups[{i}].id"),
                    format!("党小组编号“{}”重复", g.id),
                ),
            ));
        }
        too_long(
            &g.name,
            MAX_SHORT_CHARS,
            &format!("branch.groups[{i}].name"),
            Item::Branch,
            out,
        );
    }
    if let Some(day) = doc.branch.rules.theme_day_of_month {
        if !(1..=31).contains(&day) {
            out.push((
                Item::Branch,
                Problem::new(
                    "branch.rules.theme_day_of_month",
                    "主题党日的日期应在 1 到 31 之间",
                ),
            ));
        }
    }
    check_assessment_settings(doc, out);
}

fn check_assessment_settings(doc: &Document, out: &mut Vec<(Item, Problem)>) {
    let settings = &doc.branch.assessment;
    let at = |field: &str| format!("branch.assessment.{field}");
    if settings.rating_scale.len() > MAX_SCALE_LEN {
        out.push((
            Item::Branch,
            Problem::new(
                at("rating_scale"),
                format!("评价档次不能超过 {MAX_SCALE_LEN} 个"),
            ),
        ));
    }
    for (i, r) in settings.rating_scale.iter().enumerate() {
        too_long(
            r,
            MAX_RATING_CHARS,
            &at(&format!("rating_scale[{i}]")),
            Item::Branch,
            out,
        );
    }
    if settings.negative_situations.len() > MAX_NEGATIVE_SITUATIONS {
        out.push((
            Item::Branch,
            Problem::new(
                at("negative_situations"),
                format!("反向情形不能超过 {MAX_NEGATIVE_SITUATIONS} 条"),
            ),
        ));
    }
    for (i, n) in settings.negative_situations.iter().enumerate() {
        too_long(
            n,
            MAX_SHORT_CHARS,
            &at(&format!("negative_situations[{i}]")),
            Item::Branch,
            out,
        );
    }
}

fn check_members(doc: &Document, out: &mut Vec<(Item, Problem)>) {
    let groups: HashSet<&str> = doc.branch.groups.iter().map(|g| g.id.as_str()).collect();
    let mut seen = HashSet::new();
    for (i, m) in doc.members.iter().enumerate() {
        let item = Item::Member(i);
        if m.id.is_empty() || !seen.insert(m.id.as_str()) {
            out.push((
                item,
                Problem::new(
                    format!("members[{i}].id"),
                    format!("党员编号“{}”为空或重复", m.id),
                ),
            ));
        }
        if m.name.trim().is_empty() {
            out.push((item, Problem::new(format!("members[{i}].name"), "姓名为空")));
        }
        too_long(
            &m.name,
            MAX_SHORT_CHARS,
            &format!("members[{i}].name"),
            item,
            out,
        );
        too_long(
            &m.note,
            MAX_TEXT_CHARS,
            &format!("members[{i}].note"),
            item,
            out,
        );
        if let Some(g) = &m.group_id {
            if !groups.contains(g.as_str()) {
                out.push((
                    item,
                    Problem::new(
                        format!("members[{i}].group_id"),
                        format!("党小组“{g}”不存在"),
                    ),
                ));
            }
        }
    }
}

fn check_meetings(doc: &Document, out: &mut Vec<(Item, Problem)>) {
    let members: HashSet<&str> = doc.members.iter().map(|m| m.id.as_str()).collect();
    let groups: HashSet<&str> = doc.branch.groups.iter().map(|g| g.id.as_str()).collect();
    let mut seen = HashSet::new();
    for (i, m) in doc.meetings.iter().enumerate() {
        let item = Item::Meeting(i);
        let at = |field: &str| format!("meetings[{i}].{field}");
        if m.id.is_empty() || !seen.insert(m.id.as_str()) {
            out.push((
                item,
                Problem::new(at("id"), format!("会议编号“{}”为空或重复", m.id)),
            ));
        }
        if let Some(g) = &m.group_id {
            if !groups.contains(g.as_str()) {
                out.push((
                    item,
                    Problem::new(at("group_id"), format!("党小组“{g}”不存在")),
                ));
            }
        }
        for (field, text, max) in [
            ("theme", &m.theme, MAX_SHORT_CHARS * 2),
            ("place", &m.place, MAX_SHORT_CHARS),
            ("minutes", &m.minutes, MAX_TEXT_CHARS),
            ("remarks", &m.remarks, MAX_TEXT_CHARS),
            ("observers", &m.observers, MAX_TEXT_CHARS),
        ] {
            too_long(text, max, &at(field), item, out);
        }
        let mut attended = HashSet::new();
        for (j, a) in m.attendance.iter().enumerate() {
            if !members.contains(a.member_id.as_str()) {
                out.push((
                    item,
                    Problem::new(
                        at(&format!("attendance[{j}].member_id")),
                        format!("党员“{}”不在名册中", a.member_id),
                    ),
                ));
            }
            if !attended.insert(a.member_id.as_str()) {
                out.push((
                    item,
                    Problem::new(
                        at(&format!("attendance[{j}].member_id")),
                        "同一名党员的出席情况记录了两次",
                    ),
                ));
            }
        }
        let people = [
            ("host", &m.host),
            ("recorder", &m.recorder),
            ("lecturer", &m.lecturer),
        ]
        .into_iter()
        .map(|(f, p)| (f.to_string(), p))
        .chain(
            m.speeches
                .iter()
                .enumerate()
                .map(|(j, s)| (format!("speeches[{j}].speaker"), &s.speaker)),
        )
        .chain(
            m.follow_ups
                .iter()
                .enumerate()
                .map(|(j, f)| (format!("follow_ups[{j}].owner"), &f.owner)),
        );
        for (field, person) in people {
            check_person(person, &members, &at(&field), item, out);
        }
    }
}

fn check_assessments(doc: &Document, out: &mut Vec<(Item, Problem)>) {
    let members: HashSet<&str> = doc.members.iter().map(|m| m.id.as_str()).collect();
    let mut ids = HashSet::new();
    let mut forms = HashSet::new();
    for (i, form) in doc.assessments.iter().enumerate() {
        let item = Item::Assessment(i);
        let at = |field: &str| format!("assessments[{i}].{field}");
        let mut push =
            |path: String, message: String| out.push((item, Problem::new(path, message)));
        if form.id.is_empty() || !ids.insert(form.id.as_str()) {
            push(at("id"), format!("自评表编号“{}”为空或重复", form.id));
        }
        if !members.contains(form.member_id.as_str()) {
            push(
                at("member_id"),
                format!("党员“{}”不在名册中", form.member_id),
            );
        }
        if !YEARS.contains(&form.year) {
            push(at("year"), format!("年度 {} 不在合理范围内", form.year));
        }
        if !forms.insert((form.member_id.as_str(), form.year, form.kind)) {
            push(
                at("kind"),
                format!(
                    "同一名党员 {} 年度的“{}”自评表有两份",
                    form.year,
                    form.kind.label()
                ),
            );
        }
        check_form_content(form, &at(""), item, out);
    }
}

/// Entries, dimensions, ticked situations and log of one form; `path` ends
/// with a dot.
fn check_form_content(
    form: &AssessmentForm,
    path: &str,
    item: Item,
    out: &mut Vec<(Item, Problem)>,
) {
    let mut keys = HashSet::new();
    for (j, e) in form.entries.iter().enumerate() {
        let at = format!("{path}entries[{j}]");
        check_standard_key(
            form.kind,
            &e.key,
            &mut keys,
            &format!("{at}.key"),
            item,
            out,
        );
        check_rating(e.rating.as_deref(), &format!("{at}.rating"), item, out);
        for (field, text) in [
            ("facts", &e.facts),
            ("problems", &e.problems),
            ("measures", &e.measures),
        ] {
            too_long(
                text,
                MAX_FORM_TEXT_CHARS,
                &format!("{at}.{field}"),
                item,
                out,
            );
        }
    }
    check_dimensions(&form.dimensions, &format!("{path}dimensions"), item, out);
    check_negatives(&form.negatives, &format!("{path}negatives"), item, out);
    if form.log.len() > MAX_FORM_EVENTS {
        out.push((
            item,
            Problem::new(format!("{path}log"), "完成和重新打开的记录过多"),
        ));
    }
}

fn check_standard_key<'a>(
    kind: AssessmentKind,
    key: &'a str,
    seen: &mut HashSet<&'a str>,
    path: &str,
    item: Item,
    out: &mut Vec<(Item, Problem)>,
) {
    if standard(kind, key).is_none() {
        out.push((
            item,
            Problem::new(path, format!("“{key}”不是“{}”的标准", kind.label())),
        ));
    } else if !seen.insert(key) {
        out.push((item, Problem::new(path, format!("标准“{key}”填写了两次"))));
    }
}

fn check_rating(rating: Option<&str>, path: &str, item: Item, out: &mut Vec<(Item, Problem)>) {
    if let Some(r) = rating {
        too_long(r, MAX_RATING_CHARS, path, item, out);
    }
}

fn check_dimensions(
    dimensions: &[super::assessment::form::DimensionRating],
    path: &str,
    item: Item,
    out: &mut Vec<(Item, Problem)>,
) {
    let mut seen = HashSet::new();
    for (j, d) in dimensions.iter().enumerate() {
        let at = format!("{path}[{j}]");
        if !DIMENSIONS.contains(&d.name.as_str()) {
            out.push((
                item,
                Problem::new(
                    format!("{at}.name"),
                    format!("测评项目“{}”无法识别", d.name),
                ),
            ));
        } else if !seen.insert(d.name.as_str()) {
            out.push((
                item,
                Problem::new(
                    format!("{at}.name"),
                    format!("测评项目“{}”评了两次", d.name),
                ),
            ));
        }
        check_rating(d.rating.as_deref(), &format!("{at}.rating"), item, out);
    }
}

fn check_negatives(negatives: &[String], path: &str, item: Item, out: &mut Vec<(Item, Problem)>) {
    if negatives.len() > MAX_NEGATIVE_SITUATIONS {
        out.push((
            item,
            Problem::new(
                path,
                format!("勾选的反向情形不能超过 {MAX_NEGATIVE_SITUATIONS} 条"),
            ),
        ));
    }
    for (j, n) in negatives.iter().enumerate() {
        too_long(n, MAX_SHORT_CHARS, &format!("{path}[{j}]"), item, out);
    }
}

fn check_reviews(doc: &Document, out: &mut Vec<(Item, Problem)>) {
    let members: HashSet<&str> = doc.members.iter().map(|m| m.id.as_str()).collect();
    let mut years = HashSet::new();
    for (i, review) in doc.reviews.iter().enumerate() {
        let item = Item::Review(i);
        if !YEARS.contains(&review.year) {
            out.push((
                item,
                Problem::new(
                    format!("reviews[{i}].year"),
                    format!("年度 {} 不在合理范围内", review.year),
                ),
            ));
        }
        if !years.insert(review.year) {
            out.push((
                item,
                Problem::new(
                    format!("reviews[{i}].year"),
                    format!("{} 年度的民主评议记录有两份", review.year),
                ),
            ));
        }
        let mut seen = HashSet::new();
        for (j, entry) in review.entries.iter().enumerate() {
            let at = format!("reviews[{i}].entries[{j}]");
            if !members.contains(entry.member_id.as_str()) {
                out.push((
                    item,
                    Problem::new(
                        format!("{at}.member_id"),
                        format!("党员“{}”不在名册中", entry.member_id),
                    ),
                ));
            } else if !seen.insert(entry.member_id.as_str()) {
                out.push((
                    item,
                    Problem::new(format!("{at}.member_id"), "同一名党员记录了两次"),
                ));
            }
            if let Some(super::assessment::Decision::NotGraded { reason }) = &entry.decision {
                too_long(
                    reason,
                    MAX_SHORT_CHARS,
                    &format!("{at}.decision.reason"),
                    item,
                    out,
                );
            }
            let mut kinds = HashSet::new();
            for (k, summary) in entry.imported.iter().enumerate() {
                let path = format!("{at}.imported[{k}]");
                if !kinds.insert(summary.kind) {
                    out.push((
                        item,
                        Problem::new(
                            format!("{path}.kind"),
                            format!("“{}”自评重复导入", summary.kind.label()),
                        ),
                    ));
                }
                check_summary(summary, &path, item, out);
            }
        }
    }
}

fn check_summary(
    summary: &ImportedSummary,
    path: &str,
    item: Item,
    out: &mut Vec<(Item, Problem)>,
) {
    too_long(
        &summary.form_id,
        MAX_SHORT_CHARS,
        &format!("{path}.form_id"),
        item,
        out,
    );
    too_long(
        &summary.exported_at,
        MAX_SHORT_CHARS,
        &format!("{path}.exported_at"),
        item,
        out,
    );
    let mut keys = HashSet::new();
    for (j, r) in summary.ratings.iter().enumerate() {
        let at = format!("{path}.ratings[{j}]");
        check_standard_key(
            summary.kind,
            &r.key,
            &mut keys,
            &format!("{at}.key"),
            item,
            out,
        );
        check_rating(r.rating.as_deref(), &format!("{at}.rating"), item, out);
    }
    check_dimensions(
        &summary.dimensions,
        &format!("{path}.dimensions"),
        item,
        out,
    );
    check_negatives(&summary.negatives, &format!("{path}.negatives"), item, out);
}

fn check_person(
    person: &PersonRef,
    members: &HashSet<&str>,
    path: &str,
    item: Item,
    out: &mut Vec<(Item, Problem)>,
) {
    if let Some(id) = &person.member_id {
        if !members.contains(id.as_str()) {
            out.push((
                item,
                Problem::new(format!("{path}.member_id"), format!("党员“{id}”不在名册中")),
            ));
        }
    }
    too_long(
        &person.name,
        MAX_SHORT_CHARS,
        &format!("{path}.name"),
        item,
        out,
    );
}

fn too_long(text: &str, max: usize, path: &str, item: Item, out: &mut Vec<(Item, Problem)>) {
    let n = text.chars().count();
    if n > max {
        out.push((
            item,
            Problem::new(path, format!("内容过长：{n} 字，上限 {max} 字")),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::{decide, new_form, AssessmentKind, Decision, Grade};
    use crate::domain::rules::fixtures::{document, full_members};

    fn paths(doc: &Document) -> Vec<(Item, String)> {
        check(doc).into_iter().map(|(i, p)| (i, p.path)).collect()
    }

    #[test]
    fn forms_need_a_member_a_sane_year_and_known_standards() {
        let mut doc = document(&[], full_members("p", 1), Vec::new());
        let mut form = new_form("f1", "p1", 2025, AssessmentKind::FourQualified);
        form.entries[1].key = "conviction".into();
        form.entries[2].key = "political".into();
        form.entries[3].facts = "长".repeat(MAX_FORM_TEXT_CHARS + 1);
        form.set_dimension("廉洁自律", Some("好"));
        form.dimensions[0].name = "颜值".into();
        doc.assessments.push(form);
        doc.assessments.push(new_form(
            "f1",
            "nobody",
            1999,
            AssessmentKind::FourQualified,
        ));
        doc.assessments
            .push(new_form("f3", "p1", 2025, AssessmentKind::FourQualified));
        doc.assessments
            .push(new_form("f4", "p1", 2025, AssessmentKind::FiveExcellent));
        assert_eq!(
            paths(&doc),
            [
                (Item::Assessment(0), "assessments[0].entries[1].key".into()),
                (Item::Assessment(0), "assessments[0].entries[2].key".into()),
                (
                    Item::Assessment(0),
                    "assessments[0].entries[3].facts".into()
                ),
                (
                    Item::Assessment(0),
                    "assessments[0].dimensions[0].name".into()
                ),
                (Item::Assessment(1), "assessments[1].id".into()),
                (Item::Assessment(1), "assessments[1].member_id".into()),
                (Item::Assessment(1), "assessments[1].year".into()),
                (Item::Assessment(2), "assessments[2].kind".into()),
            ]
        );
    }

    #[test]
    fn reviews_are_one_per_year_and_name_members_of_the_roster() {
        let mut doc = document(&[], full_members("p", 1), Vec::new());
        let graded = Some(Decision::Graded {
            grade: Grade::Qualified,
        });
        decide(&mut doc, 2025, "p1", graded.clone());
        decide(&mut doc, 2025, "ghost", graded);
        doc.reviews.push(doc.reviews[0].clone());
        doc.reviews[1].entries.truncate(1);
        assert_eq!(
            paths(&doc),
            [
                (Item::Review(0), "reviews[0].entries[1].member_id".into()),
                (Item::Review(1), "reviews[1].year".into()),
            ]
        );
    }

    #[test]
    fn branch_settings_are_capped() {
        let mut doc = document(&[], Vec::new(), Vec::new());
        doc.branch.assessment.rating_scale = vec!["好".into(); 11];
        doc.branch.assessment.negative_situations[0] = "长".repeat(MAX_SHORT_CHARS + 1);
        let found = paths(&doc);
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|(i, _)| *i == Item::Branch));
    }
}
