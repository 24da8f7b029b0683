//! Deleting and undoing: a deletion first copies every row it removes (and what
//! it takes with it, parents first) into the `trash` table as JSON, in the same
//! transaction; undo inserts them again with their ids.

use commplan_core::{AppError, Deleted, Entity, PlanChanged};
use rusqlite::types::{Value, ValueRef};
use rusqlite::{OptionalExtension, Transaction, params, params_from_iter};
use serde_json::{Map, Value as Json};

use crate::edit::{describe, plan_of};
use crate::error::db_error;
use crate::{Result, Store, touch_plan};

/// How many deletions are kept for undo (across the whole file); older ones
/// are dropped as new ones come. `commplan purge` empties the trash at once.
pub const TRASH_KEPT: i64 = 200;

/// Rows of `table` matching `filter` (which uses ?1), as JSON objects.
fn snapshot(tx: &Transaction<'_>, table: &str, filter: &str, id: i64) -> Result<Vec<Json>> {
    let mut stmt = tx
        .prepare(&format!("SELECT * FROM {table} WHERE {filter} ORDER BY id"))
        .map_err(db_error)?;
    let names: Vec<String> = stmt
        .column_names()
        .iter()
        .map(|s| (*s).to_string())
        .collect();
    let mut rows = stmt.query([id]).map_err(db_error)?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().map_err(db_error)? {
        let mut obj = Map::new();
        for (i, name) in names.iter().enumerate() {
            let v = match row.get_ref(i).map_err(db_error)? {
                ValueRef::Null => Json::Null,
                ValueRef::Integer(n) => Json::from(n),
                ValueRef::Real(x) => Json::from(x),
                ValueRef::Text(t) => Json::from(String::from_utf8_lossy(t).into_owned()),
                ValueRef::Blob(_) => Json::Null,
            };
            obj.insert(name.clone(), v);
        }
        out.push(Json::Object(obj));
    }
    Ok(out)
}

/// What a deletion of `entity` takes with it, parents first.
fn cascade(entity: Entity) -> Vec<(&'static str, &'static str)> {
    match entity {
        Entity::Plan => vec![
            ("plans", "id = ?1"),
            ("legal_bases", "plan_id = ?1"),
            ("policies", "plan_id = ?1"),
            (
                "policy_stages",
                "policy_id IN (SELECT id FROM policies WHERE plan_id = ?1)",
            ),
            ("activities", "plan_id = ?1"),
            ("focal_officers", "plan_id = ?1"),
            ("trainings", "plan_id = ?1"),
            ("press_partners", "plan_id = ?1"),
            ("responsibilities", "plan_id = ?1"),
            ("reports", "plan_id = ?1"),
            ("recipients", "plan_id = ?1"),
            ("budget_lines", "plan_id = ?1"),
            ("objectives", "plan_id = ?1"),
            (
                "amount_changes",
                "line_id IN (SELECT id FROM budget_lines WHERE plan_id = ?1)",
            ),
            ("revisions", "plan_id = ?1"),
            ("comments", "plan_id = ?1"),
        ],
        Entity::Policy => vec![
            ("policies", "id = ?1"),
            ("policy_stages", "policy_id = ?1"),
            ("activities", "policy_id = ?1"),
        ],
        Entity::BudgetLine => vec![
            ("budget_lines", "id = ?1"),
            ("amount_changes", "line_id = ?1"),
        ],
        other => vec![(other.def().table, "id = ?1")],
    }
}

/// Budget lines that a deletion only unlinks (their activity goes): recorded
/// so that undo links them again.
fn unlinked_lines(entity: Entity) -> Option<&'static str> {
    match entity {
        Entity::Policy => Some(
            "SELECT id, activity_id FROM budget_lines
              WHERE activity_id IN (SELECT id FROM activities WHERE policy_id = ?1)",
        ),
        Entity::Activity => Some("SELECT id, activity_id FROM budget_lines WHERE activity_id = ?1"),
        _ => None,
    }
}

