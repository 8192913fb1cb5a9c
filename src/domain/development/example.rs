//! The example branch's 发展党员 paths: the three 预备党员 of the roster
//! linked to the paths that brought them in (郑凯's 转正 discussed at last
//! month's 党员大会 and waiting for the 党委; 谢欣怡 and 韩冬 admitted
//! together about seven months ago), an 入党积极分子 whose year is up next
//! month, and a 发展对象 who still has the 集中培训 to attend. Their
//! meetings are the example's own: each 接收 and 转正 step names the
//! 党员大会 that voted on it, and the vote names the path.

use chrono::{Days, Months, NaiveDate};

use super::path::{Applicant, Material, Sex, Step};
use crate::domain::meeting::{PersonRef, VoteKind};
use crate::domain::{Document, Standing};

fn months_before(day: NaiveDate, months: u32) -> NaiveDate {
    day.checked_sub_months(Months::new(months)).unwrap_or(day)
}

fn days_after(day: NaiveDate, days: u64) -> NaiveDate {
    day.checked_add_days(Days::new(days)).unwrap_or(day)
}

fn member(id: &str) -> PersonRef {
    PersonRef {
        member_id: Some(id.into()),
        name: String::new(),
    }
}

/// Marks a step done on `on` by `by`, with every material of the step in
/// the file.
fn done(a: &mut Applicant, step: Step, on: NaiveDate, by: &str) {
    let record = a.record_mut(step);
    record.on = Some(on);
    record.by = by.into();
    record.materials = step.materials().to_vec();
}

/// The steps from the 申请书 up to the 支部大会 that admitted the person on
/// `admitted`, each on a plausible day before it.
fn up_to_admission(a: &mut Applicant, admitted: NaiveDate, meeting: Option<String>) {
    let applied = months_before(admitted, 28);
    let activist = months_before(admitted, 24);
    let candidate = months_before(admitted, 6);
    let steps = [
        (Step::Apply, applied, "张伟"),
        (Step::FirstTalk, days_after(applied, 14), "张伟"),
        (Step::NameActivist, activist, "张伟"),
        (Step::ActivistFiled, days_after(activist, 7), "张伟"),
        (Step::AssignContacts, activist, "张伟"),
        (Step::Cultivate, activist, "张伟"),
        (Step::NameCandidate, candidate, "张伟"),
        (Step::CandidateFiled, days_after(candidate, 7), "张伟"),
        (Step::NameIntroducers, days_after(candidate, 10), "张伟"),
        (Step::PoliticalReview, days_after(candidate, 40), "张伟"),
        (Step::Training, days_after(candidate, 60), "机关党委"),
        (Step::CommitteeReview, months_before(admitted, 2), "张伟"),
        (Step::PreReview, months_before(admitted, 1), "机关党委"),
        (
            Step::Application,
            days_after(months_before(admitted, 1), 5),
            "张伟",
        ),
        (Step::AdmissionAssembly, admitted, "张伟"),
    ];
    for (step, on, by) in steps {
        done(a, step, on, by);
    }
    a.contacts = vec![member("m03"), member("m05")];
    a.introducers = vec![member("m03"), member("m05")];
    a.training_days = Some(3);
    a.training_hours = Some(24);
    a.reviews = vec![months_before(admitted, 18), months_before(admitted, 12)];
    a.reports = (1..=8).map(|q| months_before(admitted, 3 * q)).collect();
    a.record_mut(Step::AdmissionAssembly).meeting_id = meeting;
}

/// After the 支部大会: the talk, the approval and the oath, each soon after.
fn after_admission(a: &mut Applicant, admitted: NaiveDate, today: NaiveDate) {
    for (step, after, by) in [
        (Step::ApprovalTalk, 10, "机关党委组织员"),
        (Step::Approval, 30, "机关党委"),
        (Step::ApprovalFiled, 40, "机关党委"),
        (Step::JoinGroup, 32, "张伟"),
        (Step::Oath, 45, "张伟"),
        (Step::Probation, 32, "张伟"),
    ] {
        let on = days_after(admitted, after);
        if on <= today {
            done(a, step, on, by);
        }
    }
    let mut report = days_after(admitted, 90);
    while report <= today {
        a.reports.push(report);
        report = report
            .checked_add_months(Months::new(3))
            .unwrap_or(NaiveDate::MAX);
    }
}

