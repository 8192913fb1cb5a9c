//! The year a page shows, with the years on either side a tap away.

use leptos::prelude::*;

use crate::ui::link::A;

/// The year's heading between ‹ and ›, links to the same page a year
/// earlier and later.
#[component]
pub fn YearNav(
    /// The year shown.
    #[prop(into)]
    year: Signal<i32>,
    /// The address of this page for a year.
    #[prop(into)]
    href: Callback<i32, String>,
    /// The heading for a year ("2025年", "王建国 · 2025年").
    #[prop(into)]
    title: Callback<i32, String>,
) -> impl IntoView {
    view! {
        <nav class="period-nav">
            <A
                href=move || href.run(year.get() - 1)
                attr:class="button small"
                attr:aria-label="上一年"
            >
                "‹"
            </A>
            <h2 class="period-label">{move || title.run(year.get())}</h2>
            <A
                href=move || href.run(year.get() + 1)
                attr:class="button small"
                attr:aria-label="下一年"
            >
                "›"
            </A>
        </nav>
    }
}
