//! What a printed 党支部工作记录 says about one meeting, worked out once so
//! the print view, the shared text and the tests read the same thing.

use crate::domain::meeting::{Election, Meeting, MeetingState, Presence};
use crate::domain::roster::in_display_order_by_id;
use crate::domain::rules::attendance::{
    attendance_of, away_people, due_in_order, due_members_in_order, makeup_status, tally,
    MakeUpStatus,
};
use crate::domain::rules::election::{
    evaluate_election, margin_sentence, ASSEMBLY_BASIS, COMMITTEE_BASIS,
};
use crate::domain::rules::quorum::quorum;
use crate::domain::rules::vote::{basis, evaluate_vote, Body};
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
    /// Each ballot of an election, as the 选举情况 section prints it.
    pub elections: Vec<ElectionSheet>,
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

/// One ballot of an election on paper: the figures the chair announces,
/// each candidate's votes and the result in the rules' words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ElectionSheet {
    /// "选举党支部委员会委员", "补选党支部委员会委员", "选举党支部书记",
    /// with "（第 2 轮投票）" after a tie or a shortfall.
    pub title: String,
    /// 应到、实到 and 会议有效.
    pub attendance: String,
    /// 发出、收回、有效、无效 and 选举有效; empty before they are entered.
    pub ballots: String,
    /// "候选人 6 名，应选 5 名，差额 1 名（20%）".
    pub margin: String,
    /// "应到会有选举权党员 25 人，得赞成票超过其半数即至少 13 票始得当选".
    pub threshold: String,
    pub scrutineers: String,
    pub tellers: String,
    /// (姓名, 得票, 结果) in the order of the ballot.
    pub candidates: Vec<(String, u32, String)>,
    pub result: String,
    /// "2026年3月12日报上级党组织备案", or what is still owed.
    pub report: String,
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
    let mut away = away_people(meeting, members);
    in_display_order_by_id(&doc.branch, members, &mut away, |a| &a.member_id);
    let present_names = due_members_in_order(&doc.branch, meeting, members)
        .into_iter()
        .filter(|m| attendance_of(meeting, &m.id).is_some_and(|a| a.status == Presence::Present))
        .map(|m| m.name.clone())
        .collect();
    let mut entries: Vec<_> = meeting.attendance.iter().collect();
    in_display_order_by_id(&doc.branch, members, &mut entries, |a| &a.member_id);
    let makeups = entries
        .into_iter()
        .filter_map(|a| {
            let name = doc.member(&a.member_id)?.name.clone();
            match makeup_status(meeting, a) {
                MakeUpStatus::Done(on) => {
                    let way = a
                        .makeup
                        .as_ref()
                        .and_then(|m| m.way)
                        .map(|w| format!("（{}）", w.label()))
                        .unwrap_or_default();
                    Some(format!("{name}：已于{}补学{way}", format_chinese_date(on)))
                }
                MakeUpStatus::Pending => Some(format!("{name}：待补学")),
                MakeUpStatus::NotNeeded => None,
            }
        })
        .collect();
    let held_year = meeting.effective_date().map(|d| chrono::Datelike::year(&d));
    MeetingSheet {
        kind: formal_title(meeting),
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
        elections: meeting
            .elections
            .iter()
            .filter_map(|e| election_sheet(doc, meeting, e))
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

/// The type as paper names it, with what else the one event counted as:
/// "主题党日暨支部党员大会", "组织生活会暨民主评议党员".
pub fn formal_title(meeting: &Meeting) -> String {
    std::iter::once(meeting.kind.formal_label())
        .chain(
            meeting
                .also
                .iter()
                .filter(|k| meeting.counts_as(k))
                .map(|k| k.formal_label()),
        )
        .collect::<Vec<_>>()
        .join("暨")
}

/// One ballot as paper has it; `None` where the meeting does not elect.
pub fn election_sheet(
    doc: &Document,
    meeting: &Meeting,
    election: &Election,
) -> Option<ElectionSheet> {
    let outcome = evaluate_election(meeting, election, &doc.members)?;
    let names = |ids: &[String]| {
        ids.iter()
            .filter_map(|id| doc.member(id).map(|m| m.name.clone()))
            .collect::<Vec<_>>()
            .join("、")
    };
    let office = election.office;
    let report = match (election.reported_on, election.approved_on) {
        _ if outcome.elected().is_empty() => String::new(),
        (Some(on), Some(approved)) => format!(
            "{}{}，{}批复",
            format_chinese_date(on),
            office.report(),
            format_chinese_date(approved)
        ),
        (Some(on), None) => format!("{}{}", format_chinese_date(on), office.report()),
        (None, _) => format!("选举结果待{}", office.report()),
    };
    // A ballot after a tie or a shortfall is the same election's next round.
    let round = meeting
        .elections
        .iter()
        .take_while(|e| e.id != election.id)
        .filter(|e| e.office == office && e.by_election == election.by_election)
        .count()
        + 1;
    Some(ElectionSheet {
        title: format!(
            "{}{}{}",
            if election.by_election {
                "补选"
            } else {
                "选举"
            },
            office.formal_label(),
            if round > 1 {
                format!("（第 {round} 轮投票）")
            } else {
                String::new()
            }
        ),
        attendance: quorum(meeting, &doc.members)
            .map(|q| q.sentence())
            .unwrap_or_default(),
        ballots: outcome.ballot_sentence(election),
        margin: margin_sentence(election).unwrap_or_default(),
        threshold: outcome.threshold_sentence(),
        scrutineers: names(&election.scrutineers),
        tellers: names(&election.tellers),
        candidates: outcome
            .results
            .iter()
            .map(|r| {
                (
                    r.candidate.name.clone(),
                    r.candidate.votes,
                    r.outcome.label().to_string(),
                )
            })
            .collect(),
        result: outcome.result_sentence(election),
        report,
        basis: match outcome.body {
            Body::Assembly => ASSEMBLY_BASIS,
            Body::Committee => COMMITTEE_BASIS,
        }
        .to_string(),
    })
}

/// The members due at a meeting, for its 签到表.
pub fn sign_in_rows(doc: &Document, meeting: &Meeting) -> Vec<SignInRow> {
    due_in_order(&doc.branch, meeting, &doc.members)
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
            // A 中止 of rights (留置、逮捕) is never printed.
            note: if d.standing == Standing::Probationary {
                "预备党员".into()
            } else if !d.votes && d.member.on_probation(meeting.effective_date()) {
                "留党察看".into()
            } else {
                String::new()
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
        for e in &self.elections {
            out.push(format!("{}：{}。{}", e.title, e.attendance, e.result));
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
    fn a_theme_day_held_as_a_branch_assembly_is_titled_as_paper_has_it() {
        use crate::domain::meeting::MeetingKind::*;
        use crate::domain::rules::fixtures::held;
        let mut m = held("t", ThemeDay, NaiveDate::from_ymd_opt(2026, 3, 20).unwrap());
        m.also = vec![BranchAssembly];
        assert_eq!(formal_title(&m), "主题党日暨支部党员大会");
        let mut c = held(
            "c",
            CommitteeMeeting,
            NaiveDate::from_ymd_opt(2026, 3, 20).unwrap(),
        );
        c.also = vec![BranchAssembly];
        assert_eq!(
            formal_title(&c),
            "党支部委员会会议",
            "what it may not count as is not printed"
        );
    }

    #[test]
    fn the_printed_election_says_every_figure_and_the_result_in_the_rules_words() {
        use crate::domain::meeting::{Candidate, Election, MeetingKind, Presence};
        use crate::domain::rules::fixtures::{document, full_members, held, mark};
        let members = full_members("p", 10);
        let mut m = held(
            "e",
            MeetingKind::BranchAssembly,
            NaiveDate::from_ymd_opt(2026, 3, 20).unwrap(),
        );
        for (i, member) in members.iter().enumerate() {
            mark(
                &mut m,
                &member.id,
                if i < 9 {
                    Presence::Present
                } else {
                    Presence::Leave
                },
            );
        }
        let candidate = |i: usize, votes| Candidate {
            id: format!("c{i}"),
            member_id: Some(format!("p{i}")),
            name: format!("党员p{i}"),
            votes,
        };
        m.elections = vec![Election {
            id: "e1".into(),
            seats: Some(3),
            ballots_issued: Some(9),
            ballots_returned: Some(9),
            ballots_invalid: Some(1),
            candidates: vec![
                candidate(1, 8),
                candidate(2, 8),
                candidate(3, 7),
                candidate(4, 1),
            ],
            scrutineers: vec!["p5".into()],
            tellers: vec!["p6".into(), "p7".into()],
            ..Election::default()
        }];
        let doc = document(&[], members, vec![m]);
        let sheet = meeting_sheet(&doc, &doc.meetings[0]);
        let e = &sheet.elections[0];
        assert_eq!(e.title, "选举党支部委员会委员");
        assert_eq!(
            e.attendance,
            "应到会有选举权党员 10 人，实到 9 人，达到五分之四，会议有效"
        );
        assert_eq!(
            e.ballots,
            "发出选票 9 张，收回 9 张，其中有效票 8 张、无效票 1 张，收回的选票等于发出的选票，选举有效"
        );
        assert_eq!(e.margin, "候选人 4 名，应选 3 名，差额 1 名（33%）");
        assert_eq!(
            (e.scrutineers.as_str(), e.tellers.as_str()),
            ("党员p5", "党员p6、党员p7")
        );
        assert_eq!(
            e.candidates[3],
            ("党员p4".to_string(), 1, "未当选".to_string())
        );
        assert_eq!(e.result, "党员p1、党员p2、党员p3当选为党支部委员会委员");
        assert_eq!(e.report, "选举结果待报上级党组织备案");
        assert!(e.basis.contains("超过应到会有选举权人数的半数"));
    }

    #[test]
    fn times_read_as_a_span() {
        let doc = example();
        assert!(when(assembly(&doc)).ends_with("14:30—16:00"));
    }
}
