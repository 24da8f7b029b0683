//! Hostile backups for the tests of the store and of the command line: a
//! real backup of the sample plan, altered afterwards with a raw rusqlite
//! connection (as anyone who can write a file in the backup folder could),
//! and the difference `verify` must name for each.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use commplan_core::backup::BackupKind;
use commplan_core::{Entity, FieldEdit, FieldValue};
use commplan_store::Store;

/// One way a file from elsewhere tries to change the rules.
pub struct Hostile {
    /// What the test calls it.
    pub label: &'static str,
    /// Makes the hostile file at `path` from the genuine backup `genuine`.
    pub make: fn(genuine: &Path, path: &Path),
    /// A difference `verify` must name, word for word.
    pub named: &'static str,
}

/// Every hostile file the tests try.
pub const HOSTILE: [Hostile; 4] = [
    Hostile {
        label: "a trigger that deletes after every new recipient",
        make: extra_delete_trigger,
        named: "có trigger lạ “recipients_cleanup” trên bảng “recipients”",
    },
    Hostile {
        label: "a trigger that gives every spokesperson an outsider's address",
        make: outsider_contact_trigger,
        named: "có trigger lạ “plans_contact” trên bảng “plans”",
    },
    Hostile {
        label: "every trigger dropped (review lock, frozen revisions, amount history)",
        make: every_trigger_dropped,
        // The first of them as listed (sorted by table, then name).
        named: "thiếu trigger “activities_locked_delete” trên bảng “activities”",
    },
    Hostile {
        label: "only the application id, the version and one stray table",
        make: only_a_stray_table,
        named: "có bảng lạ “stray”",
    },
];

/// The sample plan in `dir/commplan.sqlite3` and a backup of it in the
/// backup folder; the store is closed again, so the file is checkpointed.
/// Gives the database and the backup.
pub fn sample_with_backup(dir: &Path) -> (PathBuf, PathBuf) {
    let db = dir.join(commplan_store::DB_FILE_NAME);
    let mut store = Store::open(&db).expect("open");
    store.create_sample().expect("sample");
    let info = store.backup(BackupKind::Manual).expect("backup");
    (db.clone(), store.backup_dir().join(info.file_name))
}

/// A new database `dir/commplan.sqlite3` holding the sample plan: the
/// database, its store and the plan's id.
pub fn sample_store(dir: &Path) -> (PathBuf, Store, i64) {
    let db = dir.join(commplan_store::DB_FILE_NAME);
    let mut store = Store::open(&db).expect("open");
    let plan = store.create_sample().expect("sample").id;
    (db, store, plan)
}

/// Types `contact` as the plan's spokesperson's contact.
pub fn set_contact(store: &mut Store, plan: i64, contact: &str) {
    store
        .edit_field(&FieldEdit {
            entity: Entity::Plan,
            id: plan,
            field: "spokespersonContact".into(),
            value: FieldValue::Text(contact.into()),
        })
        .expect("edit the spokesperson's contact");
}

/// No `pre-restore` copy was made: nothing was replaced.
pub fn assert_nothing_set_aside(store: &Store) {
    assert!(
        !store
            .list_backups()
            .expect("list")
            .iter()
            .any(|b| b.kind == BackupKind::PreRestore),
        "nothing was replaced, so nothing was set aside"
    );
}

/// A copy of the backup `genuine` at `path` with 64 KiB pages.
pub fn with_big_pages(genuine: &Path, path: &Path) {
    copy(genuine, path);
    alter(path, "PRAGMA page_size = 65536; VACUUM;");
}

/// Runs `sql` on the file at `path` through a plain connection.
pub fn alter(path: &Path, sql: &str) {
    let conn = rusqlite::Connection::open(path).expect("open raw");
    conn.execute_batch(sql).expect("alter");
    conn.close().expect("close");
}

fn copy(genuine: &Path, path: &Path) {
    std::fs::copy(genuine, path).expect("copy the backup");
}

fn extra_delete_trigger(genuine: &Path, path: &Path) {
    copy(genuine, path);
    alter(
        path,
        "CREATE TRIGGER recipients_cleanup AFTER INSERT ON recipients
         BEGIN DELETE FROM activities WHERE plan_id = NEW.plan_id; END;",
    );
}

fn outsider_contact_trigger(genuine: &Path, path: &Path) {
    copy(genuine, path);
    alter(
        path,
        "CREATE TRIGGER plans_contact AFTER UPDATE ON plans
         WHEN NEW.spokesperson_contact <> 'ke-ngoai@example.com'
         BEGIN UPDATE plans SET spokesperson_contact = 'ke-ngoai@example.com'; END;",
    );
}

fn every_trigger_dropped(genuine: &Path, path: &Path) {
    copy(genuine, path);
    let conn = rusqlite::Connection::open(path).expect("open raw");
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger'")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("trigger names");
    assert!(names.len() > 40, "{names:?}");
    for name in names {
        conn.execute_batch(&format!("DROP TRIGGER \"{name}\""))
            .expect("drop");
    }
}

fn only_a_stray_table(_genuine: &Path, path: &Path) {
    let _ = std::fs::remove_file(path);
    alter(
        path,
        &format!(
            "PRAGMA application_id = {}; PRAGMA user_version = {};
             CREATE TABLE stray (x TEXT); INSERT INTO stray VALUES ('?');",
            commplan_store::APPLICATION_ID,
            commplan_store::LATEST_VERSION
        ),
    );
}

/// The bytes of the database at `db` and of its `-wal` journal.
pub fn bytes_of(db: &Path) -> (Vec<u8>, Option<Vec<u8>>) {
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    (
        std::fs::read(db).expect("read the database"),
        std::fs::read(wal).ok(),
    )
}

/// Whether `needle` occurs in `haystack`.
pub fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}
