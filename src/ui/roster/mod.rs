//! 党员名册: the list, the member form and 分配党小组.

mod group_assignment;
mod member_form;
mod member_list;
mod name_order_choice;

pub use member_form::MemberEditPage;
pub use member_list::RosterPage;
