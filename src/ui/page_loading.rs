//! True while a page's code is still arriving (the split build loads each
//! page on first visit, `pages.rs`): the page says it is busy, and
//! shows a loading bar if that takes a moment.

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct PageLoading(pub RwSignal<bool>);

pub fn set_page_loading(loading: bool) {
    if let Some(PageLoading(signal)) = use_context() {
        signal.set(loading);
    }
}
