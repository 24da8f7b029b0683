//! When an activity happens, decided once for the checker, the budget's
//! quarters, the timeline and every export.
//!
//! The rule: an activity takes place in the months of the plan's year it
//! names; when it names none, in the months its dates span within the plan's
//! year (from the start date's month to the end date's, the end counting as
//! the start when it is missing or earlier). Dates wholly in another year give
//! no month. A budget line falls in the quarter of the first month of its
//! activity; with no activity or no month it has no quarter ("Chưa xác định
//! thời gian").

use chrono::Datelike;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dates::parse_iso;
use crate::plan::{Activity, PlanDocument};

/// The months of `year`, 1–12 ascending, in which `activity` takes place.
pub fn months_of(activity: &Activity, year: i32) -> Vec<u8> {
    if !activity.months.is_empty() {
        let mut months: Vec<u8> = activity
            .months
            .iter()
            .copied()
            .filter(|m| (1..=12).contains(m))
            .collect();
        months.sort_unstable();
        months.dedup();
        return months;
    }
    let Some(start) = parse_iso(&activity.start_date) else {
        return Vec::new();
    };
    let end = parse_iso(&activity.end_date)
        .filter(|e| *e >= start)
        .unwrap_or(start);
    if start.year() > year || end.year() < year {
        return Vec::new();
    }
    let month = |d: chrono::NaiveDate| u8::try_from(d.month()).unwrap_or(12);
    let first = if start.year() < year { 1 } else { month(start) };
    let last = if end.year() > year { 12 } else { month(end) };
    (first..=last).collect()
}

/// The quarter (0 for Quý I … 3 for Quý IV) in which `activity` first takes
/// place in `year`; `None` without a month.
pub fn quarter_of(activity: &Activity, year: i32) -> Option<usize> {
    months_of(activity, year)
        .first()
        .map(|m| usize::from(m - 1) / 3)
}

/// Months as documents write them: "Tháng 3, 9", "Cả năm" for all twelve,
/// nothing for none.
pub fn months_text(months: &[u8]) -> String {
    match months.len() {
        0 => String::new(),
        12 => "Cả năm".to_string(),
        _ => format!(
            "Tháng {}",
            months
                .iter()
                .map(u8::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// The months of one activity, as the timeline draws them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ActivityMonths {
    #[ts(type = "number")]
    pub id: i64,
    pub months: Vec<u8>,
}

/// The months of every activity of the plan, in the plan's order.
pub fn plan_months(doc: &PlanDocument) -> Vec<ActivityMonths> {
    doc.activities
        .iter()
        .map(|a| ActivityMonths {
            id: a.id,
            months: months_of(a, doc.year),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn activity(months: &[u8], start: &str, end: &str) -> Activity {
        Activity {
            id: 1,
            policy_id: None,
            stage: None,
            content: String::new(),
            channel_id: None,
            audience: String::new(),
            lead_unit: String::new(),
            coordinating_units: String::new(),
            months: months.to_vec(),
            start_date: start.into(),
            end_date: end.into(),
            expected_output: String::new(),
            target: String::new(),
        }
    }

    #[test]
    fn months_are_written_as_documents_write_them() {
        assert_eq!(months_text(&[3, 9]), "Tháng 3, 9");
        assert_eq!(months_text(&(1..=12).collect::<Vec<u8>>()), "Cả năm");
        assert_eq!(months_text(&[]), "");
    }

    #[test]
    fn named_months_come_first() {
        let a = activity(&[9, 3, 3], "2027-01-10", "2027-01-20");
        assert_eq!(months_of(&a, 2027), [3, 9]);
        assert_eq!(quarter_of(&a, 2027), Some(0));
    }

    #[test]
    fn dates_give_the_months_they_span_within_the_year() {
        assert_eq!(
            months_of(&activity(&[], "2027-04-10", "2027-06-02"), 2027),
            [4, 5, 6]
        );
        // Starting the year before: from January; ending the year after: to December.
        assert_eq!(
            months_of(&activity(&[], "2026-12-01", "2027-02-10"), 2027),
            [1, 2]
        );
        assert_eq!(
            months_of(&activity(&[], "2027-11-01", "2028-01-31"), 2027),
            [11, 12]
        );
        // No end, or an end before the start: the start's month.
        assert_eq!(months_of(&activity(&[], "2027-08-15", ""), 2027), [8]);
        assert_eq!(
            months_of(&activity(&[], "2027-08-15", "2027-03-01"), 2027),
            [8]
        );
    }

    #[test]
    fn no_month_means_no_quarter() {
        assert!(months_of(&activity(&[], "", ""), 2027).is_empty());
        assert!(months_of(&activity(&[], "2026-03-01", "2026-05-01"), 2027).is_empty());
        assert!(months_of(&activity(&[], "không rõ", ""), 2027).is_empty());
        assert_eq!(quarter_of(&activity(&[], "", ""), 2027), None);
    }

    #[test]
    fn a_quarter_is_that_of_the_first_month_in_the_year() {
        // The start date alone would say Quý IV of the year before.
        assert_eq!(
            quarter_of(&activity(&[], "2026-12-01", "2027-02-10"), 2027),
            Some(0)
        );
        assert_eq!(quarter_of(&activity(&[12], "", ""), 2027), Some(3));
        assert_eq!(quarter_of(&activity(&[], "2027-07-01", ""), 2027), Some(2));
    }
}
