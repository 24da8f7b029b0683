//! A file's schema against ours: restore takes data, never schema.
//!
//! Every row of a file's `sqlite_schema` (type, name, table, SQL) is compared
//! with the schema our migrations build for the file's `user_version`, made
//! once per version by running them on an in-memory database. Only
//! insignificant white space is normalised (runs of it between tokens, not
//! inside quotes or comments); any other difference — a trigger, table, index
//! or view more, less or changed — is named in Vietnamese.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, LazyLock, Mutex};

use commplan_core::AppError;
use rusqlite::Connection;
use serde::Serialize;

use crate::Result;
use crate::error::db_error;
use crate::schema::{LATEST_VERSION, MIGRATIONS};

/// How a file's schema object differs from ours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum DifferenceKind {
    /// The file has it, our schema does not.
    Extra,
    /// Both have it, defined differently.
    Changed,
    /// Our schema has it, the file does not.
    Missing,
}

/// One object of a file's schema that is not as our migrations make it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SchemaDifference {
    pub kind: DifferenceKind,
    /// `table`, `index`, `view` or `trigger`, as `sqlite_schema` says.
    pub object_type: String,
    pub name: String,
    /// The table it belongs to (for an index or a trigger).
    pub table: String,
    /// The difference in Vietnamese, e.g. "có trigger lạ “x” trên bảng “recipients”".
    pub message: String,
}

/// What `sqlite_schema` says of one object: its table and normalised SQL.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Object {
    table: String,
    sql: Option<String>,
}

/// A whole schema, by (type, name).
type Schema = BTreeMap<(String, String), Object>;

/// The reference schema of each version, built once.
static REFERENCE: LazyLock<Mutex<HashMap<i64, Arc<Schema>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// What differs between the schema of the file behind `conn` and the one our
/// migrations build for `version` (which must be between 0 and
/// [`LATEST_VERSION`]). Sorted: extra objects first, then changed, then missing.
pub(crate) fn schema_differences(
    conn: &Connection,
    version: i64,
) -> rusqlite::Result<Vec<SchemaDifference>> {
    let found = read_schema(conn)?;
    let reference = reference(version).map_err(|e| {
        log::error!("reference schema {version}: {}", e.message);
        rusqlite::Error::InvalidQuery
    })?;
    let mut out = Vec::new();
    for (key, object) in &found {
        match reference.get(key) {
            None => out.push(difference(DifferenceKind::Extra, key, object)),
            Some(ours) if ours != object => {
                out.push(difference(DifferenceKind::Changed, key, object));
            }
            Some(_) => {}
        }
    }
    for (key, object) in reference.iter() {
        if !found.contains_key(key) {
            out.push(difference(DifferenceKind::Missing, key, object));
        }
    }
    out.sort_by(|a, b| {
        (a.kind, type_order(&a.object_type), &a.name).cmp(&(
            b.kind,
            type_order(&b.object_type),
            &b.name,
        ))
    });
    Ok(out)
}

/// The schema our migrations build for `version`, from the cache.
fn reference(version: i64) -> Result<Arc<Schema>> {
    let mut cache = REFERENCE.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(schema) = cache.get(&version) {
        return Ok(Arc::clone(schema));
    }
    let schema = Arc::new(build_reference(version)?);
    cache.insert(version, Arc::clone(&schema));
    Ok(schema)
}

fn build_reference(version: i64) -> Result<Schema> {
    let steps = usize::try_from(version)
        .ok()
        .filter(|_| version <= LATEST_VERSION)
        .ok_or_else(|| AppError::internal("Phiên bản cấu trúc dữ liệu không hợp lệ."))?;
    let mut conn = crate::connection::open_memory()?;
    if steps > 0 {
        MIGRATIONS.to_version(&mut conn, steps).map_err(|e| {
            log::error!("reference schema {version}: {e}");
            AppError::internal("Không dựng được cấu trúc dữ liệu chuẩn để so sánh.")
        })?;
    }
    read_schema(&conn).map_err(db_error)
}

fn read_schema(conn: &Connection) -> rusqlite::Result<Schema> {
    let mut stmt = conn.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            (r.get::<_, String>(0)?, r.get::<_, String>(1)?),
            Object {
                table: r.get(2)?,
                sql: r.get::<_, Option<String>>(3)?.as_deref().map(normalise),
            },
        ))
    })?;
    rows.collect()
}

/// `sql` with every run of white space between tokens made one space, and
/// none at either end. White space inside a string, a quoted name or a
/// comment is kept as it is, and so is the line break that ends a `--`
/// comment (it separates the comment from the code after it).
pub(crate) fn normalise(sql: &str) -> String {
    #[derive(Clone, Copy)]
    enum State {
        Code,
        Quoted(char),
        LineComment,
        BlockComment,
    }
    let mut out = String::with_capacity(sql.len());
    let mut state = State::Code;
    let mut space = false;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match state {
            State::Code if c.is_whitespace() => space = true,
            State::Code => {
                // A line break that ended a `--` comment already separates.
                if space && !out.is_empty() && !out.ends_with('\n') {
                    out.push(' ');
                }
                space = false;
                out.push(c);
                state = match c {
                    '\'' | '"' | '`' => State::Quoted(c),
                    '[' => State::Quoted(']'),
                    '-' if chars.peek() == Some(&'-') => {
                        out.extend(chars.next());
                        State::LineComment
                    }
                    '/' if chars.peek() == Some(&'*') => {
                        out.extend(chars.next());
                        State::BlockComment
                    }
                    _ => State::Code,
                };
            }
            State::Quoted(end) => {
                out.push(c);
                if c == end {
                    state = State::Code;
                }
            }
            State::LineComment => {
                out.push(c);
                if c == '\n' {
                    state = State::Code;
                }
            }
            State::BlockComment => {
                out.push(c);
                if c == '*' && chars.peek() == Some(&'/') {
                    out.extend(chars.next());
                    state = State::Code;
                }
            }
        }
    }
    out
}

fn type_order(object_type: &str) -> u8 {
    match object_type {
        "table" => 0,
        "view" => 1,
        "index" => 2,
        "trigger" => 3,
        _ => 4,
    }
}

/// The Vietnamese name of a kind of schema object.
fn type_name(object_type: &str) -> &'static str {
    match object_type {
        "table" => "bảng",
        "view" => "khung nhìn",
        "index" => "chỉ mục",
        "trigger" => "trigger",
        _ => "đối tượng",
    }
}

/// A name from a file, as a message may show it: no control characters, not
/// longer than a line.
fn shown(name: &str) -> String {
    let clean: String = name
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    commplan_core::text::shorten(&clean, 60)
}

fn difference(
    kind: DifferenceKind,
    (object_type, name): &(String, String),
    object: &Object,
) -> SchemaDifference {
    let what = type_name(object_type);
    let on_table = if matches!(object_type.as_str(), "index" | "trigger") {
        format!(" trên bảng “{}”", shown(&object.table))
    } else {
        String::new()
    };
    let name_shown = shown(name);
    let message = match kind {
        DifferenceKind::Extra => format!("có {what} lạ “{name_shown}”{on_table}"),
        DifferenceKind::Missing => format!("thiếu {what} “{name_shown}”{on_table}"),
        DifferenceKind::Changed => {
            format!("{what} “{name_shown}”{on_table} khác với {what} của ứng dụng")
        }
    };
    SchemaDifference {
        kind,
        object_type: object_type.clone(),
        name: name.clone(),
        table: object.table.clone(),
        message,
    }
}

#[cfg(test)]
mod tests;
