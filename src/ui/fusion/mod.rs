//! 党建与业务融合 on screen: the key-task list, each 党小组's monthly key work
//! and review, members' commitments and the study forms, with their prints.

mod commitments_page;
mod credited_hours_field;
mod fusion_page;
mod group_month_page;
mod group_work_lines;
mod study_page;
mod task_page;

pub use commitments_page::CommitmentsPage;
pub use fusion_page::{FusionLinkCard, FusionPage, StudyHoursPage};
pub use group_month_page::{GroupMonthPage, GroupReviewCard};
pub use group_work_lines::GroupWorkLines;
pub use study_page::StudyPage;
pub use task_page::TaskPage;

use crate::domain::fusion::TaskOwner;
use crate::domain::Document;

/// 责任主体 in words, saying so when the group or member is gone.
pub fn owner_name(doc: &Document, owner: &TaskOwner) -> String {
    owner.name(doc).unwrap_or_else(|| match owner {
        TaskOwner::Member(_) => "（党员不在名册）".into(),
        _ => "（党小组已删除）".into(),
    })
}
