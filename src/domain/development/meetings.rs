//! Meetings join the path: a 支委会 or 支部大会 offers the people due for a
//! decision, its motion is worded from the path, and once the vote passed
//! the path moves on: the 支部大会 that admits a 预备党员 adds them to the
//! roster with their 入党日期; the approved 转正 stores the 转正日期, from
//! which 党龄 counts.

use chrono::NaiveDate;

use super::path::{Applicant, Extension, Phase, Step, Stopped};
use super::rules;
use crate::domain::meeting::MeetingKind;
use crate::domain::roster::{member_named, Extension as RosterExtension};
use crate::domain::{Document, Member, RecordKey, Standing};

/// A decision a meeting takes about one person's path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// 支委会: 确定入党积极分子 (细则第八条).
    NameActivist,
    /// 支委会: 列为发展对象 (细则第十三条).
    NameCandidate,
    /// 支委会: 审查发展对象 (细则第十九条).
    CommitteeReview,
    /// 支部大会: 接收预备党员 (细则第二十条).
    Admit,
    /// 支部大会: 预备党员转正 (细则第三十三条).
    Confirm,
    /// 支部大会: 延长预备期, for this many months (细则第三十二条).
    Extend(u32),
    /// 支部大会: 取消预备党员资格 (细则第三十二条).
    Cancel,
}

impl Decision {
    /// The meeting that takes it.
    pub fn meeting(self) -> MeetingKind {
        match self {
            Decision::NameActivist | Decision::NameCandidate | Decision::CommitteeReview => {
                MeetingKind::CommitteeMeeting
            }
            _ => MeetingKind::BranchAssembly,
        }
    }

    /// The motion put to the vote, for `name`.
    pub fn motion(self, name: &str) -> String {
        match self {
            Decision::NameActivist => format!("关于确定{name}同志为入党积极分子"),
            Decision::NameCandidate => format!("关于确定{name}同志为发展对象"),
            Decision::CommitteeReview => format!("关于{name}同志发展对象的审查意见"),
            Decision::Admit => format!("关于接收{name}同志为中共预备党员"),
            Decision::Confirm => format!("关于{name}同志由预备党员转为正式党员"),
            Decision::Extend(m) => format!("关于延长{name}同志预备期{m}个月"),
            Decision::Cancel => format!("关于取消{name}同志预备党员资格"),
        }
    }

    /// The step a passed vote records.
    fn step(self) -> Option<Step> {
        match self {
            Decision::NameActivist => Some(Step::NameActivist),
            Decision::NameCandidate => Some(Step::NameCandidate),
            Decision::CommitteeReview => Some(Step::CommitteeReview),
            Decision::Admit => Some(Step::AdmissionAssembly),
            Decision::Confirm => Some(Step::ConfirmationAssembly),
            Decision::Extend(_) | Decision::Cancel => None,
        }
    }
}

/// The decision a path waits for on `day` from a meeting of `kind`, if any:
/// only when the steps before it are done and its time has come.
pub fn decision_due(a: &Applicant, kind: &MeetingKind, day: NaiveDate) -> Option<Decision> {
    let on = |s: Step| a.done_on(s);
    let due = match a.phase() {
        Phase::Applicant if on(Step::FirstTalk).is_some() => Some(Decision::NameActivist),
        Phase::Activist => on(Step::NameActivist)
            .filter(|named| day >= rules::candidate_from(*named))
            .map(|_| Decision::NameCandidate),
        Phase::Candidate => {
            let ready = [Step::NameIntroducers, Step::PoliticalReview, Step::Training]
                .iter()
                .all(|s| on(*s).is_some());
            if on(Step::PreReview).is_some() {
                Some(Decision::Admit)
            } else if ready && on(Step::CommitteeReview).is_none() {
                Some(Decision::CommitteeReview)
            } else {
                None
            }
        }
        Phase::Probationary if on(Step::ConfirmationAssembly).is_none() => {
            let assembly = on(Step::AdmissionAssembly)?;
            let ends = rules::probation_ends(assembly, a.extension.as_ref().map(|e| e.months));
            (day >= ends).then_some(Decision::Confirm)
        }
        _ => None,
    }?;
    (&due.meeting() == kind).then_some(due)
}

