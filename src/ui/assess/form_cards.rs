//! The 填写人's forms of the year, one card each with how far it is filled
//! in; opening one that is not started makes it first.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::browser::clock;
use crate::domain::assessment::{form_for, kinds_for, new_form, AssessmentKind};
use crate::ui::state::use_app;

#[component]
pub(super) fn FormCards(
    /// The 填写人.
    me: Signal<Option<String>>,
    year: RwSignal<i32>,
) -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let open_form = move |kind: AssessmentKind| {
        let Some(member_id) = me.get() else { return };
        let y = year.get_untracked();
        let existing = state
            .doc
            .with_untracked(|d| form_for(d, &member_id, y, kind).map(|f| f.id.clone()));
        let id = match existing {
            Some(id) => id,
            None => {
                let id = clock::new_id("as");
                let form = new_form(&id, &member_id, y, kind);
                state.edit_form(&id, move |d| {
                    if d.assessment(&form.id).is_none() {
                        d.assessments.push(form.clone());
                    }
                });
                id
            }
        };
        navigate(&format!("/assess/form/{id}"), Default::default());
    };
    let open_form = StoredValue::new(open_form);
    let cards = move || {
        let Some(member_id) = me.get() else {
            return Vec::new();
        };
        let y = year.get();
        state.doc.with(|d| {
            let Some(member) = d.member(&member_id) else {
                return Vec::new();
            };
            kinds_for(member)
                .into_iter()
                .map(|kind| {
                    let status = match form_for(d, &member_id, y, kind) {
                        None => "未开始".to_string(),
                        Some(f) if f.is_finished() => format!(
                            "已完成（{}）",
                            f.finished_on().map(|d| d.to_string()).unwrap_or_default()
                        ),
                        Some(_) => "填写中".to_string(),
                    };
                    (kind, status)
                })
                .collect::<Vec<_>>()
        })
    };
    move || {
        cards()
            .into_iter()
            .map(|(kind, status)| {
                view! {
                    <section class="card">
                        <h2 class="card-title row-between">
                            {kind.form_title(year.get())}
                            <span class="badge">{status.clone()}</span>
                        </h2>
                        <p class="hint">{kind.help_text()}</p>
                        <button
                            class="button primary"
                            on:click=move |_| open_form.with_value(|open| open(kind))
                        >
                            {if status == "未开始" { "开始填写" } else { "打开" }}
                        </button>
                    </section>
                }
            })
            .collect_view()
    }
}
