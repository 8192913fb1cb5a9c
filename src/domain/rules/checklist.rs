//! Checklists for each meeting type, grouped 会前 / 会中 / 会后. The defaults
//! follow the 条例 and common branch practice; a branch may replace any of
//! them with its own (`Document::templates`).

use crate::domain::meeting::{ChecklistItem, ChecklistTemplate, MeetingKind, Phase, TemplateItem};

impl Phase {
    pub const ALL: [Phase; 3] = [Phase::Before, Phase::During, Phase::After];

    pub fn label(self) -> &'static str {
        match self {
            Phase::Before => "会前",
            Phase::During => "会中",
            Phase::After => "会后",
        }
    }
}

/// The branch's own template for `kind` when it has one, else the default.
/// A study form matches by its name, so each form keeps its own list.
pub fn template_for(templates: &[ChecklistTemplate], kind: &MeetingKind) -> Vec<TemplateItem> {
    templates
        .iter()
        .find(|t| &t.kind == kind)
        .map(|t| t.items.clone())
        .unwrap_or_else(|| default_template(kind))
}

/// Saves the branch's own template for `kind`, replacing an earlier one.
pub fn set_template(
    templates: &mut Vec<ChecklistTemplate>,
    kind: &MeetingKind,
    items: Vec<TemplateItem>,
) {
    match templates.iter_mut().find(|t| &t.kind == kind) {
        Some(t) => t.items = items,
        None => templates.push(ChecklistTemplate {
            kind: kind.clone(),
            items,
        }),
    }
}

/// Goes back to the default template for `kind`.
pub fn reset_template(templates: &mut Vec<ChecklistTemplate>, kind: &MeetingKind) {
    templates.retain(|t| &t.kind != kind);
}

/// Whether the branch has its own template for `kind`.
pub fn is_customised(templates: &[ChecklistTemplate], kind: &MeetingKind) -> bool {
    templates.iter().any(|t| &t.kind == kind)
}

/// Checklist items for a new meeting, with ids `<base_id>-1`, `<base_id>-2`…
/// so the same template and base always give the same items.
pub fn checklist_from(template: &[TemplateItem], base_id: &str) -> Vec<ChecklistItem> {
    template
        .iter()
        .enumerate()
        .map(|(i, item)| ChecklistItem {
            id: format!("{base_id}-{}", i + 1),
            phase: item.phase,
            text: item.text.clone(),
            done: false,
        })
        .collect()
}

/// The items of one phase, in their stored order, for the 会前/会中/会后 tabs.
pub fn items_in(items: &[ChecklistItem], phase: Phase) -> Vec<&ChecklistItem> {
    items.iter().filter(|i| i.phase == phase).collect()
}

/// (done, total) for a progress line such as "会前 3/4".
pub fn progress(items: &[ChecklistItem], phase: Phase) -> (usize, usize) {
    let in_phase = items_in(items, phase);
    (in_phase.iter().filter(|i| i.done).count(), in_phase.len())
}

/// The default checklist of a meeting type.
pub fn default_template(kind: &MeetingKind) -> Vec<TemplateItem> {
    let (before, during, after) = default_texts(kind);
    let phased = |phase: Phase, texts: &[&str]| -> Vec<TemplateItem> {
        texts
            .iter()
            .map(|t| TemplateItem {
                phase,
                text: (*t).to_string(),
            })
            .collect()
    };
    let mut items = phased(Phase::Before, before);
    items.extend(phased(Phase::During, during));
    items.extend(phased(Phase::After, after));
    items
}

type Texts = (
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
);

fn default_texts(kind: &MeetingKind) -> Texts {
    match kind {
        MeetingKind::BranchAssembly => BRANCH_ASSEMBLY,
        MeetingKind::CommitteeMeeting => COMMITTEE_MEETING,
        MeetingKind::GroupMeeting => GROUP_MEETING,
        MeetingKind::PartyLecture => PARTY_LECTURE,
        MeetingKind::ThemeDay => THEME_DAY,
        MeetingKind::OrganizationalLife => ORGANIZATIONAL_LIFE,
        MeetingKind::DemocraticReview => DEMOCRATIC_REVIEW,
        MeetingKind::Study { .. } => STUDY,
    }
}

