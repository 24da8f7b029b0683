//! The plan a file carries, checked whole as if every field had been typed:
//! ids unique, every reference resolving inside the document, every field
//! through [`crate::edit::validate`], every amount in range and every line's
//! amount equal to quantity × unit price, the stated totals equal to the
//! recomputed ones.

use std::collections::{HashMap, HashSet};

use serde_json::Value as Json;

use super::StatedTotals;
use crate::budget::{approved_sum, total_proposed};
use crate::edit::{Entity, Scope, json_input, validate};
use crate::error::{AppError, Result};
use crate::money::{MAX_QUANTITY_CENTI, line_amount};
use crate::plan::{PlanDocument, Stage};
use crate::review::CommentAnchor;

fn refused(message: impl Into<String>) -> AppError {
    AppError::validation(message)
}

/// The items of `entity` in a serialised document.
fn items(doc: &Json, entity: Entity) -> Vec<&Json> {
    let def = entity.def();
    match def.scope {
        Scope::PlanRow => doc.get(def.document_key).into_iter().collect(),
        Scope::Plan | Scope::Global => doc
            .get(def.document_key)
            .and_then(Json::as_array)
            .map(|a| a.iter().collect())
            .unwrap_or_default(),
        Scope::Policy => items(doc, Entity::Policy)
            .into_iter()
            .filter_map(|p| p.get(def.document_key).and_then(Json::as_array))
            .flatten()
            .collect(),
    }
}

/// The ids of each entity's items, each positive and given once.
fn ids(doc: &Json, plan_id: i64) -> Result<HashMap<Entity, HashSet<i64>>> {
    let mut all = HashMap::new();
    for entity in Entity::ALL {
        let mut seen = HashSet::new();
        if entity == Entity::Plan {
            seen.insert(plan_id);
            all.insert(entity, seen);
            continue;
        }
        for item in items(doc, entity) {
            let id = item.get("id").and_then(Json::as_i64).unwrap_or(0);
            if id <= 0 {
                return Err(refused(format!(
                    "Tệp kế hoạch có một {} mang mã không hợp lệ.",
                    entity.def().noun
                )));
            }
            if !seen.insert(id) {
                return Err(refused(format!(
                    "Tệp kế hoạch có hai {} cùng mã {id}: tệp bị hỏng hoặc đã bị sửa.",
                    entity.def().noun
                )));
            }
        }
        all.insert(entity, seen);
    }
    Ok(all)
}

/// "hoạt động thứ 3".
fn nth(entity: Entity, index: usize) -> String {
    if entity == Entity::Plan {
        "phần thông tin chung".to_string()
    } else {
        format!("{} thứ {}", entity.def().noun, index + 1)
    }
}

/// Checks the whole document a plan file carries (see the module's doc).
pub fn check_document(doc: &PlanDocument) -> Result<()> {
    let json = serde_json::to_value(doc)
        .map_err(|_| refused("Nội dung kế hoạch trong tệp không đọc được."))?;
    check_document_as(doc, &json)
}

/// [`check_document`] of a document and its serialised form.
pub(super) fn check_document_as(doc: &PlanDocument, json: &Json) -> Result<()> {
    if doc.id <= 0 {
        return Err(refused("Mã kế hoạch trong nội dung tệp không hợp lệ."));
    }
    crate::model::validate_year(doc.year)?;
    let ids = ids(json, doc.id)?;
    for entity in Entity::ALL {
        for (index, item) in items(json, entity).into_iter().enumerate() {
            check_item(entity, index, item, &ids)?;
        }
    }
    for p in &doc.policies {
        let stages: Vec<Stage> = p.stages.iter().map(|s| s.stage).collect();
        if stages != Stage::ALL {
            return Err(refused(format!(
                "Chính sách “{}” phải có đủ năm giai đoạn theo thứ tự.",
                crate::text::shorten(&p.title, 80)
            )));
        }
    }
    for (index, l) in doc.budget_lines.iter().enumerate() {
        let what = nth(Entity::BudgetLine, index);
        if !(0..=MAX_QUANTITY_CENTI).contains(&l.quantity.0) {
            return Err(refused(format!(
                "Tệp kế hoạch, {what}: số lượng ngoài giới hạn."
            )));
        }
        let amount = line_amount(l.quantity, l.unit_price)
            .map_err(|e| refused(format!("Tệp kế hoạch, {what}: {}", e.message)))?;
        if amount != l.amount {
            return Err(refused(format!(
                "Tệp kế hoạch, {what}: thành tiền không bằng số lượng × đơn giá."
            )));
        }
    }
    Ok(())
}

