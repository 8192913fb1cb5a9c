//! Each rule by name, at its edges: the day before, the day, the day after.

use chrono::NaiveDate;

use super::due::{due_soon, next_due, pipeline, When};
use super::flags::{flags, out_of_order, Severity};
use super::meetings::{
    after_vote, approval_records, awaiting_approval, decision_due, due_for_decision, link_vote,
    offers, probation_decided, record_approval, record_vote, records_changed, suggested_path,
    vote_link, vote_on, Awaiting, Decision, Suggestion, NOT_YET,
};
use super::path::{add_day, Applicant, Extension, Material, Phase, Stage, Step, Stopped};
use super::rules::*;
use crate::domain::meeting::{Meeting, MeetingKind, PersonRef, VoteKind};
use crate::domain::rules::fixtures::{
    committee, document, full, full_members, held, mark_all_present, planned, probationary,
};
use crate::domain::{Document, Member, RecordKey, Standing};

fn named(m: Member, name: &str) -> Member {
    Member {
        name: name.into(),
        ..m
    }
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn severity(b: Option<Breach>) -> Option<Severity> {
    b.map(|b| b.severity)
}

/// Records the superior committee's approval of `fz-1`'s 转正 on `on`
/// (`None` takes it back).
fn approve_confirmation(
    doc: &mut Document,
    on: Option<NaiveDate>,
) -> Result<Vec<RecordKey>, String> {
    record_approval(doc, "fz-1", Step::ConfirmationApproval, on)
}

/// What `rule` says of a step taken the day before `due` (counted from
/// `since`), once it has said nothing of the step on `due` and the day
/// after.
fn breach_the_day_before(
    rule: fn(NaiveDate, NaiveDate) -> Option<Breach>,
    since: NaiveDate,
    due: NaiveDate,
) -> Breach {
    assert_eq!(rule(since, due), None, "on the day");
    assert_eq!(rule(since, due.succ_opt().unwrap()), None, "the day after");
    rule(since, due.pred_opt().unwrap()).expect("the day before is too early")
}

#[test]
fn talk_within_one_month_of_the_application() {
    let applied = d(2026, 1, 15);
    assert_eq!(talk_within_one_month(applied, d(2026, 2, 14)), None);
    assert_eq!(talk_within_one_month(applied, d(2026, 2, 15)), None);
    let late = talk_within_one_month(applied, d(2026, 2, 16)).unwrap();
    assert_eq!(late.severity, Severity::Broken);
    assert!(late
        .sentence()
        .contains("应当在一个月内派人同入党申请人谈话"));
    assert!(late.sentence().contains("《细则》第七条"));
    // A month ends on the month's last day when the next is shorter.
    assert_eq!(talk_due(d(2026, 1, 31)), d(2026, 2, 28));
}

#[test]
fn applicant_at_least_eighteen() {
    let born = d(2008, 5, 20);
    assert!(at_least_eighteen(born, d(2026, 5, 19)).is_some());
    assert_eq!(at_least_eighteen(born, d(2026, 5, 20)), None);
    assert_eq!(at_least_eighteen(born, d(2026, 5, 21)), None);
    assert!(at_least_eighteen(born, d(2026, 5, 19))
        .unwrap()
        .words
        .contains("年满十八岁"));
}

#[test]
fn a_year_as_activist_before_candidate() {
    let early = breach_the_day_before(a_year_as_activist, d(2025, 3, 10), d(2026, 3, 10));
    assert!(early.words.contains("一年以上培养教育和考察"));
    assert_eq!(early.source, "《细则》第十三条");
}

#[test]
fn one_or_two_contacts_and_two_introducers() {
    assert!(one_or_two_contacts(0).is_some());
    assert_eq!(one_or_two_contacts(1), None);
    assert_eq!(one_or_two_contacts(2), None);
    assert!(one_or_two_contacts(3).is_some());
    assert!(two_introducers(1).is_some());
    assert_eq!(two_introducers(2), None);
    assert!(two_introducers(3).unwrap().words.contains("两名正式党员"));
}

#[test]
fn training_three_days_or_24_hours_at_its_edges() {
    assert!(training_three_days_or_24_hours(Some(2), None).is_some());
    assert_eq!(training_three_days_or_24_hours(Some(3), None), None);
    assert_eq!(training_three_days_or_24_hours(Some(4), None), None);
    assert!(training_three_days_or_24_hours(None, Some(23)).is_some());
    assert_eq!(training_three_days_or_24_hours(Some(2), Some(24)), None);
    assert_eq!(training_three_days_or_24_hours(None, Some(25)), None);
    assert!(training_three_days_or_24_hours(None, None)
        .unwrap()
        .detail
        .contains("未记录"));
}

#[test]
fn approval_within_three_months_six_at_most() {
    let assembly = d(2026, 3, 10);
    assert_eq!(approval_within_three_months(assembly, d(2026, 6, 9)), None);
    assert_eq!(approval_within_three_months(assembly, d(2026, 6, 10)), None);
    assert_eq!(
        severity(approval_within_three_months(assembly, d(2026, 6, 11))),
        Some(Severity::Warning)
    );
    assert_eq!(
        severity(approval_within_three_months(assembly, d(2026, 9, 10))),
        Some(Severity::Warning)
    );
    let too_late = approval_within_three_months(assembly, d(2026, 9, 11)).unwrap();
    assert_eq!(too_late.severity, Severity::Broken);
    assert!(too_late.detail.contains("应重新提交支部大会讨论"));
}

#[test]
fn probation_one_year_from_the_assembly() {
    assert_eq!(probation_ends(d(2025, 6, 30), None), d(2026, 6, 30));
    assert_eq!(probation_ends(d(2025, 6, 30), Some(6)), d(2026, 12, 30));
    // Admitted on 29 February: the year ends on 28 February.
    assert_eq!(probation_ends(d(2024, 2, 29), None), d(2025, 2, 28));
}

#[test]
fn confirmation_discussed_after_probation_ends() {
    let ends = d(2026, 6, 30);
    let early = breach_the_day_before(confirmation_after_probation, ends, ends);
    assert!(early.words.contains("预备期满"));
}

#[test]
fn extension_six_to_twelve_months_at_its_edges() {
    assert!(extension_six_to_twelve_months(5).is_some());
    assert_eq!(extension_six_to_twelve_months(6), None);
    assert_eq!(extension_six_to_twelve_months(12), None);
    assert!(extension_six_to_twelve_months(13)
        .unwrap()
        .words
        .contains("不能少于半年，最长不超过一年"));
}

#[test]
fn party_age_counts_from_the_end_of_probation_once_confirmed() {
    let ends = probation_ends(d(2025, 6, 30), None);
    assert_eq!(party_age_from(ends, false), None);
    assert_eq!(party_age_from(ends, true), Some(d(2026, 6, 30)));
}

#[test]
fn nothing_after_cancellation_of_probation() {
    let stopped = d(2026, 7, 1);
    assert_eq!(nothing_after_cancellation(stopped, d(2026, 6, 30)), None);
    assert_eq!(nothing_after_cancellation(stopped, d(2026, 7, 1)), None);
    assert!(nothing_after_cancellation(stopped, d(2026, 7, 2)).is_some());
}

#[test]
fn confirmation_approval_within_three_months_at_its_edges() {
    let discussed = d(2026, 7, 1);
    assert_eq!(
        confirmation_approval_within_three_months(discussed, d(2026, 10, 1)),
        None
    );
    assert!(confirmation_approval_within_three_months(discussed, d(2026, 10, 2)).is_some());
}

#[test]
fn local_practice_political_review_still_valid() {
    let practice = Practice::default();
    let reviewed = d(2025, 5, 10);
    assert_eq!(
        political_review_still_valid(reviewed, d(2026, 5, 10), &practice),
        None
    );
    let stale = political_review_still_valid(reviewed, d(2026, 5, 11), &practice).unwrap();
    assert_eq!(stale.source, "本地做法");
    let longer = Practice {
        political_review_months: 24,
        ..practice
    };
    assert_eq!(
        political_review_still_valid(reviewed, d(2026, 5, 11), &longer),
        None
    );
}

#[test]
fn local_practice_assembly_soon_after_pre_review() {
    let practice = Practice::default();
    let pre = d(2026, 4, 1);
    assert_eq!(
        assembly_soon_after_pre_review(pre, d(2026, 5, 1), &practice),
        None
    );
    assert_eq!(
        severity(assembly_soon_after_pre_review(
            pre,
            d(2026, 5, 2),
            &practice
        )),
        Some(Severity::Warning)
    );
}

#[test]
fn local_practice_notice_of_five_working_days() {
    let practice = Practice::default();
    // Monday 2026-03-09 to Friday 2026-03-13.
    assert_eq!(notice_ends(d(2026, 3, 9), &practice), d(2026, 3, 13));
    // Begun on a Thursday: Thu, Fri, Mon, Tue, Wed.
    assert_eq!(notice_ends(d(2026, 3, 12), &practice), d(2026, 3, 18));
    assert!(notice_before_pre_review(d(2026, 3, 9), d(2026, 3, 13), &practice).is_some());
    assert_eq!(
        notice_before_pre_review(d(2026, 3, 9), d(2026, 3, 14), &practice),
        None
    );
}

#[test]
fn local_practice_thought_reports_and_half_yearly_reviews_fall_due() {
    let practice = Practice::default();
    assert_eq!(report_due(d(2026, 1, 10), &practice), d(2026, 4, 10));
    let monthly = Practice {
        report_months: 1,
        ..practice
    };
    assert_eq!(report_due(d(2026, 1, 10), &monthly), d(2026, 2, 10));
    assert_eq!(review_due(d(2026, 1, 10)), d(2026, 7, 10));
}

/// A path with the steps done on the days given.
fn path(steps: &[(Step, NaiveDate)]) -> Applicant {
    let mut a = Applicant::new("fz-1".into(), "王小明".into(), steps[0].1);
    for (step, on) in steps {
        a.set_done(*step, Some(*on));
    }
    a
}

/// A branch of 张三 alone and 王小明's path (fz-1): applied on 2023-01-01,
/// pre-reviewed by the 上级党委 on `on`, due for the 支部大会.
fn pre_reviewed(on: NaiveDate) -> Document {
    let mut doc = document(&[], vec![named(full("m1"), "张三")], Vec::new());
    doc.applicants
        .push(path(&[(Step::Apply, d(2023, 1, 1)), (Step::PreReview, on)]));
    doc
}

/// 王小明's path (fz-1) decided by the 支部大会 `meeting` on `on`; an
/// admission puts him on the roster as `m-new`.
fn decided(doc: &mut Document, decision: Decision, meeting: &str, on: NaiveDate) -> Vec<RecordKey> {
    let member = if decision == Decision::Admit {
        "m-new"
    } else {
        ""
    };
    after_vote(doc, "fz-1", decision, meeting, on, member).expect("the path takes the decision")
}

#[test]
fn a_step_before_the_step_it_needs_is_out_of_order() {
    let a = path(&[
        (Step::Apply, d(2025, 1, 10)),
        (Step::FirstTalk, d(2025, 1, 20)),
        (Step::NameActivist, d(2025, 3, 1)),
        (Step::AssignContacts, d(2025, 2, 28)),
    ]);
    let found = out_of_order(&a);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].step, Step::AssignContacts);
    assert_eq!(found[0].breach.severity, Severity::Broken);
    assert!(found[0].breach.detail.contains(
        "第5步 指定培养联系人（2025年2月28日）早于第3步 推荐和确定入党积极分子（2025年3月1日）"
    ));
    // The same day is in order.
    let same_day = path(&[
        (Step::Apply, d(2025, 1, 10)),
        (Step::FirstTalk, d(2025, 1, 20)),
        (Step::NameActivist, d(2025, 3, 1)),
        (Step::AssignContacts, d(2025, 3, 1)),
    ]);
    assert!(out_of_order(&same_day).is_empty());
}

