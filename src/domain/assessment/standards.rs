//! The standards a yearly self-assessment is written against: 四个合格 for
//! every member, 五个过硬 for the secretary and other cadres, and the
//! optional rated dimensions of the 民主测评表. Fixed texts, not settings.

use serde::{Deserialize, Serialize};

use crate::domain::Member;

/// Which set of standards a form follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssessmentKind {
    /// 四个合格, every member.
    FourQualified,
    /// 五个过硬, the secretary and other cadres.
    FiveExcellent,
}

/// One standard of a form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Standard {
    /// Stable key stored in forms: texts may be reworded, keys never change.
    pub key: &'static str,
    pub title: &'static str,
    /// The matching 四讲四有 pair for 四个合格; a one-line gist for 五个过硬.
    pub wording: &'static str,
    /// What the standard covers, shown under the title.
    pub description: &'static str,
}

const FOUR_QUALIFIED: [Standard; 4] = [
    Standard {
        key: "political",
        title: "政治合格",
        wording: "讲政治、有信念",
        description: "理想信念坚定；增强“四个意识”、坚定“四个自信”、做到“两个维护”；政治立场坚定，在大是大非面前旗帜鲜明。",
    },
    Standard {
        key: "discipline",
        title: "执行纪律合格",
        wording: "讲规矩、有纪律",
        description: "遵守党章党规党纪；按时参加组织生活，按时足额交纳党费；廉洁自律，守住纪律“底线”。",
    },
    Standard {
        key: "character",
        title: "品德合格",
        wording: "讲道德、有品行",
        description: "恪守社会公德、职业道德、家庭美德、个人品德，向道德“高线”看齐。",
    },
    Standard {
        key: "contribution",
        title: "发挥作用合格",
        wording: "讲奉献、有作为",
        description: "立足岗位作贡献，业绩实在；发挥先锋模范作用，联系服务群众；推动党建与业务深度融合。",
    },
];

const FIVE_EXCELLENT: [Standard; 5] = [
    Standard {
        key: "conviction",
        title: "信念过硬",
        wording: "理想信念坚定",
        description: "坚定共产主义远大理想和中国特色社会主义共同理想，在任何时候、任何情况下都不动摇。",
    },
    Standard {
        key: "politics",
        title: "政治过硬",
        wording: "对党忠诚、政治坚定",
        description: "增强“四个意识”、坚定“四个自信”、做到“两个维护”；严守政治纪律和政治规矩，在政治立场、政治方向上与党中央保持高度一致。",
    },
    Standard {
        key: "responsibility",
        title: "责任过硬",
        wording: "敢于担当、履职尽责",
        description: "落实抓党建第一责任人职责，在其位谋其政，遇到困难和矛盾不回避、不推诿。",
    },
    Standard {
        key: "ability",
        title: "能力过硬",
        wording: "本领高强、善抓落实",
        description: "加强学习，提高政治领导、群众工作、改革创新、狠抓落实和驾驭风险等本领，把支部建设和业务工作带起来。",
    },
    Standard {
        key: "conduct",
        title: "作风过硬",
        wording: "作风务实、清正廉洁",
        description: "以上率下，落实中央八项规定精神，反对“四风”；密切联系群众，清正廉洁。",
    },
];

/// The optional rated dimensions seen in 民主测评表.
pub const DIMENSIONS: [&str; 6] = [
    "理想信念",
    "政治理论素质",
    "组织纪律",
    "廉洁自律",
    "联系服务群众",
    "发挥先锋模范作用",
];

const FOUR_QUALIFIED_HELP: &str = "“四个合格”是“两学一做”学习教育对每一名党员的基本要求：政治合格、执行纪律合格、品德合格、发挥作用合格，分别对应“四讲四有”——讲政治、有信念，讲规矩、有纪律，讲道德、有品行，讲奉献、有作为。民主评议党员时，对照这四条逐条写出自评情况（事实和例子）、存在问题和整改措施，并提出自评等次：优秀、合格、基本合格或不合格。预备党员参加评议，但不评定等次。";

const FIVE_EXCELLENT_HELP: &str = "“五个过硬”（信念过硬、政治过硬、责任过硬、能力过硬、作风过硬）是2018年1月5日习近平总书记在新进中央委员会的委员、候补委员和省部级主要领导干部学习贯彻党的十九大精神研讨班开班式上，对中央委员会成员和省部级主要领导干部提出的要求。许多单位把它用于各级干部和党支部书记的自我对照检查，这是本单位的做法，不是对党支部书记的全国统一考核标准；党支部书记的正式考核是每年的抓党建工作述职评议考核，等次为好、较好、一般、差。请勿与政法队伍的“五个过硬”（政治过硬、业务过硬、责任过硬、纪律过硬、作风过硬）混淆。";

