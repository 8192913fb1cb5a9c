//! The date and number rules of a path, each a named function with its
//! source, returning the rule's words when the record breaks it. National
//! rules cite 《中国共产党发展党员工作细则》(2014, "细则") or the 党章;
//! what many 党委 add is the branch's `Practice`, labelled 本地做法.
//!
//! "一年以上", "三个月内" include the day itself: one year as 积极分子 is
//! met on the anniversary of the day the 支部 named them; an approval three
//! months after the 支部大会 to the day is in time.

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::time::format_chinese_date as day;
use crate::domain::workdays;

/// How serious a broken rule is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Allowed only in the special case the rule names, or a local
    /// practice not followed: to be explained in the file.
    Warning,
    /// Against a national rule: the step must be redone or put right.
    Broken,
}

/// A rule the record breaks: the rule's words, its source, and what the
/// record shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Breach {
    pub severity: Severity,
    /// "《细则》第七条", or "本地做法".
    pub source: &'static str,
    /// The rule, as its source words it.
    pub words: &'static str,
    /// What the record shows, with its days.
    pub detail: String,
}

impl Breach {
    /// "党组织收到入党申请书后，应当在一个月内派人同入党申请人谈话（《细则》第七条）。申请书…".
    pub fn sentence(&self) -> String {
        format!("{}（{}）。{}", self.words, self.source, self.detail)
    }
}

fn breach(severity: Severity, source: &'static str, words: &'static str, detail: String) -> Breach {
    Breach {
        severity,
        source,
        words,
        detail,
    }
}

