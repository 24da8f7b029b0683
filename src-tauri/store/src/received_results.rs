//! The results a received plan holds: those the approved plan's file it was
//! received from carries (core `PlanFileV2::results`, checked by `parse`
//! against the file's document), the sender's ids moved to the local ones and
//! every record checked again through core's validation against the local
//! document. They are written only while a file is received (the `receiving`
//! mark the schema's `results_closed` triggers ask for), record by record, so
//! that the history (`result_changes`) dates each change as the sender
//! recorded it; `received_plans.results_written_at` keeps when the file they
//! came from was written. A later file of the revision held replaces them
//! when its results differ; an earlier one changes nothing.

use commplan_core::planfile::PlanFileV2;
use commplan_core::results::{self, PlanResults};
use commplan_core::{AppError, Code, Entity};
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::Result;
use crate::error::db_error;
use crate::received::kept_ids;
use crate::results::{
    read, upsert_activity, upsert_objective, upsert_report_texts, upsert_spending,
};

/// Milliseconds since the epoch of an RFC 3339 time (0 for one that is not).
fn instant(at: &str) -> i64 {
    chrono::DateTime::parse_from_rfc3339(at).map_or(0, |t| t.timestamp_millis())
}

/// Each list ordered by its item (reports by period), to compare two sets.
fn sorted(mut r: PlanResults) -> PlanResults {
    r.activities.sort_by_key(|a| a.activity_id);
    r.spending.sort_by_key(|s| s.budget_line_id);
    r.objectives.sort_by_key(|o| o.objective_id);
    r.reports.sort_by_key(|t| t.period.code());
    r
}

/// The results `file` carries (none when it carries none) with the local
/// ids of received plan `plan_id`, each checked against its document.
fn local(conn: &Connection, plan_id: i64, file: &PlanFileV2) -> Result<PlanResults> {
    let given = file.results.clone().unwrap_or_default();
    let ids = kept_ids(conn, plan_id)?;
    let doc = crate::read::load(conn, plan_id)?;
    let to_local = |entity: Entity, remote: i64| {
        ids.get(&(entity, remote)).copied().ok_or_else(|| {
            AppError::internal(format!(
                "Kết quả thực hiện trong tệp ghi cho {} không có trong hồ sơ đã nhận.",
                entity.def().noun
            ))
        })
    };
    let mut out = PlanResults {
        reports: given
            .reports
            .iter()
            .map(results::report_texts)
            .collect::<Result<_>>()?,
        ..PlanResults::default()
    };
    for mut r in given.activities {
        r.activity_id = to_local(Entity::Activity, r.activity_id)?;
        out.activities.push(results::activity_result(&doc, &r)?);
    }
    for mut s in given.spending {
        s.budget_line_id = to_local(Entity::BudgetLine, s.budget_line_id)?;
        out.spending.push(results::line_spending(&doc, &s)?);
    }
    for mut o in given.objectives {
        o.objective_id = to_local(Entity::Objective, o.objective_id)?;
        out.objectives.push(results::objective_result(&doc, &o)?);
    }
    Ok(out)
}

/// When the file whose results received plan `plan_id` holds was written.
fn held_since(conn: &Connection, plan_id: i64) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT results_written_at FROM received_plans WHERE plan_id = ?1",
            [plan_id],
            |r| r.get(0),
        )
        .optional()
        .map_err(db_error)?
        .flatten())
}

/// True when `file`, of the revision received plan `plan_id` holds already,
/// carries newer results: it carries the approval, was written later than
/// the file whose results are held, and its results differ from them.
pub(crate) fn newer(conn: &Connection, plan_id: i64, file: &PlanFileV2) -> Result<bool> {
    if file.decision.is_none() {
        return Ok(false);
    }
    if held_since(conn, plan_id)?.is_some_and(|at| instant(&at) >= instant(&file.written_at)) {
        return Ok(false);
    }
    Ok(sorted(local(conn, plan_id, file)?) != sorted(read(conn, plan_id)?))
}

/// The ids of `items` as a JSON array, for `json_each`.
fn id_list<T>(items: &[T], id: impl Fn(&T) -> i64) -> String {
    serde_json::Value::from(items.iter().map(id).collect::<Vec<_>>()).to_string()
}

/// Replaces the results received plan `plan_id` holds with those `file`
/// carries (none when it carries none), in the caller's transaction, while
/// the plan is marked `receiving`: a record the file no longer has is
/// deleted, one that changed is written with the sender's time.
pub(crate) fn replace(tx: &Transaction<'_>, plan_id: i64, file: &PlanFileV2) -> Result<()> {
    let new = local(tx, plan_id, file)?;
    let held = read(tx, plan_id)?;
    let gone = [
        (
            "activity_results",
            "activity_id",
            id_list(&new.activities, |r| r.activity_id),
        ),
        (
            "line_spending",
            "budget_line_id",
            id_list(&new.spending, |s| s.budget_line_id),
        ),
        (
            "objective_results",
            "objective_id",
            id_list(&new.objectives, |o| o.objective_id),
        ),
    ];
    for (table, key, kept) in gone {
        tx.execute(
            &format!(
                "DELETE FROM {table} WHERE plan_id = ?1
                  AND {key} NOT IN (SELECT value FROM json_each(?2))"
            ),
            params![plan_id, kept],
        )
        .map_err(db_error)?;
    }
    let periods: Vec<&str> = new.reports.iter().map(|t| t.period.code()).collect();
    tx.execute(
        "DELETE FROM report_texts WHERE plan_id = ?1
          AND period NOT IN (SELECT value FROM json_each(?2))",
        params![plan_id, serde_json::Value::from(periods).to_string()],
    )
    .map_err(db_error)?;
    write_changed(tx, plan_id, &new, &held, &file.written_at)?;
    tx.execute(
        "UPDATE received_plans SET results_written_at = ?1 WHERE plan_id = ?2",
        params![file.decision.as_ref().map(|_| &file.written_at), plan_id],
    )
    .map_err(db_error)?;
    Ok(())
}

/// Writes each record of `new` that `held` does not hold as it is, dated as
/// the sender recorded it (a report's texts: when the file was written).
fn write_changed(
    tx: &Transaction<'_>,
    plan_id: i64,
    new: &PlanResults,
    held: &PlanResults,
    written_at: &str,
) -> Result<()> {
    for r in new
        .activities
        .iter()
        .filter(|r| !held.activities.contains(r))
    {
        upsert_activity(tx, plan_id, r, Some(&r.recorded_at))?;
    }
    for s in new.spending.iter().filter(|s| !held.spending.contains(s)) {
        upsert_spending(tx, plan_id, s, Some(&s.recorded_at))?;
    }
    for o in new
        .objectives
        .iter()
        .filter(|o| !held.objectives.contains(o))
    {
        upsert_objective(tx, plan_id, o, Some(&o.recorded_at))?;
    }
    for t in new.reports.iter().filter(|t| !held.reports.contains(t)) {
        upsert_report_texts(tx, plan_id, t, Some(written_at))?;
    }
    Ok(())
}
