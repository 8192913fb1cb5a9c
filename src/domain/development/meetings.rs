//! Meetings join the path: a 支委会 or 支部大会 offers the people due for a
//! decision (`offers`), its vote is worded from the path and names it
//! (`vote_on`), and once the vote passed the path moves on (`record_vote`):
//! the 支部大会 that admits a 预备党员 adds them to the roster with their
//! 入党日期; the approved 转正 stores the 转正日期, from which 党龄 counts.

use chrono::NaiveDate;

use super::path::{Applicant, Extension, Phase, Step, Stopped};
use super::rules;
use crate::domain::meeting::{Meeting, MeetingKind, Vote, VoteKind};
use crate::domain::roster::{member_named, Extension as RosterExtension};
use crate::domain::rules::vote::{evaluate_vote, Body, VoteResult};
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

    /// The kind of vote that takes it: the 支部大会's own kinds for 接收、
    /// 转正、延长、取消; what a 支委会 decides is a 一般事项 by its rule.
    pub fn vote_kind(self) -> VoteKind {
        match self {
            Decision::Admit => VoteKind::AdmitProbationary,
            Decision::Confirm => VoteKind::ConfirmFull,
            Decision::Extend(_) => VoteKind::ExtendProbation,
            Decision::Cancel => VoteKind::CancelProbation,
            Decision::NameActivist | Decision::NameCandidate | Decision::CommitteeReview => {
                VoteKind::General
            }
        }
    }

    /// What is decided, in a few words: "接收为预备党员".
    pub fn label(self) -> String {
        match self {
            Decision::NameActivist => "确定为入党积极分子".into(),
            Decision::NameCandidate => "确定为发展对象".into(),
            Decision::CommitteeReview => "审查发展对象".into(),
            Decision::Admit => "接收为预备党员".into(),
            Decision::Confirm => "预备党员转正".into(),
            Decision::Extend(m) => format!("延长预备期{m}个月"),
            Decision::Cancel => "取消预备党员资格".into(),
        }
    }

    /// The step a passed vote records.
    pub fn step(self) -> Option<Step> {
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

/// Records a 延长预备期 or 取消预备党员资格 that a 支部大会 decided at a
/// meeting not kept in the app: the path and, on 延长, the roster's 预备期.
/// Only a 预备党员's path takes it.
pub fn probation_decided(
    doc: &mut Document,
    applicant_id: &str,
    decision: Decision,
    day: NaiveDate,
) -> Result<Vec<RecordKey>, String> {
    let phase = doc.applicant(applicant_id).map(Applicant::phase);
    if phase != Some(Phase::Probationary) {
        return Err("只有预备党员才能延长预备期或取消预备党员资格".into());
    }
    match decision {
        Decision::Extend(_) | Decision::Cancel => {
            after_vote(doc, applicant_id, decision, "", day, "")
        }
        _ => Err("这里只登记延长预备期或取消预备党员资格".into()),
    }
}

/// What waits for the 上级党委's 审批 on a path: a 支部大会 passed the
/// 接收 or the 转正 (the step is recorded from its vote) and the approval is
/// not recorded yet. Until then a 预备党员 stays one: the 转正 takes effect
/// once approved (党章第七条: "…都应当经支部大会讨论通过和上级党组织批准").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Awaiting {
    /// `Step::Approval` (of the 接收) or `Step::ConfirmationApproval`.
    pub step: Step,
    /// The day the 支部大会 passed it.
    pub passed_on: NaiveDate,
}

impl Awaiting {
    /// "待上级党委审批转正".
    pub fn label(self) -> &'static str {
        if self.step == Step::ConfirmationApproval {
            "待上级党委审批转正"
        } else {
            "待上级党委审批接收"
        }
    }
}

/// The 支部大会 step whose decision an approval step approves.
fn approved_assembly(step: Step) -> Option<Step> {
    match step {
        Step::Approval => Some(Step::AdmissionAssembly),
        Step::ConfirmationApproval => Some(Step::ConfirmationAssembly),
        _ => None,
    }
}

/// The approval a path waits for, if any: the 转正's once its 支部大会 is
/// recorded, else the 接收's.
pub fn awaiting_approval(a: &Applicant) -> Option<Awaiting> {
    if a.stopped.is_some() {
        return None;
    }
    [Step::ConfirmationApproval, Step::Approval]
        .into_iter()
        .find_map(|step| {
            let passed_on = a.done_on(approved_assembly(step)?)?;
            a.done_on(step)
                .is_none()
                .then_some(Awaiting { step, passed_on })
        })
}

