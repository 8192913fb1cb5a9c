//! The home page: the branch at a glance and what needs doing.

use crate::ui::link::A;
use leptos::prelude::*;

use super::job::{use_may_edit, MyWorkCard};
use super::meetings::ThisMonthCard;
use super::state::use_app;
use crate::browser::clock;
use crate::domain::handover::term_notice;
use crate::domain::job::Area;
use crate::domain::rules::probation::probation_notices;
use crate::domain::time::format_chinese_date;
use crate::domain::Standing;

#[component]
pub fn HomePage() -> impl IntoView {
    let state = use_app();
    // The committee's reminders (转正, 发展党员, 换届) are for its phones; a
    // member's phone begins with their own work.
    let runs_branch = use_may_edit(Area::Meetings).get_untracked();
    let branch_name = move || {
        state.doc.with(|d| {
            let name = d.branch.name.trim();
            if name.is_empty() {
                "未命名支部".to_string()
            } else {
                name.to_string()
            }
        })
    };
    let active = move || {
        state
            .doc
            .with(|d| d.members.iter().filter(|m| m.is_active()).count())
    };
    let probationary = move || {
        state.doc.with(|d| {
            d.members
                .iter()
                .filter(|m| m.is_active() && m.standing == Standing::Probationary)
                .count()
        })
    };
    let groups = move || state.doc.with(|d| d.branch.groups.len());
    // 预备期 ending within a month: the 支部大会 should discuss 转正; a vote
    // recorded ends that, and asks for the roster to follow.
    let due_for_full = move || {
        state.doc.with(|d| {
            probation_notices(d, clock::today(), 31)
                .into_iter()
                .map(|(m, notice)| notice.sentence(&m.name))
                .collect::<Vec<_>>()
        })
    };
    // 发展党员: what is overdue or due within a month, on the phone that
    // keeps the paths (the secretary's: paths never travel to members).
    let development = move || {
        state.doc.with(|d| {
            crate::domain::development::due::due_soon(d, clock::today(), 31)
                .into_iter()
                .map(|(name, due)| {
                    let late = due.overdue(clock::today());
                    (format!("{name}：{}", due.sentence()), late)
                })
                .collect::<Vec<_>>()
        })
    };
    // Six months before the committee's term ends: prepare the 换届.
    let term = move || {
        state
            .doc
            .with(|d| term_notice(d, clock::today()).map(|n| n.sentence()))
    };
    let backup_due = move || {
        let every = state.doc.with(|d| d.branch.rules.backup_reminder_days);
        state.device.with(|d| d.backup_due(clock::today(), every))
    };
    let last_backup = move || {
        state
            .device
            .with(|d| d.last_backup_at.clone())
            .map_or("还没有导出过备份".to_string(), |t| {
                format!("上次备份：{t}")
            })
    };
    view! {
        <header class="home-header">
            <p class="muted small">{format_chinese_date(clock::today())}</p>
            <h1 class="page-title">{branch_name}</h1>
        </header>
        <MyWorkCard />
        <ThisMonthCard />
        <Show when=move || runs_branch && !due_for_full().is_empty()>
            <section class="card notice full-membership">
                <h2 class="card-title">"预备党员转正"</h2>
                {move || {
                    due_for_full().into_iter().map(|line| view! { <p>{line}</p> }).collect_view()
                }}
            </section>
        </Show>
        <Show when=move || runs_branch && !development().is_empty()>
            <section class="card notice development-due" data-testid="development-due">
                <h2 class="card-title">"发展党员"</h2>
                {move || {
                    let lines = development();
                    let more = lines.len().saturating_sub(5);
                    view! {
                        {lines
                            .into_iter()
                            .take(5)
                            .map(|(line, late)| {
                                view! {
                                    <p class:warning=late>
                                        {line}{if late { "（已超期）" } else { "" }}
                                    </p>
                                }
                            })
                            .collect_view()}
                        {(more > 0)
                            .then(|| view! { <p class="muted">{format!("还有 {more} 项")}</p> })}
                    }
                }}
                <A href="/mine/development" attr:class="button">
                    "发展党员"
                </A>
            </section>
        </Show>
        {move || {
            term()
                .filter(|_| runs_branch)
                .map(|line| {
                    view! {
                        <section class="card notice handover-reminder">
                            <h2 class="card-title">"支部委员会换届"</h2>
                            <p>{line}</p>
                            <A href="/mine/handover" attr:class="button">
                                "换届工作"
                            </A>
                        </section>
                    }
                })
        }}
        <section class="card">
            <h2 class="card-title">"支部概况"</h2>
            <div class="stats">
                <div class="stat">
                    <span class="stat-value">{active}</span>
                    <span class="stat-label">"在册党员"</span>
                </div>
                <div class="stat">
                    <span class="stat-value">{probationary}</span>
                    <span class="stat-label">"其中预备党员"</span>
                </div>
                <div class="stat">
                    <span class="stat-value">{groups}</span>
                    <span class="stat-label">"党小组"</span>
                </div>
            </div>
            <Show when=move || active() == 0>
                <p class="hint">
                    "先在“我的 › 党员名册”添加党员，签到和评议都会用到。"
                </p>
                <A href="/mine/roster" attr:class="button">
                    "添加党员"
                </A>
            </Show>
        </section>
        <Show when=backup_due>
            <section class="card notice backup-reminder">
                <p>
                    <strong>"该备份了。"</strong>
                    {last_backup}
                    "。数据只在这台设备上，导出一份备份文件更安心。"
                </p>
                <A href="/mine/backup" attr:class="button">
                    "导出备份"
                </A>
            </section>
        </Show>
    }
}
