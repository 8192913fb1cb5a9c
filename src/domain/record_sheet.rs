//! What a printed 党支部工作记录 says about one meeting, worked out once so
//! the print view, the shared text and the tests read the same thing.

use crate::domain::meeting::{Meeting, MeetingState, Presence};
use crate::domain::rules::attendance::{
    attendance_of, away_people, due, due_members, makeup_status, tally, MakeUpStatus,
};
use crate::domain::rules::quorum::quorum;
use crate::domain::rules::vote::{basis, election_results, evaluate_vote};
use crate::domain::time::{format_chinese_date, format_hh_mm, format_short_date};
use crate::domain::{Document, Standing, Talk};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingSheet {
    /// The type as paper names it ("党支部委员会会议"), with what else the
    /// event counted as.
    pub kind: String,
    /// "2025年度" when a yearly item counts for another year than it was
    /// held in; else empty.
    pub for_year: String,
    /// "第 3 次" or empty.
    pub sequence: String,
    pub when: String,
    pub place: String,
    pub theme: String,
    pub host: String,
    pub recorder: String,
    pub lecturer: String,
    pub observers: String,
    pub due: usize,
    pub present: usize,
    pub away: usize,
    /// Of those away, on leave.
    pub on_leave: usize,
    /// "张三（请假，因病）、李四（缺席，无故）" or "无".
    pub away_names: String,
    /// The chair's statement on validity, or "" for types with no quorum rule.
    pub quorum: String,
    pub present_names: Vec<String>,
    pub agenda: Vec<String>,
    pub materials: Vec<String>,
    pub minutes: String,
    pub speeches: Vec<(String, String)>,
    pub votes: Vec<VoteLine>,
    /// "张三：18 票，当选" per candidate of an election.
    pub election: Vec<String>,
    /// "李四（外出半年以上未转关系）" per member left out of 应到会人数.
    pub excluded: Vec<String>,
    pub follow_ups: Vec<FollowUpLine>,
    pub makeups: Vec<String>,
    /// 重点任务 the meeting deployed or checked, and a 党小组会's review of
    /// the month's key work (一起部署、一起检查).
    pub tasks: Vec<String>,
    pub remarks: String,
    pub kept: String,
    pub held: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoteLine {
    pub motion: String,
    pub in_favour: u32,
    pub against: u32,
    pub abstain: u32,
    pub result: String,
    pub sentence: String,
    /// Where the rule comes from, printed under the vote.
    pub basis: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FollowUpLine {
    pub task: String,
    pub owner: String,
    pub due: String,
    pub state: String,
}

/// One row of a 签到表: a member due at the meeting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignInRow {
    pub name: String,
    pub group: String,
    pub note: String,
}

pub fn meeting_sheet(doc: &Document, meeting: &Meeting) -> MeetingSheet {
    let members = &doc.members;
    let t = tally(meeting, members);
    let away = away_people(meeting, members);
    let present_names = due_members(meeting, members)
        .into_iter()
        .filter(|m| attendance_of(meeting, &m.id).is_some_and(|a| a.status == Presence::Present))
        .map(|m| m.name.clone())
        .collect();
    let makeups = meeting
        .attendance
        .iter()
        .filter_map(|a| {
            let name = doc.member(&a.member_id)?.name.clone();
            match makeup_status(meeting, a) {
                MakeUpStatus::Done(on) => {
                    Some(format!("{name}：已于{}补学", format_chinese_date(on)))
                }
                MakeUpStatus::Pending => Some(format!("{name}：待补学")),
                MakeUpStatus::NotNeeded => None,
            }
        })
        .collect();
    let also: Vec<&str> = meeting.also.iter().map(|k| k.formal_label()).collect();
    let held_year = meeting.effective_date().map(|d| chrono::Datelike::year(&d));
    MeetingSheet {
        kind: if also.is_empty() {
            meeting.kind.formal_label().to_string()
        } else {
            format!(
                "{}（同时为{}）",
                meeting.kind.formal_label(),
                also.join("、")
            )
        },
        for_year: match meeting.for_year {
            Some(y) if Some(y) != held_year => format!("{y}年度"),
            _ => String::new(),
        },
        sequence: meeting
            .sequence
            .map(|n| format!("第 {n} 次"))
            .unwrap_or_default(),
        when: when(meeting),
        place: meeting.place.clone(),
        theme: meeting.theme.clone(),
        host: doc.person_name(&meeting.host),
        recorder: doc.person_name(&meeting.recorder),
        lecturer: doc.person_name(&meeting.lecturer),
        observers: meeting.observers.clone(),
        due: t.due,
        present: t.present,
        away: t.away(),
        on_leave: t.leave,
        away_names: if away.is_empty() {
            "无".into()
        } else {
            away.iter()
                .map(|p| p.describe())
                .collect::<Vec<_>>()
                .join("、")
        },
        quorum: quorum(meeting, members)
            .map(|q| q.sentence())
            .unwrap_or_default(),
        present_names,
        agenda: meeting.agenda.clone(),
        materials: meeting
            .materials
            .iter()
            .map(|s| {
                if s.source.is_empty() {
                    s.title.clone()
                } else {
                    format!("{}（{}）", s.title, s.source)
                }
            })
            .collect(),
        minutes: meeting.minutes.clone(),
        speeches: meeting
            .speeches
            .iter()
            .map(|s| (doc.person_name(&s.speaker), s.summary.clone()))
            .collect(),
        votes: meeting
            .votes
            .iter()
            .filter_map(|v| {
                let outcome = evaluate_vote(meeting, v, members)?;
                Some(VoteLine {
                    motion: v.motion.clone(),
                    in_favour: v.in_favour,
                    against: v.against,
                    abstain: v.abstain,
                    result: outcome.result.label().to_string(),
                    sentence: outcome.sentence(v),
                    basis: basis(outcome.body, v.kind).to_string(),
                })
            })
            .collect(),
        election: election_results(meeting, members)
            .into_iter()
            .map(|r| {
                format!(
                    "{}：{} 票，{}",
                    r.candidate.name,
                    r.candidate.votes,
                    if r.elected { "当选" } else { "未当选" }
                )
            })
            .collect(),
        excluded: meeting
            .excluded
            .iter()
            .map(|e| {
                let name = doc
                    .member(&e.member_id)
                    .map(|m| m.name.clone())
                    .unwrap_or_default();
                if e.reason.trim().is_empty() {
                    name
                } else {
                    format!("{name}（{}）", e.reason.trim())
                }
            })
            .collect(),
        follow_ups: meeting
            .follow_ups
            .iter()
            .map(|f| FollowUpLine {
                task: f.task.clone(),
                owner: doc.person_name(&f.owner),
                due: f.due.map(format_short_date).unwrap_or_default(),
                state: match f.done_on {
                    Some(d) => format!("已完成 {}", format_short_date(d)),
                    None => "未完成".into(),
                },
            })
            .collect(),
        makeups,
        tasks: crate::domain::fusion::sheets::meeting_lines(doc, meeting),
        remarks: meeting.remarks.clone(),
        kept: [
            (meeting.sign_in_sheet_kept, "纸质签到表"),
            (meeting.photos_kept, "会议照片"),
        ]
        .iter()
        .filter(|(kept, _)| *kept)
        .map(|(_, what)| *what)
        .collect::<Vec<_>>()
        .join("、"),
        held: meeting.state == MeetingState::Held,
    }
}

/// The members due at a meeting, for its 签到表.
pub fn sign_in_rows(doc: &Document, meeting: &Meeting) -> Vec<SignInRow> {
    due(meeting, &doc.members)
        .into_iter()
        .map(|d| SignInRow {
            name: d.member.name.clone(),
            group: d
                .member
                .group_id
                .as_deref()
                .and_then(|g| doc.branch.group_name(g))
                .unwrap_or_default()
                .to_string(),
            note: match (d.standing, d.votes) {
                (Standing::Probationary, _) => "预备党员".into(),
                (_, false) => "留党察看".into(),
                _ => String::new(),
            },
        })
        .collect()
}

/// "2026年3月10日 14:30—16:00", or "2026年3月10日 14:30" without an end,
/// or "日期未定".
pub fn when(meeting: &Meeting) -> String {
    let date = meeting
        .effective_date()
        .map(format_chinese_date)
        .unwrap_or_else(|| "日期未定".into());
    let start = meeting.start_time.or(meeting.planned_time);
    match (start, meeting.end_time) {
        (Some(s), Some(e)) => format!("{date} {}—{}", format_hh_mm(s), format_hh_mm(e)),
        (Some(s), None) => format!("{date} {}", format_hh_mm(s)),
        _ => date,
    }
}

impl MeetingSheet {
    /// "应到 24 人，实到 22 人，缺席 2 人（其中请假 2 人）", the chair's report.
    pub fn attendance(&self) -> String {
        let mut s = format!(
            "应到 {} 人，实到 {} 人，缺席 {} 人",
            self.due, self.present, self.away
        );
        if self.on_leave > 0 {
            s.push_str(&format!("（其中请假 {} 人）", self.on_leave));
        }
        s
    }

    /// The record as plain text, for the share sheet on phones.
    pub fn as_text(&self, branch: &str) -> String {
        let mut out = vec![
            format!("{branch} 党支部工作记录"),
            format!("会议类型：{} {}", self.kind, self.sequence),
            format!("时间：{}", self.when),
            format!("地点：{}", self.place),
            format!("主题：{}", self.theme),
            format!("主持人：{}　记录人：{}", self.host, self.recorder),
            format!("到会情况：{}", self.attendance()),
            format!("缺席人员及原因：{}", self.away_names),
        ];
        if !self.quorum.is_empty() {
            out.push(self.quorum.clone());
        }
        if !self.agenda.is_empty() {
            out.push(format!("议题：{}", self.agenda.join("；")));
        }
        if !self.minutes.is_empty() {
            out.push(format!("主要内容：\n{}", self.minutes));
        }
        for v in &self.votes {
            out.push(format!("表决：{}。{}", v.motion, v.sentence));
        }
        if !self.election.is_empty() {
            out.push(format!("选举结果：{}", self.election.join("；")));
        }
        for f in &self.follow_ups {
            out.push(format!(
                "落实：{}（{}，{}，{}）",
                f.task, f.owner, f.due, f.state
            ));
        }
        out.extend(self.tasks.iter().cloned());
        out.join("\n")
    }
}

/// What a printed 谈心谈话记录 says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TalkSheet {
    pub talker: String,
    pub talkees: String,
    pub when: String,
    pub place: String,
    pub topic: String,
    pub content: String,
    pub opinions: String,
    pub follow_up: String,
}

