//! The month's collection: each member with what they owe, one tap to mark
//! them paid at that amount, and one tap for everyone who has not been
//! marked yet (then the exceptions are tapped back). Months not paid are
//! listed for the keeper; a member nearing six months not paid is shown to
//! the secretary, with 党章 §9's words and what comes first.

use chrono::Datelike;
use leptos::prelude::*;

use crate::domain::job::Area;
use crate::ui::job::{use_may_edit, ReadOnly};
use leptos_router::hooks::use_params_map;

use super::{member_href, month_href, PaidOnAndWay};
use crate::browser::clock;
use crate::domain::dues::ledger::{self, month_rows, rules_for, Row, Total};
use crate::domain::dues::warnings::{self, unpaid};
use crate::domain::dues::{DuesAccount, MonthStatus, Owed, Payment};
use crate::ui::link::A;
use crate::ui::state::{use_app, AppState};
use crate::ui::widgets::{PageHeader, PrintButton};

#[component]
pub fn DuesMonthPage() -> impl IntoView {
    let params = use_params_map();
    let which = Memo::new(move |_| {
        let today = clock::today();
        params.with(|p| {
            let year = p.get("year").and_then(|y| y.parse().ok());
            let month = p
                .get("month")
                .and_then(|m| m.parse().ok())
                .filter(|m| (1..=12).contains(m));
            match (year, month) {
                (Some(y), Some(m)) => (y, m),
                _ => (today.year(), today.month()),
            }
        })
    });
    view! {
        <PageHeader title="党费收缴" back="/mine" />
        <ReadOnly area=Area::Dues>
            {move || {
                let (year, month) = which.get();
                view! { <Month year=year month=month /> }
            }}
        </ReadOnly>
    }
}

