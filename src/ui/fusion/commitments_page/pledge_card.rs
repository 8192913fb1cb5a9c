//! One 承诺: its 类别, 内容 and 时限, the 践诺记录 through the year, the
//! member's 自评 and the branch's 评诺.

use leptos::prelude::*;

use super::branch_rating_details::BranchRatingDetails;
use super::commitment_change::CommitmentChange;
use super::kept_notes::KeptNotes;
use super::{fulfilment_options, part};
use crate::domain::fusion::{CommitmentKind, MemberCommitments};
use crate::ui::draft_text::{DraftInput, DraftTextArea};
use crate::ui::state::AppState;
use crate::ui::widgets::Segmented;

#[component]
pub(super) fn PledgeCard(
    state: AppState,
    member_id: String,
    year: i32,
    item_id: String,
) -> impl IntoView {
    let id = MemberCommitments::id_for(&member_id, year);
    let item = {
        let item_id = item_id.clone();
        part(state, &id, move |c| {
            c.items
                .iter()
                .find(|i| i.id == item_id)
                .cloned()
                .unwrap_or_default()
        })
    };
    let edit = {
        let (member_id, item_id) = (member_id.clone(), item_id.clone());
        Callback::new(move |f: CommitmentChange| {
            let item_id = item_id.clone();
            let f = std::rc::Rc::new(f);
            state.edit_commitments(&member_id, year, move |c| {
                if let Some(i) = c.items.iter_mut().find(|i| i.id == item_id) {
                    f(i);
                }
            })
        })
    };
    let kind = Signal::derive(move || item.with(|i| i.kind));
    let self_rating = Signal::derive(move || item.with(|i| i.self_rating));
    let remove = {
        let (member_id, item_id) = (member_id.clone(), item_id.clone());
        move |_| {
            if crate::browser::dialog::confirm("删除这项承诺？") {
                let item_id = item_id.clone();
                state.edit_commitments(&member_id, year, move |c| {
                    c.items.retain(|i| i.id != item_id);
                    c.branch_ratings.retain(|r| r.id != item_id);
                });
            }
        }
    };
    view! {
        <section class="card form pledge" data-testid="pledge">
            <Segmented
                name=format!("pledge-kind-{item_id}")
                label="类别"
                options=CommitmentKind::ALL.map(|k| (k, k.label())).to_vec()
                value=kind
                on_change=Callback::new(move |k| edit.run(Box::new(move |i| i.kind = k)))
            />
            <DraftTextArea
                label="承诺内容"
                name="pledge-text"
                rows=2
                value=Signal::derive(move || item.with(|i| i.text.clone()))
                on_save=Callback::new(move |v: String| {
                    edit.run(Box::new(move |i| i.text = v.clone()))
                })
            />
            <DraftInput
                label="时限"
                name="pledge-deadline"
                placeholder="如：全年、6月底"
                value=Signal::derive(move || item.with(|i| i.deadline.clone()))
                on_save=Callback::new(move |v: String| {
                    edit.run(Box::new(move |i| i.deadline = v.trim().to_string()))
                })
            />
            <KeptNotes item=item edit=edit />
            <Segmented
                name=format!("pledge-self-{item_id}")
                label="自评"
                options=fulfilment_options("未自评")
                value=self_rating
                on_change=Callback::new(move |f| edit.run(Box::new(move |i| i.self_rating = f)))
            />
            <BranchRatingDetails
                state=state
                member_id=member_id.clone()
                year=year
                item_id=item_id.clone()
            />
            <button class="button small danger-link" on:click=remove>
                "删除这项承诺"
            </button>
        </section>
    }
}
