//! The edits a recorder makes during and after a meeting, as plain
//! functions on the record, so the screen stays thin and they are tested.

use chrono::{Datelike, NaiveDate, NaiveTime};

use super::attendance::{roll_for, standing_on_the_day};
use super::checklist::{checklist_from, template_for};
use crate::domain::meeting::{
    AbsenceReason, Attendance, Candidate, ChecklistItem, ChecklistTemplate, Election, FollowUp,
    GroupScope, MakeUp, MakeUpWay, Meeting, MeetingKind, MeetingState, PersonRef, Presence,
    RollEntry, Speech, StudyMaterial, Vote,
};
use crate::domain::{Branch, Member};

/// What a member fills in to plan a meeting.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    pub group_id: Option<String>,
    pub date: Option<NaiveDate>,
    pub time: Option<NaiveTime>,
    pub place: String,
    pub theme: String,
}

/// A planned meeting with the checklist of its type (the branch's own
/// template where it has one).
pub fn plan_meeting(
    id: &str,
    kind: MeetingKind,
    plan: Plan,
    templates: &[ChecklistTemplate],
) -> Meeting {
    let checklist = checklist_from(&template_for(templates, &kind), &format!("{id}-c"));
    let group_id = if kind.group_scope() == GroupScope::None {
        None
    } else {
        plan.group_id
    };
    // 民主评议 of the whole branch is done at a 支部党员大会 (《党员教育管理
    // 工作条例》§18: 党支部召开党员大会…组织党员进行评议), so its quorum
    // shows; only 自评、互评 may be held in a 党小组.
    let also = if kind == MeetingKind::DemocraticReview && group_id.is_none() {
        vec![MeetingKind::BranchAssembly]
    } else {
        Vec::new()
    };
    Meeting {
        id: id.to_string(),
        group_id,
        kind,
        state: MeetingState::Planned,
        sequence: None,
        planned_date: plan.date,
        planned_time: plan.time,
        date: None,
        start_time: None,
        end_time: None,
        place: plan.place.trim().to_string(),
        theme: plan.theme.trim().to_string(),
        agenda: Vec::new(),
        host: PersonRef::default(),
        recorder: PersonRef::default(),
        lecturer: PersonRef::default(),
        observers: String::new(),
        checklist,
        attendance: Vec::new(),
        materials: Vec::new(),
        minutes: String::new(),
        speeches: Vec::new(),
        votes: Vec::new(),
        follow_ups: Vec::new(),
        remarks: String::new(),
        sign_in_sheet_kept: false,
        photos_kept: false,
        also,
        for_year: None,
        roll: None,
        excluded: Vec::new(),
        elections: Vec::new(),
    }
}

/// Sets a member's presence. Marking someone present clears the reason and
/// any make-up; marking them away keeps a reason already given.
pub fn mark(meeting: &mut Meeting, member_id: &str, status: Presence) {
    match meeting
        .attendance
        .iter_mut()
        .find(|a| a.member_id == member_id)
    {
        Some(a) => {
            a.status = status;
            if status == Presence::Present {
                a.reason = None;
                a.makeup = None;
            }
        }
        None => meeting.attendance.push(Attendance {
            member_id: member_id.to_string(),
            status,
            reason: None,
            makeup: None,
            reason_note: String::new(),
        }),
    }
}

/// Takes a member's entry away again (a mis-tap on an unmarked member).
pub fn unmark(meeting: &mut Meeting, member_id: &str) {
    meeting.attendance.retain(|a| a.member_id != member_id);
}

/// Sets (or with `None` clears) the reason a member was away; a member
/// marked present has none.
pub fn set_reason(meeting: &mut Meeting, member_id: &str, reason: Option<AbsenceReason>) {
    if let Some(a) = meeting
        .attendance
        .iter_mut()
        .find(|a| a.member_id == member_id)
    {
        if a.status != Presence::Present {
            a.reason = reason;
            if reason != Some(AbsenceReason::Other) {
                a.reason_note.clear();
            }
        }
    }
}

/// The words of an 其他 reason; kept only while the reason is 其他.
pub fn set_reason_note(meeting: &mut Meeting, member_id: &str, note: &str) {
    if let Some(a) = meeting
        .attendance
        .iter_mut()
        .find(|a| a.member_id == member_id && a.reason == Some(AbsenceReason::Other))
    {
        a.reason_note = note.trim().to_string();
    }
}