#[test]
fn a_step_whose_earlier_step_is_missing_is_flagged_as_a_gap() {
    let a = path(&[
        (Step::Apply, d(2025, 1, 10)),
        (Step::NameActivist, d(2025, 3, 1)),
    ]);
    let found = out_of_order(&a);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].breach.severity, Severity::Warning);
    assert!(found[0]
        .breach
        .detail
        .contains("第2步 党组织派人谈话尚未记录"));
}

#[test]
fn a_candidate_named_before_a_year_is_flagged_at_once_in_the_rules_words() {
    let doc = document(&[], Vec::new(), Vec::new());
    let mut a = path(&[
        (Step::Apply, d(2025, 1, 10)),
        (Step::FirstTalk, d(2025, 1, 20)),
        (Step::NameActivist, d(2025, 3, 10)),
    ]);
    a.set_done(Step::NameCandidate, Some(d(2026, 3, 9)));
    let found = flags(&a, &doc.members, &Practice::default());
    assert!(found
        .iter()
        .any(|f| f.step == Step::NameCandidate
            && f.breach.sentence().contains("一年以上培养教育和考察")));
    a.set_done(Step::NameCandidate, Some(d(2026, 3, 10)));
    assert!(flags(&a, &doc.members, &Practice::default()).is_empty());
}

