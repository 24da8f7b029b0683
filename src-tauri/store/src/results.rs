//! What was done of an approved plan, recorded beside it
//! (`migrations/008_results.sql`): each activity's result, each budget
//! line's spending, each objective's actual value and each period's report
//! texts. Not plan content: the review lock does not cover them and recording
//! does not touch the plan (an approved plan's row cannot change). Each write
//! is one immediate transaction through [`Store::write`]: the plan must be
//! this computer's own and approved (core `recording_allowed`, with the
//! schema's `results_closed` behind it), the item of this plan, every value
//! as core validates it. A write that changes nothing writes nothing; any
//! other is dated and kept in the history (`result_changes`, by triggers).

use commplan_core::Code;
use commplan_core::PlanDocument;
use commplan_core::money::Money;
use commplan_core::results::{
    self, ActivityResult, ActivityStatus, LineSpending, ObjectiveResult, Period, PlanResults,
    Record, RecordedChange, ReportTexts, ResultChange, ResultEdit, ResultsView,
};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, Row, Transaction, params};
use serde_json::Value as Json;

use crate::error::db_error;
use crate::read::load;
use crate::review::status_of;
use crate::{Result, Store};

const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

/// The plan's document, when results may be recorded for it.
fn open_for_results(tx: &Transaction<'_>, plan_id: i64) -> Result<PlanDocument> {
    let status = status_of(tx, plan_id)?;
    results::recording_allowed(status, crate::received::is_received(tx, plan_id)?)?;
    load(tx, plan_id)
}

fn rows<T>(
    conn: &Connection,
    sql: &str,
    plan_id: i64,
    map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = conn.prepare_cached(sql).map_err(db_error)?;
    stmt.query_map([plan_id], map)
        .and_then(Iterator::collect)
        .map_err(db_error)
}

fn activity_row(r: &Row<'_>) -> rusqlite::Result<ActivityResult> {
    let status: String = r.get("status")?;
    Ok(ActivityResult {
        activity_id: r.get("activity_id")?,
        // The CHECK constraint admits only known codes.
        status: ActivityStatus::from_code(&status).unwrap_or_default(),
        reason: r.get("reason")?,
        done_on: r.get("done_on")?,
        output: r.get("output")?,
        achieved: r.get("achieved")?,
        achieved_unit: r.get("achieved_unit")?,
        reach: r.get("reach")?,
        note: r.get("note")?,
        recorded_at: r.get("recorded_at")?,
    })
}

fn spending_row(r: &Row<'_>) -> rusqlite::Result<LineSpending> {
    let spent: i64 = r.get("spent")?;
    Ok(LineSpending {
        budget_line_id: r.get("budget_line_id")?,
        // The CHECK constraint keeps it within the range of an amount.
        spent: Money::new(spent).unwrap_or(Money::ZERO),
        note: r.get("note")?,
        recorded_at: r.get("recorded_at")?,
    })
}

fn objective_row(r: &Row<'_>) -> rusqlite::Result<ObjectiveResult> {
    Ok(ObjectiveResult {
        objective_id: r.get("objective_id")?,
        actual: r.get("actual")?,
        note: r.get("note")?,
        recorded_at: r.get("recorded_at")?,
    })
}

fn report_row(r: &Row<'_>) -> rusqlite::Result<ReportTexts> {
    let period: String = r.get("period")?;
    Ok(ReportTexts {
        period: Period::from_code(&period).unwrap_or(Period::Year),
        number: r.get("number")?,
        issue_date: r.get("issue_date")?,
        difficulties: r.get("difficulties")?,
        proposals: r.get("proposals")?,
    })
}

