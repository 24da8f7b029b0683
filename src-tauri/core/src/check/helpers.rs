//! What the checks share: where a finding points ([`target`], [`plan_field`]),
//! how policies and activities are named in messages, and what an activity
//! says (folded) and when it takes place.

use super::Target;
use crate::edit::Entity;
use crate::model::Step;
use crate::plan::{Activity, PlanDocument, Policy};
use crate::text::{fold, shorten};

/// Where a finding points: a step, and if known the entity, its id and the field.
pub(super) fn target(
    step: Step,
    entity: Option<Entity>,
    id: Option<i64>,
    field: Option<&str>,
) -> Target {
    Target {
        step,
        entity,
        id,
        field: field.map(str::to_string),
    }
}

/// A field of the plan row itself.
pub(super) fn plan_field(doc: &PlanDocument, step: Step, field: &str) -> Target {
    target(step, Some(Entity::Plan), Some(doc.id), Some(field))
}

/// True when `s` is empty or only white space.
pub(super) fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// True when the folded text contains one of `terms` (themselves folded).
pub(super) fn contains_any(folded: &str, terms: &[&str]) -> bool {
    terms.iter().any(|t| folded.contains(t))
}

pub(super) fn policy_name(index: usize, p: &Policy) -> String {
    if blank(&p.title) {
        format!("Chính sách thứ {} (chưa có tên)", index + 1)
    } else {
        format!("Chính sách “{}”", shorten(&p.title, 200))
    }
}

pub(super) fn activity_name(index: usize, a: &Activity) -> String {
    if blank(&a.content) {
        format!("Hoạt động thứ {} (chưa có nội dung)", index + 1)
    } else {
        format!("Hoạt động “{}”", shorten(&a.content, 90))
    }
}

/// Content and channel of an activity, folded.
pub(super) fn activity_text(doc: &PlanDocument, a: &Activity) -> String {
    let channel = doc.channel_name(a.channel_id).unwrap_or_default();
    fold(&format!("{} {}", a.content, channel))
}
