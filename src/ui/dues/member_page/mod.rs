//! A member's 党费 of one year: what was fixed (category, the base or the
//! 核定月交额, the rate the rule gives, 少交/免交 with its approval, 按季)
//! and each change within the year, the first month owed, every month's
//! payment, several months paid at once (按季, 补交), and their own record
//! to print or send them. One component per file for a term's card.

mod base_or_amount;
mod category_select;
mod relief_fields;
mod term_card;
mod term_change;

use chrono::{Datelike, Months};
use leptos::prelude::*;

use crate::domain::job::Area;
use crate::ui::job::ReadOnly;

use super::{month_href, MoneyField, PaidOnAndWay, WaySelect};
use crate::browser::clock;
use crate::domain::dues::account::{due_by, member_months};
use crate::domain::dues::ledger::{self, account, rules_for};
use crate::domain::dues::rates::RULES;
use crate::domain::dues::{DuesAccount, Fen, MonthStatus, Owed, Payment, Way};
use crate::ui::state::{use_app, AppState};
use crate::ui::widgets::{DateInput, MemberYearPage, PrintButton, SelectField, Whose, YearNav};
use term_card::TermCard;

#[component]
pub fn DuesMemberPage() -> impl IntoView {
    view! {
        <MemberYearPage
            title="党费"
            back=|year| {
                let today = clock::today();
                let year = year.unwrap_or(today.year());
                month_href(year, if year == today.year() { today.month() } else { 12 })
            }
            editor=|w: Whose| {
                view! {
                    <ReadOnly area=Area::Dues>
                        <MemberYear member_id=w.member_id year=w.year name=w.name />
                    </ReadOnly>
                }
            }
        />
    }
}

/// An edit of the member's account of the year, named for the store.
fn edit(
    state: AppState,
    member_id: &str,
    year: i32,
    op: impl Fn(&mut crate::domain::Document) + 'static,
) {
    state.edit_items::<DuesAccount>(&[DuesAccount::id_for(member_id, year)], op);
}

