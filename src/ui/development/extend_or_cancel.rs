//! The 支部大会's other decisions on a 预备党员 (细则第三十二条): extend the
//! 预备期 by six months to a year, or cancel it; offered where such a
//! decision is put to the vote and where one is entered on the path.

use leptos::prelude::*;

use crate::domain::development::meetings::Decision;

/// How many months to extend by, with the button that takes that
/// extension, and the button that takes the cancelling.
#[component]
pub fn ExtendOrCancel(
    /// The months select's `name`.
    name: &'static str,
    /// The extension's button ("登记延长预备期").
    extend: &'static str,
    /// The cancelling's button ("登记取消预备党员资格").
    cancel: &'static str,
    /// Called with the decision tapped.
    on_decide: Callback<Decision>,
) -> impl IntoView {
    let months = RwSignal::new(6u32);
    view! {
        <div class="row">
            <select
                name=name
                aria-label="延长预备期的月数"
                on:change=move |ev| {
                    if let Ok(m) = event_target_value(&ev).parse() {
                        months.set(m);
                    }
                }
            >
                {(6..=12u32)
                    .map(|m| {
                        view! {
                            <option value=m.to_string() selected=m == 6>
                                {format!("延长{m}个月")}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <button
                class="button small"
                type="button"
                on:click=move |_| on_decide.run(Decision::Extend(months.get_untracked()))
            >
                {extend}
            </button>
        </div>
        <button
            class="button small"
            type="button"
            on:click=move |_| on_decide.run(Decision::Cancel)
        >
            {cancel}
        </button>
    }
}
