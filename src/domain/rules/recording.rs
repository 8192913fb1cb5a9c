//! The edits a recorder makes during and after a meeting, as plain
//! functions on the record, so the screen stays thin and they are tested.

use chrono::{NaiveDate, NaiveTime};

use super::checklist::{checklist_from, template_for};
use crate::domain::meeting::{
    AbsenceReason, Attendance, ChecklistTemplate, MakeUp, Meeting, MeetingKind, MeetingState,
    PersonRef, Presence,
};

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
    Meeting {
        id: id.to_string(),
        group_id: if kind == MeetingKind::GroupMeeting {
            plan.group_id
        } else {
            None
        },
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
        }),
    }
}

/// Takes a member's entry away again (a mis-tap on an unmarked member).
pub fn unmark(meeting: &mut Meeting, member_id: &str) {
    meeting.attendance.retain(|a| a.member_id != member_id);
}

pub fn set_reason(meeting: &mut Meeting, member_id: &str, reason: AbsenceReason) {
    if let Some(a) = meeting
        .attendance
        .iter_mut()
        .find(|a| a.member_id == member_id)
    {
        if a.status != Presence::Present {
            a.reason = Some(reason);
        }
    }
}

/// Tapping the reason already chosen takes it back.
pub fn toggle_reason(meeting: &mut Meeting, member_id: &str, reason: AbsenceReason) {
    if let Some(a) = meeting
        .attendance
        .iter_mut()
        .find(|a| a.member_id == member_id)
    {
        if a.reason == Some(reason) {
            a.reason = None;
        } else if a.status != Presence::Present {
            a.reason = Some(reason);
        }
    }
}

/// Tapping the presence already chosen takes the entry back to 未登记, so
/// a mis-tap does not count anyone.
pub fn toggle_presence(meeting: &mut Meeting, member_id: &str, status: Presence) {
    let same = meeting
        .attendance
        .iter()
        .any(|a| a.member_id == member_id && a.status == status);
    if same {
        unmark(meeting, member_id);
    } else {
        mark(meeting, member_id, status);
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
pub fn complete_makeup(meeting: &mut Meeting, member_id: &str, on: NaiveDate, note: &str) {
    if let Some(a) = meeting
        .attendance
        .iter_mut()
        .find(|a| a.member_id == member_id)
    {
        if a.status != Presence::Present {
            a.makeup = Some(MakeUp {
                done_on: on,
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

/// Marks the meeting as held; its day defaults to the planned day, else today.
pub fn hold(meeting: &mut Meeting, today: NaiveDate) {
    meeting.state = MeetingState::Held;
    if meeting.date.is_none() {
        meeting.date = Some(meeting.planned_date.unwrap_or(today));
    }
    if meeting.start_time.is_none() {
        meeting.start_time = meeting.planned_time;
    }
}

pub fn reopen_as_planned(meeting: &mut Meeting) {
    meeting.state = MeetingState::Planned;
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
        set_reason(&mut m, "p1", AbsenceReason::Illness);
        complete_makeup(&mut m, "p1", day(2026, 3, 12), "看了录像");
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
    fn present_members_have_no_reason_or_makeup() {
        let mut m = planned();
        mark(&mut m, "p1", Presence::Present);
        set_reason(&mut m, "p1", AbsenceReason::Work);
        complete_makeup(&mut m, "p1", day(2026, 3, 12), "");
        assert_eq!(m.attendance[0].reason, None);
        assert_eq!(m.attendance[0].makeup, None);
    }

    #[test]
    fn a_second_tap_takes_presence_and_reason_back() {
        let mut m = planned();
        toggle_presence(&mut m, "p1", Presence::Leave);
        toggle_reason(&mut m, "p1", AbsenceReason::Work);
        assert_eq!(m.attendance[0].reason, Some(AbsenceReason::Work));
        toggle_reason(&mut m, "p1", AbsenceReason::Work);
        assert_eq!(m.attendance[0].reason, None);
        toggle_presence(&mut m, "p1", Presence::Absent);
        assert_eq!(m.attendance[0].status, Presence::Absent);
        toggle_presence(&mut m, "p1", Presence::Absent);
        assert!(m.attendance.is_empty(), "back to 未登记");
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
    fn holding_defaults_to_the_planned_day() {
        let mut m = planned();
        hold(&mut m, day(2026, 3, 20));
        assert_eq!(m.date, Some(day(2026, 3, 10)));
        let mut unplanned = plan_meeting("x", MeetingKind::ThemeDay, Plan::default(), &[]);
        hold(&mut unplanned, day(2026, 3, 20));
        assert_eq!(unplanned.date, Some(day(2026, 3, 20)));
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
