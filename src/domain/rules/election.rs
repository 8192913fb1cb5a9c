//! Elections (选举), by the 《中国共产党基层组织选举工作条例》(2020): the
//! 支部党员大会 elects the 委员 (换届, 补选); the 支委会 elects its 书记 and
//! 副书记 (a branch without a committee elects its 书记 at the 党员大会).
//! Each is a ballot of its own, read in three steps, as the chair announces
//! them:
//!
//! 1. 会议有效: 有选举权的到会人数不少于应到会人数的五分之四 (a 支委会
//!    electing its 书记: more than two thirds); `super::quorum`.
//! 2. 选举有效: 收回的选票等于或少于发出的选票; 每张选票所选人数多于应选
//!    人数的为无效票.
//! 3. 当选: 被选举人获得的赞成票超过**应到会**有选举权人数的半数, the most
//!    votes first up to the seats; 如遇票数相等不能确定当选人时, 就票数相等
//!    的被选举人再次投票; 获得赞成票超过半数的被选举人数少于应选名额时, 对
//!    不足的名额另行选举. The 1990 暂行条例 counted 实到会; the 2020 条例
//!    counts 应到会.
//!
//! Sources: the 2020 条例 §5 (选举权、被选举权), §13 (委员候选人的差额不少
//! 于应选人数的20%), §22–23 (监票人 from those who are not candidates,
//! 计票人), read in a copy at gsdjw.com/news/guonei/184484_2.html and
//! 184484_3.html; the 当选 and tie rules as 旗帜网 (中央和国家机关工委)
//! quotes 《新编基层党务工作手册》, 2023-08-09,
//! dinglida.net/n1/2023/0809/c422419-40053469.html, and the 2025 summary at
//! wanbiaoku.com/new/6dbbbcca5fb445fca06f40736487b1a9 (the article of the
//! 2020 条例 itself could not be read); 选举有效 from 洞口县委组织部,
//! dkdj.gov.cn/content/2016/08/30/12812146.html.

use chrono::NaiveDate;

use crate::domain::meeting::{Candidate, Election, Meeting, Office};
use crate::domain::{Branch, Member};

use super::attendance::was_active_on;
use super::more_than_half;
use super::quorum::{counted_and_present, quorum, QuorumRule};
use super::vote::{Body, ResultLines};

/// Where the rules of an election come from, as the screen and the printed
/// record say it.
pub const ASSEMBLY_BASIS: &str = "依据《中国共产党基层组织选举工作条例》（2020年）：有选举权的到会人数不少于应到会人数的五分之四，会议有效；收回的选票等于或少于发出的选票，选举有效；每张选票所选人数多于应选人数的为无效票；被选举人获得的赞成票超过应到会有选举权人数的半数，始得当选；票数相等不能确定当选人时，就票数相等的被选举人再次投票。";

/// The committee's own election of its 书记 and 副书记.
pub const COMMITTEE_BASIS: &str = "依据《中国共产党基层组织选举工作条例》（2020年）：委员会全体会议选举，参加人数超过应到会委员的三分之二方能进行，被选举人获得的赞成票超过应到会委员的半数始得当选；选出的书记、副书记报上级党组织批准。";

/// Where the 当选 rule was read, for the screen.
pub const SOURCE_NOTE: &str = "“超过应到会有选举权人数的半数”据旗帜网（中央和国家机关工委）2023年8月9日《正式选举确定当选人的原则是什么？》；1990年暂行条例曾以实到会人数计算。";

impl Office {
    pub const ALL: [Office; 3] = [
        Office::CommitteeMember,
        Office::Secretary,
        Office::DeputySecretary,
    ];

