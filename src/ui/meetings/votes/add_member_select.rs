//! A list of members to add one from, back at its prompt after each.

use leptos::prelude::*;

/// A select of the members offered; picking one adds them, and the select
/// goes back to its prompt once they are among those chosen.
#[component]
pub fn AddMemberSelect(
    name: &'static str,
    aria_label: &'static str,
    /// The first line, standing for "nobody yet" ("＋ 添加").
    prompt: &'static str,
    /// The members chosen so far.
    #[prop(into)]
    chosen: Signal<Vec<String>>,
    /// The members offered, `(id, name)`.
    #[prop(into)]
    offered: Signal<Vec<(String, String)>>,
    /// Called with the member picked.
    #[prop(into)]
    on_pick: Callback<String>,
) -> impl IntoView {
    view! {
        <select
            name=name
            aria-label=aria_label
            prop:value=move || {
                chosen.track();
                String::new()
            }
            on:change=move |ev| {
                let v = event_target_value(&ev);
                if !v.is_empty() {
                    on_pick.run(v);
                }
            }
        >
            <option value="">{prompt}</option>
            {move || {
                offered
                    .get()
                    .into_iter()
                    .map(|(id, name)| view! { <option value=id>{name}</option> })
                    .collect_view()
            }}
        </select>
    }
}
