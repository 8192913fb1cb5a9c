//! Each person sees their own job: the phone's person (`domain::job`),
//! read once for every screen, what home puts first for a member, the
//! read-only face of the committee's screens, and 我的's "这台手机".

mod my_work;
mod read_only;
mod this_phone;

pub use my_work::MyWorkCard;
pub use read_only::{ReadOnly, ReadOnlyNote};
pub use this_phone::ThisPhoneCard;

use leptos::prelude::*;

use super::state::{use_app, AppState};
use crate::domain::job::Person;

/// The one memo of the phone's person, shared by every screen.
#[derive(Clone, Copy)]
struct PersonMemo(Memo<Person>);

/// Provides the phone's person to every screen: called once with them.
pub fn provide_person() {
    provide_context(PersonMemo(person_memo(use_app())));
}

fn person_memo(state: AppState) -> Memo<Person> {
    Memo::new(move |_| {
        let (me, all) = state.device.with(|d| (d.me.clone(), d.shows_everything));
        state
            .doc
            .with(|d| Person::of(&d.members, me.as_deref(), all))
    })
}

/// The phone's person (a screen mounted on its own gets its own memo).
pub fn use_person() -> Memo<Person> {
    use_context::<PersonMemo>()
        .map(|p| p.0)
        .unwrap_or_else(|| person_memo(use_app()))
}

/// Whether this phone offers the committee's work (安排会议, 签到, the
/// record, 支部评诺, the 民主评议 tally).
pub fn use_sees_everything() -> Signal<bool> {
    let person = use_person();
    Signal::derive(move || person.with(Person::sees_everything))
}
