//! The 党小组 a member belongs to.

use leptos::prelude::*;

use crate::ui::state::use_app;

#[component]
pub fn GroupField(group: RwSignal<Option<String>>) -> impl IntoView {
    let state = use_app();
    let groups = move || state.doc.with(|d| d.branch.groups.clone());
    view! {
        <label class="field">
            <span>"党小组"</span>
            <select
                name="group"
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    group.set(if v.is_empty() { None } else { Some(v) });
                }
            >
                <option value="" selected=move || group.get().is_none()>
                    "不属于党小组"
                </option>
                <For each=groups key=|g| g.id.clone() let:g>
                    {
                        let gid = g.id.clone();
                        view! {
                            <option
                                value=g.id.clone()
                                selected=move || group.get().as_deref() == Some(gid.as_str())
                            >
                                {g.name}
                            </option>
                        }
                    }
                </For>
            </select>
        </label>
    }
}
