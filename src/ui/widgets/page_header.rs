//! The header of every page below a tab: its title and 返回.

use crate::ui::link::A;
use leptos::prelude::*;

/// A page title with a way back to where the page was opened from; the
/// title may follow the record shown ("支部党员大会").
#[component]
pub fn PageHeader(
    /// The page's title; it may follow the record shown.
    #[prop(into)]
    title: Signal<String>,
    /// Where 返回 leads: the page the member came from.
    #[prop(into)]
    back: String,
) -> impl IntoView {
    view! {
        <header class="page-header">
            <A href=back attr:class="back" attr:aria-label="返回">
                "‹ 返回"
            </A>
            <h1 class="page-title">{title}</h1>
        </header>
    }
}
