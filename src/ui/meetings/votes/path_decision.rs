//! A vote put from a 发展党员 path: whose path and what it decides, and once
//! the vote passed, the tap that records it there (the step with this
//! meeting; on 接收 the new 预备党员 in the roster with their 入党日期).

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::browser::clock;
use crate::domain::development::meetings::{
    link_vote, suggested_path, vote_link, Decision, VoteLink, NOT_YET,
};
use crate::domain::meeting::{Meeting, Vote, VoteKind};
use crate::domain::rules::recording::edit_item;
use crate::domain::time::format_chinese_date;
use crate::domain::Document;
use crate::ui::handles::MeetingHandle;
use crate::ui::link::A;

/// What recording `decision` on `day` will do, said before the tap.
fn what_recording_does(decision: Decision, name: &str, day: NaiveDate) -> String {
    let day = format_chinese_date(day);
    match decision {
        Decision::Admit => format!(
            "将在纪实中记录第15步（{day}），并在党员名册中登记{name}为预备党员，入党日期{day}，预备期自此算起。"
        ),
        Decision::Confirm => format!(
            "将在纪实中记录第23步（{day}）。转正须报上级党委审批，批准后在纪实中记录第24步。"
        ),
        Decision::Extend(months) => {
            format!("将在纪实和党员名册中记录延长预备期{months}个月（{day}决定）。")
        }
        Decision::Cancel => format!(
            "将在纪实中记录{day}取消预备党员资格；报上级党组织批准后，在名册中办理减少。"
        ),
        Decision::NameActivist | Decision::NameCandidate | Decision::CommitteeReview => {
            match decision.step() {
                Some(step) => format!("将在纪实中记录{}（{day}）。", step.title()),
                None => String::new(),
            }
        }
    }
}

/// The kind of a vote, as the question about a hand-entered vote words it.
fn what_kind(kind: VoteKind) -> &'static str {
    match kind {
        VoteKind::AdmitProbationary => "接收",
        VoteKind::ConfirmFull => "转正",
        other => other.label(),
    }
}

/// "待上级党委审批": a passed 接收 or 转正 recorded, its approval not yet.
fn awaiting_line(link: &VoteLink) -> Option<impl IntoView> {
    let awaiting = link.awaiting?;
    Some(view! {
        <p class="muted small">
            {format!(
                "{}：批准后，请在{}的纪实中登记审批日期。",
                awaiting.label(),
                link.name,
            )}
        </p>
    })
}

/// What `read` makes of the meeting's vote `vote_id` with the document,
/// followed as either changes; `None` once the vote is gone.
fn about_vote<T>(
    meeting: MeetingHandle,
    vote_id: String,
    read: fn(&Document, &Meeting, &Vote) -> Option<T>,
) -> Memo<Option<T>>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let state = meeting.state;
    Memo::new(move |_| {
        state.doc.with(|d| {
            meeting
                .with(|m| {
                    let vote = m.votes.iter().find(|v| v.id == vote_id)?;
                    read(d, m, vote)
                })
                .flatten()
        })
    })
}

#[component]
pub fn PathDecision(
    meeting: MeetingHandle,
    vote_id: String,
    #[prop(into)] passed: Signal<bool>,
) -> impl IntoView {
    let state = meeting.state;
    let link = about_vote(meeting, vote_id.clone(), vote_link);
    let day = meeting.part(|m| m.effective_date());
    let record_vote_id = vote_id.clone();
    let record = move |_| {
        let Some(link) = link.get_untracked() else {
            return;
        };
        let Some(decision) = link.decision else {
            return;
        };
        state.record_vote_on_path(
            &link.applicant_id,
            decision,
            &meeting.id(),
            &record_vote_id,
            clock::new_id("m"),
        );
        state.confirm(format!("已记入{}的发展党员纪实", link.name));
    };
    let suggestion = about_vote(meeting, vote_id.clone(), |d, m, vote| {
        suggested_path(d, m, vote).map(|s| (s, vote.kind))
    });
    let link_to = {
        let vote_id = vote_id.clone();
        move |applicant_id: String| {
            let member = state
                .doc
                .with_untracked(|d| d.applicant(&applicant_id).and_then(|a| a.member_id.clone()));
            let vote_id = vote_id.clone();
            meeting.edit(move |m| {
                edit_item(&mut m.votes, &vote_id, |v| {
                    link_vote(v, &applicant_id, member.as_deref())
                })
            });
        }
    };
    view! {
        {move || {
            suggestion
                .get()
                .map(|(s, kind)| {
                    let link_to = link_to.clone();
                    view! {
                        <p class="small path-suggest" data-testid="path-suggest">
                            {format!("这是{}的{}表决？", s.name, what_kind(kind))}
                            <button
                                class="link-button small"
                                type="button"
                                on:click=move |_| link_to(s.applicant_id.clone())
                            >
                                "关联发展党员纪实"
                            </button>
                        </p>
                    }
                })
        }}
        {move || {
            link.get()
                .map(|l| {
                    let what = match l.decision {
                        Some(d) => d.label(),
                        None => "与纪实的当前阶段不符".into(),
                    };
                    let outcome = match (l.decision, l.recorded, passed.get(), day.get()) {
                        (Some(Decision::Admit), true, _, _) => {
                            view! {
                                <p class="ok small">
                                    "已记入发展党员纪实，并已在党员名册中登记为预备党员。"
                                </p>
                                {awaiting_line(&l)}
                            }
                                .into_any()
                        }
                        (Some(_), true, _, _) => {
                            view! {
                                <p class="ok small">"已记入发展党员纪实。"</p>
                                {awaiting_line(&l)}
                            }
                                .into_any()
                        }
                        (None, _, _, _) => {
                            line(
                                "warning small",
                                "表决事项的类别与这位同志纪实的当前阶段不符，请核对。",
                            )
                        }
                        (Some(_), false, false, _) => {
                            line(
                                "muted small",
                                "表决通过后，可一键记入发展党员纪实。",
                            )
                        }
                        (Some(_), false, true, None) => {
                            line("warning small", "请先填写会议日期，再记入纪实。")
                        }
                        (Some(_), false, true, Some(on)) if on > clock::today() => {
                            line("warning small", (NOT_YET, "。"))
                        }
                        (Some(d), false, true, Some(on)) => {
                            let record = record.clone();
                            view! {
                                <p class="muted small">{what_recording_does(d, &l.name, on)}</p>
                                <button class="button small primary" type="button" on:click=record>
                                    "记入发展党员纪实"
                                </button>
                            }
                                .into_any()
                        }
                    };
                    view! {
                        <div class="roster-action path-decision" data-testid="path-decision">
                            <p class="small">
                                "发展党员纪实："
                                <A href=format!("/mine/development/{}", l.applicant_id)>{l.name}</A>
                                {format!("（{what}）")}
                            </p>
                            {outcome}
                        </div>
                    }
                })
        }}
    }
}

/// One line of what the vote means for the path, in the small type of the
/// vote's card.
fn line(class: &'static str, says: impl IntoView + 'static) -> AnyView {
    view! { <p class=class>{says}</p> }.into_any()
}
