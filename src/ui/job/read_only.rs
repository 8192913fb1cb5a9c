//! The committee's screens on a member's phone: everything shows, nothing
//! that changes the branch's records is offered, and a line says why and
//! how to change it. Not a lock: there is no account, and 我的 has a switch.

use leptos::prelude::*;

use super::use_sees_everything;
use crate::ui::link::A;

/// Its children as they are on a phone that sees everything; elsewhere
/// inside a disabled fieldset, whose stylesheet shows only the chosen
/// marks (出席, 合格…) and no buttons that would change them.
#[component]
pub fn ReadOnly(children: Children) -> impl IntoView {
    let everything = use_sees_everything();
    view! {
        <fieldset
            class="as-is"
            class:read-only=move || !everything.get()
            disabled=move || !everything.get()
        >
            {children()}
        </fieldset>
    }
}

/// "只供查看" with the way to change it, on a phone that does not see
/// everything; nothing elsewhere.
#[component]
pub fn ReadOnlyNote(what: &'static str) -> impl IntoView {
    let everything = use_sees_everything();
    move || {
        (!everything.get()).then(|| {
            view! {
                <p class="card hint" data-testid="read-only-note">
                    {format!("{what}由支委填写，本机只供查看。")}
                    <A href="/mine">"我是支委或帮忙记录 ›"</A>
                </p>
            }
        })
    }
}
