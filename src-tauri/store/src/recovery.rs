//! Start-up: the database is checked before anything writes to it. A file that
//! fails the check is never repaired in place, deleted or overwritten: it is
//! moved aside with its journal files, and the newest backup that passes its
//! own check is offered instead. A sound file is backed up (`startup`) before
//! the officer's first edit of the day.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::backup::{backup_dir_for, list_backups_in, newest_good_backup};
use crate::connection::{Access, open_connection};
use crate::error::db_error;
use crate::{Result, Store};
use commplan_core::backup::{BackupKind, Damage, Recovery};
use commplan_core::{AppError, ErrorCode};

/// What start-up did with the database file.
pub enum Startup {
    /// The file is sound (or new) and open. `backup_warning` says why the
    /// start-up backup could not be made, if it could not.
    Opened {
        store: Store,
        backup_warning: Option<AppError>,
    },
    /// The file failed its check and was moved aside; nothing is open.
    Damaged(Recovery),
}

/// The folder damaged files are moved into, beside the database.
pub const DAMAGED_DIR_NAME: &str = "damaged";

fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Checks the file at `path`, then opens it; see the module documentation.
pub fn open_at_startup(path: &Path) -> Result<Startup> {
    if let Some(damage) = diagnose(path)? {
        log::error!("{} failed its start-up check: {damage:?}", path.display());
        let moved_to = move_aside(path)?;
        let newest_good_backup = newest_good_backup(&backup_dir_for(path))?;
        return Ok(Startup::Damaged(Recovery {
            damage,
            moved_to: moved_to.display().to_string(),
            newest_good_backup,
        }));
    }
    let store = Store::open(path)?;
    let has_plans = store.read_only().is_none() && store.has_plans().unwrap_or(false);
    let backup_warning = if has_plans {
        store.backup(BackupKind::Startup).err()
    } else {
        None
    };
    Ok(Startup::Opened {
        store,
        backup_warning,
    })
}

/// After a damaged file was moved aside: open a new, empty database in its place.
pub fn start_fresh(path: &Path) -> Result<Store> {
    if path.exists() {
        return Err(AppError::new(
            ErrorCode::Conflict,
            "Đã có tệp dữ liệu ở vị trí này; ứng dụng không ghi đè lên nó.",
        ));
    }
    Store::open(path)
}

/// What is wrong with the file, or `None` when it may be opened.
fn diagnose(path: &Path) -> Result<Option<Damage>> {
    let len = match path.metadata() {
        Ok(m) => m.len(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            log::warn!("stat {}: {e}", path.display());
            return Err(AppError::new(
                ErrorCode::Io,
                "Không đọc được tệp dữ liệu. Hãy kiểm tra quyền truy cập thư mục dữ liệu.",
            ));
        }
    };
    let wal = sidecar(path, "-wal");
    if len == 0 {
        // A new file is created and written in one go; an empty one beside
        // backups (or beside a journal) lost its content.
        let had_data = !list_backups_in(&backup_dir_for(path))?.is_empty()
            || wal.metadata().is_ok_and(|m| m.len() > 0);
        return Ok(had_data.then_some(Damage::Truncated));
    }
    if !wal.exists() && shm_has_unsaved_frames(&sidecar(path, "-shm")) {
        return Ok(Some(Damage::LostJournal));
    }
    let mut header = [0u8; 100];
    let read = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut header))
        .unwrap_or(0);
    if read < 100 {
        return Ok(Some(Damage::Truncated));
    }
    if &header[..16] != b"SQLite format 3\0" {
        return Ok(Some(Damage::Corrupt));
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    let page_count = u64::from(u32::from_be_bytes([
        header[28], header[29], header[30], header[31],
    ]));
    // The page count is valid when the two change counters agree.
    let count_valid = header[24..28] == header[92..96];
    if page_size < 512 || len % page_size != 0 || (count_valid && len < page_size * page_count) {
        return Ok(Some(Damage::Truncated));
    }
    Ok(quick_check(path).then_some(Damage::Corrupt))
}

/// True when `PRAGMA quick_check` fails or reports anything but "ok".
fn quick_check(path: &Path) -> bool {
    let result = open_connection(path, Access::ReadOnly).and_then(|conn| {
        let mut stmt = conn.prepare("PRAGMA quick_check").map_err(db_error)?;
        let rows: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .and_then(Iterator::collect)
            .map_err(db_error)?;
        Ok(rows)
    });
    match result {
        Ok(rows) if rows == ["ok"] => false,
        Ok(rows) => {
            log::error!("quick_check: {rows:?}");
            true
        }
        Err(e) => {
            log::error!("quick_check: {}", e.message);
            true
        }
    }
}

/// The WAL index (-shm) records how many frames the journal holds (`mxFrame`,
/// offset 16 of its header) and how many were copied into the database
/// (`nBackfill`, offset 96). More frames than were copied, with no journal
/// file beside it, means saved changes are missing. The index is in the
/// machine's byte order.
fn shm_has_unsaved_frames(shm: &Path) -> bool {
    let mut buf = [0u8; 100];
    let Ok(read) = std::fs::File::open(shm).and_then(|mut f| f.read(&mut buf)) else {
        return false;
    };
    if read < 100 || buf[12] == 0 {
        return false;
    }
    let word = |at: usize| u32::from_ne_bytes([buf[at], buf[at + 1], buf[at + 2], buf[at + 3]]);
    word(16) > word(96)
}

/// Moves the file and its journal files into `damaged/<time>/`, untouched.
fn move_aside(path: &Path) -> Result<PathBuf> {
    let base = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S").to_string();
    let folder = base.join(DAMAGED_DIR_NAME).join(stamp);
    let failed = |e: std::io::Error| {
        log::error!("move aside {}: {e}", path.display());
        AppError::new(
            ErrorCode::Io,
            "Tệp dữ liệu bị hỏng và không chuyển được sang thư mục riêng; ứng dụng không dùng nó. Hãy kiểm tra quyền ghi của thư mục dữ liệu.",
        )
    };
    crate::perms::create_private_dir(&folder).map_err(failed)?;
    let Some(name) = path.file_name() else {
        return Err(AppError::internal("Đường dẫn tệp dữ liệu không hợp lệ."));
    };
    let target = folder.join(name);
    for suffix in ["-wal", "-shm", ""] {
        let from = sidecar(path, suffix);
        if from.exists() {
            std::fs::rename(&from, sidecar(&target, suffix)).map_err(failed)?;
        }
    }
    if let Ok(d) = std::fs::File::open(base) {
        let _ = d.sync_all();
    }
    Ok(target)
}
