//! What makes a legal text valid, the same for one typed in Danh mục and for
//! every text of an imported list: each field through the typed-text
//! validation (NFC, trimmed, bounded, one line, no emoji) and no control
//! character; dates that exist; the end of force after its start; a list
//! whose ids are unique, whose replacements exist and never go round.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::{LegalText, LegalTextInput, MAX_TEXTS, SourcePage};
use crate::edit::{FieldDef, FieldKind, FieldValue, Stored, parse_date, validate};
use crate::error::{AppError, Result};
use crate::text::fold;

const fn def(name: &'static str, max: usize, label: &'static str) -> FieldDef {
    FieldDef {
        name,
        column: name,
        kind: FieldKind::Line(max),
        label,
        step: None,
    }
}

const KIND: FieldDef = def("kind", 60, "Loại văn bản");
const NUMBER: FieldDef = def("number", 60, "Số, ký hiệu");
const ISSUER: FieldDef = def("issuer", 200, "Cơ quan ban hành");
const TITLE: FieldDef = def("title", 1_000, "Tên, trích yếu");
const GOVERNS: FieldDef = def("governs", 300, "Lĩnh vực điều chỉnh");
const CITATION: FieldDef = def("citation", 1_000, "Cách viện dẫn");
const SOURCE_TITLE: FieldDef = def("title", 500, "Tên trang nguồn");
const SOURCE_URL: FieldDef = def("url", 2_000, "Địa chỉ trang nguồn");
const SOURCE_CONFIRMS: FieldDef = def("confirms", 1_000, "Nội dung nguồn xác nhận");

/// At most this many source pages per text.
const MAX_SOURCES: usize = 20;
/// Longest id.
const MAX_ID: usize = 100;

/// A character that has no place in a line of an administrative text and
/// could hide what a text says: C0/C1 controls and the bidirectional
/// overrides and isolates.
fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// One line of text through the typed-text validation, then refused when it
/// holds a control character; `required` refuses it empty.
fn line(def: &FieldDef, value: &str, required: bool) -> Result<String> {
    if let Some(c) = value.chars().find(|c| hidden(*c) && *c != '\n') {
        return Err(AppError::validation(format!(
            "{}: có ký tự điều khiển (U+{:04X}) không dùng được trong văn bản.",
            def.label,
            u32::from(c)
        )));
    }
    let Stored::Text(text) = validate(def, &FieldValue::Text(value.to_string()))? else {
        return Err(AppError::internal("Giá trị không hợp lệ."));
    };
    if required && text.is_empty() {
        return Err(AppError::validation(format!(
            "Hãy nhập {}.",
            lower(def.label)
        )));
    }
    Ok(text)
}

