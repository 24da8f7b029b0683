//! Backups on real files: made through the online backup API, checked,
//! written atomically, rotated, and restored.

mod common;

use std::path::Path;

use common::{edit_plan, open_in, sample_in, temp_dir};
use commplan_core::ErrorCode;
use commplan_core::backup::{BackupKind, file_name};
use commplan_store::{Store, verify_file};

fn title(store: &Store, plan: i64) -> String {
    store.plan_document(plan).expect("document").fields.title
}

#[test]
fn a_backup_is_a_whole_checked_copy_in_the_backup_folder() {
    let dir = temp_dir();
    let (store, plan) = sample_in(dir.path());
    // The import of the sample made its own copy first.
    let kinds: Vec<BackupKind> = store
        .list_backups()
        .expect("list")
        .iter()
        .map(|b| b.kind)
        .collect();
    assert_eq!(kinds, [BackupKind::PreImport]);
    let info = store.backup(BackupKind::Manual).expect("backup");
    assert_eq!(info.kind, BackupKind::Manual);
    let path = store.backup_dir().join(&info.file_name);
    assert!(path.is_file());
    assert_eq!(info.size_bytes, path.metadata().expect("size").len());
    // Self-contained: no journal beside it, and it passes every check.
    let mut wal = path.clone().into_os_string();
    wal.push("-wal");
    assert!(!Path::new(&wal).exists());
    let v = verify_file(&path).expect("verify");
    assert!(v.is_sound(), "{v:?}");
    assert_eq!(usize::try_from(v.plans), Ok(common::SAMPLE_PLANS));
    // Its content is the plan, word for word.
    let copy = Store::open(&path).expect("open the copy");
    assert_eq!(
        copy.plan_document(plan).expect("doc"),
        store.plan_document(plan).expect("doc")
    );
    // Of one day, rotation keeps the newest copy.
    assert_eq!(store.list_backups().expect("list"), [info]);
}

#[test]
fn a_fault_between_write_and_rename_leaves_the_old_backup_whole() {
    let dir = temp_dir();
    let (mut store, plan) = sample_in(dir.path());
    let dest = dir.path().join("copy.sqlite3");
    store.backup_to(&dest).expect("first copy");
    let before = std::fs::read(&dest).expect("read");

    edit_plan(&mut store, plan, "title", "Tiêu đề sau khi sao lưu");
    let err = store
        .backup_to_with(&dest, |_| {
            Err(std::io::Error::other("power cut between write and rename"))
        })
        .expect_err("the fault is reported");
    assert_eq!(err.code, ErrorCode::Io);
    assert!(
        err.message.starts_with("Không tạo được bản sao lưu"),
        "{}",
        err.message
    );
    assert_eq!(
        std::fs::read(&dest).expect("read"),
        before,
        "old copy intact"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".part"))
        .collect();
    assert!(leftovers.is_empty(), "temporary file left behind");

    // With no old file, a fault leaves none.
    let none = dir.path().join("none.sqlite3");
    store
        .backup_to_with(&none, |_| Err(std::io::Error::other("fault")))
        .expect_err("fault");
    assert!(!none.exists());
}

#[test]
fn restoring_puts_the_backup_back_and_keeps_a_copy_of_what_it_replaced() {
    let dir = temp_dir();
    let (mut store, plan) = sample_in(dir.path());
    let original = title(&store, plan);
    let backup = store.backup(BackupKind::Manual).expect("backup");

    edit_plan(&mut store, plan, "title", "Bản sửa sau khi sao lưu");
    store.restore_backup(&backup.file_name).expect("restore");
    assert_eq!(title(&store, plan), original);
    assert!(store.verify().expect("verify").is_sound());

    // What was replaced is in a pre-restore copy, and can itself be restored.
    let pre = store
        .list_backups()
        .expect("list")
        .into_iter()
        .find(|b| b.kind == BackupKind::PreRestore)
        .expect("a pre-restore copy");
    store
        .restore_backup(&pre.file_name)
        .expect("undo the restore");
    assert_eq!(title(&store, plan), "Bản sửa sau khi sao lưu");

    // The restored database is still the live, writable one.
    edit_plan(&mut store, plan, "title", "Sau khi khôi phục vẫn sửa được");
    drop(store);
    let store = open_in(dir.path());
    assert_eq!(title(&store, plan), "Sau khi khôi phục vẫn sửa được");
}

