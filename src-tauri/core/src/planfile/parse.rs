//! Reading a plan file or a return file: untrusted bytes to a [`PlanFileV2`]
//! checked whole, or a Vietnamese refusal. Nothing here writes anything; the
//! store writes only what this accepts.

use serde_json::Value as Json;

use super::{
    FORMAT, FileComment, FileDecision, FileKind, MAX_BYTES, MAX_REVISION, PlanFileV2, VERSION,
    is_sha256, is_uuid_v4,
};
use crate::edit::{Entity, FieldDef, FieldKind, FieldValue, validate};
use crate::error::{AppError, Result};
use crate::model::{PlanStatus, UnitInput, validate_year};
use crate::review::{MAX_AUTHOR_CHARS, NewComment, ReviewAction};
use crate::text::clean;

pub(super) fn refused(message: impl Into<String>) -> AppError {
    AppError::validation(message)
}

/// Reads a plan file or a return file, refusing anything this version does
/// not understand or that does not hold together (see the module's doc).
pub fn parse(bytes: &[u8]) -> Result<PlanFileV2> {
    let text = decode(bytes)?;
    let raw: Json = serde_json::from_str(text).map_err(|e| syntax_error(&e))?;
    check_header(&raw)?;
    no_control_characters(&raw)?;
    let mut file: PlanFileV2 = serde_json::from_str(text).map_err(|e| structure_error(&e))?;
    check_envelope(&file)?;
    match file.kind {
        FileKind::Plan => check_plan(&file, raw.get("document"))?,
        FileKind::Return => check_return(&file)?,
    }
    file.results = super::results::check_results(&file, raw.get("results"))?;
    Ok(file)
}

