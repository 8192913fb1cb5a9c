//! What the 融合 printouts say, as plain pages of fields, one table and
//! text blocks: 年度重点工作清单, 月度推进台账, 党小组月度重点工作及回顾表,
//! 党员公开承诺书, 承诺践诺评诺台账, OPL 一点课 and 晨学记录.

use chrono::Datelike;

use super::group_work::{first_record_month, status};
use super::{GroupMonth, MemberCommitments, StudyForm, TaskStatus};
use crate::domain::roster::{display_order, in_display_order_by_id};
use crate::domain::time::format_chinese_date;
use crate::domain::Document;

/// Which printout, read from its address (`tasks/2026`, `progress/2026-11`,
/// `pledges/2026-m04`, `opl/<id>`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SheetKind {
    Tasks(i32),
    Progress(i32, u32),
    Groups(i32),
    Pledges(i32, Option<String>),
    Ledger(i32),
    Opl(String),
    Morning(i32, u32),
}

fn year_month(arg: &str) -> Option<(i32, u32)> {
    let (y, m) = arg.split_once('-')?;
    let month: u32 = m.parse().ok()?;
    (1..=12)
        .contains(&month)
        .then_some((y.parse().ok()?, month))
}

impl SheetKind {
    pub fn parse(sheet: &str, arg: &str) -> Option<SheetKind> {
        let year = || arg.get(..4)?.parse::<i32>().ok();
        Some(match sheet {
            "tasks" => SheetKind::Tasks(year()?),
            "progress" => {
                let (y, m) = year_month(arg)?;
                SheetKind::Progress(y, m)
            }
            "groups" => SheetKind::Groups(year()?),
            "pledges" => SheetKind::Pledges(
                year()?,
                arg.get(5..).filter(|m| !m.is_empty()).map(str::to_string),
            ),
            "ledger" => SheetKind::Ledger(year()?),
            "opl" => SheetKind::Opl(arg.to_string()),
            "morning" => {
                let (y, m) = year_month(arg)?;
                SheetKind::Morning(y, m)
            }
            _ => return None,
        })
    }

