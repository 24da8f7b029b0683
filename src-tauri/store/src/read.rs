//! Reading a whole plan (`load`): the plan row and each of its lists, read
//! with the columns the core registry lists (`rows.rs`), put together as JSON
//! under the registry's document keys and deserialised into a `PlanDocument`;
//! and the view the editor opens.

use commplan_core::Code;
use std::collections::HashMap;

use commplan_core::edit::Scope;
use commplan_core::{AppError, Entity, PlanDocument, PlanStatus, PlanView, Stage, Unit};
use rusqlite::{Connection, OptionalExtension};
use serde_json::Value as Json;

use crate::error::db_error;
use crate::rows::{self, Item};
use crate::{Result, Store};

/// What the registry does not list of a plan: its id, unit, year, status and
/// when it last changed.
fn head(conn: &Connection, id: i64) -> Result<Item> {
    let (unit, year, status, updated_at) = conn
        .query_row(
            "SELECT u.id, u.name, u.parent_body, u.abbreviation, p.year, p.status, p.updated_at
               FROM plans p JOIN units u ON u.id = p.unit_id WHERE p.id = ?1",
            [id],
            |r| {
                let unit = Unit {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    parent_body: r.get(2)?,
                    abbreviation: r.get(3)?,
                };
                Ok((unit, r.get::<_, i32>(4)?, r.get::<_, String>(5)?, r.get(6)?))
            },
        )
        .optional()
        .map_err(db_error)?
        .ok_or_else(|| AppError::not_found("Không tìm thấy kế hoạch này; có thể nó đã bị xóa."))?;
    let status = PlanStatus::from_code(&status).unwrap_or(PlanStatus::Draft);
    let mut head = Item::new();
    head.insert("id".into(), Json::from(id));
    head.insert("unit".into(), rows::to_item(&unit)?);
    head.insert("year".into(), Json::from(year));
    head.insert("status".into(), rows::to_item(&status)?);
    head.insert("updatedAt".into(), Json::String(updated_at));
    Ok(head)
}

/// Gives each policy its stages, in the order of `Stage::ALL`.
fn attach_stages(conn: &Connection, plan_id: i64, policies: &mut [Item]) -> Result<()> {
    let mut stages = rows::read(
        conn,
        Entity::PolicyStage,
        "WHERE policy_id IN (SELECT id FROM policies WHERE plan_id = ?1)",
        Some(plan_id),
    )?;
    let stage = |s: &Item| {
        s.get("stage")
            .and_then(Json::as_str)
            .and_then(Stage::from_code)
    };
    stages.sort_by_key(stage);
    let mut by_policy: HashMap<Option<i64>, Vec<Json>> = HashMap::new();
    for mut s in stages {
        let policy = s.remove("policyId").and_then(|p| p.as_i64());
        by_policy.entry(policy).or_default().push(Json::Object(s));
    }
    let key = Entity::PolicyStage.def().document_key;
    for p in policies {
        let id = p.get("id").and_then(Json::as_i64);
        let stages = by_policy.remove(&id).unwrap_or_default();
        p.insert(key.into(), Json::Array(stages));
    }
    Ok(())
}

fn array(items: Vec<Item>) -> Json {
    Json::Array(items.into_iter().map(Json::Object).collect())
}

pub(crate) fn load(conn: &Connection, id: i64) -> Result<PlanDocument> {
    let mut doc = head(conn, id)?;
    for entity in Entity::ALL {
        let def = entity.def();
        let value = match def.scope {
            Scope::PlanRow => {
                let mut row = rows::read(conn, entity, "WHERE id = ?1", Some(id))?;
                let mut fields = row.pop().unwrap_or_default();
                fields.remove("id");
                Json::Object(fields)
            }
            Scope::Plan => {
                let tail = "WHERE plan_id = ?1 ORDER BY position, id";
                let mut items = rows::read(conn, entity, tail, Some(id))?;
                if entity == Entity::Policy {
                    attach_stages(conn, id, &mut items)?;
                }
                array(items)
            }
            Scope::Global => array(rows::read(conn, entity, "ORDER BY position, id", None)?),
            // In each policy (`attach_stages`).
            Scope::Policy => continue,
        };
        doc.insert(def.document_key.into(), value);
    }
    rows::from_json(Json::Object(doc))
}

impl Store {
    /// The whole plan.
    pub fn plan_document(&self, id: i64) -> Result<PlanDocument> {
        load(self.conn(), id)
    }

    /// A plan as the editor opens it: the document and the progress of each step.
    pub fn plan_view(&self, id: i64) -> Result<PlanView> {
        let document = self.plan_document(id)?;
        let review = crate::review::review_state(self.conn(), id)?;
        Ok(PlanView::new(document, review))
    }
}
