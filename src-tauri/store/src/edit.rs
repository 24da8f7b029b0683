//! Changing a plan: one field at a time, adding and reordering (deleting and
//! undoing are in `trash.rs`, the shared reference lists in `references.rs`).
//! SQL is built only from the names in the core registry
//! ([`commplan_core::edit`]), never from user text.

use commplan_core::Code;
use commplan_core::edit::{FieldKind, Scope, Stored, as_field_value, validate};
use commplan_core::{AppError, Deleted, Entity, FieldEdit, NewItem, PlanChanged, PlanSaved, Stage};
use rusqlite::{OptionalExtension, Transaction, params};

use crate::error::db_error;
use crate::read::load;
use crate::rows::to_sql;
use crate::{Result, Store, touch_plan};

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
pub(crate) fn next_position(
    tx: &Transaction<'_>,
    table: &str,
    plan_id: Option<i64>,
) -> Result<i64> {
    let sql = match plan_id {
        Some(_) => {
            format!("SELECT coalesce(max(position), -1) + 1 FROM {table} WHERE plan_id = ?1")
        }
        None => format!("SELECT coalesce(max(position), -1) + 1 FROM {table} WHERE ?1 IS NULL"),
    };
    tx.query_row(&sql, [plan_id], |r| r.get(0))
        .map_err(db_error)
}

/// A recipient added at the end goes above "Lưu: VT, …", which Decree
/// 30/2020/NĐ-CP makes the last line of "Nơi nhận": the two swap places.
fn keep_archive_line_last(tx: &Transaction<'_>, plan_id: i64, added: i64) -> Result<()> {
    let last: Option<(i64, i64, String)> = tx
        .query_row(
            "SELECT id, position, text FROM recipients WHERE plan_id = ?1 AND id <> ?2
             ORDER BY position DESC, id DESC LIMIT 1",
            params![plan_id, added],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()
        .map_err(db_error)?;
    let Some((archive, position, text)) = last else {
        return Ok(());
    };
    if !commplan_core::signature::is_archive_line(&text) {
        return Ok(());
    }
    tx.execute(
        "UPDATE recipients SET position = (SELECT position FROM recipients WHERE id = ?2)
         WHERE id = ?1",
        params![archive, added],
    )
    .map_err(db_error)?;
    tx.execute(
        "UPDATE recipients SET position = ?1 WHERE id = ?2",
        params![position, added],
    )
    .map_err(db_error)?;
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
    pub(crate) fn changed(
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
        let shown = as_field_value(&field, &stored);
        let amounts = edit.entity == Entity::BudgetLine
            && matches!(field.kind, FieldKind::Quantity | FieldKind::Money);
        let plan_id = self.write(|tx| {
            let plan_id = plan_of(tx, edit.entity, edit.id)?;
            if let Stored::Int(id) = &stored {
                check_reference(tx, field.kind, *id, plan_id)?;
            }
            if let (Scope::Global, Stored::Text(name)) = (def.scope, &stored) {
                crate::references::name_is_free(tx, edit.entity, name, Some(edit.id))?;
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
            if let FieldKind::Breaks(name) = field.kind {
                commplan_core::header_lines::check_breaks(&load(tx, edit.id)?, name)?;
            }
            if amounts {
                crate::budget::recompute_amount(tx, edit.id)?;
            }
            if let Some(plan) = plan_id {
                touch_plan(tx, plan)?;
            }
            Ok(plan_id)
        })?;
        match plan_id {
            Some(plan) => {
                let doc = load(self.conn(), plan)?;
                let saved = PlanSaved::of(&doc, shown);
                Ok(if amounts {
                    saved.with_line(&doc, edit.id)
                } else {
                    saved
                })
            }
            None => Ok(PlanSaved::outside_a_plan(shown)),
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
                Entity::Recipient => keep_archive_line_last(tx, item.plan_id, id)?,
                _ => {}
            }
            touch_plan(tx, item.plan_id)?;
            Ok(id)
        })?;
        self.changed(item.plan_id, Some(id), None)
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
