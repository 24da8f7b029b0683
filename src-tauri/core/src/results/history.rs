//! The history of what was recorded, as people read it: the store keeps
//! every first record and every change of a field ([`RecordedChange`], as its
//! triggers wrote them); [`changes`] names the item and the field and shows
//! the values (a status by its name, dates dd/mm/yyyy, amounts in đồng).

use serde::{Deserialize, Serialize};
use serde_json::Value as Json;
use ts_rs::TS;

use super::fields::Recorded;
use super::{ActivityStatus, Period};
use crate::codes::Code;
use crate::edit::{FieldDef, FieldKind};
use crate::money::{Money, group};
use crate::plan::PlanDocument;
use crate::text::shorten;

/// One change of what was recorded, as the history lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ResultChange {
    /// When (RFC 3339, UTC).
    pub changed_at: String,
    /// The item: "Hoạt động “…”", "Dòng kinh phí “…”", "Chỉ tiêu “…”",
    /// "Báo cáo 6 tháng đầu năm 2026".
    pub item: String,
    /// The field's label, e.g. "Tình trạng".
    pub field: String,
    /// The value before, as people read it; empty when first recorded.
    pub before: String,
    pub after: String,
}

/// A row of the store's history (`result_changes`).
#[derive(Debug, Clone, PartialEq)]
pub struct RecordedChange {
    /// "activity", "spending", "objective" or "report".
    pub what: String,
    pub item_id: Option<i64>,
    /// A report's period code.
    pub period: Option<String>,
    /// The column changed; `None` when the row was first recorded, `new`
    /// then holding the row as a JSON object.
    pub field: Option<String>,
    pub old: Json,
    pub new: Json,
    pub changed_at: String,
}

/// The changes of `rows` (oldest first) as people read them, naming the items
/// of `doc`; a first record lists each field it set.
pub fn changes(doc: &PlanDocument, rows: &[RecordedChange]) -> Vec<ResultChange> {
    let mut out = Vec::new();
    for row in rows {
        let Some(what) = Recorded::from_code(&row.what) else {
            continue;
        };
        let item = item_label(doc, what, row);
        let change = |def: &FieldDef, old: &Json, new: &Json| ResultChange {
            changed_at: row.changed_at.clone(),
            item: item.clone(),
            field: def.label.to_string(),
            before: shown(def, old),
            after: shown(def, new),
        };
        match &row.field {
            Some(column) => {
                if let Some(def) = what.fields().iter().find(|f| f.column == column) {
                    out.push(change(def, &row.old, &row.new));
                }
            }
            None => {
                for def in what.fields() {
                    let value = row.new.get(def.column).unwrap_or(&Json::Null);
                    if !shown(def, value).is_empty() {
                        out.push(change(def, &Json::Null, value));
                    }
                }
            }
        }
    }
    out
}

/// The item a change is about, named by `doc`.
fn item_label(doc: &PlanDocument, what: Recorded, row: &RecordedChange) -> String {
    let id = row.item_id;
    let named = |noun: &str, name: Option<&str>| match name {
        Some(name) if !name.trim().is_empty() => format!("{noun} “{}”", shorten(name, 80)),
        Some(_) => format!("{noun} (chưa có nội dung)"),
        None => format!("{noun} (đã xóa)"),
    };
    match what {
        Recorded::Activity => named(
            "Hoạt động",
            doc.activities
                .iter()
                .find(|a| Some(a.id) == id)
                .map(|a| a.content.as_str()),
        ),
        Recorded::Spending => named(
            "Dòng kinh phí",
            doc.budget_lines
                .iter()
                .find(|l| Some(l.id) == id)
                .map(|l| l.description.as_str()),
        ),
        Recorded::Objective => named(
            "Chỉ tiêu",
            doc.objectives
                .iter()
                .find(|o| Some(o.id) == id)
                .map(|o| o.name.as_str()),
        ),
        Recorded::Report => match row.period.as_deref().and_then(Period::from_code) {
            Some(period) => format!("Báo cáo {}", period.label_vi(doc.year)),
            None => "Báo cáo".to_string(),
        },
    }
}

/// A stored value as people read it; empty for nothing.
fn shown(def: &FieldDef, value: &Json) -> String {
    match (def.kind, value) {
        (_, Json::Null) => String::new(),
        (FieldKind::Date, Json::String(s)) => crate::dates::format_vi(s),
        (FieldKind::Money, Json::Number(n)) => n
            .as_i64()
            .and_then(|d| Money::new(d).ok())
            .map(Money::display)
            .unwrap_or_else(|| n.to_string()),
        (FieldKind::Count, Json::Number(n)) => n.as_i64().map(group).unwrap_or_default(),
        (_, Json::String(s)) if def.column == "status" => ActivityStatus::from_code(s)
            .map(|st| st.label_vi().to_string())
            .unwrap_or_else(|| s.clone()),
        (_, Json::String(s)) => s.clone(),
        (_, other) => other.to_string(),
    }
}
