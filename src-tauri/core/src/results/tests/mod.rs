//! Tests of a plan's results: what is recorded (`records`), the results
//! report and its checks (`report`).

use super::{ActivityResult, ActivityStatus};
use crate::plan::PlanDocument;

mod edits;
mod records;
mod report;

pub(super) fn sample() -> PlanDocument {
    crate::check::tests::sample()
}

/// A result of `status` of activity `activity_id`, nothing else said.
pub(super) fn recorded(activity_id: i64, status: ActivityStatus) -> ActivityResult {
    ActivityResult {
        activity_id,
        status,
        reason: String::new(),
        done_on: String::new(),
        output: String::new(),
        achieved: None,
        achieved_unit: String::new(),
        reach: None,
        note: String::new(),
        recorded_at: String::new(),
    }
}

/// Activity `activity_id` done.
pub(super) fn done(activity_id: i64) -> ActivityResult {
    recorded(activity_id, ActivityStatus::Done)
}
