//! A realistic example branch, so a newcomer can look around before entering
//! their own: 25 members in three 党小组 and the twelve months up to last
//! month, worked out from today so the year holds together on any day of
//! it (`calendar`): every meeting the rules ask for, on workdays, with
//! attendance from that day's roll, the year's 组织生活会暨民主评议, a 转正
//! after the 预备期, talks, self-assessments and the 融合 records.

mod assessment;
mod calendar;
mod fusion;
mod meetings;
mod talks;
#[cfg(test)]
mod tests;
pub(crate) mod texts;

use chrono::NaiveDate;

use super::assessment::AssessmentSettings;
use super::branch::ThemeDay;
use super::name_order::NameOrder;
use super::{
    Branch, Document, LocalRules, Member, MemberStatus, PartyGroup, Reduction, Role, Standing,
};

pub(crate) use calendar::{meeting_day_from, meeting_day_until, Event, ExampleYear};
pub(crate) use meetings::hash;

const NAMES: [&str; 25] = [
    "王建国",
    "李红梅",
    "张伟",
    "刘洋",
    "陈静",
    "杨帆",
    "赵丽",
    "黄海",
    "周敏",
    "吴昊",
    "徐晓燕",
    "孙磊",
    "马超",
    "朱婷",
    "胡斌",
    "郭颖",
    "何平",
    "高雪",
    "林峰",
    "罗娟",
    "梁志强",
    "宋佳",
    "郑凯",
    "谢欣怡",
    "韩冬",
];

/// The example's branch name: a document with it and the example's first
/// meeting is the example, shown with a banner until it is cleared.
pub const EXAMPLE_BRANCH: &str = "示例单位第一党支部";

/// Whether `doc` is still the example data (edited or not).
/// What a member added to the example, named in words: records and
/// members the example (as made `today`) does not have. Clearing the
/// example says these go too.
pub fn added_to_example(doc: &Document, today: NaiveDate) -> Vec<String> {
    use crate::domain::document::all_keys;
    let example = example_document(today);
    let theirs = all_keys(&example);
    let mut added: Vec<String> = all_keys(doc)
        .into_iter()
        .filter(|k| k.is_item() && !theirs.contains(k))
        .map(|k| k.title(doc))
        .collect();
    added.extend(
        doc.members
            .iter()
            .filter(|m| example.member(&m.id).is_none())
            .map(|m| format!("党员：{}", m.name)),
    );
    added
}

pub fn is_example(doc: &Document) -> bool {
    doc.branch.name == EXAMPLE_BRANCH && doc.meeting("mt-ex-1").is_some()
}

pub fn example_document(today: NaiveDate) -> Document {
    let year = ExampleYear::new(today);
    let groups: Vec<PartyGroup> = ["第一党小组", "第二党小组", "第三党小组"]
        .iter()
        .enumerate()
        .map(|(i, name)| PartyGroup {
            id: format!("g{}", i + 1),
            name: name.to_string(),
        })
        .collect();
    let members: Vec<Member> = NAMES
        .iter()
        .enumerate()
        .map(|(i, name)| example_member(i, name, &year))
        .collect();
    let branch = Branch {
        name: EXAMPLE_BRANCH.into(),
        parent_org: "示例单位机关党委".into(),
        groups,
        rules: LocalRules {
            theme_day: Some(ThemeDay::DayOfMonth { day: 15 }),
            secretary_lecture_yearly: true,
            group_monthly_work: true,
            minutes_per_study_hour: Some(60),
            ..LocalRules::default()
        },
        study_kinds: vec!["读书班".into()],
        assessment: AssessmentSettings::default(),
        committee_elected_on: None,
        id: String::new(),
        name_order: NameOrder::Strokes,
        own_order: Vec::new(),
    };
    let mut doc = Document {
        branch,
        members,
        ..Document::default()
    };
    doc.meetings = meetings::example_meetings(&doc, &year);
    doc.talks = talks::example_talks(&doc, &year);
    // Stored records come back in the order of their keys.
    doc.meetings.sort_by(|a, b| a.id.cmp(&b.id));
    doc.talks.sort_by(|a, b| a.id.cmp(&b.id));
    doc.assessments = assessment::example_assessments(&doc, &year);
    assessment::add_example_review(&mut doc, &year);
    // Added after the forms were filled in, so the forms read as they
    // were.
    fusion::add_example_fusion(&mut doc, &year);
    super::dues::example::add_example_dues(&mut doc, today);
    super::year_work::example::add_example_year_work(&mut doc, today);
    super::development::example::add_example_paths(&mut doc, today);
    doc
}

/// The committee: 书记, 副书记 and three 委员 with their 分工, one of whom
/// also leads a 党小组; three 预备党员 admitted at different times, one of
/// whom had his 转正 discussed at last month's 党员大会; a member
/// transferred out two months ago; a few who moved in from other branches.
fn example_member(i: usize, name: &str, year: &ExampleYear) -> Member {
    let roles = match i {
        0 => vec![Role::Secretary],
        1 => vec![Role::DeputySecretary],
        2 | 4 => vec![Role::CommitteeMember],
        3 => vec![Role::CommitteeMember, Role::GroupLeader],
        5 | 7 => vec![Role::GroupLeader],
        _ => Vec::new(),
    };
    let duty = match i {
        2 => "组织委员",
        3 => "宣传委员",
        4 => "纪检委员",
        _ => "",
    };
    // 郑凯 was admitted a year and a little more before last month's
    // 党员大会; 谢欣怡 and 韩冬 at a 党员大会 about seven months ago.
    let admitted_on = match i {
        22 => Some(year.zheng_admitted),
        23 | 24 => Some(year.intake),
        _ => None,
    };
    let joined_on = match i {
        22..=24 => admitted_on,
        12 => NaiveDate::from_ymd_opt(2021, 9, 1),
        18 => NaiveDate::from_ymd_opt(2023, 4, 3),
        _ => NaiveDate::from_ymd_opt(2018, 3, 1),
    };
    let standing = if i >= 22 {
        Standing::Probationary
    } else {
        Standing::Full
    };
    Member {
        group_id: Some(format!("g{}", i % 3 + 1)),
        admitted_on,
        roles,
        duty: duty.into(),
        status: if i == 21 {
            MemberStatus::Left {
                on: Some(year.song_left),
                why: Some(Reduction::TransferredOut),
                reason: "转至示例单位第二党支部".into(),
            }
        } else {
            MemberStatus::Active
        },
        joined_on,
        ..Member::new(format!("m{:02}", i + 1), name.to_string(), standing)
    }
}
