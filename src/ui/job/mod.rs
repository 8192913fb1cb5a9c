//! Each person sees their own job: the phone's person (`domain::job`),
//! read once for every screen, what home puts first for a member, the
//! read-only face of the committee's screens, and 我的's "这台手机".

mod my_work;
mod read_only;
mod this_phone;

pub use my_work::MyWorkCard;
pub use read_only::{use_frozen, use_may_edit, ReadOnly, WhereEditable};
pub use this_phone::ThisPhoneCard;

use leptos::prelude::*;

use super::state::{use_app, AppState};
use crate::domain::job::Person;

/// The phone's person, one memo for every screen.
#[derive(Clone, Copy)]
struct ThisPhone(Memo<Person>);

/// Provides it to every screen: called once with them.
pub fn provide_person() {
    provide_context(ThisPhone(person_memo(use_app())));
}

/// The phone's person, following the roster and the device's settings.
/// Outside the screens (nothing provided) a memo of its own.
pub fn use_person() -> Memo<Person> {
    use_context::<ThisPhone>().map_or_else(|| person_memo(use_app()), |p| p.0)
}

fn person_memo(state: AppState) -> Memo<Person> {
    Memo::new(move |_| {
        let (me, all) = state.device.with(|d| (d.me.clone(), d.shows_everything));
        state
            .doc
            .with(|d| Person::of(&d.members, me.as_deref(), all))
    })
}
