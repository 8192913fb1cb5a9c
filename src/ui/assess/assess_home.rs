//! The 评议 tab: who is filling in, which year, and their forms.

use crate::ui::link::A;
use leptos::prelude::*;

use super::assess_year_select::AssessYearSelect;
use super::default_year;
use super::form_cards::FormCards;
use crate::browser::local_storage;
use crate::domain::job::Area;
use crate::domain::roster::active_names;
use crate::store::device::{form_filler, FORM_FILLER_KEY};
use crate::ui::job::{use_may_edit, use_person};
use crate::ui::state::use_app;
use crate::ui::widgets::SelectField;

#[component]
pub fn AssessPage() -> impl IntoView {
    let state = use_app();
    let year = RwSignal::new(default_year());
    // Whose 自评 this phone may fill in: anyone's on the committee's (a
    // member without a phone of their own), only the owner's on a member's.
    let person = use_person();
    let fills = move |id: &str| {
        person.with(|p| {
            p.may_edit(&Area::SelfAssessment {
                member_id: id.to_string(),
            })
        })
    };
    // The 填写人: chosen here, else the phone's person (使用人).
    let chosen = RwSignal::new(local_storage::read_text(FORM_FILLER_KEY));
    let me = move || {
        let owner = state.device.with(|d| d.me.clone());
        chosen
            .with(|c| form_filler(c.as_deref(), owner.as_deref()).map(str::to_string))
            .filter(|id| fills(id))
            .or(owner)
            .filter(|id| state.doc.with(|doc| doc.member(id).is_some()))
    };
    // The phone's own person is the 填写人 without being chosen.
    let choose_filler = move |id: String| {
        let owner = state.device.with_untracked(|d| d.me.clone());
        let pick = Some(id).filter(|id| !id.is_empty() && Some(id) != owner.as_ref());
        if let Err(why) = local_storage::write_text(FORM_FILLER_KEY, pick.as_deref()) {
            state
                .notice
                .set(Some(format!("填写人没能保存在本机：{}", why.message())));
        }
        chosen.set(pick);
    };
    let members = move || {
        let mut names = state.doc.with(|d| active_names(&d.branch, &d.members));
        names.retain(|(id, _)| fills(id));
        names
    };
    // The tally is the secretary's; a member's phone offers their own forms.
    let tallies = use_may_edit(Area::Tallies);
    view! {
        <h1 class="page-title">"评议"</h1>
        <section class="card form">
            <SelectField
                label="填写人"
                name="me"
                on_change=move |v: String| {
                    choose_filler(v);
                }
                help="只保存在这台设备上，用来打开这个人的自评表；默认是本机的使用人（我的 › 这台手机），支委可以在自己的手机上替党员填写，本机仍属于使用人。"
            >
                <option value="" selected=move || me().is_none()>
                    "请选择本人"
                </option>
                {move || {
                    members()
                        .into_iter()
                        .map(|(id, name)| {
                            let chosen = id.clone();
                            view! {
                                <option
                                    value=id
                                    selected=move || me().as_deref() == Some(chosen.as_str())
                                >
                                    {name}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </SelectField>
            <AssessYearSelect year=year />
        </section>
        <Show
            when=move || me().is_some()
            fallback=|| {
                view! {
                    <p class="empty">
                        "先选择填写人。名册为空时，请在“我的 › 党员名册”添加党员。"
                    </p>
                }
            }
        >
            <FormCards me=Signal::derive(me) year=year />
            {move || {
                me()
                    .map(|id| {
                        view! {
                            <A href=format!("/assess/history/{id}") attr:class="card link-card">
                                <span>"历年自评对比"</span>
                                <span class="muted small">"›"</span>
                            </A>
                        }
                    })
            }}
        </Show>
        <Show when=move || tallies.get()>
            <A href=move || format!("/assess/review/{}", year.get()) attr:class="card link-card">
                <span>"支部民主评议汇总（书记用）"</span>
                <span class="muted small">"导入党员自评，确定等次 ›"</span>
            </A>
        </Show>
    }
}
