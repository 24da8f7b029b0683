//! Putting a backup back: restore takes data, never schema.
//!
//! Two ways to name what is restored. The app names a backup by its file
//! name in the backup folder beside the database ([`Store::restore_backup`],
//! [`restore_into`]): a name that is not one of our backup names, has a path
//! separator or `..`, or is not a file of that folder is refused, and whether
//! some other file exists is never said. The command line may also give a
//! path ([`Store::restore_backup_file`], [`restore_into_file`]). Either way
//! the source is opened once, read-only and hardened, checked inside one
//! read transaction (`verify`: integrity, application id, version, the whole
//! schema against ours for its version) and copied from that same
//! connection, so what was checked is what is copied.

use std::path::{Path, PathBuf};

use commplan_core::backup::{self as policy, BackupKind};
use commplan_core::{AppError, ErrorCode};
use rusqlite::Connection;

use crate::backup::{backup_dir_for, copy_pages, write_copy};
use crate::connection::{Access, open_connection};
use crate::error::db_error;
use crate::schema::LATEST_VERSION;
use crate::verify::{Verification, verify_connection};
use crate::{Result, Store};

/// How many schema differences a refusal names before it counts the rest.
const DIFFERENCES_NAMED: usize = 3;

/// The path of the backup `name` in the backup folder beside `db_path`.
/// Refused unless `name` is one of our backup names, with no folder and no
/// `..`, and that folder holds it as a regular file (not a link).
pub fn named_backup(db_path: &Path, name: &str) -> Result<PathBuf> {
    let plain = !name.contains(['/', '\\', '\0'])
        && !name.contains("..")
        && Path::new(name).components().count() == 1
        && policy::parse_file_name(name).is_some();
    if !plain {
        return Err(AppError::new(
            ErrorCode::Validation,
            "Chỉ khôi phục được từ một bản sao lưu trong thư mục sao lưu của ứng dụng; tên được chọn không phải là tên của một bản sao lưu.",
        ));
    }
    let path = backup_dir_for(db_path).join(name);
    match path.symlink_metadata() {
        Ok(meta) if meta.file_type().is_file() => Ok(path),
        _ => Err(AppError::new(
            ErrorCode::NotFound,
            format!("Không tìm thấy bản sao lưu “{name}” trong thư mục sao lưu."),
        )),
    }
}

/// Refuses a backup that is not ours, of a version this build does not
/// make, with a schema other than ours, or damaged.
fn restorable(v: &Verification) -> Result<()> {
    if !v.ours {
        return Err(AppError::new(
            ErrorCode::NotCommplanFile,
            "Tệp được chọn không phải là bản sao lưu của ứng dụng; dữ liệu hiện tại được giữ nguyên.",
        ));
    }
    if v.schema_version > LATEST_VERSION {
        return Err(AppError::new(
            ErrorCode::NewerSchema,
            "Bản sao lưu này được tạo bởi phiên bản mới hơn của ứng dụng; hãy cập nhật ứng dụng trước khi khôi phục.",
        ));
    }
    if !v.schema_differences.is_empty() {
        return Err(AppError::new(
            ErrorCode::NotCommplanFile,
            format!(
                "Bản sao lưu này có cấu trúc dữ liệu khác với cấu trúc của ứng dụng nên không được dùng để khôi phục; dữ liệu hiện tại được giữ nguyên. Khác biệt: {}.",
                differences_named(v)
            ),
        ));
    }
    if !v.is_sound() {
        return Err(AppError::new(
            ErrorCode::Damaged,
            "Bản sao lưu này bị hỏng nên không được dùng để khôi phục; dữ liệu hiện tại được giữ nguyên. Hãy chọn một bản sao lưu khác.",
        ));
    }
    Ok(())
}

/// The first few differences, then how many more there are.
fn differences_named(v: &Verification) -> String {
    let mut named: Vec<&str> = v
        .schema_differences
        .iter()
        .take(DIFFERENCES_NAMED)
        .map(|d| d.message.as_str())
        .collect();
    let more = v.schema_differences.len().saturating_sub(DIFFERENCES_NAMED);
    let rest = format!("và {more} khác biệt khác");
    if more > 0 {
        named.push(&rest);
    }
    named.join("; ")
}

