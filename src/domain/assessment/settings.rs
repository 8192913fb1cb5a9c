//! What a branch sets for itself: the rating scale and the list of negative
//! situations (反向情形). Both differ between units, so both are editable.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssessmentSettings {
    /// Best first: the first rating scores highest.
    #[serde(default = "default_rating_scale")]
    pub rating_scale: Vec<String>,
    #[serde(default = "default_negative_situations")]
    pub negative_situations: Vec<String>,
}

impl Default for AssessmentSettings {
    fn default() -> Self {
        AssessmentSettings {
            rating_scale: default_rating_scale(),
            negative_situations: default_negative_situations(),
        }
    }
}

impl AssessmentSettings {
    /// The scale in use: a scale emptied by mistake falls back to the
    /// default rather than leaving forms with nothing to choose.
    pub fn scale(&self) -> Vec<&str> {
        let own: Vec<&str> = self
            .rating_scale
            .iter()
            .map(|r| r.trim())
            .filter(|r| !r.is_empty())
            .collect();
        if own.is_empty() {
            DEFAULT_RATING_SCALE.to_vec()
        } else {
            own
        }
    }
}

pub const DEFAULT_RATING_SCALE: [&str; 4] = ["好", "较好", "一般", "差"];

/// A typical local list; units word theirs differently, so it is a default.
pub const DEFAULT_NEGATIVE_SITUATIONS: [&str; 10] = [
    "理想信念动摇，对党的理论和路线方针政策有抵触情绪",
    "在网上网下发表或传播违背党的理论和路线方针政策的言论、政治谣言",
    "无正当理由不参加党的组织生活，或不按规定交纳党费",
    "不执行党组织的决定，不完成党组织分配的任务",
    "不如实向党组织说明问题、报告个人有关事项，对党不忠诚老实",
    "违反中央八项规定精神，存在“四风”问题",
    "工作消极懈怠，不作为、慢作为，不能完成本职工作",
    "宗旨意识淡薄，对群众冷漠，损害群众利益",
    "违背社会公德、职业道德、家庭美德，造成不良影响",
    "信仰宗教、参加封建迷信活动，或参与赌博等违法违纪活动",
];

pub fn default_rating_scale() -> Vec<String> {
    DEFAULT_RATING_SCALE.iter().map(|s| s.to_string()).collect()
}

pub fn default_negative_situations() -> Vec<String> {
    DEFAULT_NEGATIVE_SITUATIONS
        .iter()
        .map(|s| s.to_string())
        .collect()
}

/// Score of a rating on a scale: the best scores the scale's length, the
/// worst 1; a rating no longer on the scale scores nothing.
pub fn rating_score(scale: &[&str], rating: &str) -> Option<u8> {
    let i = scale.iter().position(|r| *r == rating.trim())?;
    u8::try_from(scale.len() - i).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_load_from_an_empty_object() {
        let s: AssessmentSettings = serde_json::from_str("{}").unwrap();
        assert_eq!(s, AssessmentSettings::default());
        assert_eq!(s.negative_situations.len(), 10);
        assert_eq!(s.scale(), ["好", "较好", "一般", "差"]);
    }

    #[test]
    fn an_emptied_scale_falls_back_to_the_default() {
        let s = AssessmentSettings {
            rating_scale: vec![" ".into()],
            ..AssessmentSettings::default()
        };
        assert_eq!(s.scale(), DEFAULT_RATING_SCALE);
    }

    #[test]
    fn best_rating_scores_highest() {
        let scale = DEFAULT_RATING_SCALE;
        assert_eq!(rating_score(&scale, "好"), Some(4));
        assert_eq!(rating_score(&scale, "差"), Some(1));
        assert_eq!(rating_score(&scale, "优"), None);
        assert_eq!(rating_score(&["优秀", "称职"], "称职"), Some(1));
    }
}
