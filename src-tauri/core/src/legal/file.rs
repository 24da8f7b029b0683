//! The legal-text list file (`assets/legal-texts.json`, or a newer list the
//! user imports): `{"format": "commplan-legal-texts", "version": 1,
//! "updated": "yyyy-mm-dd", "texts": [...]}`. A file to import is untrusted:
//! [`parse_list`] reads it whole and checks everything (size, format name,
//! version, the type of every field, every text as if typed, the list as a
//! whole) before anything may be written, and says in Vietnamese what is wrong.

use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::{LegalText, LegalTextInput, SourcePage, validate_list};
use crate::error::{AppError, Result};

/// The format name a list file carries.
pub const LIST_FORMAT: &str = "commplan-legal-texts";
/// The newest list format this build reads.
pub const LIST_VERSION: i64 = 1;
/// The largest list file read (1 MB); the shipped list is about 20 kB.
pub const MAX_LIST_BYTES: usize = 1024 * 1024;
/// The most texts a list may hold.
pub const MAX_TEXTS: usize = 1000;

/// A list read and validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegalTextList {
    /// The day the list was reviewed, when it says so.
    pub updated: Option<NaiveDate>,
    pub texts: Vec<LegalText>,
}

fn refused(what: impl std::fmt::Display) -> AppError {
    AppError::validation(format!("Tệp danh mục văn bản không dùng được: {what}"))
}

/// Reads a list file's bytes; nothing in it is trusted.
pub fn parse_list(bytes: &[u8]) -> Result<LegalTextList> {
    if bytes.len() > MAX_LIST_BYTES {
        return Err(refused(format!(
            "tệp lớn hơn {} MB.",
            MAX_LIST_BYTES / (1024 * 1024)
        )));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| refused("tệp không phải văn bản UTF-8."))?;
    let value: Value = serde_json::from_str(text).map_err(|e| {
        refused(format!(
            "nội dung không phải JSON hợp lệ (dòng {}, cột {}).",
            e.line(),
            e.column()
        ))
    })?;
    let Value::Object(top) = value else {
        return Err(refused("tệp không phải danh mục văn bản pháp lý."));
    };
    if top.get("format").and_then(Value::as_str) != Some(LIST_FORMAT) {
        return Err(refused(
            "tệp không phải danh mục văn bản pháp lý của ứng dụng.",
        ));
    }
    match top.get("version").and_then(Value::as_i64) {
        Some(LIST_VERSION) => {}
        Some(v) if v > LIST_VERSION => {
            return Err(AppError::validation(format!(
                "Tệp danh mục văn bản có định dạng phiên bản {v}, mới hơn phiên bản ứng dụng này đọc được ({LIST_VERSION}): hãy cập nhật ứng dụng rồi nhập lại."
            )));
        }
        _ => return Err(refused("phiên bản định dạng không hợp lệ.")),
    }
    let updated = match top.get("updated") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(
            crate::dates::parse_iso(s)
                .ok_or_else(|| refused("ngày rà soát “updated” không hợp lệ."))?,
        ),
        Some(_) => return Err(refused("ngày rà soát “updated” phải là chuỗi yyyy-mm-dd.")),
    };
    let Some(Value::Array(items)) = top.get("texts") else {
        return Err(refused("thiếu danh sách văn bản “texts”."));
    };
    if items.len() > MAX_TEXTS {
        return Err(refused(format!("có hơn {MAX_TEXTS} văn bản.")));
    }
    let texts = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            entry(item).map_err(|e| {
                AppError::validation(format!(
                    "Tệp danh mục văn bản, văn bản thứ {}: {}",
                    i + 1,
                    e.message
                ))
            })
        })
        .collect::<Result<Vec<_>>>()?;
    validate_list(&texts).map_err(|e| refused(e.message))?;
    Ok(LegalTextList { updated, texts })
}

/// A string field; `None` when missing or null.
fn opt_str(obj: &Map<String, Value>, key: &str) -> Result<Option<String>> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(AppError::validation(format!(
            "trường “{key}” phải là chuỗi ký tự."
        ))),
    }
}

/// A string field that must be there.
fn req_str(obj: &Map<String, Value>, key: &str) -> Result<String> {
    opt_str(obj, key)?.ok_or_else(|| AppError::validation(format!("thiếu trường “{key}”.")))
}

fn sources(obj: &Map<String, Value>) -> Result<Vec<SourcePage>> {
    let items = match obj.get("sources") {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(_) => {
            return Err(AppError::validation("trường “sources” phải là danh sách."));
        }
    };
    items
        .iter()
        .map(|item| {
            let Value::Object(page) = item else {
                return Err(AppError::validation("mỗi nguồn phải là một đối tượng."));
            };
            Ok(SourcePage {
                title: opt_str(page, "title")?.unwrap_or_default(),
                url: opt_str(page, "url")?.unwrap_or_default(),
                confirms: opt_str(page, "confirms")?.unwrap_or_default(),
            })
        })
        .collect()
}

/// One text of the list, validated as if typed.
fn entry(item: &Value) -> Result<LegalText> {
    let Value::Object(obj) = item else {
        return Err(AppError::validation("mỗi văn bản phải là một đối tượng."));
    };
    let cite_by_default = match obj.get("citeByDefault") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => {
            return Err(AppError::validation(
                "trường “citeByDefault” phải là true hoặc false.",
            ));
        }
    };
    let input = LegalTextInput {
        kind: req_str(obj, "kind")?,
        number: req_str(obj, "number")?,
        date: req_str(obj, "date")?,
        issuer: opt_str(obj, "issuer")?.unwrap_or_default(),
        title: req_str(obj, "title")?,
        in_force_from: opt_str(obj, "inForceFrom")?.unwrap_or_default(),
        in_force_until: opt_str(obj, "inForceUntil")?.unwrap_or_default(),
        replaced_by: opt_str(obj, "replacedBy")?,
        governs: opt_str(obj, "governs")?.unwrap_or_default(),
        citation: req_str(obj, "citation")?,
        cite_by_default,
    };
    LegalText::from_input(&req_str(obj, "id")?, &input, &sources(obj)?)
}