/// Everything recorded of a plan, each list in its plan's order.
pub(crate) fn read(conn: &Connection, plan_id: i64) -> Result<PlanResults> {
    Ok(PlanResults {
        activities: rows(
            conn,
            "SELECT r.* FROM activity_results r JOIN activities a ON a.id = r.activity_id
              WHERE r.plan_id = ?1 ORDER BY a.position, a.id",
            plan_id,
            activity_row,
        )?,
        spending: rows(
            conn,
            "SELECT s.* FROM line_spending s JOIN budget_lines l ON l.id = s.budget_line_id
              WHERE s.plan_id = ?1 ORDER BY l.position, l.id",
            plan_id,
            spending_row,
        )?,
        objectives: rows(
            conn,
            "SELECT r.* FROM objective_results r JOIN objectives o ON o.id = r.objective_id
              WHERE r.plan_id = ?1 ORDER BY o.position, o.id",
            plan_id,
            objective_row,
        )?,
        reports: rows(
            conn,
            "SELECT * FROM report_texts WHERE plan_id = ?1 ORDER BY period = 'year', period",
            plan_id,
            report_row,
        )?,
    })
}

/// A stored value as JSON (the history's old and new values).
fn json_of(value: ValueRef<'_>) -> Json {
    match value {
        ValueRef::Null | ValueRef::Blob(_) => Json::Null,
        ValueRef::Integer(n) => Json::from(n),
        ValueRef::Real(x) => Json::from(x),
        ValueRef::Text(t) => Json::from(String::from_utf8_lossy(t).into_owned()),
    }
}

fn change_row(r: &Row<'_>) -> rusqlite::Result<RecordedChange> {
    let field: Option<String> = r.get("field")?;
    let new = json_of(r.get_ref("new_value")?);
    // A first record keeps the row as a JSON object.
    let new = match (&field, new) {
        (None, Json::String(row)) => serde_json::from_str(&row).unwrap_or(Json::Null),
        (_, new) => new,
    };
    Ok(RecordedChange {
        what: r.get("what")?,
        item_id: r.get("item_id")?,
        period: r.get("period")?,
        field,
        old: json_of(r.get_ref("old_value")?),
        new,
        changed_at: r.get("changed_at")?,
    })
}

/// Writes an activity's checked result (a new row, or the one kept
/// updated), recorded at `at` (the sender's time of a received result) or
/// now; the history's triggers date it alike.
pub(crate) fn upsert_activity(
    tx: &Transaction<'_>,
    plan_id: i64,
    r: &ActivityResult,
    at: Option<&str>,
) -> Result<()> {
    tx.execute(
        &format!(
            "INSERT INTO activity_results (activity_id, plan_id, status, reason, done_on,
                output, achieved, achieved_unit, reach, note, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, coalesce(?11, {NOW}))
             ON CONFLICT (activity_id) DO UPDATE SET status = excluded.status,
                reason = excluded.reason, done_on = excluded.done_on,
                output = excluded.output, achieved = excluded.achieved,
                achieved_unit = excluded.achieved_unit, reach = excluded.reach,
                note = excluded.note, recorded_at = excluded.recorded_at"
        ),
        params![
            r.activity_id,
            plan_id,
            r.status.code(),
            r.reason,
            r.done_on,
            r.output,
            r.achieved,
            r.achieved_unit,
            r.reach,
            r.note,
            at
        ],
    )
    .map_err(db_error)?;
    Ok(())
}

/// Writes a budget line's checked spending, recorded at `at` or now.
pub(crate) fn upsert_spending(
    tx: &Transaction<'_>,
    plan_id: i64,
    s: &LineSpending,
    at: Option<&str>,
) -> Result<()> {
    tx.execute(
        &format!(
            "INSERT INTO line_spending (budget_line_id, plan_id, spent, note, recorded_at)
             VALUES (?1, ?2, ?3, ?4, coalesce(?5, {NOW}))
             ON CONFLICT (budget_line_id) DO UPDATE SET spent = excluded.spent,
                note = excluded.note, recorded_at = excluded.recorded_at"
        ),
        params![s.budget_line_id, plan_id, s.spent.dong(), s.note, at],
    )
    .map_err(db_error)?;
    Ok(())
}

