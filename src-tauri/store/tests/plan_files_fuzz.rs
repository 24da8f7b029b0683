//! Property-based fuzzing of `Store::open_plan_file`: a valid plan file, an
//! approved plan's file with its results and a valid return file, mutated (bits flipped, bytes inserted and deleted, and
//! changes that keep JSON: a number or a text changed, a key removed, an item
//! doubled, a value nulled; half of them resealed with a recomputed hash and
//! totals), are fed to a reviewer's and an officer's database. Never a panic;
//! either a Vietnamese refusal with nothing committed and no backup written,
//! or the file accepted wholly.
//!
//! 10,000 cases by default; `COMMPLAN_FUZZ_CASES=1000000` for the long run
//! (README, "For developers").

mod common;
mod travel;

use std::cell::RefCell;

use commplan_core::planfile::{OpenedKind, PlanFileV2};
use commplan_store::Store;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use rusqlite::Connection;
use serde_json::Value as Json;

#[derive(Debug, Clone)]
enum Mutation {
    FlipBit { at: usize, bit: u8 },
    Insert { at: usize, byte: u8 },
    Delete { at: usize, len: usize },
    Number { pick: usize, value: i64 },
    Text { pick: usize, text: String },
    Remove { pick: usize },
    Double { pick: usize },
    Null { pick: usize },
}

impl Mutation {
    fn is_json(&self) -> bool {
        !matches!(
            self,
            Mutation::FlipBit { .. } | Mutation::Insert { .. } | Mutation::Delete { .. }
        )
    }
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = any::<usize>();
    prop_oneof![
        (at, 0u8..8).prop_map(|(at, b)| Mutation::FlipBit { at, bit: 1 << b }),
        (at, any::<u8>()).prop_map(|(at, byte)| Mutation::Insert { at, byte }),
        (at, 1usize..64).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (at, prop_oneof![any::<i64>(), -3i64..3, Just(i64::MAX)])
            .prop_map(|(pick, value)| Mutation::Number { pick, value }),
        (at, any::<String>()).prop_map(|(pick, text)| Mutation::Text { pick, text }),
        at.prop_map(|pick| Mutation::Remove { pick }),
        at.prop_map(|pick| Mutation::Double { pick }),
        at.prop_map(|pick| Mutation::Null { pick }),
    ]
}

/// Every JSON pointer of `value`, the root aside.
fn pointers(value: &Json, here: &str, out: &mut Vec<String>) {
    let children: Vec<(String, &Json)> = match value {
        Json::Object(map) => map
            .iter()
            .map(|(k, v)| {
                (
                    format!("{here}/{}", k.replace('~', "~0").replace('/', "~1")),
                    v,
                )
            })
            .collect(),
        Json::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| (format!("{here}/{i}"), v))
            .collect(),
        _ => Vec::new(),
    };
    for (pointer, child) in children {
        out.push(pointer.clone());
        pointers(child, &pointer, out);
    }
}

/// A JSON-aware mutation of the node `pick` chooses.
fn mutate_json(j: &mut Json, m: &Mutation) {
    let mut all = Vec::new();
    pointers(j, "", &mut all);
    let pick = match m {
        Mutation::Number { pick, .. }
        | Mutation::Text { pick, .. }
        | Mutation::Remove { pick }
        | Mutation::Double { pick }
        | Mutation::Null { pick } => *pick,
        _ => return,
    };
    let Some(pointer) = all.get(pick % all.len().max(1)).cloned() else {
        return;
    };
    let (parent, key) = pointer.rsplit_once('/').unwrap_or_default();
    let key = key.replace("~1", "/").replace("~0", "~");
    let Some(parent) = j.pointer_mut(parent) else {
        return;
    };
    match (m, parent) {
        (Mutation::Remove { .. }, Json::Object(map)) => drop(map.remove(&key)),
        (Mutation::Remove { .. }, Json::Array(items)) => {
            let _ = key.parse::<usize>().map(|i| items.remove(i));
        }
        (Mutation::Double { .. }, Json::Array(items)) => {
            if let Ok(i) = key.parse::<usize>() {
                let copy = items[i].clone();
                items.insert(i, copy);
            }
        }
        (m, parent) => {
            let node = match parent {
                Json::Object(map) => map.get_mut(&key),
                Json::Array(items) => key.parse::<usize>().ok().and_then(|i| items.get_mut(i)),
                _ => None,
            };
            if let Some(node) = node {
                *node = match m {
                    Mutation::Number { value, .. } => (*value).into(),
                    Mutation::Text { text, .. } => text.clone().into(),
                    _ => Json::Null,
                };
            }
        }
    }
}

fn mutate_bytes(bytes: &mut Vec<u8>, m: &Mutation) {
    if bytes.is_empty() {
        return;
    }
    match *m {
        Mutation::FlipBit { at, bit } => {
            let i = at % bytes.len();
            bytes[i] ^= bit;
        }
        Mutation::Insert { at, byte } => bytes.insert(at % (bytes.len() + 1), byte),
        Mutation::Delete { at, len } => {
            let i = at % bytes.len();
            bytes.drain(i..(i + len).min(bytes.len()));
        }
        _ => {}
    }
}

/// The file mutated: JSON-aware changes first (then resealed, if asked),
/// then byte-level ones.
fn mutated(base: &[u8], mutations: &[Mutation], reseal: bool) -> Vec<u8> {
    let mut j = travel::json(base);
    for m in mutations.iter().filter(|m| m.is_json()) {
        mutate_json(&mut j, m);
    }
    if reseal {
        travel::reseal(&mut j);
    }
    let mut bytes = travel::bytes(&j);
    for m in mutations.iter().filter(|m| !m.is_json()) {
        mutate_bytes(&mut bytes, m);
    }
    bytes
}

