//! One applicant's path: the record, the twenty-five steps in five stages
//! (细则 chapters 2–5), the materials each step produces, and what the
//! person is at any point as the steps recorded say.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::kind::{Kind, Packing, Scope};
use crate::domain::limits;
use crate::domain::meeting::PersonRef;
use crate::domain::validate::{Checks, Known};

/// 性别, for the 纪实表.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Male,
    Female,
}

impl Sex {
    pub fn label(self) -> &'static str {
        match self {
            Sex::Male => "男",
            Sex::Female => "女",
        }
    }
}

/// One person's path from 入党申请 on. Only what the 纪实表 needs: no ID
/// number, no family details.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Applicant {
    /// `fz-…`.
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub sex: Option<Sex>,
    /// 出生日期: the 细则's 年满十八岁 (第五条) is checked against it.
    #[serde(default)]
    pub born_on: Option<NaiveDate>,
    /// The roster entry once the 支部大会 admitted the person.
    #[serde(default)]
    pub member_id: Option<String>,
    /// 培养联系人: one or two 正式党员 (细则第九条).
    #[serde(default)]
    pub contacts: Vec<PersonRef>,
    /// 入党介绍人: two 正式党员 (细则第十四条).
    #[serde(default)]
    pub introducers: Vec<PersonRef>,
    /// 短期集中培训: days and 学时 as the certificate says (细则第十七条).
    #[serde(default)]
    pub training_days: Option<u16>,
    #[serde(default)]
    pub training_hours: Option<u16>,
    /// The days 思想汇报 were handed in.
    #[serde(default)]
    pub reports: Vec<NaiveDate>,
    /// The days the 支部 reviewed the person (考察, every half year:
    /// 细则第十一条).
    #[serde(default)]
    pub reviews: Vec<NaiveDate>,
    /// The steps done, each once.
    #[serde(default)]
    pub steps: Vec<StepRecord>,
    /// 延长预备期, as the 支部大会 decided it.
    #[serde(default)]
    pub extension: Option<Extension>,
    /// 取消预备党员资格 (or the path stopped otherwise): the day and why.
    #[serde(default)]
    pub stopped: Option<Stopped>,
    #[serde(default)]
    pub note: String,
}

/// One step done: its day, who did it (经办人), the materials in the file,
/// and notes. A step decided at a meeting names the meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepRecord {
    pub step: Step,
    #[serde(default)]
    pub on: Option<NaiveDate>,
    /// 经办人.
    #[serde(default)]
    pub by: String,
    /// The materials ticked as in the file.
    #[serde(default)]
    pub materials: Vec<Material>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub meeting_id: Option<String>,
}

impl StepRecord {
    pub fn new(step: Step, on: Option<NaiveDate>) -> StepRecord {
        StepRecord {
            step,
            on,
            by: String::new(),
            materials: Vec::new(),
            note: String::new(),
            meeting_id: None,
        }
    }
}

/// 延长预备期: decided by the 支部大会 on `decided_on`, for `months`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Extension {
    pub decided_on: NaiveDate,
    pub months: u32,
}

/// The path stopped: 取消预备党员资格, or the application withdrawn.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stopped {
    pub on: NaiveDate,
    /// 取消预备党员资格 (细则第三十二条), as against an application that
    /// simply ended.
    #[serde(default)]
    pub cancelled: bool,
    #[serde(default)]
    pub reason: String,
}

/// The five stages (细则 chapters 2–5, as branches publish the 25 steps).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    Application,
    Activist,
    Candidate,
    Admission,
    Probation,
}

impl Stage {
    pub const ALL: [Stage; 5] = [
        Stage::Application,
        Stage::Activist,
        Stage::Candidate,
        Stage::Admission,
        Stage::Probation,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Stage::Application => "申请入党",
            Stage::Activist => "入党积极分子的确定和培养教育",
            Stage::Candidate => "发展对象的确定和考察",
            Stage::Admission => "预备党员的接收",
            Stage::Probation => "预备党员的教育考察和转正",
        }
    }

    pub fn steps(self) -> impl Iterator<Item = Step> {
        Step::ALL.into_iter().filter(move |s| s.stage() == self)
    }
}

