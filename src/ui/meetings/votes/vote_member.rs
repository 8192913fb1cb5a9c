//! The member a 接收、转正、延长预备期 or 取消预备党员资格 vote is about:
//! naming them ends the home page's reminder, lets a 转正 dated before the
//! 预备期 ends be flagged, and, once the vote passed, puts what it decided
//! into the roster in one tap.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::meeting::VoteKind;
use crate::domain::roster::{display_order, Extension};
use crate::domain::time::format_chinese_date;
use crate::domain::{MemberStatus, Reduction, Standing};
use crate::ui::handles::MeetingHandle;
use crate::ui::widgets::DateInput;

#[component]
pub fn VoteMember(
    meeting: MeetingHandle,
    #[prop(into)] kind: Signal<VoteKind>,
    #[prop(into)] member_id: Signal<Option<String>>,
    #[prop(into)] passed: Signal<bool>,
    /// The vote was put from a 发展党员 path kept here: the path records
    /// the 转正 once approved, and the roster follows it.
    #[prop(into)]
    from_path: Signal<bool>,
    #[prop(into)] on_change: Callback<Option<String>>,
) -> impl IntoView {
    let state = meeting.state;
    let held_on = meeting.part(|m| m.effective_date());
    // 预备党员 for a 转正、延长、取消; anyone on the roster for a 接收 (the
    // new member may already be entered), and always the one named.
    let choices = move || {
        let named = member_id.get();
        let kind = kind.get();
        state.doc.with(|d| {
            display_order(&d.branch, &d.members)
                .into_iter()
                .filter(|m| {
                    named.as_deref() == Some(m.id.as_str())
                        || (m.is_active()
                            && (kind == VoteKind::AdmitProbationary
                                || m.standing == Standing::Probationary))
                })
                .map(|m| (m.id.clone(), m.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    let member = move || {
        let id = member_id.get()?;
        state.doc.with(|d| d.member(&id).cloned())
    };
    let edit_member = move |f: Box<dyn Fn(&mut crate::domain::Member)>| {
        let Some(id) = member_id.get_untracked() else {
            return;
        };
        let f = std::rc::Rc::new(f);
        state.edit_roster(move |members| {
            if let Some(m) = members.iter_mut().find(|m| m.id == id) {
                f(m);
            }
        });
    };
    let extend_to = RwSignal::new(None::<NaiveDate>);
    view! {
        <label class="field">
            <span>"所涉党员"</span>
            <select
                name="vote-member"
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    on_change.run((!v.is_empty()).then_some(v));
                }
            >
                <option value="" selected=move || member_id.with(Option::is_none)>
                    {move || {
                        if kind.get() == VoteKind::AdmitProbationary {
                            "未录入名册（发展对象）"
                        } else {
                            "请选择预备党员"
                        }
                    }}
                </option>
                {move || {
                    choices()
                        .into_iter()
                        .map(|(id, name)| {
                            let chosen = member_id.get_untracked().as_deref() == Some(id.as_str());
                            view! {
                                <option value=id selected=chosen>
                                    {name}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </label>
        {move || {
            let m = member()?;
            let on = held_on.get()?;
            if !passed.get() || !m.is_active() {
                return None;
            }
            match kind.get() {
                VoteKind::ConfirmFull if m.standing == Standing::Probationary
                    && !from_path.get() => {
                    let since = m.probation_period_end().unwrap_or(on);
                    Some(
                        view! {
                            <div class="roster-action">
                                <p class="muted small">
                                    {format!(
                                        "转正须报上级党组织审批。批准后，登记{}为正式党员，转正日期为预备期满之日{}（党龄自此算起）。",
                                        m.name,
                                        format_chinese_date(since),
                                    )}
                                </p>
                                <button
                                    class="button small"
                                    type="button"
                                    on:click=move |_| {
                                        edit_member(
                                            Box::new(move |m| {
                                                m.standing = Standing::Full;
                                                m.confirmed_on = Some(since);
                                            }),
                                        )
                                    }
                                >
                                    "在名册中登记转正"
                                </button>
                            </div>
                        }
                            .into_any(),
                    )
                }
                VoteKind::ExtendProbation if m.standing == Standing::Probationary
                    && m.extension.as_ref().is_none_or(|e| e.decided_on != on) => {
                    Some(
                        view! {
                            <div class="roster-action">
                                <DateInput
                                    label="预备期延长至（半年至一年）"
                                    name="extend-until"
                                    value=extend_to
                                    on_change=move |d| extend_to.set(d)
                                />
                                <button
                                    class="button small"
                                    type="button"
                                    on:click=move |_| {
                                        if let Some(until) = extend_to.get_untracked() {
                                            edit_member(
                                                Box::new(move |m| {
                                                    m.extension = Some(Extension { decided_on: on, until });
                                                }),
                                            )
                                        }
                                    }
                                >
                                    "在名册中登记延长预备期"
                                </button>
                            </div>
                        }
                            .into_any(),
                    )
                }
                VoteKind::CancelProbation => {
                    Some(
                        view! {
                            <div class="roster-action">
                                <p class="muted small">
                                    "取消预备党员资格须报上级党组织批准；批准后在名册中办理减少。"
                                </p>
                                <button
                                    class="button small"
                                    type="button"
                                    on:click=move |_| {
                                        edit_member(
                                            Box::new(move |m| {
                                                m.status = MemberStatus::Left {
                                                    on: Some(on),
                                                    why: Some(Reduction::ProbationCancelled),
                                                    reason: String::new(),
                                                };
                                            }),
                                        )
                                    }
                                >
                                    "在名册中办理减少"
                                </button>
                            </div>
                        }
                            .into_any(),
                    )
                }
                _ => None,
            }
        }}
    }
}
