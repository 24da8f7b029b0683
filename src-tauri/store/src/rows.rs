//! Rows of the database and items of a `PlanDocument`, mapped by the core
//! registry through serde_json. An item is the JSON object its document type
//! (de)serialises: `id` and every registry field under its wire name (plus the
//! few columns the registry does not list as editable, see [`unlisted`]).
//! Reading and writing a whole plan both go through here, so a field the
//! registry lists is read and written without being named anywhere else, and
//! a document field the registry does not know is refused, never dropped.
//! Table and column names come only from the registry.

use std::collections::HashMap;

use commplan_core::edit::{FieldDef, FieldKind, Stored, json_input, mask_to_months, validate};
use commplan_core::{AppError, Entity, FieldValue};
use rusqlite::types::{Value, ValueRef};
use rusqlite::{Connection, Transaction, params_from_iter};
use serde_json::{Map, Value as Json};

use crate::Result;
use crate::error::db_error;

/// One item of a document as JSON: `{"id": …, "wireName": value, …}`.
pub(crate) type Item = Map<String, Json>;

const STAGE_COLUMNS: &[FieldDef] = &[
    FieldDef {
        name: "policyId",
        column: "policy_id",
        kind: FieldKind::PolicyRef,
        label: "Chính sách",
        step: None,
    },
    FieldDef {
        name: "stage",
        column: "stage",
        kind: FieldKind::Stage,
        label: "Giai đoạn",
        step: None,
    },
];

const LINE_COLUMNS: &[FieldDef] = &[FieldDef {
    name: "amount",
    column: "amount",
    kind: FieldKind::Money,
    label: "Thành tiền",
    step: None,
}];

/// Columns read with an item beyond `id` and the registry's fields, because
/// its document type carries them although nobody edits them: a stage's code
/// (and, to group the stages, its policy), a budget line's amount (always
/// quantity × unit price, computed by the store).
fn unlisted(entity: Entity) -> &'static [FieldDef] {
    match entity {
        Entity::PolicyStage => STAGE_COLUMNS,
        Entity::BudgetLine => LINE_COLUMNS,
        _ => &[],
    }
}

/// The rows of `entity` selected by `tail` (a `WHERE … ORDER BY …` of this
/// crate; `?1` is `param`), in that order, as items.
pub(crate) fn read(
    conn: &Connection,
    entity: Entity,
    tail: &str,
    param: Option<i64>,
) -> Result<Vec<Item>> {
    let def = entity.def();
    let fields: Vec<&FieldDef> = unlisted(entity).iter().chain(def.fields).collect();
    let columns: Vec<&str> = fields.iter().map(|f| f.column).collect();
    let sql = format!(
        "SELECT id, {} FROM {} {tail}",
        columns.join(", "),
        def.table
    );
    let mut stmt = conn.prepare_cached(&sql).map_err(db_error)?;
    let mut rows = stmt.query(params_from_iter(param)).map_err(db_error)?;
    let mut items = Vec::new();
    while let Some(row) = rows.next().map_err(db_error)? {
        let mut item = Item::new();
        let id: i64 = row.get(0).map_err(db_error)?;
        item.insert("id".into(), Json::from(id));
        for (i, f) in fields.iter().enumerate() {
            let value = row.get_ref(i + 1).map_err(db_error)?;
            item.insert(f.name.into(), to_json(f.kind, value));
        }
        items.push(item);
    }
    Ok(items)
}

/// A stored value as the document type has it.
fn to_json(kind: FieldKind, value: ValueRef<'_>) -> Json {
    match value {
        ValueRef::Null => Json::Null,
        ValueRef::Integer(n) => match kind {
            FieldKind::Bool => Json::Bool(n != 0),
            FieldKind::Months => Json::from(mask_to_months(n)),
            // Money crosses as a string of whole đồng.
            FieldKind::Money | FieldKind::OptionalMoney => Json::from(n.to_string()),
            _ => Json::from(n),
        },
        ValueRef::Real(x) => Json::from(x),
        ValueRef::Text(t) => Json::from(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(_) => Json::Null,
    }
}

/// Deserialises items read by [`read`] (or assembled from them).
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(value: Json) -> Result<T> {
    serde_json::from_value(value)
        .map_err(|e| AppError::internal(format!("Dữ liệu đọc được không khớp với kế hoạch ({e}).")))
}

/// Serialises a document (or an item) for [`values`].
pub(crate) fn to_item<T: serde::Serialize>(value: &T) -> Result<Json> {
    serde_json::to_value(value)
        .map_err(|e| AppError::internal(format!("Không chuyển được kế hoạch ({e}).")))
}

/// Ids of a document's items (local to it) → the ids they were given here.
#[derive(Debug, Default)]
pub(crate) struct Ids(HashMap<(Entity, i64), i64>);

impl Ids {
    pub(crate) fn insert(&mut self, entity: Entity, old: &Json, new: i64) -> Result<()> {
        let old = old.as_i64().ok_or_else(|| unreadable(entity))?;
        self.0.insert((entity, old), new);
        Ok(())
    }

    /// Every (entity, id in the document, id given here).
    pub(crate) fn pairs(&self) -> impl Iterator<Item = (Entity, i64, i64)> + '_ {
        self.0.iter().map(|(&(e, old), &new)| (e, old, new))
    }

    fn get(&self, entity: Entity, old: i64) -> Result<i64> {
        self.0.get(&(entity, old)).copied().ok_or_else(|| {
            AppError::validation(format!(
                "Một mục gắn với {} không có trong kế hoạch.",
                entity.def().noun
            ))
        })
    }
}

