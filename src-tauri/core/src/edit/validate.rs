//! What a typed value becomes when it is stored: [`validate`] checks a
//! [`FieldValue`] against its field's kind (NFC text, bounded, no emoji; dates
//! that exist; known codes; money and quantities; references) and gives the
//! [`Stored`] form. Also the months mask, dates and moving a date by years.

use crate::codes::Code;
use chrono::{Datelike, NaiveDate};

use super::{Entity, FieldDef, FieldKind, FieldValue, MAX_COUNT, Stored};
use crate::error::{AppError, Result};
use crate::money::{Money, Quantity, group};
use crate::plan::{SignerAuthority, Stage};
use crate::results::IndicatorMeasure;
use crate::text::{MAX_FIELD_CHARS, clean, refuse_emoji};

/// Months 1–12 as a bit mask (bit 0 = January).
pub fn months_to_mask(months: &[u8]) -> Result<i64> {
    let mut mask = 0i64;
    for &m in months {
        if !(1..=12).contains(&m) {
            return Err(AppError::validation(format!(
                "Tháng {m} không hợp lệ; tháng phải từ 1 đến 12."
            )));
        }
        mask |= 1 << (m - 1);
    }
    Ok(mask)
}

pub fn mask_to_months(mask: i64) -> Vec<u8> {
    (1u8..=12).filter(|m| mask & (1 << (m - 1)) != 0).collect()
}

/// Reads a date as it is typed (dd/mm/yyyy, d/m/yyyy) or stored (yyyy-mm-dd);
/// the message names the field ([`crate::dates::parse_typed`]).
pub fn parse_date(label: &str, text: &str) -> Result<NaiveDate> {
    crate::dates::parse_typed(text).ok_or_else(|| {
        AppError::validation(format!(
            "{label}: ngày “{text}” không hợp lệ (ví dụ đúng: 15/03/2027)."
        ))
    })
}

/// The longest breaks of a name: the longest one-line field and its line breaks.
const MAX_BREAKS_CHARS: usize = 2_000;

/// Checks a new value for a field and gives its stored form.
pub fn validate(def: &FieldDef, value: &FieldValue) -> Result<Stored> {
    match def.kind {
        FieldKind::Line(max) => text(def, value, max, true),
        FieldKind::Long => text(def, value, MAX_FIELD_CHARS, false),
        FieldKind::Breaks(_) => {
            let value = FieldValue::Text(crate::header_lines::tidy(&text_of(def, value)?));
            text(def, &value, MAX_BREAKS_CHARS, false)
        }
        FieldKind::Date => date(def, value),
        FieldKind::Bool => match value {
            FieldValue::Bool(b) => Ok(Stored::Int(i64::from(*b))),
            _ => Err(refused(def, "cần chọn có hoặc không.")),
        },
        FieldKind::Months => match value {
            FieldValue::Months(m) => Ok(Stored::Int(months_to_mask(m)?)),
            _ => Err(refused(def, "cần chọn các tháng.")),
        },
        FieldKind::Stage => code(
            def,
            value,
            |s| Stage::from_code(s).map(Stage::code),
            "giai đoạn không hợp lệ.",
        ),
        FieldKind::SignerAuthority => code(
            def,
            value,
            |s| SignerAuthority::from_code(s).map(SignerAuthority::code),
            "không hợp lệ.",
        ),
        FieldKind::Money | FieldKind::OptionalMoney | FieldKind::Quantity => amount(def, value),
        FieldKind::Count => count(def, value),
        FieldKind::Measure => match value {
            FieldValue::Text(s) => IndicatorMeasure::from_code(s)
                .map(|m| Stored::Text(m.code().to_string()))
                .ok_or_else(|| refused(def, "cách tính không hợp lệ.")),
            _ => Err(refused(def, "cần chọn cách tính.")),
        },
        FieldKind::ChannelRef
        | FieldKind::PolicyRef
        | FieldKind::ActivityRef
        | FieldKind::CategoryRef
        | FieldKind::SourceRef => match value {
            FieldValue::Number(None) => Ok(Stored::Null),
            FieldValue::Number(Some(id)) if *id > 0 => Ok(Stored::Int(*id)),
            _ => Err(refused(def, "lựa chọn không hợp lệ.")),
        },
    }
}

