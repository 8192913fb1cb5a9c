//! Choosing a person: someone from the roster, or a name typed by hand
//! (a guest lecturer, a leader from the 上级党组织).

use leptos::prelude::*;

use crate::domain::meeting::PersonRef;
use crate::domain::roster::active_names;
use crate::ui::state::use_app;

const TYPED: &str = "__typed";

/// The options of a select of members (`(id, name)`, in the order given),
/// the one whose id is `chosen` selected as the select is drawn.
pub fn member_options(members: Vec<(String, String)>, chosen: &str) -> impl IntoView {
    members
        .into_iter()
        .map(|(id, name)| {
            let selected = id == chosen;
            view! {
                <option value=id selected=selected>
                    {name}
                </option>
            }
        })
        .collect_view()
}

#[component]
pub fn PersonPicker(
    #[prop(into)] label: String,
    #[prop(into)] name: String,
    #[prop(into)] value: Signal<PersonRef>,
    #[prop(into)] on_change: Callback<PersonRef>,
) -> impl IntoView {
    let state = use_app();
    let members = move || state.doc.with(|d| active_names(&d.branch, &d.members));
    let typing =
        RwSignal::new(value.with_untracked(|p| p.member_id.is_none() && !p.name.is_empty()));
    let selected = move || match value.with(|p| p.member_id.clone()) {
        Some(id) => id,
        None if typing.get() => TYPED.to_string(),
        None => String::new(),
    };
    let typed_label = format!("{label}（手动填写）");
    view! {
        <label class="field">
            <span>{label}</span>
            <select
                name=name
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    typing.set(v == TYPED);
                    match v.as_str() {
                        "" | TYPED => on_change.run(PersonRef::default()),
                        id => {
                            on_change
                                .run(PersonRef {
                                    member_id: Some(id.to_string()),
                                    name: String::new(),
                                })
                        }
                    }
                }
            >
                <option value="" selected=move || selected().is_empty()>
                    "未指定"
                </option>
                {move || {
                    members()
                        .into_iter()
                        .map(|(id, n)| {
                            let chosen = id.clone();
                            view! {
                                <option value=id selected=move || selected() == chosen>
                                    {n}
                                </option>
                            }
                        })
                        .collect_view()
                }}
                <option value=TYPED selected=move || selected() == TYPED>
                    "其他（手动填写）"
                </option>
            </select>
            <Show when=move || typing.get()>
                <input
                    type="text"
                    placeholder="姓名、职务"
                    maxlength="100"
                    aria-label=typed_label.clone()
                    prop:value=move || value.with(|p| p.name.clone())
                    on:change=move |ev| {
                        on_change
                            .run(PersonRef {
                                member_id: None,
                                name: event_target_value(&ev).trim().to_string(),
                            })
                    }
                />
            </Show>
        </label>
    }
}
