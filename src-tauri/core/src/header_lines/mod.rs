//! How the names at the top of a plan break into lines: the parent body and
//! the unit in the header's left column, and the subject under "KẾ HOẠCH".
//! A name is set in the lines the officer chose (a plan field holding the
//! name with a line break where each line ends: `headerParentLines`,
//! `headerUnitLines`, `subjectLines`), or, while that field is empty, by the
//! automatic rule ([`breaking`]): the fewest lines that fit, broken where a
//! reader would ("SỞ NÔNG NGHIỆP / VÀ MÔI TRƯỜNG", never "… VÀ MÔI /
//! TRƯỜNG"), the lines even. The PDF passes the column and its font's
//! measure ([`set`]); the editor shows the same lines before export.
//!
//! The officer's breaks belong to the text they break: they are refused when
//! typed for another text ([`check_breaks`]), and when the name changes
//! afterwards (a unit renamed, a subject retyped) they no longer match and
//! the automatic rule applies again (`outdated`).

mod breaking;
mod phrases;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{AppError, Result};
use crate::plan::{PlanDocument, PlanFields};
use crate::text::clean;

/// A name of the header whose lines the officer may set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum HeaderName {
    /// Cơ quan chủ quản: "ỦY BAN NHÂN DÂN TỈNH GIA LAI".
    Parent,
    /// The unit that issues the plan: "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG".
    Unit,
    /// Trích yếu: the subject under "KẾ HOẠCH".
    Subject,
}

impl HeaderName {
    pub const ALL: [HeaderName; 3] = [HeaderName::Parent, HeaderName::Unit, HeaderName::Subject];

    /// The plan field (wire name) that holds the officer's breaks.
    pub fn field(self) -> &'static str {
        match self {
            HeaderName::Parent => "headerParentLines",
            HeaderName::Unit => "headerUnitLines",
            HeaderName::Subject => "subjectLines",
        }
    }

    /// The plan fields (wire names) the header is set from, besides the unit
    /// and the year: the subject and the officer's breaks. An edit of any
    /// other field leaves the header's lines as they were, so the editor asks
    /// for them again only when one of these changes.
    pub const PLAN_FIELDS: [&'static str; 4] = [
        "title",
        "headerParentLines",
        "headerUnitLines",
        "subjectLines",
    ];

    /// The name as the document prints it: the parent body and the unit in
    /// capitals, the subject as typed (or [`subject`]).
    pub fn text(self, doc: &PlanDocument) -> String {
        match self {
            HeaderName::Parent => clean(&doc.unit.parent_body).to_uppercase(),
            HeaderName::Unit => clean(&doc.unit.name).to_uppercase(),
            HeaderName::Subject => subject(&doc.fields, doc.year),
        }
    }

    /// The officer's breaks of this name ("" for automatic).
    pub fn breaks(self, fields: &PlanFields) -> &str {
        match self {
            HeaderName::Parent => &fields.header_parent_lines,
            HeaderName::Unit => &fields.header_unit_lines,
            HeaderName::Subject => &fields.subject_lines,
        }
    }
}

/// The subject printed under "KẾ HOẠCH": the plan's title, or while it is
/// empty "Truyền thông chính sách năm {year}".
pub fn subject(fields: &PlanFields, year: i32) -> String {
    let title = clean(&fields.title);
    if title.is_empty() {
        format!("Truyền thông chính sách năm {year}")
    } else {
        title
    }
}

/// A name as it is printed, line by line, and as the editor shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct HeaderLines {
    pub name: HeaderName,
    /// The plan field that holds the officer's breaks ([`HeaderName::field`]).
    pub field: String,
    /// The lines, each its words joined by one space.
    pub lines: Vec<String>,
    /// The officer's breaks are used; else the automatic rule's.
    pub custom: bool,
    /// The officer's breaks were set for another text (the name changed
    /// since): the automatic rule is used.
    pub outdated: bool,
    /// A line the officer set is wider than the column: it is broken further.
    pub too_wide: bool,
    /// The column's width and the font's size, in points, and its weight.
    pub width: f32,
    pub size: f32,
    pub bold: bool,
}

