//! Where a problem is, in words a member reads: `members[3].standing`
//! becomes "第 4 名党员 · 党员类别". Paths stay in the code and the tests;
//! screens show places.

use crate::domain::document::noun_of_field;

/// What each field of the document is called.
/// What each field inside a record is called (the document's own lists
/// are named by their kinds: `document::noun_of_field`).
const NAMES: &[(&str, &str, &str)] = &[
    // (field, name, counter for an item of a list)
    ("groups", "党小组", "个"),
    ("attendance", "出席登记", "条"),
    ("roll", "应到名单", "条"),
    ("votes", "表决事项", "项"),
    ("follow_ups", "落实事项", "项"),
    ("checklist", "清单", "项"),
    ("speeches", "发言", "条"),
    ("materials", "学习篇目", "篇"),
    ("agenda", "议题", "项"),
    ("entries", "条目", "条"),
    ("excluded", "不计入应到人数的党员", "名"),
    ("candidates", "候选人", "名"),
    ("items", "清单项", "项"),
    ("progress", "进展", "条"),
    ("milestones", "时序节点", "个"),
    ("attendees", "参加人员", "名"),
    ("speaker", "主讲人", ""),
    ("owner", "责任主体", ""),
    ("deployed_in", "部署会议", ""),
    ("month", "月份", ""),
    ("title", "题目", ""),
    ("measures", "具体举措", ""),
    ("evidence", "佐证材料", ""),
    ("review", "回顾", ""),
    ("points", "要点", ""),
    ("name", "名称", ""),
    ("id", "编号", ""),
    ("member_id", "所指党员", ""),
    ("group_id", "所属党小组", ""),
    ("standing", "党员类别", ""),
    ("status", "状态", ""),
    ("date", "日期", ""),
    ("planned_date", "计划日期", ""),
    ("theme", "主题", ""),
    ("minutes", "主要内容", ""),
    ("place", "地点", ""),
    ("host", "主持人", ""),
    ("recorder", "记录人", ""),
    ("lecturer", "讲课人", ""),
    ("kind", "类型", ""),
    ("year", "年度", ""),
    ("motion", "表决事项", ""),
    ("in_favour", "赞成票", ""),
    ("against", "反对票", ""),
    ("abstain", "弃权票", ""),
    ("talker", "谈话人", ""),
    ("talkees", "谈话对象", ""),
    ("note", "备注", ""),
    ("parent_org", "上级党组织", ""),
    ("name_order", "名单顺序", ""),
    ("own_order", "自定义名单顺序", ""),
    ("rules", "本单位规则", ""),
    ("study_kinds", "学习形式", ""),
    ("assessment", "评议设置", ""),
    ("sequence", "本年第几次", ""),
    ("planned_time", "计划时间", ""),
    ("start_time", "开始时间", ""),
    ("end_time", "结束时间", ""),
    ("observers", "列席人员", ""),
    ("remarks", "备注", ""),
    ("also", "同时计为", ""),
    ("for_year", "所属年度", ""),
    ("elections", "选举", ""),
    ("sign_in_sheet_kept", "纸质签到表", ""),
    ("state", "会议状态", ""),
    ("content", "谈话内容", ""),
    ("born_on", "出生日期", ""),
    ("sex", "性别", ""),
    ("contacts", "培养联系人", ""),
    ("introducers", "入党介绍人", ""),
    ("reports", "思想汇报", ""),
    ("steps", "步骤", ""),
    ("stopped", "终止情况", ""),
    ("extension", "延长预备期", ""),
    ("training_days", "培训天数", ""),
    ("training_hours", "培训学时", ""),
    ("dimensions", "分项测评", ""),
    ("log", "填写记录", ""),
    ("negatives", "反向情形", ""),
    ("overall", "总体评价", ""),
    ("self_grade", "自评等次", ""),
    ("committee_elected_on", "支委会选举日期", ""),
    ("branch_ratings", "支部评价", ""),
    ("public_opinion", "群众评价", ""),
    ("published_on", "公开日期", ""),
    ("first_month", "起交月份", ""),
    ("payments", "交纳记录", ""),
    ("terms", "党费基数", ""),
    ("carried_in", "上年结余", ""),
    ("remittances", "上缴记录", ""),
    ("started_on", "开始日期", ""),
    ("photos_kept", "会议照片", ""),
    ("admitted_on", "入党日期", ""),
    ("confirmed_on", "转正日期", ""),
    ("joined_on", "转入本支部日期", ""),
    ("duty", "分工", ""),
    ("roles", "职务", ""),
    ("posts_since", "任职日期", ""),
    ("former_posts", "曾任职务", ""),
    ("exempt", "不作硬性要求", ""),
    ("probation", "预备期", ""),
    ("suspension", "中止表决权", ""),
    ("ballots", "测评票数", ""),
    ("duties", "履职情况", ""),
    ("problems", "存在问题", ""),
    ("plans", "下一步打算", ""),
    ("category", "类别", ""),
    ("credited_tenths", "计入学时", ""),
    ("department", "部门", ""),
    ("form", "形式", ""),
    ("headcount", "参加人数", ""),
    ("topic", "谈话主题", ""),
    ("opinions", "意见建议", ""),
    ("follow_up", "后续跟进", ""),
    ("closed_on", "完成日期", ""),
    ("source", "任务来源", ""),
    ("approved_in", "审议通过的会议", ""),
    ("goals", "工作目标", ""),
    ("fusion", "党建与业务融合", ""),
    ("other", "其他工作", ""),
    ("work", "主要工作", ""),
    ("shortcomings", "存在不足", ""),
    ("next_year", "下一年度打算", ""),
    ("drafted", "初稿", ""),
];

fn name_of(field: &str) -> Option<(&'static str, &'static str)> {
    NAMES
        .iter()
        .find(|(f, _, _)| *f == field)
        .map(|(_, name, counter)| (*name, *counter))
}

/// The place of `path` in words; the whole file for a path that is not in
/// the document ("文件", "checksum").
pub fn place(path: &str) -> String {
    let mut parts = Vec::new();
    for (n, segment) in path.split('.').enumerate() {
        let (field, index) = match segment.split_once('[') {
            Some((field, rest)) => (field, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (segment, None),
        };
        // A path starts at a document list; a record's own field names
        // (a merge names them alone) are looked up like any other.
        let name = if n == 0 {
            noun_of_field(field).or_else(|| name_of(field))
        } else {
            name_of(field)
        };
        match (name, index) {
            (Some((name, counter)), Some(i)) if !counter.is_empty() => {
                parts.push(format!("第 {} {counter}{name}", i + 1))
            }
            (Some((name, _)), Some(i)) => parts.push(format!("{name}第 {} 项", i + 1)),
            (Some((name, _)), None) => parts.push(name.to_string()),
            (None, _) if parts.is_empty() => return "文件".to_string(),
            (None, _) => {}
        }
    }
    if parts.is_empty() {
        "文件".into()
    } else {
        parts.join(" · ")
    }
}

#[cfg(test)]
mod tests {
    use super::place;

    #[test]
    fn paths_read_as_places() {
        assert_eq!(place("members[3].standing"), "第 4 名党员 · 党员类别");
        assert_eq!(
            place("meetings[0].attendance[2].member_id"),
            "第 1 份会议记录 · 第 3 条出席登记 · 所指党员"
        );
        assert_eq!(place("branch.name"), "支部信息 · 名称");
        assert_eq!(place("checksum"), "文件");
        assert_eq!(place("文件"), "文件");
    }
}