/// The bytes as UTF-8 JSON text, or why they cannot be a plan file.
fn decode(bytes: &[u8]) -> Result<&str> {
    if bytes.len() > MAX_BYTES {
        return Err(refused(format!(
            "Tệp quá lớn: tệp kế hoạch tối đa {} MB. Đây không phải tệp kế hoạch hợp lệ.",
            MAX_BYTES / (1024 * 1024)
        )));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(refused("Tệp trống, không phải tệp kế hoạch."));
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Err(refused(
            "Tệp bắt đầu bằng dấu BOM: tệp kế hoạch là văn bản UTF-8 không có BOM. Có thể tệp đã bị một chương trình khác sửa; hãy xin gửi lại tệp.",
        ));
    }
    if bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || bytes.get(1) == Some(&0)
        || bytes.first() == Some(&0)
    {
        return Err(refused(
            "Tệp được mã hóa UTF-16: tệp kế hoạch là văn bản UTF-8. Có thể tệp đã bị một chương trình khác sửa; hãy xin gửi lại tệp.",
        ));
    }
    if bytes.starts_with(&[0x1F, 0x8B]) || bytes.starts_with(b"PK\x03\x04") {
        return Err(refused(
            "Tệp là tệp nén, không phải tệp kế hoạch: tệp kế hoạch (.khtt) không nén. Hãy mở đúng tệp .khtt nhận được.",
        ));
    }
    if bytes.contains(&0) {
        return Err(refused(
            "Tệp chứa ký tự NUL: tệp bị hỏng hoặc không phải tệp kế hoạch.",
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| {
        refused("Tệp không phải văn bản UTF-8: tệp bị hỏng hoặc không phải tệp kế hoạch.")
    })?;
    if !text.trim_start().starts_with('{') {
        return Err(not_a_plan_file());
    }
    Ok(text)
}

fn not_a_plan_file() -> AppError {
    refused("Tệp này không phải là tệp kế hoạch của ứng dụng.")
}

fn syntax_error(e: &serde_json::Error) -> AppError {
    if e.to_string().contains("recursion limit") {
        return refused("Tệp có cấu trúc lồng nhau quá sâu: đây không phải tệp kế hoạch hợp lệ.");
    }
    if e.is_eof() {
        return refused(format!(
            "Tệp kế hoạch bị cắt cụt (hết tệp ở dòng {}): hãy xin gửi lại tệp.",
            e.line()
        ));
    }
    refused(format!(
        "Tệp kế hoạch không đọc được (dòng {}, cột {}): tệp bị hỏng.",
        e.line(),
        e.column()
    ))
}

/// The format name and version, read before anything else so that a newer
/// file is told apart from a broken one.
fn check_header(raw: &Json) -> Result<()> {
    let object = raw.as_object().ok_or_else(not_a_plan_file)?;
    if object.get("format").and_then(Json::as_str) != Some(FORMAT) {
        return Err(not_a_plan_file());
    }
    match object.get("version").and_then(Json::as_u64) {
        Some(v) if (u64::from(super::OLDEST_READ)..=u64::from(VERSION)).contains(&v) => Ok(()),
        Some(v) if v > u64::from(VERSION) => Err(refused(format!(
            "Tệp kế hoạch được tạo bởi phiên bản mới hơn của ứng dụng (định dạng phiên bản {v}); hãy cập nhật ứng dụng để mở tệp này."
        ))),
        Some(1) => Err(refused(
            "Tệp kế hoạch định dạng cũ (phiên bản 1) không mang mã kế hoạch và lần trình nên không mở được ở đây; hãy đề nghị đơn vị gửi lại tệp từ phiên bản mới của ứng dụng.",
        )),
        _ => Err(refused("Phiên bản định dạng ghi trong tệp không hợp lệ.")),
    }
}

/// No text of the file holds a control character (line breaks and tabs aside).
fn no_control_characters(raw: &Json) -> Result<()> {
    let bad = |s: &str| {
        s.chars()
            .find(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
    };
    let found = match raw {
        Json::String(s) => bad(s),
        Json::Array(items) => return items.iter().try_for_each(no_control_characters),
        Json::Object(map) => {
            for (key, value) in map {
                if let Some(c) = bad(key) {
                    return Err(control(c));
                }
                no_control_characters(value)?;
            }
            None
        }
        _ => None,
    };
    found.map_or(Ok(()), |c| Err(control(c)))
}

fn control(c: char) -> AppError {
    refused(format!(
        "Tệp chứa ký tự điều khiển (U+{:04X}) trong nội dung: tệp bị hỏng hoặc đã bị sửa.",
        u32::from(c)
    ))
}

/// serde's English turned into a Vietnamese sentence naming the field.
fn structure_error(e: &serde_json::Error) -> AppError {
    let text = e.to_string();
    let name = text
        .split('`')
        .nth(1)
        .map(|n| crate::text::shorten(n, 40))
        .unwrap_or_default();
    let message = if text.starts_with("missing field") {
        format!("Tệp kế hoạch thiếu trường “{name}”.")
    } else if text.starts_with("unknown field") {
        format!("Tệp kế hoạch có trường lạ “{name}”, không thuộc định dạng.")
    } else if text.starts_with("duplicate field") {
        format!("Tệp kế hoạch ghi trường “{name}” hai lần.")
    } else if text.starts_with("unknown variant") {
        format!("Tệp kế hoạch có giá trị lạ “{name}”.")
    } else if text.contains("number too large") || text.contains("invalid digit") {
        "Tệp kế hoạch có một số tiền không hợp lệ.".to_string()
    } else if !text.starts_with("invalid") && !text.is_ascii() {
        // A Vietnamese refusal of one of our types (an amount out of range …).
        format!(
            "Tệp kế hoạch có giá trị không hợp lệ: {}",
            text.split(" at line").next().unwrap_or_default()
        )
    } else {
        "Tệp kế hoạch có một trường sai kiểu dữ liệu: tệp bị hỏng hoặc đã bị sửa.".to_string()
    };
    refused(message)
}

/// A text outside the registry, checked as typed text of this kind.
fn text(label: &'static str, value: &str, kind: FieldKind) -> Result<String> {
    let def = FieldDef {
        name: "",
        column: "",
        kind,
        label,
        step: None,
    };
    match validate(&def, &FieldValue::Text(value.to_string()))? {
        crate::edit::Stored::Text(t) => Ok(t),
        _ => Ok(String::new()),
    }
}

/// An RFC 3339 time.
pub(super) fn time(label: &str, value: &str) -> Result<()> {
    chrono::DateTime::parse_from_rfc3339(value)
        .map(|_| ())
        .map_err(|_| refused(format!("{label} trong tệp không hợp lệ.")))
}

fn check_envelope(file: &PlanFileV2) -> Result<()> {
    text("Phiên bản ứng dụng", &file.app, FieldKind::Line(100))?;
    time("Thời điểm ghi tệp", &file.written_at)?;
    if !is_uuid_v4(&file.plan_uuid) {
        return Err(refused("Mã kế hoạch trong tệp không hợp lệ."));
    }
    if clean(&file.unit.name).is_empty() {
        return Err(refused("Tệp kế hoạch không ghi tên đơn vị."));
    }
    UnitInput {
        name: file.unit.name.clone(),
        parent_body: file.unit.parent_body.clone(),
        abbreviation: file.unit.abbreviation.clone(),
    }
    .validated()?;
    validate_year(file.year)?;
    let title = Entity::Plan.field("title")?;
    validate(&title, &FieldValue::Text(file.title.clone()))?;
    if let Some(stamp) = &file.revision {
        if !(1..=MAX_REVISION).contains(&stamp.number) {
            return Err(refused(format!(
                "Lần trình ghi trong tệp ({}) không hợp lệ.",
                stamp.number
            )));
        }
        if !is_sha256(&stamp.sha256) {
            return Err(refused("Mã kiểm tra SHA-256 ghi trong tệp không hợp lệ."));
        }
    }
    for c in &file.comments {
        check_comment(c)?;
    }
    Ok(())
}

fn check_comment(c: &FileComment) -> Result<()> {
    if !(1..=MAX_REVISION).contains(&c.revision) {
        return Err(refused("Một ý kiến trong tệp ghi lần trình không hợp lệ."));
    }
    if let crate::review::CommentAnchor::Line { id, .. } = &c.anchor
        && *id <= 0
    {
        return Err(refused(
            "Một ý kiến trong tệp gắn với dòng có mã không hợp lệ.",
        ));
    }
    NewComment {
        anchor: c.anchor.clone(),
        text: c.text.clone(),
        author: c.author.clone(),
    }
    .validated()?;
    time("Thời điểm góp ý", &c.created_at)?;
    if let Some(at) = &c.resolved_at {
        time("Thời điểm xử lý ý kiến", at)?;
    }
    text("Ghi chú xử lý", &c.resolved_note, FieldKind::Long)?;
    Ok(())
}

fn check_plan(file: &PlanFileV2, raw_doc: Option<&Json>) -> Result<()> {
    let (Some(doc), Some(raw_doc)) = (&file.document, raw_doc) else {
        return Err(refused("Tệp kế hoạch không có nội dung kế hoạch."));
    };
    check_plan_decision(file)?;
    let Some(totals) = &file.totals else {
        return Err(refused("Tệp kế hoạch không ghi tổng kinh phí."));
    };
    // The document as this version writes it; a version 2 document has none
    // of the keys version 3 added.
    let full = serde_json::to_value(doc).unwrap_or_default();
    let again = match file.version {
        2 => super::without_v3_keys(&full, false),
        _ => full.clone(),
    };
    if &again != raw_doc {
        return Err(refused(
            "Nội dung kế hoạch trong tệp có trường lạ hoặc thiếu trường: tệp bị hỏng hoặc đã bị sửa.",
        ));
    }
    let same = |a: &str, b: &str| clean(a) == clean(b);
    if doc.year != file.year
        || !same(&doc.unit.name, &file.unit.name)
        || !same(&doc.unit.parent_body, &file.unit.parent_body)
        || !same(&doc.fields.title, &file.title)
    {
        return Err(refused(
            "Đơn vị, năm hoặc tên kế hoạch ghi trong tệp không khớp với nội dung kế hoạch: tệp đã bị sửa.",
        ));
    }
    super::document::check_document_as(doc, &full)?;
    super::document::check_totals(doc, totals)?;
    super::document::check_anchors_as(doc, &full, file.comments.iter().map(|c| &c.anchor))?;
    let Some(stamp) = &file.revision else {
        return Ok(());
    };
    if !matches!(doc.status, PlanStatus::Submitted | PlanStatus::Resubmitted) {
        return Err(refused(
            "Tệp mang một lần trình nhưng kế hoạch trong tệp không ở trạng thái đã trình.",
        ));
    }
    if file.comments.iter().any(|c| c.revision > stamp.number) {
        return Err(refused(
            "Một ý kiến trong tệp ghi lần trình sau lần trình của tệp.",
        ));
    }
    if super::sha256_of_value(raw_doc) != stamp.sha256 {
        return Err(refused(
            "Mã kiểm tra (SHA-256) của tệp không khớp với nội dung: tệp đã bị sửa hoặc hỏng sau khi ghi. Hãy xin gửi lại tệp.",
        ));
    }
    Ok(())
}

/// A plan file's decision: none, or the approval of the revision it carries
/// (an approved plan's file says so; a draft or a return is never carried).
fn check_plan_decision(file: &PlanFileV2) -> Result<()> {
    let Some(decision) = &file.decision else {
        return Ok(());
    };
    if file.revision.is_none() {
        return Err(refused(
            "Bản nháp trong tệp kế hoạch không được mang quyết định xem xét: chỉ lần trình đã được phê duyệt mới ghi quyết định.",
        ));
    }
    if decision.action != ReviewAction::Approve {
        return Err(refused(
            "Tệp kế hoạch chỉ được mang quyết định “Phê duyệt” của lần trình trong tệp: quyết định “Trả lại” chỉ có trong tệp trả lời.",
        ));
    }
    check_decision(decision)
}

/// A decision's time and who made it.
fn check_decision(decision: &FileDecision) -> Result<()> {
    time("Thời điểm quyết định", &decision.at)?;
    text(
        "Người quyết định",
        &decision.by,
        FieldKind::Line(MAX_AUTHOR_CHARS),
    )?;
    Ok(())
}

fn check_return(file: &PlanFileV2) -> Result<()> {
    if file.document.is_some() || file.totals.is_some() {
        return Err(refused(
            "Tệp trả lời không được mang nội dung kế hoạch: tệp bị hỏng hoặc đã bị sửa.",
        ));
    }
    let Some(stamp) = &file.revision else {
        return Err(refused("Tệp trả lời không ghi lần trình được trả lời."));
    };
    let Some(decision) = &file.decision else {
        return Err(refused("Tệp trả lời không ghi quyết định xem xét."));
    };
    if !matches!(
        decision.action,
        ReviewAction::Return | ReviewAction::Approve
    ) {
        return Err(refused(
            "Quyết định trong tệp trả lời không hợp lệ: chỉ có “Trả lại” hoặc “Phê duyệt”.",
        ));
    }
    check_decision(decision)?;
    if file.comments.iter().any(|c| c.revision != stamp.number) {
        return Err(refused(
            "Một ý kiến trong tệp trả lời không thuộc lần trình được trả lời.",
        ));
    }
    if decision.action == ReviewAction::Return && file.comments.is_empty() {
        return Err(refused(
            "Tệp trả lời “Trả lại” không có ý kiến nào: đơn vị sẽ không biết cần sửa gì.",
        ));
    }
    Ok(())
}
