//! What changed between two revisions of a plan, for reviewers and officers.
//!
//! Items are matched by id: ids are stable across revisions of one plan, so an
//! id only in the new revision is an added item and an id only in the old one
//! a removed item. Fields are compared as stored and shown as people read them
//! (money "12.500.000 đ", quantities "2,5", months "tháng 1, 3, 5", stages and
//! references by name), with the labels of the field registry ([`crate::edit`]).
//!
//! What is not a difference: the plan's `status` and `updated_at` (they change
//! with every submission), its database id, and the reference lists (channels,
//! budget categories, funding sources), which are shared by all plans; a
//! reference is compared by id and shown with the name each revision gives it.
//! A reorder alone is not a change of content: it is reported apart, as
//! `moved` (see [`PlanDiff::has_content_changes`]).
//!
//! The parts: this module holds the IPC types, [`diff`] itself, the plan's own
//! fields and the totals; `words` the word diff of a text; `lists` the items of
//! every list (added, removed, changed, moved); `view` how values are shown;
//! `render` the plain-Vietnamese text for a terminal.

mod lists;
mod render;
#[cfg(test)]
mod tests;
mod view;
mod words;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::budget::{Difference, total_approved, total_proposed};
use crate::edit::Entity;
use crate::model::Step;
use crate::money::Money;
use crate::plan::PlanDocument;

pub use render::render_text;
pub use words::word_diff;

use lists::{field_value, list_diff, object};
use view::View;

/// Everything that differs between two revisions, in document order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct PlanDiff {
    /// The plan's own fields that changed, in the editor's order.
    pub texts: Vec<TextChange>,
    /// The lists with a difference, in the editor's order; lists without one are left out.
    pub lists: Vec<ListDiff>,
    /// Budget totals and counts, before and after (always present).
    pub totals: DiffTotals,
}

/// One changed field of the plan itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct TextChange {
    /// The field's wire name, as in [`crate::FieldEdit`] ("title", "purposes" …);
    /// "unitName", "unitParentBody" and "year" for the header outside the fields.
    pub field: String,
    /// The Vietnamese label of the field registry.
    pub label: String,
    /// The editor step it belongs to, for grouping.
    pub step: Step,
    /// The whole old value, as shown (a date as dd/mm/yyyy, a signer authority by name).
    pub before: String,
    /// The whole new value, as shown.
    pub after: String,
    /// `before` turned into `after` word by word; the segments of one kind
    /// concatenated give back `before` (same + removed) and `after` (same + added).
    pub words: Vec<WordSegment>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SegmentKind {
    Same,
    Added,
    Removed,
}

/// A run of text that is in both values, only in the new one, or only in the old one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct WordSegment {
    pub kind: SegmentKind,
    pub text: String,
}

/// The differences in one list of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ListDiff {
    pub entity: Entity,
    /// The list's Vietnamese name ("Căn cứ pháp lý", "Dự toán kinh phí" …).
    pub label: String,
    pub step: Step,
    /// Items only in the new revision, in its order.
    pub added: Vec<ItemSummary>,
    /// Items only in the old revision, in its order.
    pub removed: Vec<ItemSummary>,
    /// Items in both whose content differs, in the new order.
    pub changed: Vec<ItemChange>,
    /// Items in both whose place in the list changed (not a change of content),
    /// in the new order: the fewest items that, moved, give the new order.
    pub moved: Vec<ItemSummary>,
}

impl ListDiff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && self.moved.is_empty()
    }

    pub fn has_content_changes(&self) -> bool {
        !(self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty())
    }
}

/// An item named by a one-line Vietnamese summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ItemSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub summary: String,
}

/// An item in both revisions, with the fields that differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ItemChange {
    #[ts(type = "number")]
    pub id: i64,
    /// The item as it now is.
    pub summary: String,
    pub fields: Vec<FieldChange>,
}

/// One field of an item, before and after, as people read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct FieldChange {
    /// The wire name ("unitPrice"); for a policy's stage "stages.drafting.notApplicable".
    pub field: String,
    pub label: String,
    /// Empty when the field was empty.
    pub before: String,
    pub after: String,
}

/// A budget total before and after; `None` when the sum is past the maximum
/// amount and cannot be computed ("không tính được").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct TotalChange {
    pub before: Option<Money>,
    pub after: Option<Money>,
    /// after − before, when both are known.
    pub difference: Option<Difference>,
}

impl TotalChange {
    fn new(before: Option<Money>, after: Option<Money>) -> TotalChange {
        let difference = match (before, after) {
            (Some(b), Some(a)) => a.dong().checked_sub(b.dong()).map(Difference),
            _ => None,
        };
        TotalChange {
            before,
            after,
            difference,
        }
    }

