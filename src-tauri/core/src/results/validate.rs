//! What a recorded result becomes when it is stored: who may record (an own,
//! approved plan), the item it is about (of this plan), and every field
//! through the typed-input validation of [`crate::edit::validate`] (texts
//! NFC-trimmed and bounded, counts whole and bounded, dates that exist, typed
//! dd/mm/yyyy and stored yyyy-mm-dd).
//!
//! A cancelled activity needs its reason, and only a cancelled one keeps one.
//! Spending more than was approved is not refused here: it is a finding of
//! the results check (`results.overspent`) until a note explains it.

use chrono::NaiveDate;

use super::fields::{
    ACHIEVED, ACHIEVED_UNIT, ACTUAL, DIFFICULTIES, DONE_ON, NOTE, OUTPUT, PROPOSALS, REACH, REASON,
    REPORT_DATE, REPORT_NUMBER,
};
use super::{ActivityResult, ActivityStatus, LineSpending, ObjectiveResult, ReportTexts};
use crate::edit::{FieldDef, FieldValue, Stored, parse_date, validate};
use crate::error::{AppError, ErrorCode, Result};
use crate::model::PlanStatus;
use crate::plan::{Activity, PlanDocument};

/// Results are recorded for a plan of this computer (not one received from
/// another unit) once it is approved.
pub fn recording_allowed(status: PlanStatus, received: bool) -> Result<()> {
    if received {
        return Err(AppError::new(
            ErrorCode::Conflict,
            "Đây là kế hoạch nhận được từ đơn vị khác: kết quả thực hiện do đơn vị lập kế hoạch ghi trên máy của mình.",
        ));
    }
    if status != PlanStatus::Approved {
        return Err(AppError::new(
            ErrorCode::Conflict,
            "Chỉ ghi kết quả thực hiện cho kế hoạch đã được phê duyệt.",
        ));
    }
    Ok(())
}

/// A results report is made of an approved plan only (an own one, or one
/// received from a unit, whose results came with its file).
pub fn report_allowed(status: PlanStatus) -> Result<()> {
    if status != PlanStatus::Approved {
        return Err(AppError::new(
            ErrorCode::Conflict,
            format!(
                "Chỉ lập báo cáo kết quả cho kế hoạch đã được phê duyệt; kế hoạch này đang ở trạng thái “{}”.",
                status.label_vi()
            ),
        ));
    }
    Ok(())
}

/// The refusal of a write the schema finds outside an own, approved plan.
pub fn recording_closed_error() -> AppError {
    AppError::new(
        ErrorCode::Conflict,
        "Chỉ ghi kết quả thực hiện cho kế hoạch đã được phê duyệt của đơn vị mình.",
    )
}

fn text(def: &FieldDef, value: &str) -> Result<String> {
    match validate(def, &FieldValue::Text(value.to_string()))? {
        Stored::Text(t) => Ok(t),
        _ => Ok(String::new()),
    }
}

fn count(def: &FieldDef, value: Option<i64>) -> Result<Option<i64>> {
    match validate(def, &FieldValue::Number(value))? {
        Stored::Int(n) => Ok(Some(n)),
        _ => Ok(None),
    }
}

/// A date typed dd/mm/yyyy (or stored yyyy-mm-dd) within the plan's year and
/// the year after it, stored yyyy-mm-dd; or empty.
fn date_in_reach(def: &FieldDef, value: &str, year: i32) -> Result<String> {
    let value = text(
        &FieldDef {
            kind: crate::edit::FieldKind::Line(40),
            ..*def
        },
        value,
    )?;
    if value.is_empty() {
        return Ok(value);
    }
    let date = parse_date(def.label, &value)?;
    let first = NaiveDate::from_ymd_opt(year, 1, 1);
    let last = NaiveDate::from_ymd_opt(year + 1, 12, 31);
    if first.is_none_or(|f| date < f) || last.is_none_or(|l| date > l) {
        return Err(AppError::validation(format!(
            "{}: ngày phải trong năm {year} hoặc năm {} (kế hoạch năm {year}).",
            def.label,
            year + 1
        )));
    }
    Ok(crate::dates::to_iso(date))
}

fn activity_of(doc: &PlanDocument, id: i64) -> Result<&Activity> {
    doc.activities.iter().find(|a| a.id == id).ok_or_else(|| {
        AppError::not_found("Không tìm thấy hoạt động này trong kế hoạch; có thể nó đã bị xóa.")
    })
}

