//! 民主评议党员个人自评表 / 五个过硬对照检查表 of one member and year, with
//! the title the screen uses.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::meeting_record::{paragraphs, RuledLines, Section};
use super::paper::{FormRow, Paper};
use crate::domain::assessment::{no_grade_reason, standards, AssessmentForm, DIMENSIONS};
use crate::domain::time::format_chinese_date;
use crate::domain::Member;
use crate::ui::state::use_app;

/// Follows the address and the stored data: another id in the address,
/// or another page's edit, draws the view again.
#[component]
pub fn AssessmentPrint() -> impl IntoView {
    let state = use_app();
    let params = use_params_map();
    move || {
        state.doc.track();
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        view! { <AssessmentView id=id /> }
    }
}

#[component]
fn AssessmentView(id: String) -> impl IntoView {
    let state = use_app();
    let found = state.doc.with_untracked(|d| {
        let form = d.assessment(&id)?.clone();
        let member = d.member(&form.member_id)?.clone();
        let group = member
            .group_id
            .as_deref()
            .and_then(|g| d.branch.group_name(g))
            .unwrap_or_default()
            .to_string();
        Some((form, member, group))
    });
    let Some((form, member, group)) = found else {
        return view! { <p class="empty">"找不到这份自评表。"</p> }.into_any();
    };
    let title = form.kind.form_title(form.year);
    let text = share_text(&form, &member, &title);
    view! {
        <Paper
            title=title
            back=format!("/assess/form/{id}")
            share_text=Signal::derive(move || text.clone())
        >
            <FormBody form=form member=member group=group />
        </Paper>
    }
    .into_any()
}

fn share_text(form: &AssessmentForm, member: &Member, title: &str) -> String {
    let mut out = vec![title.to_string(), format!("姓名：{}", member.name)];
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

#[component]
fn FormBody(form: AssessmentForm, member: Member, group: String) -> impl IntoView {
    let grade = match no_grade_reason(&member) {
        Some(reason) => reason.to_string(),
        None => form
            .self_grade
            .map(|g| g.label().to_string())
            .unwrap_or_else(|| "（本人填写）".into()),
    };
    let member_review = form.kind.is_member_review();
    let overall = form.overall.clone().unwrap_or_default();
    let finished = form
        .finished_on()
        .map(format_chinese_date)
        .unwrap_or_else(|| "（草稿）".into());
    let dimensions: Vec<(String, String)> = DIMENSIONS
        .iter()
        .filter_map(|d| form.dimension(d).map(|r| (d.to_string(), r.to_string())))
        .collect();
    view! {
        <table class="form-table">
            <tbody>
                <FormRow label="姓名" value=member.name.clone() />
                <FormRow label="党员类别" value=member.standing.label() />
                <FormRow label="所在党小组" value=group />
                <FormRow label="职务" value=member.roles_label() />
                <FormRow label="填写日期" value=finished />
            </tbody>
        </table>
        {standards(form.kind)
            .iter()
            .map(|s| {
                let entry = form.entry(s.key).cloned().unwrap_or_default();
                view! {
                    <section class="paper-section">
                        <h2>{format!("{}（{}）", s.title, s.wording)}</h2>
                        <table class="grid-table standard-table">
                            <tbody>
                                <tr>
                                    <th class="col-label">"自我评价"</th>
                                    <td>
                                        {entry.rating.clone().unwrap_or_else(|| "未评".into())}
                                    </td>
                                </tr>
                                <tr>
                                    <th class="col-label">"自评情况"</th>
                                    <td>{text_block(&entry.facts)}</td>
                                </tr>
                                <tr>
                                    <th class="col-label">"存在问题"</th>
                                    <td>{text_block(&entry.problems)}</td>
                                </tr>
                                <tr>
                                    <th class="col-label">"整改措施"</th>
                                    <td>{text_block(&entry.measures)}</td>
                                </tr>
                            </tbody>
                        </table>
                    </section>
                }
            })
            .collect_view()}
        <Section title="分项测评" show=member_review && !dimensions.is_empty()>
            <p class="names">
                {dimensions
                    .iter()
                    .map(|(d, r)| format!("{d}：{r}"))
                    .collect::<Vec<_>>()
                    .join("；")}
            </p>
        </Section>
        <Section title="对照反向情形" show=member_review>
            <p class="names">
                {if form.negatives.is_empty() {
                    "无".to_string()
                } else {
                    form.negatives.join("；")
                }}
            </p>
        </Section>
        <Section title="自评等次" show=member_review>
            <p class="names">{grade}</p>
        </Section>
        <Section title="总体自我评价" show=!member_review>
            <p class="names">{overall}</p>
        </Section>
        <div class="signatures">
            <p>"本人签字：" <span class="sign-line"></span></p>
            <p>"日期：" <span class="sign-line short"></span></p>
        </div>
    }
}

fn text_block(text: &str) -> impl IntoView {
    let lines = paragraphs(text);
    if lines.is_empty() {
        return view! { <RuledLines count=3 /> }.into_any();
    }
    lines
        .into_iter()
        .map(|l| view! { <p class="cell-line">{l}</p> })
        .collect_view()
        .into_any()
}
