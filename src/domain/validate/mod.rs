//! Checks that serde cannot do: unique ids, references that exist, lengths.
//! Each problem names the path of the value, like `members[3].group_id`.
//! A broken id or reference makes its item unusable; a text or list over
//! the app's limits (`super::limits`) is reported and kept.

mod checker;
mod place;

pub use place::place;

use std::collections::HashSet;

use super::assessment::review::ImportedSummary;
use super::assessment::standards::{standard, AssessmentKind, DIMENSIONS};
use super::assessment::AssessmentForm;
use super::branch::ThemeDay;
use super::limits;
use super::meeting::PersonRef;
use super::Document;
use checker::Checker;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
    /// Over a limit: reported, and the item is kept as it is.
    pub kept: bool,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
            kept: false,
        }
    }

    /// Where it is, in words (see `place`).
    pub fn place(&self) -> String {
        place(&self.path)
    }

    pub fn kept(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            kept: true,
            ..Problem::new(path, message)
        }
    }
}

/// Which part of the document a problem concerns: the whole import, or one
/// item that can be skipped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Item {
    Branch,
    Member(usize),
    Meeting(usize),
    Template(usize),
    Assessment(usize),
    Review(usize),
    Talk(usize),
    Task(usize),
    GroupMonth(usize),
    Commitments(usize),
    Study(usize),
}

/// All semantic problems of a document, each with the item it belongs to.
pub fn check(doc: &Document) -> Vec<(Item, Problem)> {
    let mut out = Vec::new();
    check_branch(doc, &mut out);
    check_members(doc, &mut out);
    check_meetings(doc, &mut out);
    check_assessments(doc, &mut out);
    check_reviews(doc, &mut out);
    check_talks(doc, &mut out);
    check_fusion(doc, &mut out);
    out
}

fn check_branch(doc: &Document, out: &mut Vec<(Item, Problem)>) {
    let mut c = Checker::new(out, Item::Branch, "branch.");
    c.length("name", &doc.branch.name, limits::SHORT);
    let mut seen = HashSet::new();
    for (i, g) in doc.branch.groups.iter().enumerate() {
        let mut g_c = c.below(&format!("groups[{i}]."));
        if !seen.insert(g.id.as_str()) {
            g_c.problem("id", format!("党小组编号“{}”重复", g.id));
        }
        g_c.length("name", &g.name, limits::SHORT);
    }
    match doc.branch.rules.theme_day {
        Some(ThemeDay::DayOfMonth { day }) if !(1..=31).contains(&day) => {
            c.problem("rules.theme_day", "主题党日的日期应在 1 到 31 之间");
        }
        Some(ThemeDay::Weekday { nth, weekday })
            if !(1..=5).contains(&nth) || !(1..=7).contains(&weekday) =>
        {
            c.problem("rules.theme_day", "主题党日的星期无法识别");
        }
        _ => {}
    }
    let settings = &doc.branch.assessment;
    let mut a = c.below("assessment.");
    a.count(
        "rating_scale",
        settings.rating_scale.len(),
        limits::SCALE,
        "评价档次",
    );
    for (i, r) in settings.rating_scale.iter().enumerate() {
        a.length(&format!("rating_scale[{i}]"), r, limits::RATING);
    }
    a.count(
        "negative_situations",
        settings.negative_situations.len(),
        limits::NEGATIVES,
        "反向情形",
    );
    for (i, n) in settings.negative_situations.iter().enumerate() {
        a.length(&format!("negative_situations[{i}]"), n, limits::SHORT);
    }
}

