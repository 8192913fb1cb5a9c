//! The transfer text (and link, when short enough) of the chosen package:
//! made on request, again whenever what is sent or the password changes.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::made_transfer::{Made, MadeTransfer};
use super::{outgoing_file, Outgoing, LINK_LIMIT};
use crate::browser::transfer;
use crate::format::transfer::{message, report_message};
use crate::ui::state::use_app;

#[component]
pub(super) fn TransferText(
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
                Some(Ok(m)) => view! { <MadeTransfer made=m what=what copied=copied /> }.into_any(),
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
