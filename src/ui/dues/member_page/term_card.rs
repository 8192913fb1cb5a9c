//! What is fixed from one month of a member's 党费 year: category, base or
//! amount, what the rule makes of it, 少交/免交 and 按季.

use std::rc::Rc;

use leptos::prelude::*;

use super::base_or_amount::BaseOrAmount;
use super::category_select::CategorySelect;
use super::edit;
use super::relief_fields::ReliefFields;
use super::term_change::TermChange;
use crate::domain::dues::ledger::{self, account, rules_for};
use crate::domain::dues::rates::amount_hint;
use crate::domain::dues::Term;
use crate::ui::state::use_app;
use crate::ui::widgets::SwitchRow;

#[component]
pub(super) fn TermCard(
    member_id: String,
    year: i32,
    from: u32,
    first_owed: Memo<u32>,
) -> impl IntoView {
    let state = use_app();
    let term = {
        let member_id = member_id.clone();
        Memo::new(move |_| {
            state.doc.with(|d| {
                account(d, &member_id, year)
                    .terms
                    .iter()
                    .find(|t| t.from == from)
                    .cloned()
                    .unwrap_or(Term {
                        from,
                        ..Term::default()
                    })
            })
        })
    };
    let rounding = Memo::new(move |_| state.doc.with(|d| rules_for(d, year).rounding));
    let change = {
        let member_id = member_id.clone();
        Callback::new(move |f: TermChange| {
            let id = member_id.clone();
            edit(state, &member_id, year, move |d| {
                let f = f.clone();
                ledger::edit_term(d, &id, year, from, move |t| f(t));
            });
        })
    };
    let worked = move || {
        term.with(|t| {
            crate::domain::dues::rates::work_out(t.category, t.basis, rounding.get()).explain()
        })
    };
    let hint = move || term.with(|t| amount_hint(t.category, t.basis));
    let title = move || {
        let shown = if from == 1 {
            first_owed.get().max(1)
        } else {
            from
        };
        if shown == 1 && from == 1 {
            "全年（1月起）".to_string()
        } else {
            format!("{shown}月起")
        }
    };
    let remove = {
        let member_id = member_id.clone();
        move |_| {
            let id = member_id.clone();
            edit(state, &member_id, year, move |d| {
                ledger::remove_term(d, &id, year, from)
            });
        }
    };
    view! {
        <fieldset class="plain dues-term" data-from=from>
            <legend class="row-between">
                <span>{title}</span>
                {(from > 1)
                    .then(|| {
                        view! {
                            <button class="link-button" on:click=remove.clone()>
                                "删除这项变化"
                            </button>
                        }
                    })}
            </legend>
            <CategorySelect term=term change=change />
            <BaseOrAmount term=term from=from change=change />
            <p class="dues-worked" data-testid="dues-worked">
                {worked}
            </p>
            {move || hint().map(|h| view! { <p class="warning">{h}</p> })}
            <ReliefFields term=term change=change />
            <SwitchRow
                name="dues-quarterly"
                label="经党支部同意按季交纳"
                hint="第十二条：遇到特殊情况，经党支部同意，可以每季度交纳一次"
                checked=Signal::derive(move || term.with(|t| t.quarterly))
                on_change=move |on| change.run(Rc::new(move |t: &mut Term| t.quarterly = on))
            />
        </fieldset>
    }
}
