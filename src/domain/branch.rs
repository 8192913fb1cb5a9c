//! The branch profile: its name, its 党小组 and the rules it follows locally.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::assessment::AssessmentSettings;
use super::fusion::StudyForm;
use super::kind::{Kind, Packing};
use super::limits;
use super::meeting::MeetingKind;
use super::name_order::NameOrder;
use super::validate::{Checker, Checks, Known};
use super::{Member, Standing};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Branch {
    /// For example "某某公司第一党支部".
    pub name: String,
    /// What the 党委 knows the branch by across renames (`identity`):
    /// empty until the branch is first renamed, then the identity its
    /// earlier name gave it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// The unit the branch belongs to, printed on records; may be empty.
    #[serde(default)]
    pub parent_org: String,
    #[serde(default)]
    pub groups: Vec<PartyGroup>,
    #[serde(default)]
    pub rules: LocalRules,
    /// The branch's own study forms (党员每月一讲, OPL 一点课…), offered
    /// beside 集中学习 when a meeting is planned.
    #[serde(default)]
    pub study_kinds: Vec<String>,
    /// The rating scale and 反向情形 list of the yearly self-assessment.
    #[serde(default)]
    pub assessment: AssessmentSettings,
    /// The day the 支部党员大会 elected the committee in office, as the
    /// branch entered it; a 换届 recorded in the app since is later.
    #[serde(default)]
    pub committee_elected_on: Option<NaiveDate>,
    /// The order names are listed in everywhere (`roster::display_order`).
    #[serde(default)]
    pub name_order: NameOrder,
    /// The secretary's own order (自定义顺序), as member ids: kept in the
    /// branch, not as the roster's order, so that moving a name is one
    /// field another phone's merge takes whole. Members it does not name
    /// follow, in the roster's order (as pasted at setup, new ones last).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub own_order: Vec<String>,
}

impl Kind for Branch {
    fn title(&self, _doc: &crate::domain::Document) -> String {
        "支部信息".to_string()
    }

    fn filed_year(&self) -> Option<i32> {
        None
    }

    const NOUN: &'static str = "支部信息";
    const COUNTER: &'static str = "";
    const SKIPPABLE: bool = false;

    fn check(list: &[Self], _: &Known, checks: &mut Checks) {
        for (i, branch) in list.iter().enumerate() {
            branch.check_into(&mut checks.item(i));
        }
    }

    /// Every package names its branch: a member's phone takes it, and the
    /// secretary's tells whose return it is.
    fn pack(&self, _: &Packing, _: bool) -> Option<Self> {
        Some(self.clone())
    }

    /// The branch is never deleted.
    fn pack_deletion(_: &Packing, _: bool) -> bool {
        false
    }

    fn mentions(&self, _: &str) -> bool {
        false
    }
}

impl Branch {
    /// What a 报上级 package names the branch by, so the 党委 keeps one
    /// branch across renames: the kept id, or one derived from the name
    /// (spaces and full-width letters aside), so every phone of a branch
    /// that was never renamed gives the same one.
    pub fn identity(&self) -> String {
        if self.id.is_empty() {
            identity_of_name(&self.name)
        } else {
            self.id.clone()
        }
    }

    /// Renames the branch, keeping the identity its name gave it so far.
    pub fn rename(&mut self, name: String) {
        if self.id.is_empty() && !self.name.trim().is_empty() && name != self.name {
            self.id = identity_of_name(&self.name);
        }
        self.name = name;
    }