/// A database fed with files, and a second connection that tells whether
/// anything was committed (`PRAGMA data_version` changes only then). After a
/// file is accepted it is put back as it was, so that the next may be too.
struct Victim {
    store: Store,
    watch: Connection,
    dir: tempfile::TempDir,
    /// A whole copy of the database as it was at the start.
    pristine: tempfile::TempDir,
}

impl Victim {
    fn new(dir: tempfile::TempDir, store: Store) -> Victim {
        let pristine = common::temp_dir();
        store
            .backup_to(&common::db_in(pristine.path()))
            .expect("pristine copy");
        let watch = Connection::open(common::db_in(dir.path())).expect("watch");
        Victim {
            store,
            watch,
            dir,
            pristine,
        }
    }

    fn version(&self) -> i64 {
        self.watch
            .pragma_query_value(None, "data_version", |r| r.get(0))
            .expect("data_version")
    }

    /// The database as it was at the start, in a fresh folder.
    fn reset(&mut self) {
        let dir = common::temp_dir();
        let db = common::db_in(dir.path());
        std::fs::copy(common::db_in(self.pristine.path()), &db).expect("copy");
        self.store = Store::open(&db).expect("reopen");
        self.watch = Connection::open(&db).expect("watch");
        self.dir = dir;
    }
}

/// One case: refused with nothing written, or accepted wholly.
fn feed(victim: &mut Victim, bytes: &[u8]) -> Result<(), TestCaseError> {
    let before = victim.version();
    let saved = travel::backups(&victim.store);
    match victim.store.open_plan_file(bytes) {
        Err(e) => {
            prop_assert!(!e.message.is_ascii(), "not Vietnamese: {}", e.message);
            prop_assert_eq!(
                victim.version(),
                before,
                "refused but written: {}",
                e.message
            );
            prop_assert_eq!(
                travel::backups(&victim.store),
                saved,
                "refused but backed up"
            );
        }
        Ok(opened) if opened.outcome == OpenedKind::Unchanged => {
            prop_assert_eq!(victim.version(), before, "unchanged but written");
            prop_assert_eq!(travel::backups(&victim.store), saved);
        }
        Ok(opened) => {
            prop_assert_ne!(victim.version(), before, "accepted, nothing written");
            let file: PlanFileV2 = serde_json::from_slice(bytes).expect("accepted file reads");
            accepted_wholly(&victim.store, &file, &opened)?;
            victim.reset();
        }
    }
    Ok(())
}

/// What an accepted file says is what the database now holds.
fn accepted_wholly(
    store: &Store,
    file: &PlanFileV2,
    opened: &commplan_core::planfile::Opened,
) -> Result<(), TestCaseError> {
    let state = store.review_state(opened.plan.id).expect("state");
    match (&file.document, opened.outcome) {
        (Some(doc), OpenedKind::Received) => {
            let held = store.plan_document(opened.plan.id).expect("doc");
            prop_assert_eq!(held.activities.len(), doc.activities.len());
            prop_assert_eq!(held.budget_lines.len(), doc.budget_lines.len());
            prop_assert_eq!(held.policies.len(), doc.policies.len());
            prop_assert_eq!(state.last_revision, opened.revision);
            prop_assert!(state.received && !state.editable);
            let carried = file.results.clone().unwrap_or_default();
            let held = store.plan_results(opened.plan.id).expect("results");
            prop_assert_eq!(
                (held.activities.len(), held.spending.len()),
                (carried.activities.len(), carried.spending.len())
            );
            prop_assert_eq!(
                (held.objectives.len(), held.reports.len()),
                (carried.objectives.len(), carried.reports.len())
            );
        }
        (None, OpenedKind::Returned | OpenedKind::Approved) => {
            let comments = store.list_comments(opened.plan.id).expect("comments");
            let added = comments
                .iter()
                .filter(|c| c.revision == opened.revision)
                .count();
            prop_assert!(added >= file.comments.len());
            prop_assert_eq!(opened.comments as usize, file.comments.len());
            prop_assert!(matches!(
                state.status,
                commplan_core::PlanStatus::Returned | commplan_core::PlanStatus::Approved
            ));
        }
        other => prop_assert!(false, "unexpected outcome {:?}", other.1),
    }
    Ok(())
}

fn cases() -> u32 {
    std::env::var("COMMPLAN_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000)
}

#[test]
fn mutated_files_are_refused_whole_or_accepted_whole() {
    let officer = travel::officer();
    let plan_file = travel::small(&officer.file);
    let answer = travel::return_of(&officer.file);
    let approved = travel::approved_officer(travel::record_some);
    let results_file = travel::small_with_results(&approved.file);
    let carried = travel::json(&results_file)["results"].clone();
    assert!(
        carried["activities"]
            .as_array()
            .is_some_and(|a| !a.is_empty())
    );
    let (dir, reviewer) = common::open();
    let reviewer = RefCell::new(Victim::new(dir, reviewer));
    let (dir, other) = common::open();
    let other = RefCell::new(Victim::new(dir, other));
    let officer = RefCell::new(Victim::new(officer.dir, officer.store));
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    let input = (
        0u8..3,
        prop::collection::vec(mutation(), 1..4),
        any::<bool>(),
    );
    let started = std::time::Instant::now();
    runner
        .run(&input, |(which, mutations, reseal)| {
            let (base, victim) = match which {
                0 => (&plan_file, &reviewer),
                1 => (&results_file, &other),
                _ => (&answer, &officer),
            };
            let bytes = mutated(base, &mutations, reseal);
            feed(&mut victim.borrow_mut(), &bytes)
        })
        .unwrap_or_else(|e| panic!("{e}"));
    eprintln!("{} cases in {:?}", cases(), started.elapsed());
}
