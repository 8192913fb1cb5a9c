//! 参加组织活动不作硬性要求.

use leptos::prelude::*;

use crate::browser::clock;
use crate::domain::roster::Exemption;

/// 年老体弱、行动不便、身患重病: 组织活动不作硬性要求 (《党员教育管理工作
/// 条例》§23). Not due at meetings, no 补学 owed; still due at a 支部党员
/// 大会, in its vote base, unless the meeting records an exclusion.
#[component]
pub fn ExemptField(exempt: RwSignal<Option<Exemption>>) -> impl IntoView {
    view! {
        <fieldset class="field plain">
            <label class="check">
                <input
                    type="checkbox"
                    name="exempt"
                    prop:checked=move || exempt.with(Option::is_some)
                    on:change=move |ev| {
                        exempt
                            .set(
                                event_target_checked(&ev)
                                    .then(|| Exemption {
                                        reason: String::new(),
                                        since: Some(clock::today()),
                                    }),
                            )
                    }
                />
                <span>
                    "参加组织活动不作硬性要求（年老体弱、行动不便、身患重病等）"
                </span>
            </label>
            <Show when=move || exempt.with(Option::is_some)>
                <label class="field">
                    <span>"情况说明"</span>
                    <input
                        type="text"
                        name="exempt-reason"
                        maxlength="100"
                        placeholder="如：年老体弱，行动不便"
                        prop:value=move || {
                            exempt
                                .with(|e| e.as_ref().map(|e| e.reason.clone()).unwrap_or_default())
                        }
                        on:input=move |ev| {
                            let reason = event_target_value(&ev);
                            exempt
                                .update(|e| {
                                    if let Some(e) = e.as_mut() {
                                        e.reason = reason;
                                    }
                                })
                        }
                    />
                    <small class="muted">
                        "不计入一般会议的应到人数，缺席不需补学，可送学上门。支部党员大会（含选举）仍计入应到会有表决权人数，除非会议记录了经上级党组织同意并经党员大会通过的不计算人员。"
                    </small>
                </label>
            </Show>
        </fieldset>
    }
}
