//! Every released schema version upgrades to the latest with its rows and
//! totals intact, after a pre-migration backup of the old file.

mod common;

use std::path::{Path, PathBuf};

use common::{db_in, temp_dir};
use commplan_core::backup::BackupKind;
use commplan_store::{LATEST_VERSION, Store, verify_file};
use rusqlite::Connection;

fn fixture(version: i64) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/v{version}.sqlite3"))
}

/// Keys of `meta` that later migrations add (the day the legal-text list
/// was reviewed, from version 5): not counted as the old file's rows.
const ADDED_META: &str = "'legal_texts_updated'";

/// The budget total of each plan (by id), from a file that has budget lines.
type Totals = Option<Vec<(i64, i64)>>;

/// Row counts of every table the old file has, each plan's budget total if
/// any, and the plans' titles.
fn facts(path: &Path) -> (Vec<(String, i64)>, Totals, Vec<String>) {
    let conn = Connection::open(path).expect("open");
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("tables");
    let counts = tables
        .iter()
        .map(|t| {
            let only_old = if t == "meta" {
                format!(" WHERE key NOT IN ({ADDED_META})")
            } else {
                String::new()
            };
            let n = conn
                .query_row(
                    &format!("SELECT count(*) FROM \"{t}\"{only_old}"),
                    [],
                    |r| r.get(0),
                )
                .expect("count");
            (t.clone(), n)
        })
        .collect();
    let total = tables.contains(&"budget_lines".to_string()).then(|| {
        conn.prepare(
            "SELECT p.id, coalesce(sum(l.amount), 0) FROM plans p
               LEFT JOIN budget_lines l ON l.plan_id = p.id GROUP BY p.id ORDER BY p.id",
        )
        .and_then(|mut s| s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
        .expect("sums")
    });
    let titles = conn
        .prepare("SELECT title FROM plans ORDER BY id")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("titles");
    (counts, total, titles)
}

#[test]
fn every_released_version_upgrades_with_its_data_intact() {
    for version in 1..LATEST_VERSION {
        let dir = temp_dir();
        let db = db_in(dir.path());
        std::fs::copy(fixture(version), &db).expect("copy fixture");
        let (counts, total, titles) = facts(&db);
        assert!(!titles.is_empty(), "v{version} fixture has plans");

        let store = Store::open(&db).unwrap_or_else(|e| panic!("v{version}: {}", e.message));
        assert_eq!(store.schema_version().expect("version"), LATEST_VERSION);
        let v = store.verify().expect("verify");
        assert!(v.is_sound(), "v{version}: {v:?}");
        drop(store);

        let (after, after_total, after_titles) = facts(&db);
        for (table, n) in &counts {
            let now = after
                .iter()
                .find(|(t, _)| t == table)
                .unwrap_or_else(|| panic!("v{version}: table {table} is gone"));
            assert_eq!(now.1, *n, "v{version}: rows of {table}");
        }
        assert_eq!(after_titles, titles, "v{version}: plan titles");
        every_plan_has_its_own_uuid(&db, version);
        if total.is_some() {
            assert_eq!(after_total, total, "v{version}: budget total");
        }

        // The documents load whole through the store.
        let store = Store::open(&db).expect("reopen");
        documents_load_whole(&store, version, &total);

        // Every file has the shipped legal texts, seeded by the upgrade to 5.
        let texts = store.legal_texts().expect("legal texts");
        assert_eq!(texts.texts.len(), 11, "v{version}");
        assert_eq!(texts.list_date.as_deref(), Some("2026-12-01"), "v{version}");

        // The old file was copied before it was upgraded, and the copy is the old version.
        if version < LATEST_VERSION {
            let pre = store
                .list_backups()
                .expect("list")
                .into_iter()
                .find(|b| b.kind == BackupKind::PreMigration)
                .unwrap_or_else(|| panic!("v{version}: no pre-migration copy"));
            let copy = verify_file(&store.backup_dir().join(&pre.file_name)).expect("verify");
            assert_eq!(copy.schema_version, version);
            assert!(copy.integrity_problems.is_empty());
            let (copy_counts, _, copy_titles) = facts(&store.backup_dir().join(&pre.file_name));
            assert_eq!(copy_counts, counts);
            assert_eq!(copy_titles, titles);
        }
    }
}

#[test]
fn fixtures_are_what_their_names_say() {
    for version in 1..=8 {
        let v = verify_file(&fixture(version)).expect("verify");
        assert_eq!(v.schema_version, version);
        assert!(v.ours && v.integrity_problems.is_empty(), "{v:?}");
    }
    assert_eq!(
        LATEST_VERSION, 8,
        "a new schema version needs its fixture here"
    );
}

/// Every plan of an upgraded file loads whole, with the fixture's lines and totals.
fn documents_load_whole(store: &Store, version: i64, totals: &Totals) {
    for plan in store.list_plans().expect("plans") {
        let doc = store.plan_document(plan.id).expect("document");
        if let Some(totals) = totals {
            let view = store.budget_view(plan.id).expect("budget");
            assert!(
                totals.contains(&(plan.id, view.total.dong())),
                "v{version}: total through the model"
            );
            assert_eq!(doc.budget_lines.len(), 16);
        }
        if version >= 2 {
            assert_eq!(doc.policies.len(), 6, "v{version}");
            let activities = if version >= 6 { 51 } else { 50 };
            assert_eq!(doc.activities.len(), activities, "v{version}");
        }
        if version == 4 {
            // Submitted once, returned with three comments.
            let state = store.review_state(plan.id).expect("review");
            assert_eq!(state.status, commplan_core::PlanStatus::Returned);
            assert_eq!((state.last_revision, state.open_comments), (1, 3));
            let frozen = store
                .revision_document(
                    plan.id,
                    commplan_core::review::RevisionRef::Revision { number: 1 },
                )
                .expect("revision 1 reads back");
            assert_eq!(frozen.activities.len(), 50);
        }
    }
}

/// Every plan of an upgraded file got a UUID v4 of its own; before plan
/// files (version 7) every plan is own.
fn every_plan_has_its_own_uuid(db: &Path, version: i64) {
    let conn = Connection::open(db).expect("open");
    let rows: Vec<(String, String)> = conn
        .prepare("SELECT uuid, origin FROM plans")
        .and_then(|mut s| s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
        .expect("uuids");
    assert!(!rows.is_empty());
    let mut uuids: Vec<&str> = rows.iter().map(|(u, _)| u.as_str()).collect();
    assert!(
        uuids.iter().all(|u| commplan_core::planfile::is_uuid_v4(u)),
        "v{version}: {uuids:?}"
    );
    if version < 7 {
        assert!(rows.iter().all(|(_, origin)| origin == "own"), "v{version}");
    }
    uuids.sort_unstable();
    uuids.dedup();
    assert_eq!(uuids.len(), rows.len(), "v{version}: one UUID per plan");
}

#[test]
fn the_v7_fixture_holds_an_applied_return_and_a_received_plan() {
    let dir = temp_dir();
    let db = db_in(dir.path());
    std::fs::copy(fixture(7), &db).expect("copy fixture");
    let mut store = Store::open(&db).expect("open");
    let plans = store.list_plans().expect("plans");
    let (received, own): (Vec<_>, Vec<_>) = plans.into_iter().partition(|p| p.received);
    assert_eq!((own.len(), received.len()), (1, 1));
    let own = store.review_state(own[0].id).expect("own");
    assert_eq!(own.status, commplan_core::PlanStatus::Returned);
    assert_eq!((own.last_revision, own.open_comments), (1, 1));
    let state = store.review_state(received[0].id).expect("received");
    assert!(state.received && !state.editable && state.can_write_return);
    assert_eq!(
        state.decision,
        Some(commplan_core::review::ReviewAction::Approve)
    );
    let file = store.return_file(received[0].id).expect("return file");
    assert!(file.file_name.ends_with("trả lời lần trình 1.khtt"));
    let edit = commplan_core::FieldEdit {
        entity: commplan_core::Entity::Plan,
        id: received[0].id,
        field: "title".into(),
        value: commplan_core::FieldValue::Text("Khác".into()),
    };
    let refused = store.edit_field(&edit).expect_err("received");
    assert_eq!(refused.code, commplan_core::ErrorCode::Locked);
}

#[test]
fn the_v8_fixture_holds_an_approved_plan_with_its_results_and_the_next_year() {
    let dir = temp_dir();
    let db = db_in(dir.path());
    std::fs::copy(fixture(8), &db).expect("copy fixture");
    let store = Store::open(&db).expect("open");
    let plans = store.list_plans().expect("plans");
    let year = |y: i32| plans.iter().find(|p| p.year == y).expect("plan").id;
    let (before, sample) = (year(2026), year(2027));
    let results = store.plan_results(before).expect("results");
    assert_eq!(results.activities.len(), 51);
    assert_eq!(results.spending.len(), 14);
    assert_eq!(results.reports.len(), 2);
    assert!(store.results_history(before).expect("history").len() > 51);
    let doc = store.plan_document(sample).expect("sample");
    assert_eq!(doc.objectives.len(), 4);
    // As this release's summary wrote it (kept as written since).
    assert!(
        doc.fields
            .previous_results
            .starts_with("Năm 2026, Sở Nông nghiệp và Môi trường")
    );
    assert!(store.verify().expect("verify").is_sound());
}
