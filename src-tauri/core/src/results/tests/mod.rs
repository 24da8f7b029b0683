//! Tests of a plan's results: what is recorded (`records`), the results
//! report and its checks (`report`), last year's summary (`summary`).

use super::{ActivityResult, ActivityStatus};
use crate::plan::PlanDocument;

mod edits;
mod records;
mod report;
mod summary;

pub(super) fn sample() -> PlanDocument {
    crate::check::tests::sample()
}

/// A result of `status` of activity `activity_id`, nothing else said.
pub(crate) fn recorded(activity_id: i64, status: ActivityStatus) -> ActivityResult {
    ActivityResult::new(activity_id, status)
}

/// Activity `activity_id` done.
pub(super) fn done(activity_id: i64) -> ActivityResult {
    recorded(activity_id, ActivityStatus::Done)
}
