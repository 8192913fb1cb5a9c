//! Each person sees their own job: the phone's person (`domain::job`),
//! read once for every screen, what home puts first for a member, the
//! read-only face of the committee's screens, and 我的's "这台手机".

mod my_work;
mod read_only;
mod this_phone;

pub use my_work::MyWorkCard;
pub use read_only::{use_may_edit, ReadOnly};
pub use this_phone::ThisPhoneCard;

use leptos::prelude::*;

use super::state::{use_app, AppState};
use crate::domain::job::Person;

/// Whether the phone offers the committee's work, one memo for every
/// screen. A `bool` rather than the `Person`: home's code (the first load)
/// needs no more, and the pages that show the person make their own.
#[derive(Clone, Copy)]
struct SeesEverything(Memo<bool>);

/// Provides it to every screen: called once with them.
pub fn provide_person() {
    let person = person_memo(use_app());
    provide_context(SeesEverything(Memo::new(move |_| {
        person.with(Person::sees_everything)
    })));
}

/// The phone's person, following the roster and the device's settings.
pub fn use_person() -> Memo<Person> {
    person_memo(use_app())
}

fn person_memo(state: AppState) -> Memo<Person> {
    Memo::new(move |_| {
        let (me, all) = state.device.with(|d| (d.me.clone(), d.shows_everything));
        state
            .doc
            .with(|d| Person::of(&d.members, me.as_deref(), all))
    })
}

/// Whether this phone offers the committee's work (安排会议, 签到, the
/// record, 支部评诺, the 民主评议 tally). Outside the screens (nothing
/// provided) everything is offered, as before.
pub fn use_sees_everything() -> Memo<bool> {
    use_context::<SeesEverything>().map_or_else(|| Memo::new(|_| true), |s| s.0)
}