const BRANCH_ASSEMBLY: Texts = (
    &[
        "支委会研究确定会议主题和议题",
        "重要事项会前报上级党组织同意",
        "提前发出会议通知（时间、地点、议题）",
        "准备学习材料和签到表",
        "需表决的事项准备好表决方式或表决票",
    ],
    &[
        "主持人报告应到、实到、缺席人数及缺席原因",
        "宣布会议是否有效（有表决权的党员到会超过半数）",
        "学习原文",
        "围绕议题讨论，党员充分发表意见",
        "对需决定的事项进行表决，当场宣布结果",
        "记录人如实记录讨论和表决情况",
    ],
    &[
        "整理会议记录，主持人、记录人签字后归档",
        "落实决议事项，明确责任人和完成时限",
        "需报批的事项及时报上级党组织",
        "安排缺席人员补学",
    ],
);

const COMMITTEE_MEETING: Texts = (
    &[
        "书记确定议题，会前征求支委意见",
        "发出会议通知",
        "准备议题材料",
    ],
    &[
        "报告应到、实到支委人数，确认超过半数",
        "学习上级有关文件和会议精神",
        "逐项讨论议题，支委充分发表意见",
        "按少数服从多数作出决定",
        "研究部署下阶段党建和业务工作",
    ],
    &[
        "整理会议记录并归档",
        "分工落实决定事项，明确责任人和时限",
        "需提交党员大会的事项做好准备",
    ],
);

const GROUP_MEETING: Texts = (
    &[
        "党小组长确定学习内容和议题",
        "通知小组党员",
        "准备学习材料和签到表",
    ],
    &[
        "通报到会情况",
        "集中学习",
        "交流讨论，开展批评和自我批评",
        "回顾本月重点业务任务，找差距、定措施",
    ],
    &[
        "整理会议记录",
        "向支委会报告小组情况和党员意见",
        "安排缺席人员补学",
    ],
);

const PARTY_LECTURE: Texts = (
    &[
        "确定党课主题和讲课人",
        "讲课人备课，形成讲稿或课件",
        "发出通知，准备签到表",
    ],
    &["清点到会人数", "讲课人讲授党课", "互动交流"],
    &["讲稿和记录整理归档", "收集党员学习体会", "安排缺席人员补学"],
);

const THEME_DAY: Texts = (
    &[
        "确定活动时间、层级和主题",
        "制定活动方案",
        "发出通知，准备材料和场地",
    ],
    &[
        "清点到会人数",
        "集中学习",
        "过组织生活（重温入党誓词等）",
        "进行民主议事（需决定的事项提交党员大会或支委会）",
        "开展志愿服务等主题活动",
        "交纳党费",
    ],
    &[
        "整理活动记录和照片",
        "跟踪落实活动中商定的事项",
        "安排缺席人员补学",
    ],
);

const ORGANIZATIONAL_LIFE: Texts = (
    &[
        "制定会议方案，报上级党组织",
        "邀请上级党组织派人指导或列席",
        "开展会前学习研讨",
        "开展谈心谈话",
        "广泛征求党员群众意见",
        "撰写对照检查材料（发言提纲）",
        "发出会议通知",
    ],
    &[
        "报告应到、实到人数及缺席原因",
        "通报上次整改落实情况",
        "支部委员会对照检查",
        "党员对照入党誓词进行党性分析，逐一查摆问题",
        "开展批评和自我批评",
        "明确整改方向",
    ],
    &[
        "形成会议情况报告，报上级党组织",
        "制定整改清单（问题、措施、责任人、时限）",
        "逐一整改落实，逐项销号",
        "整理会议记录归档",
    ],
);

const DEMOCRATIC_REVIEW: Texts = (
    &[
        "制定评议方案，发出通知",
        "组织学习评议标准（四个合格）",
        "党员撰写个人自评材料",
    ],
    &["个人自评", "党员互评", "民主测评（填写测评表）"],
    &[
        "支委会提出评议意见",
        "党员大会或支委会评定等次（预备党员参加评议，不评定等次）",
        "向党员本人反馈评议结果",
        "评议结果报上级党组织",
    ],
);

const STUDY: Texts = (
    &[
        "确定学习内容（篇目和原文）",
        "发出学习通知",
        "准备学习材料和签到表",
    ],
    &["清点到会人数", "学习原文", "交流学习体会"],
    &["整理学习记录", "安排缺席人员补学"],
);

#[cfg(test)]
mod tests {
    use super::*;

    fn all_kinds() -> Vec<MeetingKind> {
        let mut kinds = MeetingKind::NATIONAL.to_vec();
        kinds.push(MeetingKind::Study {
            name: "党员每月一讲".into(),
        });
        kinds
    }

    #[test]
    fn phase_labels() {
        let labels: Vec<_> = Phase::ALL.iter().map(|p| p.label()).collect();
        assert_eq!(labels, ["会前", "会中", "会后"]);
    }