/// Writes an objective's checked actual value, recorded at `at` or now.
pub(crate) fn upsert_objective(
    tx: &Transaction<'_>,
    plan_id: i64,
    o: &ObjectiveResult,
    at: Option<&str>,
) -> Result<()> {
    tx.execute(
        &format!(
            "INSERT INTO objective_results (objective_id, plan_id, actual, note, recorded_at)
             VALUES (?1, ?2, ?3, ?4, coalesce(?5, {NOW}))
             ON CONFLICT (objective_id) DO UPDATE SET actual = excluded.actual,
                note = excluded.note, recorded_at = excluded.recorded_at"
        ),
        params![o.objective_id, plan_id, o.actual, o.note, at],
    )
    .map_err(db_error)?;
    Ok(())
}

/// Writes a period's checked report texts, recorded at `at` or now.
pub(crate) fn upsert_report_texts(
    tx: &Transaction<'_>,
    plan_id: i64,
    t: &ReportTexts,
    at: Option<&str>,
) -> Result<()> {
    tx.execute(
        &format!(
            "INSERT INTO report_texts (plan_id, period, number, issue_date, difficulties,
                proposals, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, coalesce(?7, {NOW}))
             ON CONFLICT (plan_id, period) DO UPDATE SET number = excluded.number,
                issue_date = excluded.issue_date, difficulties = excluded.difficulties,
                proposals = excluded.proposals, recorded_at = excluded.recorded_at"
        ),
        params![
            plan_id,
            t.period.code(),
            t.number,
            t.issue_date,
            t.difficulties,
            t.proposals,
            at
        ],
    )
    .map_err(db_error)?;
    Ok(())
}

/// What was done of one activity, in the caller's transaction.
fn record_activity_in(
    tx: &Transaction<'_>,
    plan_id: i64,
    doc: &PlanDocument,
    result: &ActivityResult,
) -> Result<()> {
    let r = results::activity_result(doc, result)?;
    let same = read(tx, plan_id)?.activities.iter().any(|b| {
        *b == ActivityResult {
            recorded_at: b.recorded_at.clone(),
            ..r.clone()
        }
    });
    if !same {
        upsert_activity(tx, plan_id, &r, None)?;
    }
    Ok(())
}

/// What was spent of one budget line, in the caller's transaction.
fn record_spending_in(
    tx: &Transaction<'_>,
    plan_id: i64,
    doc: &PlanDocument,
    spending: &LineSpending,
) -> Result<()> {
    let s = results::line_spending(doc, spending)?;
    let same = read(tx, plan_id)?
        .spending
        .iter()
        .any(|b| (b.budget_line_id, b.spent, &b.note) == (s.budget_line_id, s.spent, &s.note));
    if !same {
        upsert_spending(tx, plan_id, &s, None)?;
    }
    Ok(())
}

/// An objective's actual value or note, in the caller's transaction.
fn record_objective_in(
    tx: &Transaction<'_>,
    plan_id: i64,
    doc: &PlanDocument,
    result: &ObjectiveResult,
) -> Result<()> {
    let o = results::objective_result(doc, result)?;
    let same = read(tx, plan_id)?
        .objectives
        .iter()
        .any(|b| (b.objective_id, b.actual, &b.note) == (o.objective_id, o.actual, &o.note));
    if !same {
        upsert_objective(tx, plan_id, &o, None)?;
    }
    Ok(())
}

/// A period's report texts, in the caller's transaction.
fn save_report_texts_in(tx: &Transaction<'_>, plan_id: i64, texts: &ReportTexts) -> Result<()> {
    let t = results::report_texts(texts)?;
    let same = read(tx, plan_id)?.reports.contains(&t);
    if !same {
        upsert_report_texts(tx, plan_id, &t, None)?;
    }
    Ok(())
}

/// Records everything of `all` (the sample's year) in the caller's
/// transaction, each record as if made one by one.
pub(crate) fn record_all(tx: &Transaction<'_>, plan_id: i64, all: &PlanResults) -> Result<()> {
    let doc = open_for_results(tx, plan_id)?;
    for r in &all.activities {
        record_activity_in(tx, plan_id, &doc, r)?;
    }
    for s in &all.spending {
        record_spending_in(tx, plan_id, &doc, s)?;
    }
    for o in &all.objectives {
        record_objective_in(tx, plan_id, &doc, o)?;
    }
    for t in &all.reports {
        save_report_texts_in(tx, plan_id, t)?;
    }
    Ok(())
}