fn restore_rows(tx: &Transaction<'_>, rows: &Json) -> Result<()> {
    let tables = rows
        .as_array()
        .ok_or_else(|| AppError::internal("Dữ liệu hoàn tác bị hỏng."))?;
    for entry in tables {
        if let Some(links) = entry.get("relink").and_then(Json::as_array) {
            for link in links {
                tx.execute(
                    "UPDATE budget_lines SET activity_id = ?1 WHERE id = ?2",
                    params![link["activity_id"].as_i64(), link["id"].as_i64()],
                )
                .map_err(db_error)?;
            }
            continue;
        }
        let table = entry["table"].as_str().unwrap_or_default();
        // Only tables this build knows, whatever the trash says.
        let known_table = matches!(
            table,
            "amount_changes" | "revisions" | "comments" | "legal_texts"
        ) || Entity::ALL.iter().any(|e| e.def().table == table);
        if !known_table {
            return Err(AppError::internal("Dữ liệu hoàn tác bị hỏng."));
        }
        let known: Vec<String> = {
            let mut stmt = tx
                .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
                .map_err(db_error)?;
            stmt.query_map([], |r| r.get(0))
                .and_then(Iterator::collect)
                .map_err(db_error)?
        };
        for row in entry["rows"].as_array().into_iter().flatten() {
            let Some(obj) = row.as_object() else { continue };
            let cols: Vec<&String> = obj.keys().filter(|k| known.contains(k)).collect();
            let values: Vec<Value> = cols
                .iter()
                .map(|c| match &obj[c.as_str()] {
                    Json::Null => Value::Null,
                    Json::Bool(b) => Value::Integer(i64::from(*b)),
                    Json::Number(n) => n
                        .as_i64()
                        .map(Value::Integer)
                        .unwrap_or_else(|| Value::Real(n.as_f64().unwrap_or_default())),
                    Json::String(s) => Value::Text(s.clone()),
                    _ => Value::Null,
                })
                .collect();
            let names: Vec<&str> = cols.iter().map(|c| c.as_str()).collect();
            let marks: Vec<String> = (1..=cols.len()).map(|i| format!("?{i}")).collect();
            let sql = format!(
                "INSERT INTO {table} ({}) VALUES ({})",
                names.join(", "),
                marks.join(", ")
            );
            tx.execute(&sql, params_from_iter(values)).map_err(|e| {
                if let Some(locked) = crate::error::lock_error(&e) {
                    return locked;
                }
                log::warn!("undo failed: {e}");
                AppError::conflict(
                    "Không hoàn tác được: dữ liệu liên quan đã thay đổi (ví dụ hình thức truyền thông đã bị xóa).",
                )
            })?;
        }
    }
    Ok(())
}

impl Store {
    /// Deletes an item and all that hangs on it, keeping a copy for undo.
    /// Returns the plan as it now is; for a deleted plan, use [`Store::delete_plan`].
    pub fn delete_item(&mut self, entity: Entity, id: i64) -> Result<PlanChanged> {
        if matches!(entity, Entity::Plan | Entity::PolicyStage) {
            return Err(AppError::internal("Không thể xóa mục này theo cách đó."));
        }
        let (plan_id, deleted) = self.write(|tx| trash(tx, entity, id))?;
        match plan_id {
            Some(plan) => self.changed(plan, None, Some(deleted)),
            None => Err(AppError::internal(
                "Mục dùng chung không thuộc kế hoạch nào.",
            )),
        }
    }

    /// Deletes a plan with everything in it; undo with [`Store::undo_delete`].
    pub fn delete_plan(&mut self, id: i64) -> Result<Deleted> {
        self.write(|tx| Ok(trash(tx, Entity::Plan, id)?.1))
    }