/// The twenty-five steps, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Apply,
    FirstTalk,
    NameActivist,
    ActivistFiled,
    AssignContacts,
    Cultivate,
    NameCandidate,
    CandidateFiled,
    NameIntroducers,
    PoliticalReview,
    Training,
    CommitteeReview,
    PreReview,
    Application,
    AdmissionAssembly,
    ApprovalTalk,
    Approval,
    ApprovalFiled,
    JoinGroup,
    Oath,
    Probation,
    ConfirmationRequest,
    ConfirmationAssembly,
    ConfirmationApproval,
    Archive,
}

impl Step {
    pub const ALL: [Step; 25] = [
        Step::Apply,
        Step::FirstTalk,
        Step::NameActivist,
        Step::ActivistFiled,
        Step::AssignContacts,
        Step::Cultivate,
        Step::NameCandidate,
        Step::CandidateFiled,
        Step::NameIntroducers,
        Step::PoliticalReview,
        Step::Training,
        Step::CommitteeReview,
        Step::PreReview,
        Step::Application,
        Step::AdmissionAssembly,
        Step::ApprovalTalk,
        Step::Approval,
        Step::ApprovalFiled,
        Step::JoinGroup,
        Step::Oath,
        Step::Probation,
        Step::ConfirmationRequest,
        Step::ConfirmationAssembly,
        Step::ConfirmationApproval,
        Step::Archive,
    ];

    /// 1 to 25.
    pub fn number(self) -> usize {
        self as usize + 1
    }

    pub fn label(self) -> &'static str {
        match self {
            Step::Apply => "递交入党申请书",
            Step::FirstTalk => "党组织派人谈话",
            Step::NameActivist => "推荐和确定入党积极分子",
            Step::ActivistFiled => "上级党委备案",
            Step::AssignContacts => "指定培养联系人",
            Step::Cultivate => "培养教育考察",
            Step::NameCandidate => "确定发展对象",
            Step::CandidateFiled => "报上级党委备案",
            Step::NameIntroducers => "确定入党介绍人",
            Step::PoliticalReview => "进行政治审查",
            Step::Training => "开展短期集中培训",
            Step::CommitteeReview => "支部委员会审查",
            Step::PreReview => "上级党委预审",
            Step::Application => "填写入党志愿书",
            Step::AdmissionAssembly => "支部大会讨论接收预备党员",
            Step::ApprovalTalk => "上级党委派人谈话",
            Step::Approval => "上级党委审批",
            Step::ApprovalFiled => "再上一级党委组织部门备案",
            Step::JoinGroup => "编入党支部和党小组",
            Step::Oath => "入党宣誓",
            Step::Probation => "继续教育考察",
            Step::ConfirmationRequest => "提出转正申请",
            Step::ConfirmationAssembly => "支部大会讨论转正",
            Step::ConfirmationApproval => "上级党委审批转正",
            Step::Archive => "材料归档",
        }
    }

    /// "第15步 支部大会讨论接收预备党员".
    pub fn title(self) -> String {
        format!("第{}步 {}", self.number(), self.label())
    }

    pub fn stage(self) -> Stage {
        match self.number() {
            1..=2 => Stage::Application,
            3..=6 => Stage::Activist,
            7..=11 => Stage::Candidate,
            12..=18 => Stage::Admission,
            _ => Stage::Probation,
        }
    }

    /// The materials the step puts in the file.
    pub fn materials(self) -> &'static [Material] {
        use Material::*;
        match self {
            Step::Apply => &[ApplicationLetter],
            Step::FirstTalk | Step::ApprovalTalk => &[TalkRecord],
            Step::NameActivist | Step::NameCandidate => &[Recommendation, Notice],
            Step::ActivistFiled | Step::CandidateFiled | Step::ApprovalFiled => &[FilingForm],
            Step::AssignContacts | Step::NameIntroducers | Step::JoinGroup | Step::Oath => &[],
            Step::Cultivate | Step::Probation => &[ObservationRecord, ThoughtReports],
            Step::PoliticalReview => &[PoliticalReview],
            Step::Training => &[TrainingCertificate],
            Step::CommitteeReview => &[Notice],
            Step::PreReview => &[PreReviewOpinion],
            Step::Application => &[VolunteerForm],
            Step::AdmissionAssembly | Step::ConfirmationAssembly => &[Notice],
            Step::Approval | Step::ConfirmationApproval => &[ApprovalOpinion],
            Step::ConfirmationRequest => &[ConfirmationLetter],
            Step::Archive => &[Archived],
        }
    }

    /// The steps that come before this one: done on the same day or
    /// earlier, or the step is out of order (程序倒置). Steps of one stage
    /// that the 细则 does not order (介绍人, 政审, 培训) may come in any
    /// order among themselves.
    pub fn after(self) -> &'static [Step] {
        use Step::*;
        match self {
            Apply => &[],
            FirstTalk => &[Apply],
            NameActivist => &[FirstTalk],
            ActivistFiled | AssignContacts | Cultivate | NameCandidate => &[NameActivist],
            CandidateFiled | NameIntroducers | PoliticalReview | Training => &[NameCandidate],
            // 细则第十六、十七条: 未经政治审查、未经培训的，不能发展入党.
            CommitteeReview => &[NameIntroducers, PoliticalReview, Training],
            PreReview => &[CommitteeReview],
            Application => &[PreReview],
            AdmissionAssembly => &[Application],
            ApprovalTalk => &[AdmissionAssembly],
            Approval => &[ApprovalTalk],
            ApprovalFiled | JoinGroup | Oath => &[Approval],
            Probation | ConfirmationRequest => &[AdmissionAssembly],
            ConfirmationAssembly => &[ConfirmationRequest],
            ConfirmationApproval => &[ConfirmationAssembly],
            Archive => &[ConfirmationApproval],
        }
    }
}