    /// "支部委员会委员", "书记".
    pub fn label(self) -> &'static str {
        match self {
            Office::CommitteeMember => "支部委员会委员",
            Office::Secretary => "书记",
            Office::DeputySecretary => "副书记",
        }
    }

    /// The post as a result says it: "党支部委员会委员", "党支部书记".
    pub fn formal_label(self) -> &'static str {
        match self {
            Office::CommitteeMember => "党支部委员会委员",
            Office::Secretary => "党支部书记",
            Office::DeputySecretary => "党支部副书记",
        }
    }

    /// What follows the election: 委员 are reported for the record, a
    /// 书记 or 副书记 needs approval (《支部工作条例》: 选出的党支部委员，报
    /// 上级党组织备案；党支部书记、副书记，报上级党组织批准).
    pub fn report(self) -> &'static str {
        match self {
            Office::CommitteeMember => "报上级党组织备案",
            Office::Secretary | Office::DeputySecretary => "报上级党组织批准",
        }
    }

    pub fn needs_approval(self) -> bool {
        self != Office::CommitteeMember
    }

    /// The offices a body elects: the 党员大会 its 委员 (and, where the
    /// branch has no committee, its 书记 and 副书记); the 支委会 its 书记
    /// and 副书记.
    pub fn elected_by(body: Body, has_committee: bool) -> Vec<Office> {
        match (body, has_committee) {
            (Body::Assembly, true) => vec![Office::CommitteeMember],
            (Body::Assembly, false) => Office::ALL.to_vec(),
            (Body::Committee, _) => vec![Office::Secretary, Office::DeputySecretary],
        }
    }
}

/// One candidate's result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Elected,
    NotElected,
    /// Tied for the last seat: voted on again.
    Tied,
}

impl Outcome {
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Elected => "当选",
            Outcome::NotElected => "未当选",
            Outcome::Tied => "票数相等，须再次投票",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CandidateResult {
    pub candidate: Candidate,
    pub outcome: Outcome,
}

/// An election read against its meeting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ElectionOutcome {
    pub body: Body,
    /// 会议有效.
    pub meeting_valid: bool,
    /// 应到会有选举权人数 (应到会委员 at a 支委会): the base of 当选.
    pub base: usize,
    /// Of them, present.
    pub present: usize,
    /// The fewest votes that elect: more than half of `base`.
    pub needed: usize,
    /// 收回 less 无效, once both are known.
    pub valid_ballots: Option<u32>,
    /// 选举有效, once 发出 and 收回 are known.
    pub election_valid: Option<bool>,
    pub results: Vec<CandidateResult>,
    /// Seats the tied candidates are voted on again for.
    pub revote_seats: u32,
    /// Seats nobody qualified for: 另行选举.
    pub unfilled: u32,
    pub warnings: Vec<String>,
}

impl ElectionOutcome {
    pub fn elected(&self) -> Vec<&Candidate> {
        self.with(Outcome::Elected)
    }

    pub fn tied(&self) -> Vec<&Candidate> {
        self.with(Outcome::Tied)
    }

    fn with(&self, outcome: Outcome) -> Vec<&Candidate> {
        self.results
            .iter()
            .filter(|r| r.outcome == outcome)
            .map(|r| &r.candidate)
            .collect()
    }

    /// "应到会有选举权党员 25 人，得票超过 12.5 票即至少 13 票始得当选".
    pub fn threshold_sentence(&self) -> String {
        let who = match self.body {
            Body::Assembly => "应到会有选举权党员",
            Body::Committee => "应到会支部委员",
        };
        format!(
            "{who} {} 人，得赞成票超过其半数即至少 {} 票始得当选",
            self.base, self.needed
        )
    }

    /// What the chair announces as the result.
    pub fn result_sentence(&self, election: &Election) -> String {
        if !self.meeting_valid {
            return match self.body {
                Body::Assembly => {
                    "有选举权的到会人数未达到应到会人数的五分之四，会议无效，不能进行选举".into()
                }
                Body::Committee => "到会委员未超过应到会委员的三分之二，不能进行选举".into(),
            };
        }
        if self.election_valid == Some(false) {
            return "收回的选票多于发出的选票，选举无效，应重新进行选举".into();
        }
        let mut parts = Vec::new();
        let elected = names(&self.elected());
        if !elected.is_empty() {
            let verb = if election.by_election {
                "补选为"
            } else {
                "当选为"
            };
            parts.push(format!("{elected}{verb}{}", election.office.formal_label()));
        }
        let tied = self.tied();
        if let Some(first) = tied.first() {
            parts.push(format!(
                "{}得票相等（各 {} 票），须就票数相等的被选举人再次投票，得票多的当选",
                names(&tied),
                first.votes
            ));
        }
        if self.unfilled > 0 {
            parts.push(format!(
                "获得赞成票超过半数的被选举人少于应选名额，尚缺 {} 名，对不足的名额另行选举",
                self.unfilled
            ));
        }
        if parts.is_empty() {
            "无人获得超过半数的赞成票，无人当选".into()
        } else {
            parts.join("；")
        }
    }