#[test]
fn a_damaged_or_foreign_backup_is_refused_and_nothing_changes() {
    let dir = temp_dir();
    let (mut store, plan) = sample_in(dir.path());
    let good = dir.path().join("good.sqlite3");
    store.backup_to(&good).expect("copy");
    edit_plan(&mut store, plan, "title", "Dữ liệu hiện tại");

    // Flip the b-tree header of two pages of a copy.
    let mut bytes = std::fs::read(&good).expect("read");
    for page in [1usize, 2] {
        for b in &mut bytes[page * 4096..page * 4096 + 16] {
            *b ^= 0xFF;
        }
    }
    let damaged = dir.path().join("damaged.sqlite3");
    std::fs::write(&damaged, &bytes).expect("write");
    let err = store
        .restore_backup_file(&damaged)
        .expect_err("damaged refused");
    assert_eq!(err.code, ErrorCode::Damaged, "{}", err.message);
    assert!(err.message.contains("bị hỏng"), "{}", err.message);

    let foreign = dir.path().join("foreign.sqlite3");
    rusqlite::Connection::open(&foreign)
        .and_then(|c| c.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);"))
        .expect("foreign db");
    let err = store
        .restore_backup_file(&foreign)
        .expect_err("foreign refused");
    assert_eq!(err.code, ErrorCode::NotCommplanFile);

    let missing = store.restore_backup("commplan-20200101-000000-000-manual.sqlite3");
    assert_eq!(missing.expect_err("missing").code, ErrorCode::NotFound);

    assert_eq!(title(&store, plan), "Dữ liệu hiện tại");
    assert!(
        !store
            .list_backups()
            .expect("list")
            .iter()
            .any(|b| b.kind == BackupKind::PreRestore),
        "nothing was replaced, so nothing was set aside"
    );
}

#[test]
fn each_backup_rotates_the_folder() {
    let dir = temp_dir();
    let (store, _) = sample_in(dir.path());
    let folder = store.backup_dir();
    // Forty days of old daily copies and one old pre-migration copy.
    let any = store.backup(BackupKind::Manual).expect("one real copy");
    let real = folder.join(&any.file_name);
    let start = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 1, 1, 8, 0, 0)
        .single()
        .expect("a real moment");
    for d in 0..40 {
        let name = file_name(start + chrono::Duration::days(d), BackupKind::Startup);
        std::fs::copy(&real, folder.join(name)).expect("copy");
    }
    let migration = file_name(start, BackupKind::PreMigration);
    std::fs::copy(&real, folder.join(&migration)).expect("copy");
    std::fs::write(folder.join("ghi-chu.txt"), "không phải bản sao lưu").expect("write");

    store.backup(BackupKind::Startup).expect("backup rotates");
    let names: Vec<String> = store
        .list_backups()
        .expect("list")
        .into_iter()
        .map(|b| b.file_name)
        .collect();
    assert!(names.contains(&migration), "pre-migration copy kept");
    assert!(folder.join("ghi-chu.txt").exists(), "other files untouched");
    // The newest days, weeks and months are kept; no more.
    assert!(names.len() <= 7 + 4 + 12 + 1, "{names:?}");
    assert!(names.len() >= 7, "{names:?}");
    assert!(!names.contains(&file_name(
        start + chrono::Duration::days(1),
        BackupKind::Startup
    )));
}

#[test]
fn a_backup_of_an_older_version_is_upgraded_when_restored() {
    let dir = temp_dir();
    let (mut store, _) = sample_in(dir.path());
    // The released schema-3 file stands for a backup made by an older build.
    let old = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v3.sqlite3");
    let copy = dir.path().join("old-backup.sqlite3");
    std::fs::copy(&old, &copy).expect("copy");
    store
        .restore_backup_file(&copy)
        .expect("restore an older backup");
    assert_eq!(
        store.schema_version().expect("version"),
        commplan_store::LATEST_VERSION
    );
    let v = store.verify().expect("verify");
    assert!(v.is_sound(), "{v:?}");
    let plans = store.list_plans().expect("plans");
    assert_eq!(plans.len(), 1);
    let doc = store.plan_document(plans[0].id).expect("doc");
    assert_eq!(doc.budget_lines.len(), 16);
    // Still the live file, in WAL mode, writable.
    drop(store);
    let store = open_in(dir.path());
    assert_eq!(store.list_plans().expect("plans").len(), 1);
}