/// The names of the header as they are printed: the parent body (none when
/// the unit has none), the unit, the subject.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct HeaderPreview {
    pub parent: Option<HeaderLines>,
    pub unit: HeaderLines,
    pub subject: HeaderLines,
}

/// Where a name is set: the column's width and the font's size in points,
/// its weight, and how wide a line of text is in that font.
pub struct Column<'a> {
    pub width: f32,
    pub size: f32,
    pub bold: bool,
    pub measure: &'a dyn Fn(&str) -> f32,
}

/// `name` of `doc` set in `column`: the officer's lines when they break this
/// very name (a line wider than the column broken further by the rule),
/// else the automatic rule's.
pub fn set(name: HeaderName, doc: &PlanDocument, column: &Column<'_>) -> HeaderLines {
    let text = name.text(doc);
    let words: Vec<&str> = text.split_whitespace().collect();
    let breaks = name.breaks(&doc.fields);
    let officer = officer_lines(&words, breaks);
    let automatic = |words: &[&str]| breaking::automatic(words, column.width, column.measure);
    let mut too_wide = false;
    let counts = match &officer {
        None => automatic(&words),
        Some(counts) => {
            let mut out = Vec::new();
            let mut at = 0;
            for &n in counts {
                let line = &words[at..at + n];
                if n > 1 && (column.measure)(&line.join(" ")) > column.width + 0.01 {
                    too_wide = true;
                    out.extend(automatic(line));
                } else {
                    out.push(n);
                }
                at += n;
            }
            out
        }
    };
    let mut at = 0;
    let lines = counts
        .iter()
        .map(|&n| {
            at += n;
            words[at - n..at].join(" ")
        })
        .collect();
    HeaderLines {
        name,
        field: name.field().to_string(),
        lines,
        custom: officer.is_some(),
        outdated: officer.is_none() && !breaks.trim().is_empty(),
        too_wide,
        width: column.width,
        size: column.size,
        bold: column.bold,
    }
}

/// The number of words of each line the officer set, when `breaks` holds
/// exactly `words` (NFC, case and spacing aside); `None` when it is empty or
/// holds another text.
fn officer_lines(words: &[&str], breaks: &str) -> Option<Vec<usize>> {
    let lines: Vec<Vec<&str>> = breaks
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>())
        .filter(|l| !l.is_empty())
        .collect();
    let same = |a: &str, b: &str| clean(a).to_lowercase() == clean(b).to_lowercase();
    let given: Vec<&str> = lines.concat();
    let matches = !given.is_empty()
        && given.len() == words.len()
        && given.iter().zip(words).all(|(a, b)| same(a, b));
    matches.then(|| lines.iter().map(Vec::len).collect())
}

/// The stored form of the officer's breaks: each line's words separated by
/// one space, the lines by one line break, no empty line ("" is automatic).
pub fn tidy(breaks: &str) -> String {
    breaks
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Refuses breaks of `name` that do not break the name `doc` prints: only
/// where the lines end may change, never the words.
pub fn check_breaks(doc: &PlanDocument, name: HeaderName) -> Result<()> {
    let breaks = name.breaks(&doc.fields);
    let text = name.text(doc);
    let words: Vec<&str> = text.split_whitespace().collect();
    if breaks.trim().is_empty() || officer_lines(&words, breaks).is_some() {
        return Ok(());
    }
    let label = crate::Entity::Plan
        .field(name.field())
        .map_or("Ngắt dòng", |f| f.label);
    Err(AppError::validation(format!(
        "{label}: chỉ đổi được chỗ xuống dòng, không đổi chữ; các dòng ghép lại phải đúng “{text}”."
    )))
}
