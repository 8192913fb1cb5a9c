//! 党费: the 组织委员's ledger on the phone that keeps it. The month's
//! collection (`month_page.rs`), a member's year (`member_page.rs`), the
//! branch's year with 上缴 and the unit's rules (`year_page.rs`); the
//! printouts are `ui::print::DuesPrint`. Nothing here leaves the phone except in a full
//! backup its keeper chose to make with it.

mod member_page;
mod month_page;
mod year_page;

pub use member_page::DuesMemberPage;
pub use month_page::DuesMonthPage;
pub use year_page::DuesYearPage;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::dues::{Fen, Way};
use crate::ui::widgets::{by_label, label_options, DateBox};

/// An amount field: it shows the stored amount, saves one that reads as
/// money when the member leaves the field, and says what is wrong with one
/// that does not (keeping what was typed).
#[component]
fn MoneyField(
    label: &'static str,
    name: &'static str,
    #[prop(into)] value: Signal<Option<Fen>>,
    #[prop(into)] on_save: Callback<Fen>,
    #[prop(optional)] placeholder: &'static str,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    view! {
        <label class="field">
            <span>{label}</span>
            <input
                type="text"
                inputmode="decimal"
                autocomplete="off"
                name=name
                placeholder=placeholder
                prop:value=move || value.get().map(|f| f.to_string()).unwrap_or_default()
                on:change=move |ev| match Fen::parse(&event_target_value(&ev)) {
                    Ok(fen) => {
                        error.set(None);
                        on_save.run(fen);
                    }
                    Err(why) => error.set(Some(why)),
                }
            />
            {move || {
                error
                    .get()
                    .map(|e| {
                        view! {
                            <small class="error" role="alert">
                                {e}
                            </small>
                        }
                    })
            }}
        </label>
    }
}

/// 现金 / 转账 / 线上.
#[component]
fn WaySelect(
    name: &'static str,
    #[prop(into)] value: Signal<Way>,
    #[prop(into)] on_change: Callback<Way>,
) -> impl IntoView {
    view! {
        <label class="field">
            <span>"方式"</span>
            <select
                name=name
                on:change=move |ev| {
                    let picked = event_target_value(&ev);
                    if let Some(way) = by_label(&Way::ALL, Way::label, &picked) {
                        on_change.run(way);
                    }
                }
            >
                {label_options(&Way::ALL, Way::label, value)}
            </select>
        </label>
    }
}

/// The day and the way of a payment about to be entered for several
/// months or members at once; the day cannot be emptied.
#[component]
fn PaidOnAndWay(
    /// The date field's `name`.
    day_name: &'static str,
    /// The way's `name`.
    way_name: &'static str,
    /// The day the money was paid.
    paid_on: RwSignal<NaiveDate>,
    /// 现金, 转账 or 线上.
    way: RwSignal<Way>,
) -> impl IntoView {
    let day = Signal::derive(move || Some(paid_on.get()));
    // Emptying the box keeps the day it had.
    let pick = move |day: Option<NaiveDate>| {
        if let Some(day) = day {
            paid_on.set(day);
        }
    };
    view! {
        <div class="two-cols">
            <label class="field">
                <span>"交纳日期"</span>
                <DateBox name=day_name value=day on_change=pick />
            </label>
            <WaySelect name=way_name value=way on_change=Callback::new(move |w| way.set(w)) />
        </div>
    }
}

/// The ledger of a month.
fn month_href(year: i32, month: u32) -> String {
    format!("/mine/dues/{year}/{month}")
}

fn member_href(member_id: &str, year: i32) -> String {
    format!("/mine/dues/member/{member_id}/{year}")
}
