//! The example's self-assessments and its 民主评议: 吴昊's finished 四个合格
//! form and this year's draft, the secretary's 五个过硬 self-check, and the
//! branch's review of the year, with 测评票 that add up to the 正式党员
//! present at the 组织生活会 and no 不合格 情形 ticked by anyone graded above
//! it.

use chrono::Months;

use super::calendar::{meeting_day_until, meeting_days_before, ExampleYear};
use super::meetings::{hash, person};
use crate::domain::assessment::form::{finish, new_form, reopen, AssessmentForm};
use crate::domain::assessment::review::{
    decide, members_to_review, review_mut, summary_of, ImportedSummary, Poll, Remedy,
    StandardRating,
};
use crate::domain::assessment::{evidence, AssessmentKind, Decision, Grade};
use crate::domain::meeting::Presence;
use crate::domain::{Document, Standing};

/// 吴昊's finished 四个合格 form of the review year and his draft of the
/// year after, and the secretary's 五个过硬 self-check of the review year,
/// reopened once: all finished in the days before the 组织生活会.
pub fn example_assessments(doc: &Document, year: &ExampleYear) -> Vec<AssessmentForm> {
    let reviewed = year.review_year;
    let life = year.life_day();
    let mut member_form = new_form("as-ex-1", "m10", reviewed, AssessmentKind::FourQualified);
    fill(
        &mut member_form,
        &[
            (
                "political",
                "好",
                "坚持用“学习强国”自学，参加支部集中学习，能结合岗位谈学习体会。",
                "理论学习还不够系统，满足于读原文，思考不深。",
                "制定个人年度学习计划，每季度写一篇学习体会。",
            ),
            (
                "discipline",
                "好",
                "按时参加“三会一课”和主题党日；每月按时足额交纳党费。",
                "对纪律处分条例学得不够细。",
                "逐章学习条例，参加支部组织的警示教育。",
            ),
            (
                "character",
                "较好",
                "参加社区志愿服务，孝敬父母，与同事相处融洽。",
                "有时对家人关心不够。",
                "合理安排工作和家庭时间。",
            ),
            (
                "contribution",
                "好",
                "参与客户服务流程优化，负责回访单改版，回收率明显提高；带教两名新同事。",
                "创新意识还不够强。",
                "围绕“党建+业务”主动认领一个攻关课题。",
            ),
        ],
    );
    member_form.set_dimension("理想信念", Some("好"));
    member_form.set_dimension("政治理论素质", Some("较好"));
    member_form.set_dimension("联系服务群众", Some("好"));
    member_form.self_grade = Some(Grade::Excellent);
    finish(&mut member_form, meeting_days_before(life, 4));

    let mut draft = new_form(
        "as-ex-2",
        "m10",
        reviewed + 1,
        AssessmentKind::FourQualified,
    );
    draft.set_rating("political", Some("好"));
    if let Some(entry) = draft.entry_mut("discipline") {
        entry.facts = evidence(doc, "m10", reviewed + 1).lines().join("\n");
        entry.problems = "出差较多时，党小组的学习参加得不够。".into();
    }

    let mut secretary = new_form("as-ex-3", "m01", reviewed, AssessmentKind::FiveExcellent);
    fill(
        &mut secretary,
        &[
            (
                "conviction",
                "好",
                "带头学习党的创新理论，为全体党员讲专题党课。",
                "",
                "",
            ),
            (
                "politics",
                "好",
                "严格执行“三会一课”制度，重要事项先经支委会集体研究再提交党员大会。",
                "",
                "",
            ),
            (
                "responsibility",
                "较好",
                "落实抓党建第一责任人职责，逐月对照检查支部工作。",
                "对党小组的指导还不够具体。",
                "每季度参加各党小组会至少一次。",
            ),
            (
                "ability",
                "较好",
                "推动“党建+客户服务”流程优化，按期推进。",
                "统筹党建和业务的办法不多。",
                "学习兄弟支部的经验，用好重点任务清单。",
            ),
            (
                "conduct",
                "好",
                "严守中央八项规定精神，没有违规违纪情况。",
                "",
                "",
            ),
        ],
    );
    secretary.overall = Some("好".into());
    finish(&mut secretary, meeting_days_before(life, 6));
    reopen(&mut secretary, meeting_days_before(life, 5));
    finish(&mut secretary, meeting_days_before(life, 3));
    vec![member_form, draft, secretary]
}

type Filled<'a> = (&'a str, &'a str, &'a str, &'a str, &'a str);

fn fill(form: &mut AssessmentForm, rows: &[Filled]) {
    for (key, rating, facts, problems, measures) in rows {
        if let Some(entry) = form.entry_mut(key) {
            entry.rating = Some(rating.to_string());
            entry.facts = facts.to_string();
            entry.problems = problems.to_string();
            entry.measures = measures.to_string();
        }
    }
}

