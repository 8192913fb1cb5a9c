//! 党支部工作记录 for one meeting.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::election_bases::ElectionBases;
use super::election_record::ElectionRecord;
use super::paper::{FormRow, Paper};
use crate::domain::record_sheet::{meeting_sheet, MeetingSheet};
use crate::ui::state::use_app;

/// Follows the address and the stored data: another id in the address,
/// or another page's edit, draws the view again.
#[component]
pub fn MeetingRecordPrint() -> impl IntoView {
    let state = use_app();
    let params = use_params_map();
    move || {
        state.doc.track();
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        view! { <MeetingRecordView id=id /> }
    }
}

#[component]
fn MeetingRecordView(id: String) -> impl IntoView {
    let state = use_app();
    let sheet = state
        .doc
        .with_untracked(|d| d.meeting(&id).map(|m| meeting_sheet(d, m)));
    let branch = state.doc.with_untracked(|d| d.branch.name.clone());
    match sheet {
        None => view! { <p class="empty">"找不到这次会议。"</p> }.into_any(),
        Some(sheet) => {
            let text = sheet.as_text(&branch);
            view! {
                <Paper
                    title="党支部工作记录".into()
                    back=format!("/meetings/{id}")
                    share_text=Signal::derive(move || text.clone())
                >
                    <RecordBody sheet=sheet />
                </Paper>
            }
            .into_any()
        }
    }
}

