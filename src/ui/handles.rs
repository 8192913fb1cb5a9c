//! Copy handles that components take instead of ids: each reads its record
//! from the document (following every change, another page's included)
//! and edits it through the state, naming the record it changes.

use leptos::prelude::*;

use super::state::AppState;
use crate::domain::assessment::AssessmentForm;
use crate::domain::meeting::Meeting;

/// One meeting.
#[derive(Clone, Copy)]
pub struct MeetingHandle {
    pub state: AppState,
    id: Signal<String>,
}

impl MeetingHandle {
    pub fn new(state: AppState, id: impl Into<Signal<String>>) -> MeetingHandle {
        MeetingHandle {
            state,
            id: id.into(),
        }
    }

    pub fn id(&self) -> String {
        self.id.get_untracked()
    }

    /// Reads the meeting, tracking it; `None` once it is deleted.
    pub fn with<T>(&self, f: impl FnOnce(&Meeting) -> T) -> Option<T> {
        let id = self.id.get();
        self.state.doc.with(|d| d.meeting(&id).map(f))
    }

    /// A part of the meeting, recomputed only when the meeting changes and
    /// passed on only when the part did.
    pub fn part<T>(&self, part: impl Fn(&Meeting) -> T + Send + Sync + 'static) -> Memo<T>
    where
        T: Clone + Default + PartialEq + Send + Sync + 'static,
    {
        let handle = *self;
        Memo::new(move |_| handle.with(&part).unwrap_or_default())
    }

    /// Edits the meeting. `f` says what the member wants (it may be applied
    /// again to a newer copy of the meeting).
    pub fn edit(&self, f: impl Fn(&mut Meeting) + 'static) {
        self.state.edit_meeting(&self.id(), f);
    }
}

/// One self-assessment form.
#[derive(Clone, Copy)]
pub struct FormHandle {
    pub state: AppState,
    id: Signal<String>,
}

impl FormHandle {
    pub fn new(state: AppState, id: impl Into<Signal<String>>) -> FormHandle {
        FormHandle {
            state,
            id: id.into(),
        }
    }

    pub fn id(&self) -> String {
        self.id.get_untracked()
    }

    pub fn with<T>(&self, f: impl FnOnce(&AssessmentForm) -> T) -> Option<T> {
        let id = self.id.get();
        self.state.doc.with(|d| d.assessment(&id).map(f))
    }

    pub fn part<T>(&self, part: impl Fn(&AssessmentForm) -> T + Send + Sync + 'static) -> Memo<T>
    where
        T: Clone + Default + PartialEq + Send + Sync + 'static,
    {
        let handle = *self;
        Memo::new(move |_| handle.with(&part).unwrap_or_default())
    }

    pub fn edit(&self, f: impl Fn(&mut AssessmentForm) + 'static) {
        self.state.edit_form_entries(&self.id(), f);
    }
}
