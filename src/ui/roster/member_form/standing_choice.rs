//! 党员类别: 正式党员 or 预备党员, as one row of choices.

use leptos::prelude::*;

use crate::domain::Standing;

#[component]
pub(super) fn StandingChoice(standing: RwSignal<Standing>) -> impl IntoView {
    view! {
        <fieldset class="segmented" aria-label="党员类别">
            {Standing::ALL
                .map(|s| {
                    view! {
                        <label class:selected=move || standing.get() == s>
                            <input
                                type="radio"
                                name="standing"
                                prop:checked=move || standing.get() == s
                                on:change=move |_| standing.set(s)
                            />
                            {s.label()}
                        </label>
                    }
                })}
        </fieldset>
    }
}
