//! 民主评议党员个人自评表 / 五个过硬对照检查表 of one member and year.

use chrono::NaiveDate;

use crate::domain::assessment::{
    no_grade_reason, review_day, standards, AssessmentForm, DIMENSIONS,
};
use crate::domain::time::format_chinese_date;
use crate::domain::Document;
use crate::format::paper::{paragraphs, Cell, Column, Paper, Style, Table};

/// The form, or `None` when it or its member is gone.
pub fn assessment_form(doc: &Document, form_id: &str, today: NaiveDate) -> Option<Paper> {
    let form = doc.assessment(form_id)?;
    let member = doc.member(&form.member_id)?;
    let group = member
        .group_id
        .as_deref()
        .and_then(|g| doc.branch.group_name(g))
        .unwrap_or_default()
        .to_string();
    let title = form.kind.form_title(form.year);
    // Standing on the day the year's review grades, not today's.
    let graded_on = review_day(doc, form.year);
    let mut paper = Paper::new(doc, title.clone(), today);
    paper.named(None, &format!("{title} {}", member.name));
    paper.share_text = share_text(form, &member.name, &title);
    let finished = form
        .finished_on()
        .map(format_chinese_date)
        .unwrap_or_else(|| "（草稿）".into());
    paper.table(Table::fields([
        ("姓名", member.name.clone()),
        (
            "党员类别",
            member.standing_on(Some(graded_on)).label().to_string(),
        ),
        ("所在党小组", group),
        ("职务", member.roles_label()),
        ("填写日期", finished),
    ]));
    for s in standards(form.kind) {
        let entry = form.entry(s.key).cloned().unwrap_or_default();
        paper.heading(format!("{}（{}）", s.title, s.wording));
        let written = |text: &str| Cell::new(paragraphs(text).join("\n")).blank(3);
        paper.table(Table {
            columns: vec![Column::LINE, Column::TEXT],
            head: Vec::new(),
            rows: vec![
                vec![
                    Cell::label("自我评价"),
                    Cell::new(entry.rating.clone().unwrap_or_else(|| "未评".into())),
                ],
                vec![Cell::label("自评情况"), written(&entry.facts)],
                vec![Cell::label("存在问题"), written(&entry.problems)],
                vec![Cell::label("整改措施"), written(&entry.measures)],
            ],
            signing: false,
        });
    }
    if form.kind.is_member_review() {
        let dimensions: Vec<String> = DIMENSIONS
            .iter()
            .filter_map(|d| form.dimension(d).map(|r| format!("{d}：{r}")))
            .collect();
        if !dimensions.is_empty() {
            paper.heading("分项测评");
            paper.paragraph(Style::Plain, dimensions.join("；"));
        }
        paper.heading("对照反向情形");
        paper.paragraph(
            Style::Plain,
            if form.negatives.is_empty() {
                "无".to_string()
            } else {
                form.negatives.join("；")
            },
        );
        let grade = match no_grade_reason(member, graded_on) {
            Some(reason) => reason.to_string(),
            None => form
                .self_grade
                .map(|g| g.label().to_string())
                .unwrap_or_else(|| "（本人填写）".into()),
        };
        paper.heading("自评等次");
        paper.paragraph(Style::Plain, grade);
    } else {
        paper.heading("总体自我评价");
        paper.paragraph(Style::Plain, form.overall.clone().unwrap_or_default());
    }
    paper.signatures(&["本人签字"], true);
    Some(paper)
}

fn share_text(form: &AssessmentForm, name: &str, title: &str) -> String {
    let mut out = vec![title.to_string(), format!("姓名：{name}")];
    for s in standards(form.kind) {
        if let Some(e) = form.entry(s.key) {
            out.push(format!(
                "{}（{}）：{}",
                s.title,
                e.rating.as_deref().unwrap_or("未评"),
                e.facts
            ));
        }
    }
    if form.kind.is_member_review() {
        if let Some(g) = form.self_grade {
            out.push(format!("自评等次：{}", g.label()));
        }
    } else if let Some(overall) = &form.overall {
        out.push(format!("总体自我评价：{overall}"));
    }
    out.join("\n")
}
