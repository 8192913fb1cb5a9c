//! How a term's monthly amount is fixed: from the income base the rule's
//! rates apply to, or as the 核定月交额 typed directly (the only way for a
//! category without a base). 困难党员 fix neither.

use std::rc::Rc;

use leptos::prelude::*;

use super::term_change::TermChange;
use crate::domain::dues::{Basis, Category, Fen, Term};
use crate::ui::dues::MoneyField;

#[component]
pub(super) fn BaseOrAmount(
    term: Memo<Term>,
    from: u32,
    change: Callback<TermChange>,
) -> impl IntoView {
    let category = Signal::derive(move || term.with(|t| t.category));
    let by_income = Signal::derive(move || term.with(|t| matches!(t.basis, Basis::Income { .. })));
    view! {
        <Show when=move || { category.get().has_base() }>
            <fieldset class="segmented" aria-label="怎样核定">
                <label class:selected=by_income>
                    <input
                        type="radio"
                        name=format!("dues-basis-{from}")
                        prop:checked=by_income
                        on:change=move |_| {
                            change
                                .run(
                                    Rc::new(|t: &mut Term| {
                                        if let Basis::Amount { .. } = t.basis {
                                            t.basis = Basis::Income { base: Fen::ZERO };
                                        }
                                    }),
                                )
                        }
                    />
                    "按收入基数"
                </label>
                <label class:selected=move || !by_income.get()>
                    <input
                        type="radio"
                        name=format!("dues-basis-{from}")
                        prop:checked=move || !by_income.get()
                        on:change=move |_| {
                            change
                                .run(
                                    Rc::new(|t: &mut Term| {
                                        if let Basis::Income { .. } = t.basis {
                                            t.basis = Basis::Amount { amount: Fen::ZERO };
                                        }
                                    }),
                                )
                        }
                    />
                    "直接填月交额"
                </label>
            </fieldset>
        </Show>
        {move || {
            if category.get() == Category::LowIncome {
                ().into_any()
            } else if category.get().has_base() && by_income.get() {
                view! {
                    <MoneyField
                        label="计算基数（元/月，税后）"
                        name="dues-base"
                        placeholder="如 4567.80"
                        value=Signal::derive(move || {
                            term.with(|t| match t.basis {
                                Basis::Income { base } if !base.is_zero() => Some(base),
                                _ => None,
                            })
                        })
                        on_save=Callback::new(move |base: Fen| {
                            change
                                .run(Rc::new(move |t: &mut Term| t.basis = Basis::Income { base }))
                        })
                    />
                }
                    .into_any()
            } else {
                view! {
                    <MoneyField
                        label="核定月交额（元）"
                        name="dues-amount"
                        placeholder="如 45.00"
                        value=Signal::derive(move || {
                            term.with(|t| match t.basis {
                                Basis::Amount { amount } if !amount.is_zero() => Some(amount),
                                _ => None,
                            })
                        })
                        on_save=Callback::new(move |amount: Fen| {
                            change
                                .run(
                                    Rc::new(move |t: &mut Term| t.basis = Basis::Amount { amount }),
                                )
                        })
                    />
                }
                    .into_any()
            }
        }}
    }
}
