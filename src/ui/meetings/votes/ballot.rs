//! A handle on one ballot of a meeting's election, for the components of
//! its card.

use leptos::prelude::*;

use crate::domain::meeting::Election;
use crate::domain::rules::election::{evaluate_election, ElectionOutcome};
use crate::domain::rules::recording::edit_item;
use crate::ui::handles::MeetingHandle;

#[derive(Clone, Copy)]
pub struct Ballot {
    pub meeting: MeetingHandle,
    id: StoredValue<String>,
}

impl Ballot {
    pub fn new(meeting: MeetingHandle, id: String) -> Self {
        Ballot {
            meeting,
            id: StoredValue::new(id),
        }
    }

    pub fn id(&self) -> String {
        self.id.get_value()
    }

    /// A part of the ballot, passed on only when it changed.
    pub fn part<R>(&self, part: impl Fn(&Election) -> R + Send + Sync + 'static) -> Memo<R>
    where
        R: Clone + Default + PartialEq + Send + Sync + 'static,
    {
        let id = self.id;
        self.meeting.part(move |m| {
            id.with_value(|id| m.elections.iter().find(|e| &e.id == id).map(&part))
                .unwrap_or_default()
        })
    }

    /// The ballot read against its meeting and the roster.
    pub fn outcome(&self) -> Memo<Option<ElectionOutcome>> {
        let (meeting, id) = (self.meeting, self.id);
        Memo::new(move |_| {
            meeting.state.doc.with(|d| {
                meeting
                    .with(|m| {
                        id.with_value(|id| {
                            let e = m.elections.iter().find(|e| &e.id == id)?;
                            evaluate_election(m, e, &d.members)
                        })
                    })
                    .flatten()
            })
        })
    }

    /// Edits the ballot; `f` says what the member wants, so it may be
    /// applied again to a newer copy.
    pub fn edit(&self, f: impl Fn(&mut Election) + 'static) {
        let id = self.id();
        self.meeting
            .edit(move |m| edit_item(&mut m.elections, &id, |e| f(e)));
    }
}