    fn check_into(&self, c: &mut Checker) {
        c.length("name", &self.name, limits::SHORT);
        let mut seen = std::collections::HashSet::new();
        for (i, g) in self.groups.iter().enumerate() {
            let mut g_c = c.below(&format!("groups[{i}]."));
            if !seen.insert(g.id.as_str()) {
                g_c.problem("id", format!("党小组编号“{}”重复", g.id));
            }
            g_c.length("name", &g.name, limits::SHORT);
        }
        match self.rules.theme_day {
            Some(ThemeDay::DayOfMonth { day }) if !(1..=31).contains(&day) => {
                c.problem("rules.theme_day", "主题党日的日期应在 1 到 31 之间");
            }
            Some(ThemeDay::Weekday { nth, weekday })
                if !(1..=5).contains(&nth) || !(1..=7).contains(&weekday) =>
            {
                c.problem("rules.theme_day", "主题党日的星期无法识别");
            }
            _ => {}
        }
        let settings = &self.assessment;
        let mut a = c.below("assessment.");
        a.count(
            "rating_scale",
            settings.rating_scale.len(),
            limits::SCALE,
            "评价档次",
        );
        for (i, r) in settings.rating_scale.iter().enumerate() {
            a.length(&format!("rating_scale[{i}]"), r, limits::RATING);
        }
        a.count(
            "negative_situations",
            settings.negative_situations.len(),
            limits::NEGATIVES,
            "反向情形",
        );
        for (i, n) in settings.negative_situations.iter().enumerate() {
            a.length(&format!("negative_situations[{i}]"), n, limits::SHORT);
        }
    }
}

/// Names written differently by hand (spaces, full-width letters and
/// digits, case) that name one branch.
pub fn same_name(a: &str, b: &str) -> bool {
    identity_of_name(a) == identity_of_name(b)
}

/// What `same_name` compares: two names are the same when their keys are
/// equal, so many names can be matched through a set.
pub fn name_key(name: &str) -> String {
    identity_of_name(name)
}

/// "zb-" and a hash of the name as `package::same_branch` compares names.
fn identity_of_name(name: &str) -> String {
    let normalised: String = name
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    // FNV-1a, 64 bits: stable across builds and platforms.
    let hash = normalised.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("zb-{hash:016x}")
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyGroup {
    pub id: String,
    pub name: String,
}

/// Rules that differ between units. The 条例 sets the national minimum; these
/// are what a branch adds or fixes for itself, so they are settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalRules {
    /// "党课每季度 1 次" is a common local rule, not a national one.
    #[serde(default = "default_true")]
    pub party_lecture_quarterly: bool,
    /// "支部书记每年至少讲 1 次党课", another common one.
    #[serde(default)]
    pub secretary_lecture_yearly: bool,
    /// Whether the branch has a 支部委员会 (and owes a monthly 支委会).
    #[serde(default)]
    pub committee: CommitteeRule,
    /// The day the branch fixes for its 主题党日, if it fixes one.
    #[serde(default)]
    pub theme_day: Option<ThemeDay>,
    /// Days after which the app reminds the member to export a backup.
    #[serde(default = "default_backup_reminder_days")]
    pub backup_reminder_days: u16,
    /// 学时 a member studies a year: 《党员教育管理工作条例》§20 says
    /// "党员每年集中学习培训时间一般不少于32学时"; a unit may set more.
    #[serde(default = "default_study_hours")]
    pub study_hours_yearly: u16,
    /// 支部委员会每届任期: 5 years for 村、社区, "一般" 3 for other units
    /// (《支部工作条例（试行）》§21).
    #[serde(default = "default_term_years")]
    pub committee_term_years: u8,
    /// 学时 a year for the 书记 and 委员: the 2019–2023 全国党员教育培训
    /// 工作规划 asked 基层党组织书记和班子成员 for at least 56.
    #[serde(default = "default_leaders_study_hours")]
    pub leaders_study_hours_yearly: u16,
    /// Minutes in one 学时. Units define it differently (60 and 45 are both
    /// common), so it stays unset until the branch says: the 学时 page asks.
    #[serde(default)]
    pub minutes_per_study_hour: Option<u16>,
    /// 党小组每月重点工作 (each 党小组 sets the month's key work and reviews
    /// it at a 党小组会): a local practice, off unless the branch keeps it.
    #[serde(default)]
    pub group_monthly_work: bool,
    /// 发展党员: what the branch's 党委 adds to the 细则 (思想汇报, 政审,
    /// 公示, 预审 → 支部大会), each labelled 本地做法.
    #[serde(default)]
    pub development: crate::domain::development::Practice,
}

