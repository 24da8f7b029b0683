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

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use similar::{Algorithm, ChangeTag, DiffOp};
use ts_rs::TS;

use crate::budget::{BudgetLine, Difference, total_approved, total_proposed};
use crate::document::{PlanDocument, SignerAuthority, Stage};
use crate::edit::{Entity, FieldKind};
use crate::model::Step;
use crate::money::{Money, Quantity};

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

/// The step each of the plan's fields belongs to (that of the editor).
pub(crate) fn plan_field_step(name: &str) -> Step {
    match name {
        "leaderName"
        | "leaderPosition"
        | "spokespersonName"
        | "spokespersonPosition"
        | "spokespersonContact" => Step::Staffing,
        "pressCoordination" => Step::Press,
        "publicDisclosure" | "opinionMonitoring" | "falseInformation" | "crisisProcedure" => {
            Step::Monitoring
        }
        "reporting" => Step::Implementation,
        n if n.starts_with("signer") => Step::Signature,
        _ => Step::General,
    }
}

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
                plan_field_step(def.name),
                o.render(def.kind, b),
                n.render(def.kind, a),
            );
        }
    }
    out
}

/// `before` → `after` word by word (words and the spaces between them), merged into runs.
pub fn word_diff(before: &str, after: &str) -> Vec<WordSegment> {
    let mut out: Vec<WordSegment> = Vec::new();
    for (tag, text) in similar::utils::diff_words(Algorithm::Patience, before, after) {
        let kind = match tag {
            ChangeTag::Equal => SegmentKind::Same,
            ChangeTag::Insert => SegmentKind::Added,
            ChangeTag::Delete => SegmentKind::Removed,
        };
        match out.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(text),
            _ if text.is_empty() => {}
            _ => out.push(WordSegment {
                kind,
                text: text.to_string(),
            }),
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Lists

/// What the diff needs of an item of a list.
trait Item: Serialize {
    fn id(&self) -> i64;
    /// A short Vietnamese line naming the item in its revision.
    fn summary(&self, view: View) -> String;
    /// Differences the generic comparison of fields does not see (a policy's stages).
    fn nested_changes(&self, _old: &Self, _o: View, _n: View) -> Vec<FieldChange> {
        Vec::new()
    }
}

/// Fields an item has that the registry does not list (derived values).
fn extra_fields(entity: Entity) -> &'static [(&'static str, FieldKind, &'static str)] {
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
        _ => entity.def().noun,
    }
}

pub(crate) fn list_step(entity: Entity) -> Step {
    match entity {
        Entity::Policy | Entity::PolicyStage => Step::Policies,
        Entity::Activity => Step::Activities,
        Entity::FocalOfficer | Entity::Training => Step::Staffing,
        Entity::PressPartner => Step::Press,
        Entity::BudgetLine | Entity::BudgetCategory | Entity::FundingSource => Step::Budget,
        Entity::Responsibility | Entity::Report => Step::Implementation,
        Entity::Recipient => Step::Signature,
        Entity::Plan | Entity::LegalBasis | Entity::Channel => Step::General,
    }
}

fn list_diff<T: Item>(entity: Entity, o: View, n: View, old: &[T], new: &[T]) -> ListDiff {
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
        step: list_step(entity),
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

fn object<T: Serialize>(item: &T) -> Map<String, Value> {
    match serde_json::to_value(item) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

fn field_value<'a>(map: &'a Map<String, Value>, name: &str) -> &'a Value {
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

// ---------------------------------------------------------------------------
// Values as people read them

/// One revision, to resolve references with its own lists.
#[derive(Clone, Copy)]
struct View<'a> {
    doc: &'a PlanDocument,
}

