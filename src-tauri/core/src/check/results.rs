//! Checks of what was recorded of an approved plan, for its results screens
//! and report: an activity whose last planned month has passed and that has
//! no result yet (`results.unrecorded_activity`), and money spent beyond what
//! was approved without a note saying why (`results.overspent`).

use chrono::{Datelike, NaiveDate};

use super::catalogue::{RESULTS_OVERSPENT, RESULTS_UNRECORDED};
use super::helpers::{activity_name, target};
use super::{CheckReport, Found};
use crate::edit::Entity;
use crate::model::Step;
use crate::plan::{Activity, PlanDocument};
use crate::results::{ActivityStatus, Period, PlanResults, planned_in};
use crate::schedule::months_of;
use crate::text::shorten;

/// What was recorded of `doc` checked for `period`, on the day `as_of`.
pub fn check_results(
    doc: &PlanDocument,
    results: &PlanResults,
    period: Period,
    as_of: NaiveDate,
) -> CheckReport {
    let mut found = Found::default();
    unrecorded(doc, results, period, as_of, &mut found);
    overspent(doc, results, &mut found);
    found.report()
}

/// True when the last month `activity` is planned in (the year's end for one
/// of no month) is over on `as_of`.
fn is_over(activity: &Activity, year: i32, as_of: NaiveDate) -> bool {
    let last = months_of(activity, year).last().copied().unwrap_or(12);
    (as_of.year(), as_of.month()) > (year, u32::from(last))
}

fn unrecorded(
    doc: &PlanDocument,
    results: &PlanResults,
    period: Period,
    as_of: NaiveDate,
    found: &mut Found,
) {
    for (i, a) in doc.activities.iter().enumerate() {
        let due = planned_in(a, doc.year, period) && is_over(a, doc.year, as_of);
        if !due || results.status_of(a.id) != ActivityStatus::NotStarted {
            continue;
        }
        let months = months_of(a, doc.year);
        let when = match months.len() {
            0 | 12 => format!("trong năm {}", doc.year),
            _ => {
                let list: Vec<String> = months.iter().map(u8::to_string).collect();
                format!("trong tháng {}/{}", list.join(", "), doc.year)
            }
        };
        found.add(
            &RESULTS_UNRECORDED,
            format!(
                "{} dự kiến thực hiện {when} nhưng chưa được ghi kết quả.",
                activity_name(i, a)
            ),
            target(Step::Activities, Some(Entity::Activity), Some(a.id), None),
        );
    }
}

fn overspent(doc: &PlanDocument, results: &PlanResults, found: &mut Found) {
    for line in &doc.budget_lines {
        let Some(s) = results
            .spending
            .iter()
            .find(|s| s.budget_line_id == line.id)
        else {
            continue;
        };
        let (ceiling, what) = match line.approved {
            Some(approved) => (approved, "số được duyệt"),
            None => (line.amount, "số dự toán"),
        };
        if s.spent <= ceiling || !s.note.trim().is_empty() {
            continue;
        }
        let name = match line.description.trim() {
            "" => "Một dòng kinh phí".to_string(),
            d => format!("Dòng kinh phí “{}”", shorten(d, 90)),
        };
        found.add(
            &RESULTS_OVERSPENT,
            format!(
                "{name} đã chi {}, vượt {what} {}, nhưng chưa ghi lý do.",
                s.spent.display(),
                ceiling.display()
            ),
            target(Step::Budget, Some(Entity::BudgetLine), Some(line.id), None),
        );
    }
}
