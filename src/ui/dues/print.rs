//! The 党费 printouts (`domain::dues::sheets` says what each holds): the
//! year's 党费收缴登记表 on A4 landscape, the 公示 sheet, and a member's
//! own 交纳记录. None carries an income or a base.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::browser::clock;
use crate::domain::dues::rates::RULES;
use crate::domain::dues::sheets::{self, MemberRecord, Public, Register};
use crate::ui::print::Paper;
use crate::ui::state::use_app;

/// Which printout the address names.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Sheet {
    Register(i32),
    Public(i32),
    /// A member's record: (member id, year).
    Member(String, i32),
}

impl Sheet {
    fn parse(sheet: &str, arg: &str) -> Option<Sheet> {
        match sheet {
            "register" => Some(Sheet::Register(arg.parse().ok()?)),
            "public" => Some(Sheet::Public(arg.parse().ok()?)),
            "member" => {
                let (member, year) = arg.rsplit_once('-')?;
                Some(Sheet::Member(member.to_string(), year.parse().ok()?))
            }
            _ => None,
        }
    }
}

#[component]
pub fn DuesPrint() -> impl IntoView {
    let state = use_app();
    let params = use_params_map();
    move || {
        state.doc.track();
        let sheet = params.with(|p| {
            Sheet::parse(
                &p.get("sheet").unwrap_or_default(),
                &p.get("arg").unwrap_or_default(),
            )
        });
        let today = clock::today();
        match sheet {
            Some(Sheet::Register(year)) => {
                let register = state
                    .doc
                    .with_untracked(|d| sheets::register(d, year, today));
                view! { <RegisterSheet register=register /> }.into_any()
            }
            Some(Sheet::Public(year)) => {
                let public = state.doc.with_untracked(|d| sheets::public(d, year, today));
                view! { <PublicSheet public=public /> }.into_any()
            }
            Some(Sheet::Member(member, year)) => {
                match state
                    .doc
                    .with_untracked(|d| sheets::member_record(d, &member, year, today))
                {
                    Some(record) => {
                        view! { <MemberSheet record=record member=member /> }.into_any()
                    }
                    None => view! { <p class="empty">"找不到这名党员。"</p> }.into_any(),
                }
            }
            None => view! { <p class="empty">"找不到这份材料。"</p> }.into_any(),
        }
    }
}