    /// The result lines of `election`: clean only when someone was
    /// elected and nothing is left to check.
    pub fn result_lines(&self, election: &Election) -> ResultLines {
        ResultLines {
            result: self.result_sentence(election),
            clean: self.warnings.is_empty() && !self.elected().is_empty(),
            warnings: self.warnings.clone(),
        }
    }

    /// "发出选票 20 张，收回 20 张，其中有效票 19 张、无效票 1 张，收回的
    /// 选票等于发出的选票，选举有效", or empty before the ballots are entered.
    pub fn ballot_sentence(&self, election: &Election) -> String {
        let (Some(issued), Some(returned)) = (election.ballots_issued, election.ballots_returned)
        else {
            return String::new();
        };
        let mut s = format!("发出选票 {issued} 张，收回 {returned} 张");
        if let Some(valid) = self.valid_ballots {
            s.push_str(&format!(
                "，其中有效票 {valid} 张、无效票 {} 张",
                returned.saturating_sub(valid)
            ));
        }
        let compared = match returned.cmp(&issued) {
            std::cmp::Ordering::Less => "少于",
            std::cmp::Ordering::Equal => "等于",
            std::cmp::Ordering::Greater => "多于",
        };
        let verdict = if returned <= issued {
            "选举有效"
        } else {
            "选举无效"
        };
        s.push_str(&format!("，收回的选票{compared}发出的选票，{verdict}"));
        s
    }
}

fn names(candidates: &[&Candidate]) -> String {
    candidates
        .iter()
        .map(|c| c.name.as_str())
        .collect::<Vec<_>>()
        .join("、")
}

/// "候选人 6 名，应选 5 名，差额 1 名（20%）", "等额选举".
pub fn margin_sentence(election: &Election) -> Option<String> {
    let seats = election.seats.filter(|s| *s > 0)?;
    let candidates = u32::try_from(election.candidates.len()).unwrap_or(u32::MAX);
    Some(if candidates > seats {
        let margin = candidates - seats;
        format!(
            "候选人 {candidates} 名，应选 {seats} 名，差额 {margin} 名（{}%）",
            margin * 100 / seats
        )
    } else if candidates == seats {
        format!("候选人 {candidates} 名，应选 {seats} 名，等额选举")
    } else {
        format!("候选人 {candidates} 名，少于应选 {seats} 名")
    })
}

/// Reads an election at `meeting`; `None` where the meeting is not a body
/// that elects.
pub fn evaluate_election(
    meeting: &Meeting,
    election: &Election,
    members: &[Member],
) -> Option<ElectionOutcome> {
    let body = Body::of(meeting)?;
    let rule = match body {
        Body::Assembly => QuorumRule::Election,
        Body::Committee => QuorumRule::CommitteeElection,
    };
    let (base, present) = counted_and_present(meeting, members, rule);
    let meeting_valid = quorum(meeting, members).is_some_and(|q| q.valid);
    let election_valid = match (election.ballots_issued, election.ballots_returned) {
        (Some(issued), Some(returned)) => Some(returned <= issued),
        _ => None,
    };
    let valid_ballots = election
        .ballots_returned
        .map(|r| r.saturating_sub(election.ballots_invalid.unwrap_or(0)));
    let counts = meeting_valid && election_valid != Some(false);
    let (results, revote_seats, unfilled) = rank(election, base, counts);
    let mut outcome = ElectionOutcome {
        body,
        meeting_valid,
        base,
        present,
        needed: base / 2 + 1,
        valid_ballots,
        election_valid,
        results,
        revote_seats,
        unfilled,
        warnings: Vec::new(),
    };
    outcome.warnings = warnings(meeting, election, members, &outcome);
    Some(outcome)
}

