//! 换届: the committee's term and the reminder before it ends, the steps of
//! a renewal, and who held which post when. One component per file.

mod committee_history;
mod handover_page;
mod step_list;
mod steps_card;
mod term_card;

pub use handover_page::HandoverPage;
