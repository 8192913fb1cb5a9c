//! The frame of a page about one member's year, named by the address
//! (`…/:member/:year`).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::PageHeader;
use crate::ui::state::use_app;

/// The member and the year a page is about, with the member's name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Whose {
    pub member_id: String,
    pub year: i32,
    pub name: String,
}

/// A member's year: the page header, then the page itself, or a line
/// saying the member is not there (deleted, or an old link).
#[component]
pub fn MemberYearPage<V>(
    /// The header's title.
    title: &'static str,
    /// Where 返回 leads, given the year in the address (`None` when the
    /// address has no readable year).
    back: fn(Option<i32>) -> String,
    /// The page itself, given whose year it is.
    editor: fn(Whose) -> V,
) -> impl IntoView
where
    V: IntoView + 'static,
{
    let state = use_app();
    let params = use_params_map();
    let address = Memo::new(move |_| {
        params.with(|p| Some((p.get("member")?, p.get("year")?.parse::<i32>().ok()?)))
    });
    let whose = move || {
        let (member_id, year) = address.get()?;
        let name = state
            .doc
            .with(|d| d.member(&member_id).map(|m| m.name.clone()))?;
        Some(Whose {
            member_id,
            year,
            name,
        })
    };
    view! {
        {move || {
            view! {
                <PageHeader
                    title=title
                    back=back(address.with(|a| a.as_ref().map(|(_, year)| *year)))
                />
            }
        }}
        {move || match whose() {
            Some(whose) => editor(whose).into_any(),
            None => view! { <p class="empty">"找不到这名党员。"</p> }.into_any(),
        }}
    }
}
