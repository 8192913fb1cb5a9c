//! 党员名册: the list and the member form.

mod member_form;
mod member_list;

pub use member_form::MemberEditPage;
pub use member_list::RosterPage;