/// Each candidate's outcome, the seats tied candidates are voted on again
/// for, and the seats left for 另行选举.
fn rank(election: &Election, base: usize, counts: bool) -> (Vec<CandidateResult>, u32, u32) {
    let mut qualified: Vec<&Candidate> = election
        .candidates
        .iter()
        .filter(|c| counts && more_than_half(c.votes as usize, base))
        .collect();
    qualified.sort_by_key(|c| std::cmp::Reverse(c.votes));
    let seats = election.seats.map_or(qualified.len(), |s| s as usize);
    let (elected, tied): (Vec<&str>, Vec<&str>) = if qualified.len() <= seats {
        (
            qualified.iter().map(|c| c.id.as_str()).collect(),
            Vec::new(),
        )
    } else {
        // More qualify than there are seats: the last seat's votes decide,
        // and everyone with exactly them is tied unless all fit.
        let last = qualified[seats.saturating_sub(1)].votes;
        let above: Vec<&str> = qualified
            .iter()
            .filter(|c| c.votes > last)
            .map(|c| c.id.as_str())
            .collect();
        let at: Vec<&str> = qualified
            .iter()
            .filter(|c| c.votes == last)
            .map(|c| c.id.as_str())
            .collect();
        if seats == 0 {
            (Vec::new(), Vec::new())
        } else if above.len() + at.len() <= seats {
            ([above, at].concat(), Vec::new())
        } else {
            (above, at)
        }
    };
    let revote_seats = if tied.is_empty() {
        0
    } else {
        seats.saturating_sub(elected.len())
    };
    let wanted = election.seats.map_or(0, |s| s as usize);
    let unfilled = if counts {
        wanted.saturating_sub(elected.len() + revote_seats)
    } else {
        0
    };
    let results = election
        .candidates
        .iter()
        .map(|c| CandidateResult {
            candidate: c.clone(),
            outcome: if elected.contains(&c.id.as_str()) {
                Outcome::Elected
            } else if tied.contains(&c.id.as_str()) {
                Outcome::Tied
            } else {
                Outcome::NotElected
            },
        })
        .collect();
    (
        results,
        u32::try_from(revote_seats).unwrap_or(0),
        u32::try_from(unfilled).unwrap_or(0),
    )
}

fn warnings(
    meeting: &Meeting,
    election: &Election,
    members: &[Member],
    outcome: &ElectionOutcome,
) -> Vec<String> {
    let mut out = Vec::new();
    let seats = election.seats.filter(|s| *s > 0);
    if seats.is_none() {
        out.push("请填写应选人数".to_string());
    }
    match (election.ballots_issued, election.ballots_returned) {
        (Some(issued), _) if issued as usize > outcome.present => out.push(format!(
            "发出选票 {issued} 张，多于到会的{} {} 人，请核对",
            match outcome.body {
                Body::Assembly => "有选举权党员",
                Body::Committee => "支部委员",
            },
            outcome.present
        )),
        (Some(_), Some(_)) => {}
        _ => out.push("请填写发出选票和收回选票数，以确定选举是否有效".to_string()),
    }
    if let (Some(returned), Some(invalid)) = (election.ballots_returned, election.ballots_invalid) {
        if invalid > returned {
            out.push(format!(
                "无效票 {invalid} 张，多于收回选票 {returned} 张，请核对"
            ));
        }
    }
    if let Some(valid) = outcome.valid_ballots {
        for c in election.candidates.iter().filter(|c| c.votes > valid) {
            out.push(format!(
                "{}得票 {} 票，多于有效选票 {valid} 张，请核对",
                c.name, c.votes
            ));
        }
        if let Some(seats) = seats {
            let total: u64 = election.candidates.iter().map(|c| u64::from(c.votes)).sum();
            if total > u64::from(valid) * u64::from(seats) {
                out.push(format!(
                    "得票合计 {total} 票，超过有效选票 {valid} 张 × 应选 {seats} 名，请核对（每张选票所选人数多于应选人数的为无效票）"
                ));
            }
        }
    }
    if let Some(seats) = seats {
        let candidates = election.candidates.len();
        if candidates < seats as usize {
            out.push(format!("候选人 {candidates} 名，少于应选人数 {seats} 名"));
        } else if election.office == Office::CommitteeMember && !election.by_election {
            let needed = (seats as usize).div_ceil(5);
            let margin = candidates - seats as usize;
            if margin < needed {
                out.push(format!(
                    "委员候选人的差额应不少于应选人数的20%（《中国共产党基层组织选举工作条例》第十三条），应选 {seats} 名至少差额 {needed} 名，本次差额 {margin} 名"
                ));
            }
        }
    }
    let date = meeting.effective_date();
    let mut seen: Vec<&str> = Vec::new();
    for c in &election.candidates {
        let Some(id) = c.member_id.as_deref() else {
            out.push(format!(
                "候选人“{}”不是从名册中选择的，无法核对其被选举权",
                c.name
            ));
            continue;
        };
        if seen.contains(&id) {
            out.push(format!("{}重复列为候选人", c.name));
        }
        seen.push(id);
        if let Some(member) = members.iter().find(|m| m.id == id) {
            if let Some(problem) = eligibility(member, date) {
                out.push(format!("{}{problem}", member.name));
            }
        }
    }
    for id in &election.scrutineers {
        if election
            .candidates
            .iter()
            .any(|c| c.member_id.as_deref() == Some(id))
        {
            let name = members
                .iter()
                .find(|m| &m.id == id)
                .map_or("", |m| m.name.as_str());
            out.push(format!(
                "监票人{name}是候选人：监票人应从不是候选人的党员中推选"
            ));
        }
    }
    out
}

