//! Writing a whole plan document into the database: the sample plans
//! (`sample.rs`), a copy of a plan into another year, an imported plan file.

use std::collections::HashMap;

use commplan_core::Code;
use commplan_core::edit::{Scope, Stored, shift_years};
use commplan_core::file::PlanFile;
use commplan_core::money::{self, Money, Quantity};
use commplan_core::text::clean;
use commplan_core::{
    AppError, CopyPlan, Entity, PlanDocument, PlanStatus, PlanSummary, Stage, Unit,
};
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Transaction, params};
use serde_json::Value as Json;

use crate::error::db_error;
use crate::rows::{self, Ids};
use crate::{Result, Store};

/// The id the query finds, if any.
pub(crate) fn find_id(
    tx: &Transaction<'_>,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<Option<i64>> {
    tx.query_row(sql, params, |r| r.get(0))
        .optional()
        .map_err(db_error)
}

pub(crate) fn conflict_year(
    tx: &Transaction<'_>,
    unit_id: i64,
    year: i32,
    unit_name: &str,
) -> Result<()> {
    let sql = "SELECT id FROM plans WHERE unit_id = ?1 AND year = ?2";
    if find_id(tx, sql, params![unit_id, year])?.is_some() {
        return Err(AppError::conflict(format!(
            "{unit_name} đã có kế hoạch năm {year}. Hãy mở kế hoạch đó trong danh sách."
        )));
    }
    Ok(())
}

/// Finds the unit by name and parent body, or adds it.
pub(crate) fn unit_id(tx: &Transaction<'_>, unit: &Unit) -> Result<i64> {
    let name = clean(&unit.name);
    let parent = clean(&unit.parent_body);
    let sql = "SELECT id FROM units WHERE name = ?1 AND parent_body = ?2";
    if let Some(id) = find_id(tx, sql, params![name, parent])? {
        return Ok(id);
    }
    tx.execute(
        "INSERT INTO units (name, parent_body, abbreviation, sort_order)
         VALUES (?1, ?2, ?3, (SELECT coalesce(max(sort_order), 0) + 1 FROM units))",
        params![name, parent, clean(&unit.abbreviation)],
    )
    .map_err(db_error)?;
    Ok(tx.last_insert_rowid())
}

/// Finds an entry of a reference list (channels, budget categories, funding
/// sources) by name, or adds it at the end of the list.
fn reference_id(tx: &Transaction<'_>, entity: Entity, item: &Json, ids: &Ids) -> Result<i64> {
    let table = entity.def().table;
    let name = match rows::values(entity, item, ids)?.as_slice() {
        [Stored::Text(name)] => name.clone(),
        _ => return Err(AppError::internal("Danh mục dùng chung chỉ có tên.")),
    };
    let sql = format!("SELECT id FROM {table} WHERE name = ?1");
    if let Some(id) = find_id(tx, &sql, [&name])? {
        return Ok(id);
    }
    tx.execute(
        &format!(
            "INSERT INTO {table} (position, name)
             VALUES ((SELECT coalesce(max(position), -1) + 1 FROM {table}), ?1)"
        ),
        [&name],
    )
    .map_err(db_error)?;
    Ok(tx.last_insert_rowid())
}

/// The items `entity` has in a serialised document.
fn items(doc: &Json, entity: Entity) -> Result<&[Json]> {
    let key = entity.def().document_key;
    doc.get(key)
        .and_then(Json::as_array)
        .map(Vec::as_slice)
        .ok_or_else(|| AppError::internal(format!("Kế hoạch không có danh sách “{key}”.")))
}

/// Every part of a serialised document is the head or a registry entity's.
fn check_keys(doc: &Json) -> Result<()> {
    const HEAD: [&str; 5] = ["id", "unit", "year", "status", "updatedAt"];
    let keys = doc.as_object().into_iter().flat_map(|o| o.keys());
    for key in keys {
        let known =
            HEAD.contains(&key.as_str()) || Entity::ALL.iter().any(|e| e.def().document_key == key);
        if !known {
            return Err(AppError::internal(format!(
                "Phần “{key}” của kế hoạch không lưu được: danh mục trường không có phần này."
            )));
        }
    }
    Ok(())
}