/// Sets a member's presence, or takes the entry back to 未登记 with
/// `None`. Safe to apply again to a newer copy of the record: it says what
/// the member wants, not what to toggle.
pub fn set_presence(meeting: &mut Meeting, member_id: &str, status: Option<Presence>) {
    match status {
        Some(status) => mark(meeting, member_id, status),
        None => unmark(meeting, member_id),
    }
}

/// What a tap on `chosen` means when `current` is chosen now: tapping the
/// choice already made takes it back, so a mis-tap counts nothing.
pub fn tapped<T: PartialEq>(current: Option<T>, chosen: T) -> Option<T> {
    if current.as_ref() == Some(&chosen) {
        None
    } else {
        Some(chosen)
    }
}

/// Marks everyone due who has no entry yet as present: most people come.
pub fn mark_rest_present<'a>(meeting: &mut Meeting, due_ids: impl IntoIterator<Item = &'a str>) {
    for id in due_ids {
        if !meeting.attendance.iter().any(|a| a.member_id == id) {
            mark(meeting, id, Presence::Present);
        }
    }
}

/// Records that an absent member did their 补学.
pub fn complete_makeup(
    meeting: &mut Meeting,
    member_id: &str,
    on: NaiveDate,
    way: Option<MakeUpWay>,
    note: &str,
) {
    if let Some(a) = meeting
        .attendance
        .iter_mut()
        .find(|a| a.member_id == member_id)
    {
        if a.status != Presence::Present {
            a.makeup = Some(MakeUp {
                done_on: on,
                way,
                note: note.trim().to_string(),
            });
        }
    }
}

pub fn undo_makeup(meeting: &mut Meeting, member_id: &str) {
    if let Some(a) = meeting
        .attendance
        .iter_mut()
        .find(|a| a.member_id == member_id)
    {
        a.makeup = None;
    }
}

/// An item of one of a record's lists, known by its id.
pub trait Identified {
    fn id(&self) -> &str;
}

macro_rules! identified {
    ($($t:ty),*) => { $(impl Identified for $t { fn id(&self) -> &str { &self.id } })* };
}
identified!(
    ChecklistItem,
    StudyMaterial,
    Speech,
    Vote,
    FollowUp,
    Candidate,
    Election
);

/// Adds an item to a list, unless an item with its id is there already (an
/// edit applied again must not add it twice).
pub fn add_item<T: Identified>(list: &mut Vec<T>, item: T) {
    if !list.iter().any(|x| x.id() == item.id()) {
        list.push(item);
    }
}

pub fn remove_item<T: Identified>(list: &mut Vec<T>, id: &str) {
    list.retain(|x| x.id() != id);
}

/// Changes the item with `id`, if it is still there.
pub fn edit_item<T: Identified>(list: &mut [T], id: &str, f: impl FnOnce(&mut T)) {
    if let Some(item) = list.iter_mut().find(|x| x.id() == id) {
        f(item);
    }
}

/// Adds an agenda item (议题) unless the same text is there already.
pub fn add_agenda(meeting: &mut Meeting, text: &str) {
    let text = text.trim();
    if !text.is_empty() && !meeting.agenda.iter().any(|a| a == text) {
        meeting.agenda.push(text.to_string());
    }
}

/// Removes an agenda item by its text, not its position, which may have
/// moved since the member saw it.
pub fn remove_agenda(meeting: &mut Meeting, text: &str) {
    if let Some(i) = meeting.agenda.iter().position(|a| a == text) {
        meeting.agenda.remove(i);
    }
}

/// Marks the meeting as held; its day defaults to the planned day, else
/// today. Who was due, and as what, is fixed now: later changes to the
/// roster never alter the record of a held meeting.
/// The planned day of a meeting being marked held before it: the member is
/// asked first, and the meeting is dated the day it was held.
pub fn held_before_its_day(meeting: &Meeting, today: NaiveDate) -> Option<NaiveDate> {
    meeting
        .date
        .or(meeting.planned_date)
        .filter(|day| *day > today)
}

