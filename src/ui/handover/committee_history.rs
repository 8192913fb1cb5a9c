//! 历届组成: who held which post on the committee when, from each member's
//! posts and 任职经历.

use leptos::prelude::*;

use crate::domain::handover::committee_history;
use crate::ui::state::use_app;

#[component]
pub fn CommitteeHistory() -> impl IntoView {
    let state = use_app();
    let tenures = move || state.doc.with(|d| committee_history(&d.members));
    view! {
        <section class="card">
            <h2 class="card-title">"支部委员会组成（历届）"</h2>
            {move || {
                let tenures = tenures();
                if tenures.is_empty() {
                    view! {
                        <p class="muted small">
                            "名册中还没有书记、副书记或支部委员。在党员名册中填写职务、任现职日期和任职经历。"
                        </p>
                    }
                        .into_any()
                } else {
                    view! {
                        <ul class="plain-list" data-testid="committee-history">
                            {tenures
                                .into_iter()
                                .map(|t| {
                                    view! {
                                        <li class="row-between">
                                            <span>{format!("{} {}", t.post, t.name)}</span>
                                            <span class="muted small">{t.span()}</span>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}
