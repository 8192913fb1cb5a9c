//! Copy handles that components take instead of ids: each reads its record
//! from the document (following every change, another page's included)
//! and edits it through the state, naming the record it changes.

use std::marker::PhantomData;

use leptos::prelude::*;

use super::state::AppState;
use crate::domain::assessment::AssessmentForm;
use crate::domain::document::Listed;
use crate::domain::fusion::{KeyTask, StudySession};
use crate::domain::handover::Handover;
use crate::domain::meeting::Meeting;
use crate::domain::{Keyed, Member, Talk};

/// One item record, by an id that may follow the address.
pub struct Handle<T: Listed + Keyed> {
    pub state: AppState,
    id: Signal<String>,
    /// Where in its list the record was last found: every part of a screen
    /// reads the record on every change of the document, and ten years of
    /// meetings are 600 to search each time.
    at: StoredValue<usize>,
    item: PhantomData<fn() -> T>,
}

impl<T: Listed + Keyed> Clone for Handle<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Listed + Keyed> Copy for Handle<T> {}

pub type MeetingHandle = Handle<Meeting>;
pub type FormHandle = Handle<AssessmentForm>;
pub type TalkHandle = Handle<Talk>;
pub type TaskHandle = Handle<KeyTask>;
pub type StudyHandle = Handle<StudySession>;
pub type HandoverHandle = Handle<Handover>;

/// The position of the item `id` in `list`, looked for first at `at`.
/// The hint may be gone (the page closed): the list is searched then.
fn position<T: Keyed>(list: &[T], id: &str, at: StoredValue<usize>) -> Option<usize> {
    let hint = at.try_get_value().unwrap_or(0);
    if list.get(hint).is_some_and(|item| item.key() == id) {
        return Some(hint);
    }
    let found = list.iter().position(|item| item.key() == id)?;
    at.try_set_value(found);
    Some(found)
}

impl<T: Listed + Keyed> Handle<T> {
    pub fn new(state: AppState, id: impl Into<Signal<String>>) -> Self {
        Handle {
            state,
            id: id.into(),
            at: StoredValue::new(0),
            item: PhantomData,
        }
    }

    pub fn id(&self) -> String {
        self.id.get_untracked()
    }

    /// Reads the record, tracking it; `None` once it is deleted.
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> Option<R> {
        let at = self.at;
        self.id.with(|id| {
            self.state.doc.with(|d| {
                let list = T::list(d);
                position(list, id, at).map(|i| f(&list[i]))
            })
        })
    }

    /// A part of the record, recomputed only when the document changes and
    /// passed on only when the part did.
    pub fn part<R>(&self, part: impl Fn(&T) -> R + Send + Sync + 'static) -> Memo<R>
    where
        R: Clone + Default + PartialEq + Send + Sync + 'static,
    {
        let handle = *self;
        Memo::new(move |_| handle.with(&part).unwrap_or_default())
    }

    /// One text of the record, for a field that shows it.
    pub fn text(&self, get: fn(&T) -> String) -> Signal<String> {
        self.part(get).into()
    }

    /// What a text field calls with the text typed: `set` puts it in the
    /// record.
    pub fn saver(&self, set: fn(&mut T, String)) -> Callback<String> {
        let handle = *self;
        Callback::new(move |value: String| handle.edit(move |item| set(item, value.clone())))
    }

    /// Edits the record. `f` says what the member wants (it may be applied
    /// again to a newer copy of the record).
    pub fn edit(&self, f: impl Fn(&mut T) + 'static) {
        let (id, at) = (self.id(), self.at);
        self.state.edit_record(T::record_key_of(&id), move |d| {
            let list = T::list_mut(d);
            if let Some(i) = position(list, &id, at) {
                f(&mut list[i]);
            }
        });
    }

    /// Edits the record with the roster at hand (read, never written): a
    /// held meeting's roll is fixed from it.
    pub fn edit_with_roster(&self, f: impl Fn(&mut T, &[Member]) + 'static) {
        let (id, at) = (self.id(), self.at);
        self.state.edit_record(T::record_key_of(&id), move |d| {
            let members = std::mem::take(&mut d.members);
            let list = T::list_mut(d);
            if let Some(i) = position(list, &id, at) {
                f(&mut list[i], &members);
            }
            d.members = members;
        });
    }
}
