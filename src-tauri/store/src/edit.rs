//! Changing a plan: one field at a time, adding, deleting (into the trash, so
//! it can be undone) and reordering. SQL is built only from the names in the
//! core registry ([`commplan_core::edit`]), never from user text.

use commplan_core::edit::{FieldKind, Scope, Stored, validate};

use commplan_core::{
    AppError, Deleted, Entity, FieldEdit, FieldValue, NewItem, PlanChanged, PlanSaved, Stage,
};
use rusqlite::types::{Value, ValueRef};
use rusqlite::{OptionalExtension, Transaction, params, params_from_iter};
use serde_json::{Map, Value as Json};

use crate::document::load;
use crate::error::db_error;
use crate::{Result, Store, touch_plan};

/// How many deletions are kept for undo.
const TRASH_KEPT: i64 = 200;

fn to_sql(v: Stored) -> Value {
    match v {
        Stored::Null => Value::Null,
        Stored::Int(i) => Value::Integer(i),
        Stored::Text(s) => Value::Text(s),
    }
}

fn gone(entity: Entity) -> AppError {
    AppError::not_found(format!(
        "Không tìm thấy {} này; có thể nó đã bị xóa.",
        entity.def().noun
    ))
}

/// The plan an item belongs to (`None` for reference data).
pub(crate) fn plan_of(tx: &Transaction<'_>, entity: Entity, id: i64) -> Result<Option<i64>> {
    let def = entity.def();
    let sql = match def.scope {
        Scope::PlanRow => "SELECT id FROM plans WHERE id = ?1".to_string(),
        Scope::Plan => format!("SELECT plan_id FROM {} WHERE id = ?1", def.table),
        Scope::Policy => {
            "SELECT p.plan_id FROM policy_stages s JOIN policies p ON p.id = s.policy_id
                           WHERE s.id = ?1"
                .to_string()
        }
        Scope::Global => {
            let exists: Option<i64> = tx
                .query_row(
                    &format!("SELECT id FROM {} WHERE id = ?1", def.table),
                    [id],
                    |r| r.get(0),
                )
                .optional()
                .map_err(db_error)?;
            return exists.map(|_| None).ok_or_else(|| gone(entity));
        }
    };
    let plan: Option<i64> = tx
        .query_row(&sql, [id], |r| r.get(0))
        .optional()
        .map_err(db_error)?;
    plan.map(Some).ok_or_else(|| gone(entity))
}

fn check_same_plan(tx: &Transaction<'_>, policy_id: i64, plan_id: i64) -> Result<()> {
    let owner: Option<i64> = tx
        .query_row(
            "SELECT plan_id FROM policies WHERE id = ?1",
            [policy_id],
            |r| r.get(0),
        )
        .optional()
        .map_err(db_error)?;
    if owner != Some(plan_id) {
        return Err(AppError::validation(
            "Chính sách đã chọn không thuộc kế hoạch này.",
        ));
    }
    Ok(())
}

/// A reference chosen in a field exists (and, for an activity or a policy, is of the same plan).
fn check_reference(
    tx: &Transaction<'_>,
    kind: FieldKind,
    id: i64,
    plan_id: Option<i64>,
) -> Result<()> {
    let (sql, message) = match kind {
        FieldKind::ChannelRef => (
            "SELECT NULL FROM channels WHERE id = ?1",
            "Hình thức truyền thông đã chọn không còn trong danh sách.",
        ),
        FieldKind::CategoryRef => (
            "SELECT NULL FROM budget_categories WHERE id = ?1",
            "Nhóm chi đã chọn không còn trong danh sách.",
        ),
        FieldKind::SourceRef => (
            "SELECT NULL FROM funding_sources WHERE id = ?1",
            "Nguồn kinh phí đã chọn không còn trong danh sách.",
        ),
        FieldKind::ActivityRef => (
            "SELECT plan_id FROM activities WHERE id = ?1",
            "Hoạt động đã chọn không thuộc kế hoạch này.",
        ),
        FieldKind::PolicyRef => (
            "SELECT plan_id FROM policies WHERE id = ?1",
            "Chính sách đã chọn không thuộc kế hoạch này.",
        ),
        _ => return Ok(()),
    };
    let found: Option<Option<i64>> = tx
        .query_row(sql, [id], |r| r.get(0))
        .optional()
        .map_err(db_error)?;
    let ok = match (found, kind) {
        (None, _) => false,
        (Some(owner), FieldKind::ActivityRef | FieldKind::PolicyRef) => owner == plan_id,
        (Some(_), _) => true,
    };
    if ok {
        Ok(())
    } else {
        Err(AppError::validation(message))
    }
}

