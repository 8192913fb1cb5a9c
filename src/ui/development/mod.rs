//! 发展党员 under 我的: the pipeline (`pipeline_page.rs`: who is at which
//! stage, for how long, what is due next, sorted by what needs doing), one
//! person's path (`path_page.rs`: the 25 steps with their days, 经办人 and
//! 材料 ticks, the meeting that decided a step, and the flags in the rule's
//! words), and the branch's local practice (`practice_form.rs`, shown among
//! the branch's rules). The printouts are `ui::print::DevelopmentPrint`; a
//! meeting's side is `ui::meetings::votes`. Nothing here leaves the phone
//! except in a full backup its keeper chose to make with what is private.

mod extend_or_cancel;
mod path_approval;
mod path_dates;
mod path_page;
mod path_probation;
mod pipeline_page;
mod practice_form;

pub use extend_or_cancel::ExtendOrCancel;
pub use path_page::DevelopmentPathPage;
pub use pipeline_page::DevelopmentPage;
pub use practice_form::DevelopmentPracticeForm;

use crate::domain::development::Applicant;
use crate::domain::Document;
use crate::ui::state::AppState;

/// An edit of one path, named for the store; the path not being there
/// (deleted in another tab) changes nothing.
fn edit_path(state: AppState, id: &str, op: impl Fn(&mut Applicant) + 'static) {
    let owned = id.to_string();
    state.edit_items::<Applicant>(&[id.to_string()], move |d: &mut Document| {
        if let Some(a) = d.applicant_mut(&owned) {
            op(a);
        }
    });
}
