//! Small pieces that many screens use.

use leptos::prelude::*;
use leptos_router::components::A;

use super::icons;

/// A page title with a way back to where the page was opened from.
#[component]
pub fn PageHeader(title: &'static str, #[prop(into)] back: String) -> impl IntoView {
    view! {
        <header class="page-header">
            <A href=back attr:class="back" attr:aria-label="返回">"‹ 返回"</A>
            <h1 class="page-title">{title}</h1>
        </header>
    }
}

/// One row of a menu: a label, an optional detail, a chevron.
#[component]
pub fn MenuRow(
    href: &'static str,
    label: &'static str,
    #[prop(into)] detail: Signal<String>,
) -> impl IntoView {
    view! {
        <A href=href attr:class="menu-row">
            <span class="menu-label">{label}</span>
            <span class="menu-detail">{detail}</span>
            {icons::chevron()}
        </A>
    }
}
