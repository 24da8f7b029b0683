//! The reference lists shared by all plans: channels (hình thức truyền thông),
//! budget categories and funding sources. Adding, deleting (refused while
//! something uses an entry; undone through the trash) and listing them.

use commplan_core::budget::RefItem;
use commplan_core::edit::{Scope, Stored, refuse_taken_name, validate};
use commplan_core::{AppError, Deleted, Entity, FieldValue};
use rusqlite::{Connection, Transaction, params};
use serde::de::DeserializeOwned;
use serde_json::Value as Json;

use crate::edit::next_position;
use crate::error::db_error;
use crate::rows;
use crate::trash::trash;
use crate::{Result, Store};

/// Refuses `name` for an entry of `entity`'s list when another entry (not
/// `id`) has it already ([`refuse_taken_name`]).
pub(crate) fn name_is_free(
    tx: &Transaction<'_>,
    entity: Entity,
    name: &str,
    id: Option<i64>,
) -> Result<()> {
    let sql = format!(
        "SELECT name FROM {} WHERE id IS NOT ?1 ORDER BY position, id",
        entity.def().table
    );
    let mut stmt = tx.prepare(&sql).map_err(db_error)?;
    let names: Vec<String> = stmt
        .query_map([id], |r| r.get(0))
        .and_then(Iterator::collect)
        .map_err(db_error)?;
    refuse_taken_name(entity, name, names.iter().map(String::as_str))
}

/// A reference list, in its order.
fn list<T: DeserializeOwned>(conn: &Connection, entity: Entity) -> Result<Vec<T>> {
    let items = rows::read(conn, entity, "ORDER BY position, id", None)?;
    rows::from_json(Json::Array(items.into_iter().map(Json::Object).collect()))
}

impl Store {
    pub fn list_reference(&self, entity: Entity) -> Result<Vec<RefItem>> {
        match entity {
            Entity::Channel | Entity::BudgetCategory | Entity::FundingSource => {
                list(self.conn(), entity)
            }
            _ => Err(AppError::internal("Không phải danh mục dùng chung.")),
        }
    }

    /// Adds an entry at the end of a reference list; a name the list has
    /// already is refused.
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
            name_is_free(tx, entity, &name, None)?;
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
}