/// The next position at the end of a list.
fn next_position(tx: &Transaction<'_>, table: &str, plan_id: Option<i64>) -> Result<i64> {
    let sql = match plan_id {
        Some(_) => {
            format!("SELECT coalesce(max(position), -1) + 1 FROM {table} WHERE plan_id = ?1")
        }
        None => format!("SELECT coalesce(max(position), -1) + 1 FROM {table} WHERE ?1 IS NULL"),
    };
    tx.query_row(&sql, [plan_id], |r| r.get(0))
        .map_err(db_error)
}

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
        let known_table = matches!(table, "amount_changes" | "revisions" | "comments")
            || Entity::ALL.iter().any(|e| e.def().table == table);
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

/// Describes an item for messages: its noun and, when it has one, its title.
pub(crate) fn describe(tx: &Transaction<'_>, entity: Entity, id: i64) -> Result<String> {
    let def = entity.def();
    let Some(title_field) = def.title_field else {
        return Ok(def.noun.to_string());
    };
    let column = entity.field(title_field)?.column;
    let title: String = tx
        .query_row(
            &format!("SELECT {column} FROM {} WHERE id = ?1", def.table),
            [id],
            |r| r.get(0),
        )
        .map_err(db_error)?;
    let short: String = title.chars().take(60).collect();
    let more = if title.chars().count() > 60 {
        "…"
    } else {
        ""
    };
    Ok(if short.is_empty() {
        def.noun.to_string()
    } else {
        format!("{} “{short}{more}”", def.noun)
    })
}

fn renumber(tx: &Transaction<'_>, table: &str, order: &[i64]) -> Result<()> {
    let mut stmt = tx
        .prepare_cached(&format!("UPDATE {table} SET position = ?1 WHERE id = ?2"))
        .map_err(db_error)?;
    for (i, id) in order.iter().enumerate() {
        let pos = i64::try_from(i).unwrap_or(i64::MAX);
        stmt.execute(params![pos, id]).map_err(db_error)?;
    }
    Ok(())
}

fn scope_ids(tx: &Transaction<'_>, table: &str, plan_id: Option<i64>) -> Result<Vec<i64>> {
    let sql = match plan_id {
        Some(_) => format!("SELECT id FROM {table} WHERE plan_id = ?1 ORDER BY position, id"),
        None => format!("SELECT id FROM {table} WHERE ?1 IS NULL ORDER BY position, id"),
    };
    let mut stmt = tx.prepare(&sql).map_err(db_error)?;
    stmt.query_map([plan_id], |r| r.get(0))
        .and_then(Iterator::collect)
        .map_err(db_error)
}

impl Store {
    fn changed(
        &self,
        plan_id: i64,
        added_id: Option<i64>,
        deleted: Option<Deleted>,
    ) -> Result<PlanChanged> {
        Ok(PlanChanged {
            view: self.plan_view(plan_id)?,
            added_id,
            deleted,
        })
    }

    /// Saves one field. Returns when it was saved and the plan's new progress.
    pub fn edit_field(&mut self, edit: &FieldEdit) -> Result<PlanSaved> {
        let def = edit.entity.def();
        let field = edit.entity.field(&edit.field)?;
        let stored = validate(&field, &edit.value)?;
        let plan_id = self.write(|tx| {
            let plan_id = plan_of(tx, edit.entity, edit.id)?;
            if let Stored::Int(id) = &stored {
                check_reference(tx, field.kind, *id, plan_id)?;
            }
            tx.execute(
                &format!(
                    "UPDATE {} SET {} = ?1 WHERE id = ?2",
                    def.table, field.column
                ),
                params![to_sql(stored.clone()), edit.id],
            )
            .map_err(db_error)?;
            if edit.entity == Entity::Plan
                && matches!(field.name, "number" | "symbol" | "issueDate")
            {
                number_is_free(tx, edit.id)?;
            }
            if edit.entity == Entity::BudgetLine
                && matches!(field.kind, FieldKind::Quantity | FieldKind::Money)
            {
                crate::budget::recompute_amount(tx, edit.id)?;
            }
            if let Some(plan) = plan_id {
                touch_plan(tx, plan)?;
            }
            Ok(plan_id)
        })?;
        match plan_id {
            Some(plan) => Ok(PlanSaved::of(&load(self.conn(), plan)?)),
            None => Ok(PlanSaved::outside_a_plan()),
        }
    }

