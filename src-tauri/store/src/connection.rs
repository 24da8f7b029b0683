//! The one way the store opens an SQLite connection, and the settings every
//! connection carries before anything in its file is read.
//!
//! A database path is opened as a path, never as a `file:` URI: the flags
//! leave out `SQLITE_OPEN_URI`, and because the bundled SQLite is built with
//! URIs enabled for every open, a relative path is opened through `./` so
//! that it cannot begin with `file:`. Every connection (the writable one,
//! read-only inspections, backups being written, files being verified or
//! restored from, the in-memory reference schemas) is hardened at once:
//! `SQLITE_DBCONFIG_DEFENSIVE` on, `trusted_schema` off (functions and
//! virtual tables with side effects cannot run from a view or a trigger of
//! the file), `cell_size_check` on (a malformed page is reported, not read).

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};

use crate::Result;
use crate::error::db_error;

/// How long a connection waits for another process holding the file.
pub(crate) const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// What a connection may do with its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Access {
    /// Read only; the file must exist.
    ReadOnly,
    /// Read and write; the file is created (0600 on Unix) when missing.
    ReadWrite,
}

/// `path` as SQLite must be given it: a relative path gets a leading `./`,
/// so that a file named `file:…` is a file, not a URI.
pub(crate) fn plain_path(path: &Path) -> PathBuf {
    if path.is_relative() {
        Path::new(".").join(path)
    } else {
        path.to_path_buf()
    }
}

/// Opens the database file at `path` (as a path, never a URI) and hardens
/// the connection before anything else happens on it.
pub(crate) fn open_connection(path: &Path, access: Access) -> Result<Connection> {
    let flags = match access {
        Access::ReadOnly => OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        Access::ReadWrite => {
            crate::perms::create_private_file(path)?;
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
        }
    };
    let conn = Connection::open_with_flags(plain_path(path), flags).map_err(db_error)?;
    harden(&conn).map_err(db_error)?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(db_error)?;
    #[cfg(test)]
    tests::record(path, access, &conn);
    Ok(conn)
}

/// A hardened in-memory database (the reference schemas are built in one).
pub(crate) fn open_memory() -> Result<Connection> {
    let conn = Connection::open_in_memory_with_flags(
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(db_error)?;
    harden(&conn).map_err(db_error)?;
    Ok(conn)
}

/// The settings every connection gets before it reads its file. The first
/// two are connection flags set through the C API, so no SQL runs before
/// them; `cell_size_check` is a pragma that reads nothing.
pub(crate) fn harden(conn: &Connection) -> rusqlite::Result<()> {
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    conn.pragma_update(None, "trusted_schema", false)?;
    conn.pragma_update(None, "cell_size_check", true)?;
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use std::cell::RefCell;

    use super::*;

    /// A connection the store opened in this thread, with its settings read
    /// back at once: (path, access, trusted_schema, cell_size_check, defensive).
    pub(crate) type Opened = (PathBuf, Access, i64, i64, bool);

    thread_local! {
        static OPENED: RefCell<Vec<Opened>> = const { RefCell::new(Vec::new()) };
    }

    pub(crate) fn record(path: &Path, access: Access, conn: &Connection) {
        let pragma = |name: &str| -> i64 {
            conn.pragma_query_value(None, name, |r| r.get(0))
                .expect("pragma")
        };
        let opened = (
            path.to_path_buf(),
            access,
            pragma("trusted_schema"),
            pragma("cell_size_check"),
            conn.db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE)
                .expect("db_config"),
        );
        OPENED.with(|o| o.borrow_mut().push(opened));
    }

    /// Every connection opened in this thread since the last call.
    pub(crate) fn take_opened() -> Vec<Opened> {
        OPENED.with(|o| std::mem::take(&mut *o.borrow_mut()))
    }

    #[test]
    fn a_relative_path_cannot_be_read_as_a_uri() {
        assert_eq!(
            plain_path(Path::new("file:x.sqlite3?mode=memory")),
            Path::new("./file:x.sqlite3?mode=memory")
        );
        let absolute = std::env::temp_dir().join("a.sqlite3");
        assert_eq!(plain_path(&absolute), absolute.as_path());
    }

    #[test]
    fn every_kind_of_connection_is_hardened() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.sqlite3");
        let writable = open_connection(&path, Access::ReadWrite).expect("writable");
        writable
            .execute_batch("CREATE TABLE t (x)")
            .expect("a table");
        let read_only = open_connection(&path, Access::ReadOnly).expect("read-only");
        let memory = open_memory().expect("memory");
        for conn in [&writable, &read_only, &memory] {
            assert_hardened(conn);
        }
    }

    /// The live database, a read-only inspection, a backup being written and
    /// checked, a file verified, a restore's source and a file opened
    /// read-only because it is newer: each opened hardened.
    #[test]
    fn every_connection_the_store_opens_is_hardened() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("commplan.sqlite3");
        take_opened();
        let mut store = crate::Store::open(&db).expect("open");
        store.create_sample().expect("sample");
        let info = store
            .backup(commplan_core::backup::BackupKind::Manual)
            .expect("backup");
        let copy = store.backup_dir().join(&info.file_name);
        crate::verify_file(&copy).expect("verify");
        store.restore_backup(&info.file_name).expect("restore");
        assert_hardened(store.conn());
        drop(store);
        let newer = dir.path().join("newer.sqlite3");
        std::fs::copy(&copy, &newer).expect("copy");
        Connection::open(&newer)
            .and_then(|c| c.pragma_update(None, "user_version", 99))
            .expect("newer");
        let read_only = crate::Store::open(&newer).expect("open read-only");
        assert!(read_only.read_only().is_some());
        assert_hardened(read_only.conn());

        let opened = take_opened();
        for (path, access, trusted, cell_size, defensive) in &opened {
            assert_eq!(
                (*trusted, *cell_size, *defensive),
                (0, 1, true),
                "{} {access:?}",
                path.display()
            );
        }
        let seen = |what: &dyn Fn(&Path) -> bool, access: Access| {
            opened.iter().any(|(p, a, ..)| what(p) && *a == access)
        };
        assert!(seen(&|p| p == db, Access::ReadWrite), "the live database");
        assert!(seen(&|p| p == newer, Access::ReadOnly), "an inspection");
        let part = |p: &Path| p.to_string_lossy().ends_with(".part");
        assert!(seen(&part, Access::ReadWrite), "a backup being written");
        assert!(seen(&|p| p == copy, Access::ReadOnly), "a backup checked");
        let restored = opened.iter().filter(|(p, ..)| *p == copy).count();
        assert!(restored >= 3, "made, verified, restored from: {restored}");
    }

    pub(crate) fn assert_hardened(conn: &Connection) {
        let pragma = |name: &str| -> i64 {
            conn.pragma_query_value(None, name, |r| r.get(0))
                .expect("pragma")
        };
        assert_eq!(pragma("trusted_schema"), 0);
        assert_eq!(pragma("cell_size_check"), 1);
        assert!(
            conn.db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE)
                .expect("db_config")
        );
    }
}
