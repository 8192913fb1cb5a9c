//! A row of a menu that opens a page.

use crate::ui::icons;
use crate::ui::link::A;
use leptos::prelude::*;

/// One row of a menu: a label, an optional detail, a chevron.
#[component]
pub fn MenuRow(
    /// The page the row opens.
    #[prop(into)]
    href: String,
    /// What the page is.
    #[prop(into)]
    label: String,
    /// A short state at the row's end ("3 项待办"); empty for none.
    #[prop(into)]
    detail: Signal<String>,
) -> impl IntoView {
    view! {
        <A href=href attr:class="menu-row">
            <span class="menu-label">{label}</span>
            <span class="menu-detail">{detail}</span>
            {icons::chevron()}
        </A>
    }
}
