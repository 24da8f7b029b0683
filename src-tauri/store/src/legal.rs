//! The legal texts (`legal_texts`, migration 005): listed, added, edited and
//! deleted under Danh mục (deletion undone through the trash), a newer list
//! file imported, and what the checker and a new plan take from them. Every
//! text is validated by core (`commplan_core::legal`) before it is written;
//! a list file is validated whole before anything is written, then written
//! in one transaction. No plan is touched.

use std::path::Path;

use commplan_core::legal::{
    Law, LegalText, LegalTextInput, LegalTextsImported, LegalTextsView, MAX_LIST_BYTES,
    ProvinceMerges, SourcePage, new_id, parse_list, validate_list,
};
use commplan_core::{AppError, Deleted};
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::error::db_error;
use crate::{Result, Store};

/// The provinces merged in 2025 (shipped data, with its sources).
const MERGES_JSON: &str = include_str!("../../../assets/provinces-2025.json");

/// The `meta` key holding the day the imported (or shipped) list was reviewed.
const LIST_DATE_KEY: &str = "legal_texts_updated";

const COLUMNS: &str = "code, kind, number, issued, issuer, title, in_force_from, in_force_until,
     replaced_by, governs, citation, cite_by_default, sources";

fn broken() -> AppError {
    AppError::internal("Danh mục văn bản pháp lý trong tệp dữ liệu bị hỏng.")
}

/// A row, through the same validation as typed text (a row changed behind
/// the app's back is refused, not trusted).
fn from_row(row: &Row<'_>) -> rusqlite::Result<Result<LegalText>> {
    let code: String = row.get("code")?;
    let sources: String = row.get("sources")?;
    let input = LegalTextInput {
        kind: row.get("kind")?,
        number: row.get("number")?,
        date: row.get("issued")?,
        issuer: row.get("issuer")?,
        title: row.get("title")?,
        in_force_from: row
            .get::<_, Option<String>>("in_force_from")?
            .unwrap_or_default(),
        in_force_until: row
            .get::<_, Option<String>>("in_force_until")?
            .unwrap_or_default(),
        replaced_by: row.get("replaced_by")?,
        governs: row.get("governs")?,
        citation: row.get("citation")?,
        cite_by_default: row.get::<_, i64>("cite_by_default")? != 0,
    };
    Ok(serde_json::from_str::<Vec<SourcePage>>(&sources)
        .map_err(|_| broken())
        .and_then(|sources| LegalText::from_input(&code, &input, &sources)))
}

/// Every legal text, in the list's order.
pub(crate) fn read_all(conn: &Connection) -> Result<Vec<LegalText>> {
    let mut stmt = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM legal_texts ORDER BY position, id"
        ))
        .map_err(db_error)?;
    let rows: Vec<Result<LegalText>> = stmt
        .query_map([], from_row)
        .and_then(Iterator::collect)
        .map_err(db_error)?;
    rows.into_iter()
        .map(|r| {
            r.map_err(|e| {
                log::error!("legal_texts: {}", e.message);
                broken()
            })
        })
        .collect()
}

/// What the checker is given: the legal texts and the merged provinces.
pub(crate) fn law(conn: &Connection) -> Result<Law> {
    Ok(Law {
        texts: read_all(conn)?,
        merges: ProvinceMerges::parse(MERGES_JSON)?,
    })
}

/// What the checker is given without a database: the shipped legal texts
/// and the merged provinces.
pub fn shipped_law() -> Result<Law> {
    Ok(Law {
        texts: parse_list(crate::schema::LEGAL_TEXTS_JSON)?.texts,
        merges: ProvinceMerges::parse(MERGES_JSON)?,
    })
}

/// Writes `text`: a new row at the end of the list, or the row of its code
/// changed (its place kept). `replaced_by` is written separately
/// ([`set_replacement`]) so that a whole list can be written in any order.
fn upsert(tx: &Connection, text: &LegalText) -> Result<()> {
    let position = next_position_of(tx)?;
    let sources = serde_json::to_string(&text.sources).map_err(|_| broken())?;
    let day = |d: Option<chrono::NaiveDate>| d.map(commplan_core::dates::to_iso);
    tx.execute(
        &format!(
            "INSERT INTO legal_texts (position, {COLUMNS})
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, NULL, ?10, ?11, ?12, ?13)
             ON CONFLICT (code) DO UPDATE SET
               kind = excluded.kind, number = excluded.number, issued = excluded.issued,
               issuer = excluded.issuer, title = excluded.title,
               in_force_from = excluded.in_force_from, in_force_until = excluded.in_force_until,
               governs = excluded.governs, citation = excluded.citation,
               cite_by_default = excluded.cite_by_default, sources = excluded.sources"
        ),
        params![
            position,
            text.id,
            text.kind,
            text.number,
            commplan_core::dates::to_iso(text.date),
            text.issuer,
            text.title,
            day(text.in_force_from),
            day(text.in_force_until),
            text.governs,
            text.citation,
            i64::from(text.cite_by_default),
            sources
        ],
    )
    .map_err(db_error)?;
    Ok(())
}

fn next_position_of(conn: &Connection) -> Result<i64> {
    conn.query_row(
        "SELECT coalesce(max(position), -1) + 1 FROM legal_texts",
        [],
        |r| r.get(0),
    )
    .map_err(db_error)
}

fn set_replacement(tx: &Connection, text: &LegalText) -> Result<()> {
    tx.execute(
        "UPDATE legal_texts SET replaced_by = ?1 WHERE code = ?2",
        params![text.replaced_by, text.id],
    )
    .map_err(db_error)?;
    Ok(())
}