impl Store {
    /// Everything recorded of what was done of a plan (empty lists until
    /// something is recorded, and for a plan not approved).
    pub fn plan_results(&self, plan_id: i64) -> Result<PlanResults> {
        status_of(self.conn(), plan_id)?;
        read(self.conn(), plan_id)
    }

    /// One record on an own, approved plan, in one transaction; answers with
    /// everything recorded of the plan.
    fn recorded(
        &mut self,
        plan_id: i64,
        record: impl FnOnce(&Transaction<'_>, &PlanDocument) -> Result<()>,
    ) -> Result<PlanResults> {
        self.write(|tx| {
            let doc = open_for_results(tx, plan_id)?;
            record(tx, &doc)?;
            read(tx, plan_id)
        })
    }

    /// Records what was done of one activity of an own, approved plan.
    pub fn record_activity(
        &mut self,
        plan_id: i64,
        result: &ActivityResult,
    ) -> Result<PlanResults> {
        self.recorded(plan_id, |tx, doc| {
            record_activity_in(tx, plan_id, doc, result)
        })
    }

    /// Records what was spent of one budget line of an own, approved plan.
    pub fn record_spending(
        &mut self,
        plan_id: i64,
        spending: &LineSpending,
    ) -> Result<PlanResults> {
        self.recorded(plan_id, |tx, doc| {
            record_spending_in(tx, plan_id, doc, spending)
        })
    }

    /// Records the actual value of an objective (where it is not computed)
    /// or a note on it.
    pub fn record_objective(
        &mut self,
        plan_id: i64,
        result: &ObjectiveResult,
    ) -> Result<PlanResults> {
        self.recorded(plan_id, |tx, doc| {
            record_objective_in(tx, plan_id, doc, result)
        })
    }

    /// Saves the texts of one period's results report.
    pub fn save_report_texts(&mut self, plan_id: i64, texts: &ReportTexts) -> Result<PlanResults> {
        self.recorded(plan_id, |tx, _| save_report_texts_in(tx, plan_id, texts))
    }

    /// Every record and change of what was done of a plan, oldest first, as
    /// people read them.
    pub fn results_history(&self, plan_id: i64) -> Result<Vec<ResultChange>> {
        let doc = self.plan_document(plan_id)?;
        let recorded = rows(
            self.conn(),
            "SELECT * FROM result_changes WHERE plan_id = ?1 ORDER BY id",
            plan_id,
            change_row,
        )?;
        Ok(results::changes(&doc, &recorded))
    }
}

impl Store {
    /// The findings of what plan `plan_id` has recorded for `period`, on the
    /// day `as_of` (core `check_results`).
    pub fn check_results(
        &self,
        plan_id: i64,
        period: Period,
        as_of: chrono::NaiveDate,
    ) -> Result<commplan_core::check::CheckReport> {
        let doc = self.plan_document(plan_id)?;
        let results = self.plan_results(plan_id)?;
        Ok(results::check_results(&doc, &results, period, as_of))
    }

    /// The results screen of plan `plan_id` for `period`, on the day `as_of`
    /// (core `results::view`).
    pub fn results_view(
        &self,
        plan_id: i64,
        period: Period,
        as_of: chrono::NaiveDate,
    ) -> Result<ResultsView> {
        let doc = self.plan_document(plan_id)?;
        let results = self.plan_results(plan_id)?;
        Ok(results::view(&doc, &results, period, as_of))
    }

    /// Records the fields `edit` changed of one record (core `results::edited`
    /// makes the whole record), as the record's own method does.
    pub fn record_edit(&mut self, plan_id: i64, edit: &ResultEdit) -> Result<PlanResults> {
        let doc = self.plan_document(plan_id)?;
        let record = results::edited(&doc, &self.plan_results(plan_id)?, edit)?;
        match record {
            Record::Activity(r) => self.record_activity(plan_id, &r),
            Record::Spending(s) => self.record_spending(plan_id, &s),
            Record::Objective(o) => self.record_objective(plan_id, &o),
            Record::Report(t) => self.save_report_texts(plan_id, &t),
        }
    }
}
