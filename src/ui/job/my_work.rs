//! Home's first card on a member's phone: their own work, one tap each.

use chrono::Datelike;
use leptos::prelude::*;

use super::use_person;
use crate::browser::clock;
use crate::domain::assessment::{form_for, kinds_for};
use crate::domain::fusion::MemberCommitments;
use crate::domain::job::Person;
use crate::ui::state::{use_app, AppState};
use crate::ui::widgets::MenuRow;

/// 自评, 承诺, 学习 and 交给书记 for the phone's member; a 党小组长 also
/// has their group's month. Nothing on a phone that sees everything, which
/// fetches none of its code: the committee's home stays as small as it was.
/// Read as home opens: who uses the phone changes on 我的, another page.
#[component]
pub fn MyWorkCard() -> impl IntoView {
    let state = use_app();
    let shown = use_person().with_untracked(Person::own_work_first);
    shown.then(|| Suspend::new(my_work_card(state)))
}

/// The card's code, in the split build fetched only by a member's phone.
#[cfg_attr(feature = "split", leptos::lazy)]
#[allow(unsafe_code)] // the lazy loader's generated chunk import
async fn my_work_card(state: AppState) -> AnyView {
    view! { <MyWork state=state /> }.into_any()
}

#[component]
fn MyWork(state: AppState) -> impl IntoView {
    let person = use_person();
    let today = clock::today();
    let year = today.year();
    // The 民主评议 is of the year before until the end of February.
    let assess_year = if today.month() <= 2 { year - 1 } else { year };
    let work = Memo::new(move |_| {
        let p = person.get();
        let id = p.member_id.clone().filter(|_| p.own_work_first())?;
        state.doc.with(|d| {
            let member = d.member(&id)?;
            let forms: Vec<bool> = kinds_for(member)
                .into_iter()
                .filter_map(|kind| form_for(d, &id, assess_year, kind).map(|f| f.is_finished()))
                .collect();
            let assessment = if forms.is_empty() {
                "未开始"
            } else if forms.iter().all(|done| *done) {
                "已完成"
            } else {
                "填写中"
            };
            let pledges = d
                .commitments_of(&MemberCommitments::id_for(&id, year))
                .map_or(0, |c| c.items.len());
            let group = p.leads_group().map(|g| {
                let name = d
                    .branch
                    .groups
                    .iter()
                    .find(|x| x.id == g)
                    .map_or_else(|| "本党小组".to_string(), |x| x.name.clone());
                (g.to_string(), name)
            });
            Some(Work {
                id,
                name: p.name.clone(),
                assessment,
                pledges,
                group,
            })
        })
    });
    move || {
        work.get().map(|w| {
            let row = |href: String, label: String, detail: String| {
                view! { <MenuRow href=href label=label detail=detail /> }
            };
            let month = today.month();
            view! {
                <section class="card my-work" data-testid="my-work">
                    <h2 class="card-title">{format!("{}的工作", w.name)}</h2>
                    <nav class="menu">
                        {row(
                            "/assess".into(),
                            format!("{assess_year}年度自评"),
                            w.assessment.into(),
                        )}
                        {row(
                            format!("/fusion/commitments/{}/{year}", w.id),
                            "我的承诺".into(),
                            if w.pledges == 0 {
                                "还没有承诺".into()
                            } else {
                                format!("{} 项", w.pledges)
                            },
                        )}
                        {row(
                            format!("/fusion/hours/{year}"),
                            "学习与学时".into(),
                            String::new(),
                        )}
                        {w
                            .group
                            .map(|(g, name)| {
                                row(
                                    format!("/fusion/groups/{g}/{year}/{month}"),
                                    format!("{name}{month}月工作"),
                                    "党小组长".into(),
                                )
                            })}
                        {row(
                            "/mine/backup".into(),
                            "交给书记".into(),
                            "自评、补学记录发给书记".into(),
                        )}
                    </nav>
                </section>
            }
        })
    }
}

#[derive(Clone, PartialEq)]
struct Work {
    id: String,
    name: String,
    assessment: &'static str,
    pledges: usize,
    group: Option<(String, String)>,
}
