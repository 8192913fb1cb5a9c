//! What a passed 转正、延长预备期 or 取消预备党员资格 vote puts into the
//! roster, in one tap, once the member it is about is named. A 转正 put from
//! a 发展党员 path is left to the path, which records it once approved.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::meeting::VoteKind;
use crate::domain::roster::Extension;
use crate::domain::time::format_chinese_date;
use crate::domain::{MemberStatus, Reduction, Standing};
use crate::ui::handles::MeetingHandle;
use crate::ui::widgets::DateInput;

#[component]
pub fn VoteRosterEntry(
    meeting: MeetingHandle,
    kind: Signal<VoteKind>,
    member_id: Signal<Option<String>>,
    passed: Signal<bool>,
    /// The vote was put from a 发展党员 path kept here.
    from_path: Signal<bool>,
) -> impl IntoView {
    let state = meeting.state;
    let held_on = meeting.part(|m| m.effective_date());
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
    move || {
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
    }
}
