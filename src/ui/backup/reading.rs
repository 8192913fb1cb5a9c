//! Reading what another phone sent (a file's text, a transfer text or a
//! link) into a checked package, the same way wherever it arrives: the
//! import screen and the first screen a link opens.

use std::rc::Rc;

use leptos::prelude::*;

use crate::backup::import::{read_backup, Outcome, Staged};
use crate::browser::transfer;
use crate::domain::validate::Problem;
use crate::format::transfer::read as read_token;
use crate::ui::result_note::ResultNote;

#[derive(Clone)]
pub enum Reading {
    Refused(Vec<Problem>),
    /// A transfer text with a password: asks for it, saying why if a
    /// password was tried.
    Locked(Option<String>),
    Ready(Rc<Staged>),
}

/// Whether `text` is a transfer text or link rather than a file.
fn is_transfer(text: &str) -> bool {
    !text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{')
        && text.contains("ZB")
}

/// A file's text, checked.
fn read_file_text(text: &str) -> Reading {
    match read_backup(text) {
        Outcome::Refused(problems) => Reading::Refused(problems),
        Outcome::Ready(staged) => Reading::Ready(Rc::new(*staged)),
    }
}

/// Whatever was pasted, opened or tapped, checked; `password` as typed
/// (empty when none was asked for yet).
pub async fn read_package(text: &str, password: &str) -> Reading {
    if !is_transfer(text) {
        return read_file_text(text);
    }
    let token = match read_token(text) {
        Ok(token) => token,
        Err(why) => return Reading::Refused(vec![Problem::new("文件", why.message())]),
    };
    if token.encrypted && password.is_empty() {
        return Reading::Locked(None);
    }
    match transfer::from_token(&token, Some(password)).await {
        Ok(file) => read_file_text(&file),
        Err(why) if token.encrypted => Reading::Locked(Some(why)),
        Err(why) => Reading::Refused(vec![Problem::new("文件", why)]),
    }
}

/// A package's problems, each with where it is; a long list stops at a
/// hundred and says how many more there are.
#[component]
pub fn ProblemList(problems: Vec<Problem>) -> impl IntoView {
    const SHOWN: usize = 100;
    let more = problems.len().saturating_sub(SHOWN);
    view! {
        <ul class="problems">
            {problems
                .into_iter()
                .take(SHOWN)
                .map(|p| {
                    view! {
                        <li>
                            <strong>{crate::domain::place::place(&p.path)}</strong>
                            "："
                            {p.message}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        {(more > 0)
            .then(|| {
                view! { <p class="hint">{format!("另有 {more} 个问题未列出。")}</p> }
            })}
    }
}

/// A line saying what becomes of some of a package's items, over the list
/// of them; nothing when there are none.
#[component]
pub fn ProblemSection(
    /// The line's class: `error` when something is lost, `hint` when not.
    class: &'static str,
    /// What becomes of the items listed.
    #[prop(into)]
    says: String,
    problems: Vec<Problem>,
) -> impl IntoView {
    (!problems.is_empty()).then(|| {
        view! {
            <p class=class>{says}</p>
            <ProblemList problems=problems />
        }
    })
}

/// A package with a password: asks for it, saying why the last one did
/// not open it.
#[component]
pub fn PasswordPrompt(
    password: RwSignal<String>,
    /// Why the last password did not open it.
    why: Option<String>,
    /// The field's name, for the page's tests.
    name: &'static str,
    #[prop(into)] on_unlock: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="report">
            <label class="field">
                <span>"这段内容设了密码，请输入发送人告诉你的密码"</span>
                <input
                    type="password"
                    name=name
                    autocomplete="off"
                    prop:value=password
                    on:input=move |ev| password.set(event_target_value(&ev))
                    on:keydown=move |ev| {
                        if ev.key() == "Enter" {
                            on_unlock.run(());
                        }
                    }
                />
            </label>
            <button class="button primary" type="button" on:click=move |_| on_unlock.run(())>
                "解锁"
            </button>
            // Beside the button that tried it, where the member looks.
            {why.map(|why| view! { <ResultNote text=why error=true /> })}
        </div>
    }
}
