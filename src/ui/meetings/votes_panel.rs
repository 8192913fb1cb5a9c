//! 表决 and 选举: only a body that decides (支部党员大会, 支委会) votes. Each
//! motion has its kind (一般事项, 接收预备党员, 转正), the counts in the room,
//! the written opinions (书面意见) where they count, and the result by the
//! rule of its body. An election has its own quorum and 得票 rule, and the
//! members not counted in 应到会人数 by a recorded decision.

use std::rc::Rc;

use leptos::prelude::*;

use crate::browser::{clock, dialog::confirm};
use crate::domain::meeting::{Candidate, Counts, Election, Exclusion, Vote, VoteKind};
use crate::domain::rules::attendance::due_members;
use crate::domain::rules::recording::{add_item, edit_item, remove_item};
use crate::domain::rules::vote::{basis, election_results, evaluate_vote, Body, VoteResult};
use crate::ui::draft_text::DraftInput;
use crate::ui::handles::MeetingHandle;

#[component]
pub fn VotesPanel(meeting: MeetingHandle) -> impl IntoView {
    let body = meeting.part(Body::of);
    let votes = meeting.part(|m| m.votes.iter().map(|v| v.id.clone()).collect::<Vec<_>>());
    let add = move |_| {
        let vote = Vote {
            id: clock::new_id("v"),
            motion: String::new(),
            in_favour: 0,
            against: 0,
            abstain: 0,
            kind: VoteKind::General,
            written: None,
        };
        meeting.edit(move |m| add_item(&mut m.votes, vote.clone()));
    };
    view! {
        <Show when=move || body.get().is_none()>
            <p class="warning">
                "这类会议不进行表决。需要决定的事项，请提交支部党员大会或支委会表决。"
            </p>
        </Show>
        <Show when=move || votes.with(|v| v.is_empty()) && body.get().is_some()>
            <p class="empty">"本次会议还没有表决事项。"</p>
        </Show>
        <For each=move || votes.get() key=|id| id.clone() let:vote_id>
            <VoteCard meeting=meeting vote_id=vote_id />
        </For>
        <Show when=move || body.get().is_some()>
            <button class="button" on:click=add>
                "＋ 添加表决事项"
            </button>
        </Show>
        <Show when=move || body.get() == Some(Body::Assembly)>
            <ElectionCard meeting=meeting />
            <ExclusionsCard meeting=meeting />
        </Show>
    }
}

/// What the card shows of one vote, worked out against the meeting.
#[derive(Clone, Debug, PartialEq)]
struct VoteView {
    vote: Vote,
    body: Option<Body>,
    sentence: String,
    warnings: Vec<String>,
    result: Option<VoteResult>,
    present_voters: usize,
}

