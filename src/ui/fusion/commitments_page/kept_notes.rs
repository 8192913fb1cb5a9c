//! 践诺记录: a 承诺's dated notes through the year, each saved as typed.

use leptos::prelude::*;

use super::commitment_change::CommitmentChange;
use crate::browser::clock;
use crate::domain::fusion::commitments::KeptNote;
use crate::domain::fusion::Commitment;
use crate::domain::time::format_chinese_date;
use crate::ui::draft_text::DraftTextArea;

#[component]
pub(super) fn KeptNotes(item: Memo<Commitment>, edit: Callback<CommitmentChange>) -> impl IntoView {
    let add_note = move |_| {
        let note_id = clock::new_id("kn");
        let today = clock::today();
        edit.run(Box::new(move |i| {
            if !i.notes.iter().any(|n| n.id == note_id) {
                i.notes.push(KeptNote {
                    id: note_id.clone(),
                    date: Some(today),
                    text: String::new(),
                });
            }
        }));
    };
    view! {
        <h3 class="list-heading row-between">
            <span>"践诺记录"</span>
            <button class="button small" on:click=add_note>
                "＋ 记一条"
            </button>
        </h3>
        <For
            each=move || {
                item.with(|i| i.notes.iter().map(|n| (n.id.clone(), n.date)).collect::<Vec<_>>())
            }
            key=|n| n.clone()
            let:note
        >
            {
                let (note_id, date) = note;
                let label = date.map(format_chinese_date).unwrap_or_else(|| "践诺记录".into());
                let value = {
                    let note_id = note_id.clone();
                    Signal::derive(move || {
                        item.with(|i| {
                            i.notes
                                .iter()
                                .find(|n| n.id == note_id)
                                .map(|n| n.text.clone())
                                .unwrap_or_default()
                        })
                    })
                };
                view! {
                    <DraftTextArea
                        label=label
                        name="kept-note"
                        rows=2
                        value=value
                        on_save=Callback::new(move |v: String| {
                            let note_id = note_id.clone();
                            edit.run(
                                Box::new(move |i| {
                                    if let Some(n) = i.notes.iter_mut().find(|n| n.id == note_id) {
                                        n.text = v.clone();
                                    }
                                }),
                            )
                        })
                    />
                }
            }
        </For>
    }
}
