//! The branch's 党费 year: 应交 and 实交 by month and quarter, 上缴 to the
//! 上级党委 (date, amount, 经手人) and the balance, the unit's own rules
//! (本单位规定), and the year's printouts.

use leptos::prelude::*;

use crate::domain::job::Area;
use crate::ui::job::ReadOnly;
use leptos_router::hooks::use_params_map;

use super::{month_href, MoneyField};
use crate::browser::clock;
use crate::domain::dues::ledger::{self, ledger_start, rules_for, year_totals, Total};
use crate::domain::dues::rates::RULES;
use crate::domain::dues::{DuesBook, DuesRules, Fen, Remittance, Rounding, Way};
use crate::domain::limits;
use crate::ui::state::{use_app, AppState};
use crate::ui::widgets::{
    ChangeField, DateInput, PageHeader, PrintButton, Segmented, SelectField, SwitchRow, YearNav,
};

#[component]
pub fn DuesYearPage() -> impl IntoView {
    let params = use_params_map();
    let year =
        Memo::new(move |_| params.with(|p| p.get("year").and_then(|y| y.parse::<i32>().ok())));
    view! {
        {move || {
            let back = year
                .get()
                .map_or("/mine/dues".to_string(), |y| month_href(y, 12.min(this_month(y))));
            view! { <PageHeader title="党费收缴" back=back /> }
        }}
        <ReadOnly area=Area::Dues>
            {move || match year.get() {
                Some(year) => view! { <Year year=year /> }.into_any(),
                None => view! { <p class="empty">"找不到这一年。"</p> }.into_any(),
            }}
        </ReadOnly>
    }
}

/// The month to go back to: this month in this year, December before.
fn this_month(year: i32) -> u32 {
    let today = clock::today();
    if chrono::Datelike::year(&today) == year {
        chrono::Datelike::month(&today)
    } else {
        12
    }
}

fn edit_book(state: AppState, year: i32, f: impl Fn(&mut DuesBook) + 'static) {
    state.edit_items::<DuesBook>(&[year.to_string()], move |d| ledger::edit_book(d, year, &f));
}

#[component]
fn Year(year: i32) -> impl IntoView {
    let state = use_app();
    let today = clock::today();
    let totals = Memo::new(move |_| state.doc.with(|d| year_totals(d, year, today)));
    let started = Memo::new(move |_| state.doc.with(ledger_start));
    let line = |label: String, t: Total| {
        view! {
            <li class="requirement">
                <span>{label}</span>
                <span class="requirement-count">{format!("应交 {}", t.owed)}</span>
                <span class="requirement-count">{format!("实交 {}", t.paid)}</span>
            </li>
        }
    };
    view! {
        <YearNav year=year href=|y| format!("/mine/dues/{y}") title=|y| format!("{y}年") />
        <section class="card" data-testid="dues-year-totals">
            <h2 class="card-title">"收缴汇总"</h2>
            {move || {
                started
                    .get()
                    .map(|(y, m)| {
                        view! {
                            <p class="hint">
                                {format!(
                                    "本台账自{y}年{m}月起在本机记录，此前的月份不提示未交。",
                                )}
                            </p>
                        }
                    })
            }}
            <ul class="requirement-list">
                {move || {
                    let t = totals.get();
                    (1..=4u32)
                        .map(|q| {
                            let months = (q * 3 - 2..=q * 3)
                                .map(|m| { line(format!("{m}月"), t.months[m as usize - 1]) })
                                .collect_view();
                            view! {
                                <li class="list-heading">
                                    {format!(
                                        "第{}季度",
                                        ["一", "二", "三", "四"][q as usize - 1],
                                    )}
                                </li>
                                {months}
                                {line("季度合计".into(), t.quarter(q))}
                            }
                        })
                        .collect_view()
                }} {move || line("全年合计".into(), totals.get().year())}
            </ul>
        </section>
        <Remittances year=year totals=totals />
        <LocalRules year=year />
        <section class="card actions">
            <PrintButton
                href=format!("/print/dues/register/{year}")
                label="打印党费收缴登记表"
            />
            <PrintButton
                href=format!("/print/dues/public/{year}")
                label="打印党费交纳情况公示"
            />
            <p class="hint">
                "公示只列姓名、交纳月份和金额，不列收入和基数。每年应当向党员公布1次党费收缴、使用情况。"
            </p>
        </section>
    }
}