pub fn talk_sheet(doc: &Document, talk: &Talk) -> TalkSheet {
    TalkSheet {
        talker: doc.person_name(&talk.talker),
        talkees: talk
            .talkees
            .iter()
            .filter_map(|id| doc.member(id).map(|m| m.name.clone()))
            .collect::<Vec<_>>()
            .join("、"),
        when: talk.date.map(format_chinese_date).unwrap_or_default(),
        place: talk.place.clone(),
        topic: talk.topic.clone(),
        content: talk.content.clone(),
        opinions: talk.opinions.clone(),
        follow_up: talk.follow_up.clone(),
    }
}

impl TalkSheet {
    pub fn as_text(&self, branch: &str) -> String {
        [
            format!("{branch} 谈心谈话记录"),
            format!("谈话人：{}", self.talker),
            format!("谈话对象：{}", self.talkees),
            format!("时间：{}　地点：{}", self.when, self.place),
            format!("谈话主题：{}", self.topic),
            format!("谈话主要内容：\n{}", self.content),
            format!("对方意见建议：{}", self.opinions),
            format!("需跟进事项：{}", self.follow_up),
        ]
        .join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::example_document;
    use chrono::NaiveDate;

    fn example() -> Document {
        example_document(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap())
    }

    /// Last month's 支部党员大会, which discussed a 转正.
    fn assembly(doc: &Document) -> &Meeting {
        doc.meeting("mt-ex-1").unwrap()
    }

    #[test]
    fn the_record_names_everyone_and_the_vote_result() {
        let doc = example();
        let sheet = meeting_sheet(&doc, assembly(&doc));
        assert_eq!(sheet.due, 24);
        assert_eq!(sheet.present, 22);
        assert_eq!(sheet.present_names.len(), 22);
        assert!(
            sheet.away_names.contains("周敏（请假，因公）"),
            "{}",
            sheet.away_names
        );
        assert!(sheet.quorum.contains("会议有效"));
        assert_eq!(sheet.votes[0].result, "通过");
        assert_eq!(sheet.host, "王建国");
        assert!(sheet.makeups.iter().any(|m| m.contains("待补学")));
        assert_eq!(sheet.kept, "纸质签到表");
    }

    #[test]
    fn the_sign_in_sheet_lists_who_is_due() {
        let doc = example();
        let rows = sign_in_rows(&doc, doc.meeting("mt-ex-3").unwrap());
        assert_eq!(rows.len(), 24);
        assert!(rows.iter().any(|r| r.note == "预备党员"));
        assert!(rows.iter().all(|r| r.group.ends_with("党小组")));
    }

    #[test]
    fn text_for_sharing_has_the_essentials() {
        let doc = example();
        let text = meeting_sheet(&doc, assembly(&doc)).as_text(&doc.branch.name);
        assert!(text.contains("示例单位第一党支部 党支部工作记录"));
        assert!(text.contains("应到 24 人，实到 22 人"));
        assert!(text.contains("通过"));
    }

    #[test]
    fn times_read_as_a_span() {
        let doc = example();
        assert!(when(assembly(&doc)).ends_with("14:30—16:00"));
    }
}
