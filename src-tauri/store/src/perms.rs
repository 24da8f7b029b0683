//! Who may read the data: on Unix the folders the store creates (the data
//! folder, `backups/`, `damaged/`) are 0700, and the database with its
//! `-wal` and `-shm` files 0600 (SQLite gives the journal files the mode of
//! the database). Elsewhere the platform's defaults apply.

use std::path::Path;

use commplan_core::{AppError, ErrorCode};

use crate::Result;

#[cfg(unix)]
const PRIVATE_DIR: u32 = 0o700;
#[cfg(unix)]
const PRIVATE_FILE: u32 = 0o600;

/// Creates `dir` and any missing parents, readable by the user alone (0700).
/// A folder that already exists keeps its mode.
pub(crate) fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, PRIVATE_DIR);
    builder.create(dir)
}

/// Creates the empty file `path` readable by the user alone (0600), unless
/// it exists; SQLite then writes a new database into it.
pub(crate) fn create_private_file(path: &Path) -> Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, PRIVATE_FILE);
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => {
            log::warn!("cannot create {}: {e}", path.display());
            Err(AppError::new(
                ErrorCode::Io,
                "Không tạo được tệp dữ liệu. Hãy kiểm tra quyền ghi của thư mục.",
            ))
        }
    }
}

/// Makes the database at `path` and its journal files, where they exist,
/// readable by the user alone. A file made by an older version (0644) is
/// tightened when it is opened for writing; a failure is only logged.
pub(crate) fn restrict_database(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        restrict_file(Path::new(&name));
    }
}

#[cfg(unix)]
fn restrict_file(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let Ok(meta) = path.metadata() else {
        return;
    };
    if meta.permissions().mode() & 0o077 != 0 {
        let mode = meta.permissions().mode() & !0o077;
        if let Err(e) = std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)) {
            log::warn!("cannot restrict {}: {e}", path.display());
        }
    }
}

#[cfg(not(unix))]
fn restrict_file(_path: &Path) {}