/// A document a step produces, ticked when it is in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Material {
    ApplicationLetter,
    TalkRecord,
    Recommendation,
    FilingForm,
    ObservationRecord,
    ThoughtReports,
    PoliticalReview,
    TrainingCertificate,
    VolunteerForm,
    Notice,
    PreReviewOpinion,
    ApprovalOpinion,
    ConfirmationLetter,
    Archived,
}

impl Material {
    pub fn label(self) -> &'static str {
        match self {
            Material::ApplicationLetter => "入党申请书",
            Material::TalkRecord => "谈话记录",
            Material::Recommendation => "推荐情况",
            Material::FilingForm => "备案表",
            Material::ObservationRecord => "培养考察登记表",
            Material::ThoughtReports => "思想汇报",
            Material::PoliticalReview => "政审材料",
            Material::TrainingCertificate => "培训结业证明",
            Material::VolunteerForm => "入党志愿书",
            Material::Notice => "公示",
            Material::PreReviewOpinion => "预审意见",
            Material::ApprovalOpinion => "审批意见",
            Material::ConfirmationLetter => "转正申请书",
            Material::Archived => "归档清单",
        }
    }
}

/// Adds a day to a list of days (思想汇报 handed in, 考察), kept in order
/// and each day once.
pub fn add_day(days: &mut Vec<NaiveDate>, day: NaiveDate) {
    if !days.contains(&day) {
        days.push(day);
        days.sort();
    }
}

/// What the person is, as the steps recorded say.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    Applicant,
    Activist,
    Candidate,
    Probationary,
    Full,
    Stopped,
}

impl Phase {
    pub fn label(self) -> &'static str {
        match self {
            Phase::Applicant => "入党申请人",
            Phase::Activist => "入党积极分子",
            Phase::Candidate => "发展对象",
            Phase::Probationary => "预备党员",
            Phase::Full => "正式党员",
            Phase::Stopped => "已终止",
        }
    }
}

impl Applicant {
    pub fn new(id: String, name: String, applied_on: NaiveDate) -> Applicant {
        Applicant {
            id,
            name,
            steps: vec![StepRecord::new(Step::Apply, Some(applied_on))],
            ..Applicant::default()
        }
    }

    pub fn record(&self, step: Step) -> Option<&StepRecord> {
        self.steps.iter().find(|r| r.step == step)
    }

    pub fn record_mut(&mut self, step: Step) -> &mut StepRecord {
        let at = match self.steps.iter().position(|r| r.step == step) {
            Some(at) => at,
            None => {
                self.steps.push(StepRecord::new(step, None));
                self.steps.sort_by_key(|r| r.step);
                self.steps.iter().position(|r| r.step == step).unwrap_or(0)
            }
        };
        &mut self.steps[at]
    }

    /// The day a step was done, if it was.
    pub fn done_on(&self, step: Step) -> Option<NaiveDate> {
        self.record(step).and_then(|r| r.on)
    }

    /// Sets the day a step was done, or with `None` takes it back (its
    /// materials and notes stay).
    pub fn set_done(&mut self, step: Step, on: Option<NaiveDate>) {
        self.record_mut(step).on = on;
    }