#[test]
fn a_probationary_member_cannot_be_an_introducer() {
    let mut doc = document(
        &[],
        vec![named(full("m1"), "张三"), named(probationary("m2"), "李四")],
        Vec::new(),
    );
    let mut a = path(&[
        (Step::Apply, d(2024, 1, 10)),
        (Step::FirstTalk, d(2024, 1, 20)),
        (Step::NameActivist, d(2024, 3, 10)),
        (Step::NameCandidate, d(2025, 3, 10)),
        (Step::NameIntroducers, d(2025, 3, 20)),
    ]);
    a.introducers = vec![
        PersonRef {
            member_id: Some("m1".into()),
            name: String::new(),
        },
        PersonRef {
            member_id: Some("m2".into()),
            name: String::new(),
        },
    ];
    doc.applicants.push(a.clone());
    let found = flags(&a, &doc.members, &Practice::default());
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0]
        .breach
        .detail
        .contains("入党介绍人李四当时是预备党员"));
}

#[test]
fn stages_and_phase_follow_the_steps() {
    let mut a = path(&[(Step::Apply, d(2025, 1, 10))]);
    assert_eq!(a.phase(), Phase::Applicant);
    assert_eq!(a.stage(), (Stage::Application, Some(d(2025, 1, 10))));
    a.set_done(Step::FirstTalk, Some(d(2025, 1, 20)));
    a.set_done(Step::NameActivist, Some(d(2025, 3, 1)));
    a.set_done(Step::ActivistFiled, Some(d(2025, 3, 5)));
    assert_eq!(a.phase(), Phase::Activist);
    assert_eq!(a.stage(), (Stage::Activist, Some(d(2025, 3, 1))));
    a.set_done(Step::NameCandidate, Some(d(2026, 3, 1)));
    assert_eq!(a.phase(), Phase::Candidate);
    a.set_done(Step::AdmissionAssembly, Some(d(2026, 6, 1)));
    assert_eq!(a.phase(), Phase::Probationary);
    assert_eq!(a.stage().0, Stage::Admission);
    a.set_done(Step::ConfirmationApproval, Some(d(2027, 6, 10)));
    assert_eq!(a.phase(), Phase::Full);
    a.stopped = Some(Stopped {
        on: d(2027, 7, 1),
        cancelled: false,
        reason: String::new(),
    });
    assert_eq!(a.phase(), Phase::Stopped);
    // Taking a step's day back leaves its materials.
    a.set_material(Step::Apply, Material::ApplicationLetter, true);
    assert!(a.materials_complete(Step::Apply));
    a.set_done(Step::Apply, None);
    assert!(a.materials_complete(Step::Apply));
    assert!(!a.materials_complete(Step::FirstTalk));
}

#[test]
fn what_is_due_next_for_a_new_applicant_is_the_talk_within_a_month() {
    let a = path(&[(Step::Apply, d(2026, 11, 20))]);
    let due = next_due(&a, &Practice::default());
    assert_eq!(due[0].what, "派人同入党申请人谈话");
    assert_eq!(due[0].when, When::By(d(2026, 12, 20)));
    assert!(!due[0].overdue(d(2026, 12, 20)));
    assert!(due[0].overdue(d(2026, 12, 21)));
}

#[test]
fn an_activist_is_due_a_review_a_report_and_after_a_year_the_candidate_decision() {
    let mut a = path(&[
        (Step::Apply, d(2025, 9, 1)),
        (Step::FirstTalk, d(2025, 9, 10)),
        (Step::NameActivist, d(2025, 11, 1)),
        (Step::ActivistFiled, d(2025, 11, 5)),
    ]);
    a.contacts = vec![PersonRef {
        member_id: None,
        name: "张三".into(),
    }];
    a.reports = vec![d(2026, 10, 20)];
    let due = next_due(&a, &Practice::default());
    let whats: Vec<(&str, When)> = due.iter().map(|x| (x.what.as_str(), x.when)).collect();
    assert_eq!(
        whats,
        vec![
            ("党支部考察（每半年一次）", When::By(d(2026, 5, 1))),
            ("收思想汇报（本地做法）", When::By(d(2027, 1, 20))),
            ("满一年，可讨论列为发展对象", When::From(d(2026, 11, 1))),
        ]
    );
}

#[test]
fn a_probationary_member_is_due_the_confirmation_on_the_day_probation_ends() {
    let mut a = path(&[
        (Step::Apply, d(2023, 1, 10)),
        (Step::AdmissionAssembly, d(2025, 12, 20)),
        (Step::Approval, d(2026, 1, 15)),
        (Step::Oath, d(2026, 1, 20)),
    ]);
    a.reports = vec![d(2026, 10, 1)];
    let due = next_due(&a, &Practice::default());
    assert!(due
        .iter()
        .any(|x| x.what == "预备期满，支部大会讨论转正" && x.when == When::By(d(2026, 12, 20))));
    a.extension = Some(Extension {
        decided_on: d(2026, 12, 20),
        months: 6,
    });
    let due = next_due(&a, &Practice::default());
    assert!(due
        .iter()
        .any(|x| x.what == "预备期满，支部大会讨论转正" && x.when == When::By(d(2027, 6, 20))));
}

#[test]
fn the_pipeline_puts_what_is_overdue_or_broken_first() {
    let mut doc = document(&[], Vec::new(), Vec::new());
    let today = d(2026, 12, 6);
    // Due in two weeks.
    let mut soon = path(&[(Step::Apply, d(2026, 11, 20))]);
    soon.id = "fz-soon".into();
    soon.name = "甲".into();
    // Talk overdue.
    let mut late = path(&[(Step::Apply, d(2026, 10, 1))]);
    late.id = "fz-late".into();
    late.name = "乙".into();
    // Nothing with a limit: an applicant already talked to.
    let mut open = path(&[
        (Step::Apply, d(2026, 6, 1)),
        (Step::FirstTalk, d(2026, 6, 10)),
    ]);
    open.id = "fz-open".into();
    open.name = "丙".into();
    // Finished.
    let mut done = path(&[(Step::Apply, d(2020, 1, 1))]);
    done.id = "fz-done".into();
    done.name = "丁".into();
    done.stopped = Some(Stopped {
        on: d(2020, 5, 1),
        cancelled: false,
        reason: "本人撤回申请".into(),
    });
    doc.applicants = vec![done, open, soon, late];
    let order: Vec<String> = pipeline(&doc, today).into_iter().map(|r| r.name).collect();
    assert_eq!(order, vec!["乙", "甲", "丙", "丁"]);
    let rows = pipeline(&doc, today);
    assert_eq!(rows[0].days_in_stage, Some(66));
    let home = due_soon(&doc, today, 30);
    assert_eq!(
        home.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
        vec!["乙", "甲"]
    );
}

