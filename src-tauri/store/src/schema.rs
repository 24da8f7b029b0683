//! Migrations, in order. A released migration is never edited: a change of
//! schema is a new file appended here.

use std::sync::LazyLock;

use rusqlite::Transaction;
use rusqlite_migration::{HookError, M, Migrations};
use serde::Deserialize;

/// The schema version this build writes.
pub const LATEST_VERSION: i64 = 8;

pub(crate) static MIGRATIONS: LazyLock<Migrations<'static>> = LazyLock::new(|| {
    Migrations::new(vec![
        M::up_with_hook(include_str!("../migrations/001_initial.sql"), seed_units)
            .foreign_key_check(),
        M::up_with_hook(
            include_str!("../migrations/002_drafting.sql"),
            seed_channels,
        )
        .foreign_key_check(),
        M::up_with_hook(
            include_str!("../migrations/003_budget.sql"),
            seed_budget_lists,
        )
        .foreign_key_check(),
        M::up(include_str!("../migrations/004_review.sql")).foreign_key_check(),
        M::up_with_hook(
            include_str!("../migrations/005_legal_texts.sql"),
            seed_legal_texts,
        )
        .foreign_key_check(),
        M::up(include_str!("../migrations/006_header_lines.sql")),
        M::up(include_str!("../migrations/007_plan_files.sql")).foreign_key_check(),
        M::up(include_str!("../migrations/008_results.sql")).foreign_key_check(),
    ])
});

/// Reference data loaded when a file is created; afterwards it is the user's.
const UNITS_JSON: &str = include_str!("../../../assets/units.json");
const CHANNELS_JSON: &str = include_str!("../../../assets/channels.json");
/// What a new plan starts with (its legal bases come from the legal texts).
const PLAN_DEFAULTS_JSON: &str = include_str!("../../../assets/legal-bases.json");
pub(crate) const LEGAL_TEXTS_JSON: &[u8] = include_bytes!("../../../assets/legal-texts.json");

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ChannelsFile {
    channels: Vec<String>,
}

/// The recipients a new plan is prefilled with; its legal bases are the
/// legal texts cited by default that are in force in its year
/// ([`commplan_core::legal::cited_by_default`]).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PlanDefaults {
    pub recipients: Vec<String>,
}

pub(crate) fn plan_defaults() -> crate::Result<PlanDefaults> {
    serde_json::from_str(PLAN_DEFAULTS_JSON).map_err(|e| {
        log::error!("assets/legal-bases.json: {e}");
        commplan_core::AppError::internal("Dữ liệu mặc định của kế hoạch bị hỏng.")
    })
}

const BUDGET_JSON: &str = include_str!("../../../assets/budget.json");

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct BudgetFile {
    categories: Vec<String>,
    sources: Vec<String>,
}

fn seed_budget_lists(tx: &Transaction<'_>) -> Result<(), HookError> {
    let file: BudgetFile = serde_json::from_str(BUDGET_JSON)
        .map_err(|e| HookError::Hook(format!("assets/budget.json: {e}")))?;
    for (table, names) in [
        ("budget_categories", &file.categories),
        ("funding_sources", &file.sources),
    ] {
        let mut insert = tx.prepare(&format!(
            "INSERT INTO {table} (position, name) VALUES (?1, ?2)"
        ))?;
        for (name, pos) in names.iter().zip(0i64..) {
            insert.execute((pos, name))?;
        }
    }
    Ok(())
}

fn seed_legal_texts(tx: &Transaction<'_>) -> Result<(), HookError> {
    crate::legal::seed(tx, LEGAL_TEXTS_JSON)
        .map_err(|e| HookError::Hook(format!("assets/legal-texts.json: {}", e.message)))
}

fn seed_channels(tx: &Transaction<'_>) -> Result<(), HookError> {
    let file: ChannelsFile = serde_json::from_str(CHANNELS_JSON)
        .map_err(|e| HookError::Hook(format!("assets/channels.json: {e}")))?;
    let mut insert = tx.prepare("INSERT INTO channels (position, name) VALUES (?1, ?2)")?;
    for (i, name) in file.channels.iter().enumerate() {
        insert.execute((i64::try_from(i).unwrap_or(i64::MAX), name))?;
    }
    Ok(())
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct UnitsFile {
    units: Vec<SeedUnit>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SeedUnit {
    name: String,
    parent_body: String,
    abbreviation: String,
}

/// The unit list a new database starts with (ids 1, 2, … in the file's
/// order, as a new database numbers them): what `commplan consolidate`
/// counts plans under without a database.
pub fn seeded_units() -> crate::Result<Vec<commplan_core::Unit>> {
    let file: UnitsFile = serde_json::from_str(UNITS_JSON).map_err(|e| {
        log::error!("assets/units.json: {e}");
        commplan_core::AppError::internal("Danh sách đơn vị mẫu bị hỏng.")
    })?;
    Ok(file
        .units
        .into_iter()
        .zip(1..)
        .map(|(u, id)| commplan_core::Unit {
            id,
            name: u.name,
            parent_body: u.parent_body,
            abbreviation: u.abbreviation,
        })
        .collect())
}

fn seed_units(tx: &Transaction<'_>) -> Result<(), HookError> {
    let file: UnitsFile = serde_json::from_str(UNITS_JSON)
        .map_err(|e| HookError::Hook(format!("assets/units.json: {e}")))?;
    let mut insert = tx.prepare(
        "INSERT INTO units (name, parent_body, abbreviation, sort_order) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (i, u) in file.units.iter().enumerate() {
        let order = i64::try_from(i).unwrap_or(i64::MAX);
        insert.execute((&u.name, &u.parent_body, &u.abbreviation, order))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid_and_latest_matches() {
        MIGRATIONS.validate().expect("migrations validate");
        let mut conn = rusqlite::Connection::open_in_memory().expect("memory db");
        MIGRATIONS.to_latest(&mut conn).expect("migrate");
        let v: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .expect("user_version");
        assert_eq!(v, LATEST_VERSION);
    }

    #[test]
    fn plan_defaults_parse_and_end_with_the_archive_copy() {
        let d = plan_defaults().expect("defaults parse");
        assert!(
            d.recipients
                .last()
                .is_some_and(|r| r.starts_with("Lưu: VT"))
        );
    }

    #[test]
    fn reference_units_parse_and_are_seeded() {
        let file: UnitsFile = serde_json::from_str(UNITS_JSON).expect("units.json parses");
        assert!(file.units.len() >= 5);
        let mut conn = rusqlite::Connection::open_in_memory().expect("memory db");
        MIGRATIONS.to_latest(&mut conn).expect("migrate");
        let n: i64 = conn
            .query_row("SELECT count(*) FROM units", [], |r| r.get(0))
            .expect("count");
        assert_eq!(usize::try_from(n).expect("count"), file.units.len());
    }
}