/// Opens the backup at `path` read-only, starts a read transaction (kept
/// until the connection is dropped) and checks it there.
fn open_checked(path: &Path) -> Result<Connection> {
    if !path.is_file() {
        return Err(AppError::new(
            ErrorCode::NotFound,
            format!("Không tìm thấy tệp “{}”.", path.display()),
        ));
    }
    let source = open_connection(path, Access::ReadOnly)?;
    source.execute_batch("BEGIN").map_err(db_error)?;
    restorable(&verify_connection(&source)?)?;
    Ok(source)
}

/// Refuses to copy `source` into the live (WAL) database behind `live` when
/// their page sizes differ: SQLite cannot change the page size of a database
/// in WAL mode, and would only answer "read-only".
fn same_page_size(source: &Connection, live: &Connection) -> Result<()> {
    let size = |conn: &Connection| -> Result<i64> {
        conn.pragma_query_value(None, "page_size", |r| r.get(0))
            .map_err(db_error)
    };
    let (theirs, ours) = (size(source)?, size(live)?);
    if theirs == ours {
        return Ok(());
    }
    Err(AppError::new(
        ErrorCode::Conflict,
        format!(
            "Không khôi phục được bản sao lưu này vào tệp dữ liệu đang dùng: bản sao lưu dùng trang dữ liệu cỡ {theirs} byte, còn tệp đang dùng cỡ {ours} byte, và SQLite không đổi được cỡ trang của tệp đang dùng. Dữ liệu hiện tại được giữ nguyên."
        ),
    ))
}

/// Puts the backup `name` (a file name in the backup folder beside
/// `db_path`) at `db_path`, where there must be no file, and opens it. Used
/// after a damaged file was moved aside.
pub fn restore_into(db_path: &Path, name: &str) -> Result<Store> {
    let source = named_backup(db_path, name)?;
    restore_into_file(db_path, &source)
}

/// As [`restore_into`], from the backup file at `backup` (the command line's
/// `restore --from PATH`).
pub fn restore_into_file(db_path: &Path, backup: &Path) -> Result<Store> {
    if db_path.exists() {
        return Err(AppError::new(
            ErrorCode::Conflict,
            "Đã có tệp dữ liệu ở vị trí này; ứng dụng không ghi đè lên nó.",
        ));
    }
    let source = open_checked(backup)?;
    write_copy(&source, db_path, |_| Ok(()))?;
    drop(source);
    Store::open(db_path)
}

impl Store {
    /// Replaces the whole database with the backup `name`, a file name in the
    /// backup folder (what the app's window may name). The backup must pass
    /// its check first; the current data is itself backed up (`pre-restore`)
    /// before it is replaced, and the replacement is one transaction: it
    /// happens whole or not at all.
    pub fn restore_backup(&mut self, name: &str) -> Result<()> {
        self.writable()?;
        let path = named_backup(&self.path, name)?;
        self.restore_backup_file(&path)
    }

    /// As [`Store::restore_backup`], from the backup file at `path` (the
    /// command line's `restore --from PATH`).
    pub fn restore_backup_file(&mut self, path: &Path) -> Result<()> {
        self.writable()?;
        // Opened and checked before anything else happens in the folder, so
        // that rotation cannot take the file away between check and copy.
        let source = open_checked(path)?;
        same_page_size(&source, &self.conn)?;
        if self.has_plans()? {
            self.backup(BackupKind::PreRestore)?;
        }
        copy_pages(&source, &mut self.conn)?;
        drop(source);
        crate::open::configure(&self.conn)?;
        crate::open::migrate(&mut self.conn, &self.path)?;
        let after = verify_connection(&self.conn)?;
        if !after.is_sound() {
            log::error!("after restore: {after:?}");
            return Err(AppError::new(
                ErrorCode::Damaged,
                "Dữ liệu sau khi khôi phục không vượt qua bước kiểm tra. Bản sao dữ liệu trước khi khôi phục nằm trong thư mục sao lưu.",
            ));
        }
        Ok(())
    }
}
