//! How long the budget totals take to follow an edit, on the stress plan
//! (`commplan_core::stress::STRESS`: 3,000 lines over 1,000 activities):
//! core's `summarise` alone (what is recomputed), then the store's whole
//! `budget_view` (the plan read from SQLite and summed: what the budget step
//! asks for after each edit), each after a quantity is changed. Prints the
//! median and the slowest of a number of runs (run by `scripts/bench`).
//!
//! `cargo run --release -p commplan-store --example budget_timing`

use std::time::Instant;

use commplan_core::budget::summarise;
use commplan_core::edit::{FieldEdit, FieldValue};
use commplan_core::file::PlanFile;
use commplan_core::money::Quantity;
use commplan_core::stress::{STRESS, stress_plan};
use commplan_core::{Entity, PlanDocument};
use commplan_store::Store;

const RUNS: usize = 50;

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}

/// Prints "budget totals: <label>: median N ms, slowest N ms" for `times`.
fn report(label: &str, mut times: Vec<f64>) {
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    let slowest = times[times.len() - 1];
    println!("budget totals: {label}: median {median:.2} ms, slowest {slowest:.2} ms");
}

/// Core's totals of `doc`, recomputed after each of `RUNS` quantity changes.
fn time_summarise(doc: &PlanDocument) -> Vec<f64> {
    let mut lines = doc.budget_lines.clone();
    (0..RUNS)
        .map(|k| {
            let i = k * 61 % lines.len();
            lines[i].quantity = Quantity(lines[i].quantity.0 + 100);
            let owned = lines.clone();
            let start = Instant::now();
            let view = summarise(
                doc.id,
                owned,
                doc.budget_categories.clone(),
                doc.funding_sources.clone(),
                &doc.activities,
                doc.year,
                None,
            )
            .expect("totals");
            let took = ms(start);
            assert_eq!(view.lines.len(), lines.len());
            took
        })
        .collect()
}

/// The store's edit of a quantity, then its budget view, `RUNS` times.
fn time_store(store: &mut Store, plan_id: i64, line_ids: &[i64]) -> (Vec<f64>, Vec<f64>) {
    (0..RUNS)
        .map(|k| {
            let edit = FieldEdit {
                entity: Entity::BudgetLine,
                id: line_ids[k * 61 % line_ids.len()],
                field: "quantity".into(),
                value: FieldValue::Text(format!("{}", 2 + k % 7)),
            };
            let start = Instant::now();
            store.edit_field(&edit).expect("edit");
            let edited = ms(start);
            let start = Instant::now();
            store.budget_view(plan_id).expect("budget view");
            (edited, ms(start))
        })
        .unzip()
}

fn main() {
    let doc = stress_plan(2027);
    let (policies, activities, lines) = STRESS;
    println!("budget totals: plan of {policies} policies, {activities} activities, {lines} lines");
    report("summarise after an edit (core)", time_summarise(&doc));

    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("plans.sqlite3")).expect("store");
    let plan_id = store.import_plan(&PlanFile::new(doc)).expect("import").id;
    let line_ids: Vec<i64> = store
        .plan_document(plan_id)
        .expect("plan")
        .budget_lines
        .iter()
        .map(|l| l.id)
        .collect();
    let (edits, views) = time_store(&mut store, plan_id, &line_ids);
    report("the edit saved (store)", edits);
    report("budget view read and summed (store)", views);
}
