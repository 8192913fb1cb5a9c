//! Under the ballots of a record: where their rules come from, each once.

use leptos::prelude::*;

use crate::domain::record_sheet::ElectionSheet;

/// Where the rules of the ballots come from, each once.
#[component]
pub fn ElectionBases(sheets: Vec<ElectionSheet>) -> impl IntoView {
    let mut bases: Vec<String> = Vec::new();
    for s in sheets {
        if !bases.contains(&s.basis) {
            bases.push(s.basis);
        }
    }
    bases
        .into_iter()
        .map(|b| view! { <p class="small-print">{b}</p> })
        .collect_view()
}
