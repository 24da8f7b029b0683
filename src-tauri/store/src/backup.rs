//! Backups through SQLite's online backup API, and their rotation. How a
//! file is checked is in `verify`, how one is put back in `restore`.
//!
//! A backup is copied page by page from the live connection into a temporary
//! file beside its final name, switched to a self-contained journal mode,
//! flushed to disk and renamed; then it is reopened and must pass
//! `integrity_check`, or it is removed and the backup reported as failed. A
//! backup never changes the live database. Which backups rotation keeps is
//! decided in `commplan_core::backup`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use commplan_core::backup::{self as policy, BackupInfo, BackupKind};
use commplan_core::{AppError, ErrorCode};
use rusqlite::Connection;
use rusqlite::backup::{Backup, StepResult};

use crate::connection::{Access, open_connection};
use crate::error::db_error;
use crate::verify::{Verification, verify_connection, verify_file};
use crate::{Result, Store};

/// The folder beside the database that holds its backups.
pub const BACKUP_DIR_NAME: &str = "backups";
/// Pages copied per step; between steps another process may write.
const PAGES_PER_STEP: i32 = 256;
/// How often a step that found the source busy is retried, and how long apart.
const BUSY_RETRIES: u32 = 100;
const BUSY_PAUSE: Duration = Duration::from_millis(50);

pub fn backup_dir_for(db_path: &Path) -> PathBuf {
    match db_path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.join(BACKUP_DIR_NAME),
        _ => PathBuf::from(BACKUP_DIR_NAME),
    }
}

pub(crate) fn io_error(what: &str, path: &Path, err: &std::io::Error) -> AppError {
    log::warn!("backup: {what} {}: {err}", path.display());
    let message = match err.kind() {
        std::io::ErrorKind::PermissionDenied => format!(
            "Không ghi được bản sao lưu vào “{}”: không có quyền ghi.",
            path.display()
        ),
        std::io::ErrorKind::StorageFull => {
            "Ổ đĩa đã đầy, không tạo được bản sao lưu. Dữ liệu hiện tại không bị ảnh hưởng."
                .to_string()
        }
        _ => format!(
            "Không tạo được bản sao lưu “{}”. Dữ liệu hiện tại không bị ảnh hưởng.",
            path.display()
        ),
    };
    AppError::new(ErrorCode::Io, message)
}

/// Copies the whole database behind `from` into a new connection `to`, step by
/// step, waiting while another connection holds a lock.
pub(crate) fn copy_pages(from: &Connection, to: &mut Connection) -> Result<()> {
    let backup = Backup::new(from, to).map_err(db_error)?;
    let mut waits = 0;
    loop {
        match backup.step(PAGES_PER_STEP).map_err(db_error)? {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            StepResult::Busy | StepResult::Locked => {
                waits += 1;
                if waits > BUSY_RETRIES {
                    return Err(AppError::new(
                        ErrorCode::Busy,
                        "Cơ sở dữ liệu đang bị một chương trình khác ghi liên tục nên chưa sao lưu được. Hãy đóng chương trình đó rồi thử lại.",
                    ));
                }
                std::thread::sleep(BUSY_PAUSE);
            }
            // Future variants of a non-exhaustive enum: treat as "try again".
            _ => std::thread::sleep(BUSY_PAUSE),
        }
    }
}

/// Writes a copy of the database behind `conn` to `dest`, atomically: `dest`
/// afterwards holds the old file (or nothing) or a whole copy that passed its
/// integrity check. `before_rename` runs between the write and the rename
/// (tests inject faults there).
pub(crate) fn write_copy(
    conn: &Connection,
    dest: &Path,
    before_rename: impl FnOnce(&Path) -> std::io::Result<()>,
) -> Result<()> {
    let dir = match dest.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    crate::perms::create_private_dir(dir).map_err(|e| io_error("create", dir, &e))?;
    let tmp = tempfile::Builder::new()
        .prefix(".commplan-backup-")
        .suffix(".part")
        .tempfile_in(dir)
        .map_err(|e| io_error("create temporary file in", dir, &e))?;
    {
        let mut copy = open_connection(tmp.path(), Access::ReadWrite)?;
        copy_pages(conn, &mut copy)?;
        // A backup is one self-contained file: no -wal beside it.
        let _: String = copy
            .pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))
            .map_err(db_error)?;
        copy.close().map_err(|(_, e)| db_error(e))?;
    }
    tmp.as_file()
        .sync_all()
        .map_err(|e| io_error("flush", tmp.path(), &e))?;
    before_rename(tmp.path()).map_err(|e| io_error("prepare", dest, &e))?;
    tmp.persist(dest)
        .map_err(|e| io_error("rename onto", dest, &e.error))?;
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    let verified = verify_file(dest);
    match verified {
        Ok(v) if v.is_sound() => Ok(()),
        Ok(v) => {
            log::error!("backup {} failed its check: {v:?}", dest.display());
            let _ = std::fs::remove_file(dest);
            Err(AppError::new(
                ErrorCode::Damaged,
                "Bản sao lưu vừa tạo không vượt qua được bước kiểm tra nên đã bị loại bỏ. Dữ liệu hiện tại không bị ảnh hưởng.",
            ))
        }
        Err(e) => {
            let _ = std::fs::remove_file(dest);
            Err(e)
        }
    }
}