/// The unit a count of what `activity` achieved is in when the officer names
/// none: that of the count its target states ("hội nghị" of "03 hội nghị").
pub fn default_unit(activity: &Activity) -> Option<String> {
    crate::check::counted_unit(&activity.target)
}

/// What was done of an activity of `doc`, as stored.
pub fn activity_result(doc: &PlanDocument, r: &ActivityResult) -> Result<ActivityResult> {
    let activity = activity_of(doc, r.activity_id)?;
    let reason = match r.status {
        ActivityStatus::Cancelled => text(&REASON, &r.reason)?,
        _ => String::new(),
    };
    if r.status == ActivityStatus::Cancelled && reason.is_empty() {
        return Err(AppError::validation(
            "Hoạt động không thực hiện: cần ghi lý do không thực hiện.",
        ));
    }
    let done_on = date_in_reach(&DONE_ON, &r.done_on, doc.year)?;
    if r.status == ActivityStatus::NotStarted && !done_on.is_empty() {
        return Err(AppError::validation(
            "Hoạt động chưa thực hiện thì chưa có ngày hoàn thành: hãy chọn tình trạng của hoạt động.",
        ));
    }
    let mut achieved_unit = text(&ACHIEVED_UNIT, &r.achieved_unit)?;
    if achieved_unit.is_empty() {
        achieved_unit = default_unit(activity).unwrap_or_default();
    }
    Ok(ActivityResult {
        activity_id: r.activity_id,
        status: r.status,
        reason,
        done_on,
        output: text(&OUTPUT, &r.output)?,
        achieved: count(&ACHIEVED, r.achieved)?,
        achieved_unit,
        reach: count(&REACH, r.reach)?,
        note: text(&NOTE, &r.note)?,
        recorded_at: r.recorded_at.clone(),
    })
}

/// What was spent of a budget line of `doc`, as stored.
pub fn line_spending(doc: &PlanDocument, s: &LineSpending) -> Result<LineSpending> {
    if !doc.budget_lines.iter().any(|l| l.id == s.budget_line_id) {
        return Err(AppError::not_found(
            "Không tìm thấy dòng kinh phí này trong kế hoạch; có thể nó đã bị xóa.",
        ));
    }
    Ok(LineSpending {
        budget_line_id: s.budget_line_id,
        spent: s.spent,
        note: text(&NOTE, &s.note)?,
        recorded_at: s.recorded_at.clone(),
    })
}

/// The actual value of an objective of `doc` (only where it is not computed)
/// and a note, as stored.
pub fn objective_result(doc: &PlanDocument, o: &ObjectiveResult) -> Result<ObjectiveResult> {
    let objective = doc
        .objectives
        .iter()
        .find(|x| x.id == o.objective_id)
        .ok_or_else(|| {
            AppError::not_found("Không tìm thấy chỉ tiêu này trong kế hoạch; có thể nó đã bị xóa.")
        })?;
    if objective.measure.is_computed() && o.actual.is_some() {
        return Err(AppError::validation(format!(
            "Chỉ tiêu “{}” được tính từ kết quả các hoạt động ({}): chỉ ghi chú được, không nhập kết quả.",
            crate::text::shorten(&objective.name, 80),
            objective.measure.label_vi().to_lowercase()
        )));
    }
    Ok(ObjectiveResult {
        objective_id: o.objective_id,
        actual: count(&ACTUAL, o.actual)?,
        note: text(&NOTE, &o.note)?,
        recorded_at: o.recorded_at.clone(),
    })
}

/// A report's own texts, as stored: its number and date by the same rules as
/// the plan's, its difficulties and proposals.
pub fn report_texts(t: &ReportTexts) -> Result<ReportTexts> {
    let issue_date = match validate(&REPORT_DATE, &FieldValue::Text(t.issue_date.clone()))? {
        Stored::Text(d) => d,
        _ => String::new(),
    };
    Ok(ReportTexts {
        period: t.period,
        number: text(&REPORT_NUMBER, &t.number)?,
        issue_date,
        difficulties: text(&DIFFICULTIES, &t.difficulties)?,
        proposals: text(&PROPOSALS, &t.proposals)?,
    })
}
