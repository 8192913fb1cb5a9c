//! The 发展党员 printouts: the 发展党员工作全程纪实表 (one per person, A4:
//! each of the 25 steps with its day, content, 经办人 and 材料, stage by
//! stage, and the flags in the rule's words), the 发展党员工作台账 (one
//! line per person, A4 landscape) and the 公示 of a 发展对象 before the
//! 预审. They name applicants, never their 政审's content.

use chrono::NaiveDate;

use chrono::Datelike;

use crate::domain::development::rules::notice_ends;
use crate::domain::development::{flags, next_due, Applicant, Phase, Stage, Step};
use crate::domain::time::{format_chinese_date, format_short_date};
use crate::domain::Document;
use crate::format::paper::{Column, Orientation, Paper, Style, Table};

fn date(d: Option<NaiveDate>) -> String {
    d.map(format_short_date).unwrap_or_default()
}

fn names(doc: &Document, people: &[crate::domain::meeting::PersonRef]) -> String {
    people
        .iter()
        .map(|p| doc.person_name(p))
        .filter(|n| !n.is_empty())
        .collect::<Vec<_>>()
        .join("、")
}

/// What a step's line says beyond its name: the people, the training.
fn content(doc: &Document, a: &Applicant, step: Step) -> String {
    let mut parts = Vec::new();
    match step {
        Step::AssignContacts if !a.contacts.is_empty() => {
            parts.push(format!("培养联系人：{}", names(doc, &a.contacts)))
        }
        Step::NameIntroducers if !a.introducers.is_empty() => {
            parts.push(format!("入党介绍人：{}", names(doc, &a.introducers)))
        }
        Step::Training if a.training_days.is_some() || a.training_hours.is_some() => {
            parts.push(format!(
                "培训{}天、{}学时",
                a.training_days.unwrap_or_default(),
                a.training_hours.unwrap_or_default()
            ))
        }
        _ => {}
    }
    if let Some(r) = a.record(step) {
        if let Some(m) = r.meeting_id.as_deref().and_then(|id| doc.meeting(id)) {
            parts.push(format!("{}{}", date(m.date), m.kind.label()));
        }
        if !r.note.trim().is_empty() {
            parts.push(r.note.trim().to_string());
        }
    }
    parts.join("；")
}

/// One person's 发展党员工作全程纪实表, if the path exists.
pub fn development_record(doc: &Document, id: &str, today: NaiveDate) -> Option<Paper> {
    let a = doc.applicant(id)?;
    let title = "发展党员工作全程纪实表".to_string();
    let mut paper = Paper::new(doc, title.clone(), today);
    paper.subtitle = format!("姓名：{}", a.name);
    paper.table(Table::fields([
        ("姓名", a.name.clone()),
        (
            "性别",
            a.sex.map(|s| s.label().to_string()).unwrap_or_default(),
        ),
        ("出生日期", date(a.born_on)),
        ("申请入党日期", date(a.applied_on())),
        ("目前身份", a.phase().label().to_string()),
    ]));
    let found = flags(a, &doc.members, &doc.branch.rules.development);
    for stage in Stage::ALL {
        paper.heading(stage.label());
        let mut table = Table::grid(&[
            ("步骤", Column::LINE),
            ("日期", Column::CENTER),
            ("内容", Column::TEXT),
            ("经办人", Column::LINE),
            ("材料", Column::TEXT),
        ]);
        for step in stage.steps() {
            let record = a.record(step);
            let held = record.map_or(&[][..], |r| &r.materials[..]);
            let materials = step
                .materials()
                .iter()
                .map(|m| format!("{}{}", if held.contains(m) { "☑" } else { "☐" }, m.label()))
                .collect::<Vec<_>>()
                .join(" ");
            table.row([
                format!("{}. {}", step.number(), step.label()),
                date(record.and_then(|r| r.on)),
                content(doc, a, step),
                record.map(|r| r.by.clone()).unwrap_or_default(),
                materials,
            ]);
        }
        paper.table(table);
    }
    if !found.is_empty() {
        paper.heading("需要说明的问题");
        paper.list(
            true,
            found
                .iter()
                .map(|f| format!("{}：{}", f.step.title(), f.breach.sentence()))
                .collect(),
        );
    }
    if !a.note.trim().is_empty() {
        paper.heading("备注");
        paper.prose(&a.note, 0);
    }
    paper.signatures(&["党支部书记", "经办人"], true);
    paper.share_text = paper.as_text();
    paper.named(None, &format!("{} {title}", a.name));
    Some(paper)
}

