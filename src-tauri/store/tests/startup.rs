//! Start-up on real files: a sound database is opened and backed up; a damaged
//! one (flipped bytes, truncated, a lost -wal) is moved aside untouched and the
//! newest good backup is offered; restoring it brings the plans back.

mod common;

use std::path::{Path, PathBuf};

use common::{DB, add, db_in, edit_plan, sample_in, temp_dir};
use commplan_core::Entity;
use commplan_core::backup::{BackupKind, Damage, Recovery};
use commplan_store::{Startup, Store, open_at_startup, start_fresh};

fn with(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// A data folder with the sample plan, closed cleanly, started once (which
/// makes the start-up backup), and closed again.
fn data_folder() -> (tempfile::TempDir, PathBuf, String) {
    let dir = temp_dir();
    let db = db_in(dir.path());
    let title = {
        let (store, plan) = sample_in(dir.path());
        store.plan_document(plan).expect("doc").fields.title
    };
    match open_at_startup(&db).expect("start") {
        Startup::Opened {
            backup_warning: None,
            ..
        } => {}
        Startup::Opened {
            backup_warning: Some(w),
            ..
        } => panic!("start-up backup failed: {}", w.message),
        Startup::Damaged(r) => panic!("a sound file was found damaged: {r:?}"),
    }
    (dir, db, title)
}

fn damaged(db: &Path) -> Recovery {
    match open_at_startup(db).expect("start") {
        Startup::Opened { .. } => panic!("damage not detected"),
        Startup::Damaged(r) => r,
    }
}

/// The file was moved aside byte for byte, nothing is left in its place, and
/// the newest good backup restores the plan.
fn assert_recovers(db: &Path, before: &[u8], recovery: &Recovery, title: &str) {
    assert!(!db.exists(), "the damaged file is not left in place");
    let moved = Path::new(&recovery.moved_to);
    assert_eq!(moved.file_name(), db.file_name());
    assert_eq!(
        std::fs::read(moved).expect("moved file"),
        before,
        "moved untouched"
    );
    assert!(!recovery.damage.message_vi().is_empty());
    let backup = recovery
        .newest_good_backup
        .as_ref()
        .expect("a good backup is offered");
    assert_eq!(backup.kind, BackupKind::Startup);

    let store = commplan_store::restore_into(db, &backup.file_name).expect("restore in its place");
    let plans = store.list_plans().expect("plans");
    assert_eq!(plans.len(), common::SAMPLE_PLANS);
    assert_eq!(
        store.plan_document(plans[0].id).expect("doc").fields.title,
        title
    );
    drop(store);
    // And the next start finds it sound.
    assert!(matches!(
        open_at_startup(db).expect("start"),
        Startup::Opened { .. }
    ));
}

#[test]
fn a_sound_file_opens_again_and_again_without_false_alarms() {
    let (_dir, db, title) = data_folder();
    for _ in 0..10 {
        let Startup::Opened { store, .. } = open_at_startup(&db).expect("start") else {
            panic!("false alarm");
        };
        let plan = store.list_plans().expect("plans")[0].id;
        assert_eq!(store.plan_document(plan).expect("doc").fields.title, title);
    }
}

#[test]
fn a_crash_image_with_its_journal_is_sound() {
    let (dir, db, _) = data_folder();
    let crash = dir.path().join("crash");
    std::fs::create_dir(&crash).expect("dir");
    let mut store = Store::open(&db).expect("open");
    let plan = store.list_plans().expect("plans")[0].id;
    edit_plan(&mut store, plan, "title", "Chỉ có trong nhật ký");
    // Copy the three files while the connection is open: what a power cut leaves.
    for suffix in ["", "-wal", "-shm"] {
        std::fs::copy(with(&db, suffix), with(&crash.join(DB), suffix)).expect("copy");
    }
    drop(store);
    let Startup::Opened { store, .. } = open_at_startup(&crash.join(DB)).expect("start") else {
        panic!("a crash image with its journal is not damage");
    };
    assert_eq!(
        store.plan_document(plan).expect("doc").fields.title,
        "Chỉ có trong nhật ký"
    );
}

#[test]
fn flipped_bytes_are_found_and_the_file_moved_aside() {
    let (_dir, db, title) = data_folder();
    let mut bytes = std::fs::read(&db).expect("read");
    let page = 4096;
    // Flip the b-tree page headers of pages 2 and 3 (a failing disk sector).
    for p in [1usize, 2] {
        for b in &mut bytes[p * page..p * page + 12] {
            *b ^= 0x5A;
        }
    }
    std::fs::write(&db, &bytes).expect("write");
    let r = damaged(&db);
    assert_eq!(r.damage, Damage::Corrupt);
    assert_recovers(&db, &bytes, &r, &title);
}

#[test]
fn a_truncated_file_is_found_and_moved_aside() {
    let (_dir, db, title) = data_folder();
    let bytes = std::fs::read(&db).expect("read");
    let half = &bytes[..bytes.len() / 2 / 4096 * 4096];
    std::fs::write(&db, half).expect("truncate");
    let r = damaged(&db);
    assert_eq!(r.damage, Damage::Truncated);
    assert_recovers(&db, half, &r, &title);

    // Emptied completely, beside its backups.
    let (_dir, db, title) = data_folder();
    std::fs::write(&db, b"").expect("empty");
    let r = damaged(&db);
    assert_eq!(r.damage, Damage::Truncated);
    assert_recovers(&db, b"", &r, &title);
}

#[test]
fn a_lost_journal_is_found_and_the_rest_moved_aside() {
    let (dir, db, title) = data_folder();
    let crash = dir.path().join("crash");
    std::fs::create_dir(&crash).expect("dir");
    let mut store = Store::open(&db).expect("open");
    let plan = store.list_plans().expect("plans")[0].id;
    // An edit that lives in the journal.
    add(&mut store, Entity::BudgetLine, plan);
    // A power cut, then the -wal file is lost (antivirus, a copy of one file).
    for suffix in ["", "-shm"] {
        std::fs::copy(with(&db, suffix), with(&crash.join(DB), suffix)).expect("copy");
    }
    drop(store);
    std::fs::create_dir_all(crash.join("backups")).expect("dir");
    for b in std::fs::read_dir(dir.path().join("backups"))
        .expect("backups")
        .flatten()
    {
        std::fs::copy(b.path(), crash.join("backups").join(b.file_name())).expect("copy");
    }
    let db = crash.join(DB);
    let before = std::fs::read(&db).expect("read");
    let r = damaged(&db);
    assert_eq!(r.damage, Damage::LostJournal);
    assert!(!with(&db, "-shm").exists(), "the index went with it");
    assert!(with(Path::new(&r.moved_to), "-shm").exists());
    assert_recovers(&db, &before, &r, &title);
}

#[test]
fn without_a_good_backup_none_is_offered_and_a_fresh_start_is_possible() {
    let dir = temp_dir();
    let db = db_in(dir.path());
    drop(Store::open(&db).expect("open"));
    std::fs::write(&db, b"SQLite format 3\0 but then nothing that makes sense").expect("write");
    let r = damaged(&db);
    assert_eq!(r.newest_good_backup, None);
    let store = start_fresh(&db).expect("fresh");
    assert!(store.list_plans().expect("plans").is_empty());
    // A fresh start never overwrites a file that is there.
    drop(store);
    assert!(start_fresh(&db).is_err());
}
