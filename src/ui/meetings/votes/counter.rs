//! A count with − and ＋ for one thumb.

use leptos::prelude::*;

/// Each button sets the count the member sees plus or minus one, so an
/// edit applied again never counts twice.
#[component]
pub fn Counter(
    label: &'static str,
    name: &'static str,
    #[prop(into)] value: Signal<u32>,
    #[prop(into)] on_set: Callback<u32>,
) -> impl IntoView {
    let step = move |does: &str, sign: &'static str, next: fn(u32) -> u32| {
        view! {
            <button
                class="step"
                type="button"
                aria-label=format!("{label}{does}")
                on:click=move |_| on_set.run(next(value.get_untracked()))
            >
                {sign}
            </button>
        }
    };
    view! {
        <div class="counter">
            <span class="counter-label">{label}</span>
            {step("减一", "−", |n| n.saturating_sub(1))}
            <input
                type="number"
                name=name
                min="0"
                inputmode="numeric"
                aria-label=format!("{label}票数")
                prop:value=move || value.get().to_string()
                on:change=move |ev| on_set.run(event_target_value(&ev).parse::<u32>().unwrap_or(0))
            />
            {step("加一", "＋", |n| n.saturating_add(1))}
        </div>
    }
}
