//! One 谈心谈话 record: 谈话人, 谈话对象, when and where, what was said, what
//! the other side suggested and what to follow up. Saved as it is typed.

use crate::domain::job::Area;
use crate::ui::job::ReadOnly;
use leptos::prelude::*;

use crate::domain::meeting::PersonRef;
use crate::ui::draft_text::{DraftInput, DraftTextArea};
use crate::ui::handles::TalkHandle;
use crate::ui::paging::list_address;
use crate::ui::person_picker::PersonPicker;
use crate::ui::widgets::{
    delete_after_asking, toggle_in, DateInput, MemberToggles, PageHeader, PrintButton, RecordPage,
};

#[component]
pub fn TalkPage() -> impl IntoView {
    view! {
        <RecordPage
            title="谈心谈话"
            back=list_address("/talks")
            missing="找不到这条谈话记录，可能已被删除。"
            editor=|talk: TalkHandle| view! { <TalkForm talk=talk /> }
        />
    }
}

#[component]
fn TalkForm(talk: TalkHandle) -> impl IntoView {
    let state = talk.state;
    let date = talk.part(|t| t.date);
    let delete = delete_after_asking("删除这条谈心谈话记录？", "/talks", move || {
        state.delete_talk(&talk.id())
    });
    let id = talk.id();
    view! {
        <PageHeader title="谈心谈话" back=list_address("/talks") />
        <ReadOnly area=Area::Talks>
            <section class="card form">
                <DateInput
                    label="谈话日期"
                    name="talk-date"
                    value=date
                    on_change=move |d| talk.edit(move |t| t.date = d)
                />
                <PersonPicker
                    label="谈话人"
                    name="talker"
                    value=talk.part(|t| t.talker.clone())
                    on_change=Callback::new(move |p: PersonRef| {
                        talk.edit(move |t| t.talker = p.clone())
                    })
                />
                <Talkees talk=talk />
                <DraftInput
                    label="地点"
                    name="talk-place"
                    placeholder="可不填"
                    value=talk.text(|t| t.place.clone())
                    on_save=talk.saver(|t, v| t.place = v.trim().to_string())
                />
                <DraftInput
                    label="谈话主题"
                    name="talk-topic"
                    placeholder="如：了解思想和工作情况"
                    value=talk.text(|t| t.topic.clone())
                    on_save=talk.saver(|t, v| t.topic = v.trim().to_string())
                />
            </section>
            <section class="card form">
                <DraftTextArea
                    label="谈话主要内容"
                    name="talk-content"
                    rows=5
                    value=talk.text(|t| t.content.clone())
                    on_save=talk.saver(|t, v| t.content = v)
                />
                <DraftTextArea
                    label="对方意见建议"
                    name="talk-opinions"
                    value=talk.text(|t| t.opinions.clone())
                    on_save=talk.saver(|t, v| t.opinions = v)
                />
                <DraftTextArea
                    label="需跟进事项"
                    name="talk-follow-up"
                    rows=2
                    value=talk.text(|t| t.follow_up.clone())
                    on_save=talk.saver(|t, v| t.follow_up = v)
                />
            </section>
            <section class="card actions">
                <PrintButton href=format!("/print/talk/{id}") label="打印谈心谈话记录" />
                <button class="button danger" on:click=delete>
                    "删除这条记录"
                </button>
            </section>
        </ReadOnly>
    }
}

/// 谈话对象: one or more members, tapped on and off.
#[component]
fn Talkees(talk: TalkHandle) -> impl IntoView {
    let chosen = talk.part(|t| t.talkees.clone());
    let talker = talk.part(|t| t.talker.member_id.clone());
    view! {
        <fieldset class="field plain">
            <legend>
                {move || format!("谈话对象（已选 {} 人）", chosen.with(Vec::len))}
            </legend>
            <MemberToggles
                chosen=chosen
                hidden_for=talker
                on_toggle=move |(id, chosen): (String, bool)| {
                    talk.edit(move |t| toggle_in(&mut t.talkees, &id, chosen))
                }
            />
        </fieldset>
    }
}