#[component]
fn MemberYear(member_id: String, year: i32, name: String) -> impl IntoView {
    let state = use_app();
    let stored = {
        let member_id = member_id.clone();
        Memo::new(move |_| {
            state
                .doc
                .with(|d| account(d, &member_id, year).into_owned())
        })
    };
    // The first month each term shows: the first is at least the first
    // month owed.
    let first_owed = {
        let member_id = member_id.clone();
        Memo::new(move |_| {
            state.doc.with(|d| {
                d.member(&member_id)
                    .map_or(1, |m| *stored.with(|a| a.months(m)).start())
            })
        })
    };
    let froms = Memo::new(move |_| {
        stored.with(|a| {
            let mut f: Vec<u32> = a.terms.iter().map(|t| t.from).collect();
            if f.is_empty() {
                f.push(1);
            }
            f
        })
    });
    let new_from = RwSignal::new(None::<u32>);
    let add_change = {
        let member_id = member_id.clone();
        move |_| {
            let Some(from) = new_from.get_untracked() else {
                return;
            };
            let id = member_id.clone();
            edit(state, &member_id, year, move |d| {
                ledger::edit_term(d, &id, year, from, |_| {});
            });
            new_from.set(None);
        }
    };
    let free_months =
        move || froms.with(|f| (2..=12u32).filter(|m| !f.contains(m)).collect::<Vec<_>>());
    let (m_first, m_print) = (member_id.clone(), member_id.clone());
    let (m_year, m_terms) = (member_id.clone(), member_id.clone());
    view! {
        <YearNav
            year=year
            href=move |y| super::member_href(&m_year, y)
            title=move |y| format!("{name} · {y}年")
        />
        <section class="card form" data-testid="dues-terms">
            <h2 class="card-title">"本年核定"</h2>
            <p class="hint">
                {format!(
                    "每年核定一次，年内一般不变；工资变化从新工资的当月起按新基数交纳。依据：{RULES}。",
                )}
            </p>
            <For each=move || froms.get() key=|f| *f let:from>
                <TermCard member_id=m_terms.clone() year=year from=from first_owed=first_owed />
            </For>
            <div class="inline-add">
                <select
                    name="dues-change-from"
                    aria-label="从几月起变化"
                    on:change=move |ev| new_from.set(event_target_value(&ev).parse().ok())
                >
                    <option value="" selected=move || new_from.get().is_none()>
                        "年内变化：从几月起"
                    </option>
                    {move || {
                        free_months()
                            .into_iter()
                            .map(|m| {
                                view! {
                                    <option value=m.to_string()>{format!("{m}月起")}</option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
                <button
                    class="button"
                    on:click=add_change
                    disabled=move || new_from.get().is_none()
                >
                    "添加"
                </button>
            </div>
            <FirstMonth member_id=m_first year=year stored=stored />
        </section>
        <Months member_id=member_id.clone() year=year stored=stored />
        <SeveralMonths member_id=member_id.clone() year=year stored=stored />
        <section class="card actions">
            <PrintButton
                href=format!("/print/dues/member/{m_print}-{year}")
                label="本人交纳记录（可打印或发给本人）"
            />
        </section>
    }
}

/// 起交月份: from the roster (the month of the 支部大会 for a 预备党员, the
/// month of joining), or as the keeper sets it.
#[component]
fn FirstMonth(member_id: String, year: i32, stored: Memo<DuesAccount>) -> impl IntoView {
    let state = use_app();
    let roster = {
        let member_id = member_id.clone();
        Memo::new(move |_| {
            state.doc.with(|d| {
                d.member(&member_id)
                    .map_or(1, |m| *member_months(m, year).start())
            })
        })
    };
    view! {
        <SelectField
            label="起交月份"
            name="dues-first-month"
            on_change=move |picked: String| {
                let month: Option<u32> = picked.parse().ok();
                let id = member_id.clone();
                edit(
                    state,
                    &member_id,
                    year,
                    move |d| {
                        ledger::edit_account(d, &id, year, |a| a.first_month = month);
                    },
                );
            }
            help="第八条：预备党员从支部大会通过其为预备党员之日起交纳党费。转入的党员一般从介绍信所写“党费交至”的下月起。"
        >
            <option value="" selected=move || stored.with(|a| a.first_month.is_none())>
                {move || format!("按名册：{}月", roster.get().min(12))}
            </option>
            {(1..=12u32)
                .map(|m| {
                    view! {
                        <option
                            value=m.to_string()
                            selected=move || stored.with(|a| a.first_month == Some(m))
                        >
                            {format!("{m}月")}
                        </option>
                    }
                })
                .collect_view()}
        </SelectField>
    }
}

/// Each month owed or paid: what was owed, and what was paid, when and how,
/// each open to change.
#[component]
fn Months(member_id: String, year: i32, stored: Memo<DuesAccount>) -> impl IntoView {
    let state = use_app();
    let today = clock::today();
    let lines = {
        let member_id = member_id.clone();
        Memo::new(move |_| {
            state.doc.with(|d| {
                let Some(member) = d.member(&member_id) else {
                    return Vec::new();
                };
                let rules = rules_for(d, year);
                let start = ledger::ledger_start(d);
                stored.with(|a| {
                    (1..=12u32)
                        .filter(|m| a.months(member).contains(m) || a.payment(*m).is_some())
                        .map(|m| {
                            (
                                m,
                                a.owed(member, m, rules.rounding),
                                a.payment(m).cloned(),
                                a.status(member, m, rules, today, ledger::kept(start, year, m)),
                            )
                        })
                        .collect::<Vec<_>>()
                })
            })
        })
    };
    view! {
        <section class="card" data-testid="dues-months">
            <h2 class="card-title">"各月交纳"</h2>
            <Show when=move || lines.with(Vec::is_empty)>
                <p class="empty">"这一年不在本支部交纳党费。"</p>
            </Show>
            <ul class="plain-list dues-months">
                <For each=move || lines.get() key=|l| l.clone() let:line>
                    <MonthLine member_id=member_id.clone() year=year line=line />
                </For>
            </ul>
        </section>
    }
}

#[component]
fn MonthLine(
    member_id: String,
    year: i32,
    line: (u32, Owed, Option<Payment>, MonthStatus),
) -> impl IntoView {
    let state = use_app();
    let (month, owed, payment, status) = line;
    let owed_text = match owed {
        Owed::Amount(a) => format!("应交 {a}"),
        Owed::Exempt => "免交".into(),
        Owed::Unset => "未核定".into(),
        Owed::Nothing => "不在本支部".into(),
    };
    let paid_text = payment.as_ref().map(|p| {
        let mut text = format!("实交 {}", p.amount);
        if let Some(on) = p.paid_on {
            text.push_str(&format!(" · {}月{}日", on.month(), on.day()));
        }
        if let Some(way) = p.way {
            text.push_str(&format!(" · {}", way.label()));
        }
        text
    });
    let way_default = state.doc.with_untracked(|d| rules_for(d, year).way);
    // Changes the month's payment, made at the amount owed when there is
    // none yet.
    let change = {
        let member_id = member_id.clone();
        move |f: std::rc::Rc<dyn Fn(&mut Payment)>| {
            let id = member_id.clone();
            let today = clock::today();
            edit(state, &member_id, year, move |d| {
                let f = f.clone();
                ledger::edit_account(d, &id, year, |a| {
                    let mut p = a.payment(month).cloned().unwrap_or(Payment {
                        month,
                        amount: owed.amount(),
                        paid_on: Some(today),
                        way: Some(way_default),
                    });
                    f(&mut p);
                    a.set_payment(month, Some(p));
                });
            });
        }
    };
    let remove = {
        let member_id = member_id.clone();
        move |_| {
            let id = member_id.clone();
            edit(state, &member_id, year, move |d| {
                ledger::record(d, &id, year, month, None)
            });
        }
    };
    let has_payment = payment.is_some();
    let amount = payment.as_ref().map(|p| p.amount);
    let paid_on = payment.as_ref().and_then(|p| p.paid_on);
    let way = payment.as_ref().and_then(|p| p.way).unwrap_or(way_default);
    let (c1, c2, c3) = (change.clone(), change.clone(), change);
    view! {
        <li>
            <details class="dues-month" data-month=month>
                <summary>
                    <span class="dues-month-name">{format!("{month}月")}</span>
                    <span class="muted small">{owed_text}</span>
                    <span
                        class="status"
                        class:done=status.is_paid()
                        class:overdue=matches!(
                            status,
                            MonthStatus::Overdue | MonthStatus::Short { .. }
                        )
                        class:due=!status.is_paid() && status != MonthStatus::Overdue
                    >
                        {status.label()}
                    </span>
                </summary>
                <div class="stack">
                    {paid_text.map(|t| view! { <p class="small">{t}</p> })}
                    <MoneyField
                        label="实交（元）"
                        name="dues-paid-amount"
                        placeholder=""
                        value=Signal::derive(move || {
                            amount.or(Some(owed.amount()).filter(|a| !a.is_zero()))
                        })
                        on_save=Callback::new(move |fen: Fen| {
                            c1(std::rc::Rc::new(move |p: &mut Payment| p.amount = fen))
                        })
                    /> <div class="two-cols">
                        <DateInput
                            label="交纳日期"
                            name="dues-paid-on-month"
                            value=Signal::derive(move || paid_on)
                            on_change=Callback::new(move |d| {
                                c2(std::rc::Rc::new(move |p: &mut Payment| p.paid_on = d))
                            })
                        />
                        <WaySelect
                            name="dues-way-month"
                            value=Signal::derive(move || way)
                            on_change=Callback::new(move |w: Way| {
                                c3(std::rc::Rc::new(move |p: &mut Payment| p.way = Some(w)))
                            })
                        />
                    </div>
                    {has_payment
                        .then(|| {
                            view! {
                                <button class="button danger small" on:click=remove.clone()>
                                    "删除这笔交纳记录"
                                </button>
                            }
                        })}
                </div>
            </details>
        </li>
    }
}

/// Several months paid at once: 按季, or 补交 of months missed.
#[component]
fn SeveralMonths(member_id: String, year: i32, stored: Memo<DuesAccount>) -> impl IntoView {
    let state = use_app();
    let today = clock::today();
    let open = {
        let member_id = member_id.clone();
        Memo::new(move |_| {
            state.doc.with(|d| {
                let Some(member) = d.member(&member_id) else {
                    return Vec::new();
                };
                let rounding = rules_for(d, year).rounding;
                stored.with(|a| {
                    (1..=12u32)
                        .filter(|m| a.payment(*m).is_none())
                        .filter_map(|m| match a.owed(member, m, rounding) {
                            Owed::Amount(x) if !x.is_zero() => Some((m, x)),
                            _ => None,
                        })
                        .collect::<Vec<_>>()
                })
            })
        })
    };
    let picked = RwSignal::new(Vec::<u32>::new());
    let paid_on = RwSignal::new(today);
    let way = RwSignal::new(state.doc.with_untracked(|d| rules_for(d, year).way));
    let sum = move || {
        picked.with(|p| {
            open.with(|o| {
                o.iter()
                    .filter(|(m, _)| p.contains(m))
                    .map(|(_, a)| *a)
                    .sum::<Fen>()
            })
        })
    };
    // 第十二条: 补交 generally within six months.
    let too_late = move || {
        let on = paid_on.get();
        picked.with(|p| {
            p.iter().any(|m| {
                due_by(year, *m, false)
                    .checked_add_months(Months::new(6))
                    .is_some_and(|limit| on > limit)
            })
        })
    };
    let pay = {
        let member_id = member_id.clone();
        move |_| {
            let months = picked.get_untracked();
            if months.is_empty() {
                return;
            }
            let (on, how) = (paid_on.get_untracked(), way.get_untracked());
            let ids = vec![member_id.clone()];
            edit(state, &member_id, year, move |d| {
                ledger::pay_owed(d, &ids, year, &months, on, how);
            });
            state.confirm(format!("已记录 {} 个月", picked.with_untracked(Vec::len)));
            picked.set(Vec::new());
        }
    };
    view! {
        <Show when=move || { open.with(|o| o.len() > 1) }>
            <section class="card form" data-testid="dues-several">
                <h2 class="card-title">"一次交纳多个月（按季、补交）"</h2>
                <ul class="chips">
                    <For each=move || open.get() key=|(m, a)| (*m, *a) let:item>
                        {
                            let month = item.0;
                            view! {
                                <li>
                                    <button
                                        class="chip-toggle small"
                                        class:on=move || picked.with(|p| p.contains(&month))
                                        aria-pressed=move || {
                                            picked.with(|p| p.contains(&month)).to_string()
                                        }
                                        on:click=move |_| {
                                            picked
                                                .update(|p| {
                                                    if let Some(at) = p.iter().position(|x| *x == month) {
                                                        p.remove(at);
                                                    } else {
                                                        p.push(month);
                                                        p.sort_unstable();
                                                    }
                                                })
                                        }
                                    >
                                        {format!("{month}月")}
                                    </button>
                                </li>
                            }
                        }
                    </For>
                </ul>
                <PaidOnAndWay
                    day_name="dues-several-on"
                    way_name="dues-several-way"
                    paid_on=paid_on
                    way=way
                />
                <Show when=too_late>
                    <p class="warning">
                        "第十二条：补交党费的时间一般不得超过6个月。已超过的，请按支部研究的意见处理。"
                    </p>
                </Show>
                <button
                    class="button primary"
                    on:click=pay.clone()
                    disabled=move || picked.with(Vec::is_empty)
                >
                    {move || {
                        let n = picked.with(Vec::len);
                        if n == 0 {
                            "先点选月份".to_string()
                        } else {
                            format!("记为已交（{n} 个月，合计 {} 元）", sum())
                        }
                    }}
                </button>
            </section>
        </Show>
    }
}