fn check_members(doc: &Document, out: &mut Vec<(Item, Problem)>) {
    let groups: HashSet<&str> = doc.branch.groups.iter().map(|g| g.id.as_str()).collect();
    let mut seen = HashSet::new();
    for (i, m) in doc.members.iter().enumerate() {
        let mut c = Checker::new(out, Item::Member(i), format!("members[{i}]."));
        if m.id.is_empty() || !seen.insert(m.id.as_str()) {
            c.problem("id", format!("党员编号“{}”为空或重复", m.id));
        }
        if m.name.trim().is_empty() {
            c.problem("name", "姓名为空");
        }
        c.length("name", &m.name, limits::SHORT);
        c.length("note", &m.note, limits::TEXT);
        c.length("duty", &m.duty, limits::SHORT);
        if let Some(e) = &m.exempt {
            c.length("exempt.reason", &e.reason, limits::SHORT);
        }
        if let Some(g) = &m.group_id {
            if !groups.contains(g.as_str()) {
                c.problem("group_id", format!("党小组“{g}”不存在"));
            }
        }
    }
}

fn check_meetings(doc: &Document, out: &mut Vec<(Item, Problem)>) {
    let members: HashSet<&str> = doc.members.iter().map(|m| m.id.as_str()).collect();
    let groups: HashSet<&str> = doc.branch.groups.iter().map(|g| g.id.as_str()).collect();
    let mut seen = HashSet::new();
    for (i, m) in doc.meetings.iter().enumerate() {
        let mut c = Checker::new(out, Item::Meeting(i), format!("meetings[{i}]."));
        if m.id.is_empty() || !seen.insert(m.id.as_str()) {
            c.problem("id", format!("会议编号“{}”为空或重复", m.id));
        }
        if let Some(g) = &m.group_id {
            if !groups.contains(g.as_str()) {
                c.problem("group_id", format!("党小组“{g}”不存在"));
            }
        }
        for (field, text, max) in [
            ("theme", &m.theme, limits::SHORT * 2),
            ("place", &m.place, limits::SHORT),
            ("minutes", &m.minutes, limits::TEXT),
            ("remarks", &m.remarks, limits::TEXT),
            ("observers", &m.observers, limits::TEXT),
        ] {
            c.length(field, text, max);
        }
        if let Some(y) = m.for_year {
            if !limits::YEARS.contains(&y) {
                c.problem("for_year", format!("所属年度 {y} 不在合理范围内"));
            }
        }
        for (j, v) in m.votes.iter().enumerate() {
            c.length(&format!("votes[{j}].motion"), &v.motion, limits::SHORT * 2);
        }
        for (j, e) in m.roll.iter().flatten().enumerate() {
            if !members.contains(e.member_id.as_str()) {
                c.problem(
                    &format!("roll[{j}].member_id"),
                    format!("党员“{}”不在名册中", e.member_id),
                );
            }
        }
        for (j, e) in m.excluded.iter().enumerate() {
            if !members.contains(e.member_id.as_str()) {
                c.problem(
                    &format!("excluded[{j}].member_id"),
                    format!("党员“{}”不在名册中", e.member_id),
                );
            }
            c.length(&format!("excluded[{j}].reason"), &e.reason, limits::SHORT);
        }
        if let Some(election) = &m.election {
            c.length("election.office", &election.office, limits::SHORT);
            for (j, cand) in election.candidates.iter().enumerate() {
                c.length(
                    &format!("election.candidates[{j}].name"),
                    &cand.name,
                    limits::SHORT,
                );
            }
        }
        let mut attended = HashSet::new();
        for (j, a) in m.attendance.iter().enumerate() {
            let field = format!("attendance[{j}].member_id");
            if !members.contains(a.member_id.as_str()) {
                c.problem(&field, format!("党员“{}”不在名册中", a.member_id));
            }
            if !attended.insert(a.member_id.as_str()) {
                c.problem(&field, "同一名党员的出席情况记录了两次");
            }
        }
        let people = [
            ("host".to_string(), &m.host),
            ("recorder".to_string(), &m.recorder),
            ("lecturer".to_string(), &m.lecturer),
        ]
        .into_iter()
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
            check_person(person, &members, &mut c.below(&format!("{field}.")));
        }
    }
}

fn check_person(person: &PersonRef, members: &HashSet<&str>, c: &mut Checker) {
    if let Some(id) = &person.member_id {
        if !members.contains(id.as_str()) {
            c.problem("member_id", format!("党员“{id}”不在名册中"));
        }
    }
    c.length("name", &person.name, limits::SHORT);
}