/// The 发展党员工作台账: one line per person, in the pipeline's order.
pub fn development_ledger(doc: &Document, today: NaiveDate) -> Paper {
    let title = "发展党员工作台账".to_string();
    let mut paper = Paper::new(doc, title.clone(), today);
    paper.orientation = Orientation::Landscape;
    let mut table = Table::grid(&[
        ("序号", Column::CENTER),
        ("姓名", Column::LINE),
        ("性别", Column::CENTER),
        ("申请入党", Column::CENTER),
        ("确定积极分子", Column::CENTER),
        ("确定发展对象", Column::CENTER),
        ("支部大会接收", Column::CENTER),
        ("上级审批", Column::CENTER),
        ("转正", Column::CENTER),
        ("目前身份", Column::LINE),
        ("下一步", Column::TEXT),
    ]);
    let practice = &doc.branch.rules.development;
    for (i, row) in crate::domain::development::pipeline(doc, today)
        .iter()
        .enumerate()
    {
        let Some(a) = doc.applicant(&row.id) else {
            continue;
        };
        table.row([
            (i + 1).to_string(),
            a.name.clone(),
            a.sex.map(|s| s.label().to_string()).unwrap_or_default(),
            date(a.done_on(Step::Apply)),
            date(a.done_on(Step::NameActivist)),
            date(a.done_on(Step::NameCandidate)),
            date(a.done_on(Step::AdmissionAssembly)),
            date(a.done_on(Step::Approval)),
            date(a.done_on(Step::ConfirmationApproval)),
            a.phase().label().to_string(),
            next_due(a, practice)
                .first()
                .map(|d| d.sentence())
                .unwrap_or_default(),
        ]);
    }
    paper.table(table);
    paper.paragraph(
        Style::Plain,
        "依据《中国共产党发展党员工作细则》；本地做法以本支部设置为准。",
    );
    paper.signatures(&["党支部书记"], true);
    paper.share_text = paper.as_text();
    paper.named(None, &title);
    paper
}

/// The 公示 of a 发展对象 the 支委会 has reviewed (拟发展为中共预备党员),
/// posted from `today` for the branch's working days (本地做法) before the
/// 上级党委's 预审; `None` unless the path is at the 发展对象 stage.
pub fn development_notice(doc: &Document, id: &str, today: NaiveDate) -> Option<Paper> {
    let a = doc
        .applicant(id)
        .filter(|a| a.phase() == Phase::Candidate)?;
    let practice = &doc.branch.rules.development;
    let title = format!("关于拟发展{}同志为中共预备党员的公示", a.name);
    let mut paper = Paper::new(doc, title.clone(), today);
    let reviewed = a
        .done_on(Step::CommitteeReview)
        .map(|d| format!("于{}", format_chinese_date(d)))
        .unwrap_or_default();
    paper.paragraph(
        Style::Body,
        format!(
            "根据《中国共产党发展党员工作细则》有关规定，经党支部委员会{reviewed}审查，拟发展{}同志为中共预备党员。现将有关情况公示如下：",
            a.name
        ),
    );
    let mut about = vec![a.name.clone()];
    if let Some(sex) = a.sex {
        about.push(sex.label().to_string());
    }
    if let Some(born) = a.born_on {
        about.push(format!("{}年{}月出生", born.year(), born.month()));
    }
    let mut lines = vec![about.join("，") + "。"];
    for (step, what) in [
        (Step::Apply, "递交入党申请书"),
        (Step::NameActivist, "被确定为入党积极分子"),
        (Step::NameCandidate, "被列为发展对象"),
    ] {
        if let Some(on) = a.done_on(step) {
            lines.push(format!("{}{what}。", format_chinese_date(on)));
        }
    }
    if !a.introducers.is_empty() {
        lines.push(format!("入党介绍人：{}。", names(doc, &a.introducers)));
    }
    paper.paragraph(Style::Body, lines.concat());
    paper.paragraph(
        Style::Body,
        format!(
            "公示时间：{}至{}（{}个工作日）。",
            format_chinese_date(today),
            format_chinese_date(notice_ends(today, practice)),
            practice.notice_workdays
        ),
    );
    paper.paragraph(
        Style::Body,
        "公示期间，党员和群众可通过来电、来信、来访等方式，向党支部或上级党委反映公示对象的情况和问题。反映问题应实事求是，以个人名义反映的请署真实姓名。",
    );
    paper.paragraph(
        Style::Plain,
        "联系人：＿＿＿＿＿＿　　联系电话：＿＿＿＿＿＿",
    );
    paper.signatures(&["党支部（盖章）"], true);
    // Posted in a chat, the text ends as the notice on the board does.
    paper.share_text = format!(
        "{}\n{}\n{}",
        paper.as_text(),
        doc.branch.name,
        format_chinese_date(today)
    );
    paper.named(Some(today), &format!("{} 发展对象公示", a.name));
    Some(paper)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::example_document;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn the_notice_of_a_candidate_lasts_the_branchs_working_days_and_names_the_steps() {
        let today = day(2026, 11, 27);
        let doc = example_document(today);
        let candidate = doc
            .applicants
            .iter()
            .find(|a| a.phase() == Phase::Candidate)
            .map(|a| a.id.clone())
            .unwrap_or_default();
        // Friday 27 November: five working days end on Thursday 3 December.
        let text = development_notice(&doc, &candidate, today)
            .map(|p| p.share_text)
            .unwrap_or_default();
        for part in [
            "关于拟发展陈晨同志为中共预备党员的公示",
            "陈晨，女，1997年9月出生。",
            "2026年9月27日被列为发展对象。入党介绍人：杨帆、黄海。",
            "公示时间：2026年11月27日至2026年12月3日（5个工作日）",
            "示例单位第一党支部\n2026年11月27日",
        ] {
            assert!(text.contains(part), "{part} not in {text}");
        }
        // Only a 发展对象 is posted: not an 积极分子, not a 预备党员.
        for a in doc
            .applicants
            .iter()
            .filter(|a| a.phase() != Phase::Candidate)
        {
            assert!(
                development_notice(&doc, &a.id, today).is_none(),
                "{}",
                a.name
            );
        }
    }
}
