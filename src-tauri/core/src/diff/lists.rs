//! The lists of a plan compared item by item: items are matched by id; those
//! on one side only are added or removed, those in both are compared field by
//! field (the registry's fields and the derived ones), and a reorder is
//! reported apart as `moved`.

use crate::codes::Code;
use std::collections::{HashMap, HashSet};

use serde::Serialize;
use serde_json::{Map, Value};
use similar::{Algorithm, DiffOp};

use super::view::{View, join_nonempty, or_blank};
use super::{FieldChange, ItemChange, ItemSummary, ListDiff};
use crate::budget::BudgetLine;
use crate::edit::{Entity, FieldKind};
use crate::model::Step;
use crate::plan::Stage;
use crate::text::shorten;

/// What the diff needs of an item of a list.
pub(super) trait Item: Serialize {
    fn id(&self) -> i64;
    /// A short Vietnamese line naming the item in its revision.
    fn summary(&self, view: View) -> String;
    /// Differences the generic comparison of fields does not see (a policy's stages).
    fn nested_changes(&self, _old: &Self, _o: View, _n: View) -> Vec<FieldChange> {
        Vec::new()
    }
}

/// Fields an item has that the registry does not list (derived values).
pub(super) fn extra_fields(entity: Entity) -> &'static [(&'static str, FieldKind, &'static str)] {
    match entity {
        Entity::BudgetLine => &[("amount", FieldKind::Money, "Thành tiền")],
        _ => &[],
    }
}

fn list_label(entity: Entity) -> &'static str {
    match entity {
        Entity::LegalBasis => "Căn cứ pháp lý",
        Entity::Policy => "Chính sách",
        Entity::Activity => "Hoạt động truyền thông",
        Entity::FocalOfficer => "Cán bộ đầu mối",
        Entity::Training => "Bồi dưỡng, tập huấn",
        Entity::PressPartner => "Cơ quan báo chí phối hợp",
        Entity::BudgetLine => "Dự toán kinh phí",
        Entity::Responsibility => "Trách nhiệm của các đơn vị",
        Entity::Report => "Các báo cáo phải nộp",
        Entity::Recipient => "Nơi nhận",
        Entity::Objective => "Chỉ tiêu",
        _ => entity.def().noun,
    }
}

pub(super) fn list_diff<T: Item>(
    entity: Entity,
    o: View,
    n: View,
    old: &[T],
    new: &[T],
) -> ListDiff {
    let old_by_id: HashMap<i64, &T> = old.iter().map(|i| (i.id(), i)).collect();
    let new_ids: HashSet<i64> = new.iter().map(Item::id).collect();
    let summary = |item: &T, view: View| ItemSummary {
        id: item.id(),
        summary: item.summary(view),
    };
    let added = new
        .iter()
        .filter(|i| !old_by_id.contains_key(&i.id()))
        .map(|i| summary(i, n))
        .collect();
    let removed = old
        .iter()
        .filter(|i| !new_ids.contains(&i.id()))
        .map(|i| summary(i, o))
        .collect();
    let changed = new
        .iter()
        .filter_map(|after| {
            let before = old_by_id.get(&after.id())?;
            let mut fields = field_changes(entity, o, n, *before, after);
            fields.extend(after.nested_changes(before, o, n));
            (!fields.is_empty()).then(|| ItemChange {
                id: after.id(),
                summary: after.summary(n),
                fields,
            })
        })
        .collect();
    ListDiff {
        entity,
        label: list_label(entity).to_string(),
        step: entity.step_of(None).unwrap_or(Step::General),
        added,
        removed,
        changed,
        moved: moved(old, new, n),
    }
}

/// Items in both lists that are not in the longest run kept in order.
fn moved<T: Item>(old: &[T], new: &[T], n: View) -> Vec<ItemSummary> {
    let old_ids: HashSet<i64> = old.iter().map(Item::id).collect();
    let new_ids: HashSet<i64> = new.iter().map(Item::id).collect();
    let old_common: Vec<i64> = old
        .iter()
        .map(Item::id)
        .filter(|id| new_ids.contains(id))
        .collect();
    let new_common: Vec<&T> = new.iter().filter(|i| old_ids.contains(&i.id())).collect();
    let new_common_ids: Vec<i64> = new_common.iter().map(|i| i.id()).collect();
    if old_common == new_common_ids {
        return Vec::new();
    }
    let mut out = Vec::new();
    for op in similar::capture_diff_slices(Algorithm::Myers, &old_common, &new_common_ids) {
        let range = match op {
            DiffOp::Equal { .. } | DiffOp::Delete { .. } => continue,
            DiffOp::Insert {
                new_index, new_len, ..
            }
            | DiffOp::Replace {
                new_index, new_len, ..
            } => new_index..new_index + new_len,
        };
        for item in new_common.get(range).unwrap_or_default() {
            out.push(ItemSummary {
                id: item.id(),
                summary: item.summary(n),
            });
        }
    }
    out
}