#[test]
fn a_committee_meeting_offers_activists_after_a_year_and_the_assembly_the_confirmation() {
    let mut doc = document(&[], Vec::new(), Vec::new());
    let activist = path(&[
        (Step::Apply, d(2025, 9, 1)),
        (Step::FirstTalk, d(2025, 9, 10)),
        (Step::NameActivist, d(2025, 12, 10)),
    ]);
    assert_eq!(
        decision_due(&activist, &MeetingKind::CommitteeMeeting, d(2026, 12, 9)),
        None
    );
    assert_eq!(
        decision_due(&activist, &MeetingKind::CommitteeMeeting, d(2026, 12, 10)),
        Some(Decision::NameCandidate)
    );
    assert_eq!(
        decision_due(&activist, &MeetingKind::BranchAssembly, d(2026, 12, 10)),
        None
    );
    let mut probationer = path(&[
        (Step::Apply, d(2023, 1, 1)),
        (Step::AdmissionAssembly, d(2025, 12, 20)),
    ]);
    probationer.id = "fz-2".into();
    doc.applicants = vec![activist, probationer];
    assert!(due_for_decision(&doc, &MeetingKind::BranchAssembly, d(2026, 12, 19)).is_empty());
    assert_eq!(
        due_for_decision(&doc, &MeetingKind::BranchAssembly, d(2026, 12, 20)),
        vec![("fz-2".to_string(), Decision::Confirm)]
    );
    assert_eq!(
        Decision::Admit.motion("王小明"),
        "关于接收王小明同志为中共预备党员"
    );
}

#[test]
fn admission_adds_the_probationary_member_to_the_roster_and_confirmation_stores_the_date() {
    let mut doc = pre_reviewed(d(2025, 12, 1));
    let touched = decided(&mut doc, Decision::Admit, "mt-9", d(2025, 12, 20));
    assert_eq!(touched.len(), 2);
    let member = doc.member("m-new").unwrap();
    assert_eq!(member.name, "王小明");
    assert_eq!(member.standing, Standing::Probationary);
    assert_eq!(member.admitted_on, Some(d(2025, 12, 20)));
    let path = doc.applicant("fz-1").unwrap();
    assert_eq!(path.member_id.as_deref(), Some("m-new"));
    assert_eq!(
        path.record(Step::AdmissionAssembly)
            .unwrap()
            .meeting_id
            .as_deref(),
        Some("mt-9")
    );
    assert_eq!(path.phase(), Phase::Probationary);

    // Extended by six months, then confirmed: 党龄 from the extended end.
    decided(&mut doc, Decision::Extend(6), "mt-10", d(2026, 12, 20));
    assert_eq!(
        doc.member("m-new")
            .unwrap()
            .extension
            .as_ref()
            .unwrap()
            .until,
        d(2027, 6, 20)
    );
    decided(&mut doc, Decision::Confirm, "mt-11", d(2027, 6, 25));
    approve_confirmation(&mut doc, Some(d(2027, 8, 1))).unwrap();
    let member = doc.member("m-new").unwrap();
    assert_eq!(member.standing, Standing::Full);
    assert_eq!(member.confirmed_on, Some(d(2027, 6, 20)));
    assert_eq!(doc.applicant("fz-1").unwrap().phase(), Phase::Full);
    assert_eq!(doc.members.len(), 2);
}

#[test]
fn cancellation_stops_the_path_and_later_steps_are_flagged() {
    let mut doc: Document = document(&[], Vec::new(), Vec::new());
    doc.applicants.push(path(&[
        (Step::Apply, d(2023, 1, 1)),
        (Step::AdmissionAssembly, d(2025, 12, 20)),
    ]));
    decided(&mut doc, Decision::Cancel, "mt-1", d(2026, 12, 20));
    let a = doc.applicant_mut("fz-1").unwrap();
    assert_eq!(a.phase(), Phase::Stopped);
    a.set_done(Step::Oath, Some(d(2026, 12, 21)));
    let found = flags(a, &[], &Practice::default());
    assert!(found
        .iter()
        .any(|f| f.step == Step::Oath && f.breach.words.contains("取消其预备党员资格")));
    assert!(next_due(a, &Practice::default()).is_empty());
    assert!(after_vote(
        &mut doc,
        "nobody",
        Decision::Cancel,
        "mt-1",
        d(2026, 12, 20),
        ""
    )
    .is_err());
}

#[test]
fn the_example_links_every_probationer_and_breaks_no_national_rule() {
    let today = d(2026, 11, 27);
    let doc = crate::domain::sample::example_document(today);
    let probationers: Vec<&str> = doc
        .members
        .iter()
        .filter(|m| m.standing == Standing::Probationary)
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(probationers.len(), 3);
    let mut linked = 0;
    for id in &probationers {
        let path = doc
            .applicants
            .iter()
            .find(|a| a.member_id.as_deref() == Some(*id))
            .unwrap();
        assert_eq!(path.phase(), Phase::Probationary);
        let admitted = path.record(Step::AdmissionAssembly).unwrap();
        assert_eq!(admitted.on, doc.member(id).unwrap().admitted_on);
        // 郑凯 was admitted before the example's twelve months of meetings.
        if let Some(id) = &admitted.meeting_id {
            let meeting = doc.meeting(id).unwrap();
            assert_eq!(meeting.date, admitted.on);
            // The vote names the path, which records it from this meeting.
            let vote = meeting
                .votes
                .iter()
                .find(|v| v.applicant_id.as_deref() == Some(path.id.as_str()))
                .unwrap();
            let link = vote_link(&doc, meeting, vote).unwrap();
            assert_eq!(
                (link.decision, link.recorded),
                (Some(Decision::Admit), true)
            );
            linked += 1;
        }
    }
    assert_eq!(linked, 2);
    let phases: Vec<Phase> = doc.applicants.iter().map(Applicant::phase).collect();
    assert!(phases.contains(&Phase::Activist) && phases.contains(&Phase::Candidate));
    for a in &doc.applicants {
        let found = flags(a, &doc.members, &doc.branch.rules.development);
        assert!(
            found.iter().all(|f| f.breach.severity != Severity::Broken),
            "{}: {found:?}",
            a.name
        );
    }
    assert!(crate::domain::document::check(&doc).is_empty());
}

