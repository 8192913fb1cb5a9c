//! 我的 › 这台手机: who uses it, what that makes it show first, and the
//! switch for a member who helps the committee. Nobody is locked out.

use leptos::prelude::*;

use super::use_person;
use crate::domain::job::Job;
use crate::domain::roster::active_names;
use crate::ui::state::use_app;
use crate::ui::widgets::SelectField;

#[component]
pub fn ThisPhoneCard() -> impl IntoView {
    let state = use_app();
    let person = use_person();
    let members = move || state.doc.with(|d| active_names(&d.branch, &d.members));
    let chosen = move || person.with(|p| p.member_id.clone());
    let job = move || person.with(|p| p.job.clone());
    let body = move || {
        view! {
            <p data-testid="this-phone-job">{move || person.with(|p| p.describe())}</p>
            <SelectField
                label="使用人"
                name="phone-owner"
                on_change=move |v: String| state.set_me(if v.is_empty() { None } else { Some(v) })
            >
                <option value="" selected=move || chosen().is_none()>
                    "未选择（显示全部）"
                </option>
                {move || {
                    members()
                        .into_iter()
                        .map(|(id, name)| {
                            let mine = id.clone();
                            view! {
                                <option
                                    value=id
                                    selected=move || chosen().as_deref() == Some(mine.as_str())
                                >
                                    {name}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </SelectField>
            {move || {
                let (everything, says) = match job() {
                    Job::Member | Job::GroupLeader { .. } => (true, "我是支委，显示全部"),
                    Job::ChoseEverything => (false, "只显示我本人的工作"),
                    Job::Keeper | Job::Committee => return None,
                };
                Some(
                    view! {
                        <button
                            class="button"
                            type="button"
                            on:click=move |_| state.set_shows_everything(everything)
                        >
                            {says}
                        </button>
                    },
                )
            }}
            <p class="hint">
                "没有账号，数据也不上传：这里只决定本机先显示什么和可以修改什么。职务以党员名册为准（书记、委员显示全部，党小组长另有本党小组的月度工作）；任何页面都可以打开查看。"
            </p>
        }
    };
    // Nobody chosen (the phone that set the branch up): one line under
    // 我的's rows until tapped, not a card above them.
    let unchosen = Memo::new(move |_| person.with(|p| p.member_id.is_none()));
    move || {
        if unchosen.get() {
            view! {
                <details class="card form this-phone" data-testid="this-phone">
                    <summary class="this-phone-ask">
                        "这台手机是谁的？" <span class="muted">"　选择"</span>
                    </summary>
                    {body()}
                </details>
            }
            .into_any()
        } else {
            view! {
                <section class="card form this-phone" data-testid="this-phone">
                    <h2 class="card-title">"这台手机"</h2>
                    {body()}
                </section>
            }
            .into_any()
        }
    }
}
