//! A member's commitments of one year: 承诺 (类别、内容、时限), 践诺记录
//! through the year, 自评 at year end, and the branch's 评诺. The member
//! keeps this on their own phone and sends it with their return. One
//! component per file: a 承诺's card, its 践诺记录, the branch's 评诺.

mod branch_rating_details;
mod commitment_change;
mod kept_notes;
mod pledge_card;

use leptos::prelude::*;

use crate::browser::clock;
use crate::domain::fusion::{Commitment, Fulfilment, MemberCommitments};
use crate::domain::job::Area;
use crate::ui::job::ReadOnly;
use crate::ui::state::{use_app, AppState};
use crate::ui::widgets::{DateInput, MemberYearPage, PrintButton, Whose};
use pledge_card::PledgeCard;

#[component]
pub fn CommitmentsPage() -> impl IntoView {
    view! {
        <MemberYearPage
            title="承诺践诺评诺"
            back=|_| "/fusion".to_string()
            editor=|w: Whose| {
                let area = Area::Commitments {
                    member_id: w.member_id.clone(),
                };
                // A member keeps their own 承诺; another's shows as it is.
                view! {
                    <ReadOnly area=area>
                        <Pledges state=use_app() member_id=w.member_id year=w.year name=w.name />
                    </ReadOnly>
                }
            }
        />
    }
}

/// Reads a part of the record (empty when it is not made yet).
fn part<R: Clone + Default + PartialEq + Send + Sync + 'static>(
    state: AppState,
    id: &str,
    f: impl Fn(&MemberCommitments) -> R + Send + Sync + 'static,
) -> Memo<R> {
    let id = id.to_string();
    Memo::new(move |_| {
        state
            .doc
            .with(|d| d.commitments_of(&id).map(&f).unwrap_or_default())
    })
}

#[component]
fn Pledges(state: AppState, member_id: String, year: i32, name: String) -> impl IntoView {
    let id = MemberCommitments::id_for(&member_id, year);
    let items = part(state, &id, |c| {
        c.items.iter().map(|i| i.id.clone()).collect::<Vec<_>>()
    });
    let hint = part(state, &id, |c| c.count_hint().unwrap_or_default());
    let published = part(state, &id, |c| c.published_on);
    let add = {
        let member_id = member_id.clone();
        move |_| {
            let item_id = clock::new_id("cmi");
            let today = clock::today();
            state.edit_commitments(&member_id, year, move |c| {
                if c.published_on.is_none() {
                    c.published_on = Some(today);
                }
                if !c.items.iter().any(|i| i.id == item_id) {
                    c.items.push(Commitment {
                        id: item_id.clone(),
                        ..Commitment::default()
                    });
                }
            });
        }
    };
    let (m_pub, m_print) = (member_id.clone(), member_id.clone());
    view! {
        <h2 class="period-label">{format!("{name} · {year}年")}</h2>
        <section class="card form">
            <DateInput
                label="公开日期"
                name="published-on"
                value=published
                on_change=move |d| state.edit_commitments(&m_pub, year, move |c| c.published_on = d)
            />
            <p class="hint">
                "一般在年初作出 2—5 项承诺（学习、工作、自律、服务），年中记录践诺情况，年底自评，支部评诺。"
            </p>
            <Show when=move || !hint.get().is_empty()>
                <p class="muted small">{move || hint.get()}</p>
            </Show>
            <button class="button primary" on:click=add>
                "＋ 一项承诺"
            </button>
        </section>
        <For each=move || items.get() key=|i| i.clone() let:item_id>
            <PledgeCard state=state member_id=member_id.clone() year=year item_id=item_id />
        </For>
        <section class="card actions">
            <PrintButton
                href=format!("/print/fusion/pledges/{year}-{m_print}")
                label="打印公开承诺书"
            />
        </section>
    }
}

/// The choices of a 自评 or 评诺: none yet (named `none`), or a degree of
/// fulfilment.
fn fulfilment_options(none: &'static str) -> Vec<(Option<Fulfilment>, &'static str)> {
    let mut options: Vec<(Option<Fulfilment>, &'static str)> = vec![(None, none)];
    options.extend(Fulfilment::ALL.map(|f| (Some(f), f.label())));
    options
}