fn check_assessments(doc: &Document, out: &mut Vec<(Item, Problem)>) {
    let members: HashSet<&str> = doc.members.iter().map(|m| m.id.as_str()).collect();
    let mut ids = HashSet::new();
    let mut forms = HashSet::new();
    for (i, form) in doc.assessments.iter().enumerate() {
        let mut c = Checker::new(out, Item::Assessment(i), format!("assessments[{i}]."));
        if form.id.is_empty() || !ids.insert(form.id.as_str()) {
            c.problem("id", format!("自评表编号“{}”为空或重复", form.id));
        }
        if !members.contains(form.member_id.as_str()) {
            c.problem("member_id", format!("党员“{}”不在名册中", form.member_id));
        }
        if !limits::YEARS.contains(&form.year) {
            c.problem("year", format!("年度 {} 不在合理范围内", form.year));
        }
        if !forms.insert((form.member_id.as_str(), form.year, form.kind)) {
            c.problem(
                "kind",
                format!(
                    "同一名党员 {} 年度的“{}”自评表有两份",
                    form.year,
                    form.kind.label()
                ),
            );
        }
        check_form_content(form, &mut c);
    }
}

/// Entries, dimensions, ticked situations and log of one form.
fn check_form_content(form: &AssessmentForm, c: &mut Checker) {
    let mut keys = HashSet::new();
    for (j, e) in form.entries.iter().enumerate() {
        let mut e_c = c.below(&format!("entries[{j}]."));
        check_standard_key(form.kind, &e.key, &mut keys, &mut e_c);
        check_rating(e.rating.as_deref(), "rating", &mut e_c);
        for (field, text) in [
            ("facts", &e.facts),
            ("problems", &e.problems),
            ("measures", &e.measures),
        ] {
            e_c.length(field, text, limits::FORM_TEXT);
        }
    }
    check_dimensions(&form.dimensions, &mut c.below("dimensions"));
    check_negatives(&form.negatives, &mut c.below("negatives"));
    c.count(
        "log",
        form.log.len(),
        limits::FORM_EVENTS,
        "完成和重新打开的记录",
    );
}

fn check_standard_key<'k>(
    kind: AssessmentKind,
    key: &'k str,
    seen: &mut HashSet<&'k str>,
    c: &mut Checker,
) {
    if standard(kind, key).is_none() {
        c.problem("key", format!("“{key}”不是“{}”的标准", kind.label()));
    } else if !seen.insert(key) {
        c.problem("key", format!("标准“{key}”填写了两次"));
    }
}

fn check_rating(rating: Option<&str>, field: &str, c: &mut Checker) {
    if let Some(r) = rating {
        c.length(field, r, limits::RATING);
    }
}

/// `c` is at the list itself (`…dimensions`).
fn check_dimensions(dimensions: &[super::assessment::form::DimensionRating], c: &mut Checker) {
    let mut seen = HashSet::new();
    for (j, d) in dimensions.iter().enumerate() {
        let mut d_c = c.below(&format!("[{j}]."));
        if !DIMENSIONS.contains(&d.name.as_str()) {
            d_c.problem("name", format!("测评项目“{}”无法识别", d.name));
        } else if !seen.insert(d.name.as_str()) {
            d_c.problem("name", format!("测评项目“{}”评了两次", d.name));
        }
        check_rating(d.rating.as_deref(), "rating", &mut d_c);
    }
}

/// `c` is at the list itself (`…negatives`).
fn check_negatives(negatives: &[String], c: &mut Checker) {
    c.count("", negatives.len(), limits::NEGATIVES, "勾选的反向情形");
    for (j, n) in negatives.iter().enumerate() {
        c.length(&format!("[{j}]"), n, limits::SHORT);
    }
}