    pub fn changed(&self) -> bool {
        self.before != self.after
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct CountChange {
    pub before: u32,
    pub after: u32,
}

/// Totals and counts of both revisions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct DiffTotals {
    /// Tổng kinh phí đề xuất.
    pub proposed: TotalChange,
    /// Tổng kinh phí được duyệt (lines without an approved amount count 0).
    pub approved: TotalChange,
    pub policies: CountChange,
    pub activities: CountChange,
    pub budget_lines: CountChange,
}

impl PlanDiff {
    /// Nothing differs at all, not even the order of a list.
    pub fn is_empty(&self) -> bool {
        self.texts.is_empty() && self.lists.iter().all(ListDiff::is_empty)
    }

    /// Some content differs: a text, or an item added, removed or changed
    /// (a reorder alone is not a change of content).
    pub fn has_content_changes(&self) -> bool {
        !self.texts.is_empty() || self.lists.iter().any(ListDiff::has_content_changes)
    }

    /// The differences as plain Vietnamese text; see [`render_text`].
    pub fn summary_vi(&self) -> String {
        render_text(self)
    }
}

/// Compares two revisions of one plan.
pub fn diff(old: &PlanDocument, new: &PlanDocument) -> PlanDiff {
    let (o, n) = (View { doc: old }, View { doc: new });
    let lists = [
        list_diff(Entity::LegalBasis, o, n, &old.legal_bases, &new.legal_bases),
        list_diff(Entity::Objective, o, n, &old.objectives, &new.objectives),
        list_diff(Entity::Policy, o, n, &old.policies, &new.policies),
        list_diff(Entity::Activity, o, n, &old.activities, &new.activities),
        list_diff(
            Entity::FocalOfficer,
            o,
            n,
            &old.focal_officers,
            &new.focal_officers,
        ),
        list_diff(Entity::Training, o, n, &old.trainings, &new.trainings),
        list_diff(
            Entity::PressPartner,
            o,
            n,
            &old.press_partners,
            &new.press_partners,
        ),
        list_diff(
            Entity::BudgetLine,
            o,
            n,
            &old.budget_lines,
            &new.budget_lines,
        ),
        list_diff(
            Entity::Responsibility,
            o,
            n,
            &old.responsibilities,
            &new.responsibilities,
        ),
        list_diff(Entity::Report, o, n, &old.reports, &new.reports),
        list_diff(Entity::Recipient, o, n, &old.recipients, &new.recipients),
    ]
    .into_iter()
    .filter(|l| !l.is_empty())
    .collect();
    PlanDiff {
        texts: text_changes(o, n),
        lists,
        totals: totals(old, new),
    }
}

// ---------------------------------------------------------------------------
// The plan's own fields

fn text_changes(o: View, n: View) -> Vec<TextChange> {
    let mut out = Vec::new();
    let mut push = |field: &str, label: &str, step: Step, before: String, after: String| {
        if before != after {
            out.push(TextChange {
                field: field.to_string(),
                label: label.to_string(),
                step,
                words: word_diff(&before, &after),
                before,
                after,
            });
        }
    };
    let (old, new) = (o.doc, n.doc);
    push(
        "unitName",
        "Đơn vị ban hành",
        Step::General,
        old.unit.name.clone(),
        new.unit.name.clone(),
    );
    push(
        "unitParentBody",
        "Cơ quan chủ quản",
        Step::General,
        old.unit.parent_body.clone(),
        new.unit.parent_body.clone(),
    );
    push(
        "year",
        "Năm kế hoạch",
        Step::General,
        old.year.to_string(),
        new.year.to_string(),
    );
    let (before, after) = (object(&old.fields), object(&new.fields));
    for def in Entity::Plan.def().fields {
        let (b, a) = (
            field_value(&before, def.name),
            field_value(&after, def.name),
        );
        if b != a {
            push(
                def.name,
                def.label,
                Entity::Plan
                    .step_of(Some(def.name))
                    .unwrap_or(Step::General),
                o.render(def.kind, b),
                n.render(def.kind, a),
            );
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Totals

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn totals(old: &PlanDocument, new: &PlanDocument) -> DiffTotals {
    let proposed = |d: &PlanDocument| total_proposed(&d.budget_lines).ok();
    let approved = |d: &PlanDocument| total_approved(&d.budget_lines).ok();
    let counts = |f: fn(&PlanDocument) -> usize| CountChange {
        before: count(f(old)),
        after: count(f(new)),
    };
    DiffTotals {
        proposed: TotalChange::new(proposed(old), proposed(new)),
        approved: TotalChange::new(approved(old), approved(new)),
        policies: counts(|d| d.policies.len()),
        activities: counts(|d| d.activities.len()),
        budget_lines: counts(|d| d.budget_lines.len()),
    }
}
