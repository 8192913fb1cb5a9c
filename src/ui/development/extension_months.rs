//! How long a 预备期 is extended: six months to a year (细则第三十二条),
//! chosen where a 支部大会's decision is put to the vote or entered on the
//! path.

use leptos::prelude::*;

#[component]
pub fn ExtensionMonths(name: &'static str, months: RwSignal<u32>) -> impl IntoView {
    view! {
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
    }
}
