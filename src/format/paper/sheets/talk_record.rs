//! 谈心谈话记录: 谈话人, 谈话对象, 时间, 地点 and what was said, with ruled
//! lines where nothing is written yet.

use chrono::NaiveDate;

use crate::domain::record_sheet::talk_sheet;
use crate::domain::{Document, Talk};
use crate::format::paper::{Paper, Table};

pub fn talk_record(doc: &Document, talk: &Talk, today: NaiveDate) -> Paper {
    let sheet = talk_sheet(doc, talk);
    let mut paper = Paper::new(doc, "谈心谈话记录", today);
    let who = if sheet.talkees.is_empty() {
        String::new()
    } else {
        format!(" {}", sheet.talkees)
    };
    paper.named(talk.date, &format!("谈心谈话记录{who}"));
    paper.share_text = sheet.as_text(&doc.branch.name);
    paper.table(Table::fields([
        ("谈话人", sheet.talker.clone()),
        ("谈话对象", sheet.talkees.clone()),
        ("时间", sheet.when.clone()),
        ("地点", sheet.place.clone()),
        ("谈话主题", sheet.topic.clone()),
    ]));
    for (title, body, lines) in [
        ("谈话主要内容", &sheet.content, 10),
        ("对方意见建议", &sheet.opinions, 4),
        ("需跟进事项", &sheet.follow_up, 3),
    ] {
        paper.heading(title);
        paper.prose(body, lines);
    }
    paper.signatures(&["谈话人（签字）", "谈话对象（签字）"], false);
    paper
}
