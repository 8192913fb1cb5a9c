//! The branch's active members as chips tapped on and off.

use leptos::prelude::*;

use crate::domain::roster::active_names;
use crate::ui::state::use_app;

/// The active members in the branch's order, each a chip that is on while
/// `chosen` holds their id; a tap asks `on_toggle` to take them in or out.
#[component]
pub fn MemberToggles(
    /// The ids of the members chosen.
    #[prop(into)]
    chosen: Signal<Vec<String>>,
    /// The id of a member whose chip is hidden (the talker, whom a talk
    /// cannot take as its other side); none when every chip shows.
    #[prop(optional, into)]
    hidden_for: Option<Signal<Option<String>>>,
    /// Called with a tapped member's id and whether they are now chosen.
    #[prop(into)]
    on_toggle: Callback<(String, bool)>,
) -> impl IntoView {
    let state = use_app();
    let members = move || state.doc.with(|d| active_names(&d.branch, &d.members));
    view! {
        <div class="chips-row">
            <For each=members key=|(id, name)| (id.clone(), name.clone()) let:member>
                {
                    let (id, name) = member;
                    let on = {
                        let id = id.clone();
                        Signal::derive(move || chosen.with(|c| c.contains(&id)))
                    };
                    let hidden = {
                        let id = id.clone();
                        move || {
                            hidden_for
                                .is_some_and(|h| h.with(|h| h.as_deref() == Some(id.as_str())))
                        }
                    };
                    view! {
                        <button
                            type="button"
                            class="chip-toggle small"
                            class:on=on
                            hidden=hidden
                            aria-pressed=move || on.get().to_string()
                            on:click=move |_| on_toggle.run((id.clone(), !on.get_untracked()))
                        >
                            {name}
                        </button>
                    }
                }
            </For>
        </div>
    }
}

/// Takes `id` into `list` (at its end) or out of it, as `chosen` says.
pub fn toggle_in(list: &mut Vec<String>, id: &str, chosen: bool) {
    list.retain(|x| x != id);
    if chosen {
        list.push(id.to_string());
    }
}
