//! 谈心谈话记录: 谈话人, 谈话对象, 时间, 地点 and what was said, with ruled
//! lines where nothing is written yet.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::meeting_record::{paragraphs, RuledLines};
use super::paper::{FormRow, Paper};
use crate::domain::record_sheet::talk_sheet;
use crate::ui::state::use_app;

#[component]
pub fn TalkRecordPrint() -> impl IntoView {
    let state = use_app();
    let params = use_params_map();
    move || {
        state.doc.track();
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        view! { <TalkRecordView id=id /> }
    }
}

#[component]
fn TalkRecordView(id: String) -> impl IntoView {
    let state = use_app();
    let sheet = state
        .doc
        .with_untracked(|d| d.talk(&id).map(|t| talk_sheet(d, t)));
    let branch = state.doc.with_untracked(|d| d.branch.name.clone());
    let Some(sheet) = sheet else {
        return view! { <p class="empty">"找不到这条谈话记录。"</p> }.into_any();
    };
    let text = sheet.as_text(&branch);
    let block = |title: &'static str, body: &str, lines: usize| {
        let body = paragraphs(body);
        view! {
            <section class="paper-section">
                <h2>{title}</h2>
                {if body.is_empty() {
                    view! { <RuledLines count=lines /> }.into_any()
                } else {
                    view! {
                        <div class="prose">
                            {body.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
                        </div>
                    }
                        .into_any()
                }}
            </section>
        }
    };
    view! {
        <Paper
            title="谈心谈话记录".into()
            back=format!("/talks/{id}")
            share_text=Signal::derive(move || text.clone())
        >
            <table class="form-table">
                <tbody>
                    <FormRow label="谈话人" value=sheet.talker.clone() />
                    <FormRow label="谈话对象" value=sheet.talkees.clone() />
                    <FormRow label="时间" value=sheet.when.clone() />
                    <FormRow label="地点" value=sheet.place.clone() />
                    <FormRow label="谈话主题" value=sheet.topic.clone() />
                </tbody>
            </table>
            {block("谈话主要内容", &sheet.content, 10)}
            {block("对方意见建议", &sheet.opinions, 4)}
            {block("需跟进事项", &sheet.follow_up, 3)}
            <div class="signatures">
                <p>"谈话人（签字）：" <span class="sign-line"></span></p>
                <p>"谈话对象（签字）：" <span class="sign-line"></span></p>
            </div>
        </Paper>
    }
    .into_any()
}