/// Links the vote of `kind` about the member `member_id` to the path
/// `applicant_id`, as a vote put from the path is; gives its meeting and day.
fn link_vote(
    doc: &mut Document,
    kind: VoteKind,
    member_id: &str,
    applicant_id: &str,
) -> Option<(String, Option<NaiveDate>)> {
    doc.meetings.iter_mut().find_map(|m| {
        let vote = m
            .votes
            .iter_mut()
            .find(|v| v.kind == kind && v.member_id.as_deref() == Some(member_id))?;
        vote.applicant_id = Some(applicant_id.to_string());
        Some((m.id.clone(), m.date))
    })
}

pub fn add_example_paths(doc: &mut Document, today: NaiveDate) {
    let probationers: Vec<(String, String, NaiveDate)> = doc
        .members
        .iter()
        .filter(|m| m.standing == Standing::Probationary)
        .filter_map(|m| Some((m.id.clone(), m.name.clone(), m.admitted_on?)))
        .collect();
    let mut paths = Vec::new();
    for (i, (member_id, name, admitted)) in probationers.into_iter().enumerate() {
        let mut a = Applicant::new(format!("fz-ex-{}", i + 1), name.clone(), admitted);
        a.member_id = Some(member_id.clone());
        a.sex = Some(if name == "谢欣怡" {
            Sex::Female
        } else {
            Sex::Male
        });
        a.born_on = Some(months_before(admitted, 12 * (24 + i as u32)));
        let admitted_at =
            link_vote(doc, VoteKind::AdmitProbationary, &member_id, &a.id).map(|(id, _)| id);
        up_to_admission(&mut a, admitted, admitted_at);
        after_admission(&mut a, admitted, today);
        if let Some((meeting, Some(on))) = link_vote(doc, VoteKind::ConfirmFull, &member_id, &a.id)
        {
            done(
                &mut a,
                Step::ConfirmationRequest,
                months_before(on, 1),
                "张伟",
            );
            done(&mut a, Step::ConfirmationAssembly, on, "张伟");
            a.record_mut(Step::ConfirmationAssembly).meeting_id = Some(meeting);
        }
        paths.push(a);
    }

    // An 积极分子 whose year is up next month.
    let named = days_after(months_before(today, 12), 20);
    let mut activist = Applicant::new("fz-ex-4".into(), "吴思远".into(), months_before(named, 3));
    activist.sex = Some(Sex::Male);
    activist.born_on = Some(months_before(today, 12 * 26 + 5));
    done(
        &mut activist,
        Step::FirstTalk,
        days_after(months_before(named, 3), 12),
        "张伟",
    );
    done(&mut activist, Step::NameActivist, named, "张伟");
    done(
        &mut activist,
        Step::ActivistFiled,
        days_after(named, 6),
        "张伟",
    );
    done(&mut activist, Step::AssignContacts, named, "张伟");
    done(&mut activist, Step::Cultivate, named, "张伟");
    activist.set_material(Step::Cultivate, Material::ThoughtReports, false);
    activist.contacts = vec![member("m04")];
    activist.reviews = vec![months_before(today, 5)];
    activist.reports = vec![
        months_before(today, 8),
        months_before(today, 5),
        months_before(today, 2),
    ];
    paths.push(activist);

    // A 发展对象 with the 集中培训 still to attend.
    let candidate = months_before(today, 2);
    let mut next = Applicant::new(
        "fz-ex-5".into(),
        "陈晨".into(),
        months_before(candidate, 22),
    );
    next.sex = Some(Sex::Female);
    next.born_on = Some(months_before(today, 12 * 29 + 2));
    let named = months_before(candidate, 15);
    for (step, on, by) in [
        (
            Step::FirstTalk,
            days_after(months_before(candidate, 22), 20),
            "张伟",
        ),
        (Step::NameActivist, named, "张伟"),
        (Step::ActivistFiled, days_after(named, 7), "张伟"),
        (Step::AssignContacts, named, "张伟"),
        (Step::Cultivate, named, "马超"),
        (Step::NameCandidate, candidate, "张伟"),
        (Step::CandidateFiled, days_after(candidate, 8), "张伟"),
        (Step::NameIntroducers, days_after(candidate, 12), "张伟"),
        (Step::PoliticalReview, days_after(candidate, 30), "张伟"),
    ] {
        if on <= today {
            done(&mut next, step, on, by);
        }
    }
    next.contacts = vec![member("m06"), member("m08")];
    next.introducers = vec![member("m06"), member("m08")];
    next.reviews = vec![months_before(candidate, 9), months_before(candidate, 3)];
    next.reports = (0..5).map(|q| months_before(candidate, 3 * q)).collect();
    paths.push(next);

    doc.applicants = paths;
}