/// Writes a whole validated list (texts not in it are left as they are).
fn write_all(tx: &Connection, texts: &[LegalText]) -> Result<()> {
    for t in texts {
        upsert(tx, t)?;
    }
    for t in texts {
        set_replacement(tx, t)?;
    }
    Ok(())
}

/// Seeds a new (or upgraded) file with the shipped list.
pub(crate) fn seed(tx: &Connection, bytes: &[u8]) -> Result<()> {
    let list = parse_list(bytes)?;
    write_all(tx, &list.texts)?;
    set_list_date(tx, list.updated)
}

fn set_list_date(tx: &Connection, date: Option<chrono::NaiveDate>) -> Result<()> {
    if let Some(date) = date {
        tx.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![LIST_DATE_KEY, commplan_core::dates::to_iso(date)],
        )
        .map_err(db_error)?;
    }
    Ok(())
}

/// `incoming` laid over `existing`: a text of the same id replaced in its
/// place, a new one at the end; with how many were added and updated.
fn merged(existing: &[LegalText], incoming: &[LegalText]) -> (Vec<LegalText>, u32, u32) {
    let mut all = existing.to_vec();
    let (mut added, mut updated) = (0u32, 0u32);
    for t in incoming {
        match all.iter_mut().find(|e| e.id == t.id) {
            Some(e) => {
                *e = t.clone();
                updated += 1;
            }
            None => {
                all.push(t.clone());
                added += 1;
            }
        }
    }
    (all, added, updated)
}

impl Store {
    /// The legal texts and the day the list was reviewed.
    pub fn legal_texts(&self) -> Result<LegalTextsView> {
        let list_date = self
            .conn()
            .query_row(
                "SELECT value FROM meta WHERE key = ?1",
                [LIST_DATE_KEY],
                |r| r.get(0),
            )
            .optional()
            .map_err(db_error)?;
        Ok(LegalTextsView {
            texts: read_all(self.conn())?,
            list_date,
        })
    }

    /// What the checker reads a plan against.
    pub fn law(&self) -> Result<Law> {
        law(self.conn())
    }

    /// Saves a text typed in Danh mục: the text `id` changed, or (no `id`) a
    /// new one at the end, its id made from its kind and number. Refused,
    /// with nothing written, when a field is invalid or the list would not be
    /// (a replacement that is not in it, or that goes round).
    pub fn save_legal_text(
        &mut self,
        id: Option<&str>,
        input: &LegalTextInput,
    ) -> Result<LegalTextsView> {
        self.write(|tx| {
            let mut texts = read_all(tx)?;
            let text = match id {
                Some(id) => {
                    let i = texts.iter().position(|t| t.id == id).ok_or_else(gone)?;
                    let text = LegalText::from_input(id, input, &texts[i].sources)?;
                    texts[i] = text.clone();
                    text
                }
                None => {
                    let id = new_id(
                        &input.kind,
                        &input.number,
                        texts.iter().map(|t| t.id.as_str()),
                    );
                    let text = LegalText::from_input(&id, input, &[])?;
                    texts.push(text.clone());
                    text
                }
            };
            validate_list(&texts)?;
            upsert(tx, &text)?;
            set_replacement(tx, &text)
        })?;
        self.legal_texts()
    }

    /// Deletes a text (undo with [`Store::undo_delete`]); refused while
    /// another text is said to be replaced by it.
    pub fn delete_legal_text(&mut self, id: &str) -> Result<Deleted> {
        self.write(|tx| {
            let (row, number, title): (i64, String, String) = tx
                .query_row(
                    "SELECT id, number, title FROM legal_texts WHERE code = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()
                .map_err(db_error)?
                .ok_or_else(gone)?;
            let replaced: Vec<String> = tx
                .prepare("SELECT number FROM legal_texts WHERE replaced_by = ?1 ORDER BY position")
                .and_then(|mut s| s.query_map([id], |r| r.get(0))?.collect())
                .map_err(db_error)?;
            if !replaced.is_empty() {
                return Err(AppError::conflict(format!(
                    "Không xóa được: văn bản này được ghi là văn bản thay thế của {}. Hãy sửa các văn bản đó trước.",
                    replaced.join(", ")
                )));
            }
            let description = format!(
                "văn bản “{} {}”",
                commplan_core::text::shorten(&title, 60),
                number
            );
            crate::trash::trash_row(tx, "legal_texts", row, description)
        })
    }

    /// Imports a newer list file: read and validated whole (as if every text
    /// were typed) before anything is written, then, after a backup, written
    /// in one transaction. Texts of the same id are updated, new ones added
    /// at the end, the others kept; no plan is touched.
    pub fn import_legal_texts(&mut self, bytes: &[u8]) -> Result<LegalTextsImported> {
        let list = parse_list(bytes)?;
        self.writable()?;
        let (all, _, _) = merged(&read_all(self.conn())?, &list.texts);
        validate_list(&all)?;
        self.backup(commplan_core::backup::BackupKind::PreImport)?;
        self.write(|tx| {
            let existing = read_all(tx)?;
            let (all, added, updated) = merged(&existing, &list.texts);
            validate_list(&all)?;
            write_all(tx, &list.texts)?;
            set_list_date(tx, list.updated)?;
            Ok(LegalTextsImported {
                added,
                updated,
                kept: u32::try_from(existing.len())
                    .unwrap_or(u32::MAX)
                    .saturating_sub(updated),
                list_date: list.updated.map(commplan_core::dates::to_iso),
            })
        })
    }
}

/// Reads a list file to import, never more than the largest list allowed
/// (one byte more, for the size check to refuse it).
pub fn read_list_file(path: &Path) -> Result<Vec<u8>> {
    crate::files::read_limited(path, MAX_LIST_BYTES, "tệp danh mục")
}

fn gone() -> AppError {
    AppError::not_found("Không tìm thấy văn bản này; có thể nó đã bị xóa.")
}
