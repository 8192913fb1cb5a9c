//! 支部评诺 of one 承诺: the branch's rating and comment, folded away and
//! edited by the committee only (a member's phone shows it read only).

use leptos::prelude::*;

use super::{fulfilment_options, part};
use crate::domain::fusion::commitments::BranchRating;
use crate::domain::fusion::MemberCommitments;
use crate::domain::job::Area;
use crate::ui::draft_text::DraftInput;
use crate::ui::job::{use_may_edit, ReadOnly};
use crate::ui::state::AppState;
use crate::ui::widgets::Segmented;

#[component]
pub(super) fn BranchRatingDetails(
    state: AppState,
    member_id: String,
    year: i32,
    item_id: String,
) -> impl IntoView {
    let rates = use_may_edit(Area::Tallies);
    let id = MemberCommitments::id_for(&member_id, year);
    let rating = {
        let item_id = item_id.clone();
        part(state, &id, move |c| {
            c.branch_rating(&item_id).cloned().unwrap_or_default()
        })
    };
    let edit_rating = {
        let item_id = item_id.clone();
        Callback::new(move |f: Box<dyn Fn(&mut BranchRating)>| {
            let item_id = item_id.clone();
            let f = std::rc::Rc::new(f);
            state.edit_commitments(&member_id, year, move |c| {
                if c.branch_rating(&item_id).is_none() {
                    c.branch_ratings.push(BranchRating {
                        id: item_id.clone(),
                        ..BranchRating::default()
                    });
                }
                if let Some(r) = c.branch_ratings.iter_mut().find(|r| r.id == item_id) {
                    f(r);
                }
            })
        })
    };
    let branch_rating = Signal::derive(move || rating.with(|r| r.rating));
    view! {
        <details class="branch-rating">
            <summary>
                {move || {
                    if rates.get() { "支部评诺" } else { "支部评诺（支委填写）" }
                }}
            </summary>
            <ReadOnly area=Area::Tallies quiet=true>
                <Segmented
                    name=format!("pledge-branch-{item_id}")
                    label="支部评价"
                    options=fulfilment_options("未评价")
                    value=branch_rating
                    on_change=Callback::new(move |f| {
                        edit_rating.run(Box::new(move |r| r.rating = f))
                    })
                />
                <DraftInput
                    label="评价意见"
                    name="branch-comment"
                    value=Signal::derive(move || rating.with(|r| r.comment.clone()))
                    on_save=Callback::new(move |v: String| {
                        edit_rating.run(Box::new(move |r| r.comment = v.trim().to_string()))
                    })
                />
            </ReadOnly>
        </details>
    }
}
