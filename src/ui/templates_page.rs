//! 检查清单模板: the branch's own checklist per meeting type. A new meeting
//! starts from it; meetings already planned keep their own lists.

use leptos::prelude::*;

use crate::domain::job::Area;
use crate::ui::job::ReadOnly;

use crate::browser::dialog::confirm;
use crate::domain::meeting::{Phase, TemplateItem};
use crate::domain::rules::checklist::{is_customised, reset_template, set_template, template_for};
use crate::ui::state::use_app;
use crate::ui::widgets::{InlineAdd, PageHeader};

#[component]
pub fn TemplatesPage() -> impl IntoView {
    let state = use_app();
    let kinds = state.doc.with_untracked(|d| d.branch.meeting_kinds());
    let kind = RwSignal::new(kinds[0].clone());
    let items = Memo::new(move |_| state.doc.with(|d| template_for(&d.templates, &kind.get())));
    let customised = move || state.doc.with(|d| is_customised(&d.templates, &kind.get()));
    let save = Callback::new(move |items: Vec<TemplateItem>| {
        let k = kind.get_untracked();
        state.edit_templates(move |t| set_template(t, &k, items.clone()));
    });
    let reset = move |_| {
        if confirm("恢复为默认清单？本支部对这一类型的修改会被丢弃。") {
            let k = kind.get_untracked();
            state.edit_templates(move |t| reset_template(t, &k));
        }
    };
    let choices = kinds.clone();
    view! {
        <PageHeader title="检查清单模板" back="/mine" />
        <ReadOnly area=Area::Templates>
            <p class="hint">
                "新安排的会议按这里的清单生成；已安排的会议不受影响，也可以在会议中单独增删事项。"
            </p>
            <label class="field card">
                <span>"会议类型"</span>
                <select
                    name="template-kind"
                    on:change=move |ev| {
                        if let Some(k) = event_target_value(&ev)
                            .parse::<usize>()
                            .ok()
                            .and_then(|i| choices.get(i))
                        {
                            kind.set(k.clone());
                        }
                    }
                >
                    {kinds
                        .iter()
                        .enumerate()
                        .map(|(i, k)| {
                            view! { <option value=i.to_string()>{k.label().to_string()}</option> }
                        })
                        .collect_view()}
                </select>
                <small class="muted">
                    {move || if customised() { "本支部已修改" } else { "默认清单" }}
                </small>
            </label>
            {Phase::ALL
                .map(|phase| view! { <TemplatePhase phase=phase items=items save=save /> })
                .collect_view()}
            <Show when=customised>
                <button class="button" on:click=reset>
                    "恢复默认清单"
                </button>
            </Show>
        </ReadOnly>
    }
}

#[component]
fn TemplatePhase(
    phase: Phase,
    items: Memo<Vec<TemplateItem>>,
    save: Callback<Vec<TemplateItem>>,
) -> impl IntoView {
    let add = move |text: String| {
        let mut all = items.get_untracked();
        let at = all
            .iter()
            .rposition(|i| i.phase <= phase)
            .map_or(0, |p| p + 1);
        all.insert(at, TemplateItem { phase, text });
        save.run(all);
    };
    let in_phase = move || {
        items
            .get()
            .into_iter()
            .enumerate()
            .filter(|(_, item)| item.phase == phase)
            .collect::<Vec<_>>()
    };
    view! {
        <section class="card form">
            <h2 class="card-title">{phase.label()}</h2>
            <ul class="plain-list">
                <For each=in_phase key=|(index, item)| (*index, item.text.clone()) let:entry>
                    {
                        let (index, item) = entry;
                        view! {
                            <li class="inline-add">
                                <input
                                    type="text"
                                    aria-label="清单事项"
                                    maxlength="200"
                                    prop:value=item.text
                                    on:change=move |ev| {
                                        let text = event_target_value(&ev).trim().to_string();
                                        let mut all = items.get_untracked();
                                        if text.is_empty() {
                                            if index < all.len() {
                                                all.remove(index);
                                            }
                                        } else if let Some(i) = all.get_mut(index) {
                                            i.text = text;
                                        }
                                        save.run(all);
                                    }
                                />
                                <button
                                    class="icon-button"
                                    aria-label="删除事项"
                                    on:click=move |_| {
                                        let mut all = items.get_untracked();
                                        if index < all.len() {
                                            all.remove(index);
                                        }
                                        save.run(all);
                                    }
                                >
                                    "×"
                                </button>
                            </li>
                        }
                    }
                </For>
            </ul>
            <InlineAdd
                name=format!("template-new-{}", phase.label())
                placeholder="添加事项"
                on_add=add
            />
        </section>
    }
}
