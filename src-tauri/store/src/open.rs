//! Where the database lives and how it is opened.
//!
//! A file is first inspected through a read-only connection: a file that is
//! not ours is refused, and a file whose schema is newer than this build is
//! opened read-only and never written (not even its journal mode). Only then
//! is it opened for writing, configured and migrated. Every connection is
//! opened through `connection` (as a path, hardened); the data folder is
//! created 0700 and the database is kept 0600 (`perms`).

use std::path::{Path, PathBuf};

use commplan_core::{AppError, ErrorCode};
use rusqlite::Connection;

use crate::connection::{Access, BUSY_TIMEOUT, open_connection};
use crate::error::db_error;
use crate::schema::{LATEST_VERSION, MIGRATIONS};
use crate::{Result, Store};

/// Environment variable that overrides the data folder (every test sets it).
pub const DATA_DIR_ENV: &str = "COMMPLAN_DATA_DIR";
/// The database file's name inside the data folder.
pub const DB_FILE_NAME: &str = "commplan.sqlite3";
/// Written into the SQLite header (`PRAGMA application_id`): "CMPL".
pub const APPLICATION_ID: i32 = 0x434D_504C;
/// The same folder Tauri uses as the app-local-data folder for our identifier.
const APP_IDENTIFIER: &str = "vn.commplan.app";

/// The folder that holds the database: `$COMMPLAN_DATA_DIR`, or the platform's
/// app-local-data folder (`~/.local/share/vn.commplan.app` on Linux).
pub fn data_dir() -> Result<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    dirs::data_local_dir()
        .map(|d| d.join(APP_IDENTIFIER))
        .ok_or_else(|| {
            AppError::new(
                ErrorCode::Io,
                "Không xác định được thư mục dữ liệu của người dùng.",
            )
        })
}

pub fn default_db_path() -> Result<PathBuf> {
    Ok(data_dir()?.join(DB_FILE_NAME))
}

/// What a read-only look at an existing file found.
struct Inspection {
    application_id: i32,
    user_version: i64,
    has_tables: bool,
}

fn inspect(path: &Path) -> Result<Inspection> {
    let conn = open_connection(path, Access::ReadOnly)?;
    let application_id = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(db_error)?;
    let user_version = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(db_error)?;
    let has_tables = conn
        .query_row("SELECT count(*) > 0 FROM sqlite_schema", [], |r| r.get(0))
        .map_err(db_error)?;
    Ok(Inspection {
        application_id,
        user_version,
        has_tables,
    })
}

fn not_ours() -> AppError {
    AppError::new(
        ErrorCode::NotCommplanFile,
        "Tệp này không phải là cơ sở dữ liệu kế hoạch truyền thông chính sách; ứng dụng không mở và không sửa nó.",
    )
}

pub(crate) fn open(path: &Path) -> Result<Store> {
    let exists = path.metadata().map(|m| m.len() > 0).unwrap_or(false);
    if exists {
        let found = inspect(path)?;
        let ours = found.application_id == APPLICATION_ID
            || (found.application_id == 0 && !found.has_tables);
        if !ours {
            return Err(not_ours());
        }
        if found.user_version > LATEST_VERSION {
            return open_read_only(path, found.user_version);
        }
    } else if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        crate::perms::create_private_dir(parent).map_err(|e| {
            log::warn!("cannot create {}: {e}", parent.display());
            AppError::new(
                ErrorCode::Io,
                "Không tạo được thư mục dữ liệu. Hãy kiểm tra quyền ghi của tài khoản.",
            )
        })?;
    }

    let mut conn = open_connection(path, Access::ReadWrite)?;
    crate::perms::restrict_database(path);
    configure(&conn)?;
    migrate(&mut conn, path)?;
    Ok(Store {
        conn,
        path: path.to_path_buf(),
        read_only: None,
    })
}

/// Brings the schema to [`LATEST_VERSION`]. A file that already holds data is
/// backed up first (`pre-migration`, never rotated away); without that backup
/// nothing is migrated. All pending migrations run in one transaction, so an
/// interrupted upgrade leaves the old version as it was.
pub(crate) fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    migrate_with(conn, path, &MIGRATIONS)
}

pub(crate) fn migrate_with(
    conn: &mut Connection,
    path: &Path,
    migrations: &rusqlite_migration::Migrations<'_>,
) -> Result<()> {
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(db_error)?;
    if version >= LATEST_VERSION {
        return Ok(());
    }
    let has_tables: bool = conn
        .query_row("SELECT count(*) > 0 FROM sqlite_schema", [], |r| r.get(0))
        .map_err(db_error)?;
    if has_tables {
        crate::backup::backup_connection(conn, path, commplan_core::backup::BackupKind::PreMigration)
            .map_err(|e| {
                AppError::new(
                    e.code,
                    format!(
                        "Chưa nâng cấp cơ sở dữ liệu vì không tạo được bản sao lưu trước khi nâng cấp: {}",
                        e.message
                    ),
                )
            })?;
    }
    migrations.to_latest(conn).map_err(|e| {
        log::error!("migration failed: {e}");
        AppError::new(
            ErrorCode::Database,
            "Không nâng cấp được cơ sở dữ liệu lên phiên bản mới; tệp được giữ nguyên như trước.",
        )
    })
}