fn neighbour(year: i32, month: u32, step: i32) -> (i32, u32) {
    let index = year * 12 + month as i32 - 1 + step;
    (index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
}

#[component]
fn Month(year: i32, month: u32) -> impl IntoView {
    let state = use_app();
    let today = clock::today();
    let rows = Memo::new(move |_| state.doc.with(|d| month_rows(d, year, month, today)));
    let total = Memo::new(move |_| rows.with(|r| Total::of(r)));
    let rules = Memo::new(move |_| state.doc.with(|d| rules_for(d, year)));
    let paid_on = RwSignal::new(today);
    let way = RwSignal::new(rules.get_untracked().way);
    // Who the last "其余…收讫" marked, for its 撤销.
    let bulk: RwSignal<Option<Vec<String>>> = RwSignal::new(None);
    let to_collect = move || {
        rows.with(|rows| {
            rows.iter()
                .filter(|r| r.status.is_unpaid() && r.payment.is_none())
                .map(|r| r.member_id.clone())
                .collect::<Vec<_>>()
        })
    };
    let collect_rest = move |_| {
        let ids = to_collect();
        if ids.is_empty() {
            return;
        }
        let keys: Vec<String> = ids.iter().map(|id| DuesAccount::id_for(id, year)).collect();
        let (on, how) = (paid_on.get_untracked(), way.get_untracked());
        let marked = ids.clone();
        state.edit_items::<DuesAccount>(&keys, move |d| {
            ledger::pay_owed(d, &marked, year, &[month], on, how);
        });
        state.confirm(format!("已记录 {} 人 {month} 月党费", ids.len()));
        bulk.set(Some(ids));
    };
    let undo_bulk = move |_| {
        if let Some(ids) = bulk.get_untracked() {
            let keys: Vec<String> = ids.iter().map(|id| DuesAccount::id_for(id, year)).collect();
            let on = paid_on.get_untracked();
            state.edit_items::<DuesAccount>(&keys, move |d| {
                for id in &ids {
                    // Only what that tap recorded and nobody changed since.
                    let untouched = d
                        .dues_account(&DuesAccount::id_for(id, year))
                        .and_then(|a| a.payment(month))
                        .is_some_and(|p| p.paid_on == Some(on));
                    if untouched {
                        ledger::record(d, id, year, month, None);
                    }
                }
            });
        }
        bulk.set(None);
    };
    let nobody_paid = move || total.with(|t| t.paid_lines == 0);
    let records = use_may_edit(Area::Dues);
    let rest = move || to_collect().len();
    let (prev, next) = (neighbour(year, month, -1), neighbour(year, month, 1));
    view! {
        <nav class="period-nav">
            <A
                href=month_href(prev.0, prev.1)
                attr:class="button small"
                attr:aria-label="上个月"
            >
                "‹"
            </A>
            <h2 class="period-label">{format!("{year}年{month}月")}</h2>
            <A
                href=month_href(next.0, next.1)
                attr:class="button small"
                attr:aria-label="下个月"
            >
                "›"
            </A>
        </nav>
        <section class="card tally" aria-live="polite" data-testid="dues-tally">
            <div class="tally-numbers dues-numbers">
                <span>
                    <b>{move || total.with(|t| t.owing)}</b>
                    "应交人数"
                </span>
                <span>
                    <b>{move || total.with(|t| t.paid_lines)}</b>
                    "已交"
                </span>
                <span>
                    <b>{move || total.with(|t| t.unpaid_lines)}</b>
                    "未交"
                </span>
            </div>
            <p class="quorum" data-testid="dues-sums">
                {move || total.with(|t| format!("应交 {} 元 · 实交 {} 元", t.owed, t.paid))}
            </p>
            <Show when=move || { rest() > 0 }>
                <div class="row">
                    <button
                        class="button"
                        class:primary=nobody_paid
                        data-testid="collect-rest"
                        on:click=collect_rest
                    >
                        {move || {
                            if nobody_paid() {
                                format!("全部 {} 人按应交额收讫", rest())
                            } else {
                                format!("其余 {} 人按应交额收讫", rest())
                            }
                        }}
                    </button>
                    <Show when=move || bulk.with(Option::is_some)>
                        <button class="link-button" on:click=undo_bulk>
                            "撤销"
                        </button>
                    </Show>
                </div>
                <PaidOnAndWay day_name="dues-paid-on" way_name="dues-way" paid_on=paid_on way=way />
            </Show>
            // Meant for whoever records payments, not a phone that reads them.
            <Show when=move || nobody_paid() && records.get()>
                <p class="hint">
                    "先点“全部…收讫”，再点未交的人改回。金额已按核定额填好。"
                </p>
            </Show>
        </section>
        <BaseMonthHint year=year month=month />
        <Unpaid />
        <Show
            when=move || !rows.with(Vec::is_empty)
            fallback=|| {
                view! {
                    <p class="empty">
                        "这个月没有需要交纳党费的党员。请先在“我的 › 党员名册”添加党员。"
                    </p>
                }
            }
        >
            <ul class="attendance-list card dues-list">
                <For each=move || rows.get() key=|row| row.clone() let:row>
                    <DuesRow
                        row=row
                        year=year
                        month=month
                        paid_on=paid_on.read_only()
                        way=way.read_only()
                        records=records
                    />
                </For>
            </ul>
        </Show>
        <section class="card actions">
            <A href=format!("/mine/dues/{year}") attr:class="button">
                {format!("{year}年汇总、上缴与本单位规定")}
            </A>
            <PrintButton
                href=format!("/print/dues/register/{year}")
                label="打印党费收缴登记表"
            />
        </section>
    }
}

/// One member's line: what they owe and a button that says what a tap
/// does (记为已交 / 改回未交), or where to go when a tap cannot do it.
#[component]
fn DuesRow(
    row: Row,
    year: i32,
    month: u32,
    paid_on: ReadSignal<chrono::NaiveDate>,
    way: ReadSignal<crate::domain::dues::Way>,
    records: Memo<bool>,
) -> impl IntoView {
    let state = use_app();
    let owed = match row.owed {
        Owed::Amount(a) => a.to_string(),
        Owed::Exempt => "免交".into(),
        Owed::Unset => "未核定".into(),
        Owed::Nothing => "—".into(),
    };
    let href = member_href(&row.member_id, year);
    let member_id = row.member_id.clone();
    let amount = row.owed.amount();
    let key = DuesAccount::id_for(&member_id, year);
    let tap = {
        let (member_id, key) = (member_id.clone(), key.clone());
        move |paid: bool| {
            let member_id = member_id.clone();
            let payment = (!paid).then(|| Payment {
                month,
                amount,
                paid_on: Some(paid_on.get_untracked()),
                way: Some(way.get_untracked()),
            });
            state.edit_items::<DuesAccount>(std::slice::from_ref(&key), move |d| {
                ledger::record(d, &member_id, year, month, payment.clone());
            });
        }
    };
    let action = match row.status {
        MonthStatus::Open | MonthStatus::Overdue | MonthStatus::Paid { .. } => {
            let paid = matches!(row.status, MonthStatus::Paid { .. });
            let shown = if paid {
                format!("{} ✓", row.status.label())
            } else {
                row.status.label().to_string()
            };
            let (marked, tap_does) = if paid {
                ("已交", "改回未交")
            } else {
                ("未交", "记为已交")
            };
            view! {
                <button
                    class="presence"
                    class:on=paid
                    class:overdue=row.status == MonthStatus::Overdue
                    data-dues=marked
                    aria-label=format!("{shown}（{}），点按{tap_does}", row.name)
                    on:click=move |_| tap(paid)
                >
                    {shown.clone()}
                </button>
            }
            .into_any()
        }
        // Where to settle it: the keeper's way, not a reader's.
        MonthStatus::Short { .. } | MonthStatus::Unset => {
            let (href, label) = (href.clone(), row.status.label());
            view! {
                <Show when=move || records.get()>
                    <A href=href.clone() attr:class="presence link-presence">
                        {label}
                    </A>
                </Show>
            }
            .into_any()
        }
        MonthStatus::NotOwed => view! { <span class="muted small">"免交"</span> }.into_any(),
    };
    let paid_note = row.payment.as_ref().and_then(|p| {
        (p.amount != amount || row.owed == Owed::Unset).then(|| format!("实交 {}", p.amount))
    });
    view! {
        <li class="attendance-row" data-member=row.member_id.clone()>
            <div class="attendance-main">
                <A href=href attr:class="member-name dues-name">
                    <span>{row.name.clone()}</span>
                    {row
                        .badges
                        .iter()
                        .map(|b| view! { <span class="badge">{*b}</span> })
                        .collect_view()}
                </A>
                <span class="dues-amount">
                    {owed} {paid_note.map(|n| view! { <small class="muted">{n}</small> })}
                </span>
                {action}
            </div>
        </li>
    }
}

/// In the month the branch fixes the base (本单位规定), a word to check
/// each member's amount.
#[component]
fn BaseMonthHint(year: i32, month: u32) -> impl IntoView {
    let state = use_app();
    let shown = move || state.doc.with(|d| rules_for(d, year).base_month == month);
    view! {
        <Show when=shown>
            <p class="warning">
                {format!(
                    "本单位每年{month}月核定党费基数（本单位规定）：请点姓名逐人核对本年度的基数或月交额，年内一般不变；工资变化从新工资的当月起调整。",
                )}
            </p>
        </Show>
    }
}

/// Whether this phone's user may see the six-month reminder.
fn for_secretary(state: AppState) -> bool {
    let me = state.device.with(|d| d.me.clone());
    state.doc.with(|d| {
        let me = me.as_deref().map(|id| d.member(id));
        match me {
            // Someone who has left the roster is no one in particular.
            Some(None) => false,
            Some(Some(m)) => warnings::sees_six_month_notice(Some(m)),
            None => warnings::sees_six_month_notice(None),
        }
    })
}

/// Months owed and not paid, with the run of months for the secretary.
#[component]
fn Unpaid() -> impl IntoView {
    let state = use_app();
    let today = clock::today();
    let found = Memo::new(move |_| {
        state.doc.with(|d| {
            unpaid(d, today)
                .iter()
                .map(|u| (u.sentence(), u.nearing_limit().then(|| u.run_sentence())))
                .collect::<Vec<_>>()
        })
    });
    let nearing = move || {
        found.with(|f| {
            f.iter()
                .filter_map(|(_, run)| run.clone())
                .collect::<Vec<_>>()
        })
    };
    let secretary = move || for_secretary(state);
    view! {
        <Show when=move || !found.with(Vec::is_empty)>
            <section class="card notice" data-testid="dues-unpaid">
                <h2 class="card-title">"未交月份"</h2>
                {move || found.get().into_iter().map(|(s, _)| view! { <p>{s}</p> }).collect_view()}
            </section>
        </Show>
        <Show when=move || secretary() && !nearing().is_empty()>
            <section class="card notice" data-testid="dues-six-months">
                <h2 class="card-title">"请关注（仅在本机显示）"</h2>
                {move || nearing().into_iter().map(|s| view! { <p>{s}</p> }).collect_view()}
                <p class="hint">{warnings::CHARTER}</p>
                <p class="hint">{warnings::FIRST}</p>
            </section>
        </Show>
    }
}