/// A budget line's amount: its (validated) quantity × unit price.
fn line_amount(values: &[Stored]) -> Result<Value> {
    let int = |name: &str| {
        let at = Entity::BudgetLine
            .def()
            .fields
            .iter()
            .position(|f| f.name == name);
        match at.and_then(|i| values.get(i)) {
            Some(Stored::Int(n)) => Ok(*n),
            _ => Err(AppError::internal(
                "Dòng kinh phí thiếu số lượng hoặc đơn giá.",
            )),
        }
    };
    let amount = money::line_amount(Quantity(int("quantity")?), Money::new(int("unitPrice")?)?)?;
    Ok(Value::from(amount.dong()))
}

/// Where a document's items go: the ids they had before, to keep when free
/// (a received plan's items keep their local ids from one revision to the next).
pub(crate) type Keep = HashMap<(Entity, i64), i64>;

/// `id` when no row of `entity` has it, else `None` (a new id).
fn free_id(tx: &Transaction<'_>, entity: Entity, id: Option<i64>) -> Result<Value> {
    let Some(id) = id else {
        return Ok(Value::Null);
    };
    let sql = format!("SELECT id FROM {} WHERE id = ?1", entity.def().table);
    Ok(match find_id(tx, &sql, [id])? {
        Some(_) => Value::Null,
        None => Value::from(id),
    })
}

/// The id an item had before, if it is to keep it.
fn kept(keep: &Keep, entity: Entity, item: &Json) -> Option<i64> {
    let old = item.get("id").and_then(Json::as_i64)?;
    keep.get(&(entity, old)).copied()
}