/// The backup `name` in `dir` as the user sees it; `None` when the name is not
/// one of ours.
fn info_of(dir: &Path, name: &str) -> Option<BackupInfo> {
    let (at, kind) = policy::parse_file_name(name)?;
    Some(BackupInfo {
        file_name: name.to_string(),
        kind,
        created_at: at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
        size_bytes: dir.join(name).metadata().map(|m| m.len()).unwrap_or(0),
    })
}

/// The backups in `dir`, newest first. Files that are not backups are ignored.
pub fn list_backups_in(dir: &Path) -> Result<Vec<BackupInfo>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io_error("list", dir, &e)),
    };
    let mut out: Vec<BackupInfo> = entries
        .flatten()
        .filter_map(|entry| info_of(dir, &entry.file_name().to_string_lossy()))
        .collect();
    out.sort_by(|a, b| {
        b.created_at
            .cmp(&a.created_at)
            .then_with(|| b.file_name.cmp(&a.file_name))
    });
    Ok(out)
}

/// Deletes the backups in `dir` that rotation no longer keeps, never `just_made`.
fn rotate(dir: &Path, just_made: &str) -> Result<()> {
    let names: Vec<String> = list_backups_in(dir)?
        .into_iter()
        .map(|b| b.file_name)
        .collect();
    for name in policy::to_delete(&names)
        .into_iter()
        .filter(|n| n != just_made)
    {
        let path = dir.join(&name);
        if let Err(e) = std::fs::remove_file(&path) {
            log::warn!("rotation: cannot remove {}: {e}", path.display());
        }
    }
    Ok(())
}

/// The newest backup in `dir` that passes [`verify_file`].
pub fn newest_good_backup(dir: &Path) -> Result<Option<BackupInfo>> {
    for b in list_backups_in(dir)? {
        if verify_file(&dir.join(&b.file_name)).is_ok_and(|v| v.is_sound()) {
            return Ok(Some(b));
        }
        log::warn!("backup {} failed its check", b.file_name);
    }
    Ok(None)
}

/// Makes a backup of `conn` (the database at `db_path`) of the given kind in
/// the backup folder, then rotates the folder.
pub(crate) fn backup_connection(
    conn: &Connection,
    db_path: &Path,
    kind: BackupKind,
) -> Result<BackupInfo> {
    let dir = backup_dir_for(db_path);
    let now = chrono::Utc::now();
    // A backup never replaces another: the same millisecond gets a numbered name.
    let name = (1..)
        .map(|n| policy::numbered_file_name(now, kind, n))
        .find(|name| !dir.join(name).exists())
        .unwrap_or_else(|| policy::file_name(now, kind));
    write_copy(conn, &dir.join(&name), |_| Ok(()))?;
    rotate(&dir, &name)?;
    info_of(&dir, &name).ok_or_else(|| AppError::internal("Tên bản sao lưu vừa tạo không hợp lệ."))
}

impl Store {
    /// The folder that holds this database's backups.
    pub fn backup_dir(&self) -> PathBuf {
        backup_dir_for(&self.path)
    }

    /// Makes a backup now (then rotates the folder).
    pub fn backup(&self, kind: BackupKind) -> Result<BackupInfo> {
        backup_connection(&self.conn, &self.path, kind)
    }

    /// Writes a whole, checked copy of the database to `dest` (atomically).
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        write_copy(&self.conn, dest, |_| Ok(()))
    }

    /// As [`Store::backup_to`], with a hook between write and rename (tests).
    pub fn backup_to_with(
        &self,
        dest: &Path,
        before_rename: impl FnOnce(&Path) -> std::io::Result<()>,
    ) -> Result<()> {
        write_copy(&self.conn, dest, before_rename)
    }

    /// This database's backups, newest first.
    pub fn list_backups(&self) -> Result<Vec<BackupInfo>> {
        list_backups_in(&self.backup_dir())
    }

    /// Whether the database holds any plan (an empty one is not worth a backup).
    pub(crate) fn has_plans(&self) -> Result<bool> {
        self.conn
            .query_row("SELECT EXISTS (SELECT 1 FROM plans)", [], |r| r.get(0))
            .map_err(db_error)
    }

    /// Checks the open database as [`verify_file`] does.
    pub fn verify(&self) -> Result<Verification> {
        verify_connection(&self.conn)
    }

    pub(crate) fn writable(&self) -> Result<()> {
        match &self.read_only {
            Some(reason) => Err(AppError::new(ErrorCode::ReadOnly, reason.message.clone())),
            None => Ok(()),
        }
    }
}