/// The people a meeting of `kind` on `day` may decide about, by path id.
pub fn due_for_decision(
    doc: &Document,
    kind: &MeetingKind,
    day: NaiveDate,
) -> Vec<(String, Decision)> {
    doc.applicants
        .iter()
        .filter_map(|a| decision_due(a, kind, day).map(|d| (a.id.clone(), d)))
        .collect()
}

/// Records a passed vote on the path (and the roster): the step with its
/// day and meeting; on 接收 the person joins the roster as a 预备党员 with
/// their 入党日期 (`member_id` names the new entry); on 延长 the roster's
/// 预备期 moves; on 取消 the path stops. Returns the records it changed.
pub fn after_vote(
    doc: &mut Document,
    applicant_id: &str,
    decision: Decision,
    meeting_id: &str,
    day: NaiveDate,
    member_id: &str,
) -> Result<Vec<RecordKey>, String> {
    let Some(a) = doc.applicant_mut(applicant_id) else {
        return Err("找不到这份发展党员纪实".into());
    };
    let mut touched = vec![RecordKey::applicant(applicant_id)];
    if let Some(step) = decision.step() {
        let record = a.record_mut(step);
        record.on = Some(day);
        record.meeting_id = Some(meeting_id.to_string());
    }
    match decision {
        Decision::Admit => {
            let name = a.name.clone();
            let linked = a.member_id.clone();
            a.member_id = Some(linked.clone().unwrap_or_else(|| member_id.to_string()));
            if linked.is_none() {
                doc.members.push(Member {
                    standing: Standing::Probationary,
                    admitted_on: Some(day),
                    ..member_named(member_id.to_string(), name, day)
                });
                touched.push(RecordKey::Members);
            }
        }
        Decision::Extend(months) => {
            a.extension = Some(Extension {
                decided_on: day,
                months,
            });
            let until = a
                .done_on(Step::AdmissionAssembly)
                .map(|assembly| rules::probation_ends(assembly, Some(months)));
            if let (Some(id), Some(until)) = (a.member_id.clone(), until) {
                if let Some(m) = doc.member_mut(&id) {
                    m.extension = Some(RosterExtension {
                        decided_on: day,
                        until,
                    });
                    touched.push(RecordKey::Members);
                }
            }
        }
        Decision::Cancel => {
            a.stopped = Some(Stopped {
                on: day,
                cancelled: true,
                reason: "支部大会决定取消预备党员资格".into(),
            });
        }
        _ => {}
    }
    Ok(touched)
}

/// The 上级党委 approved the 转正 on `approved_on`: the path records it and
/// the roster stores the 转正日期, the end of the 预备期, from which 党龄
/// counts (党章第七条).
pub fn confirmation_approved(
    doc: &mut Document,
    applicant_id: &str,
    approved_on: NaiveDate,
) -> Result<Vec<RecordKey>, String> {
    let Some(a) = doc.applicant_mut(applicant_id) else {
        return Err("找不到这份发展党员纪实".into());
    };
    let Some(assembly) = a.done_on(Step::AdmissionAssembly) else {
        return Err("尚未记录支部大会接收的日期".into());
    };
    a.set_done(Step::ConfirmationApproval, Some(approved_on));
    let ends = rules::probation_ends(assembly, a.extension.as_ref().map(|e| e.months));
    let mut touched = vec![RecordKey::applicant(applicant_id)];
    if let Some(id) = a.member_id.clone() {
        if let Some(m) = doc.member_mut(&id) {
            m.standing = Standing::Full;
            m.confirmed_on = rules::party_age_from(ends, true);
            touched.push(RecordKey::Members);
        }
    }
    Ok(touched)
}