fn check_reviews(doc: &Document, out: &mut Vec<(Item, Problem)>) {
    let members: HashSet<&str> = doc.members.iter().map(|m| m.id.as_str()).collect();
    let mut years = HashSet::new();
    for (i, review) in doc.reviews.iter().enumerate() {
        let mut c = Checker::new(out, Item::Review(i), format!("reviews[{i}]."));
        if !limits::YEARS.contains(&review.year) {
            c.problem("year", format!("年度 {} 不在合理范围内", review.year));
        }
        if !years.insert(review.year) {
            c.problem("year", format!("{} 年度的民主评议记录有两份", review.year));
        }
        let mut seen = HashSet::new();
        for (j, entry) in review.entries.iter().enumerate() {
            let mut e_c = c.below(&format!("entries[{j}]."));
            if !members.contains(entry.member_id.as_str()) {
                e_c.problem("member_id", format!("党员“{}”不在名册中", entry.member_id));
            } else if !seen.insert(entry.member_id.as_str()) {
                e_c.problem("member_id", "同一名党员记录了两次");
            }
            if let Some(super::assessment::Decision::NotGraded { reason }) = &entry.decision {
                e_c.length("decision.reason", reason, limits::SHORT);
            }
            e_c.length("opinion", &entry.opinion, limits::TEXT);
            if let Some(remedy) = &entry.remedy {
                check_person(&remedy.mentor, &members, &mut e_c.below("remedy.mentor."));
                e_c.length("remedy.measures", &remedy.measures, limits::TEXT);
            }
            let mut kinds = HashSet::new();
            for (k, summary) in entry.imported.iter().enumerate() {
                let mut s_c = e_c.below(&format!("imported[{k}]."));
                if !kinds.insert(summary.kind) {
                    s_c.problem("kind", format!("“{}”自评重复导入", summary.kind.label()));
                }
                check_summary(summary, &mut s_c);
            }
        }
    }
}

fn check_talks(doc: &Document, out: &mut Vec<(Item, Problem)>) {
    let members: HashSet<&str> = doc.members.iter().map(|m| m.id.as_str()).collect();
    let mut ids = HashSet::new();
    for (i, talk) in doc.talks.iter().enumerate() {
        let mut c = Checker::new(out, Item::Talk(i), format!("talks[{i}]."));
        if talk.id.is_empty() || !ids.insert(talk.id.as_str()) {
            c.problem("id", format!("谈话记录编号“{}”为空或重复", talk.id));
        }
        check_person(&talk.talker, &members, &mut c.below("talker."));
        for (j, id) in talk.talkees.iter().enumerate() {
            if !members.contains(id.as_str()) {
                c.problem(&format!("talkees[{j}]"), format!("党员“{id}”不在名册中"));
            }
        }
        c.length("place", &talk.place, limits::SHORT);
        c.length("topic", &talk.topic, limits::SHORT * 2);
        for (field, text) in [
            ("content", &talk.content),
            ("opinions", &talk.opinions),
            ("follow_up", &talk.follow_up),
        ] {
            c.length(field, text, limits::TEXT);
        }
    }
}

