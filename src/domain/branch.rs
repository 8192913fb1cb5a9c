//! The branch profile: its name, its 党小组 and the rules it follows locally.

use serde::{Deserialize, Serialize};

use super::assessment::AssessmentSettings;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Branch {
    /// For example "某某公司第一党支部".
    pub name: String,
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
    /// The day of the month the branch fixes for its 主题党日, if it fixes one.
    #[serde(default)]
    pub theme_day_of_month: Option<u8>,
    /// Days after which the app reminds the member to export a backup.
    #[serde(default = "default_backup_reminder_days")]
    pub backup_reminder_days: u16,
}

fn default_true() -> bool {
    true
}

fn default_backup_reminder_days() -> u16 {
    30
}

impl Default for LocalRules {
    fn default() -> Self {
        LocalRules {
            party_lecture_quarterly: true,
            theme_day_of_month: None,
            backup_reminder_days: default_backup_reminder_days(),
        }
    }
}

impl Branch {
    pub fn group_name(&self, id: &str) -> Option<&str> {
        self.groups
            .iter()
            .find(|g| g.id == id)
            .map(|g| g.name.as_str())
    }
}
