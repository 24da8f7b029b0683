//! Checking a database file without writing to it, as `commplan verify`,
//! every new backup, every restore and the start-up offer of a backup do:
//! SQLite's `integrity_check` and `foreign_key_check`, the application id and
//! version, the whole schema against the one our migrations build for that
//! version (`schema_check`), and every budget amount against quantity × unit
//! price.

use std::path::Path;

use commplan_core::{AppError, ErrorCode};
use rusqlite::Connection;
use serde::Serialize;

use crate::Result;
use crate::connection::{Access, open_connection};
use crate::open::APPLICATION_ID;
use crate::schema::LATEST_VERSION;
use crate::schema_check::{SchemaDifference, schema_differences};

/// The result of checking a database file, as `commplan verify` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Verification {
    /// What `integrity_check` reported; empty when the file is sound.
    pub integrity_problems: Vec<String>,
    /// Rows that break a foreign key.
    pub foreign_key_problems: i64,
    /// The file carries commplan's application id.
    pub ours: bool,
    pub schema_version: i64,
    /// How the file's schema differs from the one this build's migrations
    /// make for its version (a trigger more or less, a table changed …).
    pub schema_differences: Vec<SchemaDifference>,
    pub plans: i64,
    /// Budget lines whose stored amount is not quantity × unit price.
    pub amounts_disagreeing: Vec<i64>,
}

impl Verification {
    /// Sound, ours, readable by this build, with exactly our schema, and
    /// self-consistent.
    pub fn is_sound(&self) -> bool {
        self.integrity_problems.is_empty()
            && self.foreign_key_problems == 0
            && self.ours
            && self.version_known()
            && self.schema_differences.is_empty()
            && self.amounts_disagreeing.is_empty()
    }

    /// The version is one this build's migrations make (0 is a new file).
    pub fn version_known(&self) -> bool {
        (0..=LATEST_VERSION).contains(&self.schema_version)
    }
}

/// Checks the file at `path` without writing to it; see the module documentation.
pub fn verify_file(path: &Path) -> Result<Verification> {
    if !path.is_file() {
        return Err(AppError::new(
            ErrorCode::NotFound,
            format!("Không tìm thấy tệp “{}”.", path.display()),
        ));
    }
    let conn = open_connection(path, Access::ReadOnly)?;
    verify_connection(&conn)
}

pub(crate) fn verify_connection(conn: &Connection) -> Result<Verification> {
    // A file SQLite cannot even walk is reported as a failed check, not an error.
    match read_verification(conn) {
        Ok(v) => Ok(v),
        Err(e) if e.code == ErrorCode::Damaged => Ok(Verification {
            integrity_problems: vec![e.message],
            foreign_key_problems: 0,
            ours: conn
                .pragma_query_value(None, "application_id", |r| r.get::<_, i32>(0))
                .is_ok_and(|id| id == APPLICATION_ID),
            schema_version: conn
                .pragma_query_value(None, "user_version", |r| r.get(0))
                .unwrap_or(0),
            schema_differences: Vec::new(),
            plans: 0,
            amounts_disagreeing: Vec::new(),
        }),
        Err(e) => Err(e),
    }
}

fn damaged(e: rusqlite::Error) -> AppError {
    log::warn!("verify: {e}");
    AppError::new(
        ErrorCode::Damaged,
        "Tệp bị hỏng: SQLite không đọc được cấu trúc của nó.",
    )
}

fn read_verification(conn: &Connection) -> Result<Verification> {
    let mut stmt = conn.prepare("PRAGMA integrity_check").map_err(damaged)?;
    let integrity_problems: Vec<String> = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .and_then(|rows| rows.collect())
        .map_err(damaged)?;
    let integrity_problems = if integrity_problems == ["ok"] {
        Vec::new()
    } else {
        integrity_problems
    };
    let application_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(damaged)?;
    let schema_version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(damaged)?;
    let ours = application_id == APPLICATION_ID;
    let schema_differences = if ours && (0..=LATEST_VERSION).contains(&schema_version) {
        schema_differences(conn, schema_version).map_err(damaged)?
    } else {
        Vec::new()
    };
    let foreign_key_problems = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .map_err(damaged)?;
    let plans = if has_table(conn, "plans")? {
        conn.query_row("SELECT count(*) FROM plans", [], |r| r.get(0))
            .map_err(damaged)?
    } else {
        0
    };
    // The columns read below are ours only when the schema is.
    let amounts_disagreeing = if schema_differences.is_empty() && has_table(conn, "budget_lines")? {
        amounts_disagreeing(conn)?
    } else {
        Vec::new()
    };
    Ok(Verification {
        integrity_problems,
        foreign_key_problems,
        ours,
        schema_version,
        schema_differences,
        plans,
        amounts_disagreeing,
    })
}

fn has_table(conn: &Connection, table: &str) -> Result<bool> {
    conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_schema WHERE type = 'table' AND name = ?1",
        [table],
        |r| r.get(0),
    )
    .map_err(damaged)
}

/// The budget lines whose amount is not quantity × unit price rounded half up.
fn amounts_disagreeing(conn: &Connection) -> Result<Vec<i64>> {
    let mut stmt = conn
        .prepare("SELECT id, quantity_centi, unit_price, amount FROM budget_lines ORDER BY id")
        .map_err(damaged)?;
    let rows: Vec<(i64, i64, i64, i64)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .and_then(|rows| rows.collect())
        .map_err(damaged)?;
    let mut out = Vec::new();
    for (id, quantity, price, amount) in rows {
        let expected = commplan_core::money::Money::new(price).and_then(|p| {
            commplan_core::money::line_amount(commplan_core::money::Quantity(quantity), p)
        });
        if expected.map(|m| m.dong()) != Ok(amount) {
            out.push(id);
        }
    }
    Ok(out)
}