/// 上缴 to the 上级党委 and the balance.
#[component]
fn Remittances(year: i32, totals: Memo<ledger::YearTotals>) -> impl IntoView {
    let state = use_app();
    let list = Memo::new(move |_| {
        state.doc.with(|d| {
            d.dues_book(&year.to_string())
                .map(|b| {
                    b.remittances
                        .iter()
                        .map(|r| r.id.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let entered_carry = Memo::new(move |_| {
        state
            .doc
            .with(|d| d.dues_book(&year.to_string()).and_then(|b| b.carried_in))
    });
    let first_year = Memo::new(move |_| {
        state.doc.with(|d| {
            !d.dues_books.iter().any(|b| b.year < year) && !d.dues.iter().any(|a| a.year < year)
        })
    });
    let add = move |_| {
        let id = clock::new_id("rm");
        let amount = totals.with_untracked(|t| t.balance()).max(Fen::ZERO);
        let today = clock::today();
        let handler = state.doc.with_untracked(|d| {
            state
                .device
                .with_untracked(|dev| dev.me.clone())
                .and_then(|me| d.member(&me).map(|m| m.name.clone()))
                .unwrap_or_default()
        });
        edit_book(state, year, move |b| {
            if !b.remittances.iter().any(|r| r.id == id) {
                b.remittances.push(Remittance {
                    id: id.clone(),
                    paid_on: Some(today),
                    amount,
                    handler: handler.clone(),
                    note: String::new(),
                });
            }
        });
    };
    view! {
        <section class="card form" data-testid="dues-remittances">
            <h2 class="card-title">"上缴上级党委"</h2>
            <div class="stats">
                <div class="stat">
                    <span class="stat-value small-value">
                        {move || totals.with(|t| t.year().paid.to_string())}
                    </span>
                    <span class="stat-label">"本年收缴"</span>
                </div>
                <div class="stat">
                    <span class="stat-value small-value">
                        {move || totals.with(|t| t.remitted.to_string())}
                    </span>
                    <span class="stat-label">"已上缴"</span>
                </div>
                <div class="stat">
                    <span class="stat-value small-value" data-testid="dues-balance">
                        {move || totals.with(|t| t.balance().to_string())}
                    </span>
                    <span class="stat-label">"结存"</span>
                </div>
            </div>
            <p class="hint">
                {move || {
                    totals
                        .with(|t| {
                            format!(
                                "结存 = 上年结存 {} + 本年收缴 − 已上缴。",
                                t.carried_in,
                            )
                        })
                }}
            </p>
            <Show when=move || first_year.get() || entered_carry.get().is_some()>
                <MoneyField
                    label="上年结存（开始在本机记账时手里的党费）"
                    name="dues-carried-in"
                    placeholder="0.00"
                    value=Signal::derive(move || entered_carry.get())
                    on_save=Callback::new(move |fen: Fen| {
                        edit_book(state, year, move |b| b.carried_in = Some(fen))
                    })
                />
            </Show>
            <For each=move || list.get() key=|id| id.clone() let:id>
                <RemittanceCard year=year id=id />
            </For>
            <button class="button" on:click=add>
                "＋ 记录一次上缴"
            </button>
        </section>
    }
}

#[component]
fn RemittanceCard(year: i32, id: String) -> impl IntoView {
    let state = use_app();
    let this = {
        let id = id.clone();
        Memo::new(move |_| {
            state.doc.with(|d| {
                d.dues_book(&year.to_string())
                    .and_then(|b| b.remittances.iter().find(|r| r.id == id).cloned())
                    .unwrap_or_default()
            })
        })
    };
    let change = {
        let id = id.clone();
        move |f: std::rc::Rc<dyn Fn(&mut Remittance)>| {
            let id = id.clone();
            edit_book(state, year, move |b| {
                if let Some(r) = b.remittance_mut(&id) {
                    f(r);
                }
            });
        }
    };
    let remove = {
        let id = id.clone();
        move |_| {
            if !crate::browser::dialog::confirm("删除这条上缴记录？") {
                return;
            }
            let id = id.clone();
            edit_book(state, year, move |b| b.remittances.retain(|r| r.id != id));
        }
    };
    let (c1, c2, c3, c4) = (change.clone(), change.clone(), change.clone(), change);
    view! {
        <fieldset class="plain dues-remittance">
            <div class="two-cols">
                <DateInput
                    label="上缴日期"
                    name="remittance-on"
                    value=Signal::derive(move || this.with(|r| r.paid_on))
                    on_change=Callback::new(move |d| {
                        c1(std::rc::Rc::new(move |r: &mut Remittance| r.paid_on = d))
                    })
                />
                <MoneyField
                    label="金额（元）"
                    name="remittance-amount"
                    value=Signal::derive(move || Some(this.with(|r| r.amount)))
                    on_save=Callback::new(move |fen: Fen| {
                        c2(std::rc::Rc::new(move |r: &mut Remittance| r.amount = fen))
                    })
                />
            </div>
            <div class="two-cols">
                <ChangeField
                    label="经手人"
                    name="remittance-handler"
                    maxlength=limits::NAME
                    value=Signal::derive(move || this.with(|r| r.handler.clone()))
                    on_change=move |v: String| {
                        c3(std::rc::Rc::new(move |r: &mut Remittance| r.handler = v.clone()))
                    }
                />
                <ChangeField
                    label="说明"
                    name="remittance-note"
                    maxlength=limits::SHORT
                    placeholder="如：第三季度党费"
                    value=Signal::derive(move || this.with(|r| r.note.clone()))
                    on_change=move |v: String| {
                        c4(std::rc::Rc::new(move |r: &mut Remittance| r.note = v.clone()))
                    }
                />
            </div>
            <button class="link-button" on:click=remove>
                "删除这条上缴记录"
            </button>
        </fieldset>
    }
}

/// 本单位规定: each one a setting, none national.
#[component]
fn LocalRules(year: i32) -> impl IntoView {
    let state = use_app();
    let rules = Memo::new(move |_| state.doc.with(|d| rules_for(d, year)));
    let set = move |f: fn(&mut DuesRules, u32), value: u32| {
        edit_book(state, year, move |b| f(&mut b.rules, value));
    };
    view! {
        <section class="card form" data-testid="dues-rules">
            <h2 class="card-title">"本单位规定"</h2>
            <p class="hint">
                {format!(
                    "以下各项由本单位规定，全国统一的是交纳比例和标准（{RULES}）。改动只影响{year}年及以后。",
                )}
            </p>
            <SelectField
                label="每年核定基数的月份"
                name="dues-base-month"
                on_change=move |typed: String| {
                    if let Ok(m) = typed.parse::<u32>() {
                        set(|r, m| r.base_month = m, m);
                    }
                }
                help="常见为每年1月，也有单位在7月调整工资后核定。"
            >
                {(1..=12u32)
                    .map(|m| {
                        view! {
                            <option
                                value=m.to_string()
                                selected=move || rules.with(|r| r.base_month == m)
                            >
                                {format!("{m}月")}
                            </option>
                        }
                    })
                    .collect_view()}
            </SelectField>
            <Segmented
                name="dues-rounding"
                label="金额计算"
                options=Rounding::ALL.iter().map(|r| (*r, r.label())).collect()
                value=Signal::derive(move || rules.with(|r| r.rounding))
                on_change=Callback::new(move |r: Rounding| {
                    edit_book(state, year, move |b| b.rules.rounding = r)
                })
            />
            <SwitchRow
                name="dues-quarterly-branch"
                label="本支部按季收缴"
                hint="按月交纳是原则；经党支部同意可以每季度交纳一次（第十二条）"
                checked=Signal::derive(move || rules.with(|r| r.quarterly))
                on_change=move |on| edit_book(state, year, move |b| b.rules.quarterly = on)
            />
            <Segmented
                name="dues-usual-way"
                label="常用交纳方式"
                options=Way::ALL.iter().map(|w| (*w, w.label())).collect()
                value=Signal::derive(move || rules.with(|r| r.way))
                on_change=Callback::new(move |w: Way| {
                    edit_book(state, year, move |b| b.rules.way = w)
                })
            />
        </section>
    }
}
