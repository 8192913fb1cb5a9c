//! 发出数据: the whole backup, the 支部资料包 for members, a member's
//! 交给书记 return, or the year's 报上级 figures for the 党委, as a file, as a transfer text for a chat message, or
//! as a link, with an optional password. Every route ends in a copy
//! button: a share that is unavailable falls back to copying.

mod made_transfer;
mod private_choice;
mod report_year_select;
mod send_what;
mod transfer_text;

use leptos::prelude::*;

use crate::backup::package::NOTICE;
use crate::backup::report::{export_report, REPORT_NOTICE};
use crate::domain::report::{branch_report, usual_year};
use crate::domain::roster::display_order;
use crate::domain::Scope;
use crate::ui::file_offer::{FileOffer, OfferedFile};
use crate::ui::state::use_app;
use crate::ui::widgets::TextField;
use private_choice::PrivateChoice;
use report_year_select::ReportYearSelect;
use send_what::SendWhat;
use transfer_text::TransferText;

/// A link longer than this is not offered: some chats and phones cut or
/// refuse very long links. It carries a member's return or a few records;
/// a year's 支部资料包 (the example's twelve months: about 48,600
/// characters) goes as a transfer text or a file.
pub const LINK_LIMIT: usize = 16_000;
/// A transfer text longer than this is not offered: a chat message that
/// long may be cut.
pub const TEXT_LIMIT: usize = 60_000;

/// What is being sent: records in a package of a scope, or the 报上级
/// figures of a year, which are no records at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outgoing {
    Records(Scope),
    Report(i32),
}

impl Outgoing {
    fn label(self) -> &'static str {
        match self {
            Outgoing::Records(scope) => scope.label(),
            Outgoing::Report(_) => "报上级材料",
        }
    }
}

/// The file of what is being sent: (name, text).
fn outgoing_file(what: Outgoing) -> (String, String) {
    let state = use_app();
    match what {
        // The 支部资料包 lists the roster in the branch's order of names: the
        // phone that joins with it shows "你是谁" in that order.
        Outgoing::Records(scope) => {
            let order: Vec<String> = state.doc.with_untracked(|d| {
                display_order(&d.branch, &d.members)
                    .into_iter()
                    .map(|m| m.id.clone())
                    .collect()
            });
            state.package(scope, &order)
        }
        Outgoing::Report(year) => state.doc.with_untracked(|d| {
            let now = crate::domain::time::format_minutes(&crate::browser::clock::now());
            export_report(
                &branch_report(d, year, crate::browser::clock::today()),
                &now,
            )
        }),
    }
}

