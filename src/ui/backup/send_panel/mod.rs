//! 发出数据: the whole backup, the 支部资料包 for members, a member's
//! 交给书记 return, or the year's 报上级 figures for the 党委, as a file, as a transfer text for a chat message, or
//! as a link, with an optional password. Every route ends in a copy
//! button: a share that is unavailable falls back to copying.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::backup::package::NOTICE;
use crate::backup::report::{export_report, REPORT_NOTICE};
use crate::browser::{files, transfer};
use crate::domain::report::{branch_report, usual_year};
use crate::domain::roster::display_order;
use crate::domain::Scope;
use crate::format::transfer::{message, report_message};
use crate::ui::file_offer::{FileOffer, OfferedFile};
use crate::ui::state::use_app;
use crate::ui::widgets::SwitchRow;

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
    let this_year = chrono::Datelike::year(&crate::browser::clock::today());
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
    let choice = move |value: Scope, hint: &'static str| {
        view! {
            <label class:selected=move || scope() == Some(value) title=hint>
                <input
                    type="radio"
                    name="package-scope"
                    prop:checked=move || scope() == Some(value)
                    on:change=move |_| what.set(Outgoing::Records(value))
                />
                {value.label()}
            </label>
        }
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
            // Four choices: two rows of two on a phone, one row on a wide
            // screen, each label on one line (laid out here, in this page's
            // own code, not in the stylesheet every first load carries).
            <fieldset
                class="segmented"
                aria-label="发送什么"
                data-testid="send-what"
                style:display="grid"
                style:grid-template-columns="repeat(auto-fit, minmax(7.5em, 1fr))"
                style:white-space="nowrap"
            >
                {choice(Scope::Full, "本机的全部数据")}
                {choice(Scope::Branch, "书记发给党员：支部信息、名册、会议")}
                {choice(Scope::Return, "党员交给书记：本人的自评和补学记录")}
                <label class:selected=reporting title="书记报党委：全年统计数字">
                    <input
                        type="radio"
                        name="package-scope"
                        data-testid="scope-report"
                        prop:checked=reporting
                        on:change=move |_| what.set(Outgoing::Report(report_year.get_untracked()))
                    />
                    "报上级"
                </label>
            </fieldset>
            <Show when=reporting>
                <label class="field">
                    <span>"报送年度"</span>
                    <select
                        name="report-year"
                        on:change=move |ev| {
                            if let Ok(year) = event_target_value(&ev).parse::<i32>() {
                                report_year.set(year);
                                what.set(Outgoing::Report(year));
                            }
                        }
                    >
                        {[this_year, this_year - 1]
                            .into_iter()
                            .map(|y| {
                                view! {
                                    <option
                                        value=y.to_string()
                                        selected=move || report_year.get() == y
                                    >
                                        {format!("{y}年度")}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
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
            <label class="field">
                <span>"密码（可不填）"</span>
                <input
                    type="password"
                    name="export-password"
                    autocomplete="new-password"
                    placeholder="不设密码"
                    prop:value=password
                    on:input=move |ev| password.set(event_target_value(&ev))
                />
                <small class="muted">
                    "设了密码，对方导入时须输入同一密码。密码忘记后无法找回，文件也就无法打开。"
                </small>
            </label>
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

/// Whether this full backup carries what is private (the 党费 ledger, the
/// 发展党员 paths): the keeper chooses, and the screen says what the file
/// will hold either way.
#[component]
fn PrivateChoice() -> impl IntoView {
    let state = use_app();
    let with = move || state.device.with(|d| d.backup_private);
    let held = move || {
        state.doc.with(|d| {
            (
                crate::domain::dues::kept_here(d),
                crate::domain::development::kept_here(d),
            )
        })
    };
    let label = move || {
        match held() {
        (true, false) => "包含党费台账（全体党员的收入、基数和党费金额）",
        (false, _) => "包含发展党员纪实（入党申请人的个人情况、政审和培养考察记录）",
        (true, true) => "包含党费台账（全体党员的收入、基数和党费金额）和发展党员纪实（入党申请人的个人情况、政审和培养考察记录）",
    }
    };
    view! {
        <SwitchRow
            attr:data-testid="backup-private"
            name="backup-private"
            label=label
            checked=Signal::derive(with)
            on_change=move |on| state.set_backup_private(on)
        />
        <p class="warning">
            {move || {
                match (with(), held()) {
                    (true, (true, false)) => {
                        "这份备份含全体党员的收入、基数和党费金额：只存在自己的设备上，不要发到群聊或网盘。"
                    }
                    (true, (false, _)) => {
                        "这份备份含入党申请人的个人情况和政审记录：只存在自己的设备上，不要发到群聊或网盘。"
                    }
                    (true, (true, true)) => {
                        "这份备份含全体党员的收入、基数和党费金额，以及入党申请人的个人情况和政审记录：只存在自己的设备上，不要发到群聊或网盘。"
                    }
                    (false, (true, false)) => {
                        "这份备份不含党费台账。换手机或清理浏览器前，请勾选上面一项再导出，否则党费记录不会跟着备份走。"
                    }
                    (false, (false, _)) => {
                        "这份备份不含发展党员纪实。换手机或清理浏览器前，请勾选上面一项再导出，否则发展党员纪实不会跟着备份走。"
                    }
                    (false, (true, true)) => {
                        "这份备份不含党费台账和发展党员纪实。换手机或清理浏览器前，请勾选上面一项再导出，否则它们不会跟着备份走。"
                    }
                }
            }}
        </p>
    }
}

/// What a transfer was made into, for copying.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Made {
    text: String,
    link: Option<String>,
    file_bytes: usize,
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

/// The transfer text (and link, when short enough) of the chosen package.
#[component]
fn TransferText(
    what: RwSignal<Outgoing>,
    password: RwSignal<String>,
    /// The button that makes it.
    label: &'static str,
) -> impl IntoView {
    let state = use_app();
    let made = RwSignal::new(None::<Result<Made, String>>);
    let copied = RwSignal::new(None::<&'static str>);
    Effect::new(move |_| {
        what.track();
        password.track();
        made.set(None);
    });
    let make = move |_| {
        let scope = what.get_untracked();
        let password = password.get_untracked();
        let (_, file) = outgoing_file(scope);
        let (branch, who) = state.doc.with_untracked(|d| {
            let who = state
                .device
                .with_untracked(|dev| dev.me.clone())
                .and_then(|id| d.member(&id).map(|m| m.name.clone()))
                .unwrap_or_default();
            (d.branch.name.clone(), who)
        });
        made.set(None);
        copied.set(None);
        spawn_local(async move {
            let result = transfer::to_token(&file, Some(&password))
                .await
                .map(|token| {
                    // A report names its branch, no person.
                    let from = if who.is_empty() || matches!(scope, Outgoing::Report(_)) {
                        branch.clone()
                    } else {
                        format!("{who}（{branch}）")
                    };
                    let header = format!(
                        "【支部工作手册·{}】{from}发送{}。",
                        scope.label(),
                        if token.encrypted {
                            "，已设密码"
                        } else {
                            ""
                        }
                    );
                    let make = match scope {
                        Outgoing::Records(_) => message,
                        Outgoing::Report(_) => report_message,
                    };
                    let message = make(
                        &crate::browser::base::app_url(),
                        &header,
                        &token,
                        LINK_LIMIT,
                    );
                    Made {
                        text: message.text,
                        link: message.link,
                        file_bytes: file.len(),
                    }
                });
            made.set(Some(result));
        });
    };
    let copy = move |what: &'static str, text: String| {
        spawn_local(async move {
            if files::copy_to_clipboard(&text).await.is_ok() {
                copied.set(Some(what));
            }
        });
    };
    // A text file of the transfer text: what a password-protected export
    // is as a file.
    let save_file = move |text: String| {
        let name = format!(
            "{}-{}.txt",
            what.get_untracked().label(),
            crate::domain::time::format_iso_date(crate::browser::clock::today())
        );
        if files::downloads_unreliable() || files::download(&name, &text, "text/plain").is_err() {
            spawn_local(async move {
                if !matches!(
                    files::share_file(&name, &text, "text/plain").await,
                    Ok(true)
                ) && files::copy_to_clipboard(&text).await.is_ok()
                {
                    copied.set(Some("文字"));
                }
            });
        }
    };
    let share = move |text: String| {
        spawn_local(async move {
            match files::share_text("支部工作手册", &text).await {
                Ok(true) => {}
                _ => {
                    if files::copy_to_clipboard(&text).await.is_ok() {
                        copied.set(Some("文字"));
                    }
                }
            }
        });
    };
    view! {
        <div class="transfer">
            <button class="button" type="button" on:click=make>
                {label}
            </button>
            {move || match made.get() {
                None => ().into_any(),
                Some(Err(why)) => {
                    view! {
                        <p class="error" role="alert">
                            {why}
                        </p>
                    }
                        .into_any()
                }
                Some(Ok(m)) => {
                    let too_long = m.text.chars().count() > TEXT_LIMIT;
                    let size = format!(
                        "文件 {} KB，传输文字 {} 字{}",
                        m.file_bytes / 1024,
                        m.text.chars().count(),
                        if m.link.is_some() { "，也可发链接" } else { "" },
                    );
                    let (text_copy, text_share, file_text) = (
                        m.text.clone(),
                        m.text.clone(),
                        m.text.clone(),
                    );
                    view! {
                        <p class="hint" data-testid="transfer-size">
                            {size}
                        </p>
                        {too_long
                            .then(|| {
                                view! {
                                    <p class="warning">
                                        "内容较多，聊天软件可能截断这么长的消息，建议改用文件发送。"
                                    </p>
                                }
                            })}
                        <textarea
                            readonly
                            rows="4"
                            name="transfer-text"
                            aria-label="传输文字"
                            prop:value=m.text.clone()
                        ></textarea>
                        <div class="row">
                            <button
                                class="button"
                                type="button"
                                on:click=move |_| save_file(file_text.clone())
                            >
                                "存为文件"
                            </button>
                            <button
                                class="button primary"
                                type="button"
                                on:click=move |_| copy("文字", text_copy.clone())
                            >
                                "复制文字"
                            </button>
                            <button
                                class="button"
                                type="button"
                                on:click=move |_| share(text_share.clone())
                            >
                                "分享…"
                            </button>
                            {m
                                .link
                                .clone()
                                .map(|l| {
                                    view! {
                                        <button
                                            class="button"
                                            type="button"
                                            on:click=move |_| copy("链接", l.clone())
                                        >
                                            "复制链接"
                                        </button>
                                    }
                                })}
                        </div>
                        {m
                            .link
                            .is_none()
                            .then(|| {
                                view! {
                                    <p class="hint">
                                        "内容太多，无法做成链接，请发送传输文字或文件。"
                                    </p>
                                }
                            })}
                    }
                        .into_any()
                }
            }}
            {move || {
                copied
                    .get()
                    .map(|what| {
                        view! {
                            <p class="ok" role="status">
                                {format!("已复制{what}，可以粘贴到聊天中发送。")}
                            </p>
                        }
                    })
            }}
        </div>
    }
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
