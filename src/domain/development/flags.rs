//! What is wrong with a path, at once and in the rule's words: steps done
//! out of order (程序倒置) or before the steps they need, and each date and
//! number rule of `rules.rs` the record breaks.

use chrono::NaiveDate;

use super::path::{Applicant, Step};
use super::rules::{self, Breach, Practice};
use crate::domain::meeting::PersonRef;
use crate::domain::time::format_chinese_date as day;
use crate::domain::{Member, Standing};

pub use super::rules::Severity;

/// A rule broken at a step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flag {
    pub step: Step,
    pub breach: Breach,
}

/// The words every out-of-order flag cites.
pub const ORDER_WORDS: &str = "发展党员必须按照规定的程序逐步进行，不得程序倒置";

/// Steps done before a step they need, in the rule's words.
pub fn out_of_order(a: &Applicant) -> Vec<Flag> {
    let mut out = Vec::new();
    for record in &a.steps {
        let Some(on) = record.on else { continue };
        for before in record.step.after() {
            match a.done_on(*before) {
                Some(earlier) if earlier > on => out.push(Flag {
                    step: record.step,
                    breach: Breach {
                        severity: Severity::Broken,
                        source: "程序倒置",
                        words: ORDER_WORDS,
                        detail: format!(
                            "{}（{}）早于{}（{}）",
                            record.step.title(),
                            day(on),
                            before.title(),
                            day(earlier)
                        ),
                    },
                }),
                Some(_) => {}
                None => out.push(Flag {
                    step: record.step,
                    breach: Breach {
                        severity: Severity::Warning,
                        source: "程序缺项",
                        words: ORDER_WORDS,
                        detail: format!(
                            "已记录{}，但{}尚未记录",
                            record.step.title(),
                            before.title()
                        ),
                    },
                }),
            }
        }
    }
    out
}

/// Every flag of a path: order first, then each rule, in step order.
pub fn flags(a: &Applicant, members: &[Member], practice: &Practice) -> Vec<Flag> {
    let mut out = out_of_order(a);
    let mut at = |step: Step, found: Option<Breach>| {
        if let Some(breach) = found {
            out.push(Flag { step, breach });
        }
    };
    let on = |step: Step| a.done_on(step);

    if let (Some(applied), Some(talked)) = (on(Step::Apply), on(Step::FirstTalk)) {
        at(
            Step::FirstTalk,
            rules::talk_within_one_month(applied, talked),
        );
    }
    if let (Some(born), Some(applied)) = (a.born_on, on(Step::Apply)) {
        at(Step::Apply, rules::at_least_eighteen(born, applied));
    }
    // The people a step names: how many, and each a 正式党员 on the day.
    // (Flags are put in step order at the end.)
    let named_people: [(Step, &[PersonRef], CountRule, &str); 2] = [
        (
            Step::AssignContacts,
            &a.contacts,
            rules::one_or_two_contacts,
            "培养联系人",
        ),
        (
            Step::NameIntroducers,
            &a.introducers,
            rules::two_introducers,
            "入党介绍人",
        ),
    ];
    for (step, people, count_rule, role) in named_people {
        let Some(named) = on(step) else { continue };
        at(step, count_rule(people.len()));
        for p in people {
            at(step, probationary(p, members, named, role));
        }
    }
    if let (Some(activist), Some(candidate)) = (on(Step::NameActivist), on(Step::NameCandidate)) {
        at(
            Step::NameCandidate,
            rules::a_year_as_activist(activist, candidate),
        );
    }
    if on(Step::Training).is_some() {
        at(
            Step::Training,
            rules::training_three_days_or_24_hours(a.training_days, a.training_hours),
        );
    }
    if let (Some(committee), Some(pre)) = (on(Step::CommitteeReview), on(Step::PreReview)) {
        at(
            Step::PreReview,
            rules::notice_before_pre_review(committee, pre, practice),
        );
    }
    if let Some(assembly) = on(Step::AdmissionAssembly) {
        if let Some(pre) = on(Step::PreReview) {
            at(
                Step::AdmissionAssembly,
                rules::assembly_soon_after_pre_review(pre, assembly, practice),
            );
        }
        if let Some(reviewed) = on(Step::PoliticalReview) {
            at(
                Step::AdmissionAssembly,
                rules::political_review_still_valid(reviewed, assembly, practice),
            );
        }
        if let Some(approved) = on(Step::Approval) {
            at(
                Step::Approval,
                rules::approval_within_three_months(assembly, approved),
            );
        }
        if let Some(discussed) = on(Step::ConfirmationAssembly) {
            let ends = rules::probation_ends(assembly, a.extension.as_ref().map(|e| e.months));
            at(
                Step::ConfirmationAssembly,
                rules::confirmation_after_probation(ends, discussed),
            );
        }
    }
    if let Some(extension) = &a.extension {
        at(
            Step::Probation,
            rules::extension_six_to_twelve_months(extension.months),
        );
    }
    if let (Some(discussed), Some(approved)) = (
        on(Step::ConfirmationAssembly),
        on(Step::ConfirmationApproval),
    ) {
        at(
            Step::ConfirmationApproval,
            rules::confirmation_approval_within_three_months(discussed, approved),
        );
    }
    if let Some(stopped) = a.stopped.as_ref().filter(|s| s.cancelled) {
        for r in &a.steps {
            if let Some(step_on) = r.on {
                at(
                    r.step,
                    rules::nothing_after_cancellation(stopped.on, step_on),
                );
            }
        }
    }
    out.sort_by_key(|f| f.step);
    out
}

/// How many people a step names may be (`rules::two_introducers`).
type CountRule = fn(usize) -> Option<Breach>;

/// A person picked from the roster who was a 预备党员 on the day.
fn probationary(p: &PersonRef, members: &[Member], on: NaiveDate, role: &str) -> Option<Breach> {
    let member = members
        .iter()
        .find(|m| Some(&m.id) == p.member_id.as_ref())?;
    (member.standing_on(Some(on)) == Standing::Probationary)
        .then(|| rules::full_member_required(role, &member.name))
}
