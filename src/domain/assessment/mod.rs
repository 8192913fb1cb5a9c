//! The yearly self-assessment (党员自评): 四个合格 for every member, 五个过硬
//! for the secretary and other cadres, the evidence the branch's records
//! offer, the history across years, and the branch's review with its
//! grading rules. Nothing here reads the clock: dates are parameters.

pub mod evidence;
pub mod form;
pub mod grades;
pub mod grading;
pub mod history;
pub mod review;
pub mod settings;
pub mod standards;
pub mod text;

pub use evidence::{evidence, Evidence};
pub use form::{
    finish, form_for, forms_of, new_form, reopen, AssessmentForm, FormState, StandardEntry,
};
pub use grades::{is_gradeable, no_grade_reason, Grade, COMMON_NOT_GRADED_REASONS};
pub use grading::{grade_check, GradeReport};
pub use history::{max_score, rating_history};
pub use review::{
    decide, review_day, review_mut, review_rows, BranchReview, Decision, ImportedSummary,
};
pub use settings::AssessmentSettings;
pub use standards::{kinds_for, standards, AssessmentKind, Standard, DIMENSIONS};
pub use text::{add_line, word_count};
