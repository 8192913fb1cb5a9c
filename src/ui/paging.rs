//! Long lists a page at a time (`domain::month_pages`): the page number in
//! the address, so coming back from an item returns to its page, and the
//! switch between newer and older pages.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// The list's page in the address (`?page=2`, none for the first) and a
/// way to go to another, replacing the address rather than adding to the
/// history.
pub fn page_in_address(path: &'static str) -> (Memo<usize>, Callback<usize>) {
    let query = use_query_map();
    let navigate = use_navigate();
    let page = Memo::new(move |_| {
        query
            .with(|q| q.get("page"))
            .and_then(|p| p.parse::<usize>().ok())
            .unwrap_or(1)
    });
    let go_to = Callback::new(move |n: usize| {
        let to = if n <= 1 {
            path.to_string()
        } else {
            format!("{path}?page={n}")
        };
        navigate(
            &to,
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    });
    (page, go_to)
}

/// Where a list's page is: its number, how many there are, and how many
/// items in all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PagePlace {
    pub page: usize,
    pub pages: usize,
    pub total: usize,
}

/// "‹ 较新的会议 · 第 2 / 30 页 · 共 600 次 · 较早的会议 ›", shown when the list
/// has more than one page. `items` names what is listed (会议, 谈话).
#[component]
pub fn PageSwitch(
    #[prop(into)] place: Signal<PagePlace>,
    items: &'static str,
    go_to: Callback<usize>,
) -> impl IntoView {
    let page = move || place.with(|p| p.page);
    view! {
        <Show when=move || place.with(|p| p.pages > 1)>
            <nav class="page-switch" aria-label=format!("{items}列表分页")>
                <button
                    class="button"
                    disabled=move || page() <= 1
                    on:click=move |_| go_to.run(page() - 1)
                >
                    {format!("‹ 较新的{items}")}
                </button>
                <span class="muted small">
                    {move || {
                        place
                            .with(|p| {
                                format!("第 {} / {} 页 · 共 {} 次", p.page, p.pages, p.total)
                            })
                    }}
                </span>
                <button
                    class="button"
                    disabled=move || place.with(|p| p.page >= p.pages)
                    on:click=move |_| go_to.run(page() + 1)
                >
                    {format!("较早的{items} ›")}
                </button>
            </nav>
        </Show>
    }
}
