//! A term's 类别, with the rule that category follows.

use std::rc::Rc;

use leptos::prelude::*;

use super::term_change::TermChange;
use crate::domain::dues::{Category, Term};
use crate::ui::widgets::{by_label, label_options};

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
                    if let Some(c) = by_label(&Category::ALL, Category::label, &picked) {
                        change.run(Rc::new(move |t: &mut Term| t.category = c));
                    }
                }
            >
                {label_options(&Category::ALL, Category::label, category)}
            </select>
            <small class="muted">{move || category.get().rule()}</small>
        </label>
    }
}
