//! The 党小组 a member or a meeting belongs to.

use leptos::prelude::*;

use super::SelectField;
use crate::ui::state::use_app;

/// A 党小组 chosen from the branch's list, and perhaps none of them.
#[component]
pub fn GroupSelect(
    /// The 党小组's id, `None` for none of them.
    value: RwSignal<Option<String>>,
    /// The text of the choice of none ("不属于党小组", "全支部"), offered
    /// while this is `Some`.
    #[prop(into)]
    none: Signal<Option<&'static str>>,
    /// Called after each choice (a form clears its error).
    #[prop(optional, into)]
    on_pick: Option<Callback<()>>,
) -> impl IntoView {
    let state = use_app();
    let groups = move || state.doc.with(|d| d.branch.groups.clone());
    view! {
        <SelectField
            label="党小组"
            name="group"
            on_change=move |v: String| {
                value.set((!v.is_empty()).then_some(v));
                if let Some(picked) = on_pick {
                    picked.run(());
                }
            }
        >
            {move || {
                none.get()
                    .map(|text| {
                        view! {
                            <option value="" selected=move || value.with(Option::is_none)>
                                {text}
                            </option>
                        }
                    })
            }}
            <For each=groups key=|g| g.id.clone() let:g>
                {
                    let id = g.id.clone();
                    view! {
                        <option
                            value=g.id.clone()
                            selected=move || value.with(|v| v.as_deref() == Some(id.as_str()))
                        >
                            {g.name}
                        </option>
                    }
                }
            </For>
        </SelectField>
    }
}