/// A new policy's five stages: those the document gives, the others empty.
fn insert_stages(
    tx: &Transaction<'_>,
    policy: i64,
    item: &Json,
    ids: &mut Ids,
    keep: &Keep,
) -> Result<()> {
    let entity = Entity::PolicyStage;
    let given = item
        .get(entity.def().document_key)
        .and_then(Json::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let sql = rows::insert_sql(entity, &["id", "policy_id", "stage"]);
    for stage in Stage::ALL {
        let code = Json::from(stage.code());
        match given.iter().find(|s| s.get("stage") == Some(&code)) {
            Some(s) => {
                let fixed = vec![
                    free_id(tx, entity, kept(keep, entity, s))?,
                    Value::from(policy),
                    Value::from(stage.code().to_string()),
                ];
                let id = rows::insert_row(tx, &sql, fixed, rows::values(entity, s, ids)?)?;
                ids.insert(entity, &s["id"], id)?;
            }
            None => {
                tx.execute(
                    "INSERT INTO policy_stages (policy_id, stage) VALUES (?1, ?2)",
                    params![policy, stage.code()],
                )
                .map_err(db_error)?;
            }
        }
    }
    Ok(())
}

fn scoped(scope: Scope) -> impl Iterator<Item = Entity> {
    Entity::ALL
        .into_iter()
        .filter(move |e| e.def().scope == scope)
}

/// A serialised document, every part known to the registry.
pub(crate) fn document_json(doc: &PlanDocument) -> Result<Json> {
    let json = rows::to_item(doc)?;
    check_keys(&json)?;
    Ok(json)
}

/// The reference lists' entries of a document, matched by name (an entry
/// not found is added).
pub(crate) fn insert_references(tx: &Transaction<'_>, json: &Json, ids: &mut Ids) -> Result<()> {
    for entity in scoped(Scope::Global) {
        for item in items(json, entity)? {
            let id = reference_id(tx, entity, item, ids)?;
            ids.insert(entity, &item["id"], id)?;
        }
    }
    Ok(())
}

/// The plan row's own fields as stored, and the columns they go in.
pub(crate) fn plan_fields(json: &Json, ids: &Ids) -> Result<Vec<Stored>> {
    let fields = json
        .get(Entity::Plan.def().document_key)
        .unwrap_or(&Json::Null);
    rows::values(Entity::Plan, fields, ids)
}

/// Inserts a plan row: its unit, year, status, identity and origin, then its fields.
pub(crate) fn insert_plan_row(
    tx: &Transaction<'_>,
    head: [Value; 5],
    fields: Vec<Stored>,
) -> Result<i64> {
    rows::insert_row(
        tx,
        &rows::insert_sql(
            Entity::Plan,
            &["unit_id", "year", "status", "uuid", "origin"],
        ),
        head.into(),
        fields,
    )
}

/// Inserts every list of a plan (a document serialised by [`document_json`]),
/// each item keeping the id `keep` gives it when that id is free.
pub(crate) fn insert_lists(
    tx: &Transaction<'_>,
    json: &Json,
    plan: i64,
    ids: &mut Ids,
    keep: &Keep,
) -> Result<()> {
    for entity in scoped(Scope::Plan) {
        let line = entity == Entity::BudgetLine;
        let fixed: &[&str] = if line {
            &["id", "plan_id", "position", "amount"]
        } else {
            &["id", "plan_id", "position"]
        };
        let sql = rows::insert_sql(entity, fixed);
        for (item, position) in items(json, entity)?.iter().zip(0i64..) {
            let values = rows::values(entity, item, ids)?;
            let mut fixed = vec![
                free_id(tx, entity, kept(keep, entity, item))?,
                Value::from(plan),
                Value::from(position),
            ];
            if line {
                fixed.push(line_amount(&values)?);
            }
            let id = rows::insert_row(tx, &sql, fixed, values)?;
            ids.insert(entity, &item["id"], id)?;
            if entity == Entity::Policy {
                insert_stages(tx, id, item, ids, keep)?;
            }
        }
    }
    Ok(())
}

/// Inserts `doc` as a new own plan of `unit_id` (with a new UUID) and returns
/// its id. Every field the registry lists is written, each value checked by
/// `validate` as if it had been typed; references are moved to the new ids;
/// the reference lists are matched by name (an entry not found is added).
pub(crate) fn insert(tx: &Transaction<'_>, doc: &PlanDocument, unit_id: i64) -> Result<i64> {
    let json = document_json(doc)?;
    let mut ids = Ids::default();
    insert_references(tx, &json, &mut ids)?;
    let head = [
        Value::from(unit_id),
        Value::from(doc.year),
        Value::from(doc.status.code().to_string()),
        Value::from(crate::plans::new_uuid(tx)?),
        Value::from("own".to_string()),
    ];
    let plan = insert_plan_row(tx, head, plan_fields(&json, &ids)?)?;
    insert_lists(tx, &json, plan, &mut ids, &Keep::new())?;
    Ok(plan)
}

/// `doc` moved into `year`: every date moved by the same number of years, status
/// back to draft, number and issue date cleared (a new document gets a new number).
pub fn moved_to_year(doc: &PlanDocument, year: i32) -> Result<PlanDocument> {
    let years = year - doc.year;
    let mut out = doc.clone();
    out.year = year;
    out.status = PlanStatus::Draft;
    out.fields.number.clear();
    out.fields.issue_date.clear();
    // What was done the year before this one is not the new year's opening.
    out.fields.previous_results.clear();
    let old_year = doc.year.to_string();
    // The subject's breaks follow its words (the default subject names the year too).
    for text in [&mut out.fields.title, &mut out.fields.subject_lines] {
        if text.contains(&old_year) {
            *text = text.replace(&old_year, &year.to_string());
        }
    }
    for a in &mut out.activities {
        a.start_date = shift_years(&a.start_date, years)?;
        a.end_date = shift_years(&a.end_date, years)?;
    }
    // A new year's estimate is proposed afresh: nothing is approved yet.
    for l in &mut out.budget_lines {
        l.approved = None;
    }
    Ok(out)
}

impl Store {
    /// "Tạo từ kế hoạch năm trước": a copy of a plan in another year, as a
    /// draft; when results of the plan were recorded, the copy opens with
    /// their summary as its previous year's results (core
    /// `previous_year_summary`), editable like any field.
    pub fn copy_plan(&mut self, request: &CopyPlan) -> Result<PlanSummary> {
        commplan_core::validate_year(request.year)?;
        let source = self.plan_document(request.from_id)?;
        let mut doc = moved_to_year(&source, request.year)?;
        let results = self.plan_results(request.from_id)?;
        if results != commplan_core::results::PlanResults::default() {
            doc.fields.previous_results =
                commplan_core::results::previous_year_summary(&source, &results);
        }
        let id = self.write(|tx| {
            conflict_year(tx, source.unit.id, request.year, &source.unit.name)?;
            insert(tx, &doc, source.unit.id)
        })?;
        self.plan_summary(id)
    }

    /// Imports a plan file as a new draft plan (its unit is found by name or added).
    pub fn import_plan(&mut self, file: &PlanFile) -> Result<PlanSummary> {
        file.check()?;
        self.writable()?;
        self.backup(commplan_core::backup::BackupKind::PreImport)?;
        let mut doc = file.plan.clone();
        doc.status = PlanStatus::Draft;
        let id = self.write(|tx| {
            let unit = unit_id(tx, &doc.unit)?;
            conflict_year(tx, unit, doc.year, &clean(&doc.unit.name))?;
            insert(tx, &doc, unit)
        })?;
        self.plan_summary(id)
    }
}
