//! A term's 类别, with the rule that category follows.

use std::rc::Rc;

use leptos::prelude::*;

use super::term_change::TermChange;
use crate::domain::dues::{Category, Term};

#[component]
pub(super) fn CategorySelect(term: Memo<Term>, change: Callback<TermChange>) -> impl IntoView {
    let category = Signal::derive(move || term.with(|t| t.category));
    view! {
        <label class="field">
            <span>"类别"</span>
            <select
                name="dues-category"
                on:change=move |ev| {
                    let picked = event_target_value(&ev);
                    if let Some(c) = Category::ALL.into_iter().find(|c| c.label() == picked) {
                        change.run(Rc::new(move |t: &mut Term| t.category = c));
                    }
                }
            >
                {Category::ALL
                    .map(|c| {
                        view! {
                            <option value=c.label() selected=move || category.get() == c>
                                {c.label()}
                            </option>
                        }
                    })}
            </select>
            <small class="muted">{move || category.get().rule()}</small>
        </label>
    }
}
