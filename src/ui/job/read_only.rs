//! The branch's screens on a phone that may not edit them: everything
//! shows, nothing that changes the records is offered, and one line says who
//! keeps them and how to change that. Not a lock: there is no account, and
//! 我的 has a switch. Who may edit what is `Person::may_edit`, asked here
//! for every screen.

use leptos::context::Provider;
use leptos::prelude::*;

use super::use_person;
use crate::domain::job::Area;
use crate::ui::link::A;

/// Whether this phone offers the edits of `area`.
pub fn use_may_edit(area: Area) -> Memo<bool> {
    let person = use_person();
    Memo::new(move |_| person.with(|p| p.may_edit(&area)))
}

/// Whether the fields inside a `ReadOnly` may be changed here: a field
/// that shows the browser's own face when empty (a date's "年/月/日") says
/// "未填" instead where they may not.
#[derive(Clone, Copy)]
struct ReadOnlyFrame {
    editable: Memo<bool>,
}

/// Whether the fields here are inside a `ReadOnly` that this phone may not
/// edit: an empty date then reads "未填" (`DateInput`, `DateBox`).
pub fn use_frozen() -> impl Fn() -> bool + Copy {
    let frame = use_context::<ReadOnlyFrame>();
    move || frame.is_some_and(|f| !f.editable.get())
}

/// Its children as they are on a phone that may edit `area`; elsewhere
/// "…由…填写" and the children inside a disabled fieldset, whose stylesheet
/// shows only the chosen marks (出席, 合格…) and no buttons that would
/// change them. `quiet` leaves the line out (a part of a page whose
/// heading already says who fills it in).
#[component]
pub fn ReadOnly(area: Area, #[prop(optional)] quiet: bool, children: Children) -> impl IntoView {
    let line = area.kept_by();
    let editable = use_may_edit(area);
    view! {
        {move || {
            (!quiet && !editable.get())
                .then(|| {
                    view! {
                        <p class="card hint read-only-note" data-testid="read-only-note">
                            {line.clone()}
                            " "
                            <A href="/mine">"我是支委或帮忙记录 ›"</A>
                        </p>
                    }
                })
        }}
        <fieldset
            class="as-is"
            class:read-only=move || !editable.get()
            disabled=move || !editable.get()
        >
            <Provider value=ReadOnlyFrame { editable }>{children()}</Provider>
        </fieldset>
    }
}

/// Its children only where the `ReadOnly` around it may be edited here (the
/// buttons that add or delete, which a phone that only looks has no use
/// for), so a page names its area once, on the `ReadOnly`. Outside any
/// `ReadOnly` they always show.
#[component]
pub fn WhereEditable(children: ChildrenFn) -> impl IntoView {
    let frozen = use_frozen();
    view! { <Show when=move || !frozen()>{children()}</Show> }
}