/// 正式党员 7 人以上的党支部设支部委员会 (《支部工作条例》, 《机关基层组织
/// 工作条例》§7); a smaller one has a 书记 and owes no 支委会.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitteeRule {
    /// By the roster: 7 or more 正式党员.
    #[default]
    ByRoster,
    Yes,
    No,
}

/// 主题党日 "每月相对固定 1 天": a day of the month, or a weekday of a week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type", deny_unknown_fields)]
pub enum ThemeDay {
    /// 每月 N 日.
    DayOfMonth { day: u8 },
    /// 每月第 N 个星期 X; `nth` 5 is the last one.
    Weekday { nth: u8, weekday: u8 },
}

fn default_true() -> bool {
    true
}

fn default_backup_reminder_days() -> u16 {
    30
}

fn default_study_hours() -> u16 {
    32
}

fn default_leaders_study_hours() -> u16 {
    56
}

fn default_term_years() -> u8 {
    3
}

impl Default for LocalRules {
    fn default() -> Self {
        LocalRules {
            party_lecture_quarterly: true,
            secretary_lecture_yearly: false,
            committee: CommitteeRule::default(),
            theme_day: None,
            backup_reminder_days: default_backup_reminder_days(),
            study_hours_yearly: default_study_hours(),
            committee_term_years: default_term_years(),
            leaders_study_hours_yearly: default_leaders_study_hours(),
            minutes_per_study_hour: None,
            group_monthly_work: false,
            development: crate::domain::development::Practice::default(),
        }
    }
}

/// Minutes per 学时 units commonly use, offered when the branch is asked.
pub const MINUTES_PER_STUDY_HOUR_CHOICES: [u16; 3] = [60, 50, 45];

impl LocalRules {
    /// 学时 a year asked of `member`: the leaders' figure for the 书记 and
    /// 委员 (基层党组织班子成员), the members' for everyone else.
    pub fn study_hours_owed(&self, member: &Member) -> u16 {
        if member.is_committee() {
            self.leaders_study_hours_yearly
        } else {
            self.study_hours_yearly
        }
    }
}

const WEEKDAYS: [&str; 7] = ["一", "二", "三", "四", "五", "六", "日"];

impl ThemeDay {
    /// "每月 15 日", "每月第一个星期五", "每月最后一个星期五".
    pub fn label(self) -> String {
        match self {
            ThemeDay::DayOfMonth { day } => format!("每月 {day} 日"),
            ThemeDay::Weekday { nth, weekday } => {
                let nth = match nth {
                    1 => "第一个",
                    2 => "第二个",
                    3 => "第三个",
                    4 => "第四个",
                    _ => "最后一个",
                };
                let name = WEEKDAYS
                    .get(usize::from(weekday.clamp(1, 7)) - 1)
                    .copied()
                    .unwrap_or("一");
                format!("每月{nth}星期{name}")
            }
        }
    }

    /// The day it falls on in the month of `date` (the last day of a short
    /// month for day 31).
    pub fn in_month_of(self, date: NaiveDate) -> Option<NaiveDate> {
        let first = date.with_day(1)?;
        let last = first
            .checked_add_months(Months::new(1))
            .and_then(|d| d.pred_opt())?;
        match self {
            ThemeDay::DayOfMonth { day } => first.with_day(u32::from(day).clamp(1, last.day())),
            ThemeDay::Weekday { nth, weekday } => {
                let want = u32::from(weekday.clamp(1, 7)) - 1;
                let days: Vec<NaiveDate> = first
                    .iter_days()
                    .take_while(|d| *d <= last)
                    .filter(|d| d.weekday().num_days_from_monday() == want)
                    .collect();
                match nth {
                    1..=4 => days.get(usize::from(nth) - 1).copied(),
                    _ => days.last().copied(),
                }
            }
        }
    }

    /// The next 主题党日 on or after `today`.
    pub fn next_from(self, today: NaiveDate) -> Option<NaiveDate> {
        let this = self.in_month_of(today)?;
        if this >= today {
            return Some(this);
        }
        self.in_month_of(today.checked_add_months(Months::new(1))?)
    }
}

