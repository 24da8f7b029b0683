//! Opening database files on disk: settings, identity, migrations, newer files.

mod common;

use std::path::Path;

use common::{db_in, new_plan, open, temp_dir};
use commplan_core::ErrorCode;
use commplan_store::{APPLICATION_ID, LATEST_VERSION, Store};
use rusqlite::Connection;

fn sha(path: &Path) -> Vec<u8> {
    // A byte-for-byte copy is as strict as a hash and needs no extra crate.
    std::fs::read(path).expect("read file")
}

#[test]
fn a_new_file_is_created_with_its_settings() {
    let dir = temp_dir();
    let path = dir.path().join("nested/folder/commplan.sqlite3");
    let store = Store::open(&path).expect("open creates folders and file");
    assert!(path.exists());
    assert!(store.read_only().is_none());
    assert_eq!(store.schema_version().expect("version"), LATEST_VERSION);
    drop(store);

    let conn = Connection::open(&path).expect("raw open");
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .expect("journal_mode");
    assert_eq!(mode, "wal");
    let id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .expect("application_id");
    assert_eq!(id, APPLICATION_ID);
}

#[test]
fn every_connection_has_foreign_keys_and_full_sync() {
    let (_dir, mut store) = open();
    // A plan for a unit that does not exist must be refused by the database itself.
    let err = store
        .write(|tx| {
            tx.execute("INSERT INTO plans (unit_id, year) VALUES (99999, 2027)", [])
                .map_err(commplan_store::db_error)
        })
        .expect_err("foreign key enforced");
    assert_eq!(err.code, ErrorCode::Database);
    assert!(
        !err.message.contains("FOREIGN KEY"),
        "raw SQLite text leaked: {}",
        err.message
    );
}

#[test]
fn plans_survive_reopening() {
    let dir = temp_dir();
    let path = db_in(dir.path());
    let mut store = Store::open(&path).expect("open");
    let unit = store.list_units().expect("units")[0].clone();
    let plan = store
        .create_plan(&new_plan(unit.id, 2027))
        .expect("create plan");
    drop(store);

    let store = Store::open(&path).expect("reopen");
    let plans = store.list_plans().expect("list");
    assert_eq!(plans.len(), 1);
    assert_eq!(plans[0], plan);
    assert_eq!(plans[0].unit_name, unit.name);
    assert_eq!(plans[0].title, "Truyền thông chính sách năm 2027");
}

#[test]
fn a_file_that_is_not_ours_is_refused_and_untouched() {
    let dir = temp_dir();
    let path = dir.path().join("other.sqlite3");
    {
        let conn = Connection::open(&path).expect("create foreign db");
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .expect("foreign schema");
    }
    let before = sha(&path);
    let err = Store::open(&path).err().expect("refused");
    assert_eq!(err.code, ErrorCode::NotCommplanFile);
    assert_eq!(sha(&path), before);

    let junk = dir.path().join("junk.sqlite3");
    std::fs::write(&junk, b"this is a text file, not a database at all...").expect("write junk");
    let before = sha(&junk);
    let err = Store::open(&junk).err().expect("junk refused");
    assert_eq!(err.code, ErrorCode::NotCommplanFile);
    assert_eq!(sha(&junk), before);
}

#[test]
fn a_newer_file_opens_read_only_and_is_never_written() {
    let dir = temp_dir();
    let path = db_in(dir.path());
    {
        let mut store = Store::open(&path).expect("open");
        let unit = store.list_units().expect("units")[0].clone();
        store.create_plan(&new_plan(unit.id, 2026)).expect("plan");
    }
    {
        // What a future version would leave behind: a higher schema version,
        // checkpointed into the main file.
        let conn = Connection::open(&path).expect("raw open");
        conn.pragma_update(None, "user_version", LATEST_VERSION + 1)
            .expect("bump version");
        conn.pragma_update(None, "wal_checkpoint", "TRUNCATE")
            .expect("checkpoint");
    }
    let before = sha(&path);

    let mut store = Store::open(&path).expect("opens read-only");
    let notice = store.read_only().expect("read-only notice").clone();
    assert_eq!(notice.code, ErrorCode::NewerSchema);
    assert!(
        notice.message.contains("phiên bản mới hơn"),
        "{}",
        notice.message
    );
    assert_eq!(store.list_plans().expect("plans readable").len(), 1);

    let unit = store.list_units().expect("units")[0].clone();
    let err = store
        .create_plan(&new_plan(unit.id, 2027))
        .expect_err("writes refused");
    assert_eq!(err.code, ErrorCode::ReadOnly);
    drop(store);
    assert_eq!(sha(&path), before, "the newer file's bytes changed");
}

#[test]
fn data_dir_follows_the_environment_variable() {
    // The variable is read in a child process: changing the environment of
    // this multi-threaded test binary would race with the other tests.
    if let Some(expected) = std::env::var_os("COMMPLAN_TEST_EXPECT_DIR") {
        let path = commplan_store::default_db_path().expect("path");
        assert_eq!(
            path,
            Path::new(&expected).join(commplan_store::DB_FILE_NAME)
        );
        return;
    }
    let dir = temp_dir();
    let exe = std::env::current_exe().expect("test binary");
    let status = std::process::Command::new(exe)
        .args(["--exact", "data_dir_follows_the_environment_variable"])
        .env("COMMPLAN_DATA_DIR", dir.path())
        .env("COMMPLAN_TEST_EXPECT_DIR", dir.path())
        .status()
        .expect("run child");
    assert!(status.success(), "the child test failed");
}