#[component]
fn VoteCard(meeting: MeetingHandle, vote_id: String) -> impl IntoView {
    let state = meeting.state;
    let seen = {
        let vote_id = vote_id.clone();
        Memo::new(move |_| {
            state.doc.with(|d| {
                meeting
                    .with(|m| {
                        let vote = m.votes.iter().find(|v| v.id == vote_id)?.clone();
                        let outcome = evaluate_vote(m, &vote, &d.members);
                        Some(VoteView {
                            sentence: outcome
                                .as_ref()
                                .map(|o| o.sentence(&vote))
                                .unwrap_or_default(),
                            warnings: outcome
                                .as_ref()
                                .map(|o| o.warnings.clone())
                                .unwrap_or_default(),
                            result: outcome.as_ref().map(|o| o.result),
                            present_voters: outcome.as_ref().map_or(0, |o| o.present_voters),
                            body: outcome.as_ref().map(|o| o.body),
                            vote,
                        })
                    })
                    .flatten()
            })
        })
    };
    let edit = {
        let vote_id = vote_id.clone();
        move |change: Rc<dyn Fn(&mut Vote)>| {
            let id = vote_id.clone();
            meeting.edit(move |m| edit_item(&mut m.votes, &id, |v| change(v)));
        }
    };
    let count = move |get: fn(&Vote) -> u32| {
        Signal::derive(move || seen.with(|s| s.as_ref().map(|s| get(&s.vote)).unwrap_or_default()))
    };
    let setter = {
        let edit = edit.clone();
        move |set: fn(&mut Vote, u32)| {
            let edit = edit.clone();
            Callback::new(move |n: u32| edit(Rc::new(move |v| set(v, n))))
        }
    };
    let motion = Signal::derive(move || {
        seen.with(|s| {
            s.as_ref()
                .map(|s| s.vote.motion.clone())
                .unwrap_or_default()
        })
    });
    let kind = move || seen.with(|s| s.as_ref().map(|s| s.vote.kind).unwrap_or_default());
    let assembly = move || seen.with(|s| s.as_ref().and_then(|s| s.body)) == Some(Body::Assembly);
    let written_counts = move || assembly() && kind().takes_written_opinions();
    let motion_edit = edit.clone();
    let kind_edit = edit.clone();
    let unanimous_edit = edit.clone();
    let unanimous = move |_| {
        let n = seen.with_untracked(|s| s.as_ref().map_or(0, |s| s.present_voters));
        let n = u32::try_from(n).unwrap_or(u32::MAX);
        unanimous_edit(Rc::new(move |v| {
            v.in_favour = n;
            v.against = 0;
            v.abstain = 0;
        }));
    };
    view! {
        <section class="card form vote">
            <DraftInput
                label="表决事项"
                name="motion"
                placeholder="如：关于某某同志由预备党员转为正式党员的决议"
                value=motion
                on_save={move |t: String| {
                    let t = t.trim().to_string();
                    motion_edit(Rc::new(move |v| v.motion = t.clone()));
                }}
            />
            <Show when=assembly>
                <label class="field">
                    <span>"事项类别"</span>
                    <select
                        name="vote-kind"
                        on:change={
                            let kind_edit = kind_edit.clone();
                            move |ev| {
                                let v = event_target_value(&ev);
                                if let Some(k) = VoteKind::ALL.iter().find(|k| k.label() == v) {
                                    let k = *k;
                                    kind_edit(Rc::new(move |vote| vote.kind = k));
                                }
                            }
                        }
                    >
                        {VoteKind::ALL
                            .map(|k| {
                                view! {
                                    <option value=k.label() selected=move || kind() == k>
                                        {k.label()}
                                    </option>
                                }
                            })}
                    </select>
                </label>
            </Show>
            <h4 class="sub-title">"会场表决"</h4>
            <Counter
                label="赞成"
                name="in-favour"
                value=count(|v| v.in_favour)
                on_set=setter(|v, n| v.in_favour = n)
            />
            <Counter
                label="反对"
                name="against"
                value=count(|v| v.against)
                on_set=setter(|v, n| v.against = n)
            />
            <Counter
                label="弃权"
                name="abstain"
                value=count(|v| v.abstain)
                on_set=setter(|v, n| v.abstain = n)
            />
            <button class="button small" type="button" on:click=unanimous>
                "出席的全部赞成"
            </button>
            <Show when=written_counts>
                <h4 class="sub-title">
                    "书面意见（因故不能到会的有表决权正式党员会前提交）"
                </h4>
                <Counter
                    label="赞成"
                    name="written-in-favour"
                    value=count(|v| v.written.unwrap_or_default().in_favour)
                    on_set=setter(|v, n| {
                        v.written.get_or_insert_with(Counts::default).in_favour = n;
                    })
                />
                <Counter
                    label="反对"
                    name="written-against"
                    value=count(|v| v.written.unwrap_or_default().against)
                    on_set=setter(|v, n| v.written.get_or_insert_with(Counts::default).against = n)
                />
                <Counter
                    label="弃权"
                    name="written-abstain"
                    value=count(|v| v.written.unwrap_or_default().abstain)
                    on_set=setter(|v, n| v.written.get_or_insert_with(Counts::default).abstain = n)
                />
            </Show>
            {move || {
                seen.get()
                    .and_then(|s| {
                        let result = s.result?;
                        let body = s.body?;
                        Some(
                            view! {
                                // Green only for a clean pass: counts to check
                                // are a question, not a red error beside it.
                                <p
                                    class="vote-result"
                                    class:ok=result == VoteResult::Passed && s.warnings.is_empty()
                                >
                                    {s.sentence}
                                </p>
                                {s
                                    .warnings
                                    .into_iter()
                                    .map(|w| {
                                        view! {
                                            <p class="warning small" role="note">
                                                {w}
                                            </p>
                                        }
                                    })
                                    .collect_view()}
                                <p class="muted small">{basis(body, s.vote.kind)}</p>
                            },
                        )
                    })
            }}
            <button
                class="link-button small"
                type="button"
                on:click=move |_| {
                    if confirm("删除这项表决及其票数？") {
                        let id = vote_id.clone();
                        meeting.edit(move |m| remove_item(&mut m.votes, &id));
                    }
                }
            >
                "删除这项表决"
            </button>
        </section>
    }
}

