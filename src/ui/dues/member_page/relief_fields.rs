//! 少交或免交 for a term: which of the two, the reduced amount, the day the
//! 党支部 decided it and the day the 上级党委 approved it (the full amount
//! counts until then).

use std::rc::Rc;

use leptos::prelude::*;

use super::term_change::TermChange;
use crate::domain::dues::{Fen, Relief, Term};
use crate::ui::dues::MoneyField;
use crate::ui::widgets::{DateInput, SelectField};

#[component]
pub(super) fn ReliefFields(term: Memo<Term>, change: Callback<TermChange>) -> impl IntoView {
    let relief_kind = Signal::derive(move || {
        term.with(|t| match &t.relief {
            None => "",
            Some(r) if r.reduced_to.is_some() => "少交",
            Some(_) => "免交",
        })
    });
    view! {
        <SelectField
            label="少交或免交"
            name="dues-relief"
            on_change=move |picked: String| {
                change
                    .run(
                        Rc::new(move |t: &mut Term| {
                            t.relief = match picked.as_str() {
                                "少交" => {
                                    Some(Relief {
                                        reduced_to: Some(
                                            t
                                                .relief
                                                .as_ref()
                                                .and_then(|r| r.reduced_to)
                                                .unwrap_or(Fen(20)),
                                        ),
                                        ..t.relief.clone().unwrap_or_default()
                                    })
                                }
                                "免交" => {
                                    Some(Relief {
                                        reduced_to: None,
                                        ..t.relief.clone().unwrap_or_default()
                                    })
                                }
                                _ => None,
                            };
                        }),
                    )
            }
        >
            {["", "少交", "免交"]
                .map(|k| {
                    view! {
                        <option value=k selected=move || relief_kind.get() == k>
                            {if k.is_empty() { "无" } else { k }}
                        </option>
                    }
                })}
        </SelectField>
        <Show when=move || { !relief_kind.get().is_empty() }>
            <Show when=move || { relief_kind.get() == "少交" }>
                <MoneyField
                    label="每月交纳（元）"
                    name="dues-reduced-to"
                    value=Signal::derive(move || {
                        term.with(|t| t.relief.as_ref().and_then(|r| r.reduced_to))
                    })
                    on_save=Callback::new(move |amount: Fen| {
                        change
                            .run(
                                Rc::new(move |t: &mut Term| {
                                    if let Some(r) = t.relief.as_mut() {
                                        r.reduced_to = Some(amount);
                                    }
                                }),
                            )
                    })
                />
            </Show>
            <div class="two-cols">
                <DateInput
                    label="党支部研究"
                    name="dues-decided-on"
                    value=Signal::derive(move || {
                        term.with(|t| t.relief.as_ref().and_then(|r| r.decided_on))
                    })
                    on_change=Callback::new(move |d| {
                        change
                            .run(
                                Rc::new(move |t: &mut Term| {
                                    if let Some(r) = t.relief.as_mut() {
                                        r.decided_on = d;
                                    }
                                }),
                            )
                    })
                />
                <DateInput
                    label="上级党委批准"
                    name="dues-approved-on"
                    value=Signal::derive(move || {
                        term.with(|t| t.relief.as_ref().and_then(|r| r.approved_on))
                    })
                    on_change=Callback::new(move |d| {
                        change
                            .run(
                                Rc::new(move |t: &mut Term| {
                                    if let Some(r) = t.relief.as_mut() {
                                        r.approved_on = d;
                                    }
                                }),
                            )
                    })
                />
            </div>
            <Show when=move || { term.with(|t| t.relief.as_ref().is_some_and(|r| !r.approved())) }>
                <p class="warning">
                    "第七条：确有困难的，经党支部研究，报上一级党委批准后，可以少交或免交。填写批准日期前，仍按规定金额计。"
                </p>
            </Show>
        </Show>
    }
}
