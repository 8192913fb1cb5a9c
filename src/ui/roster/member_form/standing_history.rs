//! Standing with its dates: a 正式党员's 转正日期 (党龄 counts from it), a
//! 预备党员's 延长预备期. A meeting entered late, or corrected, is counted
//! by the standing of its day.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::fields::Fields;
use crate::domain::roster::Extension;
use crate::domain::time::format_chinese_date;
use crate::domain::{Member, Standing};
use crate::ui::widgets::{DateInput, FormDate};

#[component]
pub fn StandingHistory(fields: Fields, original: Member) -> impl IntoView {
    let original = StoredValue::new(original);
    let member = move || original.with_value(|o| fields.read(o, true));
    let full = move || fields.standing.get() == Standing::Full;
    let confirmed_help = move || {
        let m = member();
        match (m.confirmed_on, m.first_year_ends()) {
            (None, Some(ends)) => format!(
                "未填写时，按入党满一年即{}计算。此日期之前召开的会议，其为预备党员，没有表决权。",
                format_chinese_date(ends)
            ),
            _ => "此日期之前召开的会议，其为预备党员，没有表决权。".to_string(),
        }
    };
    let extension_warnings = move || member().extension_warnings();
    let extension = fields.extension;
    let set_extension = move |decided: Option<NaiveDate>, until: Option<NaiveDate>| {
        extension.update(|e| {
            let current = e.clone();
            let decided = decided.or(current.as_ref().map(|c| c.decided_on));
            let until = until.or(current.as_ref().map(|c| c.until));
            if let (Some(decided_on), Some(until)) = (decided, until) {
                *e = Some(Extension { decided_on, until });
            }
        })
    };
    view! {
        <Show
            when=full
            fallback=move || {
                view! {
                    <fieldset class="field plain">
                        <legend>
                            "延长预备期（经支部党员大会讨论决定，半年至一年；未延长不填）"
                        </legend>
                        <div class="stack">
                            <DateInput
                                label="支部大会决定日期"
                                name="extension-decided"
                                value=Signal::derive(move || {
                                    extension.with(|e| e.as_ref().map(|e| e.decided_on))
                                })
                                on_change=move |d| set_extension(d, None)
                            />
                            <DateInput
                                label="延长至"
                                name="extension-until"
                                value=Signal::derive(move || {
                                    extension.with(|e| e.as_ref().map(|e| e.until))
                                })
                                on_change=move |d| set_extension(None, d)
                            />
                        </div>
                        {move || {
                            extension_warnings()
                                .into_iter()
                                .map(|w| view! { <p class="warning small">{w}</p> })
                                .collect_view()
                        }}
                        <Show when=move || extension.with(Option::is_some)>
                            <button
                                class="link-button small"
                                type="button"
                                on:click=move |_| extension.set(None)
                            >
                                "清除延长预备期"
                            </button>
                        </Show>
                    </fieldset>
                }
            }
        >
            <FormDate
                label="转正日期（可不填）"
                name="confirmed-on"
                value=fields.confirmed
            >
                {confirmed_help}
            </FormDate>
        </Show>
    }
}