/// Whether the 上级党委's approval (`step`: 第17步 or 第24步) may be
/// recorded on `on` (or taken back with `None`): only after the 支部大会
/// that passed it, on its day or later.
pub fn approval_allowed(a: &Applicant, step: Step, on: Option<NaiveDate>) -> Result<(), String> {
    let assembly = approved_assembly(step).ok_or("这一步不是上级党委审批")?;
    let Some(on) = on else {
        return Ok(());
    };
    let Some(passed) = a.done_on(assembly) else {
        return Err(format!(
            "请先记录{}的日期，再登记上级党委审批",
            assembly.title()
        ));
    };
    if on < passed {
        return Err(format!(
            "上级党委审批的日期不能早于支部大会（{}）",
            crate::domain::time::format_chinese_date(passed)
        ));
    }
    Ok(())
}

/// The records recording an approval changes: the path, and the roster
/// on a 转正.
pub fn approval_records(applicant_id: &str, step: Step) -> Vec<RecordKey> {
    let mut keys = vec![RecordKey::applicant(applicant_id)];
    if step == Step::ConfirmationApproval {
        keys.push(RecordKey::Members);
    }
    keys
}

/// Records the 上级党委's approval of a 接收 (第17步) or a 转正 (第24步) on
/// `on`, or takes it back with `None`. An approved 转正 makes the person a
/// 正式党员 on the roster, and the 转正日期 is the end of the 预备期, not the
/// day of the approval (党章第七条: "党员的党龄，从预备期满转为正式党员之日
/// 算起"); taken back, they are a 预备党员 again. Returns the records it
/// changed, among `approval_records`.
pub fn record_approval(
    doc: &mut Document,
    applicant_id: &str,
    step: Step,
    on: Option<NaiveDate>,
) -> Result<Vec<RecordKey>, String> {
    let Some(a) = doc.applicant_mut(applicant_id) else {
        return Err("找不到这份发展党员纪实".into());
    };
    approval_allowed(a, step, on)?;
    a.set_done(step, on);
    let mut touched = vec![RecordKey::applicant(applicant_id)];
    if step != Step::ConfirmationApproval {
        return Ok(touched);
    }
    let ends = a
        .done_on(Step::AdmissionAssembly)
        .map(|admitted| rules::probation_ends(admitted, a.extension.as_ref().map(|e| e.months)));
    let (Some(id), Some(ends)) = (a.member_id.clone(), ends) else {
        return Ok(touched);
    };
    if let Some(m) = doc.member_mut(&id) {
        match on {
            Some(_) => {
                m.standing = Standing::Full;
                m.confirmed_on = rules::party_age_from(ends, true);
            }
            // Only the 转正 this path recorded is taken back.
            None if m.confirmed_on == Some(ends) => {
                m.standing = Standing::Probationary;
                m.confirmed_on = None;
            }
            None => return Ok(touched),
        }
        touched.push(RecordKey::Members);
    }
    Ok(touched)
}

/// The kind of meeting whose decisions `meeting` takes, by the body that
/// votes there: a 支部党员大会 or a 支委会.
fn deciding_kind(meeting: &Meeting) -> Option<MeetingKind> {
    match Body::of(meeting)? {
        Body::Assembly => Some(MeetingKind::BranchAssembly),
        Body::Committee => Some(MeetingKind::CommitteeMeeting),
    }
}

/// A decision a meeting may put to the vote: whose path, and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offer {
    pub applicant_id: String,
    pub name: String,
    pub decision: Decision,
}

/// The people `meeting` may decide about on its day (held, else planned)
/// who have no vote in it yet, in the order of the paths.
pub fn offers(doc: &Document, meeting: &Meeting) -> Vec<Offer> {
    let (Some(kind), Some(day)) = (deciding_kind(meeting), meeting.effective_date()) else {
        return Vec::new();
    };
    due_for_decision(doc, &kind, day)
        .into_iter()
        .filter(|(id, _)| {
            !meeting
                .votes
                .iter()
                .any(|v| v.applicant_id.as_deref() == Some(id.as_str()))
        })
        .filter_map(|(id, decision)| {
            Some(Offer {
                name: doc.applicant(&id)?.name.clone(),
                applicant_id: id,
                decision,
            })
        })
        .collect()
}

/// The vote that puts `decision` about `a` to the meeting: the motion worded
/// from the path, the kind its body votes, the person (on the roster once
/// admitted) and the path it will move on.
pub fn vote_on(a: &Applicant, decision: Decision, id: String) -> Vote {
    let kind = decision.vote_kind();
    Vote {
        id,
        motion: decision.motion(&a.name),
        in_favour: 0,
        against: 0,
        abstain: 0,
        kind,
        written: None,
        member_id: a.member_id.clone().filter(|_| kind.is_about_a_member()),
        applicant_id: Some(a.id.clone()),
    }
}