fn months_after(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// 细则第七条: "党组织收到入党申请书后，应当在一个月内派人同入党申请人谈话".
pub const TALK_WORDS: &str = "党组织收到入党申请书后，应当在一个月内派人同入党申请人谈话";

/// The last day for the first talk.
pub fn talk_due(applied: NaiveDate) -> NaiveDate {
    months_after(applied, 1)
}

/// 谈话 within one month of receiving the 申请书 (细则第七条).
pub fn talk_within_one_month(applied: NaiveDate, talked: NaiveDate) -> Option<Breach> {
    (talked > talk_due(applied)).then(|| {
        breach(
            Severity::Broken,
            "《细则》第七条",
            TALK_WORDS,
            format!("申请书{}收到，谈话在{}", day(applied), day(talked)),
        )
    })
}

/// The applicant is at least eighteen on the day of the 申请书 (细则第五条:
/// "年满十八岁的中国工人、农民、军人、知识分子和其他社会阶层的先进分子…
/// 可以申请加入中国共产党"; 党章第一条).
pub fn at_least_eighteen(born: NaiveDate, applied: NaiveDate) -> Option<Breach> {
    (applied < months_after(born, 18 * 12)).then(|| {
        breach(
            Severity::Broken,
            "《细则》第五条",
            "年满十八岁的…先进分子…可以申请加入中国共产党",
            format!("{}出生，{}递交申请书时未满十八岁", day(born), day(applied)),
        )
    })
}

/// The first day an 积极分子 may be named a 发展对象.
pub fn candidate_from(activist_on: NaiveDate) -> NaiveDate {
    months_after(activist_on, 12)
}

/// More than one year as 积极分子 before 发展对象 (细则第十三条: "对经过一年
/// 以上培养教育和考察、基本具备党员条件的入党积极分子…可列为发展对象").
pub fn a_year_as_activist(activist_on: NaiveDate, candidate_on: NaiveDate) -> Option<Breach> {
    (candidate_on < candidate_from(activist_on)).then(|| {
        breach(
            Severity::Broken,
            "《细则》第十三条",
            "对经过一年以上培养教育和考察、基本具备党员条件的入党积极分子，可列为发展对象",
            format!(
                "{}确定为入党积极分子，{}列为发展对象，不满一年",
                day(activist_on),
                day(candidate_on)
            ),
        )
    })
}

/// One or two 培养联系人 (细则第九条).
pub fn one_or_two_contacts(count: usize) -> Option<Breach> {
    (!(1..=2).contains(&count)).then(|| {
        breach(
            Severity::Broken,
            "《细则》第九条",
            "党组织应当指定一至两名正式党员作入党积极分子的培养联系人",
            format!("记录的培养联系人为{count}名"),
        )
    })
}

/// Two 入党介绍人 (细则第十四条; 党章第五条).
pub fn two_introducers(count: usize) -> Option<Breach> {
    (count != 2).then(|| {
        breach(
            Severity::Broken,
            "《细则》第十四条",
            "发展对象应当有两名正式党员作入党介绍人",
            format!("记录的入党介绍人为{count}名"),
        )
    })
}

/// A 培养联系人 or 入党介绍人 who is a 预备党员 on the day (细则第九条、
/// 第十四条 both ask for 正式党员).
pub fn full_member_required(role: &str, name: &str) -> Breach {
    breach(
        Severity::Broken,
        "《细则》第九条、第十四条",
        "培养联系人、入党介绍人应当是正式党员",
        format!("{role}{name}当时是预备党员"),
    )
}

/// 短期集中培训 of at least three days or 24 学时 (细则第十七条: "培训时间
/// 一般不少于三天（或不少于二十四个学时）").
pub fn training_three_days_or_24_hours(days: Option<u16>, hours: Option<u16>) -> Option<Breach> {
    let enough = days.is_some_and(|d| d >= 3) || hours.is_some_and(|h| h >= 24);
    (!enough).then(|| {
        let had = match (days, hours) {
            (None, None) => "未记录培训天数或学时".to_string(),
            (d, h) => format!(
                "记录的培训为{}天、{}学时",
                d.unwrap_or_default(),
                h.unwrap_or_default()
            ),
        };
        breach(
            Severity::Broken,
            "《细则》第十七条",
            "培训时间一般不少于三天（或不少于二十四个学时）",
            had,
        )
    })
}

/// 细则第二十四条: the 上级党委 approves a 接收 within three months of the
/// 支部大会, six at most in a special case. The words as 党委 publish them
/// (checked against tccu.edu.cn 发展党员制度 and ttnews.xyz's 预备党员接收;
/// the article's number from the chapter's order, 第二十条 being the
/// 支部大会 and 第三十三条 the 转正 procedure).
pub const APPROVAL_WORDS: &str =
    "基层党委对党支部上报的接收预备党员的决议，应当在三个月内审批，并报上级党委组织部门备案。如遇特殊情况可适当延长审批时间，但不得超过六个月";

/// The last day of the usual three months, and of the six at most.
pub fn approval_due(assembly: NaiveDate) -> (NaiveDate, NaiveDate) {
    (months_after(assembly, 3), months_after(assembly, 6))
}

/// 审批 within three months of the 支部大会, six at most (细则第二十四条):
/// after three a warning (a special case to explain), after six broken
/// (the 支部 must discuss it again).
pub fn approval_within_three_months(assembly: NaiveDate, approved: NaiveDate) -> Option<Breach> {
    let (usual, most) = approval_due(assembly);
    let detail = |what: &str| {
        format!(
            "支部大会{}通过，上级党委{}审批，{what}",
            day(assembly),
            day(approved)
        )
    };
    if approved > most {
        Some(breach(
            Severity::Broken,
            "《细则》第二十四条",
            APPROVAL_WORDS,
            detail("超过六个月，应重新提交支部大会讨论"),
        ))
    } else if approved > usual {
        Some(breach(
            Severity::Warning,
            "《细则》第二十四条",
            APPROVAL_WORDS,
            detail("超过三个月，须说明特殊情况"),
        ))
    } else {
        None
    }
}

/// The day the 预备期 ends: one year from the 支部大会 that admitted the
/// person (细则第三十二条: "预备期从支部大会通过其为预备党员之日算起";
/// 党章第七条), later by an extension's months.
pub fn probation_ends(assembly: NaiveDate, extension_months: Option<u32>) -> NaiveDate {
    months_after(assembly, 12 + extension_months.unwrap_or(0))
}

/// 转正 discussed only once the 预备期 is over (细则第三十二条: "预备党员预备
/// 期满，党支部应当及时讨论其能否转为正式党员").
pub fn confirmation_after_probation(ends: NaiveDate, discussed: NaiveDate) -> Option<Breach> {
    (discussed < ends).then(|| {
        breach(
            Severity::Broken,
            "《细则》第三十二条",
            "预备党员预备期满，党支部应当及时讨论其能否转为正式党员",
            format!(
                "预备期至{}，{}即讨论转正，预备期未满",
                day(ends),
                day(discussed)
            ),
        )
    })
}

/// 延长预备期 of at least six months and at most a year, once (细则第三十二条:
/// "可以延长一次预备期，延长时间不能少于半年，最长不超过一年").
pub fn extension_six_to_twelve_months(months: u32) -> Option<Breach> {
    (!(6..=12).contains(&months)).then(|| {
        breach(
            Severity::Broken,
            "《细则》第三十二条",
            "可以延长一次预备期，延长时间不能少于半年，最长不超过一年",
            format!("记录的延长期为{months}个月"),
        )
    })
}

/// A step recorded after the path stopped (取消预备党员资格, 细则第三十二条).
pub fn nothing_after_cancellation(stopped: NaiveDate, step_on: NaiveDate) -> Option<Breach> {
    (step_on > stopped).then(|| {
        breach(
            Severity::Broken,
            "《细则》第三十二条",
            "不履行党员义务、不具备党员条件的，应当取消其预备党员资格",
            format!(
                "{}已取消预备党员资格，其后{}仍记有步骤",
                day(stopped),
                day(step_on)
            ),
        )
    })
}

/// The day 党龄 counts from: the end of the 预备期, once the 转正 is
/// approved (党章第七条: "党员的党龄，从预备期满转为正式党员之日算起").
pub fn party_age_from(probation_end: NaiveDate, confirmed: bool) -> Option<NaiveDate> {
    confirmed.then_some(probation_end)
}

/// 转正 approved within three months of the 支部大会 that discussed it
/// (细则第三十四条).
pub fn confirmation_approval_within_three_months(
    assembly: NaiveDate,
    approved: NaiveDate,
) -> Option<Breach> {
    (approved > months_after(assembly, 3)).then(|| {
        breach(
            Severity::Warning,
            "《细则》第三十四条",
            "基层党委对党支部上报的预备党员转正的决议，应当在三个月内审批",
            format!(
                "支部大会{}讨论转正，上级党委{}审批",
                day(assembly),
                day(approved)
            ),
        )
    })
}

/// What many 党委 add to the 细则: each a setting of the branch, shown as
/// 本地做法.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Practice {
    /// 思想汇报 every this many months (commonly quarterly).
    #[serde(default = "default_report_months")]
    pub report_months: u32,
    /// A 政审's conclusion holds this many months before the 支部大会.
    #[serde(default = "default_review_valid_months")]
    pub political_review_months: u32,
    /// 公示 of at least this many working days before the 预审.
    #[serde(default = "default_notice_workdays")]
    pub notice_workdays: u32,
    /// The 支部大会 within this many months of the 预审.
    #[serde(default = "default_assembly_months")]
    pub assembly_months: u32,
}