/// A shared list (channels, budget categories, funding sources) holds each
/// name once: `name` is refused when an entry of `taken` is the same name,
/// case and spacing aside (tone marks count: “Bão” is not “Bảo”). The message
/// names the entry already there, for the user to choose it instead.
pub fn refuse_taken_name<'a>(
    entity: Entity,
    name: &str,
    taken: impl IntoIterator<Item = &'a str>,
) -> Result<()> {
    let key = |s: &str| {
        clean(s)
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let wanted = key(name);
    match taken.into_iter().find(|t| key(t) == wanted) {
        Some(existing) => Err(AppError::conflict(format!(
            "Danh mục đã có {} “{existing}”. Hãy chọn mục đó trong danh sách thay vì thêm lại.",
            entity.def().noun
        ))),
        None => Ok(()),
    }
}

/// A stored value as the plan document holds it, for the editor to show after
/// a save (a date typed "3/2/2027" comes back as "2027-02-03").
pub fn as_field_value(def: &FieldDef, stored: &Stored) -> FieldValue {
    match (def.kind, stored) {
        (_, Stored::Null) => FieldValue::Number(None),
        (FieldKind::Bool, Stored::Int(i)) => FieldValue::Bool(*i != 0),
        (FieldKind::Months, Stored::Int(mask)) => FieldValue::Months(mask_to_months(*mask)),
        (FieldKind::Money | FieldKind::OptionalMoney, Stored::Int(dong)) => {
            FieldValue::Text(dong.to_string())
        }
        (_, Stored::Int(i)) => FieldValue::Number(Some(*i)),
        (_, Stored::Text(text)) => FieldValue::Text(text.clone()),
    }
}

/// A plan document's JSON value of a field (not a reference) as the editor
/// would send it: a quantity in hundredths typed as shown ("2,5"), an approved
/// amount not yet set typed as nothing, anything else as it is.
pub fn json_input(def: &FieldDef, value: &serde_json::Value) -> Result<FieldValue> {
    use serde_json::Value as Json;
    match (def.kind, value) {
        (FieldKind::Quantity, Json::Number(n)) => Ok(FieldValue::Text(
            n.as_i64()
                .map(|q| Quantity(q).display())
                .unwrap_or_default(),
        )),
        (FieldKind::OptionalMoney, Json::Null) => Ok(FieldValue::Text(String::new())),
        (_, Json::String(s)) => Ok(FieldValue::Text(s.clone())),
        (_, Json::Bool(b)) => Ok(FieldValue::Bool(*b)),
        (_, Json::Null) => Ok(FieldValue::Number(None)),
        (_, Json::Number(n)) if n.is_i64() => Ok(FieldValue::Number(n.as_i64())),
        (_, Json::Array(items)) => items
            .iter()
            .map(|m| m.as_u64().and_then(|m| u8::try_from(m).ok()))
            .collect::<Option<Vec<u8>>>()
            .map(FieldValue::Months)
            .ok_or_else(|| invalid(def)),
        _ => Err(invalid(def)),
    }
}

fn invalid(def: &FieldDef) -> AppError {
    AppError::validation(format!("{}: không hợp lệ.", def.label))
}

/// "{label}: {what}".
fn refused(def: &FieldDef, what: &str) -> AppError {
    AppError::validation(format!("{}: {what}", def.label))
}

fn text_of(def: &FieldDef, value: &FieldValue) -> Result<String> {
    match value {
        FieldValue::Text(s) => Ok(s.clone()),
        _ => Err(refused(def, "cần nhập văn bản.")),
    }
}

/// Text, NFC and trimmed, at most `max` characters, without emoji; on one
/// line when `one_line`.
fn text(def: &FieldDef, value: &FieldValue, max: usize, one_line: bool) -> Result<Stored> {
    let text = clean(&text_of(def, value)?);
    if one_line && text.contains('\n') {
        return Err(refused(def, "chỉ nhập trên một dòng."));
    }
    if text.chars().count() > max {
        return Err(AppError::validation(format!(
            "{} quá dài (tối đa {} ký tự).",
            def.label,
            group(max as i64)
        )));
    }
    refuse_emoji(def.label, &text)?;
    Ok(Stored::Text(text))
}

/// A day that exists, in 2000–2100, typed dd/mm/yyyy (or yyyy-mm-dd) and
/// stored yyyy-mm-dd; or empty.
fn date(def: &FieldDef, value: &FieldValue) -> Result<Stored> {
    let text = clean(&text_of(def, value)?);
    if text.is_empty() {
        return Ok(Stored::Text(text));
    }
    let date = parse_date(def.label, &text)?;
    if !(2000..=2100).contains(&date.year()) {
        return Err(refused(def, "năm phải từ 2000 đến 2100."));
    }
    Ok(Stored::Text(crate::dates::to_iso(date)))
}

/// A known code (`known` gives its canonical form), or nothing.
fn code(
    def: &FieldDef,
    value: &FieldValue,
    known: fn(&str) -> Option<&'static str>,
    invalid: &str,
) -> Result<Stored> {
    match value {
        FieldValue::Text(s) if s.is_empty() => Ok(Stored::Null),
        FieldValue::Number(None) => Ok(Stored::Null),
        FieldValue::Text(s) => known(s)
            .map(|c| Stored::Text(c.to_string()))
            .ok_or_else(|| refused(def, invalid)),
        _ => Err(refused(def, invalid)),
    }
}

/// Money in whole đồng (an optional amount may be left empty), or a quantity
/// in hundredths, as the user types them.
fn amount(def: &FieldDef, value: &FieldValue) -> Result<Stored> {
    let text = text_of(def, value)?;
    if def.kind == FieldKind::OptionalMoney && text.trim().is_empty() {
        return Ok(Stored::Null);
    }
    let parsed = match def.kind {
        FieldKind::Quantity => Quantity::parse(&text).map(|q| q.0),
        _ => Money::parse(&text).map(Money::dong),
    };
    parsed
        .map(Stored::Int)
        .map_err(|e| refused(def, &e.message))
}

/// A whole number from 0 to [`MAX_COUNT`], given as a number or typed ("12",
/// "1.200"); or nothing.
fn count(def: &FieldDef, value: &FieldValue) -> Result<Stored> {
    let typed = match value {
        FieldValue::Number(None) => return Ok(Stored::Null),
        FieldValue::Number(Some(n)) => Some(*n),
        FieldValue::Text(s) if s.trim().is_empty() => return Ok(Stored::Null),
        FieldValue::Text(s) => Some(parse_count(s).ok_or_else(|| {
            refused(
                def,
                "cần nhập một số nguyên không âm (ví dụ 12 hoặc 1.200).",
            )
        })?),
        _ => None,
    };
    match typed {
        Some(n) if (0..=MAX_COUNT).contains(&n) => Ok(Stored::Int(n)),
        Some(_) => Err(refused(
            def,
            &format!("phải từ 0 đến {}.", group(MAX_COUNT)),
        )),
        None => Err(refused(def, "cần nhập một số nguyên không âm.")),
    }
}

/// A whole number as typed: digits, dots between groups of three allowed;
/// `i64::MAX` when it has too many digits (refused as out of range).
fn parse_count(text: &str) -> Option<i64> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let groups: Vec<&str> = compact.split('.').collect();
    let grouped = groups.len() == 1
        || (groups.first().is_some_and(|g| (1..=3).contains(&g.len()))
            && groups[1..].iter().all(|g| g.len() == 3));
    let digits = groups.concat();
    if !grouped || digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(digits.parse().unwrap_or(i64::MAX))
}

/// A stored date the same calendar day `years` years later; 29 February
/// becomes 28 February in a year that has none ([`crate::dates::shift_years`]).
pub fn shift_years(text: &str, years: i32) -> Result<String> {
    if text.is_empty() {
        return Ok(String::new());
    }
    let date = parse_date("Ngày", text)?;
    crate::dates::shift_years(date, years)
        .map(crate::dates::to_iso)
        .ok_or_else(|| AppError::validation(format!("Không dời được ngày “{text}” sang năm sau.")))
}