/// A candidate ready for the 支委会's review, one the 上级党委 pre-reviewed
/// (due for the 支部大会), and an 积极分子 named on 2025-12-10.
fn paths_due() -> Vec<Applicant> {
    let mut review = path(&[
        (Step::Apply, d(2024, 1, 5)),
        (Step::FirstTalk, d(2024, 1, 20)),
        (Step::NameActivist, d(2024, 4, 1)),
        (Step::NameCandidate, d(2025, 6, 1)),
        (Step::NameIntroducers, d(2025, 6, 10)),
        (Step::PoliticalReview, d(2025, 8, 1)),
        (Step::Training, d(2025, 9, 1)),
    ]);
    review.id = "fz-review".into();
    review.name = "甲".into();
    let mut admit = review.clone();
    admit.id = "fz-admit".into();
    admit.name = "乙".into();
    admit.set_done(Step::CommitteeReview, Some(d(2025, 10, 9)));
    admit.set_done(Step::PreReview, Some(d(2025, 11, 20)));
    admit.set_done(Step::Application, Some(d(2025, 11, 25)));
    let mut activist = path(&[
        (Step::Apply, d(2025, 9, 1)),
        (Step::FirstTalk, d(2025, 9, 10)),
        (Step::NameActivist, d(2025, 12, 10)),
    ]);
    activist.id = "fz-activist".into();
    activist.name = "丙".into();
    vec![review, admit, activist]
}

/// Five 正式党员 (three of them the 支委会) and the paths due.
fn branch_with_paths() -> Document {
    let mut members = vec![committee("c1"), committee("c2"), committee("c3")];
    members.extend(full_members("p", 2));
    let mut doc = document(&[], members, Vec::new());
    doc.applicants = paths_due();
    doc
}

/// A held meeting of `kind` on `on` with everyone present.
fn held_with_all(doc: &Document, id: &str, kind: MeetingKind, on: NaiveDate) -> Meeting {
    let mut m = held(id, kind, on);
    mark_all_present(&mut m, &doc.members);
    m
}

/// 王小明 (y), a 预备党员 admitted on 2025-12-20, among `others`
/// 正式党员, and his path (fz-1).
fn probationer_among(others: usize) -> Document {
    let mut members = full_members("p", others);
    members.push(named(probationary("y"), "王小明"));
    let mut doc = document(&[], members, Vec::new());
    let mut a = path(&[
        (Step::Apply, d(2023, 1, 1)),
        (Step::AdmissionAssembly, d(2025, 12, 20)),
    ]);
    a.member_id = Some("y".into());
    doc.applicants.push(a);
    doc
}

/// Adds the held `meeting` (id, kind, day; everyone present) whose vote v1
/// puts `decision` for the path `applicant`, `in_favour` voting for it.
fn voting(
    doc: &mut Document,
    (id, kind, on): (&str, MeetingKind, NaiveDate),
    applicant: &str,
    decision: Decision,
    in_favour: u32,
) {
    let mut meeting = held_with_all(doc, id, kind, on);
    let mut vote = vote_on(doc.applicant(applicant).unwrap(), decision, "v1".into());
    vote.in_favour = in_favour;
    meeting.votes.push(vote);
    doc.meetings.push(meeting);
}

/// Records the vote v1 of `meeting` in its path, on `today`.
fn record(
    doc: &mut Document,
    meeting: &str,
    decision: Decision,
    member: &str,
    today: NaiveDate,
) -> Result<Vec<RecordKey>, String> {
    record_vote(doc, meeting, "v1", decision, member, today)
}

fn offered(doc: &Document, m: &Meeting) -> Vec<(String, Decision)> {
    offers(doc, m)
        .into_iter()
        .map(|o| (o.name, o.decision))
        .collect()
}

#[test]
fn a_meeting_offers_the_decisions_of_its_body_on_its_day_and_each_person_once() {
    let doc = branch_with_paths();
    let committee_on = |day| planned("c", MeetingKind::CommitteeMeeting, day);
    // The 积极分子's year is up on 2026-12-10: not the day before.
    assert_eq!(
        offered(&doc, &committee_on(d(2026, 12, 9))),
        vec![("甲".to_string(), Decision::CommitteeReview)]
    );
    assert_eq!(
        offered(&doc, &committee_on(d(2026, 12, 10))),
        vec![
            ("甲".to_string(), Decision::CommitteeReview),
            ("丙".to_string(), Decision::NameCandidate)
        ]
    );
    // The 支部大会 takes the 接收; a 党小组会 decides nothing.
    let mut assembly = planned("a", MeetingKind::BranchAssembly, d(2026, 12, 10));
    assert_eq!(
        offered(&doc, &assembly),
        vec![("乙".to_string(), Decision::Admit)]
    );
    let group = planned("g", MeetingKind::GroupMeeting, d(2026, 12, 10));
    assert!(offers(&doc, &group).is_empty());
    // Once put to the vote, the person is not offered again.
    let admit = doc.applicant("fz-admit").unwrap();
    let vote = vote_on(admit, Decision::Admit, "v1".into());
    assert_eq!(vote.motion, "关于接收乙同志为中共预备党员");
    assert_eq!(
        (
            vote.kind,
            vote.applicant_id.as_deref(),
            vote.member_id.as_deref()
        ),
        (VoteKind::AdmitProbationary, Some("fz-admit"), None)
    );
    assembly.votes.push(vote);
    assert!(offers(&doc, &assembly).is_empty());
    // A 支委会 votes what it decides as a 一般事项.
    let review = vote_on(
        doc.applicant("fz-review").unwrap(),
        Decision::CommitteeReview,
        "v2".into(),
    );
    assert_eq!(
        (review.kind, review.motion.as_str()),
        (VoteKind::General, "关于甲同志发展对象的审查意见")
    );
}

