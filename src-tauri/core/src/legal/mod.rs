//! Legal texts as dated data: each text the app knows (a law, a decree, a
//! directive …) with its number, dates, issuer, title, when it is in force,
//! what replaces it, what it governs and how a plan cites it. The list ships
//! in `assets/legal-texts.json`; the store keeps it in the database, where the
//! user edits it and imports newer lists (`file.rs`).
//!
//! What is decided here, once: whether a text is in force in a year
//! ([`LegalText::in_force_in`]); what supersedes it in a year
//! ([`superseded_in`]: its stated replacement when that is in force, else a
//! newer text of the same kind governing the same thing that is in force);
//! which texts a new plan cites ([`cited_by_default`]); which text a legal
//! basis of a plan cites (`cite.rs`); and the provinces merged in 2025
//! (`provinces.rs`). Validation of a text and of a whole list is in
//! `validate.rs`: the same for what is typed and what is imported.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text::fold;

mod cite;
mod file;
mod provinces;
#[cfg(test)]
mod tests;
mod validate;

pub use cite::{cited_text, dates_in, former_province};
pub use file::{LIST_FORMAT, LIST_VERSION, LegalTextList, MAX_LIST_BYTES, MAX_TEXTS, parse_list};
pub use provinces::{FormerProvince, Merge, ProvinceMerges};
pub use validate::{new_id, validate_list};

/// A page on which facts of a text were confirmed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct SourcePage {
    pub title: String,
    pub url: String,
    /// Which facts the page confirms.
    pub confirms: String,
}

/// One legal text, validated (see `validate.rs`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct LegalText {
    /// Stable id, e.g. "luat-bao-chi-2016"; never changes once given.
    pub id: String,
    /// Loại văn bản: "Luật", "Nghị định" …
    pub kind: String,
    /// Số, ký hiệu as on the text, e.g. "09/2017/NĐ-CP".
    pub number: String,
    /// Ngày ban hành (for a law: the day it was passed).
    #[serde(with = "iso_day")]
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub issuer: String,
    pub title: String,
    /// First day in force; `None` when not known.
    #[serde(with = "iso_day_opt")]
    #[ts(type = "string | null")]
    pub in_force_from: Option<NaiveDate>,
    /// First day no longer in force; `None` while in force or not known.
    #[serde(with = "iso_day_opt")]
    #[ts(type = "string | null")]
    pub in_force_until: Option<NaiveDate>,
    /// The id of the text that replaces it, when that is known.
    pub replaced_by: Option<String>,
    /// What it governs, a short phrase; texts of one kind governing the same
    /// thing supersede each other by date.
    pub governs: String,
    /// How a plan cites it under "Căn cứ …".
    pub citation: String,
    /// A new plan cites it when it is in force in the plan's year.
    pub cite_by_default: bool,
    /// Where its facts were confirmed.
    pub sources: Vec<SourcePage>,
}

/// A text as the user types it in Danh mục (dates as typed, dd/mm/yyyy).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct LegalTextInput {
    pub kind: String,
    pub number: String,
    pub date: String,
    pub issuer: String,
    pub title: String,
    /// Empty when not known.
    pub in_force_from: String,
    /// Empty while in force or not known.
    pub in_force_until: String,
    pub replaced_by: Option<String>,
    pub governs: String,
    pub citation: String,
    pub cite_by_default: bool,
}

/// The legal texts as Danh mục shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct LegalTextsView {
    pub texts: Vec<LegalText>,
    /// The day the list in use was reviewed (yyyy-mm-dd), when known.
    pub list_date: Option<String>,
}

/// What a legal-text list import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct LegalTextsImported {
    /// Texts the list added.
    pub added: u32,
    /// Texts already there that the list updated.
    pub updated: u32,
    /// Texts of the database the list does not hold, kept as they were.
    pub kept: u32,
    /// The day the list says it was reviewed (yyyy-mm-dd), if it says so.
    pub list_date: Option<String>,
}

/// A date on the wire: yyyy-mm-dd.
mod iso_day {
    pub(super) fn serialize<S: serde::Serializer>(
        date: &chrono::NaiveDate,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.serialize_str(&crate::dates::to_iso(*date))
    }
}

/// A date or nothing on the wire: yyyy-mm-dd or null.
mod iso_day_opt {
    pub(super) fn serialize<S: serde::Serializer>(
        date: &Option<chrono::NaiveDate>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => super::iso_day::serialize(d, s),
            None => s.serialize_none(),
        }
    }
}

