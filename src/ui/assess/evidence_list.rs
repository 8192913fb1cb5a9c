//! What the app already knows about the member's year, each line ready to
//! be pulled into 自评情况 with one tap.

use leptos::prelude::*;

#[component]
pub fn EvidenceList(
    #[prop(into)] lines: Signal<Vec<String>>,
    /// Adds a line to the field beside the list.
    #[prop(into)]
    on_pull: Callback<String>,
    #[prop(into)] readonly: Signal<bool>,
) -> impl IntoView {
    view! {
        <details class="evidence">
            <summary>
                {move || format!("引用我的记录（{} 条）", lines.with(Vec::len))}
            </summary>
            <Show when=move || lines.with(Vec::is_empty)>
                <p class="muted small">"这一年还没有与你有关的会议记录。"</p>
            </Show>
            <ul class="evidence-list">
                {move || {
                    lines
                        .get()
                        .into_iter()
                        .map(|line| {
                            let pulled = line.clone();
                            view! {
                                <li>
                                    <span>{line}</span>
                                    <button
                                        class="chip-toggle small"
                                        disabled=move || readonly.get()
                                        on:click=move |_| on_pull.run(pulled.clone())
                                    >
                                        "＋ 引用"
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </details>
    }
}
