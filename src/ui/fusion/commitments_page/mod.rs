//! A member's commitments of one year: 承诺 (类别、内容、时限), 践诺记录
//! through the year, 自评 at year end, and the branch's 评诺. The member
//! keeps this on their own phone and sends it with their return.

use leptos::prelude::*;

use crate::browser::clock;
use crate::domain::fusion::commitments::{BranchRating, KeptNote};
use crate::domain::fusion::{Commitment, CommitmentKind, Fulfilment, MemberCommitments};
use crate::domain::job::Area;
use crate::domain::time::format_chinese_date;
use crate::ui::draft_text::{DraftInput, DraftTextArea};
use crate::ui::job::{use_may_edit, ReadOnly};
use crate::ui::link::A;
use crate::ui::state::{use_app, AppState};
use crate::ui::widgets::{DateInput, MemberYearPage, Segmented, Whose};

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
            <A href=format!("/print/fusion/pledges/{year}-{m_print}") attr:class="button">
                "打印公开承诺书"
            </A>
        </section>
    }
}

#[component]
fn PledgeCard(state: AppState, member_id: String, year: i32, item_id: String) -> impl IntoView {
    // 评诺 is the committee's; a member's phone shows it read only.
    let rates = use_may_edit(Area::Tallies);
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
    let rating = {
        let item_id = item_id.clone();
        part(state, &id, move |c| {
            c.branch_rating(&item_id).cloned().unwrap_or_default()
        })
    };
    let edit = {
        let (member_id, item_id) = (member_id.clone(), item_id.clone());
        move |f: Box<dyn Fn(&mut Commitment)>| {
            let item_id = item_id.clone();
            let f = std::rc::Rc::new(f);
            state.edit_commitments(&member_id, year, move |c| {
                if let Some(i) = c.items.iter_mut().find(|i| i.id == item_id) {
                    f(i);
                }
            })
        }
    };
    let edit_rating = {
        let (member_id, item_id) = (member_id.clone(), item_id.clone());
        move |f: Box<dyn Fn(&mut BranchRating)>| {
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
        }
    };
    let kind = Signal::derive(move || item.with(|i| i.kind));
    let self_rating = Signal::derive(move || item.with(|i| i.self_rating));
    let branch_rating = Signal::derive(move || rating.with(|r| r.rating));
    let fulfilment = |none: &'static str| {
        let mut options: Vec<(Option<Fulfilment>, &'static str)> = vec![(None, none)];
        options.extend(Fulfilment::ALL.map(|f| (Some(f), f.label())));
        options
    };
    let add_note = {
        let edit = edit.clone();
        move |_| {
            let note_id = clock::new_id("kn");
            let today = clock::today();
            edit(Box::new(move |i| {
                if !i.notes.iter().any(|n| n.id == note_id) {
                    i.notes.push(KeptNote {
                        id: note_id.clone(),
                        date: Some(today),
                        text: String::new(),
                    });
                }
            }));
        }
    };
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
    let (e1, e2, e3, e4, e5) = (
        edit.clone(),
        edit.clone(),
        edit.clone(),
        edit.clone(),
        edit.clone(),
    );
    let (r1, r2) = (edit_rating.clone(), edit_rating);
    view! {
        <section class="card form pledge" data-testid="pledge">
            <Segmented
                name=format!("pledge-kind-{item_id}")
                label="类别"
                options=CommitmentKind::ALL.map(|k| (k, k.label())).to_vec()
                value=kind
                on_change=Callback::new(move |k| e1(Box::new(move |i| i.kind = k)))
            />
            <DraftTextArea
                label="承诺内容"
                name="pledge-text"
                rows=2
                value=Signal::derive(move || item.with(|i| i.text.clone()))
                on_save=Callback::new(move |v: String| e2(Box::new(move |i| i.text = v.clone())))
            />
            <DraftInput
                label="时限"
                name="pledge-deadline"
                placeholder="如：全年、6月底"
                value=Signal::derive(move || item.with(|i| i.deadline.clone()))
                on_save=Callback::new(move |v: String| e3(
                    Box::new(move |i| i.deadline = v.trim().to_string()),
                ))
            />
            <h3 class="list-heading row-between">
                <span>"践诺记录"</span>
                <button class="button small" on:click=add_note>
                    "＋ 记一条"
                </button>
            </h3>
            <For
                each=move || {
                    item.with(|i| {
                        i.notes.iter().map(|n| (n.id.clone(), n.date)).collect::<Vec<_>>()
                    })
                }
                key=|n| n.clone()
                let:note
            >
                {
                    let (note_id, date) = note;
                    let label = date
                        .map(format_chinese_date)
                        .unwrap_or_else(|| "践诺记录".into());
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
                    let e4 = e4.clone();
                    view! {
                        <DraftTextArea
                            label=label
                            name="kept-note"
                            rows=2
                            value=value
                            on_save=Callback::new(move |v: String| {
                                let note_id = note_id.clone();
                                e4(
                                    Box::new(move |i| {
                                        if let Some(n) = i
                                            .notes
                                            .iter_mut()
                                            .find(|n| n.id == note_id)
                                        {
                                            n.text = v.clone();
                                        }
                                    }),
                                )
                            })
                        />
                    }
                }
            </For>
            <Segmented
                name=format!("pledge-self-{item_id}")
                label="自评"
                options=fulfilment("未自评")
                value=self_rating
                on_change=Callback::new(move |f| e5(Box::new(move |i| i.self_rating = f)))
            />
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
                        options=fulfilment("未评价")
                        value=branch_rating
                        on_change=Callback::new(move |f| r1(Box::new(move |r| r.rating = f)))
                    />
                    <DraftInput
                        label="评价意见"
                        name="branch-comment"
                        value=Signal::derive(move || rating.with(|r| r.comment.clone()))
                        on_save=Callback::new(move |v: String| r2(
                            Box::new(move |r| r.comment = v.trim().to_string()),
                        ))
                    />
                </ReadOnly>
            </details>
            <button class="button small danger-link" on:click=remove>
                "删除这项承诺"
            </button>
        </section>
    }
}