    #[test]
    fn every_kind_has_items_in_every_phase_in_phase_order() {
        for kind in all_kinds() {
            let items = default_template(&kind);
            for phase in Phase::ALL {
                assert!(items.iter().any(|i| i.phase == phase), "{kind:?} {phase:?}");
            }
            let phases: Vec<_> = items.iter().map(|i| i.phase).collect();
            let mut sorted = phases.clone();
            sorted.sort();
            assert_eq!(phases, sorted, "{kind:?}");
            assert!(items.iter().all(|i| !i.text.trim().is_empty()));
        }
    }

    #[test]
    fn branch_assembly_default_follows_the_rules() {
        let items = default_template(&MeetingKind::BranchAssembly);
        let texts: Vec<_> = items.iter().map(|i| i.text.as_str()).collect();
        assert!(texts.contains(&"重要事项会前报上级党组织同意"));
        assert!(texts.contains(&"主持人报告应到、实到、缺席人数及缺席原因"));
        assert!(texts.contains(&"安排缺席人员补学"));
    }

    #[test]
    fn branch_template_replaces_the_default() {
        let own = vec![TemplateItem {
            phase: Phase::Before,
            text: "报送党委办公室".into(),
        }];
        let templates = vec![ChecklistTemplate {
            kind: MeetingKind::ThemeDay,
            items: own.clone(),
        }];
        assert_eq!(template_for(&templates, &MeetingKind::ThemeDay), own);
        assert_eq!(
            template_for(&templates, &MeetingKind::PartyLecture),
            default_template(&MeetingKind::PartyLecture)
        );
    }

    #[test]
    fn study_templates_match_by_name() {
        let own = vec![TemplateItem {
            phase: Phase::During,
            text: "一人讲一课".into(),
        }];
        let templates = vec![ChecklistTemplate {
            kind: MeetingKind::Study {
                name: "党员每月一讲".into(),
            },
            items: own.clone(),
        }];
        let monthly = MeetingKind::Study {
            name: "党员每月一讲".into(),
        };
        let opl = MeetingKind::Study {
            name: "OPL 一点课".into(),
        };
        assert_eq!(template_for(&templates, &monthly), own);
        assert_eq!(template_for(&templates, &opl), default_template(&opl));
    }

    #[test]
    fn checklist_ids_are_deterministic_and_unique() {
        let template = default_template(&MeetingKind::BranchAssembly);
        let a = checklist_from(&template, "m1-c");
        let b = checklist_from(&template, "m1-c");
        assert_eq!(a, b);
        assert_eq!(a[0].id, "m1-c-1");
        let ids: std::collections::HashSet<_> = a.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids.len(), template.len());
        assert!(a.iter().all(|i| !i.done));
        assert_eq!(a[0].text, template[0].text);
    }

    #[test]
    fn items_and_progress_per_phase() {
        let template = default_template(&MeetingKind::Study {
            name: "集中学习".into(),
        });
        let mut items = checklist_from(&template, "h");
        items[0].done = true;
        let before = items_in(&items, Phase::Before);
        assert_eq!(before.len(), 3);
        assert_eq!(progress(&items, Phase::Before), (1, 3));
        assert_eq!(progress(&items, Phase::After), (0, 2));
    }

    #[test]
    fn a_theme_day_lists_what_the_regulations_name() {
        let texts: Vec<String> = default_template(&MeetingKind::ThemeDay)
            .into_iter()
            .map(|i| i.text)
            .collect();
        for wanted in ["集中学习", "过组织生活", "民主议事", "志愿服务"] {
            assert!(texts.iter().any(|t| t.contains(wanted)), "{wanted}");
        }
    }

    #[test]
    fn empty_template_gives_empty_checklist() {
        assert!(checklist_from(&[], "x").is_empty());
        assert_eq!(progress(&[], Phase::During), (0, 0));
    }

    #[test]
    fn an_edited_template_replaces_the_default_until_reset() {
        let kind = MeetingKind::ThemeDay;
        let mut templates = Vec::new();
        let own = vec![TemplateItem {
            phase: Phase::Before,
            text: "确定主题".into(),
        }];
        set_template(&mut templates, &kind, own.clone());
        set_template(&mut templates, &kind, own.clone());
        assert_eq!(templates.len(), 1);
        assert_eq!(template_for(&templates, &kind), own);
        assert!(is_customised(&templates, &kind));
        reset_template(&mut templates, &kind);
        assert_eq!(template_for(&templates, &kind), default_template(&kind));
    }
}