    /// Adds an empty item at the end of its list (a policy comes with its five stages).
    pub fn add_item(&mut self, item: &NewItem) -> Result<PlanChanged> {
        let def = item.entity.def();
        let id = self.write(|tx| {
            plan_of(tx, Entity::Plan, item.plan_id)?;
            let id = match def.scope {
                Scope::Plan => {
                    let pos = next_position(tx, def.table, Some(item.plan_id))?;
                    tx.execute(
                        &format!(
                            "INSERT INTO {} (plan_id, position) VALUES (?1, ?2)",
                            def.table
                        ),
                        params![item.plan_id, pos],
                    )
                    .map_err(db_error)?;
                    tx.last_insert_rowid()
                }
                Scope::Global => {
                    let pos = next_position(tx, def.table, None)?;
                    tx.execute(
                        &format!("INSERT INTO {} (position, name) VALUES (?1, '')", def.table),
                        [pos],
                    )
                    .map_err(db_error)?;
                    tx.last_insert_rowid()
                }
                Scope::PlanRow | Scope::Policy => {
                    return Err(AppError::internal("Không thể thêm mục này theo cách đó."));
                }
            };
            match item.entity {
                Entity::Policy => {
                    for stage in Stage::ALL {
                        tx.execute(
                            "INSERT INTO policy_stages (policy_id, stage) VALUES (?1, ?2)",
                            params![id, stage.code()],
                        )
                        .map_err(db_error)?;
                    }
                }
                Entity::Activity => {
                    if let Some(policy) = item.policy_id {
                        check_same_plan(tx, policy, item.plan_id)?;
                    }
                    tx.execute(
                        "UPDATE activities SET policy_id = ?1, stage = ?2 WHERE id = ?3",
                        params![item.policy_id, item.stage.map(Stage::code), id],
                    )
                    .map_err(db_error)?;
                }
                _ => {}
            }
            touch_plan(tx, item.plan_id)?;
            Ok(id)
        })?;
        self.changed(item.plan_id, Some(id), None)
    }

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

    /// Deletes a reference channel (refused while an activity uses it). Undo with
    /// [`Store::undo_delete`].
    pub fn delete_channel(&mut self, id: i64) -> Result<Deleted> {
        self.delete_reference(Entity::Channel, id)
    }

