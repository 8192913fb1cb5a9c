//! Taking in a 报上级 package: a file, a pasted text or the link that
//! opened the app; a password when it has one. It is stored before the
//! screen says it is kept.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::Committee;
use crate::backup::report::read_report;
use crate::browser::transfer;
use crate::domain::report::collection::{Outcome, Received};
use crate::format::transfer::read as read_token;
use crate::ui::widgets::{PasteBox, TextField};

/// What reading a text gave.
enum Read {
    Report(Box<Received>, String),
    Locked(Option<String>),
    Refused(String),
}

async fn read(text: &str, password: &str) -> Read {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    let file = if trimmed.starts_with('{') {
        trimmed.to_string()
    } else {
        let token = match read_token(text) {
            Ok(token) => token,
            Err(why) => return Read::Refused(why.message().to_string()),
        };
        if token.encrypted && password.is_empty() {
            return Read::Locked(None);
        }
        match transfer::from_token(&token, Some(password)).await {
            Ok(file) => file,
            Err(why) if token.encrypted => return Read::Locked(Some(why)),
            Err(why) => return Read::Refused(why),
        }
    };
    match read_report(&file) {
        Ok(received) => Read::Report(Box::new(received), file),
        Err(why) => Read::Refused(why),
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Said {
    Ok(String),
    Error(String),
}

#[component]
pub(super) fn ReceiveCard(committee: Committee, pending: Option<String>) -> impl IntoView {
    let pasted = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let locked = RwSignal::new(None::<Option<String>>);
    let said = RwSignal::new(None::<Said>);
    let take = move |text: String| {
        let pass = password.get_untracked();
        said.set(None);
        spawn_local(async move {
            match read(&text, &pass).await {
                Read::Locked(why) => locked.set(Some(why)),
                Read::Refused(why) => said.set(Some(Said::Error(why))),
                Read::Report(received, file) => {
                    locked.set(None);
                    said.set(Some(keep(committee, *received, &file).await));
                }
            }
        });
    };
    if let Some(link) = pending {
        pasted.set(link.clone());
        // Once the store is open: the report is written at once.
        Effect::new(move |done: Option<bool>| {
            if done == Some(true) || committee.loading.get() {
                return done.unwrap_or(false);
            }
            take(link.clone());
            true
        });
    }
    view! {
        <section class="card form" data-testid="report-receive">
            <h2 class="card-title">"导入报上级材料"</h2>
            <PasteBox
                file_name="report-file"
                paste_name="report-paste"
                label="或粘贴支部发来的文字或链接"
                placeholder="把支部发来的整段文字粘贴到这里"
                rows=3
                pasted=pasted
                on_file=take
                on_unreadable=move |()| {
                    said.set(Some(Said::Error("无法读取这个文件".into())))
                }
            />
            {move || {
                locked
                    .get()
                    .map(|why| {
                        view! {
                            <TextField
                                label="这份材料设了密码，请输入"
                                name="report-password"
                                value=password
                                kind="password"
                            >
                                {why.map(|w| view! { <small class="error">{w}</small> })}
                            </TextField>
                        }
                    })
            }}
            <button
                class="button primary"
                type="button"
                on:click=move |_| take(pasted.get_untracked())
            >
                "导入"
            </button>
            {move || {
                said.get()
                    .map(|s| match s {
                        Said::Ok(text) => {
                            view! {
                                <p class="ok" role="status" data-testid="report-received">
                                    {text}
                                </p>
                            }
                                .into_any()
                        }
                        Said::Error(why) => {
                            view! {
                                <p class="error" role="alert">
                                    {why}
                                </p>
                            }
                                .into_any()
                        }
                    })
            }}
        </section>
    }
}

/// Stores the package (and the list, when a rename changed it), then
/// shows it: what the screen says is kept is on disk.
async fn keep(committee: Committee, received: Received, file: &str) -> Said {
    let name = received.report.branch_name.clone();
    let year = received.report.year;
    let key = received.key();
    committee.read_year(year).await;
    // Asked of the collection as it is, rather than of a copy of it: with
    // years of reports a copy costs more than the rest of the import.
    if !committee.collection.with_untracked(|c| c.takes(&received)) {
        return Said::Ok(format!(
            "“{name}”{year}年度的材料已是最新，本机保存的同样新或更新，未改动。"
        ));
    }
    if let Err(why) = committee.put(&key, file).await {
        return Said::Error(format!("未能保存：{why}"));
    }
    let mut outcome = Outcome::Kept;
    committee
        .collection
        .update(|c| outcome = c.receive(received));
    if let Outcome::Replaced {
        renamed_from: Some(_),
    } = &outcome
    {
        let expected = committee.collection.with_untracked(|c| c.expected.clone());
        if let Err(why) = committee.save_expected(expected).await {
            return Said::Error(format!("材料已保存，但应报名单未能更新：{why}"));
        }
    }
    Said::Ok(match outcome {
        Outcome::New => format!("已导入“{name}”{year}年度的报上级材料。"),
        Outcome::Replaced {
            renamed_from: Some(old),
        } => format!("已更新“{name}”（原名“{old}”）{year}年度的报上级材料。"),
        _ => format!("已用新材料替换“{name}”{year}年度的报上级材料。"),
    })
}
