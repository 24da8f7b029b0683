//! Personal data stays private and causes are clear: who may read the files
//! the store makes, what a deletion leaves in the file's bytes, the purge for
//! the day a person's details must be erased, and a backup whose page size
//! the live file cannot take.

mod hostile;

use std::path::Path;

use commplan_core::{Entity, ErrorCode, FieldEdit, FieldValue};
use commplan_store::{Store, restore_into_file, verify_file};
use hostile::{
    alter, bytes_of, contains, sample_store, sample_with_backup, set_contact, with_big_pages,
};

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    path.metadata().expect("metadata").permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn the_data_folder_the_database_and_its_journals_are_the_users_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("du-lieu/commplan");
    let (db, store, _) = sample_store(&folder);
    for made in [
        dir.path().join("du-lieu"),
        folder.clone(),
        store.backup_dir(),
    ] {
        assert_eq!(mode(&made), 0o700, "{}", made.display());
    }
    for suffix in ["", "-wal", "-shm"] {
        let file = folder.join(format!("{}{suffix}", commplan_store::DB_FILE_NAME));
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
    for backup in store.list_backups().expect("list") {
        assert_eq!(mode(&store.backup_dir().join(&backup.file_name)), 0o600);
    }
    drop(store);

    // A file an older version left readable by others is tightened when opened.
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    drop(Store::open(&db).expect("reopen"));
    assert_eq!(mode(&db), 0o600);
}

/// The first recipient line of the plan.
fn first_recipient(store: &Store, plan: i64) -> i64 {
    store.plan_document(plan).expect("document").recipients[0].id
}

fn set_recipient(store: &mut Store, id: i64, text: &str) {
    store
        .edit_field(&FieldEdit {
            entity: Entity::Recipient,
            id,
            field: "text".into(),
            value: FieldValue::Text(text.into()),
        })
        .expect("edit a recipient");
}

#[test]
fn a_text_replaced_is_no_longer_in_the_files_bytes() {
    let secret = "Số riêng 0912 345 678 của người phát ngôn, không được lưu lại";
    let dir = tempfile::tempdir().expect("temp dir");
    let (db, mut store, plan) = sample_store(dir.path());
    let line = first_recipient(&store, plan);
    set_recipient(&mut store, line, secret);
    set_recipient(&mut store, line, "Lưu: VT");
    drop(store); // the last connection checkpoints the journal into the file
    let (file, wal) = bytes_of(&db);
    assert!(
        wal.is_none_or(|w| w.is_empty()),
        "the journal was checkpointed"
    );
    assert!(
        !contains(&file, secret),
        "secure_delete overwrote the old text"
    );

    // Without secure_delete the same change leaves the old text behind in
    // the page's free space: the check above would see it.
    alter(
        &db,
        &format!(
            "PRAGMA secure_delete = OFF;
             UPDATE recipients SET text = '{secret}' WHERE id = {line};
             UPDATE recipients SET text = 'Lưu: VT' WHERE id = {line};"
        ),
    );
    assert!(contains(&bytes_of(&db).0, secret));
}

#[test]
fn purge_erases_a_deleted_plans_personal_details_from_the_file() {
    let phone = "0987 654 321 (di động riêng)";
    let dir = tempfile::tempdir().expect("temp dir");
    let (db, mut store, plan) = sample_store(dir.path());
    set_contact(&mut store, plan, phone);
    let deleted = store.delete_plan(plan).expect("delete the plan");
    // Kept for undo: still in the file.
    drop(store);
    assert!(contains(&bytes_of(&db).0, phone), "the trash holds it");

    let mut store = Store::open(&db).expect("reopen");
    let purged = store.purge_trash().expect("purge");
    assert_eq!((purged.deletions, purged.plans), (1, 1), "{purged:?}");
    assert!(purged.bytes_after < purged.bytes_before, "{purged:?}");
    let (file, wal) = bytes_of(&db);
    assert!(!contains(&file, phone), "no longer in the database");
    assert!(
        wal.is_none_or(|w| !contains(&w, phone)),
        "nor in its journal"
    );
    let err = store
        .undo_delete(deleted.trash_id)
        .expect_err("nothing to undo");
    assert_eq!(err.code, ErrorCode::NotFound, "{}", err.message);
    assert!(store.verify().expect("verify").is_sound());
    drop(store);
    assert!(!contains(&bytes_of(&db).0, phone));
}

/// A backup with 64 KiB pages cannot be copied into the live file (WAL keeps
/// its page size): the refusal names the sizes, not "read-only", and the
/// live data is kept. Into an empty place it restores.
#[test]
fn a_backup_with_another_page_size_says_why_it_cannot_be_restored() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (db, genuine) = sample_with_backup(dir.path());
    let big = dir.path().join("trang-lon.sqlite3");
    with_big_pages(&genuine, &big);
    let v = verify_file(&big).expect("verify");
    assert!(v.is_sound(), "{v:?}");

    let mut store = Store::open(&db).expect("open");
    let before = bytes_of(&db);
    let err = store.restore_backup_file(&big).expect_err("refused");
    assert_eq!(err.code, ErrorCode::Conflict, "{}", err.message);
    assert!(err.message.contains("65536 byte"), "{}", err.message);
    assert!(err.message.contains("4096 byte"), "{}", err.message);
    assert!(err.message.contains("được giữ nguyên"), "{}", err.message);
    assert!(bytes_of(&db) == before, "the live file changed");
    // The sample plan and its year before.
    assert_eq!(store.list_plans().expect("plans").len(), 2);

    let elsewhere = dir.path().join("moi").join(commplan_store::DB_FILE_NAME);
    let restored = restore_into_file(&elsewhere, &big).expect("into an empty place");
    assert_eq!(restored.list_plans().expect("plans").len(), 2);
}
