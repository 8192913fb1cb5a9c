//! Long lists a page at a time (`domain::month_pages`). A list keeps its
//! place (its page, search and filters) in the address, so the browser's
//! back and the app's back arrow (`list_address`) come back to it as it
//! was; the switch goes between newer and older pages.

use std::cell::RefCell;
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;

use crate::domain::month_pages::ListPage;

thread_local! {
    /// Each list's last address, for the back arrows of the pages it opens.
    static LAST_ADDRESS: RefCell<BTreeMap<&'static str, String>> = const { RefCell::new(BTreeMap::new()) };
}

/// Where the list at `path` was last left (`/meetings?page=3`), or the list
/// itself.
pub fn list_address(path: &'static str) -> String {
    LAST_ADDRESS
        .with(|last| last.borrow().get(path).cloned())
        .unwrap_or_else(|| path.to_string())
}

/// The list at `path`, as the address had it when the list was opened.
pub struct ListPlace {
    path: &'static str,
    opened: ParamsMap,
}

impl ListPlace {
    pub fn new(path: &'static str) -> Self {
        ListPlace {
            path,
            opened: use_query_map().get_untracked(),
        }
    }

    /// A value the address held (`q`, `page`).
    pub fn get(&self, key: &str) -> Option<String> {
        self.opened.get(key)
    }

    /// The page the address held, from 1.
    pub fn page(&self) -> usize {
        self.get("page").and_then(|p| p.parse().ok()).unwrap_or(1)
    }

    /// Keeps the address following `place` (pairs left empty are left
    /// out), replacing it rather than adding to the history.
    pub fn follow(self, place: impl Fn() -> Vec<(&'static str, String)> + Send + Sync + 'static) {
        let navigate = use_navigate();
        let path = self.path;
        Effect::new(move |_| {
            let query: ParamsMap = place().into_iter().filter(|(_, v)| !v.is_empty()).collect();
            let address = format!("{path}{}", query.to_query_string());
            LAST_ADDRESS.with(|last| last.borrow_mut().insert(path, address.clone()));
            let here = web_sys::window()
                .and_then(|w| w.location().search().ok())
                .unwrap_or_default();
            if query.to_query_string() != here {
                navigate(
                    &address,
                    NavigateOptions {
                        replace: true,
                        scroll: false,
                        ..Default::default()
                    },
                );
            }
        });
    }
}

/// The address's `page` pair for page `page`: left out for the first.
pub fn page_pair(page: usize) -> (&'static str, String) {
    let value = if page > 1 {
        page.to_string()
    } else {
        String::new()
    };
    ("page", value)
}

/// Where a list's page is: its number, how many there are, and how many
/// items in all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PagePlace {
    pub page: usize,
    pub pages: usize,
    pub total: usize,
}

impl<T> From<&ListPage<'_, T>> for PagePlace {
    fn from(listed: &ListPage<'_, T>) -> Self {
        PagePlace {
            page: listed.page,
            pages: listed.pages,
            total: listed.total,
        }
    }
}

/// "‹ 较新的会议 · 第 2 / 30 页 · 共 600 次 · 较早的会议 ›", shown when the list
/// has more than one page. `items` names what is listed (会议, 谈话).
#[component]
pub fn PageSwitch(
    #[prop(into)] place: Signal<PagePlace>,
    items: &'static str,
    page: RwSignal<usize>,
) -> impl IntoView {
    let shown = move || place.with(|p| p.page);
    let go_to = move |n: usize| {
        page.set(n);
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    };
    view! {
        <Show when=move || place.with(|p| p.pages > 1)>
            <nav class="page-switch" aria-label=format!("{items}列表分页")>
                <button
                    class="button"
                    disabled=move || shown() <= 1
                    on:click=move |_| go_to(shown() - 1)
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
                    on:click=move |_| go_to(shown() + 1)
                >
                    {format!("较早的{items} ›")}
                </button>
            </nav>
        </Show>
    }
}
