//! One change of what was recorded, as the "Thực hiện" screen sends it: the
//! fields the officer changed of one record, each as typed ([`ResultEdit`]),
//! and what the whole record becomes ([`edited`]), still to be validated as
//! every record is ([`super::activity_result`] …); and the screen's view of a
//! plan and period ([`ResultsView`], [`view`]).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::fields::{ACHIEVED, ACTUAL, REACH, SPENT};
use super::{
    ActivityResult, ActivityStatus, LineSpending, ObjectiveResult, Period, PlanResults,
    ReportTexts, ResultsReport, default_unit,
};
use crate::check::CheckReport;
use crate::codes::Code;
use crate::edit::{FieldDef, FieldValue, Stored, validate};
use crate::error::{AppError, Result};
use crate::money::Money;
use crate::plan::PlanDocument;

/// What a record is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// An activity: status, reason, doneOn, output, achieved, achievedUnit, reach, note.
    Activity,
    /// A budget line: spent, note.
    Spending,
    /// An objective: actual, note.
    Objective,
    /// The period's report: number, issueDate, difficulties, proposals.
    Report,
}

/// One field as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ResultField {
    /// Its wire name, as in [`ActivityResult`] … (camelCase).
    pub field: String,
    pub value: FieldValue,
}

/// The fields changed of one record; several when they only make sense
/// together (a cancelled status with its reason).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ResultEdit {
    pub kind: RecordKind,
    /// The activity's, budget line's or objective's id; unused for a report.
    #[ts(type = "number")]
    pub id: i64,
    /// The report's period, and the period the screen shows.
    pub period: Period,
    pub fields: Vec<ResultField>,
}

/// A whole record, ready for the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    Activity(ActivityResult),
    Spending(LineSpending),
    Objective(ObjectiveResult),
    Report(ReportTexts),
}

/// The "Thực hiện" screen of one plan and period, as Rust decided it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ResultsView {
    pub report: ResultsReport,
    /// What is recorded of each activity of the report, in its order; where
    /// nothing is, a blank record (not started, the unit its target counts in).
    pub activities: Vec<ActivityResult>,
    /// What the results check finds for the period on today's date.
    pub findings: CheckReport,
}

/// The view of `period` of the plan `doc`, on the day `as_of`.
pub fn view(
    doc: &PlanDocument,
    results: &PlanResults,
    period: Period,
    as_of: NaiveDate,
) -> ResultsView {
    let report = super::report(doc, results, period);
    let activities = report
        .activities
        .iter()
        .map(|line| record_of_activity(doc, results, line.activity_id))
        .collect();
    ResultsView {
        findings: super::check_results(doc, results, period, as_of),
        report,
        activities,
    }
}

fn record_of_activity(doc: &PlanDocument, results: &PlanResults, id: i64) -> ActivityResult {
    results.activity(id).cloned().unwrap_or_else(|| {
        let unit = doc
            .activities
            .iter()
            .find(|a| a.id == id)
            .and_then(default_unit);
        ActivityResult {
            activity_id: id,
            status: ActivityStatus::NotStarted,
            reason: String::new(),
            done_on: String::new(),
            output: String::new(),
            achieved: None,
            achieved_unit: unit.unwrap_or_default(),
            reach: None,
            note: String::new(),
            recorded_at: String::new(),
        }
    })
}

fn unknown_field(field: &str) -> AppError {
    AppError::validation(format!("Không có trường “{field}” để ghi kết quả."))
}

/// A text as typed; a number typed into a text field is its digits.
fn typed_text(value: &FieldValue) -> String {
    match value {
        FieldValue::Text(s) => s.clone(),
        FieldValue::Number(Some(n)) => n.to_string(),
        _ => String::new(),
    }
}

fn typed_count(def: &FieldDef, value: &FieldValue) -> Result<Option<i64>> {
    match validate(def, value)? {
        Stored::Int(n) => Ok(Some(n)),
        _ => Ok(None),
    }
}

fn set_activity(r: &mut ActivityResult, field: &str, value: &FieldValue) -> Result<()> {
    match field {
        "status" => {
            r.status = ActivityStatus::from_code(&typed_text(value)).ok_or_else(|| {
                AppError::validation("Tình trạng: hãy chọn một tình trạng trong danh sách.")
            })?;
        }
        "reason" => r.reason = typed_text(value),
        "doneOn" => r.done_on = typed_text(value),
        "output" => r.output = typed_text(value),
        "achieved" => r.achieved = typed_count(&ACHIEVED, value)?,
        "achievedUnit" => r.achieved_unit = typed_text(value),
        "reach" => r.reach = typed_count(&REACH, value)?,
        "note" => r.note = typed_text(value),
        other => return Err(unknown_field(other)),
    }
    Ok(())
}

fn set_spending(s: &mut LineSpending, field: &str, value: &FieldValue) -> Result<()> {
    match field {
        "spent" => {
            let dong = match validate(&SPENT, value)? {
                Stored::Int(n) => n,
                _ => 0,
            };
            s.spent = Money::new(dong)?;
        }
        "note" => s.note = typed_text(value),
        other => return Err(unknown_field(other)),
    }
    Ok(())
}

fn set_objective(o: &mut ObjectiveResult, field: &str, value: &FieldValue) -> Result<()> {
    match field {
        "actual" => o.actual = typed_count(&ACTUAL, value)?,
        "note" => o.note = typed_text(value),
        other => return Err(unknown_field(other)),
    }
    Ok(())
}

fn set_report(t: &mut ReportTexts, field: &str, value: &FieldValue) -> Result<()> {
    let text = typed_text(value);
    match field {
        "number" => t.number = text,
        "issueDate" => t.issue_date = text,
        "difficulties" => t.difficulties = text,
        "proposals" => t.proposals = text,
        other => return Err(unknown_field(other)),
    }
    Ok(())
}

/// What the record `edit` is about becomes with its fields changed: the one
/// recorded, or a blank one where nothing is yet. Counts and amounts are read
/// here; the rest is validated with the whole record.
pub fn edited(doc: &PlanDocument, results: &PlanResults, edit: &ResultEdit) -> Result<Record> {
    let id = edit.id;
    let mut record = match edit.kind {
        RecordKind::Activity => Record::Activity(record_of_activity(doc, results, id)),
        RecordKind::Spending => Record::Spending(
            results
                .spending
                .iter()
                .find(|s| s.budget_line_id == id)
                .cloned()
                .unwrap_or(LineSpending {
                    budget_line_id: id,
                    spent: Money::ZERO,
                    note: String::new(),
                    recorded_at: String::new(),
                }),
        ),
        RecordKind::Objective => Record::Objective(
            results
                .objectives
                .iter()
                .find(|o| o.objective_id == id)
                .cloned()
                .unwrap_or(ObjectiveResult {
                    objective_id: id,
                    actual: None,
                    note: String::new(),
                    recorded_at: String::new(),
                }),
        ),
        RecordKind::Report => Record::Report(
            results
                .reports
                .iter()
                .find(|t| t.period == edit.period)
                .cloned()
                .unwrap_or(ReportTexts {
                    period: edit.period,
                    number: String::new(),
                    issue_date: String::new(),
                    difficulties: String::new(),
                    proposals: String::new(),
                }),
        ),
    };
    for f in &edit.fields {
        match &mut record {
            Record::Activity(r) => set_activity(r, &f.field, &f.value)?,
            Record::Spending(s) => set_spending(s, &f.field, &f.value)?,
            Record::Objective(o) => set_objective(o, &f.field, &f.value)?,
            Record::Report(t) => set_report(t, &f.field, &f.value)?,
        }
    }
    Ok(record)
}
