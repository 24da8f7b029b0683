//! Restore takes data, never schema: a backup whose schema is not exactly the
//! one our migrations make for its version is refused by `verify_file`, by
//! both restores of the store and by the start-up offer, and the live
//! database stays byte for byte as it was. The app names a backup only by
//! its file name in the backup folder; any other name is refused without
//! saying whether such a file exists.

mod hostile;

use std::path::Path;

use chrono::TimeZone;
use commplan_core::backup::{BackupKind, file_name};
use commplan_core::{AppError, ErrorCode};
use commplan_store::{Store, newest_good_backup, restore_into, restore_into_file, verify_file};
use hostile::{HOSTILE, Hostile, bytes_of, sample_with_backup};

/// A backup name newer than any the tests make, so that it is offered first.
fn newest_name() -> String {
    let at = chrono::Utc
        .with_ymd_and_hms(2099, 1, 1, 8, 0, 0)
        .single()
        .expect("a real moment");
    file_name(at, BackupKind::Manual)
}

#[test]
fn every_hostile_backup_is_refused_and_the_live_data_is_untouched() {
    for hostile in &HOSTILE {
        refused_everywhere(hostile);
    }
}

fn refused_everywhere(hostile: &Hostile) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (db, genuine) = sample_with_backup(dir.path());
    let name = newest_name();
    let path = genuine.with_file_name(&name);
    (hostile.make)(&genuine, &path);

    let first = named_by_verify(hostile, &path);
    // The start-up offer passes it over for the genuine backup.
    let offered = newest_good_backup(path.parent().expect("folder"))
        .expect("list")
        .expect("a good backup");
    assert_eq!(
        Some(offered.file_name.as_str()),
        genuine.file_name().and_then(|n| n.to_str())
    );

    let mut store = Store::open(&db).expect("open");
    let before = bytes_of(&db);
    for err in [
        store.restore_backup(&name).expect_err("by name"),
        store.restore_backup_file(&path).expect_err("by path"),
    ] {
        assert_refused(hostile, &err, &first);
    }
    assert!(
        bytes_of(&db) == before,
        "{}: the live file changed",
        hostile.label
    );
    hostile::assert_nothing_set_aside(&store);

    // After a damaged file was moved aside: neither restore puts it in place.
    let fresh = dir.path().join("moi").join(commplan_store::DB_FILE_NAME);
    let fresh_backups = commplan_store::backup_dir_for(&fresh);
    std::fs::create_dir_all(&fresh_backups).expect("folder");
    std::fs::copy(&path, fresh_backups.join(&name)).expect("copy");
    for err in [
        restore_into(&fresh, &name).err().expect("by name"),
        restore_into_file(&fresh, &path).err().expect("by path"),
    ] {
        assert_refused(hostile, &err, &first);
    }
    assert!(!fresh.exists(), "{}", hostile.label);

    // A genuine backup still restores.
    let genuine_name = genuine.file_name().and_then(|n| n.to_str()).expect("name");
    store
        .restore_backup(genuine_name)
        .expect("the genuine backup");
    assert!(store.verify().expect("verify").is_sound());
}

/// `verify_file` finds the file unsound and names the difference; gives the
/// first difference it names.
fn named_by_verify(hostile: &Hostile, path: &Path) -> String {
    let v = verify_file(path).expect("verify");
    assert!(!v.is_sound(), "{}: {v:?}", hostile.label);
    let messages: Vec<&str> = v
        .schema_differences
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        messages.contains(&hostile.named),
        "{}: {messages:?}",
        hostile.label
    );
    messages[0].to_string()
}

fn assert_refused(hostile: &Hostile, err: &AppError, first: &str) {
    assert_eq!(
        err.code,
        ErrorCode::NotCommplanFile,
        "{}: {}",
        hostile.label,
        err.message
    );
    assert!(
        err.message
            .contains("cấu trúc dữ liệu khác với cấu trúc của ứng dụng"),
        "{}: {}",
        hostile.label,
        err.message
    );
    assert!(
        err.message.contains(first),
        "{}: {}",
        hostile.label,
        err.message
    );
}

/// What the window may send as a backup's name that is not one: refused
/// alike whether or not such a file exists.
const HOSTILE_NAMES: [&str; 10] = [
    "../../../x.sqlite3",
    "../commplan.sqlite3",
    "../ngoai.sqlite3",
    "/etc/passwd",
    "backups/commplan-20260101-080000-000-manual.sqlite3",
    "commplan-20260101-080000-000-manual.sqlite3/../../ngoai.sqlite3",
    "..",
    "",
    "commplan-20260101-080000-000-manual.sqlite3\0",
    "..\\commplan-20260101-080000-000-manual.sqlite3",
];

#[test]
fn the_window_may_only_name_a_backup_of_the_backup_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (db, genuine) = sample_with_backup(dir.path());
    // A genuine backup outside the folder, and a link to it inside.
    let outside = dir.path().join("ngoai.sqlite3");
    std::fs::copy(&genuine, &outside).expect("copy");
    let mut store = Store::open(&db).expect("open");
    let before = bytes_of(&db);
    let refusal = store
        .restore_backup("../khong-co.sqlite3")
        .expect_err("refused");
    assert_eq!(refusal.code, ErrorCode::Validation);
    assert!(
        refusal
            .message
            .contains("không phải là tên của một bản sao lưu"),
        "{}",
        refusal.message
    );
    let absolute = outside.to_str().expect("path").to_string();
    let genuine_path = genuine.to_str().expect("path").to_string();
    for name in HOSTILE_NAMES
        .iter()
        .copied()
        .chain([absolute.as_str(), genuine_path.as_str()])
    {
        let err = store.restore_backup(name).expect_err(name);
        assert_eq!(err, refusal, "{name:?}: the same refusal, existing or not");
        let fresh = dir.path().join("moi.sqlite3");
        let err = restore_into(&fresh, name).err().expect(name);
        assert_eq!(err, refusal, "{name:?}");
        assert!(!fresh.exists());
    }
    #[cfg(unix)]
    {
        let link = genuine.with_file_name(newest_name());
        std::os::unix::fs::symlink(&outside, &link).expect("link");
        let err = store.restore_backup(&newest_name()).expect_err("a link");
        assert_eq!(err.code, ErrorCode::NotFound, "{}", err.message);
    }
    let missing = "commplan-20200101-000000-000-manual.sqlite3";
    let err = store.restore_backup(missing).expect_err("missing");
    assert_eq!(err.code, ErrorCode::NotFound);
    assert!(
        err.message.contains("trong thư mục sao lưu"),
        "{}",
        err.message
    );
    assert!(bytes_of(&db) == before, "the live file changed");
}