fn unreadable(entity: Entity) -> AppError {
    AppError::internal(format!(
        "Một {} của kế hoạch không đọc được.",
        entity.def().noun
    ))
}

fn unknown(entity: Entity, key: &str) -> AppError {
    AppError::internal(format!(
        "Trường “{key}” của {} không lưu được: danh mục trường không có trường này.",
        entity.def().noun
    ))
}

/// The stored values of `entity`'s registry fields in `item`, in registry
/// order: each passed through `validate` exactly as if it had been typed, with
/// references moved to the new ids. An item carrying a field that is neither
/// in the registry nor in [`unlisted`] is refused.
pub(crate) fn values(entity: Entity, item: &Json, ids: &Ids) -> Result<Vec<Stored>> {
    let def = entity.def();
    let object = item.as_object().ok_or_else(|| unreadable(entity))?;
    // A policy carries its stages.
    let nested =
        |key: &str| entity == Entity::Policy && key == Entity::PolicyStage.def().document_key;
    for key in object.keys() {
        let known = key == "id"
            || nested(key)
            || def
                .fields
                .iter()
                .chain(unlisted(entity))
                .any(|f| f.name == key);
        if !known {
            return Err(unknown(entity, key));
        }
    }
    def.fields
        .iter()
        .map(|f| {
            let value = object.get(f.name).unwrap_or(&Json::Null);
            validate(f, &as_input(f, value, ids)?)
        })
        .collect()
}

/// A document value as the editor would send it for this field.
fn as_input(def: &FieldDef, value: &Json, ids: &Ids) -> Result<FieldValue> {
    if let Some(target) = def.kind.refers_to() {
        let id = value.as_i64().map(|old| ids.get(target, old)).transpose()?;
        return Ok(FieldValue::Number(id));
    }
    json_input(def, value)
}

/// `INSERT INTO <table> (<fixed>, <registry columns>) VALUES (?1, …)`.
pub(crate) fn insert_sql(entity: Entity, fixed: &[&str]) -> String {
    let def = entity.def();
    let columns: Vec<&str> = fixed
        .iter()
        .copied()
        .chain(def.fields.iter().map(|f| f.column))
        .collect();
    let marks: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
    format!(
        "INSERT INTO {} ({}) VALUES ({})",
        def.table,
        columns.join(", "),
        marks.join(", ")
    )
}

/// Runs an [`insert_sql`] statement with the fixed values, then the fields'
/// values, and gives the new row's id.
pub(crate) fn insert_row(
    tx: &Transaction<'_>,
    sql: &str,
    fixed: Vec<Value>,
    values: Vec<Stored>,
) -> Result<i64> {
    let all = fixed.into_iter().chain(values.into_iter().map(to_sql));
    let mut stmt = tx.prepare_cached(sql).map_err(db_error)?;
    stmt.execute(params_from_iter(all)).map_err(db_error)?;
    Ok(tx.last_insert_rowid())
}

/// A validated value as SQLite stores it.
pub(crate) fn to_sql(v: Stored) -> Value {
    match v {
        Stored::Null => Value::Null,
        Stored::Int(i) => Value::Integer(i),
        Stored::Text(s) => Value::Text(s),
    }
}

#[cfg(test)]
mod tests {
    use commplan_core::edit::Scope;

    use super::*;

    /// A whole plan is written in the order of `Entity::ALL` (reference lists
    /// first), so what an item refers to must come before it.
    #[test]
    fn references_point_to_items_written_before() {
        for (i, e) in Entity::ALL.iter().enumerate() {
            for f in e.def().fields {
                let Some(target) = f.kind.refers_to() else {
                    continue;
                };
                let before = Entity::ALL[..i].contains(&target);
                assert!(
                    before || target.def().scope == Scope::Global,
                    "{e:?}.{}",
                    f.name
                );
            }
        }
    }

    #[test]
    fn unlisted_columns_are_not_registry_fields() {
        for e in Entity::ALL {
            for u in unlisted(e) {
                assert!(e.field(u.name).is_err(), "{e:?}.{}", u.name);
            }
        }
    }
}