#[component]
fn RecordBody(sheet: MeetingSheet) -> impl IntoView {
    let counts = sheet.attendance();
    let bases: Vec<String> = sheet.votes.iter().fold(Vec::new(), |mut seen, v| {
        if !seen.contains(&v.basis) {
            seen.push(v.basis.clone());
        }
        seen
    });
    let kind = if sheet.sequence.is_empty() {
        sheet.kind.clone()
    } else {
        format!("{}（{}）", sheet.kind, sheet.sequence)
    };
    view! {
        <table class="form-table">
            <tbody>
                <FormRow label="会议类型" value=kind />
                {(!sheet.for_year.is_empty())
                    .then(|| {
                        view! { <FormRow label="所属年度" value=sheet.for_year.clone() /> }
                    })}
                <FormRow label="时间" value=sheet.when.clone() />
                <FormRow label="地点" value=sheet.place.clone() />
                <FormRow label="主题" value=sheet.theme.clone() />
                <FormRow label="主持人" value=sheet.host.clone() />
                <FormRow label="记录人" value=sheet.recorder.clone() />
                {(!sheet.lecturer.is_empty())
                    .then(|| view! { <FormRow label="讲课人" value=sheet.lecturer.clone() /> })}
                {(!sheet.observers.is_empty())
                    .then(|| {
                        view! { <FormRow label="列席人员" value=sheet.observers.clone() /> }
                    })}
                <FormRow label="到会情况" value=counts />
                <FormRow label="缺席人员及原因" value=sheet.away_names.clone() />
                {(!sheet.quorum.is_empty())
                    .then(|| {
                        view! { <FormRow label="会议是否有效" value=sheet.quorum.clone() /> }
                    })}
            </tbody>
        </table>
        <Section title="出席人员" show=!sheet.present_names.is_empty()>
            <p class="names">{sheet.present_names.join("、")}</p>
        </Section>
        <Section title="议题" show=!sheet.agenda.is_empty()>
            <ol class="paper-list">
                {sheet.agenda.iter().map(|a| view! { <li>{a.clone()}</li> }).collect_view()}
            </ol>
        </Section>
        <Section title="学习篇目" show=!sheet.materials.is_empty()>
            <ol class="paper-list">
                {sheet.materials.iter().map(|a| view! { <li>{a.clone()}</li> }).collect_view()}
            </ol>
        </Section>
        <Section title="主要内容" show=true>
            {if sheet.minutes.trim().is_empty() {
                view! { <RuledLines count=10 /> }.into_any()
            } else {
                view! {
                    <div class="prose">
                        {paragraphs(&sheet.minutes)
                            .into_iter()
                            .map(|p| view! { <p>{p}</p> })
                            .collect_view()}
                    </div>
                }
                    .into_any()
            }}
        </Section>
        <Section title="发言摘要" show=!sheet.speeches.is_empty()>
            <div class="prose">
                {sheet
                    .speeches
                    .iter()
                    .map(|(who, what)| {
                        view! {
                            <p>
                                <strong>{format!("{who}：")}</strong>
                                {what.clone()}
                            </p>
                        }
                    })
                    .collect_view()}
            </div>
        </Section>
        <Section title="决议及表决情况" show=!sheet.votes.is_empty()>
            <table class="grid-table">
                <thead>
                    <tr>
                        <th class="num">"序号"</th>
                        <th>"表决事项"</th>
                        <th class="num">"赞成"</th>
                        <th class="num">"反对"</th>
                        <th class="num">"弃权"</th>
                        <th class="col-result">"结果"</th>
                    </tr>
                </thead>
                <tbody>
                    {sheet
                        .votes
                        .iter()
                        .enumerate()
                        .map(|(i, v)| {
                            view! {
                                <tr>
                                    <td class="num">{i + 1}</td>
                                    <td>{v.motion.clone()}</td>
                                    <td class="num">{v.in_favour}</td>
                                    <td class="num">{v.against}</td>
                                    <td class="num">{v.abstain}</td>
                                    <td class="col-result">{v.result.clone()}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            {sheet
                .votes
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    view! {
                        <p class="vote-sentence">
                            {format!("第 {} 项：{}。", i + 1, v.sentence)}
                        </p>
                    }
                })
                .collect_view()}
            {bases.into_iter().map(|b| view! { <p class="small-print">{b}</p> }).collect_view()}
        </Section>
        <Section title="选举情况" show=!sheet.elections.is_empty()>
            {sheet
                .elections
                .iter()
                .map(|e| view! { <ElectionRecord sheet=e.clone() /> })
                .collect_view()}
            <ElectionBases sheets=sheet.elections.clone() />
        </Section>
        <Section title="不计算在应到会人数之内的党员" show=!sheet.excluded.is_empty()>
            <p class="names">
                {format!(
                    "{}（经报上级党组织同意并经党员大会通过）",
                    sheet.excluded.join("、"),
                )}
            </p>
        </Section>
        <Section title="决议落实" show=!sheet.follow_ups.is_empty()>
            <table class="grid-table">
                <thead>
                    <tr>
                        <th>"事项"</th>
                        <th class="col-person">"责任人"</th>
                        <th class="col-date">"时限"</th>
                        <th class="col-state">"状态"</th>
                    </tr>
                </thead>
                <tbody>
                    {sheet
                        .follow_ups
                        .iter()
                        .map(|f| {
                            view! {
                                <tr>
                                    <td>{f.task.clone()}</td>
                                    <td class="col-person">{f.owner.clone()}</td>
                                    <td class="col-date">{f.due.clone()}</td>
                                    <td class="col-state">{f.state.clone()}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </Section>
        <Section title="重点任务" show=!sheet.tasks.is_empty()>
            <ul class="paper-list">
                {sheet.tasks.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}
            </ul>
        </Section>
        <Section title="补学情况" show=!sheet.makeups.is_empty()>
            <p class="names">{sheet.makeups.join("；")}</p>
        </Section>
        <Section title="备注" show=!sheet.remarks.is_empty() || !sheet.kept.is_empty()>
            <div class="prose">
                {paragraphs(&sheet.remarks)
                    .into_iter()
                    .map(|p| view! { <p>{p}</p> })
                    .collect_view()}
                {(!sheet.kept.is_empty())
                    .then(|| view! { <p>{format!("留存材料：{}", sheet.kept)}</p> })}
            </div>
        </Section>
        <div class="signatures">
            <p>"主持人（签字）：" <span class="sign-line"></span></p>
            <p>"记录人（签字）：" <span class="sign-line"></span></p>
            <p>"日期：" <span class="sign-line short"></span></p>
        </div>
    }
}

/// Ruled lines left for handwriting where a record has no text yet: a filed
/// record never says 未填写.
#[component]
pub fn RuledLines(count: usize) -> impl IntoView {
    view! {
        <div class="ruled-lines" aria-label="留空供手写">
            {(0..count).map(|_| view! { <span class="ruled-line"></span> }).collect_view()}
        </div>
    }
}

/// A titled part of a record; absent parts are left out rather than
/// printed empty.
#[component]
pub fn Section(title: &'static str, show: bool, children: Children) -> impl IntoView {
    show.then(|| {
        view! {
            <section class="paper-section">
                <h2>{title}</h2>
                {children()}
            </section>
        }
    })
}

pub fn paragraphs(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}