/// Why a member could not stand on `date` (被选举权), if they could not:
/// 预备党员, 留党察看, 中止 (2020 条例 §5), or not in the branch that day.
pub fn eligibility(member: &Member, date: Option<NaiveDate>) -> Option<&'static str> {
    if !was_active_on(member, date) {
        Some("在选举当日不在本支部党员名册中")
    } else if member.standing_on(date) != crate::domain::Standing::Full {
        Some("是预备党员，没有被选举权")
    } else if member.on_probation(date) {
        Some("在留党察看期间，没有被选举权")
    } else if member.suspended_on(date) {
        Some("的被选举权已被中止")
    } else {
        None
    }
}

/// The members who may stand at `meeting`, for the candidate picker: in the
/// branch that day, with 被选举权; at a 支委会, its 委员.
pub fn eligible_candidates<'a>(
    branch: &Branch,
    meeting: &Meeting,
    members: &'a [Member],
) -> Vec<&'a Member> {
    let date = meeting.effective_date();
    let committee = Body::of(meeting) == Some(Body::Committee);
    crate::domain::roster::display_order(branch, members)
        .into_iter()
        .filter(|m| eligibility(m, date).is_none())
        .filter(|m| !committee || m.committee_on(date))
        .collect()
}

/// The next ballot after a tie at the last seat (就票数相等的被选举人再次
/// 投票) or too few elected (对不足的名额另行选举): the same office, the
/// tied or not elected candidates, the seats still open; `None` when every
/// seat is filled.
pub fn next_ballot(election: &Election, outcome: &ElectionOutcome, id: &str) -> Option<Election> {
    let (candidates, seats): (Vec<&Candidate>, u32) = if outcome.revote_seats > 0 {
        (outcome.tied(), outcome.revote_seats)
    } else if outcome.unfilled > 0 {
        (
            outcome
                .results
                .iter()
                .filter(|r| r.outcome == Outcome::NotElected)
                .map(|r| &r.candidate)
                .collect(),
            outcome.unfilled,
        )
    } else {
        return None;
    };
    Some(Election {
        id: id.to_string(),
        office: election.office,
        by_election: election.by_election,
        seats: Some(seats),
        candidates: candidates
            .into_iter()
            .enumerate()
            .map(|(i, c)| Candidate {
                id: format!("{id}-c{}", i + 1),
                votes: 0,
                ..c.clone()
            })
            .collect(),
        scrutineers: election.scrutineers.clone(),
        tellers: election.tellers.clone(),
        ..Election::default()
    })
}