/// The grades of the 述职评议考核 of a 党支部书记, used for the overall
/// self-rating of a 五个过硬 self-check.
pub const OVERALL_SCALE: [&str; 4] = ["好", "较好", "一般", "差"];

impl AssessmentKind {
    pub const ALL: [AssessmentKind; 2] =
        [AssessmentKind::FourQualified, AssessmentKind::FiveExcellent];

    pub fn label(self) -> &'static str {
        match self {
            AssessmentKind::FourQualified => "四个合格",
            AssessmentKind::FiveExcellent => "五个过硬",
        }
    }

    /// The title on screen and on paper alike.
    pub fn form_title(self, year: i32) -> String {
        match self {
            AssessmentKind::FourQualified => {
                format!("{year}年度民主评议党员个人自评表（对照“四个合格”）")
            }
            AssessmentKind::FiveExcellent => format!("{year}年度“五个过硬”对照检查表"),
        }
    }

    /// A 民主评议党员 form: with the 测评 dimensions, the 反向情形 and a
    /// 自评等次. The 五个过硬 self-check of a cadre has none of them.
    pub fn is_member_review(self) -> bool {
        self == AssessmentKind::FourQualified
    }

    /// Where the standard comes from and how it is applied, for the help text.
    pub fn help_text(self) -> &'static str {
        match self {
            AssessmentKind::FourQualified => FOUR_QUALIFIED_HELP,
            AssessmentKind::FiveExcellent => FIVE_EXCELLENT_HELP,
        }
    }
}

pub fn standards(kind: AssessmentKind) -> &'static [Standard] {
    match kind {
        AssessmentKind::FourQualified => &FOUR_QUALIFIED,
        AssessmentKind::FiveExcellent => &FIVE_EXCELLENT,
    }
}

pub fn standard(kind: AssessmentKind, key: &str) -> Option<&'static Standard> {
    standards(kind).iter().find(|s| s.key == key)
}

/// The forms a member is offered: 四个合格 always, 五个过硬 also for members
/// of the 支部委员会. Only an offer: a member who is a cadre in their unit
/// may fill in 五个过硬 too, so nothing refuses it.
pub fn kinds_for(member: &Member) -> Vec<AssessmentKind> {
    if member.is_committee() {
        AssessmentKind::ALL.to_vec()
    } else {
        vec![AssessmentKind::FourQualified]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules::fixtures::{committee, full};

    #[test]
    fn four_qualified_pairs_with_the_four_jiang_four_you() {
        let titles: Vec<_> = standards(AssessmentKind::FourQualified)
            .iter()
            .map(|s| (s.title, s.wording))
            .collect();
        assert_eq!(
            titles,
            [
                ("政治合格", "讲政治、有信念"),
                ("执行纪律合格", "讲规矩、有纪律"),
                ("品德合格", "讲道德、有品行"),
                ("发挥作用合格", "讲奉献、有作为"),
            ]
        );
    }

    #[test]
    fn five_excellent_are_the_2018_five_not_the_political_legal_ones() {
        let titles: Vec<_> = standards(AssessmentKind::FiveExcellent)
            .iter()
            .map(|s| s.title)
            .collect();
        assert_eq!(
            titles,
            ["信念过硬", "政治过硬", "责任过硬", "能力过硬", "作风过硬"]
        );
        let help = AssessmentKind::FiveExcellent.help_text();
        assert!(help.contains("2018年1月5日"));
        assert!(help.contains("中央委员会成员和省部级主要领导干部"));
        assert!(help.contains("本单位的做法"));
        assert!(help.contains("政法队伍"));
    }

    #[test]
    fn keys_are_unique_within_a_kind() {
        for kind in AssessmentKind::ALL {
            let list = standards(kind);
            for (i, s) in list.iter().enumerate() {
                assert!(list[..i].iter().all(|t| t.key != s.key));
                assert_eq!(standard(kind, s.key), Some(s));
            }
        }
    }

    #[test]
    fn committee_members_are_offered_five_excellent() {
        assert_eq!(kinds_for(&full("a")), [AssessmentKind::FourQualified]);
        assert_eq!(kinds_for(&committee("c")), AssessmentKind::ALL);
    }
}