/// Marks the meeting held: dated its planned day, or today when it was
/// held before it (a held meeting is never dated in the future), with the
/// roll fixed from the roster.
pub fn hold(meeting: &mut Meeting, today: NaiveDate, members: &[Member]) {
    meeting.state = MeetingState::Held;
    if held_before_its_day(meeting, today).is_some() {
        meeting.date = Some(today);
    }
    if meeting.date.is_none() {
        meeting.date = Some(meeting.planned_date.unwrap_or(today));
    }
    if meeting.start_time.is_none() {
        meeting.start_time = meeting.planned_time;
    }
    meeting.roll = Some(roll_for(meeting, members));
}

/// Back to 计划中: the roll is let go and fixed again when it is held.
pub fn reopen_as_planned(meeting: &mut Meeting) {
    meeting.state = MeetingState::Planned;
    meeting.roll = None;
}

/// A held meeting whose day, type or 党小组 is corrected gets the roll of
/// the corrected meeting, from the roster as it stood on its day: who was
/// due is who was in the branch then, as they stood that day. Nothing else
/// ever changes a held meeting's roll. `keep_committee`: the recorder chose
/// to keep who counted as a 支部委员 (see `committee_changes`).
pub fn refreeze_roll(meeting: &mut Meeting, members: &[Member], keep_committee: bool) {
    if meeting.state != MeetingState::Held {
        return;
    }
    let fresh = roll_for(meeting, members);
    let roll = match (&meeting.roll, keep_committee) {
        (Some(old), true) => with_committee_of(meeting, old, fresh, members),
        _ => fresh,
    };
    meeting.roll = Some(roll);
}

/// The names of those whose 支委 seat in a held meeting's record would
/// change if its roll were built again for the meeting as corrected: the
/// recorder is asked before that happens.
pub fn committee_changes(branch: &Branch, corrected: &Meeting, members: &[Member]) -> Vec<String> {
    let Some(old) = corrected
        .roll
        .as_ref()
        .filter(|_| corrected.state == MeetingState::Held)
    else {
        return Vec::new();
    };
    let fresh = roll_for(corrected, members);
    let seat = |roll: &[RollEntry], id: &str| roll.iter().any(|e| e.member_id == id && e.committee);
    crate::domain::roster::display_order(branch, members)
        .into_iter()
        .filter(|m| seat(old, &m.id) != seat(&fresh, &m.id))
        .map(|m| m.name.clone())
        .collect()
}

/// `fresh`, with the committee seats of `old`: at a 支委会 the committee
/// that met stays the one that met.
fn with_committee_of(
    meeting: &Meeting,
    old: &[RollEntry],
    mut fresh: Vec<RollEntry>,
    members: &[Member],
) -> Vec<RollEntry> {
    let seat = |id: &str| old.iter().any(|e| e.member_id == id && e.committee);
    if meeting.kind != MeetingKind::CommitteeMeeting {
        for e in &mut fresh {
            e.committee = seat(&e.member_id);
        }
        return fresh;
    }
    // Everyone in the branch that day, as they stood, of whom those with a
    // seat in the old record are due.
    let whole = Meeting {
        kind: MeetingKind::ThemeDay,
        also: Vec::new(),
        group_id: None,
        ..meeting.clone()
    };
    standing_on_the_day(&whole, members)
        .into_iter()
        .filter(|d| seat(&d.member.id))
        .map(|d| RollEntry {
            member_id: d.member.id.clone(),
            standing: d.standing,
            votes: d.votes,
            committee: true,
            exempt: d.exempt,
        })
        .collect()
}

/// The 所属年度 a yearly item (组织生活会、民主评议) is offered by default:
/// held in January to March, it is usually the year before's.
pub fn default_year_for(date: NaiveDate) -> i32 {
    if date.month() <= 3 {
        date.year() - 1
    } else {
        date.year()
    }
}

/// What the member narrowed the meeting list to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MeetingFilter {
    /// A type's label ("支部党员大会"); empty for every type.
    pub kind: String,
    /// Planned or held only; `None` for both.
    pub state: Option<MeetingState>,
    /// Words to find in the theme, minutes, place, agenda or notes.
    pub query: String,
}

impl MeetingFilter {
    pub fn admits(&self, meeting: &Meeting) -> bool {
        (self.kind.is_empty() || meeting.kind.label() == self.kind)
            && self.state.is_none_or(|s| meeting.state == s)
            && matches_search(meeting, &self.query)
    }
}