/// The 融合 records: unique ids, references to members, groups and
/// meetings that exist, lengths.
fn check_fusion(doc: &Document, out: &mut Vec<(Item, Problem)>) {
    use super::fusion::TaskOwner;
    let members: HashSet<&str> = doc.members.iter().map(|m| m.id.as_str()).collect();
    let groups: HashSet<&str> = doc.branch.groups.iter().map(|g| g.id.as_str()).collect();
    let meetings: HashSet<&str> = doc.meetings.iter().map(|m| m.id.as_str()).collect();
    let mut ids = HashSet::new();
    for (i, task) in doc.tasks.iter().enumerate() {
        let mut c = Checker::new(out, Item::Task(i), format!("tasks[{i}]."));
        if task.id.is_empty() || !ids.insert(task.id.as_str()) {
            c.problem("id", format!("任务编号“{}”为空或重复", task.id));
        }
        match &task.owner {
            TaskOwner::Member(id) if !members.contains(id.as_str()) => {
                c.problem("owner", format!("党员“{id}”不在名册中"))
            }
            TaskOwner::Group(id) if !groups.contains(id.as_str()) => {
                c.problem("owner", format!("党小组“{id}”不存在"))
            }
            _ => {}
        }
        if let Some(id) = &task.deployed_in {
            if !meetings.contains(id.as_str()) {
                c.problem("deployed_in", format!("会议“{id}”不存在"));
            }
        }
        c.length("title", &task.title, limits::SHORT * 2);
        c.length("measures", &task.measures, limits::TEXT);
        c.length("evidence", &task.evidence, limits::TEXT);
        c.count(
            "progress",
            task.progress.len(),
            limits::FUSION_ITEMS,
            "进展",
        );
        for (j, note) in task.progress.iter().enumerate() {
            c.length(&format!("progress[{j}].text"), &note.text, limits::TEXT);
        }
    }
    let mut ids = HashSet::new();
    for (i, month) in doc.group_months.iter().enumerate() {
        let mut c = Checker::new(out, Item::GroupMonth(i), format!("group_months[{i}]."));
        if month.id.is_empty() || !ids.insert(month.id.as_str()) {
            c.problem("id", format!("月度重点工作编号“{}”为空或重复", month.id));
        }
        if !groups.contains(month.group_id.as_str()) {
            c.problem("group_id", format!("党小组“{}”不存在", month.group_id));
        }
        if !(1..=12).contains(&month.month) {
            c.problem("month", format!("月份“{}”不对", month.month));
        }
        c.count("items", month.items.len(), limits::FUSION_ITEMS, "重点工作");
        for text in [
            &month.review.done,
            &month.review.gaps,
            &month.review.fixes,
            &month.review.next,
        ] {
            c.length("review", text, limits::TEXT);
        }
    }
    let mut ids = HashSet::new();
    for (i, pledges) in doc.commitments.iter().enumerate() {
        let mut c = Checker::new(out, Item::Commitments(i), format!("commitments[{i}]."));
        if pledges.id.is_empty() || !ids.insert(pledges.id.as_str()) {
            c.problem("id", format!("承诺编号“{}”为空或重复", pledges.id));
        }
        if !members.contains(pledges.member_id.as_str()) {
            c.problem(
                "member_id",
                format!("党员“{}”不在名册中", pledges.member_id),
            );
        }
        c.count("items", pledges.items.len(), limits::FUSION_ITEMS, "承诺");
        for (j, item) in pledges.items.iter().enumerate() {
            c.length(&format!("items[{j}].text"), &item.text, limits::TEXT);
        }
    }
    let mut ids = HashSet::new();
    for (i, session) in doc.studies.iter().enumerate() {
        let mut c = Checker::new(out, Item::Study(i), format!("studies[{i}]."));
        if session.id.is_empty() || !ids.insert(session.id.as_str()) {
            c.problem("id", format!("学习记录编号“{}”为空或重复", session.id));
        }
        check_person(&session.speaker, &members, &mut c.below("speaker."));
        for (j, id) in session.attendees.iter().enumerate() {
            if !members.contains(id.as_str()) {
                c.problem(&format!("attendees[{j}]"), format!("党员“{id}”不在名册中"));
            }
        }
        c.length("title", &session.title, limits::SHORT * 2);
        c.length("points", &session.points, limits::TEXT);
    }
}

fn check_summary(summary: &ImportedSummary, c: &mut Checker) {
    c.length("form_id", &summary.form_id, limits::SHORT);
    c.length("exported_at", &summary.exported_at, limits::SHORT);
    let mut keys = HashSet::new();
    for (j, r) in summary.ratings.iter().enumerate() {
        let mut r_c = c.below(&format!("ratings[{j}]."));
        check_standard_key(summary.kind, &r.key, &mut keys, &mut r_c);
        check_rating(r.rating.as_deref(), "rating", &mut r_c);
    }
    check_dimensions(&summary.dimensions, &mut c.below("dimensions"));
    check_negatives(&summary.negatives, &mut c.below("negatives"));
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
        form.entries[3].facts = "长".repeat(limits::FORM_TEXT + 1);
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
        doc.branch.assessment.negative_situations[0] = "长".repeat(limits::SHORT + 1);
        let found = paths(&doc);
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|(i, _)| *i == Item::Branch));
    }
}
