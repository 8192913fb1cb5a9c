//! "你是谁？": the member picks their own name from the roster that just
//! arrived. The phone remembers it for 交给书记 and the self-assessment.

use leptos::prelude::*;

use crate::ui::state::use_app;

#[component]
pub fn WhoAmI(#[prop(into)] on_done: Callback<()>) -> impl IntoView {
    let state = use_app();
    // The roster in the order the package holds it: the secretary's phone
    // writes a 支部资料包's roster in the branch's order of names
    // (`Core::package_listing`), so this page needs none of the character
    // tables that order them (about 6 KB gzip on the link's first load).
    let names: Vec<(String, String)> = state.doc.with_untracked(|d| {
        d.members
            .iter()
            .filter(|m| m.is_active())
            .map(|m| (m.id.clone(), m.name.clone()))
            .collect()
    });
    let pick = move |id: Option<String>| {
        state.set_me(id);
        on_done.run(());
    };
    view! {
        <div class="who-am-i" data-testid="who-am-i">
            <h1 class="page-title">"你是谁？"</h1>
            <p class="hint">
                "点自己的名字。本机会记住，交材料给书记和自评时用；以后可在“评议”页的“填写人”里改。"
            </p>
            <div class="name-grid">
                {names
                    .into_iter()
                    .map(|(id, name)| {
                        view! {
                            <button
                                class="button name"
                                type="button"
                                on:click=move |_| pick(Some(id.clone()))
                            >
                                {name}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <button class="link-button" type="button" on:click=move |_| pick(None)>
                "名单上没有我，先不选"
            </button>
        </div>
    }
}