impl Branch {
    /// Whether the branch has a 支部委员会 by its rules and roster.
    pub fn has_committee(&self, members: &[Member]) -> bool {
        match self.rules.committee {
            CommitteeRule::Yes => true,
            CommitteeRule::No => false,
            CommitteeRule::ByRoster => {
                members
                    .iter()
                    .filter(|m| m.is_active() && m.standing == Standing::Full)
                    .count()
                    >= 7
            }
        }
    }

    /// The types a meeting can be planned as: the national ones, 集中学习
    /// and the branch's own study types, except a type that names a study
    /// form (党员每月一讲, OPL 一点课, 五分钟晨学): those are entered as study
    /// records, one way only, so no lesson is counted twice.
    pub fn meeting_kinds(&self) -> Vec<MeetingKind> {
        let mut all: Vec<MeetingKind> = MeetingKind::NATIONAL.to_vec();
        all.push(MeetingKind::Study {
            name: "集中学习".into(),
        });
        all.extend(
            self.study_kinds
                .iter()
                .filter(|name| StudyForm::named(name).is_none())
                .map(|name| MeetingKind::Study { name: name.clone() }),
        );
        all
    }

    pub fn group_name(&self, id: &str) -> Option<&str> {
        self.groups
            .iter()
            .find(|g| g.id == id)
            .map(|g| g.name.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules::fixtures::{day, full_members};

    #[test]
    fn a_branch_of_fewer_than_seven_full_members_has_no_committee_unless_set() {
        let mut branch = Branch::default();
        assert!(!branch.has_committee(&full_members("p", 6)));
        assert!(branch.has_committee(&full_members("p", 7)));
        branch.rules.committee = CommitteeRule::Yes;
        assert!(branch.has_committee(&full_members("p", 3)));
        branch.rules.committee = CommitteeRule::No;
        assert!(!branch.has_committee(&full_members("p", 9)));
    }

    #[test]
    fn the_theme_day_falls_on_its_weekday_or_day_of_the_month() {
        let friday = ThemeDay::Weekday { nth: 1, weekday: 5 };
        assert_eq!(friday.label(), "每月第一个星期五");
        assert_eq!(
            friday.in_month_of(day(2026, 12, 20)),
            Some(day(2026, 12, 4))
        );
        assert_eq!(friday.next_from(day(2026, 12, 5)), Some(day(2027, 1, 1)));
        let last = ThemeDay::Weekday { nth: 5, weekday: 5 };
        assert_eq!(last.in_month_of(day(2026, 12, 1)), Some(day(2026, 12, 25)));
        let day31 = ThemeDay::DayOfMonth { day: 31 };
        assert_eq!(day31.in_month_of(day(2026, 2, 3)), Some(day(2026, 2, 28)));
        assert_eq!(ThemeDay::DayOfMonth { day: 15 }.label(), "每月 15 日");
    }

    #[test]
    fn a_study_type_named_after_a_study_form_is_not_offered_for_meetings() {
        let branch = Branch {
            study_kinds: vec!["OPL 一点课".into(), "读书班".into(), "五分钟晨学".into()],
            ..Branch::default()
        };
        let studies: Vec<String> = branch
            .meeting_kinds()
            .into_iter()
            .filter_map(|k| match k {
                MeetingKind::Study { name } => Some(name),
                _ => None,
            })
            .collect();
        assert_eq!(studies, ["集中学习", "读书班"]);
    }

    #[test]
    fn the_secretary_and_committee_owe_the_leaders_study_hours() {
        use crate::domain::rules::fixtures::{committee, full};
        use crate::domain::Role;
        let rules = LocalRules::default();
        assert_eq!(rules.study_hours_owed(&full("a")), 32);
        assert_eq!(rules.study_hours_owed(&committee("b")), 56);
        let mut secretary = full("s");
        secretary.roles = vec![Role::Secretary];
        assert_eq!(rules.study_hours_owed(&secretary), 56);
        let mut leader = full("l");
        leader.roles = vec![Role::GroupLeader];
        assert_eq!(
            rules.study_hours_owed(&leader),
            32,
            "a 党小组长 is not on the committee"
        );
    }
}