/// The fields of the registry (and the derived ones) that differ, in the registry's order.
fn field_changes<T: Item>(entity: Entity, o: View, n: View, old: &T, new: &T) -> Vec<FieldChange> {
    let (before, after) = (object(old), object(new));
    let registry = entity
        .def()
        .fields
        .iter()
        .map(|d| (d.name, d.kind, d.label));
    registry
        .chain(extra_fields(entity).iter().copied())
        .filter_map(|(name, kind, label)| {
            let (b, a) = (field_value(&before, name), field_value(&after, name));
            (b != a).then(|| FieldChange {
                field: name.to_string(),
                label: label.to_string(),
                before: o.render(kind, b),
                after: n.render(kind, a),
            })
        })
        .collect()
}

pub(super) fn object<T: Serialize>(item: &T) -> Map<String, Value> {
    match serde_json::to_value(item) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

pub(super) fn field_value<'a>(map: &'a Map<String, Value>, name: &str) -> &'a Value {
    map.get(name).unwrap_or(&Value::Null)
}

impl Item for crate::LegalBasis {
    fn id(&self) -> i64 {
        self.id
    }
    fn summary(&self, _: View) -> String {
        or_blank(shorten(&self.text, 100))
    }
}

impl Item for crate::Policy {
    fn id(&self) -> i64 {
        self.id
    }
    fn summary(&self, _: View) -> String {
        or_blank(shorten(&self.title, 100))
    }
    fn nested_changes(&self, old: &Self, o: View, n: View) -> Vec<FieldChange> {
        let mut out = Vec::new();
        for stage in Stage::ALL {
            let before = old.stages.iter().find(|s| s.stage == stage);
            let after = self.stages.iter().find(|s| s.stage == stage);
            let (b, a) = (object(&before), object(&after));
            for def in Entity::PolicyStage.def().fields {
                let (bv, av) = (field_value(&b, def.name), field_value(&a, def.name));
                if bv != av {
                    out.push(FieldChange {
                        field: format!("stages.{}.{}", stage.code(), def.name),
                        label: format!("Giai đoạn {} — {}", stage.label_vi(), def.label),
                        before: o.render(def.kind, bv),
                        after: n.render(def.kind, av),
                    });
                }
            }
        }
        out
    }
}

impl Item for crate::Activity {
    fn id(&self) -> i64 {
        self.id
    }
    fn summary(&self, view: View) -> String {
        let content = or_blank(shorten(&self.content, 80));
        let policy = self
            .policy_id
            .and_then(|id| view.doc.policies.iter().find(|p| p.id == id))
            .map(|p| or_blank(shorten(&p.title, 50)));
        match (policy, self.stage) {
            (Some(p), Some(s)) => format!("{content} ({p}; giai đoạn {})", s.label_vi()),
            (Some(p), None) => format!("{content} ({p})"),
            (None, Some(s)) => format!("{content} (giai đoạn {})", s.label_vi()),
            (None, None) => format!("{content} (hoạt động chung)"),
        }
    }
}

impl Item for crate::FocalOfficer {
    fn id(&self) -> i64 {
        self.id
    }
    fn summary(&self, _: View) -> String {
        join_nonempty(&[&self.name, &self.position, &self.unit], ", ")
    }
}

impl Item for crate::Training {
    fn id(&self) -> i64 {
        self.id
    }
    fn summary(&self, _: View) -> String {
        let topic = or_blank(shorten(&self.topic, 90));
        if self.timing.trim().is_empty() {
            topic
        } else {
            format!("{topic} ({})", shorten(&self.timing, 40))
        }
    }
}

impl Item for crate::PressPartner {
    fn id(&self) -> i64 {
        self.id
    }
    fn summary(&self, _: View) -> String {
        let name = or_blank(shorten(&self.name, 90));
        if self.arrangement.trim().is_empty() {
            name
        } else {
            format!("{name} ({})", shorten(&self.arrangement, 40))
        }
    }
}

impl Item for crate::Responsibility {
    fn id(&self) -> i64 {
        self.id
    }
    fn summary(&self, _: View) -> String {
        or_blank(shorten(&self.unit, 100))
    }
}

impl Item for crate::Report {
    fn id(&self) -> i64 {
        self.id
    }
    fn summary(&self, _: View) -> String {
        let content = or_blank(shorten(&self.content, 80));
        if self.deadline.trim().is_empty() {
            content
        } else {
            format!("{content} ({})", shorten(&self.deadline, 40))
        }
    }
}

impl Item for crate::Recipient {
    fn id(&self) -> i64 {
        self.id
    }
    fn summary(&self, _: View) -> String {
        or_blank(shorten(&self.text, 100))
    }
}

impl Item for crate::Objective {
    fn id(&self) -> i64 {
        self.id
    }
    fn summary(&self, _: View) -> String {
        let name = or_blank(shorten(&self.name, 90));
        match self.target {
            Some(target) => format!("{name}: {} {}", crate::money::group(target), self.unit)
                .trim_end()
                .to_string(),
            None => name,
        }
    }
}

impl Item for BudgetLine {
    fn id(&self) -> i64 {
        self.id
    }
    fn summary(&self, _: View) -> String {
        format!(
            "{}: {}",
            or_blank(shorten(&self.description, 80)),
            self.amount.display()
        )
    }
}