/// What a vote put from a path decides, as the path stands now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoteLink {
    pub applicant_id: String,
    pub name: String,
    /// `None` when the vote's kind and the path no longer make one decision
    /// (the kind was changed by hand, or the path has moved on elsewhere).
    pub decision: Option<Decision>,
    /// The path records the decision from this meeting.
    pub recorded: bool,
    /// What waits for the 上级党委 on the path, if anything.
    pub awaiting: Option<Awaiting>,
}

/// The path a vote was put from and what it decides there; `None` for a
/// vote put by hand, or on a phone that does not keep the path.
pub fn vote_link(doc: &Document, meeting: &Meeting, vote: &Vote) -> Option<VoteLink> {
    let a = doc.applicant(vote.applicant_id.as_deref()?)?;
    let body = Body::of(meeting);
    let day = meeting.effective_date();
    let from_here = |step: Step| {
        a.record(step)
            .is_some_and(|r| r.on.is_some() && r.meeting_id.as_deref() == Some(meeting.id.as_str()))
    };
    let assembly =
        |d: Decision, recorded: bool| (body == Some(Body::Assembly)).then_some((d, recorded));
    let found = match vote.kind {
        VoteKind::AdmitProbationary => {
            assembly(Decision::Admit, from_here(Step::AdmissionAssembly))
        }
        VoteKind::ConfirmFull => assembly(Decision::Confirm, from_here(Step::ConfirmationAssembly)),
        VoteKind::CancelProbation => assembly(
            Decision::Cancel,
            a.stopped.as_ref().is_some_and(|s| s.cancelled),
        ),
        VoteKind::ExtendProbation => months_in(&vote.motion).and_then(|m| {
            let decided = a.extension.as_ref().map(|e| e.decided_on);
            assembly(Decision::Extend(m), decided.is_some() && decided == day)
        }),
        VoteKind::General if body == Some(Body::Committee) => {
            let done_here = [
                (Step::NameActivist, Decision::NameActivist),
                (Step::NameCandidate, Decision::NameCandidate),
                (Step::CommitteeReview, Decision::CommitteeReview),
            ]
            .into_iter()
            .find(|(step, _)| from_here(*step));
            match done_here {
                Some((_, d)) => Some((d, true)),
                None => day
                    .and_then(|day| decision_due(a, &MeetingKind::CommitteeMeeting, day))
                    .map(|d| (d, false)),
            }
        }
        VoteKind::General => None,
    };
    Some(VoteLink {
        applicant_id: a.id.clone(),
        name: a.name.clone(),
        decision: found.map(|(d, _)| d),
        recorded: found.is_some_and(|(_, r)| r),
        awaiting: awaiting_approval(a),
    })
}

/// A path a vote entered by hand (not put from a path) seems to be about:
/// a 支部大会's 接收, 转正, 延长 or 取消 whose chosen member is the path's, or
/// whose motion names the person, and the path is at that point. Offered as
/// a question, never linked without a tap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    pub applicant_id: String,
    pub name: String,
}

/// The path `vote` seems to be about, if exactly one fits (`Suggestion`).
pub fn suggested_path(doc: &Document, meeting: &Meeting, vote: &Vote) -> Option<Suggestion> {
    if vote.applicant_id.is_some() || Body::of(meeting) != Some(Body::Assembly) {
        return None;
    }
    let fits = |a: &Applicant| match vote.kind {
        VoteKind::AdmitProbationary => {
            a.phase() == Phase::Candidate && a.done_on(Step::PreReview).is_some()
        }
        VoteKind::ConfirmFull | VoteKind::ExtendProbation | VoteKind::CancelProbation => {
            a.phase() == Phase::Probationary
        }
        VoteKind::General => false,
    };
    let free = |a: &Applicant| {
        !meeting
            .votes
            .iter()
            .any(|v| v.applicant_id.as_deref() == Some(a.id.as_str()))
    };
    let open: Vec<&Applicant> = doc
        .applicants
        .iter()
        .filter(|a| fits(a) && free(a))
        .collect();
    let chosen = match vote.member_id.as_deref() {
        Some(member) => open
            .iter()
            .find(|a| a.member_id.as_deref() == Some(member))
            .copied(),
        None => None,
    }
    .or_else(|| named_in(&open, &vote.motion))?;
    Some(Suggestion {
        applicant_id: chosen.id.clone(),
        name: chosen.name.clone(),
    })
}