    /// Puts back what a deletion removed. Returns the plan it belongs to, if any.
    pub fn undo_delete(&mut self, trash_id: i64) -> Result<Option<i64>> {
        self.write(|tx| {
            let found: Option<(Option<i64>, String)> = tx
                .query_row(
                    "SELECT plan_id, rows FROM trash WHERE id = ?1",
                    [trash_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()
                .map_err(db_error)?;
            let (plan_id, rows) = found.ok_or_else(|| {
                AppError::not_found(
                    "Không còn gì để hoàn tác: mục này đã được khôi phục hoặc đã quá cũ.",
                )
            })?;
            let rows: Json = serde_json::from_str(&rows)
                .map_err(|_| AppError::internal("Dữ liệu hoàn tác bị hỏng."))?;
            restore_rows(tx, &rows)?;
            tx.execute("DELETE FROM trash WHERE id = ?1", [trash_id])
                .map_err(db_error)?;
            // A restored plan is its own plan.
            let restored_plan = rows[0]["table"]
                .as_str()
                .filter(|t| *t == "plans")
                .and_then(|_| rows[0]["rows"][0]["id"].as_i64());
            let plan = plan_id.or(restored_plan);
            if let Some(plan) = plan {
                touch_plan(tx, plan)?;
            }
            Ok(plan)
        })
    }

    /// Undoes a deletion inside a plan and returns the plan as it now is.
    pub fn undo_delete_in_plan(&mut self, trash_id: i64) -> Result<PlanChanged> {
        match self.undo_delete(trash_id)? {
            Some(plan) => self.changed(plan, None, None),
            None => Err(AppError::internal(
                "Mục được khôi phục không thuộc kế hoạch nào.",
            )),
        }
    }
}

/// Moves an item (and what hangs on it) to the trash. Returns its plan and the undo handle.
pub(crate) fn trash(
    tx: &Transaction<'_>,
    entity: Entity,
    id: i64,
) -> Result<(Option<i64>, Deleted)> {
    let plan_id = plan_of(tx, entity, id)?;
    let description = describe(tx, entity, id)?;
    let mut tables = Vec::new();
    for (table, filter) in cascade(entity) {
        let rows = snapshot(tx, table, filter, id)?;
        if !rows.is_empty() {
            tables.push(serde_json::json!({ "table": table, "rows": rows }));
        }
    }
    if let Some(sql) = unlinked_lines(entity) {
        let mut stmt = tx.prepare(sql).map_err(db_error)?;
        let links: Vec<Json> = stmt
            .query_map([id], |r| {
                Ok(serde_json::json!({ "id": r.get::<_, i64>(0)?, "activity_id": r.get::<_, i64>(1)? }))
            })
            .and_then(Iterator::collect)
            .map_err(db_error)?;
        if !links.is_empty() {
            tables.push(serde_json::json!({ "relink": links }));
        }
    }
    let rows = Json::Array(tables).to_string();
    tx.execute(
        &format!("DELETE FROM {} WHERE id = ?1", entity.def().table),
        [id],
    )
    .map_err(db_error)?;
    // A deleted plan's trash entry must outlive it, so it hangs on no plan.
    let trash_plan = if entity == Entity::Plan {
        None
    } else {
        plan_id
    };
    let deleted = keep(tx, trash_plan, description, &rows)?;
    if let Some(plan) = plan_id.filter(|_| entity != Entity::Plan) {
        touch_plan(tx, plan)?;
    }
    Ok((plan_id, deleted))
}

/// Moves one row of a shared list that is not in the field registry (a
/// legal text) to the trash.
pub(crate) fn trash_row(
    tx: &Transaction<'_>,
    table: &'static str,
    id: i64,
    description: String,
) -> Result<Deleted> {
    let rows = snapshot(tx, table, "id = ?1", id)?;
    let rows = serde_json::json!([{ "table": table, "rows": rows }]).to_string();
    tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])
        .map_err(db_error)?;
    keep(tx, None, description, &rows)
}

/// Writes a deletion's rows into the trash and drops the oldest entries
/// past [`TRASH_KEPT`].
fn keep(
    tx: &Transaction<'_>,
    plan_id: Option<i64>,
    description: String,
    rows: &str,
) -> Result<Deleted> {
    tx.execute(
        "INSERT INTO trash (plan_id, description, rows) VALUES (?1, ?2, ?3)",
        params![plan_id, description, rows],
    )
    .map_err(db_error)?;
    let trash_id = tx.last_insert_rowid();
    tx.execute(
        "DELETE FROM trash WHERE id <= (SELECT max(id) FROM trash) - ?1",
        [TRASH_KEPT],
    )
    .map_err(db_error)?;
    Ok(Deleted {
        trash_id,
        description,
    })
}
