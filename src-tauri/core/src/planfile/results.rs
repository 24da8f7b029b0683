//! The results an approved plan's file carries (`results`): what the unit
//! recorded of its approved plan, checked as its computer stored them (core
//! `results::validate`: the item of the plan, every field as typed, a
//! cancelled activity's reason) against the file's own document, each item
//! once, every record's time RFC 3339. Only a plan file carrying the
//! approval of its revision carries results; a return file, a draft, a
//! revision not approved and a version 2 file never do.

use std::collections::HashSet;

use serde_json::Value as Json;

use super::parse::{refused, time};
use super::{FileKind, PlanFileV2};
use crate::error::{AppError, Result};
use crate::plan::PlanDocument;
use crate::results::{self, PlanResults};
use crate::text::shorten;

/// The file's results as stored, or why the file may not carry them; `raw`
/// is the file's `results` as written.
pub(super) fn check_results(file: &PlanFileV2, raw: Option<&Json>) -> Result<Option<PlanResults>> {
    let Some(given) = &file.results else {
        return Ok(None);
    };
    carried_by(file)?;
    if raw != Some(&serde_json::to_value(given).unwrap_or_default()) {
        return Err(refused(
            "Kết quả thực hiện trong tệp có trường lạ hoặc thiếu trường: tệp bị hỏng hoặc đã bị sửa.",
        ));
    }
    let doc = file
        .document
        .as_ref()
        .ok_or_else(|| refused("Tệp kế hoạch không có nội dung kế hoạch."))?;
    Ok(Some(checked(doc, given)?))
}

/// Refuses results on any file but an approved plan's (format version 3 on).
fn carried_by(file: &PlanFileV2) -> Result<()> {
    if file.kind == FileKind::Return {
        return Err(refused(
            "Tệp trả lời không được mang kết quả thực hiện: kết quả do đơn vị lập kế hoạch gửi trong tệp kế hoạch đã được phê duyệt.",
        ));
    }
    if file.version < 3 {
        return Err(refused(
            "Tệp kế hoạch định dạng phiên bản 2 không mang kết quả thực hiện (có từ phiên bản 3): tệp đã bị sửa.",
        ));
    }
    if file.revision.is_none() {
        return Err(refused(
            "Bản nháp không được mang kết quả thực hiện: chỉ tệp của kế hoạch đã được phê duyệt mới mang kết quả thực hiện.",
        ));
    }
    if file.decision.is_none() {
        return Err(refused(
            "Tệp kế hoạch chưa được phê duyệt không được mang kết quả thực hiện: chỉ tệp của kế hoạch đã được phê duyệt mới mang kết quả thực hiện.",
        ));
    }
    Ok(())
}

/// Every record of `given` as stored, checked against `doc`.
fn checked(doc: &PlanDocument, given: &PlanResults) -> Result<PlanResults> {
    let activity = |id: i64| {
        doc.activities
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.content.as_str())
    };
    let line = |id: i64| {
        doc.budget_lines
            .iter()
            .find(|l| l.id == id)
            .map(|l| l.description.as_str())
    };
    let objective = |id: i64| {
        doc.objectives
            .iter()
            .find(|o| o.id == id)
            .map(|o| o.name.as_str())
    };
    let activities = each(
        &given.activities,
        ("hoạt động", &activity),
        |r| (r.activity_id, &r.recorded_at),
        |r| results::activity_result(doc, r),
    )?;
    let spending = each(
        &given.spending,
        ("dòng kinh phí", &line),
        |s| (s.budget_line_id, &s.recorded_at),
        |s| results::line_spending(doc, s),
    )?;
    let objectives = each(
        &given.objectives,
        ("chỉ tiêu", &objective),
        |o| (o.objective_id, &o.recorded_at),
        |o| results::objective_result(doc, o),
    )?;
    let mut periods = HashSet::new();
    let mut reports = Vec::with_capacity(given.reports.len());
    for t in &given.reports {
        let label = t.period.label_vi(doc.year);
        if !periods.insert(t.period) {
            return Err(refused(format!(
                "Kết quả thực hiện trong tệp ghi hai lần báo cáo {label}: tệp đã bị sửa."
            )));
        }
        reports
            .push(results::report_texts(t).map_err(|e| invalid(&format!("báo cáo {label}"), &e))?);
    }
    Ok(PlanResults {
        activities,
        spending,
        objectives,
        reports,
    })
}

/// "Kết quả thực hiện của … trong tệp không hợp lệ: …".
fn invalid(label: &str, e: &AppError) -> AppError {
    refused(format!(
        "Kết quả thực hiện của {label} trong tệp không hợp lệ: {}",
        e.message
    ))
}

/// One list of records, each about an item of the document (`what` it is,
/// its name by id): each of an item of the document, once, dated (`key`
/// gives its item's id and its time), then as `store` gives it.
fn each<'a, T>(
    list: &'a [T],
    (what, name): (&str, &dyn Fn(i64) -> Option<&'a str>),
    key: impl Fn(&T) -> (i64, &String),
    store: impl Fn(&T) -> Result<T>,
) -> Result<Vec<T>> {
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(list.len());
    for r in list {
        let (id, at) = key(r);
        let Some(name) = name(id) else {
            return Err(refused(format!(
                "Kết quả thực hiện trong tệp ghi cho {what} mã {id}, không có trong kế hoạch của tệp: tệp đã bị sửa."
            )));
        };
        let label = format!("{what} “{}”", shorten(name, 60));
        if !seen.insert(id) {
            return Err(refused(format!(
                "Kết quả thực hiện trong tệp ghi hai lần cho {label}: tệp đã bị sửa."
            )));
        }
        time(&format!("Thời điểm ghi kết quả của {label}"), at)?;
        out.push(store(r).map_err(|e| invalid(&label, &e))?);
    }
    Ok(out)
}