/// The one path whose person the motion names: of names inside one
/// another (王明, 王明华) the longest; two different names, none.
fn named_in<'a>(paths: &[&'a Applicant], motion: &str) -> Option<&'a Applicant> {
    let named: Vec<&Applicant> = paths
        .iter()
        .filter(|a| !a.name.trim().is_empty() && motion.contains(a.name.trim()))
        .copied()
        .collect();
    let longest = named.iter().max_by_key(|a| a.name.trim().chars().count())?;
    named
        .iter()
        .all(|a| longest.name.contains(a.name.trim()))
        .then_some(*longest)
}

/// Links a vote entered by hand to the path it is about: the vote names
/// the path and, for a 转正, 延长 or 取消, the member the path admitted.
pub fn link_vote(vote: &mut Vote, applicant_id: &str, member_id: Option<&str>) {
    vote.applicant_id = Some(applicant_id.to_string());
    if vote.kind.is_about_a_member() && vote.member_id.is_none() {
        vote.member_id = member_id.map(str::to_string);
    }
}

/// The months of an extension as its motion words them ("…预备期6个月",
/// "…预备期六个月").
fn months_in(motion: &str) -> Option<u32> {
    let before = &motion[..motion.find("个月")?];
    let digits: String = before
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if let Ok(months) = digits.parse() {
        return Some(months);
    }
    [
        ("十二", 12),
        ("十一", 11),
        ("十", 10),
        ("九", 9),
        ("八", 8),
        ("七", 7),
        ("六", 6),
    ]
    .into_iter()
    .find(|(words, _)| before.ends_with(words))
    .map(|(_, months)| months)
}

/// The records that recording `decision` from a vote changes: the path; the
/// roster on 接收 (a new 预备党员) and 延长 (the 预备期); the vote on 接收,
/// which then names the new member.
pub fn records_changed(decision: Decision, applicant_id: &str, meeting_id: &str) -> Vec<RecordKey> {
    let mut keys = vec![RecordKey::applicant(applicant_id)];
    if matches!(decision, Decision::Admit | Decision::Extend(_)) {
        keys.push(RecordKey::Members);
    }
    if decision == Decision::Admit {
        keys.push(RecordKey::meeting(meeting_id));
    }
    keys
}

/// Why a vote of a meeting still to come is not recorded yet.
pub const NOT_YET: &str = "会议日期在今天之后：会议召开后再记入发展党员纪实";

/// Records a passed vote on the path it was put from: the step with the
/// meeting's day and the meeting (`after_vote`); on 接收 the new 预备党员
/// joins the roster as `member_id` and the vote names them. Nothing changes
/// unless the vote passed by the rule of its body and still takes
/// `decision` (the one the member saw), and the meeting's day has come by
/// `today`; a decision is recorded once. Returns the records it changed,
/// among `records_changed`.
pub fn record_vote(
    doc: &mut Document,
    meeting_id: &str,
    vote_id: &str,
    decision: Decision,
    member_id: &str,
    today: NaiveDate,
) -> Result<Vec<RecordKey>, String> {
    let meeting = doc.meeting(meeting_id).ok_or("找不到这次会议")?;
    let vote = meeting
        .votes
        .iter()
        .find(|v| v.id == vote_id)
        .ok_or("找不到这项表决")?;
    let link = vote_link(doc, meeting, vote).ok_or("这项表决没有关联发展党员纪实")?;
    if link.decision != Some(decision) {
        return Err("表决事项的类别与纪实的当前阶段不符，请核对".into());
    }
    if link.recorded {
        return Err("已记入发展党员纪实".into());
    }
    let result = evaluate_vote(meeting, vote, &doc.members).map(|o| o.result);
    if result != Some(VoteResult::Passed) {
        return Err("表决尚未通过，不能记入发展党员纪实".into());
    }
    let day = meeting.effective_date().ok_or("会议还没有日期")?;
    if day > today {
        return Err(NOT_YET.into());
    }
    let mut touched = after_vote(
        doc,
        &link.applicant_id,
        decision,
        meeting_id,
        day,
        member_id,
    )?;
    if decision == Decision::Admit {
        let admitted = doc
            .applicant(&link.applicant_id)
            .and_then(|a| a.member_id.clone());
        if let Some(v) = doc
            .meeting_mut(meeting_id)
            .and_then(|m| m.votes.iter_mut().find(|v| v.id == vote_id))
        {
            v.member_id = admitted;
            touched.push(RecordKey::meeting(meeting_id));
        }
    }
    Ok(touched)
}