impl View<'_> {
    fn render(&self, kind: FieldKind, value: &Value) -> String {
        let doc = self.doc;
        let id = value.as_i64();
        match (kind, value) {
            (_, Value::Null) => String::new(),
            (FieldKind::Bool, Value::Bool(b)) => yes_no(*b).to_string(),
            (FieldKind::Months, Value::Array(months)) => {
                let months: Vec<String> = months.iter().map(|m| m.to_string()).collect();
                if months.is_empty() {
                    String::new()
                } else {
                    format!("tháng {}", months.join(", "))
                }
            }
            (FieldKind::Date, Value::String(s)) => date_vi(s),
            (FieldKind::Stage, Value::String(s)) => Stage::from_code(s)
                .map(|st| st.label_vi().to_string())
                .unwrap_or_else(|| s.clone()),
            (FieldKind::SignerAuthority, Value::String(s)) => SignerAuthority::from_code(s)
                .map(|a| authority_vi(a).to_string())
                .unwrap_or_else(|| s.clone()),
            (FieldKind::ChannelRef, _) => name_or_id(doc.channel_name(id), id),
            (FieldKind::CategoryRef, _) => name_or_id(ref_name(&doc.budget_categories, id), id),
            (FieldKind::SourceRef, _) => name_or_id(ref_name(&doc.funding_sources, id), id),
            (FieldKind::PolicyRef, _) => {
                let title = doc
                    .policies
                    .iter()
                    .find(|p| Some(p.id) == id)
                    .map(|p| or_blank(shorten(&p.title, 80)));
                name_or_id(title.as_deref(), id)
            }
            (FieldKind::ActivityRef, _) => {
                let content = doc
                    .activities
                    .iter()
                    .find(|a| Some(a.id) == id)
                    .map(|a| or_blank(shorten(&a.content, 80)));
                name_or_id(content.as_deref(), id)
            }
            (FieldKind::Money | FieldKind::OptionalMoney, Value::String(s)) => s
                .parse::<i64>()
                .ok()
                .and_then(|n| Money::new(n).ok())
                .map(Money::display)
                .unwrap_or_else(|| s.clone()),
            (FieldKind::Quantity, _) => match id {
                Some(centi) => Quantity(centi).display(),
                None => value.to_string(),
            },
            (_, Value::String(s)) => s.clone(),
            (_, other) => other.to_string(),
        }
    }
}

fn yes_no(b: bool) -> &'static str {
    if b { "Có" } else { "Không" }
}

fn ref_name(list: &[crate::budget::RefItem], id: Option<i64>) -> Option<&str> {
    let id = id?;
    list.iter().find(|r| r.id == id).map(|r| r.name.as_str())
}

fn name_or_id(name: Option<&str>, id: Option<i64>) -> String {
    match (name, id) {
        (Some(name), _) => name.to_string(),
        (None, Some(id)) => format!("(mục không còn trong danh sách, mã {id})"),
        (None, None) => String::new(),
    }
}

/// "2027-03-15" → "15/03/2027"; anything else as it is.
fn date_vi(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => format!("{d}/{m}/{y}"),
        _ => iso.to_string(),
    }
}

fn authority_vi(a: SignerAuthority) -> &'static str {
    match a {
        SignerAuthority::Direct => "Ký trực tiếp",
        SignerAuthority::OnBehalf => "TM. (thay mặt)",
        SignerAuthority::Deputy => "KT. (ký thay)",
        SignerAuthority::Acting => "Q. (quyền)",
        SignerAuthority::ByOrder => "TL. (thừa lệnh)",
        SignerAuthority::Authorised => "TUQ. (thừa ủy quyền)",
    }
}

/// One line of at most `max` characters, cut after a whole word, with "…" when cut.
pub fn shorten(text: &str, max: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max {
        return line;
    }
    let cut: String = line.chars().take(max.saturating_sub(1)).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i >= cut.len() / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!(
        "{}…",
        cut.trim_end_matches([' ', ',', ';', ':', '.', '-', '('])
    )
}

fn or_blank(s: String) -> String {
    if s.is_empty() {
        "(chưa có nội dung)".to_string()
    } else {
        s
    }
}

