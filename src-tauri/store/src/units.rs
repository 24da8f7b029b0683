//! Issuing units: the user's own list, seeded from `assets/units.json`.

use commplan_core::{AppError, Unit, UnitInput};
use rusqlite::{OptionalExtension, Row, params};

use crate::error::db_error;
use crate::{Result, Store};

fn unit_from_row(row: &Row<'_>) -> rusqlite::Result<Unit> {
    Ok(Unit {
        id: row.get("id")?,
        name: row.get("name")?,
        parent_body: row.get("parent_body")?,
        abbreviation: row.get("abbreviation")?,
    })
}

fn duplicate(input: &UnitInput) -> AppError {
    AppError::conflict(format!(
        "Đã có đơn vị “{}” thuộc “{}”.",
        input.name, input.parent_body
    ))
}

fn is_unique_violation(err: &rusqlite::Error) -> bool {
    matches!(
        err,
        rusqlite::Error::SqliteFailure(e, _)
            if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
    )
}

/// A failed write of a unit: the same name twice is the user's to fix.
fn write_error(err: rusqlite::Error, input: &UnitInput) -> AppError {
    if is_unique_violation(&err) {
        duplicate(input)
    } else {
        db_error(err)
    }
}

impl Store {
    /// All units, in the user's order.
    pub fn list_units(&self) -> Result<Vec<Unit>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT * FROM units ORDER BY sort_order, name COLLATE NOCASE, id")
            .map_err(db_error)?;
        stmt.query_map([], unit_from_row)
            .and_then(Iterator::collect)
            .map_err(db_error)
    }

    pub fn unit(&self, id: i64) -> Result<Unit> {
        self.conn()
            .query_row("SELECT * FROM units WHERE id = ?1", [id], unit_from_row)
            .optional()
            .map_err(db_error)?
            .ok_or_else(|| AppError::not_found("Không tìm thấy đơn vị này; có thể nó đã bị xóa."))
    }

    /// Adds a unit at the end of the list.
    pub fn create_unit(&mut self, input: &UnitInput) -> Result<Unit> {
        let input = input.validated()?;
        let id = self.write(|tx| {
            tx.execute(
                "INSERT INTO units (name, parent_body, abbreviation, sort_order)
                 VALUES (?1, ?2, ?3, (SELECT coalesce(max(sort_order), 0) + 1 FROM units))",
                params![input.name, input.parent_body, input.abbreviation],
            )
            .map_err(|e| write_error(e, &input))?;
            Ok(tx.last_insert_rowid())
        })?;
        self.unit(id)
    }

    pub fn update_unit(&mut self, id: i64, input: &UnitInput) -> Result<Unit> {
        let input = input.validated()?;
        let changed = self.write(|tx| {
            tx.execute(
                "UPDATE units SET name = ?2, parent_body = ?3, abbreviation = ?4 WHERE id = ?1",
                params![id, input.name, input.parent_body, input.abbreviation],
            )
            .map_err(|e| write_error(e, &input))
        })?;
        if changed == 0 {
            return Err(AppError::not_found(
                "Không tìm thấy đơn vị này; có thể nó đã bị xóa.",
            ));
        }
        self.unit(id)
    }

    /// Deletes a unit that no plan uses; returns it so that the deletion can be undone.
    pub fn delete_unit(&mut self, id: i64) -> Result<Unit> {
        let unit = self.unit(id)?;
        self.write(|tx| {
            let plans: i64 = tx
                .query_row("SELECT count(*) FROM plans WHERE unit_id = ?1", [id], |r| {
                    r.get(0)
                })
                .map_err(db_error)?;
            if plans > 0 {
                return Err(AppError::conflict(format!(
                    "Không xóa được “{}” vì đơn vị này đang có {plans} kế hoạch.",
                    unit.name
                )));
            }
            tx.execute("DELETE FROM units WHERE id = ?1", [id])
                .map_err(db_error)?;
            Ok(())
        })?;
        Ok(unit)
    }

    /// Puts back a unit removed by [`Store::delete_unit`], with its id.
    pub fn restore_unit(&mut self, unit: &Unit) -> Result<Unit> {
        let input = UnitInput {
            name: unit.name.clone(),
            parent_body: unit.parent_body.clone(),
            abbreviation: unit.abbreviation.clone(),
        }
        .validated()?;
        self.write(|tx| {
            tx.execute(
                "INSERT INTO units (id, name, parent_body, abbreviation, sort_order)
                 VALUES (?1, ?2, ?3, ?4, (SELECT coalesce(max(sort_order), 0) + 1 FROM units))",
                params![unit.id, input.name, input.parent_body, input.abbreviation],
            )
            .map_err(|e| write_error(e, &input))?;
            Ok(())
        })?;
        self.unit(unit.id)
    }
}
