//! How the term card's parts hand a change of the term up to the card.

use std::rc::Rc;

use crate::domain::dues::Term;

/// One change to the term, applied in the store to the term that starts in
/// the card's month.
pub(super) type TermChange = Rc<dyn Fn(&mut Term)>;
