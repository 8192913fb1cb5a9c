//! Copy handles that components take instead of ids: each reads its record
//! from the document (following every change, another page's included)
//! and edits it through the state, naming the record it changes.

use std::marker::PhantomData;

use leptos::prelude::*;

use super::state::AppState;
use crate::domain::assessment::AssessmentForm;
use crate::domain::fusion::{KeyTask, StudySession};
use crate::domain::meeting::Meeting;
use crate::domain::{Document, Member, Talk};
use crate::store::RecordKey;

/// A record that is one item of a list of the document, known by its id.
pub trait Item: 'static {
    fn find<'d>(doc: &'d Document, id: &str) -> Option<&'d Self>;
    fn find_mut<'d>(doc: &'d mut Document, id: &str) -> Option<&'d mut Self>;
    fn key(id: &str) -> RecordKey;
}

/// `Item` for a list of the document, from its finders and record key.
macro_rules! item {
    ($ty:ty, $find:ident, $find_mut:ident, $key:path) => {
        impl Item for $ty {
            fn find<'d>(doc: &'d Document, id: &str) -> Option<&'d Self> {
                doc.$find(id)
            }
            fn find_mut<'d>(doc: &'d mut Document, id: &str) -> Option<&'d mut Self> {
                doc.$find_mut(id)
            }
            fn key(id: &str) -> RecordKey {
                $key(id)
            }
        }
    };
}

item!(Meeting, meeting, meeting_mut, RecordKey::meeting);
item!(
    AssessmentForm,
    assessment,
    assessment_mut,
    RecordKey::assessment
);
item!(Talk, talk, talk_mut, RecordKey::talk);
item!(KeyTask, task, task_mut, RecordKey::task);
item!(StudySession, study, study_mut, RecordKey::study);

/// One item record, by an id that may follow the address.
pub struct Handle<T: Item> {
    pub state: AppState,
    id: Signal<String>,
    item: PhantomData<fn() -> T>,
}

impl<T: Item> Clone for Handle<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Item> Copy for Handle<T> {}

pub type MeetingHandle = Handle<Meeting>;
pub type FormHandle = Handle<AssessmentForm>;
pub type TalkHandle = Handle<Talk>;
pub type TaskHandle = Handle<KeyTask>;
pub type StudyHandle = Handle<StudySession>;

impl<T: Item> Handle<T> {
    pub fn new(state: AppState, id: impl Into<Signal<String>>) -> Self {
        Handle {
            state,
            id: id.into(),
            item: PhantomData,
        }
    }

    pub fn id(&self) -> String {
        self.id.get_untracked()
    }

    /// Reads the record, tracking it; `None` once it is deleted.
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> Option<R> {
        let id = self.id.get();
        self.state.doc.with(|d| T::find(d, &id).map(f))
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

    /// Edits the record. `f` says what the member wants (it may be applied
    /// again to a newer copy of the record).
    pub fn edit(&self, f: impl Fn(&mut T) + 'static) {
        let id = self.id();
        self.state.edit(vec![T::key(&id)], move |d| {
            if let Some(item) = T::find_mut(d, &id) {
                f(item);
            }
        });
    }

    /// Edits the record with the roster at hand (read, never written): a
    /// held meeting's roll is fixed from it.
    pub fn edit_with_roster(&self, f: impl Fn(&mut T, &[Member]) + 'static) {
        let id = self.id();
        self.state.edit(vec![T::key(&id)], move |d| {
            let members = std::mem::take(&mut d.members);
            if let Some(item) = T::find_mut(d, &id) {
                f(item, &members);
            }
            d.members = members;
        });
    }
}
