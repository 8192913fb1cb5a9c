//! A member's forms across the years, as numbers for a small chart: each
//! rating becomes a score on the branch's scale, higher is better.

use super::settings::rating_score;
use super::standards::AssessmentKind;
use crate::domain::Document;

/// Per year, oldest first, the score of each standard in the order of
/// `standards(kind)`; `None` where no rating was chosen or the rating is no
/// longer on the scale.
pub fn rating_history(
    doc: &Document,
    member_id: &str,
    kind: AssessmentKind,
) -> Vec<(i32, Vec<Option<u8>>)> {
    let scale = doc.branch.assessment.scale();
    let mut years: Vec<(i32, Vec<Option<u8>>)> = doc
        .assessments
        .iter()
        .filter(|f| f.member_id == member_id && f.kind == kind)
        .map(|f| {
            let scores = f
                .ratings()
                .into_iter()
                .map(|r| r.and_then(|r| rating_score(&scale, r)))
                .collect();
            (f.year, scores)
        })
        .collect();
    years.sort_by_key(|(year, _)| *year);
    years
}

/// The top of the chart's axis: the best rating's score.
pub fn max_score(doc: &Document) -> u8 {
    u8::try_from(doc.branch.assessment.scale().len()).unwrap_or(u8::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::form::new_form;
    use crate::domain::rules::fixtures::{document, full_members};

    #[test]
    fn ratings_become_scores_per_year_oldest_first() {
        let mut doc = document(&[], full_members("p", 1), Vec::new());
        let mut y2025 = new_form("f2", "p1", 2025, AssessmentKind::FourQualified);
        y2025.set_rating("political", Some("好"));
        y2025.set_rating("discipline", Some("一般"));
        let mut y2024 = new_form("f1", "p1", 2024, AssessmentKind::FourQualified);
        y2024.set_rating("political", Some("较好"));
        y2024.set_rating("character", Some("已删除的评价"));
        let mut other_kind = new_form("f3", "p1", 2025, AssessmentKind::FiveExcellent);
        other_kind.set_rating("conviction", Some("差"));
        doc.assessments = vec![y2025, y2024, other_kind];
        assert_eq!(
            rating_history(&doc, "p1", AssessmentKind::FourQualified),
            [
                (2024, vec![Some(3), None, None, None]),
                (2025, vec![Some(4), Some(2), None, None]),
            ]
        );
        assert_eq!(
            rating_history(&doc, "p1", AssessmentKind::FiveExcellent),
            [(2025, vec![Some(1), None, None, None, None])]
        );
        assert!(rating_history(&doc, "nobody", AssessmentKind::FourQualified).is_empty());
        assert_eq!(max_score(&doc), 4);
    }
}