const EXCELLENT: [&str; 5] = ["m03", "m06", "m10", "m12", "m15"];
/// 罗娟, graded 基本合格 and helped by her 党小组长.
pub const HELPED: &str = "m20";

/// The review year's 民主评议: every member reviewed has a grade or a
/// reason, 优秀 within one third, three handed-in self-assessments, and a
/// 民主测评 by the 正式党员 present at the 组织生活会.
pub fn add_example_review(doc: &mut Document, year: &ExampleYear) {
    let reviewed = year.review_year;
    let due: Vec<(String, Standing)> = members_to_review(doc, reviewed)
        .iter()
        .map(|m| (m.id.clone(), m.standing))
        .collect();
    for (id, standing) in due {
        let decision = match id.as_str() {
            _ if standing == Standing::Probationary => continue,
            "m17" => Decision::NotGraded {
                reason: "长期患病，无法参加评议".into(),
            },
            HELPED => Decision::Graded {
                grade: Grade::BasicallyQualified,
            },
            _ if EXCELLENT.contains(&id.as_str()) => Decision::Graded {
                grade: Grade::Excellent,
            },
            _ => Decision::Graded {
                grade: Grade::Qualified,
            },
        };
        decide(doc, reviewed, &id, Some(decision));
    }
    let handed_in: Vec<(String, ImportedSummary)> = doc
        .assessments
        .iter()
        .filter(|f| f.year == reviewed)
        .map(|f| {
            let at = f
                .finished_on()
                .map(|d| format!("{d} 20:15"))
                .unwrap_or_default();
            (f.member_id.clone(), summary_of(f, &at))
        })
        .collect();
    let ballots = life_voters_present(doc);
    let feedback = year.feedback_day();
    let helped_until = feedback
        .checked_add_months(Months::new(6))
        .map(meeting_day_until);
    let helped_finished = meeting_days_before(year.life_day(), 2);
    let review = review_mut(doc, reviewed);
    for (id, summary) in handed_in {
        review.entry_mut(&id).put_summary(summary);
    }
    // 民主测评 by the 正式党员 present; every ballot returned marks each
    // member once.
    review.ballots = Some(ballots);
    for entry in review.entries.iter_mut() {
        let h = hash(&entry.member_id) as u32;
        let poll = match &entry.decision {
            Some(Decision::Graded {
                grade: Grade::Excellent,
            }) => {
                let qualified = 2 + h % 5;
                (ballots - qualified, qualified, 0, 0)
            }
            Some(Decision::Graded {
                grade: Grade::BasicallyQualified,
            }) => (0, 7, ballots - 8, 1),
            Some(Decision::Graded { .. }) => {
                let (excellent, basic) = (1 + h % 4, h % 2);
                (excellent, ballots - excellent - basic, basic, 0)
            }
            _ => continue,
        };
        entry.poll = Some(Poll {
            excellent: poll.0,
            qualified: poll.1,
            basically_qualified: poll.2,
            unqualified: poll.3,
        });
        entry.fed_back_on = Some(feedback);
    }
    let helped = review.entry_mut(HELPED);
    helped.opinion =
        "两次未按时交纳党费，参加组织生活不够主动，学习笔记不全。建议评定为基本合格，由党小组长结对帮扶。"
            .into();
    helped.remedy = Some(Remedy {
        mentor: person("m08"),
        deadline: helped_until,
        measures: "每月与帮扶人谈心一次，按时参加组织生活和交纳党费，半年后由支委会回访。".into(),
    });
    helped.put_summary(ImportedSummary {
        kind: AssessmentKind::FourQualified,
        form_id: "as-lx3k9a-7f2c".into(),
        self_grade: Some(Grade::Qualified),
        overall: None,
        ratings: [
            ("political", "较好"),
            ("discipline", "一般"),
            ("character", "较好"),
            ("contribution", "一般"),
        ]
        .iter()
        .map(|(key, rating)| StandardRating {
            key: key.to_string(),
            rating: Some(rating.to_string()),
        })
        .collect(),
        dimensions: Vec::new(),
        negatives: Vec::new(),
        finished_on: Some(helped_finished),
        exported_at: format!("{helped_finished} 21:40"),
    });
}

/// 正式党员 with a vote present at the 组织生活会: the 测评票 handed out.
fn life_voters_present(doc: &Document) -> u32 {
    let Some(life) = doc.meeting("mt-ex-4") else {
        return 0;
    };
    life.roll
        .iter()
        .flatten()
        .filter(|r| r.votes)
        .filter(|r| {
            life.attendance
                .iter()
                .any(|a| a.member_id == r.member_id && a.status == Presence::Present)
        })
        .count() as u32
}