    pub fn title(&self) -> &'static str {
        match self {
            SheetKind::Tasks(_) => "年度重点工作清单",
            SheetKind::Progress(..) => "月度推进台账",
            SheetKind::Groups(_) => "党小组月度重点工作及回顾表",
            SheetKind::Pledges(..) => "党员公开承诺书",
            SheetKind::Ledger(_) => "承诺践诺评诺台账",
            SheetKind::Opl(_) => "OPL一点课",
            SheetKind::Morning(..) => "五分钟晨学记录",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

/// One printed page (a long table runs over several sheets of paper).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// The line under the title: "2026年", "第一党小组 · 2026年".
    pub subtitle: String,
    pub fields: Vec<(&'static str, String)>,
    pub table: Option<Table>,
    pub blocks: Vec<(&'static str, String)>,
    pub signatures: Vec<&'static str>,
}

impl Page {
    pub fn as_text(&self) -> String {
        let mut out = vec![self.subtitle.clone()];
        out.extend(self.fields.iter().map(|(k, v)| format!("{k}：{v}")));
        if let Some(t) = &self.table {
            for row in &t.rows {
                let cells: Vec<String> = t
                    .columns
                    .iter()
                    .zip(row)
                    .filter(|(_, v)| !v.is_empty())
                    .map(|(k, v)| format!("{k}：{v}"))
                    .collect();
                out.push(cells.join("；"));
            }
        }
        out.extend(self.blocks.iter().map(|(k, v)| format!("{k}：{v}")));
        out.retain(|l| !l.is_empty());
        out.join("\n")
    }
}

fn date_text(d: Option<chrono::NaiveDate>) -> String {
    d.map(format_chinese_date).unwrap_or_default()
}

fn owner(doc: &Document, o: &super::TaskOwner) -> String {
    o.name(doc).unwrap_or_default()
}

/// What a meeting's record says of the key tasks: "部署：…（责任主体）",
/// "检查：…：进展", and at a 党小组会 the month's review.
pub fn meeting_lines(doc: &Document, meeting: &crate::domain::Meeting) -> Vec<String> {
    let mut out: Vec<String> = doc
        .tasks
        .iter()
        .filter(|t| t.deployed_in.as_deref() == Some(meeting.id.as_str()))
        .map(|t| format!("部署：{}（{}）", t.title.trim(), owner(doc, &t.owner)))
        .collect();
    for t in doc.tasks.iter().filter(|t| t.checked_in(&meeting.id)) {
        let note = t
            .progress
            .iter()
            .find(|p| p.meeting_id.as_deref() == Some(meeting.id.as_str()))
            .map(|p| p.text.trim().to_string())
            .unwrap_or_default();
        out.push(if note.is_empty() {
            format!("检查：{}", t.title.trim())
        } else {
            format!("检查：{}。{note}", t.title.trim())
        });
    }
    let review = doc.group_months.iter().find(|g| {
        g.review.meeting_id.as_deref() == Some(meeting.id.as_str()) && g.review.is_written()
    });
    if let Some(g) = review {
        let parts: Vec<String> = [
            ("完成情况", &g.review.done),
            ("差距短板", &g.review.gaps),
            ("整改措施", &g.review.fixes),
            ("下月打算", &g.review.next),
        ]
        .iter()
        .filter(|(_, t)| !t.trim().is_empty())
        .map(|(k, t)| format!("{k}：{}", t.trim()))
        .collect();
        out.push(format!("{}月重点工作回顾。{}", g.month, parts.join("；")));
    }
    out
}

/// The pages of a printout; `None` when what it names does not exist.
pub fn pages(doc: &Document, kind: &SheetKind) -> Option<Vec<Page>> {
    Some(match kind {
        SheetKind::Tasks(year) => vec![tasks_page(doc, *year)],
        SheetKind::Progress(year, month) => vec![progress_page(doc, *year, *month)],
        SheetKind::Groups(year) => {
            // A printout knows no today: with no dated record at all, no
            // month of the year is the app's to call 未确定.
            let began = first_record_month(doc).unwrap_or((*year + 1, 1));
            doc.branch
                .groups
                .iter()
                .map(|g| group_page(doc, &g.id, &g.name, *year, began))
                .collect()
        }
        SheetKind::Pledges(year, member) => {
            let mut list: Vec<&MemberCommitments> = doc
                .commitments
                .iter()
                .filter(|c| c.year == *year)
                .filter(|c| member.as_deref().is_none_or(|m| c.member_id == m))
                .filter(|c| c.written().next().is_some())
                .collect();
            in_display_order_by_id(&doc.branch, &doc.members, &mut list, |c| &c.member_id);
            if list.is_empty() && member.is_some() {
                return None;
            }
            list.into_iter().map(|c| pledge_page(doc, c)).collect()
        }
        SheetKind::Ledger(year) => vec![ledger_page(doc, *year)],
        SheetKind::Opl(id) => vec![opl_page(doc, id)?],
        SheetKind::Morning(year, month) => vec![morning_page(doc, *year, *month)],
    })
}

fn tasks_page(doc: &Document, year: i32) -> Page {
    let rows = doc
        .tasks
        .iter()
        .filter(|t| t.year == year)
        .enumerate()
        .map(|(i, t)| {
            let milestones: Vec<String> = t
                .milestones
                .iter()
                .map(|m| {
                    format!("{} {}", date_text(m.date), m.what)
                        .trim()
                        .to_string()
                })
                .collect();
            vec![
                (i + 1).to_string(),
                t.kind.label().to_string(),
                t.category.label().to_string(),
                t.title.clone(),
                t.source.label().to_string(),
                owner(doc, &t.owner),
                t.measures.clone(),
                milestones.join("；"),
                status_text(t),
            ]
        })
        .collect();
    Page {
        subtitle: format!("{year}年"),
        table: Some(Table {
            columns: vec![
                "序号",
                "清单",
                "类别",
                "任务",
                "来源",
                "责任主体",
                "具体举措",
                "时序节点",
                "状态",
            ],
            rows,
        }),
        ..Page::default()
    }
}

fn status_text(t: &super::KeyTask) -> String {
    match (t.status, t.closed_on) {
        (TaskStatus::Closed, Some(d)) => format!("{}销号", format_chinese_date(d)),
        (s, _) => s.label().to_string(),
    }
}

fn progress_page(doc: &Document, year: i32, month: u32) -> Page {
    let rows = doc
        .tasks
        .iter()
        .filter(|t| t.year == year || (t.year < year && t.status.is_open()))
        .filter(|t| {
            t.status.is_open()
                || t.closed_on
                    .is_some_and(|d| d.year() == year && d.month() == month)
        })
        .enumerate()
        .map(|(i, t)| {
            let due: Vec<String> = t
                .milestones
                .iter()
                .filter(|m| {
                    m.date
                        .is_some_and(|d| d.year() == year && d.month() == month)
                })
                .map(|m| m.what.clone())
                .collect();
            let progress: Vec<String> = t
                .progress_in(year, month)
                .filter(|p| !p.text.trim().is_empty())
                .map(|p| p.text.trim().to_string())
                .collect();
            vec![
                (i + 1).to_string(),
                t.title.clone(),
                owner(doc, &t.owner),
                due.join("；"),
                progress.join("；"),
                status_text(t),
            ]
        })
        .collect();
    Page {
        subtitle: format!("{year}年{month}月"),
        table: Some(Table {
            columns: vec!["序号", "任务", "责任主体", "本月节点", "本月进展", "状态"],
            rows,
        }),
        ..Page::default()
    }
}

fn group_page(doc: &Document, group_id: &str, name: &str, year: i32, began: (i32, u32)) -> Page {
    let rows = (1..=12)
        .map(|month| {
            let record = doc.group_month(&GroupMonth::id_for(group_id, year, month));
            let items: Vec<String> = record
                .map(|m| {
                    m.items
                        .iter()
                        .filter(|i| !i.text.trim().is_empty())
                        .map(|i| i.text.trim().to_string())
                        .collect()
                })
                .unwrap_or_default();
            let review = record.map(|m| m.review.clone()).unwrap_or_default();
            // Before the branch used the app, the row is left for paper.
            let state = if (year, month) < began {
                String::new()
            } else {
                status(record, &doc.meetings).label().to_string()
            };
            vec![
                format!("{month}月"),
                items.join("；"),
                review.done,
                review.gaps,
                review.fixes,
                review.next,
                state,
            ]
        })
        .collect();
    Page {
        subtitle: format!("{name} · {year}年"),
        table: Some(Table {
            columns: vec![
                "月份",
                "重点工作",
                "完成情况",
                "差距短板",
                "整改措施",
                "下月打算",
                "状态",
            ],
            rows,
        }),
        signatures: vec!["党小组组长（签字）"],
        ..Page::default()
    }
}

fn pledge_page(doc: &Document, c: &MemberCommitments) -> Page {
    let member = doc.member(&c.member_id);
    let group = member
        .and_then(|m| m.group_id.as_deref())
        .and_then(|g| doc.branch.groups.iter().find(|x| x.id == g))
        .map(|g| g.name.clone())
        .unwrap_or_default();
    Page {
        subtitle: format!("{}年", c.year),
        fields: vec![
            ("姓名", doc.member_name(&c.member_id).to_string()),
            ("党小组", group),
            ("公开日期", date_text(c.published_on)),
        ],
        table: Some(Table {
            columns: vec!["序号", "类别", "承诺内容", "时限"],
            rows: c
                .written()
                .enumerate()
                .map(|(i, p)| {
                    vec![
                        (i + 1).to_string(),
                        p.kind.label().to_string(),
                        p.text.trim().to_string(),
                        p.deadline.clone(),
                    ]
                })
                .collect(),
        }),
        blocks: Vec::new(),
        signatures: vec!["承诺人（签字）"],
    }
}

fn ledger_page(doc: &Document, year: i32) -> Page {
    let mut rows = Vec::new();
    for m in display_order(&doc.branch, &doc.members) {
        let Some(c) = doc.commitments_of(&MemberCommitments::id_for(&m.id, year)) else {
            continue;
        };
        for p in c.written() {
            let notes: Vec<String> = p
                .notes
                .iter()
                .filter(|n| !n.text.trim().is_empty())
                .map(|n| {
                    format!("{} {}", date_text(n.date), n.text.trim())
                        .trim()
                        .to_string()
                })
                .collect();
            let branch = c.branch_rating(&p.id);
            let branch_text = branch
                .map(|r| {
                    let rating = r.rating.map(|f| f.label()).unwrap_or_default();
                    format!("{rating} {}", r.comment).trim().to_string()
                })
                .unwrap_or_default();
            rows.push(vec![
                m.name.clone(),
                p.kind.label().to_string(),
                p.text.trim().to_string(),
                notes.join("；"),
                p.self_rating
                    .map(|f| f.label().to_string())
                    .unwrap_or_default(),
                branch_text,
            ]);
        }
    }
    Page {
        subtitle: format!("{year}年"),
        table: Some(Table {
            columns: vec!["姓名", "类别", "承诺内容", "践诺情况", "自评", "支部评价"],
            rows,
        }),
        ..Page::default()
    }
}

fn opl_page(doc: &Document, id: &str) -> Option<Page> {
    let s = doc.study(id)?;
    let names: Vec<&str> = s.attendees.iter().map(|a| doc.member_name(a)).collect();
    Some(Page {
        subtitle: date_text(s.date),
        fields: vec![
            ("题目", s.title.clone()),
            ("类别", s.category.clone()),
            ("讲师", doc.person_name(&s.speaker)),
            ("日期", date_text(s.date)),
            (
                "时长",
                if s.minutes > 0 {
                    format!("{} 分钟", s.minutes)
                } else {
                    String::new()
                },
            ),
        ],
        table: None,
        blocks: vec![
            ("要点", s.points.clone()),
            (
                "学员",
                format!("{}（共 {} 人）", names.join("、"), s.people()),
            ),
        ],
        signatures: vec!["讲师（签字）"],
    })
}

fn morning_page(doc: &Document, year: i32, month: u32) -> Page {
    let mut list: Vec<_> = doc
        .studies
        .iter()
        .filter(|s| s.form == StudyForm::MorningStudy)
        .filter(|s| {
            s.date
                .is_some_and(|d| d.year() == year && d.month() == month)
        })
        .collect();
    list.sort_by_key(|s| s.date);
    Page {
        subtitle: format!("{year}年{month}月"),
        table: Some(Table {
            columns: vec!["日期", "领学人", "学习内容", "人数", "科室"],
            rows: list
                .into_iter()
                .map(|s| {
                    vec![
                        date_text(s.date),
                        doc.person_name(&s.speaker),
                        s.title.clone(),
                        s.people().to_string(),
                        s.department.clone(),
                    ]
                })
                .collect(),
        }),
        ..Page::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules::fixtures::day;
    use crate::domain::sample::example_document;

    fn text(doc: &Document, kind: SheetKind) -> String {
        pages(doc, &kind)
            .unwrap()
            .iter()
            .map(Page::as_text)
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn addresses_name_the_sheet() {
        assert_eq!(
            SheetKind::parse("tasks", "2026"),
            Some(SheetKind::Tasks(2026))
        );
        assert_eq!(
            SheetKind::parse("progress", "2026-11"),
            Some(SheetKind::Progress(2026, 11))
        );
        assert_eq!(SheetKind::parse("progress", "2026-13"), None);
        assert_eq!(
            SheetKind::parse("pledges", "2026-m04"),
            Some(SheetKind::Pledges(2026, Some("m04".into())))
        );
        assert_eq!(
            SheetKind::parse("pledges", "2026"),
            Some(SheetKind::Pledges(2026, None))
        );
        assert_eq!(SheetKind::parse("nothing", "2026"), None);
    }

    /// A branch that began with a 党小组会 in December 2026.
    fn begun_in_december() -> Document {
        use crate::domain::meeting::MeetingKind;
        use crate::domain::rules::fixtures::{document, held};
        let mut first = held("m1", MeetingKind::GroupMeeting, day(2026, 12, 3));
        first.group_id = Some("g1".into());
        document(&["g1"], Vec::new(), vec![first])
    }

    #[test]
    fn months_before_the_branch_began_are_not_undetermined_on_the_review_sheet() {
        let doc = begun_in_december();
        let status = |year: i32, month: usize| {
            let page = &pages(&doc, &SheetKind::Groups(year)).unwrap()[0];
            page.table.as_ref().unwrap().rows[month - 1][6].clone()
        };
        assert_eq!(status(2026, 11), "", "the month before: left for paper");
        assert_eq!(status(2026, 1), "");
        assert_eq!(status(2026, 12), "未确定", "the month it began");
        assert_eq!(status(2027, 1), "未确定", "the month after");
        let blank = document_without_records();
        assert!(pages(&blank, &SheetKind::Groups(2026)).unwrap()[0]
            .table
            .as_ref()
            .unwrap()
            .rows
            .iter()
            .all(|r| r[6].is_empty()));
    }

    fn document_without_records() -> Document {
        crate::domain::rules::fixtures::document(&["g1"], Vec::new(), Vec::new())
    }

    #[test]
    fn the_example_prints_each_sheet_with_its_key_text() {
        let today = day(2026, 11, 27);
        let doc = example_document(today);
        let tasks = text(&doc, SheetKind::Tasks(2026));
        assert!(tasks.contains("“党建+客户服务”流程优化攻坚"), "{tasks}");
        assert!(tasks.contains("第一党小组"));
        assert!(tasks.contains("销号"));
        let progress = text(&doc, SheetKind::Progress(2026, 10));
        assert!(
            progress.contains("跟踪 4 周，发现 2 个衔接问题并已解决"),
            "{progress}"
        );
        let groups = pages(&doc, &SheetKind::Groups(2026)).unwrap();
        assert_eq!(groups.len(), 3, "one page per 党小组");
        assert_eq!(groups[0].table.as_ref().unwrap().rows.len(), 12);
        assert!(groups[0].as_text().contains("已回顾"));
        let pledges = pages(&doc, &SheetKind::Pledges(2026, None)).unwrap();
        let members_with_pledges = doc.commitments.iter().filter(|c| c.year == 2026).count();
        assert_eq!(members_with_pledges, 25);
        assert_eq!(
            pledges.len(),
            members_with_pledges,
            "one page per member with commitments"
        );
        assert!(pledges.iter().any(|p| p.as_text().contains("姓名：刘洋")));
        assert!(text(&doc, SheetKind::Ledger(2026)).contains("上半年按计划完成"));
        let opl = text(&doc, SheetKind::Opl("st-ex-opl-202601".into()));
        assert!(opl.contains("电子发票查验三步法"), "{opl}");
        assert!(text(&doc, SheetKind::Morning(2026, 10)).contains("学习《党章》第一章"));
        assert_eq!(pages(&doc, &SheetKind::Opl("nope".into())), None);
    }

    #[test]
    fn a_meeting_record_names_the_tasks_it_deployed_and_checked_and_the_groups_review() {
        let doc = example_document(day(2026, 11, 27));
        let january = doc.meeting("mt-ex-202601-zw").unwrap();
        let lines = meeting_lines(&doc, january);
        assert!(
            lines.contains(&"部署：“党建+客户服务”流程优化攻坚（第一党小组）".to_string()),
            "{lines:?}"
        );
        let april = doc.meeting("mt-ex-202604-zw").unwrap();
        let lines = meeting_lines(&doc, april);
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("检查：开展“党员先锋岗”亮身份活动。3 个先锋岗已于 3 月挂牌")),
            "{lines:?}"
        );
        let group = doc.meeting("mt-ex-g1").unwrap();
        let lines = meeting_lines(&doc, group);
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("10月重点工作回顾。完成情况：")),
            "{lines:?}"
        );
        let assembly = doc.meeting("mt-ex-1").unwrap();
        assert!(meeting_lines(&doc, assembly).is_empty());
    }
}
