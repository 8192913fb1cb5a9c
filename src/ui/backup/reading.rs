//! Reading what another phone sent (a file's text, a transfer text or a
//! link) into a checked package, the same way wherever it arrives: the
//! import screen and the first screen a link opens.

use std::rc::Rc;

use crate::backup::import::{read_backup, Outcome, Staged};
use crate::browser::transfer;
use crate::domain::validate::Problem;
use crate::format::transfer::read as read_token;

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
