//! The example's 谈心谈话: each month the 委员 and 党小组长 talk with members
//! in turn, so by the year's end everyone has had a talk; the secretary's
//! 帮扶谈心 with the member graded 基本合格 and her 帮扶人's monthly talks
//! after it; a 预备期考察谈话; the secretary asking for opinions.

use chrono::{Datelike, Months};

use super::calendar::{meeting_day_from, ExampleYear};
use super::meetings::{days_after, hash, person};
use crate::domain::rules::attendance::was_active_on;
use crate::domain::{Document, Talk};

/// Who holds the monthly talks: the committee and the 党小组长.
const TALKERS: [&str; 7] = ["m01", "m02", "m03", "m04", "m05", "m06", "m08"];

const TOPICS: [(&str, &str); 6] = [
    (
        "了解思想和工作情况",
        "了解近期思想、工作情况，肯定成绩，指出需要改进的地方。",
    ),
    (
        "听取对支部工作的意见建议",
        "交流对支部“三会一课”和主题党日安排的看法。",
    ),
    ("谈岗位作用发挥", "谈在岗位上发挥党员作用的做法和打算。"),
    (
        "了解家庭和生活情况",
        "了解家庭情况，关心老人身体和子女上学。",
    ),
    (
        "谈学习计划和业务提升",
        "交流年度学习计划，鼓励参加业务培训。",
    ),
    ("谈承诺践诺情况", "对照年初承诺，交流践诺情况和下一步打算。"),
];

const OPINIONS: [&str; 6] = [
    "希望主题党日多结合业务。",
    "建议党小组会时间相对固定。",
    "",
    "希望多组织志愿服务。",
    "建议学习材料提前发到支部群里。",
    "",
];

const FOLLOW_UPS: [&str; 4] = ["", "意见已转支委会研究。", "", "下季度再了解一次。"];

const PLACES: [&str; 3] = ["书记办公室", "二楼会议室", "三楼党员活动室"];

pub fn example_talks(doc: &Document, year: &ExampleYear) -> Vec<Talk> {
    let mut out = fixed_talks(year);
    // Members in roster order, talked with in turn across the months.
    let mut next = 0usize;
    for (i, first) in year.months.iter().enumerate() {
        for k in 0..3u32 {
            let date = meeting_day_from(first.with_day(6 + 7 * k).unwrap_or(*first));
            let talker = TALKERS[(i * 3 + k as usize) % TALKERS.len()];
            let talkee = (0..doc.members.len()).find_map(|step| {
                let m = &doc.members[(next + step) % doc.members.len()];
                (m.id != talker && was_active_on(m, Some(date))).then(|| {
                    next = (next + step + 1) % doc.members.len();
                    m.id.clone()
                })
            });
            let Some(talkee) = talkee else { continue };
            let id = format!("tk-ex-{}{:02}-{}", first.year(), first.month(), k + 1);
            let pick = |n: usize| (hash(&id) as usize) % n;
            let (topic, content) = TOPICS[pick(TOPICS.len())];
            out.push(Talk {
                id: id.clone(),
                date: Some(date),
                talker: person(talker),
                talkees: vec![talkee],
                place: PLACES[(hash(talker) % 3) as usize].into(),
                topic: topic.into(),
                content: content.into(),
                opinions: OPINIONS[pick(OPINIONS.len())].into(),
                follow_up: FOLLOW_UPS[pick(FOLLOW_UPS.len())].into(),
            });
        }
    }
    // 罗娟's 帮扶人 talks with her each month until the 支委会 回访.
    let feedback = year.feedback_day();
    for first in &year.months {
        let date = meeting_day_from(first.with_day(26).unwrap_or(*first));
        let months_after = feedback
            .with_day(1)
            .and_then(|f| f.checked_add_months(Months::new(6)));
        if date <= feedback || months_after.is_some_and(|end| date >= end) {
            continue;
        }
        out.push(Talk {
            id: format!("tk-ex-bf-{}{:02}", first.year(), first.month()),
            date: Some(date),
            talker: person("m08"),
            talkees: vec!["m20".into()],
            place: "二楼小会议室".into(),
            topic: "帮扶谈心".into(),
            content: "了解整改进展，交流本月参加组织生活和交纳党费情况。".into(),
            opinions: String::new(),
            follow_up: "下月再谈。".into(),
        });
    }
    out
}

fn fixed_talks(year: &ExampleYear) -> Vec<Talk> {
    let last = year.months[year.last_month()];
    let three_ago = year.months[year.last_month() - 2];
    vec![
        Talk {
            id: "tk-ex-1".into(),
            date: Some(days_after(year.feedback_day(), 2)),
            talker: person("m01"),
            talkees: vec!["m20".into()],
            place: "书记办公室".into(),
            topic: "帮扶谈心".into(),
            content: "谈民主评议结果，分析存在的差距，商定整改打算和帮扶办法。".into(),
            opinions: "希望支部多组织结合业务的学习。".into(),
            follow_up: "由帮扶人黄海每月谈心一次，半年后支委会回访。".into(),
        },
        Talk {
            id: "tk-ex-2".into(),
            date: Some(meeting_day_from(last.with_day(8).unwrap_or(last))),
            talker: person("m01"),
            talkees: vec!["m10".into()],
            place: "三楼党员活动室".into(),
            topic: "听取对支部工作的意见".into(),
            content: "交流“党建+业务”项目推进情况。".into(),
            opinions: "建议主题党日多安排志愿服务。".into(),
            follow_up: String::new(),
        },
        Talk {
            id: "tk-ex-3".into(),
            date: Some(meeting_day_from(
                three_ago.with_day(20).unwrap_or(three_ago),
            )),
            talker: person("m02"),
            talkees: vec!["m23".into()],
            place: "二楼会议室".into(),
            topic: "预备期考察谈话".into(),
            content: "了解预备期学习、工作表现，提出转正前的努力方向。".into(),
            opinions: String::new(),
            follow_up: "转正前由入党介绍人再谈一次。".into(),
        },
    ]
}
