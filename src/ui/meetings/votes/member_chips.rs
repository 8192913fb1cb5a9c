//! A few members picked from those at the meeting (监票人, 计票人): chips
//! that take one away, and a list to add another.

use leptos::prelude::*;

use super::add_member_select::AddMemberSelect;
use crate::domain::rules::attendance::due_members_in_order;
use crate::ui::handles::MeetingHandle;

#[component]
pub fn MemberChips(
    label: &'static str,
    name: &'static str,
    meeting: MeetingHandle,
    #[prop(into)] chosen: Signal<Vec<String>>,
    /// Members who may not be picked here (the candidates, for 监票人).
    #[prop(into)]
    exclude: Signal<Vec<String>>,
    #[prop(into)] on_change: Callback<Vec<String>>,
) -> impl IntoView {
    let state = meeting.state;
    let name_of = move |id: &str| {
        state
            .doc
            .with(|d| d.member(id).map(|m| m.name.clone()).unwrap_or_default())
    };
    let offered = move || {
        let chosen = chosen.get();
        let exclude = exclude.get();
        state.doc.with(|d| {
            meeting
                .with(|m| {
                    due_members_in_order(&d.branch, m, &d.members)
                        .into_iter()
                        .filter(|x| !chosen.contains(&x.id) && !exclude.contains(&x.id))
                        .map(|x| (x.id.clone(), x.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <fieldset class="field plain">
            <legend>{label}</legend>
            <div class="chips-row">
                {move || {
                    chosen
                        .get()
                        .into_iter()
                        .map(|id| {
                            let text = name_of(&id);
                            view! {
                                <button
                                    type="button"
                                    class="chip-toggle on small"
                                    aria-label=format!("移除{text}")
                                    on:click=move |_| {
                                        let mut ids = chosen.get_untracked();
                                        ids.retain(|x| *x != id);
                                        on_change.run(ids);
                                    }
                                >
                                    {format!("{text} ×")}
                                </button>
                            }
                        })
                        .collect_view()
                }}
            </div>
            <AddMemberSelect
                name=name
                aria_label=label
                prompt="＋ 添加"
                chosen=chosen
                offered=Signal::derive(offered)
                on_pick=move |v: String| {
                    let mut ids = chosen.get_untracked();
                    if !ids.contains(&v) {
                        ids.push(v);
                    }
                    on_change.run(ids);
                }
            />
        </fieldset>
    }
}