/// Settings every writable connection carries.
pub(crate) fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT).map_err(db_error)?;
    let mode: String = conn
        .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
        .map_err(db_error)?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(AppError::new(
            ErrorCode::Database,
            "Không bật được chế độ ghi nhật ký (WAL) cho cơ sở dữ liệu; hãy lưu tệp trên ổ đĩa của máy.",
        ));
    }
    conn.pragma_update(None, "synchronous", "FULL")
        .map_err(db_error)?;
    conn.pragma_update(None, "foreign_keys", true)
        .map_err(db_error)?;
    // What is deleted is overwritten with zeros, not left in free space.
    conn.pragma_update(None, "secure_delete", true)
        .map_err(db_error)?;
    let id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(db_error)?;
    if id == 0 {
        conn.pragma_update(None, "application_id", APPLICATION_ID)
            .map_err(db_error)?;
    }
    Ok(())
}

fn open_read_only(path: &Path, version: i64) -> Result<Store> {
    let conn = open_connection(path, Access::ReadOnly)?;
    conn.pragma_update(None, "query_only", true)
        .map_err(db_error)?;
    conn.pragma_update(None, "foreign_keys", true)
        .map_err(db_error)?;
    Ok(Store {
        conn,
        path: path.to_path_buf(),
        read_only: Some(AppError::new(
            ErrorCode::NewerSchema,
            format!(
                "Cơ sở dữ liệu này được tạo bởi phiên bản mới hơn của ứng dụng (cấu trúc dữ liệu số {version}, phiên bản này chỉ hiểu đến số {LATEST_VERSION}). Tệp được mở ở chế độ chỉ đọc và không bị sửa đổi; hãy cập nhật ứng dụng để tiếp tục soạn thảo."
            ),
        )),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A migration that fails halfway (after some of its statements ran)
    /// leaves the file at its old version with its old content.
    #[test]
    fn an_interrupted_migration_leaves_the_old_version_intact() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("commplan.sqlite3");
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v2.sqlite3");
        std::fs::copy(&fixture, &path).expect("copy the v2 fixture");
        let halfway = format!(
            "{}\nINSERT INTO no_such_table VALUES (1);",
            include_str!("../migrations/003_budget.sql")
        );
        let failing = rusqlite_migration::Migrations::new(vec![
            rusqlite_migration::M::up(include_str!("../migrations/001_initial.sql")),
            rusqlite_migration::M::up(include_str!("../migrations/002_drafting.sql")),
            rusqlite_migration::M::up(&halfway),
        ]);
        let count = |conn: &Connection, sql: &str| -> i64 {
            conn.query_row(sql, [], |r| r.get(0)).expect("count")
        };
        let before = {
            let conn = Connection::open(&path).expect("open");
            (
                count(&conn, "SELECT count(*) FROM activities"),
                count(&conn, "SELECT count(*) FROM sqlite_schema"),
            )
        };
        let mut conn = Connection::open(&path).expect("open");
        configure(&conn).expect("configure");
        let err = migrate_with(&mut conn, &path, &failing).expect_err("the migration fails");
        assert!(err.message.contains("giữ nguyên"), "{}", err.message);
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .expect("version");
        assert_eq!(version, 2);
        assert_eq!(
            count(
                &conn,
                "SELECT count(*) FROM sqlite_schema WHERE name = 'budget_lines'"
            ),
            0,
            "the half-made table is rolled back"
        );
        assert_eq!(
            (
                count(&conn, "SELECT count(*) FROM activities"),
                count(&conn, "SELECT count(*) FROM sqlite_schema"),
            ),
            before
        );
        drop(conn);
        // The real migrations still take it to the latest version afterwards.
        let store = open(&path).expect("open with the real migrations");
        assert_eq!(store.schema_version().expect("version"), LATEST_VERSION);
    }

    #[test]
    fn a_writable_connection_carries_every_setting() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = open(&dir.path().join("x.sqlite3")).expect("open");
        let conn = store.conn();
        let get = |name: &str| -> i64 {
            conn.pragma_query_value(None, name, |r| r.get(0))
                .expect("pragma")
        };
        assert_eq!(get("synchronous"), 2, "synchronous=FULL");
        assert_eq!(get("foreign_keys"), 1);
        assert_eq!(get("busy_timeout"), 5000);
        assert_eq!(get("secure_delete"), 1);
        let mode: String = conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .expect("journal_mode");
        assert_eq!(mode, "wal");
    }
}
