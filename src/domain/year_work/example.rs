//! The example branch's year on paper: the plan approved at the year's
//! first 支委会, the summary drafted from the example's records with the
//! secretary's own sections, and the secretary's 述职.

use chrono::{Datelike, Months, NaiveDate};

use super::plan::{approving_meetings, edit_plan};
use super::report::edit_report;
use super::summary::{edit_summary, year_figures};
use crate::domain::Document;

/// The year the example's plan and summary are for: last month's (the
/// example's twelve months end there).
pub fn example_work_year(today: NaiveDate) -> i32 {
    today
        .checked_sub_months(Months::new(1))
        .unwrap_or(today)
        .year()
}

pub fn add_example_year_work(doc: &mut Document, today: NaiveDate) {
    let year = example_work_year(today);
    // The year's first 支委会.
    let approved_in = approving_meetings(doc, year)
        .into_iter()
        .map(|(id, _)| id)
        .rfind(|id| {
            doc.meeting(id)
                .and_then(|m| m.effective_date())
                .is_some_and(|d| d.year() == year)
        });
    edit_plan(doc, year, |p| {
        p.goals = "坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大和二十届历次全会精神，以提升组织力为重点，严格落实“三会一课”等组织生活制度，推动党建工作与业务工作同部署、同推进、同考核，努力建设让党员满意、群众认可的过硬党支部。".into();
        p.fusion = "围绕本单位年度重点业务设立党员先锋岗和党员责任区，每季度在支委会上听取融合项目进展；结合“我为群众办实事”开展志愿服务。".into();
        p.other = "加强支部班子自身建设，支部书记每年至少讲党课1次；按规定收缴党费并按时公示；做好发展党员和预备党员教育考察工作。".into();
        p.approved_in = approved_in.clone();
    });
    if let Some(figures) = year_figures(doc, year, today) {
        let draft = figures.draft();
        edit_summary(doc, year, |s| {
            s.take_draft(&draft, false);
            s.shortcomings = "一是学习教育形式还不够丰富，个别党员参加集中学习不够经常；二是党建与业务融合的成效总结提炼不够。".into();
            s.next_year = "继续落实“三会一课”制度，丰富学习形式，推行“党建+业务”项目化管理，及时总结推广融合经验。".into();
        });
    }
    edit_report(doc, year, today, |r| {
        r.duties = "认真履行党建工作第一责任人职责，带头落实“三会一课”制度，全年主持召开支委会和党员大会，带头讲党课；组织开展主题党日和党员每月一讲，推动重点任务清单化管理。".into();
        r.problems = "抓党建与抓业务统筹还不够，对党员日常教育管理的创新办法不多。".into();
        r.plans = "进一步压实党建责任，加强支部班子建设，推动党建与业务深度融合。".into();
    });
}
