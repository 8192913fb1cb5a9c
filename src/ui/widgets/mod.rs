//! Small pieces that many screens use, each with its props documented.
//! A widget is here once it replaces two or more copies; one used on the
//! home screen's or a link's first load adds its code to that load.

mod change_field;
mod check_row;
mod date_box;
mod date_input;
mod error_line;
mod group_select;
mod inline_add;
mod labelled_choice;
mod member_toggles;
mod member_year_page;
mod menu_row;
mod number_setting;
mod optional_number;
mod page_header;
mod paste_box;
mod print_button;
mod record_page;
mod result_line;
mod segmented;
mod select_field;
mod switch_row;
mod text_field;
mod typed_input;
mod year_nav;

pub use change_field::ChangeField;
pub use check_row::CheckRow;
pub use date_box::DateBox;
pub use date_input::{DateInput, FormDate};
pub use error_line::ErrorLine;
pub use group_select::GroupSelect;
pub use inline_add::InlineAdd;
pub use labelled_choice::{by_label, label_options};
pub use member_toggles::{toggle_in, MemberToggles};
pub use member_year_page::{MemberYearPage, Whose};
pub use menu_row::MenuRow;
pub use number_setting::NumberSetting;
pub use optional_number::OptionalNumber;
pub use page_header::PageHeader;
pub use paste_box::PasteBox;
pub use print_button::PrintButton;
pub use record_page::{delete_after_asking, RecordPage};
pub use result_line::ResultLine;
pub use segmented::Segmented;
pub use select_field::SelectField;
pub use switch_row::SwitchRow;
pub use text_field::TextField;
pub use typed_input::{TypedInput, TypedText};
pub use year_nav::YearNav;
