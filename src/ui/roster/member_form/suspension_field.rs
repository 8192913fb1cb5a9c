//! 中止表决权、选举权和被选举权: a member 被依法留置、逮捕 (《中国共产党
//! 基层组织选举工作条例》§5). Kept on this phone only.

use leptos::prelude::*;

use crate::browser::clock;
use crate::domain::roster::Suspension;
use crate::ui::widgets::DateInput;

#[component]
pub fn SuspensionField(suspension: RwSignal<Option<Suspension>>) -> impl IntoView {
    view! {
        <fieldset class="field plain">
            <label class="check">
                <input
                    type="checkbox"
                    name="suspension"
                    prop:checked=move || suspension.with(Option::is_some)
                    on:change=move |ev| {
                        suspension
                            .set(
                                event_target_checked(&ev)
                                    .then(|| Suspension {
                                        from: clock::today(),
                                        until: None,
                                    }),
                            )
                    }
                />
                <span>
                    "中止表决权、选举权和被选举权（被依法留置、逮捕）"
                </span>
            </label>
            <Show when=move || suspension.with(Option::is_some)>
                <div class="two-cols">
                    <DateInput
                        label="起"
                        name="suspension-from"
                        value=Signal::derive(move || {
                            suspension.with(|s| s.as_ref().map(|s| s.from))
                        })
                        on_change=move |from| {
                            if let Some(d) = from {
                                suspension
                                    .update(|s| {
                                        if let Some(s) = s.as_mut() {
                                            s.from = d;
                                        }
                                    })
                            }
                        }
                    />
                    <DateInput
                        label="止（恢复日期，可不填）"
                        name="suspension-until"
                        value=Signal::derive(move || {
                            suspension.with(|s| s.as_ref().and_then(|s| s.until))
                        })
                        on_change=move |until| {
                            suspension
                                .update(|s| {
                                    if let Some(s) = s.as_mut() {
                                        s.until = until;
                                    }
                                })
                        }
                    />
                </div>
                <small class="muted">
                    "中止期间不计入应到会有表决权人数，也不能作为候选人。此项只保存在本机，不随支部资料包分享。"
                </small>
            </Show>
        </fieldset>
    }
}