    /// Ticks or unticks a material of a step.
    pub fn set_material(&mut self, step: Step, material: Material, held: bool) {
        let record = self.record_mut(step);
        record.materials.retain(|m| *m != material);
        if held {
            record.materials.push(material);
        }
    }

    /// 申请日期: the day of step 1.
    pub fn applied_on(&self) -> Option<NaiveDate> {
        self.done_on(Step::Apply)
    }

    pub fn phase(&self) -> Phase {
        if self.stopped.is_some() {
            Phase::Stopped
        } else if self.done_on(Step::ConfirmationApproval).is_some() {
            Phase::Full
        } else if self.done_on(Step::AdmissionAssembly).is_some() {
            Phase::Probationary
        } else if self.done_on(Step::NameCandidate).is_some() {
            Phase::Candidate
        } else if self.done_on(Step::NameActivist).is_some() {
            Phase::Activist
        } else {
            Phase::Applicant
        }
    }

    /// The furthest stage a step was done in, and the first day of a step
    /// in it (since when the person is at this stage).
    pub fn stage(&self) -> (Stage, Option<NaiveDate>) {
        let stage = self
            .steps
            .iter()
            .filter(|r| r.on.is_some())
            .map(|r| r.step.stage())
            .max()
            .unwrap_or(Stage::Application);
        let since = self
            .steps
            .iter()
            .filter(|r| r.step.stage() == stage)
            .filter_map(|r| r.on)
            .min();
        (stage, since)
    }

    /// Whether every material of every step done is ticked (材料齐全).
    pub fn materials_complete(&self, step: Step) -> bool {
        let held = self.record(step).map_or(&[][..], |r| &r.materials[..]);
        step.materials().iter().all(|m| held.contains(m))
    }
}

impl Kind for Applicant {
    fn title(&self, _doc: &crate::domain::Document) -> String {
        format!("发展党员纪实：{}", self.name)
    }

    fn filed_year(&self) -> Option<i32> {
        // Home reminds of steps due on any path, however old.
        None
    }

    const NOUN: &'static str = "发展党员纪实";
    const COUNTER: &'static str = "份";
    const SKIPPABLE: bool = true;

    fn check(list: &[Self], known: &Known, checks: &mut Checks) {
        let mut ids = std::collections::HashSet::new();
        for (i, a) in list.iter().enumerate() {
            let mut c = checks.item(i);
            c.unique_id(&mut ids, &a.id, "发展党员纪实");
            c.length("name", &a.name, limits::NAME);
            if let Some(id) = &a.member_id {
                c.member("member_id", id, known);
            }
            for (j, p) in a.contacts.iter().enumerate() {
                p.check(known, &mut c.below(&format!("contacts[{j}]")));
            }
            for (j, p) in a.introducers.iter().enumerate() {
                p.check(known, &mut c.below(&format!("introducers[{j}]")));
            }
            let mut seen = std::collections::HashSet::new();
            for (j, r) in a.steps.iter().enumerate() {
                if !seen.insert(r.step) {
                    c.problem(
                        &format!("steps[{j}]"),
                        format!("{}记了两次", r.step.title()),
                    );
                }
                c.length(&format!("steps[{j}].by"), &r.by, limits::NAME);
                c.length(&format!("steps[{j}].note"), &r.note, limits::SHORT);
                if let Some(m) = &r.meeting_id {
                    c.meeting(&format!("steps[{j}].meeting_id"), m, known);
                }
            }
            c.count("reports", a.reports.len(), limits::FUSION_ITEMS, "思想汇报");
            c.count("reviews", a.reviews.len(), limits::FUSION_ITEMS, "考察");
            c.length("note", &a.note, limits::TEXT);
        }
    }

    /// 政审 and personal details never travel in a package for members or
    /// from them: only a full backup its keeper chose to make with what is
    /// private carries a path.
    fn pack(&self, packing: &Packing, _: bool) -> Option<Self> {
        (packing.scope == Scope::Full && packing.with_private).then(|| self.clone())
    }

    fn pack_deletion(packing: &Packing, _: bool) -> bool {
        packing.scope == Scope::Full && packing.with_private
    }

    fn mentions(&self, member_id: &str) -> bool {
        self.member_id.as_deref() == Some(member_id)
            || self
                .contacts
                .iter()
                .chain(&self.introducers)
                .any(|p| p.member_id.as_deref() == Some(member_id))
    }
}

crate::domain::kind::keyed_by_id!(Applicant);
