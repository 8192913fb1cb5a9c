//! The frame of a page that shows one record named by the address.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::PageHeader;
use crate::domain::document::Listed;
use crate::domain::Keyed;
use crate::ui::handles::Handle;
use crate::ui::state::use_app;

/// A record's page: the record found by the address's `id` shown by
/// `editor`, or, once it is not there (deleted on another page or phone,
/// or an old link), the page header and a line that says so.
#[component]
pub fn RecordPage<T, V>(
    /// The header's title while the record is not found.
    title: &'static str,
    /// Where the header's 返回 leads while the record is not found.
    #[prop(into)]
    back: String,
    /// What the page says when the record is not found.
    missing: &'static str,
    /// The record's page itself, given the record's handle.
    editor: fn(Handle<T>) -> V,
) -> impl IntoView
where
    T: Listed + Keyed + 'static,
    V: IntoView + 'static,
{
    let state = use_app();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).unwrap_or_default());
    let record = Handle::<T>::new(state, id);
    let exists = move || record.with(|_| ()).is_some();
    view! {
        <Show
            when=exists
            fallback=move || {
                view! {
                    <PageHeader title=title back=back.clone() />
                    <p class="empty">{missing}</p>
                }
            }
        >
            {editor(record)}
        </Show>
    }
}
