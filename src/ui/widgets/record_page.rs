//! The frame of a page that shows one record named by the address.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::PageHeader;
use crate::browser::dialog::confirm;
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

/// What a record page's 删除 button does: asks `question`, and once the
/// member agrees, `delete`s the record and goes back to the list at
/// `list`. Made while the page is set up (it takes the router's navigation).
pub fn delete_after_asking(
    question: &'static str,
    list: &'static str,
    delete: impl Fn() + Clone + 'static,
) -> impl Fn(leptos::ev::MouseEvent) + Clone + 'static {
    let navigate = use_navigate();
    move |_| {
        if confirm(question) {
            delete();
            navigate(list, Default::default());
        }
    }
}