#[test]
fn a_passed_admission_vote_adds_the_probationary_member_with_the_meeting_day_once() {
    let mut doc = branch_with_paths();
    let assembly = ("mt-a", MeetingKind::BranchAssembly, d(2026, 12, 10));
    // 应到会有表决权党员 5: more than half is 3.
    voting(&mut doc, assembly, "fz-admit", Decision::Admit, 2);
    doc.meetings[0].votes[0].abstain = 3;
    let before = doc.clone();
    assert_eq!(
        record(&mut doc, "mt-a", Decision::Admit, "m-new", d(2027, 1, 1)),
        Err("表决尚未通过，不能记入发展党员纪实".to_string())
    );
    assert_eq!(doc, before, "a vote that did not pass moves nothing");

    let vote = &mut doc.meetings[0].votes[0];
    vote.in_favour = 3;
    vote.abstain = 2;
    // Passed, but recorded only once the meeting's day has come.
    let before = doc.clone();
    assert_eq!(
        record(&mut doc, "mt-a", Decision::Admit, "m-new", d(2026, 12, 9)),
        Err(NOT_YET.to_string())
    );
    assert_eq!(doc, before);
    let link = vote_link(&doc, &doc.meetings[0], &doc.meetings[0].votes[0]).unwrap();
    assert_eq!(
        (link.name.as_str(), link.decision, link.recorded),
        ("乙", Some(Decision::Admit), false)
    );
    // On the meeting's day.
    let touched = record(&mut doc, "mt-a", Decision::Admit, "m-new", d(2026, 12, 10)).unwrap();
    assert_eq!(
        touched,
        vec![
            RecordKey::applicant("fz-admit"),
            RecordKey::Members,
            RecordKey::meeting("mt-a")
        ]
    );
    assert_eq!(
        touched,
        records_changed(Decision::Admit, "fz-admit", "mt-a")
    );
    let member = doc.member("m-new").unwrap();
    assert_eq!(
        (member.name.as_str(), member.standing, member.admitted_on),
        ("乙", Standing::Probationary, Some(d(2026, 12, 10)))
    );
    let path = doc.applicant("fz-admit").unwrap();
    let step = path.record(Step::AdmissionAssembly).unwrap();
    assert_eq!(
        (step.on, step.meeting_id.as_deref()),
        (Some(d(2026, 12, 10)), Some("mt-a"))
    );
    assert_eq!(path.phase(), Phase::Probationary);
    assert_eq!(doc.meetings[0].votes[0].member_id.as_deref(), Some("m-new"));
    assert!(
        vote_link(&doc, &doc.meetings[0], &doc.meetings[0].votes[0])
            .unwrap()
            .recorded
    );
    // A second tap (or another tab's) records nothing twice.
    let members = doc.members.len();
    assert_eq!(
        record(&mut doc, "mt-a", Decision::Admit, "m-other", d(2027, 1, 1)),
        Err("已记入发展党员纪实".to_string())
    );
    assert_eq!(doc.members.len(), members);
}

#[test]
fn a_committee_vote_records_the_step_its_path_waited_for() {
    let mut doc = branch_with_paths();
    let meeting = ("mt-c", MeetingKind::CommitteeMeeting, d(2026, 12, 10));
    voting(&mut doc, meeting, "fz-activist", Decision::NameCandidate, 3);
    let touched = record(
        &mut doc,
        "mt-c",
        Decision::NameCandidate,
        "unused",
        d(2027, 1, 1),
    )
    .unwrap();
    assert_eq!(touched, vec![RecordKey::applicant("fz-activist")]);
    assert_eq!(
        touched,
        records_changed(Decision::NameCandidate, "fz-activist", "mt-c")
    );
    let path = doc.applicant("fz-activist").unwrap();
    assert_eq!(path.phase(), Phase::Candidate);
    assert_eq!(
        path.record(Step::NameCandidate)
            .unwrap()
            .meeting_id
            .as_deref(),
        Some("mt-c")
    );
    let link = vote_link(&doc, &doc.meetings[0], &doc.meetings[0].votes[0]).unwrap();
    assert_eq!(
        (link.decision, link.recorded),
        (Some(Decision::NameCandidate), true)
    );
    assert_eq!(doc.members.len(), 5, "the roster waits for the 支部大会");

    // The same vote marked 接收 by hand at a 支委会 decides nothing here.
    doc.meetings[0].votes[0].kind = VoteKind::AdmitProbationary;
    let link = vote_link(&doc, &doc.meetings[0], &doc.meetings[0].votes[0]).unwrap();
    assert_eq!(link.decision, None);
    assert!(record(&mut doc, "mt-c", Decision::Admit, "m-new", d(2027, 1, 1)).is_err());
    assert_eq!(doc.members.len(), 5);
}

#[test]
fn an_extension_vote_takes_its_months_from_the_motion_and_moves_the_roster() {
    let mut doc = probationer_among(5);
    let on = d(2026, 12, 20);
    voting(
        &mut doc,
        ("mt-x", MeetingKind::BranchAssembly, on),
        "fz-1",
        Decision::Extend(6),
        5,
    );
    let vote = &doc.meetings[0].votes[0];
    assert_eq!(vote.motion, "关于延长王小明同志预备期6个月");
    assert_eq!(vote.member_id.as_deref(), Some("y"));
    let link_of = |doc: &Document| {
        vote_link(doc, &doc.meetings[0], &doc.meetings[0].votes[0])
            .unwrap()
            .decision
    };
    for (motion, months) in [
        ("关于延长王小明同志预备期六个月", Some(Decision::Extend(6))),
        (
            "关于延长王小明同志预备期十二个月",
            Some(Decision::Extend(12)),
        ),
        ("关于延长王小明同志的预备期", None),
        ("关于延长王小明同志预备期6个月", Some(Decision::Extend(6))),
    ] {
        doc.meetings[0].votes[0].motion = motion.into();
        assert_eq!(link_of(&doc), months, "{motion}");
    }
    let touched = record(&mut doc, "mt-x", Decision::Extend(6), "", d(2027, 1, 1)).unwrap();
    assert_eq!(
        touched,
        records_changed(Decision::Extend(6), "fz-1", "mt-x")
    );
    assert_eq!(
        doc.member("y").unwrap().extension.as_ref().unwrap().until,
        d(2027, 6, 20)
    );
    assert!(
        vote_link(&doc, &doc.meetings[0], &doc.meetings[0].votes[0])
            .unwrap()
            .recorded
    );
}

#[test]
fn a_review_entered_moves_the_next_half_yearly_review_and_each_day_counts_once() {
    let mut a = path(&[
        (Step::Apply, d(2025, 9, 1)),
        (Step::FirstTalk, d(2025, 9, 10)),
        (Step::NameActivist, d(2025, 11, 1)),
    ]);
    let review_by = |a: &Applicant| {
        next_due(a, &Practice::default())
            .into_iter()
            .find(|x| x.what.starts_with("党支部考察"))
            .map(|x| x.when)
    };
    assert_eq!(review_by(&a), Some(When::By(d(2026, 5, 1))));
    add_day(&mut a.reviews, d(2026, 4, 30));
    add_day(&mut a.reviews, d(2026, 2, 1));
    add_day(&mut a.reviews, d(2026, 4, 30));
    assert_eq!(a.reviews, vec![d(2026, 2, 1), d(2026, 4, 30)]);
    assert_eq!(review_by(&a), Some(When::By(d(2026, 10, 30))));
}