/// A count with − and ＋ for one thumb. Each button sets the count the
/// member sees plus or minus one, so an edit applied again never counts
/// twice.
#[component]
fn Counter(
    label: &'static str,
    name: &'static str,
    #[prop(into)] value: Signal<u32>,
    #[prop(into)] on_set: Callback<u32>,
) -> impl IntoView {
    view! {
        <div class="counter">
            <span class="counter-label">{label}</span>
            <button
                class="step"
                type="button"
                aria-label=format!("{label}减一")
                on:click=move |_| on_set.run(value.get_untracked().saturating_sub(1))
            >
                "−"
            </button>
            <input
                type="number"
                name=name
                min="0"
                inputmode="numeric"
                aria-label=format!("{label}票数")
                prop:value=move || value.get().to_string()
                on:change=move |ev| on_set.run(event_target_value(&ev).parse::<u32>().unwrap_or(0))
            />
            <button
                class="step"
                type="button"
                aria-label=format!("{label}加一")
                on:click=move |_| on_set.run(value.get_untracked().saturating_add(1))
            >
                "＋"
            </button>
        </div>
    }
}

/// 选举 (换届、补选): four fifths must attend; a candidate needs more than
/// half of the votes of those present with a vote.
#[component]
fn ElectionCard(meeting: MeetingHandle) -> impl IntoView {
    let state = meeting.state;
    let election = meeting.part(|m| m.election.clone());
    let on = move || election.with(Option::is_some);
    let toggle = move |ev| {
        let want = event_target_checked(&ev);
        if !want && !confirm("取消选举并删除候选人和得票？") {
            return;
        }
        meeting.edit(move |m| {
            if want {
                m.election.get_or_insert_with(|| Election {
                    office: "支部委员会委员".into(),
                    ..Election::default()
                });
            } else {
                m.election = None;
            }
        });
    };
    let edit = move |f: Rc<dyn Fn(&mut Election)>| {
        meeting.edit(move |m| {
            if let Some(e) = m.election.as_mut() {
                f(e);
            }
        })
    };
    let results = Memo::new(move |_| {
        state.doc.with(|d| {
            meeting
                .with(|m| {
                    election_results(m, &d.members)
                        .into_iter()
                        .map(|r| (r.candidate.id, r.elected))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let candidates = move || {
        election.with(|e| {
            e.as_ref()
                .map(|e| {
                    e.candidates
                        .iter()
                        .map(|c| c.id.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let number = move |get: fn(&Election) -> Option<u32>| {
        move || {
            election.with(|e| {
                e.as_ref()
                    .and_then(get)
                    .map(|n| n.to_string())
                    .unwrap_or_default()
            })
        }
    };
    let add_candidate = move |name: String| {
        let candidate = Candidate {
            id: clock::new_id("cd"),
            name,
            votes: 0,
        };
        edit(Rc::new(move |e| {
            add_item(&mut e.candidates, candidate.clone())
        }));
    };
    view! {
        <section class="card form">
            <label class="switch-row">
                <input type="checkbox" name="election" prop:checked=on on:change=toggle />
                <span>
                    "本次会议进行选举（换届、补选）"
                    <small class="muted">
                        "有选举权的到会人数不少于应到会人数的五分之四，会议有效；得票超过实到会有选举权人数的半数始得当选。"
                    </small>
                </span>
            </label>
            <Show when=on>
                <DraftInput
                    label="选举职务"
                    name="office"
                    value=Signal::derive(move || {
                        election.with(|e| e.as_ref().map(|e| e.office.clone()).unwrap_or_default())
                    })
                    on_save={move |t: String| {
                        let t = t.trim().to_string();
                        edit(Rc::new(move |e| e.office = t.clone()));
                    }}
                />
                <div class="two-cols">
                    <label class="field">
                        <span>"应选人数"</span>
                        <input
                            type="number"
                            name="seats"
                            min="1"
                            inputmode="numeric"
                            prop:value=number(|e| e.seats)
                            on:change=move |ev| {
                                let n = event_target_value(&ev).parse::<u32>().ok();
                                edit(Rc::new(move |e| e.seats = n));
                            }
                        />
                    </label>
                    <label class="field">
                        <span>"收回选票"</span>
                        <input
                            type="number"
                            name="ballots-returned"
                            min="0"
                            inputmode="numeric"
                            prop:value=number(|e| e.ballots_returned)
                            on:change=move |ev| {
                                let n = event_target_value(&ev).parse::<u32>().ok();
                                edit(Rc::new(move |e| e.ballots_returned = n));
                            }
                        />
                    </label>
                </div>
                <h4 class="sub-title">"候选人得票"</h4>
                <For each=candidates key=|id| id.clone() let:id>
                    {
                        let find = id.clone();
                        let votes = Signal::derive(move || {
                            election
                                .with(|e| {
                                    e.as_ref()
                                        .and_then(|e| e.candidates.iter().find(|c| c.id == find))
                                        .map_or(0, |c| c.votes)
                                })
                        });
                        let find = id.clone();
                        let name = move || {
                            election
                                .with(|e| {
                                    e.as_ref()
                                        .and_then(|e| e.candidates.iter().find(|c| c.id == find))
                                        .map(|c| c.name.clone())
                                        .unwrap_or_default()
                                })
                        };
                        let find = id.clone();
                        let elected = Signal::derive(move || {
                            results.with(|r| r.iter().any(|(c, elected)| *c == find && *elected))
                        });
                        let (set_id, remove_id) = (id.clone(), id.clone());
                        view! {
                            <div class="candidate">
                                <p class="row-between">
                                    <span>{name}</span>
                                    <span class:ok=elected>
                                        {move || if elected.get() { "当选" } else { "未当选" }}
                                    </span>
                                </p>
                                <Counter
                                    label="得票"
                                    name="candidate-votes"
                                    value=votes
                                    on_set=Callback::new(move |n: u32| {
                                        let id = set_id.clone();
                                        edit(
                                            Rc::new(move |e| edit_item(
                                                &mut e.candidates,
                                                &id,
                                                |c| c.votes = n,
                                            )),
                                        );
                                    })
                                />
                                <button
                                    class="link-button small"
                                    type="button"
                                    on:click=move |_| {
                                        let id = remove_id.clone();
                                        edit(Rc::new(move |e| remove_item(&mut e.candidates, &id)));
                                    }
                                >
                                    "删除候选人"
                                </button>
                            </div>
                        }
                    }
                </For>
                <crate::ui::widgets::InlineAdd
                    name="new-candidate"
                    placeholder="候选人姓名"
                    maxlength=40
                    on_add=add_candidate
                />
            </Show>
        </section>
    }
}

/// 不计算在应到会人数之内: only by a decision (经上级党组织同意并经党员大会
/// 通过), recorded with its reason, never by default.
#[component]
fn ExclusionsCard(meeting: MeetingHandle) -> impl IntoView {
    let state = meeting.state;
    let excluded = meeting.part(|m| m.excluded.clone());
    let candidates = move || {
        state.doc.with(|d| {
            meeting
                .with(|m| {
                    due_members(m, &d.members)
                        .into_iter()
                        .filter(|x| !m.excluded.iter().any(|e| e.member_id == x.id))
                        .map(|x| (x.id.clone(), x.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let name_of = move |id: &str| {
        state
            .doc
            .with(|d| d.member(id).map(|m| m.name.clone()).unwrap_or_default())
    };
    let chosen = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let member_id = chosen.get_untracked();
        if member_id.is_empty() {
            return;
        }
        let entry = Exclusion {
            member_id,
            reason: reason.get_untracked().trim().to_string(),
        };
        meeting.edit(move |m| {
            if !m.excluded.iter().any(|e| e.member_id == entry.member_id) {
                m.excluded.push(entry.clone());
            }
        });
        chosen.set(String::new());
        reason.set(String::new());
    };
    view! {
        <details class="card form">
            <summary>
                {move || {
                    format!(
                        "不计算在应到会人数之内的党员（{} 人）",
                        excluded.with(Vec::len),
                    )
                }}
            </summary>
            <p class="hint">
                "因患精神疾病、自费出国半年以上、年老体弱卧床不起、外出半年以上未转组织关系等，经报上级党组织同意并经党员大会通过，可以不计算在应到会人数之内。只有作出这样的决定后才在此登记。"
            </p>
            <ul class="plain-list">
                <For each=move || excluded.get() key=|e| e.clone() let:e>
                    {
                        let remove = e.member_id.clone();
                        let text = if e.reason.is_empty() {
                            name_of(&e.member_id)
                        } else {
                            format!("{}（{}）", name_of(&e.member_id), e.reason)
                        };
                        view! {
                            <li class="row-between">
                                <span>{text}</span>
                                <button
                                    class="icon-button"
                                    type="button"
                                    aria-label="移除"
                                    on:click=move |_| {
                                        let id = remove.clone();
                                        meeting
                                            .edit(move |m| m.excluded.retain(|e| e.member_id != id));
                                    }
                                >
                                    "×"
                                </button>
                            </li>
                        }
                    }
                </For>
            </ul>
            <form class="stack" on:submit=add>
                <select
                    name="excluded-member"
                    aria-label="党员"
                    on:change=move |ev| chosen.set(event_target_value(&ev))
                >
                    <option value="" selected=move || chosen.with(String::is_empty)>
                        "选择党员"
                    </option>
                    {move || {
                        candidates()
                            .into_iter()
                            .map(|(id, name)| {
                                let selected = chosen.with_untracked(|c| *c == id);
                                view! {
                                    <option value=id selected=selected>
                                        {name}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
                <div class="inline-add">
                    <input
                        type="text"
                        name="excluded-reason"
                        placeholder="原因，如：外出半年以上未转组织关系"
                        maxlength="100"
                        prop:value=reason
                        on:input=move |ev| reason.set(event_target_value(&ev))
                    />
                    <button class="button" type="submit">
                        "登记"
                    </button>
                </div>
            </form>
        </details>
    }
}