fn lower(label: &str) -> String {
    let mut chars = label.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A date as typed (or stored), a day that exists in 1945–2100; `None` when
/// empty and not `required`.
fn day(label: &str, text: &str, required: bool) -> Result<Option<NaiveDate>> {
    let text = crate::text::clean(text);
    if text.is_empty() {
        return if required {
            Err(AppError::validation(format!("Hãy nhập {}.", lower(label))))
        } else {
            Ok(None)
        };
    }
    if text.chars().count() > 20 || text.chars().any(hidden) {
        return Err(AppError::validation(format!(
            "{label}: ngày không hợp lệ (ví dụ đúng: 15/03/2027)."
        )));
    }
    let date = parse_date(label, &text)?;
    if !(1945..=2100).contains(&date.year()) {
        return Err(AppError::validation(format!(
            "{label}: năm phải từ 1945 đến 2100."
        )));
    }
    Ok(Some(date))
}

/// An id: lower-case ASCII letters, digits and single hyphens inside.
pub(super) fn check_id(id: &str) -> Result<String> {
    let ok = !id.is_empty()
        && id.len() <= MAX_ID
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--");
    if ok {
        Ok(id.to_string())
    } else {
        let shown: String = id.chars().filter(|c| !hidden(*c)).take(60).collect();
        Err(AppError::validation(format!(
            "Mã văn bản “{shown}” không hợp lệ: chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối (ví dụ: luat-bao-chi-2016)."
        )))
    }
}

/// An id for a new text, from its kind and number ("Nghị định", "09/2017/NĐ-CP"
/// → "nghi-dinh-09-2017-nd-cp"), made unique against `taken` by a suffix.
pub fn new_id<'a>(kind: &str, number: &str, taken: impl IntoIterator<Item = &'a str>) -> String {
    let mut base = String::new();
    for c in fold(&format!("{kind} {number}")).chars() {
        if c.is_ascii_alphanumeric() {
            base.push(c);
        } else if !base.is_empty() && !base.ends_with('-') {
            base.push('-');
        }
    }
    let mut base: String = base
        .trim_end_matches('-')
        .chars()
        .take(MAX_ID - 6)
        .collect();
    base = base.trim_end_matches('-').to_string();
    if base.is_empty() {
        base = "van-ban".to_string();
    }
    let taken: Vec<&str> = taken.into_iter().collect();
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id.as_str()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

fn source(page: &SourcePage) -> Result<SourcePage> {
    Ok(SourcePage {
        title: line(&SOURCE_TITLE, &page.title, false)?,
        url: line(&SOURCE_URL, &page.url, false)?,
        confirms: line(&SOURCE_CONFIRMS, &page.confirms, false)?,
    })
}

impl LegalText {
    /// A text from what was typed (or read from a list file) under `id`,
    /// with its source pages; every field validated.
    pub fn from_input(
        id: &str,
        input: &LegalTextInput,
        sources: &[SourcePage],
    ) -> Result<LegalText> {
        let id = check_id(id)?;
        if sources.len() > MAX_SOURCES {
            return Err(AppError::validation(format!(
                "Một văn bản có tối đa {MAX_SOURCES} trang nguồn."
            )));
        }
        let replaced_by = match input.replaced_by.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(other) => Some(check_id(other)?),
        };
        if replaced_by.as_deref() == Some(id.as_str()) {
            return Err(AppError::validation(
                "Một văn bản không thể được thay thế bởi chính nó.",
            ));
        }
        let text = LegalText {
            kind: line(&KIND, &input.kind, true)?,
            number: line(&NUMBER, &input.number, true)?,
            date: day("Ngày ban hành", &input.date, true)?.unwrap_or_default(),
            issuer: line(&ISSUER, &input.issuer, false)?,
            title: line(&TITLE, &input.title, true)?,
            in_force_from: day("Ngày có hiệu lực", &input.in_force_from, false)?,
            in_force_until: day("Ngày hết hiệu lực", &input.in_force_until, false)?,
            replaced_by,
            governs: line(&GOVERNS, &input.governs, false)?,
            citation: line(&CITATION, &input.citation, true)?,
            cite_by_default: input.cite_by_default,
            sources: sources.iter().map(source).collect::<Result<_>>()?,
            id,
        };
        if let (Some(from), Some(until)) = (text.in_force_from, text.in_force_until)
            && until <= from
        {
            return Err(AppError::validation(
                "Ngày hết hiệu lực phải sau ngày có hiệu lực.",
            ));
        }
        Ok(text)
    }

    /// The form of this text as Danh mục shows it for editing.
    pub fn input(&self) -> LegalTextInput {
        let day = |d: Option<NaiveDate>| d.map(super::shown).unwrap_or_default();
        LegalTextInput {
            kind: self.kind.clone(),
            number: self.number.clone(),
            date: super::shown(self.date),
            issuer: self.issuer.clone(),
            title: self.title.clone(),
            in_force_from: day(self.in_force_from),
            in_force_until: day(self.in_force_until),
            replaced_by: self.replaced_by.clone(),
            governs: self.governs.clone(),
            citation: self.citation.clone(),
            cite_by_default: self.cite_by_default,
        }
    }
}

/// A whole list: at most [`MAX_TEXTS`] texts, each id once, each replacement
/// one of the list, and no text replaced (directly or not) by itself.
pub fn validate_list(texts: &[LegalText]) -> Result<()> {
    if texts.len() > MAX_TEXTS {
        return Err(AppError::validation(format!(
            "Danh mục có tối đa {MAX_TEXTS} văn bản."
        )));
    }
    let mut index: HashMap<&str, usize> = HashMap::with_capacity(texts.len());
    for (i, t) in texts.iter().enumerate() {
        if index.insert(t.id.as_str(), i).is_some() {
            return Err(AppError::validation(format!(
                "Mã văn bản “{}” có hai lần trong danh mục.",
                t.id
            )));
        }
    }
    let mut next = Vec::with_capacity(texts.len());
    for t in texts {
        next.push(match t.replaced_by.as_deref() {
            None => None,
            Some(id) => Some(*index.get(id).ok_or_else(|| {
                AppError::validation(format!(
                    "Văn bản {} được ghi là thay thế bởi “{id}”, nhưng danh mục không có văn bản này.",
                    t.number
                ))
            })?),
        });
    }
    no_cycle(texts, &next)
}

/// Each text has at most one replacement: walking from every text, a text
/// met again on the same walk closes a cycle.
fn no_cycle(texts: &[LegalText], next: &[Option<usize>]) -> Result<()> {
    #[derive(Clone, Copy, PartialEq)]
    enum Seen {
        No,
        OnPath,
        Done,
    }
    let mut seen = vec![Seen::No; texts.len()];
    for start in 0..texts.len() {
        let mut path = Vec::new();
        let mut at = Some(start);
        while let Some(i) = at {
            match seen[i] {
                Seen::Done => break,
                Seen::OnPath => {
                    let from = path.iter().position(|p| *p == i).unwrap_or(0);
                    let mut ids: Vec<&str> = path[from..]
                        .iter()
                        .map(|p: &usize| texts[*p].id.as_str())
                        .collect();
                    ids.push(texts[i].id.as_str());
                    return Err(AppError::validation(format!(
                        "Văn bản thay thế nhau thành vòng: {}. Một văn bản không thể (gián tiếp) thay thế chính nó.",
                        ids.join(" → ")
                    )));
                }
                Seen::No => {}
            }
            seen[i] = Seen::OnPath;
            path.push(i);
            at = next[i];
        }
        for i in path {
            seen[i] = Seen::Done;
        }
    }
    Ok(())
}