#[test]
fn an_extension_or_cancellation_decided_elsewhere_is_entered_only_for_a_probationary_member() {
    let mut doc = probationer_among(2);
    doc.applicants.push(paths_due().remove(0));
    let touched =
        probation_decided(&mut doc, "fz-1", Decision::Extend(12), d(2026, 12, 20)).unwrap();
    assert_eq!(touched, records_changed(Decision::Extend(12), "fz-1", ""));
    assert_eq!(
        doc.member("y").unwrap().extension.as_ref().unwrap().until,
        d(2027, 12, 20)
    );
    let before = doc.clone();
    // A 发展对象 has no 预备期; an 接收 is the 支部大会's vote, not an entry.
    assert!(probation_decided(&mut doc, "fz-review", Decision::Cancel, d(2026, 12, 20)).is_err());
    assert!(probation_decided(&mut doc, "fz-1", Decision::Admit, d(2026, 12, 20)).is_err());
    assert_eq!(doc, before);
    probation_decided(&mut doc, "fz-1", Decision::Cancel, d(2027, 3, 1)).unwrap();
    assert_eq!(doc.applicant("fz-1").unwrap().phase(), Phase::Stopped);
    assert!(probation_decided(&mut doc, "fz-1", Decision::Cancel, d(2027, 3, 2)).is_err());
}

/// A 预备党员 admitted on 2025-06-20 (预备期满 2026-06-20) whose 转正 the
/// 支部大会 passed on the day the 预备期 ended.
fn confirmed_by_the_assembly() -> Document {
    let mut doc = pre_reviewed(d(2025, 6, 1));
    decided(&mut doc, Decision::Admit, "mt-1", d(2025, 6, 20));
    record_approval(&mut doc, "fz-1", Step::Approval, Some(d(2025, 8, 1))).unwrap();
    decided(&mut doc, Decision::Confirm, "mt-2", d(2026, 6, 20));
    doc
}

#[test]
fn a_confirmation_takes_effect_once_the_superior_committee_approves_it() {
    let mut doc = confirmed_by_the_assembly();
    let a = doc.applicant("fz-1").unwrap();
    // Passed by the 支部大会, not yet approved: still a 预备党员 everywhere.
    assert_eq!(
        awaiting_approval(a),
        Some(Awaiting {
            step: Step::ConfirmationApproval,
            passed_on: d(2026, 6, 20)
        })
    );
    assert_eq!(awaiting_approval(a).unwrap().label(), "待上级党委审批转正");
    assert_eq!(a.phase(), Phase::Probationary);
    assert_eq!(
        doc.member("m-new").unwrap().standing,
        Standing::Probationary
    );
    let due = next_due(a, &Practice::default());
    assert!(
        due.iter()
            .any(|x| x.what == "待上级党委审批转正（三个月内）"
                && x.when == When::By(d(2026, 9, 20))),
        "{due:?}"
    );
    let row = pipeline(&doc, d(2026, 7, 1)).remove(0);
    assert_eq!(row.awaiting, Some("待上级党委审批转正"));

    // The day before the 支部大会: refused, nothing changes.
    let before = doc.clone();
    assert_eq!(
        approve_confirmation(&mut doc, Some(d(2026, 6, 19))),
        Err("上级党委审批的日期不能早于支部大会（2026年6月20日）".to_string())
    );
    assert_eq!(doc, before);

    // Approved on the day itself: a 正式党员 from the end of the 预备期.
    let touched = approve_confirmation(&mut doc, Some(d(2026, 6, 20))).unwrap();
    assert_eq!(
        touched,
        approval_records("fz-1", Step::ConfirmationApproval)
    );
    let member = doc.member("m-new").unwrap();
    assert_eq!(
        (member.standing, member.confirmed_on),
        (Standing::Full, Some(d(2026, 6, 20)))
    );
    assert_eq!(awaiting_approval(doc.applicant("fz-1").unwrap()), None);
    assert_eq!(doc.applicant("fz-1").unwrap().phase(), Phase::Full);
    assert_eq!(pipeline(&doc, d(2026, 7, 1))[0].awaiting, None);
}

#[test]
fn the_confirmation_date_is_the_end_of_probation_not_the_day_of_approval() {
    let mut doc = confirmed_by_the_assembly();
    // Approved three months and a day after the 支部大会 (a warning of its
    // own): the 转正日期 stays the day the 预备期 ended.
    approve_confirmation(&mut doc, Some(d(2026, 9, 21))).unwrap();
    let member = doc.member("m-new").unwrap();
    assert_eq!(member.confirmed_on, Some(d(2026, 6, 20)));
    // The day before it, still a 预备党员 with no vote; from it, 正式.
    assert_eq!(
        member.standing_on(Some(d(2026, 6, 19))),
        Standing::Probationary
    );
    assert_eq!(member.standing_on(Some(d(2026, 6, 20))), Standing::Full);
    let a = doc.applicant("fz-1").unwrap();
    let found = flags(a, &doc.members, &Practice::default());
    assert!(found
        .iter()
        .any(|f| f.step == Step::ConfirmationApproval && f.breach.severity == Severity::Warning));

    // Taken back: a 预备党员 again, and the approval is awaited again.
    approve_confirmation(&mut doc, None).unwrap();
    let member = doc.member("m-new").unwrap();
    assert_eq!(
        (member.standing, member.confirmed_on),
        (Standing::Probationary, None)
    );
    assert!(awaiting_approval(doc.applicant("fz-1").unwrap()).is_some());
}

#[test]
fn an_extended_probation_is_confirmed_from_its_extended_end() {
    let mut doc = confirmed_by_the_assembly();
    let a = doc.applicant_mut("fz-1").unwrap();
    a.set_done(Step::ConfirmationAssembly, None);
    decided(&mut doc, Decision::Extend(6), "mt-3", d(2026, 6, 20));
    decided(&mut doc, Decision::Confirm, "mt-4", d(2026, 12, 20));
    approve_confirmation(&mut doc, Some(d(2027, 1, 10))).unwrap();
    assert_eq!(
        doc.member("m-new").unwrap().confirmed_on,
        Some(d(2026, 12, 20))
    );
}

