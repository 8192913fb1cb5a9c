//! How the pledge card's parts hand a change of the 承诺 up to the card.

use crate::domain::fusion::Commitment;

/// One change to the 承诺, applied in the store to the item of the card.
pub(super) type CommitmentChange = Box<dyn Fn(&mut Commitment)>;