#[component]
pub fn SendPanel() -> impl IntoView {
    let state = use_app();
    // A member's phone sends their return; the committee's, a backup.
    let committee =
        crate::ui::job::use_may_edit(crate::domain::job::Area::Meetings).get_untracked();
    let what = RwSignal::new(Outgoing::Records(if committee {
        Scope::Full
    } else {
        Scope::Return
    }));
    let report_year = RwSignal::new(usual_year(crate::browser::clock::today()));
    let scope = move || match what.get() {
        Outgoing::Records(scope) => Some(scope),
        Outgoing::Report(_) => None,
    };
    let password = RwSignal::new(String::new());
    let last = move || {
        state.device.with(|d| match &d.last_backup_at {
            Some(t) => format!("上次备份：{t}，之后修改了 {} 次", d.edits_since_backup),
            None => "还没有导出过备份".into(),
        })
    };
    let has_me = move || state.device.with(|d| d.me.is_some());
    let has_ledger = move || {
        state
            .doc
            .with(|d| crate::domain::dues::kept_here(d) || crate::domain::development::kept_here(d))
    };
    let reporting = move || matches!(what.get(), Outgoing::Report(_));
    let file = move |()| {
        let (name, text) = outgoing_file(what.get_untracked());
        Some(OfferedFile {
            name,
            text,
            mime: "application/json",
        })
    };
    view! {
        <section class="card form" data-testid="send-panel">
            <h2 class="card-title">"导出与发送"</h2>
            <p data-testid="last-backup">{last}</p>
            <SendWhat what=what report_year=report_year />
            <Show when=reporting>
                <ReportYearSelect what=what report_year=report_year />
            </Show>
            <p class="hint">
                {move || match what.get() {
                    Outgoing::Report(_) => {
                        "报上级材料：发给党委组织员，只含统计数字。党委在“我是党委组织员”中导入，各支部分开保存，不会并入任何支部的数据。"
                            .to_string()
                    }
                    Outgoing::Records(Scope::Full) => {
                        "本机的全部数据。换手机或清理浏览器前务必导出一份。"
                            .to_string()
                    }
                    Outgoing::Records(Scope::Branch) => {
                        "支部信息、规则、名册（不含备注）和会议记录，不含党费台账。党员导入后，首页显示支部计划，自评可引用本人出席情况；党员自己的自评不受影响。"
                            .to_string()
                    }
                    Outgoing::Records(Scope::Return) => {
                        "本人的自评表和承诺，以及在本机记录或改过的会议、学习、重点任务进展和党小组月度工作，交给书记汇总。"
                            .to_string()
                    }
                }}
            </p>
            <p class="hint" data-testid="package-contents">
                {move || match what.get() {
                    Outgoing::Records(scope) => {
                        format!("将包含：{}。", state.package_contents(scope))
                    }
                    Outgoing::Report(year) => {
                        let today = crate::browser::clock::today();
                        state
                            .doc
                            .with(|d| {
                                format!(
                                    "将包含：{}。",
                                    branch_report(d, year, today).contents(),
                                )
                            })
                    }
                }}
            </p>
            <Show when=move || scope() == Some(Scope::Full) && has_ledger()>
                <PrivateChoice />
            </Show>
            <Show when=move || scope() == Some(Scope::Return) && !has_me()>
                <p class="warning">
                    "请先在“评议”页选择“我是”哪名党员，才能交自评。"
                </p>
            </Show>
            <TextField
                label="密码（可不填）"
                name="export-password"
                value=password
                kind="password"
                autocomplete="new-password"
                placeholder="不设密码"
            >
                <small class="muted">
                    "设了密码，对方导入时须输入同一密码。密码忘记后无法找回，文件也就无法打开。"
                </small>
            </TextField>
            <Show
                when=move || password.with(String::is_empty)
                fallback=move || {
                    view! { <TransferText what=what password=password label=MAKE_TEXT /> }
                }
            >
                {move || {
                    let full = scope() == Some(Scope::Full);
                    view! {
                        <FileOffer
                            label=if full { "导出备份" } else { "导出文件" }
                            make=file
                            on_saved=move |()| {
                                if full {
                                    state.mark_backed_up()
                                }
                            }
                            primary=true
                        />
                    }
                }}
                <TransferText what=what password=password label=MAKE_TEXT />
            </Show>
            <p class="hint">{move || if reporting() { REPORT_NOTICE } else { NOTICE }}</p>
        </section>
    }
}

/// The button that makes the transfer text on the send panel.
const MAKE_TEXT: &str = "生成传输文字（可发到微信）";

/// A member's 交给书记的材料 as a chat text, offered where the member
/// finishes what it carries (the 自评表): the same text, link and file as
/// the send panel's, never the file's raw text.
#[component]
pub fn HandInText(label: &'static str) -> impl IntoView {
    let what = RwSignal::new(Outgoing::Records(Scope::Return));
    let password = RwSignal::new(String::new());
    view! { <TransferText what=what password=password label=label /> }
}

/// The full backup offered: downloaded, shared or copied. `compact` is the
/// banner's version: one button.
#[component]
pub fn ExportButtons(compact: bool) -> impl IntoView {
    let state = use_app();
    let make = move |()| {
        let (name, text) = state.backup_file();
        Some(OfferedFile {
            name,
            text,
            mime: "application/json",
        })
    };
    view! {
        <FileOffer
            label="导出备份"
            make=make
            on_saved=move |()| state.mark_backed_up()
            primary=true
            compact=compact
        />
    }
}