#[test]
fn an_approval_is_recorded_only_after_the_assembly_that_passed_it() {
    let mut doc = document(&[], Vec::new(), Vec::new());
    let mut a = path(&[(Step::Apply, d(2023, 1, 1))]);
    a.member_id = None;
    doc.applicants.push(a);
    let before = doc.clone();
    assert_eq!(
        approve_confirmation(&mut doc, Some(d(2026, 1, 1))),
        Err("请先记录第23步 支部大会讨论转正的日期，再登记上级党委审批".to_string())
    );
    assert_eq!(
        record_approval(&mut doc, "fz-1", Step::Oath, Some(d(2026, 1, 1))),
        Err("这一步不是上级党委审批".to_string())
    );
    assert_eq!(doc, before);
    assert_eq!(awaiting_approval(doc.applicant("fz-1").unwrap()), None);
}

#[test]
fn an_admission_awaits_the_superior_committee_after_the_assembly() {
    let mut doc = pre_reviewed(d(2025, 6, 1));
    decided(&mut doc, Decision::Admit, "mt-1", d(2025, 6, 20));
    let a = doc.applicant("fz-1").unwrap();
    assert_eq!(
        awaiting_approval(a).map(|w| (w.step, w.label())),
        Some((Step::Approval, "待上级党委审批接收"))
    );
    assert!(next_due(a, &Practice::default())
        .iter()
        .any(|x| x.what == "待上级党委审批接收（三个月内）" && x.when == When::By(d(2025, 9, 20))));
    // The 接收's approval leaves the roster as it is.
    let touched = record_approval(&mut doc, "fz-1", Step::Approval, Some(d(2025, 9, 20))).unwrap();
    assert_eq!(touched, vec![RecordKey::applicant("fz-1")]);
    assert_eq!(awaiting_approval(doc.applicant("fz-1").unwrap()), None);
    assert_eq!(
        doc.member("m-new").unwrap().standing,
        Standing::Probationary
    );
}

fn suggested(
    doc: &Document,
    meeting: &Meeting,
    vote: &crate::domain::meeting::Vote,
) -> Option<String> {
    suggested_path(doc, meeting, vote).map(|s: Suggestion| s.name)
}

/// A vote typed by hand: its motion and kind, no path.
fn typed_vote(motion: &str, kind: VoteKind) -> crate::domain::meeting::Vote {
    let mut vote = vote_on(&Applicant::default(), Decision::Admit, "v-typed".into());
    vote.motion = motion.into();
    vote.kind = kind;
    vote.applicant_id = None;
    vote
}

#[test]
fn a_hand_entered_vote_is_offered_the_path_its_motion_names() {
    let doc = branch_with_paths();
    let assembly = held_with_all(&doc, "mt-a", MeetingKind::BranchAssembly, d(2026, 12, 10));
    let admit = typed_vote(
        "关于接收乙同志为中共预备党员的决议",
        VoteKind::AdmitProbationary,
    );
    assert_eq!(suggested(&doc, &assembly, &admit), Some("乙".into()));
    // The kind must fit where the path is: 甲 has had no 预审 yet.
    let early = typed_vote(
        "关于接收甲同志为中共预备党员的决议",
        VoteKind::AdmitProbationary,
    );
    assert_eq!(suggested(&doc, &assembly, &early), None);
    // A 一般事项, a 支委会, a motion naming nobody: nothing offered.
    let general = typed_vote("关于接收乙同志为中共预备党员的决议", VoteKind::General);
    assert_eq!(suggested(&doc, &assembly, &general), None);
    let committee_meeting =
        held_with_all(&doc, "mt-c", MeetingKind::CommitteeMeeting, d(2026, 12, 10));
    assert_eq!(suggested(&doc, &committee_meeting, &admit), None);
    let nobody = typed_vote(
        "关于接收新同志为中共预备党员的决议",
        VoteKind::AdmitProbationary,
    );
    assert_eq!(suggested(&doc, &assembly, &nobody), None);

    // One tap links it: the vote then decides the path's 接收.
    let mut meeting = assembly.clone();
    let mut linked = admit.clone();
    link_vote(&mut linked, "fz-admit", None);
    assert_eq!(linked.applicant_id.as_deref(), Some("fz-admit"));
    meeting.votes.push(linked.clone());
    let link = vote_link(&doc, &meeting, &linked).unwrap();
    assert_eq!(
        (link.decision, link.recorded),
        (Some(Decision::Admit), false)
    );
    // Linked (or the path put to another vote), it is not offered again.
    assert_eq!(suggested(&doc, &meeting, &linked), None);
    assert_eq!(suggested(&doc, &meeting, &admit), None);
}

#[test]
fn a_hand_entered_vote_is_offered_the_path_of_its_member_and_the_longest_name() {
    let mut doc = confirmed_by_the_assembly();
    let a = doc.applicant_mut("fz-1").unwrap();
    a.set_done(Step::ConfirmationAssembly, None);
    let mut other = path(&[
        (Step::Apply, d(2023, 1, 1)),
        (Step::PreReview, d(2025, 6, 1)),
    ]);
    other.id = "fz-2".into();
    other.name = "王小".into();
    doc.applicants.push(other);
    after_vote(
        &mut doc,
        "fz-2",
        Decision::Admit,
        "mt-1",
        d(2025, 6, 20),
        "m-2",
    )
    .unwrap();
    let assembly = held_with_all(&doc, "mt-z", MeetingKind::BranchAssembly, d(2026, 6, 20));
    // The member chosen in the vote names the path, whatever the motion says.
    let mut confirm = typed_vote("关于预备党员转正的决议", VoteKind::ConfirmFull);
    confirm.member_id = Some("m-new".into());
    assert_eq!(suggested(&doc, &assembly, &confirm), Some("王小明".into()));
    // 王小 is inside 王小明: the motion naming 王小明 is about 王小明.
    let extend = typed_vote("关于延长王小明同志预备期6个月", VoteKind::ExtendProbation);
    assert_eq!(suggested(&doc, &assembly, &extend), Some("王小明".into()));
    let cancel = typed_vote("关于取消王小同志预备党员资格", VoteKind::CancelProbation);
    assert_eq!(suggested(&doc, &assembly, &cancel), Some("王小".into()));
    // Linking a 延长 names the member the path admitted.
    let mut linked = extend.clone();
    link_vote(&mut linked, "fz-1", Some("m-new"));
    assert_eq!(linked.member_id.as_deref(), Some("m-new"));
}
