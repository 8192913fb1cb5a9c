//! 留党察看, from a day until a day.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::browser::clock;
use crate::domain::roster::Probation;
use crate::ui::widgets::DateInput;

/// 留党察看: while it lasts the member has no vote and is not counted as a
/// voter (党章 §40).
#[component]
pub fn ProbationField(probation: RwSignal<Option<Probation>>) -> impl IntoView {
    let set_from = move |d: Option<NaiveDate>| {
        probation.update(|p| match (p.as_mut(), d) {
            (Some(p), Some(d)) => p.from = d,
            (None, Some(d)) => {
                *p = Some(Probation {
                    from: d,
                    until: None,
                })
            }
            _ => {}
        })
    };
    view! {
        <fieldset class="field plain">
            <label class="check">
                <input
                    type="checkbox"
                    name="probation"
                    prop:checked=move || probation.with(Option::is_some)
                    on:change=move |ev| {
                        probation
                            .set(
                                event_target_checked(&ev)
                                    .then(|| Probation {
                                        from: clock::today(),
                                        until: None,
                                    }),
                            )
                    }
                />
                <span>
                    "留党察看（察看期间没有表决权、选举权和被选举权）"
                </span>
            </label>
            <Show when=move || probation.with(Option::is_some)>
                <div class="row">
                    <DateInput
                        label="起"
                        name="probation-from"
                        value=Signal::derive(move || probation.with(|p| p.as_ref().map(|p| p.from)))
                        on_change=set_from
                    />
                    <DateInput
                        label="止（可不填）"
                        name="probation-until"
                        value=Signal::derive(move || {
                            probation.with(|p| p.as_ref().and_then(|p| p.until))
                        })
                        on_change=move |until| {
                            probation
                                .update(|p| {
                                    if let Some(p) = p.as_mut() {
                                        p.until = until;
                                    }
                                })
                        }
                    />
                </div>
            </Show>
        </fieldset>
    }
}