fn default_report_months() -> u32 {
    3
}
fn default_review_valid_months() -> u32 {
    12
}
fn default_notice_workdays() -> u32 {
    5
}
fn default_assembly_months() -> u32 {
    1
}

impl Default for Practice {
    fn default() -> Self {
        Practice {
            report_months: default_report_months(),
            political_review_months: default_review_valid_months(),
            notice_workdays: default_notice_workdays(),
            assembly_months: default_assembly_months(),
        }
    }
}

/// The source every local practice names.
pub const LOCAL: &str = "本地做法";

/// The 支部 reviews an 积极分子 every half year (细则第十一条: "党支部每半年
/// 对入党积极分子进行一次考察"): the next review is due by this day.
pub fn review_due(last: NaiveDate) -> NaiveDate {
    months_after(last, 6)
}

/// The next 思想汇报 is due by this day (本地做法).
pub fn report_due(last: NaiveDate, practice: &Practice) -> NaiveDate {
    months_after(last, practice.report_months.max(1))
}

/// The 政审's conclusion is still valid on the day of the 支部大会 (本地做法).
pub fn political_review_still_valid(
    reviewed: NaiveDate,
    assembly: NaiveDate,
    practice: &Practice,
) -> Option<Breach> {
    (assembly > months_after(reviewed, practice.political_review_months)).then(|| {
        breach(
            Severity::Warning,
            LOCAL,
            "政治审查结论在有效期内方可提交支部大会讨论",
            format!(
                "政审{}形成结论，有效期{}个月，支部大会在{}",
                day(reviewed),
                practice.political_review_months,
                day(assembly)
            ),
        )
    })
}

/// The 支部大会 within the practice's months of the 预审 (本地做法).
pub fn assembly_soon_after_pre_review(
    pre_review: NaiveDate,
    assembly: NaiveDate,
    practice: &Practice,
) -> Option<Breach> {
    (assembly > months_after(pre_review, practice.assembly_months)).then(|| {
        breach(
            Severity::Warning,
            LOCAL,
            "基层党委预审合格后，党支部应及时提交支部大会讨论",
            format!(
                "预审{}，支部大会{}，超过{}个月",
                day(pre_review),
                day(assembly),
                practice.assembly_months
            ),
        )
    })
}

/// The day a 公示 begun on `start` has lasted the practice's working days
/// (`start` counts when it is a working day).
pub fn notice_ends(start: NaiveDate, practice: &Practice) -> NaiveDate {
    let mut left = practice.notice_workdays;
    let mut on = start;
    loop {
        if workdays::is_workday(on) {
            left = left.saturating_sub(1);
            if left == 0 {
                return on;
            }
        }
        match on.checked_add_days(Days::new(1)) {
            Some(next) => on = next,
            None => return on,
        }
    }
}

/// The 公示 after the 支委会审查 lasted its working days before the 预审
/// (本地做法).
pub fn notice_before_pre_review(
    committee: NaiveDate,
    pre_review: NaiveDate,
    practice: &Practice,
) -> Option<Breach> {
    let ends = notice_ends(committee, practice);
    (pre_review <= ends).then(|| {
        breach(
            Severity::Warning,
            LOCAL,
            "发展对象应经公示，公示期满无异议后报上级党委预审",
            format!(
                "支委会审查{}，公示{}个工作日至{}，预审在{}",
                day(committee),
                practice.notice_workdays,
                day(ends),
                day(pre_review)
            ),
        )
    })
}