    /// Deletes an entry of a reference list, refused while something uses it.
    /// Undo with [`Store::undo_delete`].
    pub fn delete_reference(&mut self, entity: Entity, id: i64) -> Result<Deleted> {
        let (usage, what) = match entity {
            Entity::Channel => (
                "SELECT count(*) FROM activities WHERE channel_id = ?1",
                "hoạt động",
            ),
            Entity::BudgetCategory => (
                "SELECT count(*) FROM budget_lines WHERE category_id = ?1",
                "dòng kinh phí",
            ),
            Entity::FundingSource => (
                "SELECT count(*) FROM budget_lines WHERE funding_source_id = ?1",
                "dòng kinh phí",
            ),
            _ => return Err(AppError::internal("Không phải danh mục dùng chung.")),
        };
        self.write(|tx| {
            let used: i64 = tx.query_row(usage, [id], |r| r.get(0)).map_err(db_error)?;
            if used > 0 {
                return Err(AppError::conflict(format!(
                    "Không xóa được: mục này đang được dùng cho {used} {what}."
                )));
            }
            Ok(trash(tx, entity, id)?.1)
        })
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

    /// Moves an item to `to_index` in its list (0 = first).
    pub fn move_item(&mut self, entity: Entity, id: i64, to_index: usize) -> Result<PlanChanged> {
        let def = entity.def();
        if !matches!(def.scope, Scope::Plan | Scope::Global) {
            return Err(AppError::internal("Không thể sắp xếp mục này."));
        }
        let plan_id = self.write(|tx| {
            let plan_id = plan_of(tx, entity, id)?;
            let mut order = scope_ids(tx, def.table, plan_id)?;
            order.retain(|x| *x != id);
            let at = to_index.min(order.len());
            order.insert(at, id);
            renumber(tx, def.table, &order)?;
            if let Some(plan) = plan_id {
                touch_plan(tx, plan)?;
            }
            Ok(plan_id)
        })?;
        match plan_id {
            Some(plan) => self.changed(plan, None, None),
            None => Err(AppError::internal(
                "Mục dùng chung không thuộc kế hoạch nào.",
            )),
        }
    }

    /// Adds a channel to the reference list.
    pub fn add_channel(&mut self, name: &str) -> Result<commplan_core::Channel> {
        let item = self.add_reference(Entity::Channel, name)?;
        Ok(commplan_core::Channel {
            id: item.id,
            name: item.name,
        })
    }

    /// Adds an entry at the end of a reference list.
    pub fn add_reference(
        &mut self,
        entity: Entity,
        name: &str,
    ) -> Result<commplan_core::budget::RefItem> {
        if entity.def().scope != Scope::Global {
            return Err(AppError::internal("Không phải danh mục dùng chung."));
        }
        let table = entity.def().table;
        let field = entity.field("name")?;
        let Stored::Text(name) = validate(&field, &FieldValue::Text(name.to_string()))? else {
            return Err(AppError::internal("Tên không hợp lệ."));
        };
        if name.is_empty() {
            return Err(AppError::validation("Hãy nhập tên."));
        }
        let id = self.write(|tx| {
            let pos = next_position(tx, table, None)?;
            tx.execute(
                &format!("INSERT INTO {table} (position, name) VALUES (?1, ?2)"),
                params![pos, name],
            )
            .map_err(db_error)?;
            Ok(tx.last_insert_rowid())
        })?;
        Ok(commplan_core::budget::RefItem { id, name })
    }
}

/// Moves an item (and what hangs on it) to the trash. Returns its plan and the undo handle.
fn trash(tx: &Transaction<'_>, entity: Entity, id: i64) -> Result<(Option<i64>, Deleted)> {
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
    tx.execute(
        "INSERT INTO trash (plan_id, description, rows) VALUES (?1, ?2, ?3)",
        params![trash_plan, description, rows],
    )
    .map_err(db_error)?;
    let trash_id = tx.last_insert_rowid();
    tx.execute(
        "DELETE FROM trash WHERE id <= (SELECT max(id) FROM trash) - ?1",
        [TRASH_KEPT],
    )
    .map_err(db_error)?;
    if let Some(plan) = plan_id.filter(|_| entity != Entity::Plan) {
        touch_plan(tx, plan)?;
    }
    Ok((
        plan_id,
        Deleted {
            trash_id,
            description,
        },
    ))
}

/// A unit numbers its documents afresh each year (Decree 30/2020/NĐ-CP, Article
/// 15): two plans of one unit may not carry the same number and symbol in the
/// same year of issue (the year of the issue date, else the plan's year).
fn number_is_free(tx: &rusqlite::Transaction<'_>, plan_id: i64) -> Result<()> {
    let clash: Option<(String, String, i64)> = tx
        .query_row(
            "SELECT o.number, o.symbol, o.year FROM plans p JOIN plans o
               ON o.unit_id = p.unit_id AND o.id <> p.id
              AND o.number = p.number AND o.symbol = p.symbol
              AND coalesce(nullif(substr(o.issue_date, 1, 4), ''), o.year)
                = coalesce(nullif(substr(p.issue_date, 1, 4), ''), p.year)
            WHERE p.id = ?1 AND p.number <> ''",
            [plan_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()
        .map_err(db_error)?;
    match clash {
        Some((number, symbol, year)) => Err(AppError::conflict(format!(
            "Số “{number}/{symbol}” đã được dùng cho kế hoạch năm {year} của cùng đơn vị trong cùng năm ban hành. Mỗi văn bản cần một số riêng; hãy kiểm tra lại số văn bản."
        ))),
        None => Ok(()),
    }
}