impl LegalText {
    /// In force on `day`: from its first day (when known) until the day it
    /// ends (when known). A date not known does not count against it.
    pub fn in_force_on(&self, day: NaiveDate) -> bool {
        self.in_force_from.is_none_or(|from| from <= day)
            && self.in_force_until.is_none_or(|until| day < until)
    }

    /// In force on at least one day of `year`.
    pub fn in_force_in(&self, year: i32) -> bool {
        let (first, last) = year_bounds(year);
        self.in_force_from.is_none_or(|from| from <= last)
            && self.in_force_until.is_none_or(|until| until > first)
    }

    /// Not yet in force on the last day of `year`.
    pub fn not_yet_in_force(&self, year: i32) -> bool {
        self.in_force_from
            .is_some_and(|from| from > year_bounds(year).1)
    }

    /// Out of force before `year` began.
    pub fn ended_before(&self, year: i32) -> bool {
        self.in_force_until
            .is_some_and(|until| until <= year_bounds(year).0)
    }

    /// Of the same kind and governing the same thing (folded; an empty
    /// "governs" never matches).
    fn same_field_as(&self, other: &LegalText) -> bool {
        !self.governs.trim().is_empty()
            && fold(&self.kind) == fold(&other.kind)
            && fold(&self.governs) == fold(&other.governs)
    }
}

/// 1 January and 31 December of `year` (clamped to what chrono can hold).
fn year_bounds(year: i32) -> (NaiveDate, NaiveDate) {
    let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN);
    let last = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX);
    (first, last)
}

/// What supersedes a text in a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Supersession<'a> {
    /// The list says this text replaces it, and this one is in force.
    Replaced(&'a LegalText),
    /// The list states no replacement, but a newer text of the same kind
    /// governing the same thing is in force: nothing says the older one was
    /// repealed.
    Newer(&'a LegalText),
}

impl<'a> Supersession<'a> {
    pub fn by(self) -> &'a LegalText {
        match self {
            Supersession::Replaced(t) | Supersession::Newer(t) => t,
        }
    }
}

/// What supersedes `text` in `year`: its stated replacement when that is in
/// force in the year, else the newest text of the same kind governing the
/// same thing, issued after it and in force in the year.
pub fn superseded_in<'a>(
    texts: &'a [LegalText],
    text: &LegalText,
    year: i32,
) -> Option<Supersession<'a>> {
    let stated = text
        .replaced_by
        .as_deref()
        .and_then(|id| texts.iter().find(|t| t.id == id))
        .filter(|t| t.in_force_in(year));
    if let Some(replacement) = stated {
        return Some(Supersession::Replaced(replacement));
    }
    texts
        .iter()
        .filter(|t| t.id != text.id && t.date > text.date)
        .filter(|t| t.same_field_as(text) && t.in_force_in(year))
        .max_by_key(|t| t.date)
        .map(Supersession::Newer)
}

/// The order legal bases are listed in: laws, then resolutions, decrees,
/// decisions and directives, then the rest; older first within a kind.
fn kind_rank(kind: &str) -> u8 {
    match fold(kind).as_str() {
        "luat" | "bo luat" => 0,
        "nghi quyet" => 1,
        "nghi dinh" => 2,
        "quyet dinh" | "chi thi" => 3,
        "thong tu" => 4,
        _ => 5,
    }
}

/// What a new plan of `year` cites: the texts marked to be cited by default
/// that are in force in the year and not superseded in it, laws first.
pub fn cited_by_default(texts: &[LegalText], year: i32) -> Vec<&LegalText> {
    let mut cited: Vec<&LegalText> = texts
        .iter()
        .filter(|t| t.cite_by_default && t.in_force_in(year))
        .filter(|t| superseded_in(texts, t, year).is_none())
        .collect();
    cited.sort_by_key(|t| (kind_rank(&t.kind), t.date));
    cited
}

/// What the checker knows of the law: the legal texts and the provinces
/// merged in 2025. The store passes them; the check stays pure.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Law {
    pub texts: Vec<LegalText>,
    pub merges: ProvinceMerges,
}

/// The day a plan is written, for what it cites: its issue date when set,
/// else 1 January of its year.
pub fn written_on(issue_date: &str, year: i32) -> NaiveDate {
    crate::dates::parse_iso(issue_date).unwrap_or_else(|| year_bounds(year).0)
}

/// `date` as shown, dd/mm/yyyy.
pub(crate) fn shown(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}
