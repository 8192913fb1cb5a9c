//! What a passed 转正、延长预备期 or 取消预备党员资格 vote puts into the
//! roster, in one tap, once the member it is about is named. A 转正 put from
//! a 发展党员 path is left to the path, which records it once approved.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::meeting::VoteKind;
use crate::domain::roster::Extension;
use crate::domain::time::format_chinese_date;
use crate::domain::{Member, MemberStatus, Reduction, Standing};
use crate::ui::handles::MeetingHandle;
use crate::ui::state::use_app;
use crate::ui::widgets::FormDate;

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
    let extend_to = RwSignal::new(None::<NaiveDate>);
    move || {
        let m = member()?;
        let on = held_on.get()?;
        if !passed.get() || !m.is_active() {
            return None;
        }
        match kind.get() {
            VoteKind::ConfirmFull if m.standing == Standing::Probationary && !from_path.get() => {
                let since = m.probation_period_end().unwrap_or(on);
                Some(
                    view! {
                        <RosterAction
                            member_id=member_id
                            label="在名册中登记转正"
                            change=move || {
                                Some(
                                    member_change(move |m| {
                                        m.standing = Standing::Full;
                                        m.confirmed_on = Some(since);
                                    }),
                                )
                            }
                        >
                            <p class="muted small">
                                {format!(
                                    "转正须报上级党组织审批。批准后，登记{}为正式党员，转正日期为预备期满之日{}（党龄自此算起）。",
                                    m.name,
                                    format_chinese_date(since),
                                )}
                            </p>
                        </RosterAction>
                    }
                        .into_any(),
                )
            }
            VoteKind::ExtendProbation
                if m.standing == Standing::Probationary
                    && m.extension.as_ref().is_none_or(|e| e.decided_on != on) =>
            {
                Some(
                    view! {
                        <RosterAction
                            member_id=member_id
                            label="在名册中登记延长预备期"
                            change=move || {
                                extend_to
                                    .get_untracked()
                                    .map(|until| {
                                        member_change(move |m| {
                                            m.extension = Some(Extension { decided_on: on, until });
                                        })
                                    })
                            }
                        >
                            <FormDate
                                label="预备期延长至（半年至一年）"
                                name="extend-until"
                                value=extend_to
                            />
                        </RosterAction>
                    }
                    .into_any(),
                )
            }
            VoteKind::CancelProbation => Some(
                view! {
                    <RosterAction
                        member_id=member_id
                        label="在名册中办理减少"
                        change=move || {
                            Some(
                                member_change(move |m| {
                                    m.status = MemberStatus::Left {
                                        on: Some(on),
                                        why: Some(Reduction::ProbationCancelled),
                                        reason: String::new(),
                                    };
                                }),
                            )
                        }
                    >
                        <p class="muted small">
                            "取消预备党员资格须报上级党组织批准；批准后在名册中办理减少。"
                        </p>
                    </RosterAction>
                }
                .into_any(),
            ),
            _ => None,
        }
    }
}

/// What one tap puts into the named member's roster entry.
type MemberChange = Box<dyn Fn(&mut Member)>;

fn member_change(change: impl Fn(&mut Member) + 'static) -> MemberChange {
    Box::new(change)
}

/// One entry a passed vote offers to put into the roster: what it will say
/// (or what it needs first), and the button that puts it there.
#[component]
fn RosterAction(
    /// The member the vote was about.
    member_id: Signal<Option<String>>,
    /// The button's words ("在名册中登记转正").
    label: &'static str,
    /// The change the tap makes, read at the tap; `None` while something it
    /// needs is not filled in, and then the tap does nothing.
    change: impl Fn() -> Option<MemberChange> + 'static,
    /// Above the button: what the entry will say, or what it needs.
    children: Children,
) -> impl IntoView {
    let state = use_app();
    let put = move |_| {
        let (Some(id), Some(change)) = (member_id.get_untracked(), change()) else {
            return;
        };
        state.edit_roster(move |members| {
            if let Some(m) = members.iter_mut().find(|m| m.id == id) {
                change(m);
            }
        });
    };
    view! {
        <div class="roster-action">
            {children()} <button class="button small" type="button" on:click=put>
                {label}
            </button>
        </div>
    }
}