/// The text a search matches: theme, minutes, place, agenda and notes.
pub fn matches_search(meeting: &Meeting, query: &str) -> bool {
    let query = query.trim();
    if query.is_empty() {
        return true;
    }
    meeting.theme.contains(query)
        || meeting.minutes.contains(query)
        || meeting.place.contains(query)
        || meeting.remarks.contains(query)
        || meeting.kind.label().contains(query)
        || meeting.agenda.iter().any(|a| a.contains(query))
        || meeting.speeches.iter().any(|s| s.summary.contains(query))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules::fixtures::day;

    fn planned() -> Meeting {
        plan_meeting(
            "mt1",
            MeetingKind::BranchAssembly,
            Plan {
                date: Some(day(2026, 3, 10)),
                theme: "  学习  ".into(),
                ..Plan::default()
            },
            &[],
        )
    }

    #[test]
    fn a_meeting_marked_held_before_its_planned_day_is_asked_about_and_dated_the_day_it_was_held() {
        // Planned for 2026-03-10; marked held the day before, the day, the day after.
        let held_on = |today| {
            let mut m = planned();
            let early = held_before_its_day(&m, today);
            hold(&mut m, today, &[]);
            (early, m.date)
        };
        assert_eq!(
            held_on(day(2026, 3, 9)),
            (Some(day(2026, 3, 10)), Some(day(2026, 3, 9))),
            "the day before: asked, and dated the day it was held"
        );
        assert_eq!(held_on(day(2026, 3, 10)), (None, Some(day(2026, 3, 10))));
        assert_eq!(
            held_on(day(2026, 3, 11)),
            (None, Some(day(2026, 3, 10))),
            "marked late: its day"
        );
    }

    #[test]
    fn a_planned_meeting_gets_its_types_checklist_and_trimmed_text() {
        let m = planned();
        assert!(!m.checklist.is_empty());
        assert_eq!(m.theme, "学习");
        assert_eq!(m.state, MeetingState::Planned);
        assert!(m.checklist.iter().all(|c| c.id.starts_with("mt1-c")));
    }

    #[test]
    fn only_group_meetings_keep_a_group() {
        let plan = Plan {
            group_id: Some("g1".into()),
            ..Plan::default()
        };
        assert_eq!(
            plan_meeting("a", MeetingKind::GroupMeeting, plan.clone(), &[]).group_id,
            Some("g1".into())
        );
        assert_eq!(
            plan_meeting("b", MeetingKind::ThemeDay, plan, &[]).group_id,
            None
        );
    }

    #[test]
    fn marking_present_clears_reason_and_makeup() {
        let mut m = planned();
        mark(&mut m, "p1", Presence::Leave);
        set_reason(&mut m, "p1", Some(AbsenceReason::Illness));
        complete_makeup(
            &mut m,
            "p1",
            day(2026, 3, 12),
            Some(MakeUpWay::SelfStudy),
            "看了录像",
        );
        assert_eq!(
            m.attendance[0].makeup.as_ref().map(|x| x.note.as_str()),
            Some("看了录像")
        );
        mark(&mut m, "p1", Presence::Present);
        assert_eq!(m.attendance.len(), 1);
        assert_eq!(m.attendance[0].reason, None);
        assert_eq!(m.attendance[0].makeup, None);
    }

    #[test]
    fn an_other_reason_keeps_its_words_only_while_it_is_other() {
        let mut m = planned();
        mark(&mut m, "p1", Presence::Leave);
        set_reason_note(&mut m, "p1", "外出培训");
        assert_eq!(m.attendance[0].reason_note, "", "not 其他 yet: no words");
        set_reason(&mut m, "p1", Some(AbsenceReason::Other));
        set_reason_note(&mut m, "p1", " 外出培训 ");
        assert_eq!(m.attendance[0].reason_note, "外出培训");
        let members = crate::domain::rules::fixtures::full_members("p", 1);
        let away = crate::domain::rules::attendance::away_people(&m, &members);
        assert_eq!(
            away[0].describe(),
            format!("{}（请假，外出培训）", members[0].name)
        );
        set_reason(&mut m, "p1", Some(AbsenceReason::Work));
        assert_eq!(m.attendance[0].reason_note, "");
    }

    #[test]
    fn present_members_have_no_reason_or_makeup() {
        let mut m = planned();
        mark(&mut m, "p1", Presence::Present);
        set_reason(&mut m, "p1", Some(AbsenceReason::Work));
        complete_makeup(&mut m, "p1", day(2026, 3, 12), None, "");
        assert_eq!(m.attendance[0].reason, None);
        assert_eq!(m.attendance[0].makeup, None);
    }

    #[test]
    fn a_second_tap_takes_presence_and_reason_back() {
        let mut m = planned();
        let tap = |m: &mut Meeting, p: Presence| {
            let now = m.attendance.first().map(|a| a.status);
            set_presence(m, "p1", tapped(now, p));
        };
        let tap_reason = |m: &mut Meeting, r: AbsenceReason| {
            let now = m.attendance.first().and_then(|a| a.reason);
            set_reason(m, "p1", tapped(now, r));
        };
        tap(&mut m, Presence::Leave);
        tap_reason(&mut m, AbsenceReason::Work);
        assert_eq!(m.attendance[0].reason, Some(AbsenceReason::Work));
        tap_reason(&mut m, AbsenceReason::Work);
        assert_eq!(m.attendance[0].reason, None);
        tap(&mut m, Presence::Absent);
        assert_eq!(m.attendance[0].status, Presence::Absent);
        tap(&mut m, Presence::Absent);
        assert!(m.attendance.is_empty(), "back to 未登记");
    }

    #[test]
    fn setting_a_presence_twice_is_the_same_as_once() {
        let mut once = planned();
        set_presence(&mut once, "p1", Some(Presence::Leave));
        let mut twice = once.clone();
        set_presence(&mut twice, "p1", Some(Presence::Leave));
        assert_eq!(
            once, twice,
            "an edit applied again to a newer copy changes nothing more"
        );
    }

    #[test]
    fn rest_present_leaves_marked_members_alone() {
        let mut m = planned();
        mark(&mut m, "p2", Presence::Absent);
        mark_rest_present(&mut m, ["p1", "p2", "p3"]);
        let statuses: Vec<_> = m
            .attendance
            .iter()
            .map(|a| (a.member_id.as_str(), a.status))
            .collect();
        assert_eq!(
            statuses,
            [
                ("p2", Presence::Absent),
                ("p1", Presence::Present),
                ("p3", Presence::Present)
            ]
        );
    }

    #[test]
    fn list_items_are_added_once_and_edited_and_removed_by_id() {
        let mut m = planned();
        let item = |id: &str| ChecklistItem {
            id: id.into(),
            phase: crate::domain::meeting::Phase::During,
            text: "学习".into(),
            done: false,
        };
        let count = m.checklist.len();
        add_item(&mut m.checklist, item("x"));
        add_item(&mut m.checklist, item("x"));
        assert_eq!(m.checklist.len(), count + 1, "applied again, added once");
        edit_item(&mut m.checklist, "x", |c| c.done = true);
        assert!(m.checklist.iter().any(|c| c.id == "x" && c.done));
        remove_item(&mut m.checklist, "x");
        assert_eq!(m.checklist.len(), count);
        edit_item(&mut m.checklist, "gone", |c| c.done = true);
    }

    #[test]
    fn agenda_items_are_removed_by_text_not_position() {
        let mut m = planned();
        add_agenda(&mut m, " 学习 ");
        add_agenda(&mut m, "讨论");
        add_agenda(&mut m, "讨论");
        assert_eq!(m.agenda, ["学习", "讨论"]);
        // Another page removed the first item meanwhile: removing "讨论"
        // still removes "讨论".
        m.agenda.remove(0);
        remove_agenda(&mut m, "讨论");
        assert!(m.agenda.is_empty());
    }

    #[test]
    fn holding_defaults_to_the_planned_day() {
        let mut m = planned();
        hold(&mut m, day(2026, 3, 20), &[]);
        assert_eq!(m.date, Some(day(2026, 3, 10)));
        let mut unplanned = plan_meeting("x", MeetingKind::ThemeDay, Plan::default(), &[]);
        hold(&mut unplanned, day(2026, 3, 20), &[]);
        assert_eq!(unplanned.date, Some(day(2026, 3, 20)));
    }

    #[test]
    fn a_branch_wide_democratic_review_is_planned_as_a_branch_assembly() {
        let review = plan_meeting("r", MeetingKind::DemocraticReview, Plan::default(), &[]);
        assert_eq!(review.also, [MeetingKind::BranchAssembly]);
        assert!(crate::domain::rules::quorum::quorum(&review, &[]).is_some());
        let in_group = plan_meeting(
            "g",
            MeetingKind::DemocraticReview,
            Plan {
                group_id: Some("g1".into()),
                ..Plan::default()
            },
            &[],
        );
        assert!(in_group.also.is_empty(), "自评、互评 in a 党小组");
    }

    /// The recorder corrects the day a held meeting was held.
    fn redate(m: &mut Meeting, on: NaiveDate, members: &[Member], keep_committee: bool) {
        m.date = Some(on);
        refreeze_roll(m, members, keep_committee);
    }

    #[test]
    fn a_held_meetings_roll_is_rebuilt_from_standing_on_the_corrected_day() {
        use crate::domain::rules::attendance::due;
        use crate::domain::rules::fixtures::{full, probationary};
        use crate::domain::{Role, Standing};
        let mut confirmed = probationary("y");
        confirmed.standing = Standing::Full;
        confirmed.admitted_on = Some(day(2025, 3, 10));
        confirmed.confirmed_on = Some(day(2026, 3, 10));
        let mut chair = full("c");
        chair.roles = vec![Role::Secretary];
        chair.posts_since = Some(day(2026, 3, 1));
        chair.former_posts.push(crate::domain::roster::FormerPost {
            role: Role::CommitteeMember,
            duty: "组织委员".into(),
            from: None,
            until: day(2026, 3, 1),
        });
        let mut newcomer = full("n");
        newcomer.joined_on = Some(day(2026, 3, 5));
        let members = vec![chair, confirmed, newcomer, full("p")];
        let mut m = planned();
        hold(&mut m, day(2026, 3, 20), &members);
        let votes = |m: &Meeting, id: &str| {
            due(m, &members)
                .iter()
                .any(|d| d.member.id == id && d.votes)
        };
        assert!(votes(&m, "y"), "正式 on 3月10日");
        // Entered late, on the wrong day: the meeting was on 3月4日.
        redate(&mut m, day(2026, 3, 4), &members, false);
        assert!(!votes(&m, "y"), "still 预备 on 3月4日");
        assert!(
            due(&m, &members).iter().all(|d| d.member.id != "n"),
            "not yet in the branch"
        );
        assert_eq!(due(&m, &members).len(), 3);
        // The day before and the day of the 转正.
        redate(&mut m, day(2026, 3, 9), &members, false);
        assert!(!votes(&m, "y"));
        redate(&mut m, day(2026, 3, 10), &members, false);
        assert!(votes(&m, "y"));
    }

    #[test]
    fn the_recorder_is_asked_before_a_correction_changes_who_counted_as_a_committee_member() {
        use crate::domain::rules::attendance::due;
        use crate::domain::rules::fixtures::full;
        use crate::domain::Role;
        let mut a = full("a");
        a.name = "甲".into();
        a.roles = vec![Role::CommitteeMember];
        a.posts_since = Some(day(2026, 3, 1));
        let mut b = full("b");
        b.name = "乙".into();
        b.roles = vec![Role::CommitteeMember];
        let members = vec![a, b, full("p")];
        let mut m = plan_meeting("c", MeetingKind::CommitteeMeeting, Plan::default(), &[]);
        hold(&mut m, day(2026, 3, 10), &members);
        assert_eq!(due(&m, &members).len(), 2);
        let mut corrected = m.clone();
        corrected.date = Some(day(2026, 2, 27));
        assert_eq!(
            committee_changes(&Branch::default(), &corrected, &members),
            ["甲"]
        );
        // Kept: the committee that met stays the one that met.
        let mut kept = m.clone();
        redate(&mut kept, day(2026, 2, 27), &members, true);
        assert_eq!(due(&kept, &members).len(), 2);
        // Rebuilt: 甲 was not yet a 委员 on 2月27日.
        redate(&mut m, day(2026, 2, 27), &members, false);
        assert_eq!(due(&m, &members).len(), 1);
        // A correction that changes no seat asks nothing.
        let mut same = m.clone();
        same.date = Some(day(2026, 2, 26));
        assert!(committee_changes(&Branch::default(), &same, &members).is_empty());
    }

    #[test]
    fn search_covers_theme_minutes_and_type() {
        let mut m = planned();
        m.minutes = "讨论了预算".into();
        assert!(matches_search(&m, "预算"));
        assert!(matches_search(&m, "党员大会"));
        assert!(matches_search(&m, " "));
        assert!(!matches_search(&m, "篮球"));
    }
}