#[component]
fn RegisterSheet(register: Register) -> impl IntoView {
    let year = register.year;
    let title = format!("{year}年党费收缴登记表");
    let text = {
        let mut lines = vec![title.clone()];
        for row in &register.rows {
            lines.push(format!(
                "{}：月交额 {}；{}；合计 {}",
                row.name,
                row.monthly,
                row.cells
                    .iter()
                    .enumerate()
                    .map(|(i, c)| format!("{}月 {}", i + 1, if c.is_empty() { "未交" } else { c }))
                    .collect::<Vec<_>>()
                    .join("，"),
                row.total
            ));
        }
        lines.join("\n")
    };
    let t = register.totals.clone();
    view! {
        <Paper
            title=title
            back=format!("/mine/dues/{year}")
            share_text=Signal::derive(move || text.clone())
            whole_page=true
        >
            <div class="fusion-sheet wide dues-sheet">
                <table class="grid-table tally-table dues-register">
                    <thead>
                        <tr>
                            <th scope="col" class="num">
                                "序号"
                            </th>
                            <th scope="col" class="col-person">
                                "姓名"
                            </th>
                            <th scope="col">"月交额"</th>
                            {(1..=12)
                                .map(|m| view! { <th scope="col">{format!("{m}月")}</th> })
                                .collect_view()}
                            <th scope="col">"合计"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {register
                            .rows
                            .iter()
                            .enumerate()
                            .map(|(i, row)| {
                                view! {
                                    <tr>
                                        <td class="num">{i + 1}</td>
                                        <td class="col-person">{row.name.clone()}</td>
                                        <td class="money">{row.monthly.clone()}</td>
                                        {row
                                            .cells
                                            .iter()
                                            .map(|c| view! { <td class="money">{c.clone()}</td> })
                                            .collect_view()}
                                        <td class="money">{row.total.to_string()}</td>
                                    </tr>
                                }
                            })
                            .collect_view()} <tr>
                            <td class="num"></td>
                            <th scope="row" class="col-person">
                                "应交"
                            </th>
                            <td></td>
                            {t
                                .months
                                .iter()
                                .map(|m| view! { <td class="money">{m.owed.to_string()}</td> })
                                .collect_view()}
                            <td class="money">{t.year().owed.to_string()}</td>
                        </tr> <tr>
                            <td class="num"></td>
                            <th scope="row" class="col-person">
                                "实交"
                            </th>
                            <td></td>
                            {t
                                .months
                                .iter()
                                .map(|m| view! { <td class="money">{m.paid.to_string()}</td> })
                                .collect_view()}
                            <td class="money">{t.year().paid.to_string()}</td>
                        </tr>
                    </tbody>
                </table>
                <p class="small-print">
                    "“免”为经上级党委批准免交，“—”为当月不在本支部或尚未起交，空白为未交。"
                </p>
                {(!register.notes.is_empty())
                    .then(|| {
                        view! {
                            <section class="paper-section">
                                <h2>"说明"</h2>
                                {register
                                    .notes
                                    .iter()
                                    .map(|n| view! { <p class="cell-line">{n.clone()}</p> })
                                    .collect_view()}
                            </section>
                        }
                    })}
                <section class="paper-section">
                    <h2>"上缴情况"</h2>
                    <table class="grid-table">
                        <thead>
                            <tr>
                                <th scope="col" class="col-date">
                                    "上缴日期"
                                </th>
                                <th scope="col">"金额（元）"</th>
                                <th scope="col" class="col-person">
                                    "经手人"
                                </th>
                                <th scope="col">"说明"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {register
                                .remittances
                                .iter()
                                .map(|r| {
                                    view! {
                                        <tr>
                                            <td class="col-date">
                                                {r
                                                    .paid_on
                                                    .map(crate::domain::time::format_short_date)
                                                    .unwrap_or_default()}
                                            </td>
                                            <td class="money">{r.amount.to_string()}</td>
                                            <td class="col-person">{r.handler.clone()}</td>
                                            <td>{r.note.clone()}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                    <p class="cell-line">
                        {format!(
                            "上年结存 {} 元，本年收缴 {} 元，上缴 {} 元，结存 {} 元。",
                            t.carried_in,
                            t.year().paid,
                            t.remitted,
                            t.balance(),
                        )}
                    </p>
                </section>
                <div class="signatures">
                    <p>"收缴人：" <span class="sign-line"></span></p>
                    <p>"党支部书记：" <span class="sign-line"></span></p>
                    <p>"日期：" <span class="sign-line short"></span></p>
                </div>
            </div>
        </Paper>
    }
}

#[component]
fn PublicSheet(public: Public) -> impl IntoView {
    let year = public.year;
    let title = format!("{year}年党费交纳情况公示");
    let text = {
        let mut lines = vec![title.clone()];
        for row in &public.rows {
            lines.push(format!("{}：{}，{} 元", row.name, row.months, row.amount));
        }
        lines.push(format!(
            "本年收缴 {} 元，上缴上级党委 {} 元，结存 {} 元。",
            public.collected, public.remitted, public.balance
        ));
        lines.join("\n")
    };
    view! {
        <Paper
            title=title
            back=format!("/mine/dues/{year}")
            share_text=Signal::derive(move || text.clone())
        >
            <table class="grid-table">
                <thead>
                    <tr>
                        <th scope="col" class="num">
                            "序号"
                        </th>
                        <th scope="col" class="col-person">
                            "姓名"
                        </th>
                        <th scope="col">"交纳月份"</th>
                        <th scope="col">"交纳金额（元）"</th>
                    </tr>
                </thead>
                <tbody>
                    {public
                        .rows
                        .iter()
                        .enumerate()
                        .map(|(i, row)| {
                            view! {
                                <tr>
                                    <td class="num">{i + 1}</td>
                                    <td class="col-person">{row.name.clone()}</td>
                                    <td>{row.months.clone()}</td>
                                    <td class="money">{row.amount.to_string()}</td>
                                </tr>
                            }
                        })
                        .collect_view()} <tr>
                        <td class="num"></td>
                        <th scope="row" class="col-person">
                            "合计"
                        </th>
                        <td></td>
                        <td class="money">{public.collected.to_string()}</td>
                    </tr>
                </tbody>
            </table>
            <section class="paper-section">
                <p>
                    {format!(
                        "本年度共收缴党费 {} 元，上缴上级党委 {} 元，结存 {} 元。",
                        public.collected,
                        public.remitted,
                        public.balance,
                    )}
                </p>
                <p>"如有疑问，请向党支部组织委员了解。"</p>
            </section>
            <div class="signatures">
                <p>"党支部（盖章）" <span class="sign-line"></span></p>
                <p>"日期：" <span class="sign-line short"></span></p>
            </div>
        </Paper>
    }
}

#[component]
fn MemberSheet(record: MemberRecord, member: String) -> impl IntoView {
    let year = record.year;
    let title = format!("{year}年党费交纳记录");
    let text = record.as_text();
    view! {
        <Paper
            title=title
            back=format!("/mine/dues/member/{member}/{year}")
            share_text=Signal::derive(move || text.clone())
        >
            <p class="sheet-meta">{format!("党员：{}", record.name)}</p>
            <table class="grid-table">
                <thead>
                    <tr>
                        <th scope="col" class="num">
                            "月份"
                        </th>
                        <th scope="col">"应交"</th>
                        <th scope="col">"实交"</th>
                        <th scope="col" class="col-date">
                            "交纳日期"
                        </th>
                        <th scope="col">"方式"</th>
                        <th scope="col">"备注"</th>
                    </tr>
                </thead>
                <tbody>
                    {record
                        .rows
                        .iter()
                        .map(|row| {
                            view! {
                                <tr>
                                    <td class="num">{format!("{}月", row.month)}</td>
                                    <td class="money">{row.owed.clone()}</td>
                                    <td class="money">{row.paid.clone()}</td>
                                    <td class="col-date">{row.paid_on.clone()}</td>
                                    <td>{row.way.clone()}</td>
                                    <td>{row.remark.clone()}</td>
                                </tr>
                            }
                        })
                        .collect_view()} <tr>
                        <th scope="row" class="num">
                            "合计"
                        </th>
                        <td class="money">{record.owed.to_string()}</td>
                        <td class="money">{record.paid.to_string()}</td>
                        <td></td>
                        <td></td>
                        <td></td>
                    </tr>
                </tbody>
            </table>
            <p class="small-print">{format!("依据：{RULES}。")}</p>
        </Paper>
    }
}
