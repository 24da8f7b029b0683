//! Set-up shared by the store's integration tests: a store on a real database
//! file in a temporary folder, with an empty plan or the sample plan in it,
//! and short forms of the edits, additions and results the tests make
//! through the store's public API.

// Each test file is its own crate and uses only some of these.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use commplan_core::money::Money;
use commplan_core::results::{ActivityResult, ActivityStatus, LineSpending};
use commplan_core::{
    AppError, CopyPlan, Entity, FieldEdit, FieldValue, NewItem, NewPlan, PlanSummary,
};
use commplan_store::Store;
use tempfile::TempDir;

/// The database file's name in a test's folder.
pub const DB: &str = "commplan.sqlite3";

/// A new temporary folder, removed when the handle is dropped.
pub fn temp_dir() -> TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// The database file in `dir`.
pub fn db_in(dir: &Path) -> PathBuf {
    dir.join(DB)
}

/// Opens the database file in `dir`, creating it if need be.
pub fn open_in(dir: &Path) -> Store {
    Store::open(&db_in(dir)).expect("open")
}

/// A new store in a temporary folder that lives as long as the folder handle.
pub fn open() -> (TempDir, Store) {
    let dir = temp_dir();
    let store = open_in(dir.path());
    (dir, store)
}

/// A new store holding an empty plan of the first reference unit for 2027.
pub fn with_plan() -> (TempDir, Store, i64) {
    let (dir, mut store) = open();
    let plan = create_plan(&mut store, 0, 2027).id;
    (dir, store, plan)
}

/// How many plans `Store::create_sample` makes: the sample plan and its
/// year before, approved with its results.
pub const SAMPLE_PLANS: usize = 2;

/// A new store holding the sample plan.
pub fn with_sample() -> (TempDir, Store, i64) {
    let dir = temp_dir();
    let (store, plan) = sample_in(dir.path());
    (dir, store, plan)
}

/// The store in `dir`, with the sample plan created in it.
pub fn sample_in(dir: &Path) -> (Store, i64) {
    let mut store = open_in(dir);
    let plan = store.create_sample().expect("sample").id;
    (store, plan)
}

/// What asks for a plan of `unit_id` for `year`.
pub fn new_plan(unit_id: i64, year: i32) -> NewPlan {
    NewPlan { unit_id, year }
}

/// Creates a plan of the `n`th reference unit for `year`.
pub fn create_plan(store: &mut Store, n: usize, year: i32) -> PlanSummary {
    let unit = store.list_units().expect("units")[n].id;
    store.create_plan(&new_plan(unit, year)).expect("plan")
}

/// The ids of `items`, in their order.
pub fn ids<T>(items: &[T], id: impl Fn(&T) -> i64) -> Vec<i64> {
    items.iter().map(id).collect()
}

/// What asks for a copy of plan `from_id` into `year`.
pub fn copy_to(from_id: i64, year: i32) -> CopyPlan {
    CopyPlan { from_id, year }
}

/// Adds a new item of `entity` at the end of its list in `plan_id`, outside
/// any policy; gives back its id.
pub fn add(store: &mut Store, entity: Entity, plan_id: i64) -> i64 {
    store
        .add_item(&NewItem {
            entity,
            plan_id,
            policy_id: None,
            stage: None,
        })
        .expect("add")
        .added_id
        .expect("id")
}

/// A text value, as the UI sends what is typed.
pub fn text(s: &str) -> FieldValue {
    FieldValue::Text(s.into())
}

/// A value that names item `id` of another list (a channel, a policy, …).
pub fn link(id: i64) -> FieldValue {
    FieldValue::Number(Some(id))
}

/// The edit that sets `field` of item `id` of `entity` to `value`.
pub fn field(entity: Entity, id: i64, field: &str, value: FieldValue) -> FieldEdit {
    FieldEdit {
        entity,
        id,
        field: field.into(),
        value,
    }
}

/// Sets a field; gives back the store's refusal, if any.
pub fn set(
    store: &mut Store,
    entity: Entity,
    id: i64,
    name: &str,
    value: FieldValue,
) -> Result<(), AppError> {
    store
        .edit_field(&field(entity, id, name, value))
        .map(|_| ())
}

/// Sets a field that must be accepted; a refusal fails the test with the
/// field's name and the store's message.
pub fn edit(store: &mut Store, entity: Entity, id: i64, name: &str, value: FieldValue) {
    set(store, entity, id, name, value).unwrap_or_else(|e| panic!("{name}: {}", e.message));
}

/// Sets a text field of plan `plan` itself, which must be accepted.
pub fn edit_plan(store: &mut Store, plan: i64, name: &str, value: &str) {
    edit(store, Entity::Plan, plan, name, text(value));
}

/// What was done of activity `activity_id`: `status`, nothing else said.
pub fn result(activity_id: i64, status: ActivityStatus) -> ActivityResult {
    ActivityResult::new(activity_id, status)
}

/// `dong` đồng spent of budget line `budget_line_id`, with `note`.
pub fn spending(budget_line_id: i64, dong: i64, note: &str) -> LineSpending {
    LineSpending {
        budget_line_id,
        spent: Money::new(dong).expect("money"),
        note: note.into(),
        recorded_at: String::new(),
    }
}