fn join_nonempty(parts: &[&str], sep: &str) -> String {
    let parts: Vec<String> = parts
        .iter()
        .map(|p| shorten(p, 60))
        .filter(|p| !p.is_empty())
        .collect();
    or_blank(parts.join(sep))
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

// ---------------------------------------------------------------------------
// Plain text

const NOT_COMPUTABLE: &str = "không tính được";
const INDENT: &str = "    ";

fn money_or_not(m: Option<Money>) -> String {
    m.map(Money::display)
        .unwrap_or_else(|| NOT_COMPUTABLE.to_string())
}

fn shown(value: &str) -> &str {
    if value.is_empty() { "(trống)" } else { value }
}

fn is_short(value: &str) -> bool {
    value.chars().count() <= 70 && !value.contains('\n')
}

/// Indents every line after the first.
fn indented(text: &str, indent: &str) -> String {
    text.replace('\n', &format!("\n{indent}"))
}

/// A word diff inline: removed text in [-…-], added text in {+…+}; long
/// unchanged stretches are shortened to their ends.
fn inline_words(words: &[WordSegment]) -> String {
    let mut out = String::new();
    for w in words {
        match w.kind {
            SegmentKind::Same => {
                let chars: Vec<char> = w.text.chars().collect();
                if chars.len() > 120 {
                    // Keep whole words at both ends of what is left out.
                    let head: String = chars[..50].iter().collect();
                    let head = head.rsplit_once(' ').map_or(head.as_str(), |(h, _)| h);
                    let tail: String = chars[chars.len() - 50..].iter().collect();
                    let tail = tail.split_once(' ').map_or(tail.as_str(), |(_, t)| t);
                    out.push_str(&format!("{head} … {tail}"));
                } else {
                    out.push_str(&w.text);
                }
            }
            SegmentKind::Added => out.push_str(&format!("{{+{}+}}", w.text)),
            SegmentKind::Removed => out.push_str(&format!("[-{}-]", w.text)),
        }
    }
    out
}

fn before_after(out: &mut String, indent: &str, label: &str, before: &str, after: &str) {
    if is_short(before) && is_short(after) {
        out.push_str(&format!(
            "{indent}{label}: {} → {}\n",
            shown(before),
            shown(after)
        ));
    } else {
        let deeper = format!("{indent}{INDENT}");
        out.push_str(&format!("{indent}{label}:\n"));
        out.push_str(&format!(
            "{deeper}Trước: {}\n",
            indented(shown(before), &deeper)
        ));
        out.push_str(&format!(
            "{deeper}Sau:   {}\n",
            indented(shown(after), &deeper)
        ));
    }
}

fn total_line(label: &str, t: &TotalChange) -> String {
    if !t.changed() {
        return format!("{label}: {} (không đổi)", money_or_not(t.after));
    }
    let difference = t.difference.map(|d| format!(" ({d})")).unwrap_or_default();
    format!(
        "{label}: {} → {}{difference}",
        money_or_not(t.before),
        money_or_not(t.after)
    )
}

fn count_line(label: &str, c: &CountChange) -> String {
    if c.before == c.after {
        format!("{label}: {} (không đổi)", c.before)
    } else {
        format!("{label}: {} → {}", c.before, c.after)
    }
}

/// The differences as plain Vietnamese text for a terminal, grouped by step:
/// "+" an added item, "−" a removed one, "~" a changed one, "↕" a moved one.
/// Long texts show their word diff, removed words in [-…-], added in {+…+}.
pub fn render_text(d: &PlanDiff) -> String {
    let mut out = String::from("Những thay đổi giữa hai phiên bản kế hoạch\n");
    if d.is_empty() {
        out.push_str("\nHai phiên bản giống nhau: không có thay đổi nào.\n");
    }
    for step in Step::ALL {
        let texts: Vec<&TextChange> = d.texts.iter().filter(|t| t.step == step).collect();
        let lists: Vec<&ListDiff> = d.lists.iter().filter(|l| l.step == step).collect();
        if texts.is_empty() && lists.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{}\n", step.label_vi().to_uppercase()));
        for t in texts {
            if is_short(&t.before) && is_short(&t.after) {
                before_after(&mut out, "  ", &t.label, &t.before, &t.after);
            } else {
                out.push_str(&format!("  {}:\n", t.label));
                let deeper = format!("  {INDENT}");
                out.push_str(&format!(
                    "{deeper}{}\n",
                    indented(&inline_words(&t.words), &deeper)
                ));
            }
        }
        for l in lists {
            out.push_str(&format!(
                "  {}: thêm {}, bỏ {}, sửa {}{}\n",
                l.label,
                l.added.len(),
                l.removed.len(),
                l.changed.len(),
                if l.moved.is_empty() {
                    String::new()
                } else {
                    format!(", đổi thứ tự {}", l.moved.len())
                }
            ));
            for i in &l.added {
                out.push_str(&format!("    + {}\n", i.summary));
            }
            for i in &l.removed {
                out.push_str(&format!("    − {}\n", i.summary));
            }
            for c in &l.changed {
                out.push_str(&format!("    ~ {}\n", c.summary));
                for f in &c.fields {
                    before_after(&mut out, "        ", &f.label, &f.before, &f.after);
                }
            }
            for i in &l.moved {
                out.push_str(&format!("    ↕ {}\n", i.summary));
            }
        }
    }
    let t = &d.totals;
    out.push_str("\nTỔNG HỢP\n");
    for line in [
        total_line("Tổng kinh phí đề xuất", &t.proposed),
        total_line("Tổng kinh phí được duyệt", &t.approved),
        count_line("Số chính sách", &t.policies),
        count_line("Số hoạt động", &t.activities),
        count_line("Số dòng kinh phí", &t.budget_lines),
    ] {
        out.push_str(&format!("  {line}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::file::PlanFile;
    use crate::model::PlanStatus;

    fn sample() -> PlanDocument {
        match PlanFile::parse(include_str!("../../../assets/sample-plan.json")) {
            Ok(file) => file.plan,
            Err(e) => panic!("sample plan: {}", e.message),
        }
    }

    fn money(n: i64) -> Money {
        Money::new(n).expect("a valid amount")
    }

    fn list(d: &PlanDiff, entity: Entity) -> &ListDiff {
        d.lists
            .iter()
            .find(|l| l.entity == entity)
            .unwrap_or_else(|| panic!("no differences in {entity:?}: {d:#?}"))
    }

    /// The only list with differences is `entity`, and no text changed.
    fn only_list(d: &PlanDiff, entity: Entity) -> &ListDiff {
        assert!(d.texts.is_empty(), "{:#?}", d.texts);
        assert_eq!(d.lists.len(), 1, "{:#?}", d.lists);
        list(d, entity)
    }

    fn independent_total(doc: &PlanDocument) -> i64 {
        doc.budget_lines.iter().map(|l| l.amount.dong()).sum()
    }

    #[test]
    fn identical_revisions_differ_in_nothing() {
        let a = sample();
        let d = diff(&a, &a.clone());
        assert!(d.is_empty());
        assert!(!d.has_content_changes());
        assert!(d.texts.is_empty() && d.lists.is_empty());
        assert!(!d.totals.proposed.changed() && !d.totals.approved.changed());
        assert_eq!(d.totals.activities.before, 50);
        assert_eq!(d.totals.activities.after, 50);
        let text = render_text(&d);
        assert!(text.contains("Hai phiên bản giống nhau"), "{text}");
    }

    #[test]
    fn status_and_time_of_saving_are_not_differences() {
        let a = sample();
        let mut b = a.clone();
        b.status = PlanStatus::Submitted;
        b.updated_at = "2027-01-05T09:30:00.000Z".into();
        b.id = 42;
        assert!(diff(&a, &b).is_empty());
    }

    #[test]
    fn one_changed_text_is_one_text_change() {
        let a = sample();
        let mut b = a.clone();
        b.fields.title = format!("{} (sửa đổi)", a.fields.title);
        let d = diff(&a, &b);
        assert!(d.lists.is_empty());
        assert_eq!(d.texts.len(), 1, "{:#?}", d.texts);
        let t = &d.texts[0];
        assert_eq!(t.field, "title");
        assert_eq!(t.label, "Tên kế hoạch");
        assert_eq!(t.step, Step::General);
        assert_eq!(t.before, a.fields.title);
        assert_eq!(t.after, b.fields.title);
        assert_eq!(
            t.words.last(),
            Some(&WordSegment {
                kind: SegmentKind::Added,
                text: " (sửa đổi)".into()
            })
        );
        assert!(d.has_content_changes() && !d.is_empty());
    }

    #[test]
    fn every_plan_field_is_compared_and_labelled_in_its_step() {
        let a = sample();
        let mut b = a.clone();
        b.fields.spokesperson_contact = "0269 3 999 999".into();
        b.fields
            .crisis_procedure
            .push_str("\nBước 5: rút kinh nghiệm.");
        b.fields.signer_authority = Some(SignerAuthority::Direct);
        b.fields.issue_date = "2027-01-05".into();
        b.year = 2028;
        let d = diff(&a, &b);
        let got: Vec<(&str, Step)> = d.texts.iter().map(|t| (t.label.as_str(), t.step)).collect();
        assert_eq!(
            got,
            [
                ("Năm kế hoạch", Step::General),
                ("Ngày ban hành", Step::General),
                ("Liên hệ người phát ngôn", Step::Staffing),
                ("Quy trình xử lý khủng hoảng truyền thông", Step::Monitoring),
                ("Thẩm quyền ký", Step::Signature),
            ]
        );
        assert_eq!(d.texts[1].after, "05/01/2027");
        assert_eq!(d.texts[4].after, "Ký trực tiếp");
    }

    #[test]
    fn an_added_activity_is_named_with_its_policy_and_stage() {
        let a = sample();
        let mut b = a.clone();
        let policy = &a.policies[1];
        let mut act = a.activities[3].clone();
        act.id = a.activities.iter().map(|x| x.id).max().unwrap_or(0) + 1;
        act.policy_id = Some(policy.id);
        act.stage = Some(Stage::Drafting);
        act.content = "Tọa đàm trên sóng phát thanh về dự thảo chính sách".into();
        b.activities.push(act.clone());
        let d = diff(&a, &b);
        let l = only_list(&d, Entity::Activity);
        assert_eq!(l.step, Step::Activities);
        assert!(l.removed.is_empty() && l.changed.is_empty() && l.moved.is_empty());
        assert_eq!(l.added.len(), 1);
        assert_eq!(l.added[0].id, act.id);
        let s = &l.added[0].summary;
        assert!(
            s.starts_with("Tọa đàm trên sóng phát thanh về dự thảo chính sách ("),
            "{s}"
        );
        assert!(s.ends_with("; giai đoạn Xây dựng)"), "{s}");
        assert_eq!(d.totals.activities.before, 50);
        assert_eq!(d.totals.activities.after, 51);
        assert!(!d.totals.proposed.changed());
    }

    #[test]
    fn a_removed_budget_line_lowers_the_totals() {
        let a = sample();
        let mut b = a.clone();
        let gone = b.budget_lines.remove(0);
        let d = diff(&a, &b);
        let l = only_list(&d, Entity::BudgetLine);
        assert_eq!(l.step, Step::Budget);
        assert_eq!(l.removed.len(), 1);
        assert_eq!(l.removed[0].id, gone.id);
        assert!(
            l.removed[0].summary.ends_with(": 60.000.000 đ"),
            "{}",
            l.removed[0].summary
        );
        assert!(l.removed[0].summary.starts_with("Đặt hàng tin, bài"));
        let t = &d.totals.proposed;
        assert_eq!(t.before, Some(money(independent_total(&a))));
        assert_eq!(t.after, Some(money(independent_total(&a) - 60_000_000)));
        assert_eq!(t.difference, Some(Difference(-60_000_000)));
        assert_eq!(d.totals.approved.difference, Some(Difference(-60_000_000)));
        assert_eq!(d.totals.budget_lines.before, 16);
        assert_eq!(d.totals.budget_lines.after, 15);
        let text = render_text(&d);
        assert!(text.contains("−60.000.000 đ"), "{text}");
    }

    #[test]
    fn a_new_unit_price_shows_as_money_with_the_new_totals() {
        let a = sample();
        let mut b = a.clone();
        let line = &mut b.budget_lines[0];
        assert_eq!(line.quantity, Quantity(2400));
        line.unit_price = money(3_000_000);
        line.amount = crate::money::line_amount(line.quantity, line.unit_price).expect("amount");
        let d = diff(&a, &b);
        let l = only_list(&d, Entity::BudgetLine);
        assert_eq!(l.changed.len(), 1);
        let fields: Vec<(&str, &str, &str)> = l.changed[0]
            .fields
            .iter()
            .map(|f| (f.label.as_str(), f.before.as_str(), f.after.as_str()))
            .collect();
        assert_eq!(
            fields,
            [
                ("Đơn giá", "2.500.000 đ", "3.000.000 đ"),
                ("Thành tiền", "60.000.000 đ", "72.000.000 đ"),
            ]
        );
        assert!(l.changed[0].summary.ends_with(": 72.000.000 đ"));
        assert_eq!(d.totals.proposed.difference, Some(Difference(12_000_000)));
        assert_eq!(
            d.totals.proposed.after,
            Some(money(independent_total(&a) + 12_000_000))
        );
        assert!(!d.totals.approved.changed());
        let text = render_text(&d);
        assert!(
            text.contains("Đơn giá: 2.500.000 đ → 3.000.000 đ"),
            "{text}"
        );
        assert!(text.contains("(+12.000.000 đ)"), "{text}");
    }

    #[test]
    fn a_stage_marked_not_applicable_is_a_change_of_its_policy() {
        let a = sample();
        let mut b = a.clone();
        let reason = "Chính sách đã được hoạch định từ năm trước.";
        let stage = &mut b.policies[0].stages[0];
        assert_eq!(stage.stage, Stage::Planning);
        assert!(!stage.not_applicable);
        stage.not_applicable = true;
        stage.reason = reason.into();
        let d = diff(&a, &b);
        let l = only_list(&d, Entity::Policy);
        assert_eq!(l.changed.len(), 1);
        assert_eq!(l.changed[0].id, a.policies[0].id);
        let fields: Vec<(&str, &str, &str, &str)> = l.changed[0]
            .fields
            .iter()
            .map(|f| {
                (
                    f.field.as_str(),
                    f.label.as_str(),
                    f.before.as_str(),
                    f.after.as_str(),
                )
            })
            .collect();
        assert_eq!(
            fields,
            [
                (
                    "stages.planning.notApplicable",
                    "Giai đoạn Hoạch định chủ trương — Không áp dụng",
                    "Không",
                    "Có"
                ),
                (
                    "stages.planning.reason",
                    "Giai đoạn Hoạch định chủ trương — Lý do không áp dụng",
                    "",
                    reason
                ),
            ]
        );
    }

    #[test]
    fn activity_fields_are_shown_as_people_read_them() {
        let a = sample();
        let mut b = a.clone();
        let act = &mut b.activities[0];
        let old_channel = a
            .channel_name(act.channel_id)
            .expect("a channel")
            .to_string();
        let other = a
            .channels
            .iter()
            .find(|c| Some(c.id) != act.channel_id)
            .expect("another channel");
        act.channel_id = Some(other.id);
        act.months = vec![1, 3, 5];
        act.policy_id = Some(a.policies[0].id);
        act.stage = Some(Stage::Promulgation);
        let d = diff(&a, &b);
        let l = only_list(&d, Entity::Activity);
        let f: Vec<(&str, &str, &str)> = l.changed[0]
            .fields
            .iter()
            .map(|f| (f.label.as_str(), f.before.as_str(), f.after.as_str()))
            .collect();
        let policy = shorten(&a.policies[0].title, 80);
        assert_eq!(
            f,
            [
                ("Chính sách", "", policy.as_str()),
                ("Giai đoạn", "", "Ban hành"),
                ("Hình thức", old_channel.as_str(), other.name.as_str()),
                (
                    "Tháng thực hiện",
                    "tháng 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12",
                    "tháng 1, 3, 5"
                ),
            ]
        );
    }

    #[test]
    fn quantities_booleans_and_approved_amounts_are_readable() {
        let a = sample();
        let mut b = a.clone();
        b.policies[0].major_impact = !a.policies[0].major_impact;
        let line = &mut b.budget_lines[1];
        line.quantity = Quantity(250);
        line.amount = crate::money::line_amount(line.quantity, line.unit_price).expect("amount");
        line.approved = None;
        let d = diff(&a, &b);
        let p = &list(&d, Entity::Policy).changed[0].fields[0];
        assert_eq!(
            (p.label.as_str(), p.before.as_str(), p.after.as_str()),
            ("Tác động lớn đến xã hội", "Có", "Không")
        );
        let fields: Vec<(&str, &str, &str)> = list(&d, Entity::BudgetLine).changed[0]
            .fields
            .iter()
            .map(|f| (f.label.as_str(), f.before.as_str(), f.after.as_str()))
            .collect();
        assert_eq!(
            fields,
            [
                ("Số lượng", "12", "2,5"),
                ("Số được duyệt", "102.000.000 đ", ""),
                ("Thành tiền", "102.000.000 đ", "21.250.000 đ"),
            ]
        );
        assert_eq!(d.totals.approved.difference, Some(Difference(-102_000_000)));
    }

    #[test]
    fn a_reorder_alone_is_no_change_of_content() {
        let a = sample();
        let mut b = a.clone();
        b.legal_bases.swap(0, 1);
        b.budget_lines.reverse();
        let d = diff(&a, &b);
        assert!(!d.has_content_changes(), "{d:#?}");
        assert!(!d.is_empty());
        assert!(d.texts.is_empty());
        let bases = list(&d, Entity::LegalBasis);
        assert!(bases.added.is_empty() && bases.removed.is_empty() && bases.changed.is_empty());
        assert_eq!(bases.moved.len(), 1);
        assert!([a.legal_bases[0].id, a.legal_bases[1].id].contains(&bases.moved[0].id));
        assert_eq!(list(&d, Entity::BudgetLine).moved.len(), 15);
        assert!(!d.totals.proposed.changed() && !d.totals.approved.changed());
    }

    #[test]
    fn moving_and_editing_an_item_reports_both() {
        let a = sample();
        let mut b = a.clone();
        let r = b.recipients.remove(0);
        b.recipients.push(crate::Recipient {
            text: format!("{} (để b/c)", r.text),
            ..r
        });
        let d = diff(&a, &b);
        let l = only_list(&d, Entity::Recipient);
        assert_eq!(l.changed.len(), 1);
        assert_eq!(l.moved.len(), 1);
        assert_eq!(l.moved[0].id, a.recipients[0].id);
        assert!(d.has_content_changes());
    }

    #[test]
    fn a_total_past_the_maximum_is_not_computable_and_does_not_panic() {
        let a = sample();
        let mut b = a.clone();
        for line in &mut b.budget_lines {
            line.unit_price = money(crate::money::MAX_AMOUNT);
            line.quantity = Quantity(100);
            line.amount = money(crate::money::MAX_AMOUNT);
        }
        let d = diff(&a, &b);
        assert_eq!(d.totals.proposed.after, None);
        assert_eq!(d.totals.proposed.difference, None);
        assert!(d.totals.proposed.before.is_some());
        let text = render_text(&d);
        assert!(text.contains("→ không tính được"), "{text}");
        let back = diff(&b, &b);
        assert!(back.is_empty());
        assert_eq!(back.totals.proposed.before, None);
        assert!(render_text(&back).contains("không tính được (không đổi)"));
    }

    #[test]
    fn the_text_rendering_reads_in_vietnamese() {
        let a = sample();
        let mut b = a.clone();
        b.fields.purposes = a.fields.purposes.replacen("người dân", "nhân dân", 1);
        assert_ne!(a.fields.purposes, b.fields.purposes);
        b.recipients.pop();
        b.trainings[0].timing = "Quý III/2027".into();
        let d = diff(&a, &b);
        let text = d.summary_vi();
        assert!(text.starts_with("Những thay đổi giữa hai phiên bản kế hoạch\n"));
        assert!(text.contains("\nTHÔNG TIN CHUNG\n  Mục đích:\n"), "{text}");
        assert!(text.contains("[-người-]{+nhân+} dân"), "{text}");
        assert!(text.contains("\nNHÂN SỰ\n  Bồi dưỡng, tập huấn: thêm 0, bỏ 0, sửa 1\n"));
        assert!(text.contains("Thời gian: "), "{text}");
        assert!(
            text.contains("\nKÝ BAN HÀNH VÀ NƠI NHẬN\n  Nơi nhận: thêm 0, bỏ 1, sửa 0\n    − ")
        );
        assert!(text.contains("\nTỔNG HỢP\n  Tổng kinh phí đề xuất: "));
        assert!(text.contains("  Số chính sách: 6 (không đổi)\n"));
        // Sections come in the editor's order.
        let general = text.find("THÔNG TIN CHUNG").unwrap_or(usize::MAX);
        let staffing = text.find("NHÂN SỰ").unwrap_or(0);
        assert!(general < staffing);
    }

    #[test]
    fn the_diff_crosses_ipc_as_camel_case_json() {
        let a = sample();
        let mut b = a.clone();
        b.budget_lines.remove(0);
        let json = serde_json::to_value(diff(&a, &b)).expect("json");
        assert_eq!(json["lists"][0]["entity"], "budget_line");
        assert_eq!(json["totals"]["proposed"]["difference"], "-60000000");
        assert!(json["totals"]["budgetLines"]["before"].is_number());
        let back: PlanDiff = serde_json::from_value(json).expect("back");
        assert_eq!(back, diff(&a, &b));
    }

    /// A field added to a document type must get a label (the registry's, or an
    /// extra one here), else its changes would go unseen.
    #[test]
    fn every_field_of_every_item_has_a_label() {
        let doc = sample();
        fn check<T: Serialize>(entity: Entity, item: &T) {
            let known: Vec<&str> = entity
                .def()
                .fields
                .iter()
                .map(|f| f.name)
                .chain(extra_fields(entity).iter().map(|e| e.0))
                .chain(["id", "stages"])
                .collect();
            // A policy's stages are matched by their stage.
            let known = if entity == Entity::PolicyStage {
                [known, vec!["stage"]].concat()
            } else {
                known
            };
            for key in object(item).keys() {
                assert!(
                    known.contains(&key.as_str()),
                    "{entity:?}.{key} has no label"
                );
            }
        }
        check(Entity::Plan, &doc.fields);
        check(Entity::LegalBasis, &doc.legal_bases[0]);
        check(Entity::Policy, &doc.policies[0]);
        check(Entity::PolicyStage, &doc.policies[0].stages[0]);
        check(Entity::Activity, &doc.activities[0]);
        check(Entity::FocalOfficer, &doc.focal_officers[0]);
        check(Entity::Training, &doc.trainings[0]);
        check(Entity::PressPartner, &doc.press_partners[0]);
        check(Entity::Responsibility, &doc.responsibilities[0]);
        check(Entity::Report, &doc.reports[0]);
        check(Entity::Recipient, &doc.recipients[0]);
        check(Entity::BudgetLine, &doc.budget_lines[0]);
    }

    #[test]
    fn long_summaries_are_cut_after_a_whole_word() {
        let s = shorten(
            "Tổ chức hội nghị   đối thoại\nvới doanh nghiệp về chính sách",
            30,
        );
        assert_eq!(s, "Tổ chức hội nghị đối thoại…");
        assert!(s.chars().count() <= 30);
        assert_eq!(shorten("Ngắn", 30), "Ngắn");
        assert_eq!(shorten("", 30), "");
    }

    fn rebuild(words: &[WordSegment], skip: SegmentKind) -> String {
        words
            .iter()
            .filter(|w| w.kind != skip)
            .map(|w| w.text.as_str())
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn a_revision_never_differs_from_itself(
            title in "\\PC{0,40}",
            drop in 0usize..50,
            months in proptest::collection::vec(1u8..=12, 0..6),
        ) {
            let mut a = sample();
            a.fields.title = title;
            a.activities.remove(drop);
            a.activities[0].months = months;
            let d = diff(&a, &a.clone());
            prop_assert!(d.is_empty());
            prop_assert!(render_text(&d).contains("giống nhau"));
        }

        #[test]
        fn word_segments_give_back_both_texts(
            before in "[a-zăêô ,.\n]{0,60}",
            after in "[a-zăêô ,.\n]{0,60}",
        ) {
            let words = word_diff(&before, &after);
            prop_assert_eq!(rebuild(&words, SegmentKind::Added), before);
            prop_assert_eq!(rebuild(&words, SegmentKind::Removed), after);
            prop_assert!(words.iter().all(|w| !w.text.is_empty()));
        }

        #[test]
        fn added_and_removed_are_the_ids_on_one_side_only(
            drop_old in proptest::collection::vec(0usize..16, 0..5),
            new_lines in 0usize..4,
        ) {
            let a = sample();
            let mut b = a.clone();
            let mut removed: Vec<i64> = Vec::new();
            for i in drop_old {
                if i < b.budget_lines.len() {
                    removed.push(b.budget_lines.remove(i).id);
                }
            }
            let mut added = Vec::new();
            for k in 0..new_lines {
                let mut line = a.budget_lines[k].clone();
                line.id = 1_000 + i64::try_from(k).unwrap_or(0);
                added.push(line.id);
                b.budget_lines.push(line);
            }
            let d = diff(&a, &b);
            let l = d.lists.iter().find(|l| l.entity == Entity::BudgetLine);
            let ids = |items: Option<&Vec<ItemSummary>>| -> Vec<i64> {
                items.map(|v| v.iter().map(|i| i.id).collect()).unwrap_or_default()
            };
            let mut got_removed = ids(l.map(|l| &l.removed));
            got_removed.sort_unstable();
            removed.sort_unstable();
            prop_assert_eq!(got_removed, removed.clone());
            prop_assert_eq!(ids(l.map(|l| &l.added)), added.clone());
            prop_assert!(l.is_none_or(|l| l.changed.is_empty() && l.moved.is_empty()));
            let expected = independent_total(&b) - independent_total(&a);
            prop_assert_eq!(d.totals.proposed.difference, Some(Difference(expected)));
            prop_assert_eq!(d.is_empty(), removed.is_empty() && added.is_empty());
        }
    }
}