/// What an election still needs after the meeting: its result reported
/// (委员 备案, 书记、副书记 批准) and, for a 书记 or 副书记, approved.
pub fn follow_up(election: &Election, outcome: &ElectionOutcome) -> Option<String> {
    if outcome.elected().is_empty() {
        return None;
    }
    match (
        election.reported_on,
        election.approved_on,
        election.office.needs_approval(),
    ) {
        (None, _, _) => Some(format!("选举结果尚未{}", election.office.report())),
        (Some(_), None, true) => Some("已报上级党组织，尚待批复".to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meeting::MeetingKind::*;
    use crate::domain::meeting::Presence;
    use crate::domain::roster::Probation;
    use crate::domain::rules::fixtures::*;

    fn candidate(id: &str, votes: u32) -> Candidate {
        Candidate {
            id: id.into(),
            member_id: Some(id.into()),
            name: format!("党员{id}"),
            votes,
        }
    }

    /// A 党员大会 of `due` voters with the first `present` there, electing
    /// `seats` from `candidates` on ballots all returned.
    fn election_at(
        due: usize,
        present: usize,
        seats: u32,
        candidates: Vec<Candidate>,
    ) -> (Meeting, Vec<Member>) {
        let members = full_members("p", due);
        let mut m = assembly_with(&members, present);
        let n = u32::try_from(present).unwrap();
        m.elections = vec![Election {
            id: "e1".into(),
            seats: Some(seats),
            ballots_issued: Some(n),
            ballots_returned: Some(n),
            ballots_invalid: Some(0),
            candidates,
            ..Election::default()
        }];
        (m, members)
    }

    fn outcomes(m: &Meeting, members: &[Member]) -> Vec<(String, Outcome)> {
        evaluate_election(m, &m.elections[0], members)
            .unwrap()
            .results
            .into_iter()
            .map(|r| (r.candidate.id, r.outcome))
            .collect()
    }

    fn outcome_of(m: &Meeting, members: &[Member], id: &str) -> Outcome {
        outcomes(m, members)
            .into_iter()
            .find(|(c, _)| c == id)
            .unwrap()
            .1
    }

    #[test]
    fn a_candidate_is_elected_with_more_than_half_of_the_voters_due_not_of_those_present() {
        // 25 due, 20 present: 11 votes is more than half of those present
        // but not of those due; 13 is needed.
        let (m, members) = election_at(
            25,
            20,
            3,
            vec![
                candidate("p1", 11),
                candidate("p2", 12),
                candidate("p3", 13),
                candidate("p4", 20),
            ],
        );
        assert_eq!(outcome_of(&m, &members, "p1"), Outcome::NotElected);
        assert_eq!(
            outcome_of(&m, &members, "p2"),
            Outcome::NotElected,
            "12 of 25 is not more than half"
        );
        assert_eq!(outcome_of(&m, &members, "p3"), Outcome::Elected);
        let outcome = evaluate_election(&m, &m.elections[0], &members).unwrap();
        assert_eq!(
            (outcome.base, outcome.needed, outcome.unfilled),
            (25, 13, 1)
        );
        assert_eq!(
            outcome.threshold_sentence(),
            "应到会有选举权党员 25 人，得赞成票超过其半数即至少 13 票始得当选"
        );
    }

    #[test]
    fn result_lines_are_clean_only_when_someone_is_elected_with_nothing_to_check() {
        let (m, members) = election_at(10, 10, 1, vec![candidate("p1", 6), candidate("p2", 3)]);
        let lines = evaluate_election(&m, &m.elections[0], &members)
            .unwrap()
            .result_lines(&m.elections[0]);
        assert_eq!(
            lines,
            ResultLines {
                result: "党员p1当选为党支部委员会委员".into(),
                clean: true,
                warnings: vec![],
            }
        );
        let (m, members) = election_at(10, 10, 1, vec![candidate("p1", 5), candidate("p2", 4)]);
        let lines = evaluate_election(&m, &m.elections[0], &members)
            .unwrap()
            .result_lines(&m.elections[0]);
        assert!(!lines.clean, "nobody elected is not a success");
        assert!(lines.result.contains("另行选举"), "{}", lines.result);
    }

    #[test]
    fn the_vote_base_leaves_out_only_members_excluded_by_a_recorded_decision() {
        use crate::domain::meeting::Exclusion;
        let (mut m, members) = election_at(10, 8, 1, vec![candidate("p1", 5), candidate("p2", 3)]);
        assert_eq!(
            outcome_of(&m, &members, "p1"),
            Outcome::NotElected,
            "5 of 10"
        );
        m.excluded.push(Exclusion {
            member_id: "p10".into(),
            reason: "被依法留置".into(),
        });
        assert_eq!(outcome_of(&m, &members, "p1"), Outcome::Elected, "5 of 9");
    }

    #[test]
    fn a_tie_at_the_last_seat_is_voted_on_again_never_settled_by_entry_order() {
        let (m, members) = election_at(
            10,
            10,
            2,
            vec![
                candidate("p1", 9),
                candidate("p2", 7),
                candidate("p3", 7),
                candidate("p4", 2),
            ],
        );
        assert_eq!(
            outcomes(&m, &members),
            [
                ("p1".to_string(), Outcome::Elected),
                ("p2".to_string(), Outcome::Tied),
                ("p3".to_string(), Outcome::Tied),
                ("p4".to_string(), Outcome::NotElected),
            ]
        );
        let e = &m.elections[0];
        let outcome = evaluate_election(&m, e, &members).unwrap();
        assert_eq!(outcome.revote_seats, 1);
        assert_eq!(
            outcome.result_sentence(e),
            "党员p1当选为党支部委员会委员；党员p2、党员p3得票相等（各 7 票），须就票数相等的被选举人再次投票，得票多的当选"
        );
        let again = next_ballot(e, &outcome, "e2").unwrap();
        assert_eq!(again.seats, Some(1));
        let names: Vec<&str> = again.candidates.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["党员p2", "党员p3"]);
        assert!(again.candidates.iter().all(|c| c.votes == 0));
        // A tie that all fit in the seats is no tie.
        let (m, members) = election_at(
            10,
            10,
            3,
            vec![candidate("p1", 9), candidate("p2", 7), candidate("p3", 7)],
        );
        assert!(outcomes(&m, &members)
            .iter()
            .all(|(_, o)| *o == Outcome::Elected));
    }

    #[test]
    fn too_few_elected_leaves_the_rest_of_the_seats_for_another_ballot() {
        let (m, members) = election_at(
            10,
            10,
            2,
            vec![candidate("p1", 9), candidate("p2", 5), candidate("p3", 4)],
        );
        let e = &m.elections[0];
        let outcome = evaluate_election(&m, e, &members).unwrap();
        assert_eq!(outcome.unfilled, 1);
        assert!(outcome
            .result_sentence(e)
            .contains("尚缺 1 名，对不足的名额另行选举"));
        let again = next_ballot(e, &outcome, "e2").unwrap();
        assert_eq!((again.seats, again.candidates.len()), (Some(1), 2));
    }

    #[test]
    fn the_meeting_is_valid_at_four_fifths_and_the_election_when_no_more_ballots_come_back_than_went_out(
    ) {
        let (mut m, members) = election_at(10, 8, 1, vec![candidate("p1", 8), candidate("p2", 0)]);
        let e = m.elections[0].clone();
        let outcome = evaluate_election(&m, &e, &members).unwrap();
        assert!(outcome.meeting_valid && outcome.election_valid == Some(true));
        assert_eq!(
            outcome.ballot_sentence(&e),
            "发出选票 8 张，收回 8 张，其中有效票 8 张、无效票 0 张，收回的选票等于发出的选票，选举有效"
        );
        m.elections[0].ballots_returned = Some(9);
        let e = m.elections[0].clone();
        let outcome = evaluate_election(&m, &e, &members).unwrap();
        assert_eq!(outcome.election_valid, Some(false));
        assert!(
            outcome.elected().is_empty(),
            "nobody is elected by an invalid election"
        );
        assert_eq!(
            outcome.result_sentence(&e),
            "收回的选票多于发出的选票，选举无效，应重新进行选举"
        );
        // Seven of ten present: the meeting itself is not valid.
        let (m, members) = election_at(10, 7, 1, vec![candidate("p1", 7)]);
        let outcome = evaluate_election(&m, &m.elections[0], &members).unwrap();
        assert!(!outcome.meeting_valid);
        assert!(outcome.elected().is_empty());
    }

    #[test]
    fn a_ballot_may_not_choose_more_than_the_seats() {
        let (mut m, members) = election_at(
            10,
            10,
            2,
            vec![candidate("p1", 10), candidate("p2", 9), candidate("p3", 1)],
        );
        m.elections[0].ballots_invalid = Some(0);
        let outcome = evaluate_election(&m, &m.elections[0], &members).unwrap();
        assert!(
            outcome.warnings.iter().all(|w| !w.contains("得票合计")),
            "20 of 10 × 2"
        );
        m.elections[0].ballots_invalid = Some(1);
        let outcome = evaluate_election(&m, &m.elections[0], &members).unwrap();
        assert!(outcome
            .warnings
            .iter()
            .any(|w| w.contains("得票合计 20 票，超过有效选票 9 张 × 应选 2 名")));
        assert!(outcome
            .warnings
            .iter()
            .any(|w| w.contains("党员p1得票 10 票，多于有效选票 9 张")));
    }

    #[test]
    fn committee_candidates_need_a_margin_of_a_fifth_of_the_seats() {
        let five = |n: usize| {
            (1..=n)
                .map(|i| candidate(&format!("p{i}"), 0))
                .collect::<Vec<_>>()
        };
        let (m, members) = election_at(10, 10, 5, five(5));
        let e = &m.elections[0];
        let margin = |m: &Meeting| {
            evaluate_election(m, &m.elections[0], &members)
                .unwrap()
                .warnings
                .into_iter()
                .any(|w| w.contains("差额应不少于应选人数的20%"))
        };
        assert!(margin(&m));
        assert_eq!(
            margin_sentence(e).unwrap(),
            "候选人 5 名，应选 5 名，等额选举"
        );
        let (m, _) = election_at(10, 10, 5, five(6));
        assert!(!margin(&m));
        assert_eq!(
            margin_sentence(&m.elections[0]).unwrap(),
            "候选人 6 名，应选 5 名，差额 1 名（20%）"
        );
        // A 补选 and a 书记 may be 等额.
        let (mut m, _) = election_at(10, 10, 5, five(5));
        m.elections[0].by_election = true;
        assert!(!margin(&m));
    }

    #[test]
    fn a_probationary_member_or_one_under_probation_cannot_stand() {
        let (m, mut members) = election_at(10, 10, 1, vec![candidate("p1", 9), candidate("p2", 1)]);
        members[0].standing = crate::domain::Standing::Probationary;
        members[1].probation = Some(Probation {
            from: day(2026, 3, 10),
            until: None,
        });
        let warnings = evaluate_election(&m, &m.elections[0], &members)
            .unwrap()
            .warnings;
        assert!(warnings
            .iter()
            .any(|w| w == "党员p1是预备党员，没有被选举权"));
        assert!(warnings
            .iter()
            .any(|w| w == "党员p2在留党察看期间，没有被选举权"));
        let offered: Vec<&str> = eligible_candidates(&Branch::default(), &m, &members)
            .iter()
            .map(|m| m.id.as_str())
            .collect();
        assert!(!offered.contains(&"p1") && !offered.contains(&"p2"));
        assert_eq!(offered.len(), 8);
    }

    #[test]
    fn a_scrutineer_is_not_a_candidate() {
        let (mut m, members) = election_at(10, 10, 1, vec![candidate("p1", 9), candidate("p2", 1)]);
        m.elections[0].scrutineers = vec!["p2".into(), "p5".into()];
        let warnings = evaluate_election(&m, &m.elections[0], &members)
            .unwrap()
            .warnings;
        assert_eq!(
            warnings
                .iter()
                .filter(|w| w.starts_with("监票人"))
                .collect::<Vec<_>>(),
            ["监票人党员p2是候选人：监票人应从不是候选人的党员中推选"]
        );
    }

    #[test]
    fn the_committee_elects_its_secretary_on_the_committee_due_and_reports_for_approval() {
        let mut members: Vec<Member> = (1..=5).map(|i| committee(&format!("c{i}"))).collect();
        members.extend(full_members("p", 10));
        let mut m = held("m1", CommitteeMeeting, day(2026, 3, 12));
        for id in ["c1", "c2", "c3", "c4", "c5"] {
            mark(&mut m, id, Presence::Present);
        }
        let mut e = Election {
            id: "e1".into(),
            office: Office::Secretary,
            seats: Some(1),
            ballots_issued: Some(5),
            ballots_returned: Some(5),
            candidates: vec![Candidate {
                id: "x".into(),
                member_id: Some("c1".into()),
                name: "党员c1".into(),
                votes: 3,
            }],
            ..Election::default()
        };
        m.elections = vec![e.clone()];
        let outcome = evaluate_election(&m, &e, &members).unwrap();
        assert_eq!(
            (outcome.body, outcome.base, outcome.needed),
            (Body::Committee, 5, 3)
        );
        assert_eq!(outcome.elected().len(), 1);
        assert_eq!(outcome.result_sentence(&e), "党员c1当选为党支部书记");
        assert_eq!(
            follow_up(&e, &outcome).unwrap(),
            "选举结果尚未报上级党组织批准"
        );
        e.reported_on = Some(day(2026, 3, 13));
        assert_eq!(follow_up(&e, &outcome).unwrap(), "已报上级党组织，尚待批复");
        e.approved_on = Some(day(2026, 3, 20));
        assert_eq!(follow_up(&e, &outcome), None);
        assert_eq!(
            Office::elected_by(Body::Committee, true),
            [Office::Secretary, Office::DeputySecretary]
        );
        assert_eq!(
            Office::elected_by(Body::Assembly, true),
            [Office::CommitteeMember]
        );
    }
}
