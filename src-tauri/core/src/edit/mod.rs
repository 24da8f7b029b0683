//! How the editor changes a plan: one field at a time ([`FieldEdit`]), adding,
//! deleting (with undo) and reordering items. The registry (`registry.rs`)
//! says, for each kind of item, which fields exist and where each is stored;
//! `validate.rs` says what a value becomes when it is stored. The store builds
//! its SQL only from these names.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::plan::Stage;

mod registry;
#[cfg(test)]
mod tests;
mod validate;

pub(crate) use registry::f as item_field;
pub use registry::{EntityDef, FieldDef, FieldKind, MAX_COUNT, Scope};
pub use validate::{
    as_field_value, json_input, mask_to_months, months_to_mask, parse_date, refuse_taken_name,
    shift_years, validate,
};

/// A kind of thing in a plan that the editor can change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum Entity {
    Plan,
    LegalBasis,
    Policy,
    PolicyStage,
    Activity,
    FocalOfficer,
    Training,
    PressPartner,
    Responsibility,
    Report,
    Recipient,
    Channel,
    BudgetLine,
    BudgetCategory,
    FundingSource,
    Objective,
}

impl Entity {
    pub const ALL: [Entity; 16] = [
        Entity::Plan,
        Entity::LegalBasis,
        Entity::Policy,
        Entity::PolicyStage,
        Entity::Activity,
        Entity::FocalOfficer,
        Entity::Training,
        Entity::PressPartner,
        Entity::Responsibility,
        Entity::Report,
        Entity::Recipient,
        Entity::Channel,
        Entity::BudgetLine,
        Entity::BudgetCategory,
        Entity::FundingSource,
        Entity::Objective,
    ];
}

/// A new value for one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(untagged)]
pub enum FieldValue {
    Text(String),
    Bool(bool),
    Number(#[ts(type = "number | null")] Option<i64>),
    Months(Vec<u8>),
}

/// One edit of one field of one item, as the editor sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct FieldEdit {
    pub entity: Entity,
    #[ts(type = "number")]
    pub id: i64,
    /// The field's name as in the document types (camelCase), e.g. "leaderName".
    pub field: String,
    pub value: FieldValue,
}

/// A request to add an item at the end of its list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct NewItem {
    pub entity: Entity,
    #[ts(type = "number")]
    pub plan_id: i64,
    /// For an activity: the policy it serves.
    #[ts(type = "number | null")]
    pub policy_id: Option<i64>,
    /// For an activity: the stage it belongs to.
    pub stage: Option<Stage>,
}

/// What a deletion left behind so that it can be undone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Deleted {
    /// Pass it to `undo_delete` to put everything back.
    #[ts(type = "number")]
    pub trash_id: i64,
    /// What was deleted, in Vietnamese, for the undo message.
    pub description: String,
}

/// A value ready to be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    Null,
    Int(i64),
    Text(String),
}