/// One item: every registry field through `validate`, references resolving.
fn check_item(
    entity: Entity,
    index: usize,
    item: &Json,
    ids: &HashMap<Entity, HashSet<i64>>,
) -> Result<()> {
    let what = || nth(entity, index);
    for f in entity.def().fields {
        let value = item.get(f.name).unwrap_or(&Json::Null);
        if let Some(target) = f.kind.refers_to() {
            let resolves = match value {
                Json::Null => true,
                v => v
                    .as_i64()
                    .is_some_and(|id| ids.get(&target).is_some_and(|s| s.contains(&id))),
            };
            if !resolves {
                return Err(refused(format!(
                    "Tệp kế hoạch, {}: “{}” chỉ tới một {} không có trong tệp.",
                    what(),
                    f.label,
                    target.def().noun
                )));
            }
            continue;
        }
        json_input(f, value)
            .and_then(|input| validate(f, &input))
            .map_err(|e| refused(format!("Tệp kế hoạch, {}: {}", what(), e.message)))?;
    }
    Ok(())
}

/// The stated totals equal those recomputed from the document.
pub(super) fn check_totals(doc: &PlanDocument, stated: &StatedTotals) -> Result<()> {
    let proposed = total_proposed(&doc.budget_lines).ok();
    let approved = approved_sum(&doc.budget_lines).ok().flatten();
    if stated.proposed != proposed || stated.approved != approved {
        return Err(refused(
            "Tổng kinh phí ghi trong tệp không bằng tổng tính lại từ các dòng kinh phí: tệp đã bị sửa.",
        ));
    }
    Ok(())
}

/// The totals a file states for `doc`.
pub fn totals_of(doc: &PlanDocument) -> StatedTotals {
    StatedTotals {
        proposed: total_proposed(&doc.budget_lines).ok(),
        approved: approved_sum(&doc.budget_lines).ok().flatten(),
    }
}

/// Every comment anchor points into the document (a section always does).
pub fn check_anchors<'a>(
    doc: &PlanDocument,
    anchors: impl IntoIterator<Item = &'a CommentAnchor>,
) -> Result<()> {
    let json = serde_json::to_value(doc).unwrap_or_default();
    check_anchors_as(doc, &json, anchors)
}

/// [`check_anchors`] of a document and its serialised form.
pub(super) fn check_anchors_as<'a>(
    doc: &PlanDocument,
    json: &Json,
    anchors: impl IntoIterator<Item = &'a CommentAnchor>,
) -> Result<()> {
    let mut found: HashMap<Entity, HashSet<i64>> = HashMap::new();
    for anchor in anchors {
        let CommentAnchor::Line { entity, id, .. } = anchor else {
            continue;
        };
        let ids = found.entry(*entity).or_insert_with(|| {
            if *entity == Entity::Plan {
                HashSet::from([doc.id])
            } else {
                items(json, *entity)
                    .iter()
                    .filter_map(|i| i.get("id").and_then(Json::as_i64))
                    .collect()
            }
        });
        if !ids.contains(id) {
            return Err(refused(
                "Một ý kiến trong tệp gắn với một dòng không có trong kế hoạch.",
            ));
        }
    }
    Ok(())
}
